"""Approved translations coming back into the memory: units from text or files, TMX append.

``tmkit tm add`` and ``tmkit check --update-tm`` feed :func:`tmkit.tm.store.add_units`; these
helpers build the units they pass and keep the TMX (the source of truth) in step.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from tmkit.model import Header, Segment, TranslationUnit, Variant, lang_key


def pair_unit(source: str, target: str, src_lang: str, tgt_lang: str) -> TranslationUnit:
    """A unit for one approved pair typed on the command line, dated now."""
    now = datetime.now(UTC).replace(microsecond=0)
    return TranslationUnit((Variant(src_lang, Segment.of(source)), Variant(tgt_lang, Segment.of(target))),
                           srclang=src_lang, creation_date=now, change_date=now)


def units_of_file(path: str | os.PathLike, src_lang: str | None = None,
                  tgt_lang: str | None = None) -> list[TranslationUnit]:
    """The units of a TMX, XLIFF, PO or CSV file (drafts are filtered later by state)."""
    from tmkit.tm.prepare import read_memory_file

    return list(read_memory_file(Path(path), src_lang, tgt_lang))


def append_to_tmx(path: str | os.PathLike, units: Iterable[TranslationUnit]) -> int:
    """Append approved ``units`` to the TMX at ``path`` (created when missing); atomic rewrite.

    Only units with an approved or no state and at least two non-empty variants (what the
    store keeps too) are written, as TMX can hold them (:func:`tmkit.formats.registry.tmx_ready`:
    no state, no XLIFF attributes), and only those the file does not hold yet: a unit whose every pair of variants
    (language and exact segment, codes included) is already in one of the file's units is
    skipped, so running ``check --update-tm`` again does not grow the memory of record.
    Returns how many were appended.
    """
    from dataclasses import replace

    from tmkit.formats.registry import tmx_ready
    from tmkit.formats.tmx import iter_units, read_header, write_tmx

    fresh = [tmx_ready(replace(u, state=None)) for u in units
             if (u.state is None or u.state.approved) and sum(1 for v in u.variants if v.text.strip()) >= 2]
    file = Path(path)
    if file.exists():
        header = read_header(file)
        existing: Iterable[TranslationUnit] = iter_units(file, header=header)
    else:
        header, existing = Header(srclang=fresh[0].srclang or "*all*") if fresh else Header(), ()
    known: set[frozenset] = set()
    appended = 0

    def everything():
        nonlocal appended
        for unit in existing:
            known.update(_variant_pairs(unit))
            yield unit
        for unit in fresh:
            pairs = _variant_pairs(unit)
            if pairs and pairs <= known:
                continue
            known.update(pairs)
            appended += 1
            yield unit

    write_tmx(file, everything(), header)
    return appended


def _variant_pairs(unit: TranslationUnit) -> set[frozenset]:
    """Every two variants of ``unit`` as (language key, segment parts) pairs."""
    variants = [(lang_key(v.lang), v.segment.parts) for v in unit.variants]
    return {frozenset((a, b)) for i, a in enumerate(variants) for b in variants[i + 1:]}
