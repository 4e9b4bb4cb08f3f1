"""Command-line skin over tmkit's library API: parse options, call one function, render."""
