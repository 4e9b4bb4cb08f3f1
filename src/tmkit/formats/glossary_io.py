"""Load and save a glossary by file name: TBX, or CSV/TSV, chosen by the extension.

The glossary layer and the CLI accept "a glossary file" without asking users which
format it is; this is the one place that maps extensions to readers and writers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from tmkit.errors import InputError, UsageError
from tmkit.formats.csv_glossary import load_csv_glossary, write_csv_glossary
from tmkit.formats.tbx import load_tbx, write_tbx
from tmkit.model import Concept

Loader = Callable[[str], list[Concept]]
Saver = Callable[[str, list[Concept]], int]

_FORMATS: dict[str, tuple[Loader, Saver]] = {
    ".tbx": (load_tbx, write_tbx),
    ".csv": (load_csv_glossary, write_csv_glossary),
    ".tsv": (load_csv_glossary, write_csv_glossary),
    ".txt": (load_csv_glossary, write_csv_glossary),  # tab-separated, like OmegaT glossaries
}

SUPPORTED_EXTENSIONS = tuple(_FORMATS)


def load_glossary_file(path: str | os.PathLike[str]) -> list[Concept]:
    """Read a glossary in the format its extension names.

    Raises :class:`UsageError` for an unsupported extension and :class:`InputError` for a
    missing file or bad content.
    """
    name = os.fspath(path)
    loader, _ = _format_of(name)
    if not Path(name).exists():
        raise InputError("file not found", path=name)
    if not Path(name).is_file():
        raise InputError("not a regular file", path=name)
    return loader(name)


def save_glossary_file(path: str | os.PathLike[str], concepts: Iterable[Concept]) -> int:
    """Write concepts in the format the extension names; returns how many were written."""
    name = os.fspath(path)
    _, saver = _format_of(name)
    return saver(name, list(concepts))


def _format_of(name: str) -> tuple[Loader, Saver]:
    suffix = Path(name).suffix.lower()
    try:
        return _FORMATS[suffix]
    except KeyError:
        shown = f"'{suffix}'" if suffix else "no extension"
        raise UsageError(f"unsupported glossary format ({shown}); supported extensions: "
                         f"{', '.join(SUPPORTED_EXTENSIONS)}", path=name) from None
