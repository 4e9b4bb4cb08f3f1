"""Azerbaijani: Turkic case folding (İ->i, I->ı), «» quotes, suffix-chain stems.

Keys come from :mod:`tmkit.lang.az_morph`, tmkit's own analysis of nominal suffix chains
under vowel harmony (no licensed Azerbaijani morphology package exists).
"""

from __future__ import annotations

from tmkit.lang.az_morph import stems as az_stems
from tmkit.lang.casefold import fold_turkic
from tmkit.lang.generic import GenericLanguage


class Azerbaijani(GenericLanguage):
    """Azerbaijani (Latin script) language knowledge."""

    code = "az"
    name = "Azerbaijani"
    script = "Latn"
    quotes = (("«", "»"), ("“", "”"))
    data_code = "az"

    def fold(self, text: str) -> str:
        """NFC, İ->i, I->ı, then Unicode case folding."""
        return fold_turkic(text)

    def stems(self, folded: str) -> set[str]:
        """The folded word and every stem its nominal suffix chain allows."""
        return set(az_stems(folded))


# The vowel of the ordinal suffix -ci/-cı/-cu/-cü follows the last word spoken for the
# number (1992 = min doqquz yüz doxsan iki -> "iki" -> -ci), so a number changed by a tool
# must have its suffix changed too (2026-cı but 2027-ci).
_UNIT_SUFFIX = {0: "cı", 1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
_TEN_SUFFIX = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}


def ordinal_suffix(number: int) -> str:
    """The ordinal suffix Azerbaijani writes after ``number``: 1992-ci, 1990-cı, 2000-ci, 3-cü."""
    number = abs(number)
    if number == 0:
        return "cı"  # sıfırıncı
    if number % 10:
        return _UNIT_SUFFIX[number % 10]
    if number % 100:
        return _TEN_SUFFIX[number // 10 % 10]
    if number % 1000:
        return "cü"  # yüz
    if number % 1_000_000:
        return "ci"  # min
    return "cu"  # milyon, milyard
