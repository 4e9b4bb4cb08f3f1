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
                  "milyar": "milyard", "dolar": "dollar", "ekonomi": "iqtisadiyyat",
                  # institutions and diplomacy (Turkish e where Azerbaijani writes ə, p for b...)
                  "dışişleri": "Xarici İşlər", "işleri": "işləri", "avrupa": "Avropa",
                  "başkanı": "sədri", "cumhurbaşkanlığı": "Prezident Administrasiyası",
                  "birleşmiş": "Birləşmiş", "milletler": "Millətlər", "devlet": "dövlət",
                  "görüştü": "görüşdü"}
_TURKISH_PHRASES = {("avrupa", "birliği"): "Avropa İttifaqı", ("dışişleri", "bakanlığı"): "Xarici İşlər Nazirliyi",
                    ("dışişleri", "bakanı"): "xarici işlər naziri", ("birleşmiş", "milletler"): "Birləşmiş Millətlər"}
"""Names of institutions that Azerbaijani does not translate word for word: the whole phrase
is the suggestion (Avrupa Birliği is Avropa İttifaqı, not Avropa Birliyi)."""
_TURKISH_SOFT_G = regex.compile(r"[eiöü]ğ[eiöü]", regex.IGNORECASE)
"""Turkish softens k to ğ between front vowels (birliği, değil, işbirliği, güvenliği), where
Azerbaijani writes y (birliyi, deyil). Azerbaijani ğ stands by back vowels (dağ, oğlu) or
before ə (lüğət, müğənni), so the letters alone give a Turkish spelling away."""


@pair_rule("az-turkish-spelling", "script", "error")
def az_turkish_spelling(pair: PairView) -> Iterator[Hit]:
    """An Azerbaijani target uses Turkish letters or words where Azerbaijani ones are due.

    ``ä`` for ``ə``, circumflexed ``â î û``, Turkish function words (``ve``, ``için``,
    ``ile``, ``olarak``, ``değil``...) and news words (``Dışişleri``, ``Avrupa Birliği``) that do
    not exist in Azerbaijani, and Turkish ``ğ`` between front vowels (``birliği`` for ``birliyi``).
    """
    if base_lang(pair.tgt_lang) != "az":
        return
    folded = pair.tgt.fold(pair.target)
    if not any(c in pair.target for c in _NOT_AZERBAIJANI_LETTERS) and \
            not any(w in _TURKISH_WORDS for w in _WORD.findall(folded)) and \
            not ("ğ" in folded and _TURKISH_SOFT_G.search(folded)):
        return
    matches = list(_WORD.finditer(pair.target))
    for index, match in enumerate(matches):
        hit = _turkish_phrase(pair, matches, index) or _turkish_word(pair, match)
        if hit is not None:
            yield hit
            return


def _turkish_phrase(pair: PairView, matches: list, index: int) -> Hit | None:
    """A two-word Turkish institution name starting at word ``index`` (Avrupa Birliği)."""
    if index + 1 >= len(matches):
        return None
    first, second = matches[index], matches[index + 1]
    replacement = _TURKISH_PHRASES.get((pair.tgt.fold(first.group()), pair.tgt.fold(second.group())))
    if replacement is None or pair.target[first.end():second.start()].strip():
        return None
    phrase = pair.target[first.start():second.end()]
    return Hit(f"{phrase!r} is Turkish; Azerbaijani writes {replacement!r}", suggestion=replacement,
               span=(first.start(), second.end()))


def _turkish_word(pair: PairView, match) -> Hit | None:
    """A word with a letter, a spelling or a form that is Turkish rather than Azerbaijani."""
    word = match.group()
    bad = [c for c in word if c in _NOT_AZERBAIJANI_LETTERS]
    if bad and not word[:1].isupper():  # a capitalized word is a name: Brâncoveanu stays
        fixed = "".join(_NOT_AZERBAIJANI_LETTERS.get(c, c) for c in word)
        return Hit(f"{word!r} uses {''.join(bad)}, not an Azerbaijani letter", suggestion=fixed, span=match.span())
    folded = pair.tgt.fold(word)
    replacement = _TURKISH_WORDS.get(folded)
    if replacement:
        return Hit(f"{word!r} is Turkish; Azerbaijani writes {replacement!r}", suggestion=replacement,
                   span=match.span())
    soft = _TURKISH_SOFT_G.search(word)
    if soft is not None:
        fixed = word[:soft.start() + 1] + ("Y" if word[soft.start() + 1] == "Ğ" else "y") + word[soft.start() + 2:]
        return Hit(f"{word!r} is spelled the Turkish way (ğ between front vowels); Azerbaijani writes "
                   f"y or k there, as in {fixed!r}", suggestion=fixed, span=match.span())
    return None
