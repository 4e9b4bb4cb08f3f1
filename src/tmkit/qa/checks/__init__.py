"""One module per category, one small decorated function per rule (see :mod:`tmkit.qa.registry`)."""
