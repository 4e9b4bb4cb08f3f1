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
