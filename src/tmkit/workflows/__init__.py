"""Workflows: one user job each (check, lint, ...), composing readers, glossary, memory and engines."""
