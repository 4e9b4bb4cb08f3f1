"""Errors tmkit reports to people: each names the file and, where known, line and column.

The CLI turns :class:`TmkitError` into one line on stderr and exit code 2; library callers
catch it like any exception. Keeping position fields separate lets reporters format them.
"""

from __future__ import annotations


def format_location(path: str | None, line: int | None = None, column: int | None = None) -> str:
    """``file:line:col`` with the parts that are known (``<input>`` for an unnamed source)."""
    parts = [path or "<input>"]
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)


class TmkitError(Exception):
    """A problem with the user's input or request, explained in one line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint

    def location(self) -> str:
        """``file:line:col`` with the parts that are known."""
        return format_location(self.path, self.line, self.column)

    def __str__(self) -> str:
        known = self.path is not None or self.line is not None
        text = f"{self.location()}: {self.message}" if known else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(TmkitError):
    """A file that cannot be read: missing, malformed, unsafe or in an unsupported format."""


class UnsafeXmlError(InputError):
    """XML that declares entities or external resources; tmkit refuses it before expanding."""


class UsageError(TmkitError):
    """A request that cannot be carried out as asked (unknown language, missing glossary...)."""
