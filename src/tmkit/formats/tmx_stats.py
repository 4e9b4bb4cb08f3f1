"""What a TMX file holds, counted in one streaming pass (works the same on 1 GB files).

Languages are counted by :func:`tmkit.model.lang_key` so ``EN-US`` and ``en-us`` are one
language, shown in the spelling met first. Props, notes and inline codes are counted at
every level (header, unit, variant; codes nested in ``hi`` and ``sub`` included).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tmkit.errors import UsageError
from tmkit.formats.tmx_read import iter_units, read_header
from tmkit.model import InlineCode, Part, lang_key


@dataclass
class TmxStats:
    """Counts for one file, or the total of several (then ``version``/``srclang`` are None)."""

    path: str
    units: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    props: Counter[str] = field(default_factory=Counter)
    inline_codes: Counter[str] = field(default_factory=Counter)
    notes: int = 0
    version: str | None = None
    srclang: str | None = None
    _spelling: dict[str, str] = field(default_factory=dict, repr=False)

    def add_language(self, lang: str, count: int = 1) -> None:
        """Count ``count`` variants in ``lang`` under the first spelling seen for its key."""
        spelling = self._spelling.setdefault(lang_key(lang), lang)
        self.languages[spelling] = self.languages.get(spelling, 0) + count

    def to_dict(self) -> dict:
        return {"path": self.path, "units": self.units, "languages": dict(self.languages),
                "props": dict(sorted(self.props.items())),
                "inline_codes": dict(sorted(self.inline_codes.items())), "notes": self.notes,
                "version": self.version, "srclang": self.srclang}


def tmx_stats(path: str | os.PathLike) -> TmxStats:
    """Count units, languages, props, notes and inline codes of one TMX file.

    A file whose extension names another format (``x.po``) is a usage error saying so,
    rather than the XML parser's complaint about its first line.
    """
    from tmkit.formats.registry import EXTENSIONS

    kind = EXTENSIONS.get(os.path.splitext(path)[1].lower())
    if kind not in (None, "tmx"):
        # a glossary cannot become a memory, so only segment files are offered the conversion
        hint = ("`tmkit validate` checks it" if kind == "tbx"
                else "`tmkit validate` checks it, `tmkit convert` turns it into TMX")
        raise UsageError(f"this is {kind.upper()}, not TMX: tm stats counts TMX files ({hint})",
                         path=os.fspath(path))
    header = read_header(path)
    stats = TmxStats(os.fspath(path), version=header.version, srclang=header.srclang)
    stats.props.update(p.type for p in header.props)
    stats.notes += len(header.notes)
    codes = stats.inline_codes
    for unit in iter_units(path, header=header):
        stats.units += 1
        stats.notes += len(unit.notes)
        if unit.props:
            stats.props.update(p.type for p in unit.props)
        for variant in unit.variants:
            stats.add_language(variant.lang)
            if variant.props:
                stats.props.update(p.type for p in variant.props)
            stats.notes += len(variant.notes)
            if variant.segment.has_codes:
                _count_codes(variant.segment.parts, codes)
    return stats


def _count_codes(parts: Iterable[Part], counts: Counter[str]) -> None:
    """Count every element, recursing into wrapped text and ``sub`` inside native codes."""
    for part in parts:
        if isinstance(part, InlineCode):
            counts[part.kind] += 1
            if part.content:
                _count_codes(part.content, counts)


def total_stats(files: Iterable[TmxStats]) -> TmxStats:
    """The sum of several files' counts."""
    total = TmxStats("total")
    for stats in files:
        total.units += stats.units
        total.notes += stats.notes
        total.props.update(stats.props)
        total.inline_codes.update(stats.inline_codes)
        for lang, count in stats.languages.items():
            total.add_language(lang, count)
    return total
