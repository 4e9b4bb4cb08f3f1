"""Inline suppressions: ``tmkit: ignore RULE[, RULE...] -- reason``.

In bilingual files the marker is a note or comment on the unit (XLIFF ``note``, PO translator
comment, TMX ``note``); in Markdown articles it is an HTML comment on the line before the
sentence, ``<!-- tmkit: ignore number-mismatch -- the source rounds -->``. ``*`` or ``all``
silences every rule. A suppression must say why: one without a reason still silences, but the
``suppression-missing-reason`` rule reports it so reviewers see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_MARKER = re.compile(
    r"tmkit:\s*ignore\s+(?P<rules>[*\w][\w*\-]*(?:\s*,\s*[\w*][\w*\-]*)*)(?:\s*--\s*(?P<reason>.*?))?\s*(?:-->|$)",
    re.MULTILINE,
)
_HTML_COMMENT = re.compile(r"^\s*<!--\s*(tmkit:.*?)-->\s*$")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ``tmkit: ignore`` marker."""

    rules: frozenset[str]
    reason: str | None
    text: str

    def covers(self, rule_id: str) -> bool:
        return rule_id in self.rules or "*" in self.rules or "all" in self.rules


def parse(notes: Iterable[str]) -> list[Suppression]:
    """Every suppression marker in the given notes or comments."""
    found: list[Suppression] = []
    for note in notes:
        for match in _MARKER.finditer(note):
            rules = frozenset(r.strip() for r in match.group("rules").split(",") if r.strip())
            reason = (match.group("reason") or "").strip() or None
            found.append(Suppression(rules, reason, match.group(0).strip()))
    return found


def markdown_suppressions(text: str) -> dict[int, list[Suppression]]:
    """Suppressions of a Markdown article keyed by the 1-based line they apply to.

    A comment applies to the next non-blank line, so a blank line between the comment and
    the paragraph does not lose it.
    """
    lines = text.splitlines()
    result: dict[int, list[Suppression]] = {}
    pending: list[Suppression] = []
    for number, line in enumerate(lines, start=1):
        comment = _HTML_COMMENT.match(line)
        if comment:
            pending.extend(parse([comment.group(1)]))
            continue
        if pending and line.strip():
            result.setdefault(number, []).extend(pending)
            pending = []
    return result
