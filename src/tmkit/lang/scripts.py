"""Quick tests for "could this text hold a Latin (or Cyrillic) letter at all?".

Several checks look for letters of one script inside text of another (a Latin O in ОДКБ, an
English sentence left in a Russian target). Their exact patterns use the ``regex`` module's
script properties, which cost a step at every character. These stdlib character classes list
the Unicode blocks of each script (a superset of the letters with that Script property,
verified over every code point by the tests), so ``re`` finds the first candidate in C and
a text without one is dismissed in about a microsecond.
"""

from __future__ import annotations

import re

LATIN_LETTER = re.compile(
    "[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02b8\u02e0-\u02e4\u1d00-\u1dbe\u1e00-\u1eff"
    "\u2071\u207f\u2090-\u209f\u212a\u212b\u2132\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua7ff"
    "\uab30-\uab6f\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a\U00010780-\U000107bf\U0001df00-\U0001dfff]"
)
"""Matches every character whose Unicode Script is Latin (and a few neighbours)."""

CYRILLIC_LETTER = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u1d2b\u1d78\u2de0-\u2dff\ua640-\ua69f\ufe2e\ufe2f"
                             "\U0001e030-\U0001e08f]")
"""Matches every character whose Unicode Script is Cyrillic (and a few neighbours)."""


def may_hold(script: str, text: str) -> bool:
    """False only when ``text`` surely has no character of ``script`` (``latin``/``cyrillic``)."""
    pattern = LATIN_LETTER if script == "latin" else CYRILLIC_LETTER
    return pattern.search(text) is not None
