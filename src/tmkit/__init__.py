"""tmkit: translation memories, glossaries and QA for newsrooms publishing in en, ru and az.

The package is a library first; the ``tmkit`` command is a thin skin over it.
"""

__version__ = "0.1.0"
