"""Atomic file replacement shared by the writers.

A glossary or memory in the repository is the source of truth, so a writer that fails
half-way (a bad value, a full disk, Ctrl-C) must leave the old file untouched: content goes
to a temporary file in the same folder, which replaces the target only once it is complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tmkit.errors import UsageError


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` when the block succeeds.

    The temporary file lives in the target's folder so :func:`os.replace` is a rename on one
    file system. On any exception it is removed and the exception propagates.
    """
    target = Path(path)
    if target.is_dir():
        raise UsageError("cannot write here: this is a folder, not a file", path=str(target))
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent if str(target.parent) else ".")
    except OSError as exc:
        raise UsageError(f"cannot write here: {exc.strerror or exc}", path=str(target)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        os.chmod(temporary, _final_mode(target))
        yield temporary
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise UsageError(f"cannot write here: {exc.strerror or exc}", path=str(target)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _final_mode(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask-based mode.

    ``mkstemp`` creates files readable by the owner only, which would surprise
    colleagues sharing a glossary folder.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
