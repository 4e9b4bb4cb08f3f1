"""Case folding and capital-letter tests shared by the language modules.

``str.lower`` and ``str.casefold`` follow the Unicode default mapping, which is wrong for the
Turkic dotted/dotless i pair: Azerbaijani ``İ`` must fold to ``i`` (casefold gives ``i̇``, an
``i`` plus a combining dot) and ``I`` to ``ı`` (casefold gives ``i``). Every fold starts with
NFC so that a decomposed ``I`` + U+0307 is the same letter as a precomposed ``İ``.
"""

from __future__ import annotations

import re
import unicodedata

import regex

_LOWER = regex.compile(r"\p{Ll}")
_UPPER = regex.compile(r"[\p{Lu}\p{Lt}]")
_KEY_SPECIALS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u2010\u2011\u2019\u02bc]")
_KEY_SPELLING = {
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff")),
    **dict.fromkeys(map(ord, "\u2010\u2011"), "-"),
    **dict.fromkeys(map(ord, "\u2019\u02bc"), "'"),
}


def fold_default(text: str) -> str:
    """NFC then Unicode full case folding: right for English and Russian.

    Except for ``İ``: names from Turkic languages keep it in English and Russian copy
    (``İstanbul``, ``İlham``), and its Unicode folding, ``i`` plus a combining dot, would
    make ``İstanbul`` differ from ``Istanbul``. Outside the Turkic languages the dot is
    only a spelling of the name, so it folds to a plain ``i``.
    """
    text = unicodedata.normalize("NFC", text)
    if "İ" in text:
        text = text.replace("İ", "i")
    return text.casefold()


def fold_turkic(text: str) -> str:
    """NFC, then İ->i and I->ı before full case folding (Azerbaijani, Turkish)."""
    # str.replace, not str.translate: translate looks every character up in a dict, which
    # made folding a Cyrillic or Azerbaijani sentence cost tens of microseconds.
    text = unicodedata.normalize("NFC", text)
    if "I" in text or "İ" in text:
        text = text.replace("İ", "i").replace("I", "ı")
    return text.casefold()


DOTLESS_I_LANGUAGES = frozenset({"az", "tr", "crh", "gag"})
"""Latin-script languages whose alphabet pairs dotted İ/i and dotless I/ı (Azerbaijani,
Turkish, Crimean Tatar, Gagauz): they fold with :func:`fold_turkic`."""


def fold_russian(text: str) -> str:
    """Default folding plus ё->е, because Russian text writes ё only optionally.

    Matching ``всё`` against ``все`` is the price of matching ``Королёв`` written as
    ``Королев``; newsroom copy drops the dots far more often than the pair is ambiguous.
    """
    return fold_default(text).replace("ё", "е")


def key_spelling(text: str) -> str:
    """Drop invisible format characters and write hyphens and apostrophes the ASCII way.

    Text pasted from web pages carries soft hyphens and zero-width joiners
    (``Azər\u00adbaycan``), and typographers use ``‑``/``’``/``ʼ`` where a glossary has
    ``-``/``'``; none of these changes which word it is, so match keys ignore them.
    """
    if not _KEY_SPECIALS.search(text):
        return text  # the usual case, decided without a per-character table lookup
    return text.translate(_KEY_SPELLING)


def is_all_caps(text: str) -> bool:
    """True when ``text`` has at least two cased letters and none of them is lowercase.

    Digits, punctuation and uncased scripts are ignored, so ``"İSRAİL TƏŞKİLATI"`` and
    ``"G7-NİN"`` qualify, while a lone ``"A"`` or ``"2024"`` does not.
    """
    if _LOWER.search(text):
        return False
    return len(_UPPER.findall(text)) >= 2
