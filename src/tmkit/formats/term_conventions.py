"""Conventions every glossary format shares: match options and unmarked statuses.

**Match options.** ``Term.inflects``, ``case_sensitive`` and ``softening`` are tmkit's
own; CSV glossaries carry them in ``match``/``case``/``softening`` columns with the
spellings below. TBX has no data category for "match this term only verbatim", and
TBX-Basic fixes the list of ``termNote`` types, so a ``<termNote type="x-tmkit-match">``
makes a file invalid. tmkit therefore writes each option as a term-level ``<note>`` whose
whole text is ``x-tmkit-<option>: <value>`` (valid wherever a note is), and reads both that
form and the ``termNote``/DCT-element form other tools or hand edits may use.

**Unmarked statuses.** See :func:`resolve_statuses`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tmkit.model import Term, TermStatus, lang_key

PREFIX = "x-tmkit-"

# option -> {spelling: value of the Term field it sets}
_VALUES: dict[str, dict[str, bool]] = {
    "match": {"exact": False, "inflects": True},
    "case": {"sensitive": True, "insensitive": False},
    "softening": {"yes": True, "no": False},
}
FIELD_OF_OPTION = {"match": "inflects", "case": "case_sensitive", "softening": "softening"}

_NOTE = re.compile(r"x-tmkit-(match|case|softening)\s*:\s*(\S+)", re.IGNORECASE)


def option_value(option: str, text: str) -> bool | None:
    """The Term field value an option spelling stands for, or None if it is not one."""
    return _VALUES.get(option.lower(), {}).get(text.strip().lower())


def parse_option_note(text: str) -> tuple[str, bool] | None:
    """``(term field, value)`` when a note is one of tmkit's option notes, else None.

    Only a note consisting of exactly one option with a known value qualifies, so
    ordinary notes that merely mention the prefix stay notes.
    """
    found = _NOTE.fullmatch(text.strip())
    if found is None:
        return None
    value = option_value(found.group(1), found.group(2))
    if value is None:
        return None
    return FIELD_OF_OPTION[found.group(1).lower()], value


def option_notes(term: Term) -> list[str]:
    """The option notes for ``term``: only options that differ from tmkit's defaults."""
    notes = []
    if not term.inflects:
        notes.append(f"{PREFIX}match: exact")
    if term.case_sensitive is not None:
        notes.append(f"{PREFIX}case: {'sensitive' if term.case_sensitive else 'insensitive'}")
    if term.softening:
        notes.append(f"{PREFIX}softening: yes")
    return notes


def resolve_statuses(declared: Sequence[tuple[str, TermStatus | None]]) -> list[TermStatus]:
    """Statuses for a concept's terms, given each term's language and declared status.

    A term without a status is *preferred* when it is the only usable (not deprecated or
    superseded) term of its language in the concept, and *admitted* otherwise. TBX leaves
    such terms unspecified; one unmarked synonym among several should not silently outrank
    its siblings, while a lone unmarked term is plainly the one to use.
    """
    usable = Counter(lang_key(lang) for lang, status in declared
                     if status is None or status.allowed)
    resolved = []
    for lang, status in declared:
        if status is None:
            alone = usable[lang_key(lang)] == 1
            status = TermStatus.PREFERRED if alone else TermStatus.ADMITTED
        resolved.append(status)
    return resolved
