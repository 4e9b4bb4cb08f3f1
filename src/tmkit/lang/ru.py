"""Russian: case folding with ё->е, «ёлочки» then „лапки“, pymorphy3 lemmas.

Keys of a word form are every normal form pymorphy3 proposes for it (``стали`` -> ``стать``
and ``сталь``), folded with ё->е. For words outside the dictionary pymorphy3 guesses from
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


@lru_cache(maxsize=KEY_CACHE_SIZE)
def normal_forms(folded: str) -> tuple[frozenset[str], bool]:
    """Normal forms of a folded word and whether pymorphy3 knew the word (not a guess)."""
    parses = morph_analyzer().parse(folded)
    forms = frozenset(fold_russian(p.normal_form) for p in parses)
    known = any(p.is_known for p in parses)
    return forms, known


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
