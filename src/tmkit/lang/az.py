"""Azerbaijani: Turkic case folding (İ->i, I->ı), «» quotes, suffix-chain stems.

Keys come from :mod:`tmkit.lang.az_morph`, tmkit's own analysis of nominal suffix chains
under vowel harmony (no licensed Azerbaijani morphology package exists).
"""

from __future__ import annotations

from tmkit.lang.az_morph import dictionary_keys
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

    def term_keys(self, folded: str, phrase_end: bool = False) -> frozenset[str]:
        """Keys of a glossary term's word, a dictionary form: itself, not its analyses
        (see :func:`tmkit.lang.az_morph.dictionary_keys`)."""
        return dictionary_keys(folded, phrase_end)


_UNITS = ("sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz")
_TENS = ("", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan")
_VOWELS = "aıoueəiöü"
_BACK = "aıou"
_ROUNDED = "ouöü"
_FOUR_WAY = {(True, False): "ı", (False, False): "i", (True, True): "u", (False, True): "ü"}


def last_number_word(number: int) -> str:
    """The last word spoken for ``number`` (1992 -> "iki", 1990 -> "doxsan", 2000 -> "min"):
    the vowel harmony of a suffix written after the digits follows it."""
    number = abs(number)
    if number % 10 or number == 0:
        return _UNITS[number % 10]
    if number % 100:
        return _TENS[number // 10 % 10]
    if number % 1000:
        return "yüz"
    if number % 1_000_000:
        return "min"
    return "milyon" if number % 1_000_000_000 else "milyard"


def number_suffix(suffix: str, number: int) -> str:
    """``suffix`` (written after a number's hyphen: ``dan``, ``yə``, ``cı``, ``nin``) made to
    agree with ``number``: its vowels follow the number's last spoken word, and a buffer
    consonant (y before a/ə, n before ı/i/u/ü) stands between a final vowel and a suffix
    vowel. ``number_suffix("dən", 6)`` is ``dan``; ``number_suffix("a", 50)`` is ``yə``.

    Suffixes after a number are case endings and ordinals, whose vowels harmonize two ways
    (a/ə) or four ways (ı/i/u/ü); other letters are kept.
    """
    word = last_number_word(number)
    core, buffer = suffix, ""
    if len(core) > 1 and core[0] in "yns" and core[1] in _VOWELS:
        buffer, core = core[0], core[1:]
    previous = next(ch for ch in reversed(word) if ch in _VOWELS)
    out = []
    for ch in core:
        if ch in "aə":
            ch = "a" if previous in _BACK else "ə"
        elif ch in "ıiuü":
            ch = _FOUR_WAY[(previous in _BACK, previous in _ROUNDED)]
        if ch in _VOWELS:
            previous = ch
        out.append(ch)
    result = "".join(out)
    if word[-1] in _VOWELS and result[:1] in _VOWELS:
        result = (buffer or ("y" if result[0] in "aə" else "n")) + result
    return result
