"""English: Unicode case folding, inflection-only keys guarded Snowball stems, curly quotes.

Keys of a word (after a possessive ``'s``/``’s`` or a plural possessive ``leaders'`` is
removed) are the word itself, the bases its inflectional ending allows (``allies`` ->
``ally``, ``stopped`` -> ``stop``/``stopp``, ``negotiating`` -> ``negotiate``), and its
Snowball (Porter 2) stem *when the stemmer removed inflection only*. Snowball also strips
derivational suffixes (``national`` -> ``nation``, ``presidency`` -> ``presid``,
``important`` -> ``import``), which would make distinct glossary terms collide, so a stem
that cut into a derivational suffix is not a key.
"""

from __future__ import annotations

import Stemmer

from tmkit.lang.generic import GenericLanguage
from tmkit.lang.tokenize import APOSTROPHES

_APOSTROPHES = tuple(APOSTROPHES)
_POSSESSIVES = tuple(mark + "s" for mark in APOSTROPHES)
_INFLECTIONS = ("ing", "ies", "ied", "es", "ed", "s", "d")
_SPELLING_REST = frozenset({"", "e", "y", "i", "ie"})
_MIN_BASE = 3


class English(GenericLanguage):
    """English language knowledge."""

    code = "en"
    name = "English"
    script = "Latn"
    quotes = (("“", "”"), ("‘", "’"))
    data_code = "en"

    def __init__(self) -> None:
        super().__init__()
        self._stem = Stemmer.Stemmer("english").stemWord

    def stems(self, folded: str) -> set[str]:
        """The word without possessive, its inflectional bases and its guarded Snowball stem."""
        word = strip_possessive(folded)
        keys = {word, *inflectional_bases(word)}
        stem = self._stem(word)
        if stem != word and only_inflection_removed(word, stem):
            keys.add(stem)
        return keys


def strip_possessive(word: str) -> str:
    """``nato`` for ``nato's``, ``leaders`` for ``leaders'``; other words unchanged."""
    if word.endswith(_POSSESSIVES) and len(word) > 2:
        return word[:-2]
    if word.endswith(_APOSTROPHES) and len(word) > 1:
        return word[:-1]
    return word


def inflectional_bases(word: str) -> set[str]:
    """Candidate uninflected forms of a regular plural, past or -ing form (without a lexicon).

    Every plausible undoing is returned (``sanctioned`` -> ``sanction``, ``sanctione``); a
    wrong candidate costs nothing unless it is itself another word's form.
    """
    bases: set[str] = set()
    if word.endswith("ss") or len(word) <= _MIN_BASE:
        return bases
    if word.endswith(("ies", "ied")):
        bases.add(word[:-3] + "y")
    if word.endswith("es"):
        bases.add(word[:-2])
    if word.endswith("s"):
        bases.add(word[:-1])
    for ending in ("ed", "ing"):
        if word.endswith(ending):
            root = word[: -len(ending)]
            bases.update({root, root + "e"})
            if len(root) >= 2 and root[-1] == root[-2]:
                bases.add(root[:-1])
    if word.endswith("d") and not word.endswith("ied"):
        bases.add(word[:-1])
    return {base for base in bases if len(base) >= _MIN_BASE}


def only_inflection_removed(word: str, stem: str) -> bool:
    """True when ``stem`` differs from ``word`` by an inflection and spelling only.

    ``countries``/``countri`` and ``stopped``/``stop`` pass; ``national``/``nation``
    (``-al``) and ``presidency``/``presid`` do not.
    """
    shared = 0
    for a, b in zip(word, stem, strict=False):
        if a != b:
            break
        shared += 1
    if stem[shared:] not in ("", "i", "e"):
        return False
    rest = word[shared:]
    for ending in _INFLECTIONS:
        if rest.endswith(ending):
            rest = rest[: -len(ending)]
            break
    if rest in _SPELLING_REST:
        return True
    return len(rest) == 1 and shared > 0 and rest == word[shared - 1]
