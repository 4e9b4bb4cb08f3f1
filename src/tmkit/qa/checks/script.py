"""Script: letters from the wrong alphabet inside words."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tmkit.lang.scripts import may_hold
from tmkit.model import base_lang
from tmkit.qa.registry import Hit, pair_rule
from tmkit.qa.view import PairView

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_SCRIPT_CHANGE = regex.compile(r"\p{Latin}\p{M}*\p{Cyrillic}|\p{Cyrillic}\p{M}*\p{Latin}")
"""Two adjacent letters of different scripts: every mixed word has at least one such seam."""
_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


@pair_rule("mixed-script", "script", "error")
def mixed_script(pair: PairView) -> Iterator[Hit]:
    """A word in the target mixes Latin and Cyrillic letters ("OДКБ" with a Latin O).

    Look-alike letters make a word invisible to search, spell checking and the glossary;
    a Cyrillic ә typed for the Latin ə in Azerbaijani is the same mistake.
    """
    text = pair.target
    if not (may_hold("latin", text) and may_hold("cyrillic", text)):
        return
    seen_end = -1
    for seam in _SCRIPT_CHANGE.finditer(text):
        if seam.start() < seen_end:
            continue
        start = seam.start()
        while start > 0 and _WORD.match(text[start - 1]):
            start -= 1
        word_match = _WORD.match(text, start)
        seen_end = word_match.end()
        word = word_match.group()
        latin = "".join(c for c in word if _LATIN.match(c))
        cyrillic = "".join(c for c in word if _CYRILLIC.match(c))
        yield Hit(f"{word!r} mixes Latin ({latin}) and Cyrillic ({cyrillic}) letters", span=word_match.span())


# Letters and words of Turkish (and old Azerbaijani typing habits) that standard Azerbaijani
# Latin spelling does not use; each maps to what Azerbaijani writes instead.
_NOT_AZERBAIJANI_LETTERS = {"ä": "ə", "Ä": "Ə", "â": "a", "Â": "A", "î": "i", "Î": "İ", "û": "u", "Û": "U"}
_TURKISH_WORDS = {"ve": "və", "için": "üçün", "ile": "ilə", "olarak": "olaraq", "değil": "deyil",
                  "gibi": "kimi", "ancak": "ancaq", "şimdi": "indi", "tarafından": "tərəfindən",
                  # news words spelled the Turkish way (none is an Azerbaijani word)
                  "yüzde": "faiz", "cumhurbaşkanı": "prezident", "azerbaycan": "Azərbaycan",
                  "türkiye": "Türkiyə", "bakan": "nazir", "bakanı": "naziri", "bakanlığı": "nazirliyi",
                  "arttı": "artıb", "açıkladı": "açıqlayıb", "üzere": "üzrə", "çok": "çox",
                  "büyük": "böyük", "hükümet": "hökumət", "ülke": "ölkə", "şirket": "şirkət",
                  "milyar": "milyard", "dolar": "dollar", "ekonomi": "iqtisadiyyat"}


@pair_rule("az-turkish-spelling", "script", "error")
def az_turkish_spelling(pair: PairView) -> Iterator[Hit]:
    """An Azerbaijani target uses Turkish letters or words where Azerbaijani ones are due.

    ``ä`` for ``ə``, circumflexed ``â î û``, and Turkish function words (``ve``, ``için``,
    ``ile``, ``olarak``, ``değil``...) that do not exist in Azerbaijani.
    """
    if base_lang(pair.tgt_lang) != "az":
        return
    folded = pair.tgt.fold(pair.target)
    if not any(c in pair.target for c in _NOT_AZERBAIJANI_LETTERS) and \
            not any(w in _TURKISH_WORDS for w in _WORD.findall(folded)):
        return
    for match in _WORD.finditer(pair.target):
        word = match.group()
        bad = [c for c in word if c in _NOT_AZERBAIJANI_LETTERS]
        if bad and not word[:1].isupper():  # a capitalized word is a name: Brâncoveanu stays
            fixed = "".join(_NOT_AZERBAIJANI_LETTERS.get(c, c) for c in word)
            yield Hit(f"{word!r} uses {''.join(bad)}, not an Azerbaijani letter", suggestion=fixed,
                      span=match.span())
            return
        replacement = _TURKISH_WORDS.get(pair.tgt.fold(word))
        if replacement:
            yield Hit(f"{word!r} is Turkish; Azerbaijani writes {replacement!r}", suggestion=replacement,
                      span=match.span())
            return
