"""Length: a target far longer or shorter than any translation of its source would be."""

from __future__ import annotations

from collections.abc import Iterator

from tmkit.qa.registry import Hit, pair_rule
from tmkit.qa.view import PairView

MIN_SOURCE_CHARS = 30
"""Short strings (headings, labels) vary too much in length to judge."""

MIN_SOURCE_CHARS_LONGER = 60
"""Terse phrases ("Propagation and matching") legitimately grow threefold in Russian, so
"too long" is judged on sentence-length sources only."""

LOW, HIGH = 0.4, 2.5
"""Bounds of target/source length; en, ru and az translations stay well within them."""


@pair_rule("length-ratio", "length", "warning")
def length_ratio(pair: PairView) -> Iterator[Hit]:
    """The target is less than 40 % or more than 250 % of the source length.

    Only sources of 30 characters or more are judged (60 for "too long"), and not strings with ``|`` plural
    variants; a translation outside these bounds is usually truncated, doubled or pasted
    into the wrong unit.
    """
    source, target = pair.source.strip(), pair.target.strip()
    if len(source) < MIN_SOURCE_CHARS or not target or pair.has_variants:
        return
    ratio = len(target) / len(source)
    if ratio < LOW:
        yield Hit(f"the target is only {ratio:.0%} of the source length: truncated?")
    elif ratio > HIGH and len(source) >= MIN_SOURCE_CHARS_LONGER:
        yield Hit(f"the target is {ratio:.0%} of the source length: text added or duplicated?")
