"""Russian: case folding with ё->е, «ёлочки» then „лапки“, pymorphy3 lemmas.

Keys of a word form are every normal form pymorphy3 proposes for it (``стали`` -> ``стать``
and ``сталь``), folded with ё->е, except readings that are all but unused (:data:`RARE_READING`). For words outside the dictionary pymorphy3 guesses from
endings; the guesses are kept and the folded word itself is added so that a name tmkit has
never seen still matches itself. The analyzer (16 MB of dictionaries) loads on first use,
once per process.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from tmkit.lang.casefold import fold_russian
from tmkit.lang.generic import KEY_CACHE_SIZE, GenericLanguage

if TYPE_CHECKING:
    import pymorphy3


@cache
def morph_analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide pymorphy3 analyzer, loaded on first use."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


RARE_READING = 0.01
"""A known word's normal form whose readings together score below this (pymorphy3's
corpus-based estimate) is dropped: ``после`` is the preposition 99 % of the time and the
locative of ``посол`` 0.1 %, so keeping that reading put "ambassador" into almost every
Russian sentence; ``день`` as the imperative of ``деть`` (0.6 %) joined ``день`` and ``дел``.
Readings that newsroom terms need stay: ``стали`` as a form of ``сталь`` scores 2.5 %."""


@lru_cache(maxsize=KEY_CACHE_SIZE)
def normal_forms(folded: str) -> tuple[frozenset[str], bool]:
    """Normal forms of a folded word and whether pymorphy3 knew the word (not a guess).

    For a known word, forms whose readings are all but unused (:data:`RARE_READING`) are
    left out; a guessed word keeps every guess.
    """
    parses = morph_analyzer().parse(folded)
    known = any(p.is_known for p in parses)
    weights: dict[str, float] = {}
    for parse in parses:
        form = fold_russian(parse.normal_form)
        weights[form] = weights.get(form, 0.0) + parse.score
    if known and len(weights) > 1:
        kept = frozenset(form for form, weight in weights.items() if weight >= RARE_READING)
        if kept:
            return kept, known
    return frozenset(weights), known


class Russian(GenericLanguage):
    """Russian language knowledge."""

    code = "ru"
    name = "Russian"
    script = "Cyrl"
    quotes = (("«", "»"), ("„", "“"))
    data_code = "ru"

    def fold(self, text: str) -> str:
        """Unicode case folding after NFC, then ё->е (see the Languages section of README.md)."""
        return fold_russian(text)

    def stems(self, folded: str) -> set[str]:
        """Every pymorphy3 normal form; the word itself too when pymorphy3 only guessed."""
        forms, known = normal_forms(folded)
        keys = set(forms)
        if not known or not keys:
            keys.add(folded)
        return keys

    def unlisted_forms(self, folded: str) -> frozenset[str]:
        """Forms of a word pymorphy3 does not know (it guesses the paradigm) whose own keys
        miss the word: ``красноводском``, the instrumental of the guessed noun
        ``красноводск``, is in the dictionary only as the adjective ``красноводский``.
        Empty for dictionary words, whose forms all lead back to their lemma."""
        return _unlisted_forms(folded, self)

    def inflect_forms(self, lemma: str) -> set[str]:
        """Every form of ``lemma`` (all cases and numbers), folded, for glossary expansion.

        Only parses whose normal form is ``lemma`` itself count, so ``стали`` given as a
        lemma yields nothing while ``сталь`` yields ``стали``, ``сталью``...
        """
        folded = self.fold(lemma.strip())
        forms: set[str] = set()
        for parse in morph_analyzer().parse(folded):
            if fold_russian(parse.normal_form) != folded:
                continue
            forms.update(fold_russian(form.word) for form in parse.lexeme)
        return forms


@lru_cache(maxsize=4096)
def _unlisted_forms(folded: str, russian: Russian) -> frozenset[str]:
    forms, known = normal_forms(folded)
    if known:
        return frozenset()
    own = russian.keys(folded)
    return frozenset(form for form in russian.inflect_forms(folded) if russian.keys(form).isdisjoint(own))
