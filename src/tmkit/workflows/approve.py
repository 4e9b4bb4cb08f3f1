"""Approved translations into the memory: the job behind ``tmkit tm add`` and ``check --update-tm``.

Both commands end the same way: the units go into the store (both directions, drafts
skipped, deduplicated) and, when asked, are appended to a TMX, which stays the memory's
source of truth so a rebuilt store keeps them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tmkit.model import TranslationUnit
from tmkit.tm.intake import append_to_tmx
from tmkit.tm.store import AddReport, Store, add_units


@dataclass(frozen=True)
class Stored:
    """What storing approved units did: the store's report and the units appended to a TMX."""

    store: Path
    report: AddReport
    appended: int | None
    """Units appended to the TMX; None when no TMX was asked for."""


def store_approved(units: Sequence[TranslationUnit], store_path: str | os.PathLike, *, origin: str,
                   src_lang: str | None = None, tgt_lang: str | None = None,
                   tmx: str | os.PathLike | None = None, in_document: bool = True) -> Stored:
    """Add ``units`` to the store at ``store_path`` (created when missing), then to ``tmx``;
    ``in_document`` as for :func:`tmkit.tm.store.add_units`."""
    path = Path(store_path)
    with Store(path) as store:
        report = add_units(store, units, src_lang=src_lang, tgt_lang=tgt_lang, origin=origin,
                           in_document=in_document)
    appended = append_to_tmx(tmx, units) if tmx is not None else None
    return Stored(path, report, appended)
