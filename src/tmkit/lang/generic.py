"""The language tmkit falls back to for codes it has no module for (``de``, ``fr``...).

It also serves as the base class of the real modules: folding, tokenizing, segmenting and
number reading are the same machinery everywhere; a language module overrides data (quotes,
abbreviations, folding) and :meth:`GenericLanguage.stems`, its word-key knowledge.
The generic language knows no morphology: a word's only key is its folded form (plus the
base of an acronym with an attached suffix, which every script writes the same way).
"""

from __future__ import annotations

from functools import lru_cache

from tmkit.lang.base import NumberMention, Token
from tmkit.lang.casefold import DOTLESS_I_LANGUAGES, fold_default, fold_turkic, key_spelling
from tmkit.lang.casefold import is_all_caps as _is_all_caps
from tmkit.lang.numbers import read_numbers
from tmkit.lang.segment import Segmenter, SentenceRules, load_abbreviations, load_sentence_starters
from tmkit.lang.tokenize import APOSTROPHES, HYPHENS, tokenize

KEY_CACHE_SIZE = 1 << 18
"""Distinct word forms cached per language: a year of news copy has fewer than this."""

_SUFFIX_SEPARATORS = HYPHENS + APOSTROPHES


class GenericLanguage:
    """Language-neutral behaviour; subclasses change class attributes and :meth:`stems`."""

    code: str = "und"
    name: str = "Undetermined"
    script: str = "Zyyy"
    """ISO 15924 script code (``Latn``, ``Cyrl``); ``Zyyy`` when the script is not known."""
    quotes: tuple[tuple[str, str], ...] = (("“", "”"), ("‘", "’"), ("«", "»"), ("„", "“"))
    data_code: str | None = None
    """Suffix of this language's files in ``lang/data/`` (abbreviations, sentence starters)."""

    def __init__(self, code: str | None = None, name: str | None = None) -> None:
        if code is not None:
            self.code = code
        if name is not None:
            self.name = name
        if type(self).fold is GenericLanguage.fold and self.code in DOTLESS_I_LANGUAGES:
            # a Turkic language without a module (Turkish): folding "I" to "i" would make
            # "ISTANBUL" and "ıstanbul" differ and "Iğdır" meet "iğdır"
            self.fold = fold_turkic  # type: ignore[method-assign]
        entries = load_abbreviations(self.data_code) if self.data_code else ()
        starters = load_sentence_starters(self.data_code) if self.data_code else frozenset()
        self._segmenter = Segmenter(SentenceRules.build(self.fold, entries, self.quotes, starters))
        self._keys = lru_cache(maxsize=KEY_CACHE_SIZE)(self._compute_keys)
        # keys() runs once per word of every article: the instance attribute skips one
        # Python call layer and goes straight to the C-level cache.
        self.keys = self._keys  # type: ignore[method-assign]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"

    def fold(self, text: str) -> str:
        """NFC and Unicode case folding."""
        return fold_default(text)

    def is_all_caps(self, text: str) -> bool:
        """At least two cased letters and none lowercase (headline capitals)."""
        return _is_all_caps(text)

    def tokenize(self, text: str) -> list[Token]:
        """Tokens with offsets into ``text`` (see :mod:`tmkit.lang.tokenize`)."""
        return tokenize(text)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans by this language's abbreviation and quote rules."""
        return self._segmenter.sentences(text)

    def keys(self, word: str) -> frozenset[str]:
        """Every match key of ``word``; instances replace this with the cached version."""
        return self._compute_keys(word)

    def numbers(self, text: str) -> list[NumberMention]:
        """Numbers the text mentions, read by :mod:`tmkit.lang.numbers` for this language."""
        return read_numbers(text, self.code)

    def stems(self, folded: str) -> set[str]:
        """Keys of one folded word without an attached acronym suffix: here, the word itself."""
        return {folded}

    def _compute_keys(self, word: str) -> frozenset[str]:
        word = key_spelling(word).strip()
        folded = self.fold(word)
        if not folded:
            return frozenset()
        keys = self.stems(folded)
        base = acronym_base(word)
        if base is not None:
            keys.add(self.fold(base))
        return frozenset(keys)


def acronym_base(word: str) -> str | None:
    """``KTMT`` for ``KTMT-nin``, ``1992`` for ``1992-ci``; None when no suffix is attached.

    The base must be all capitals (two or more letters) or digits and the tail lowercase
    letters, so ``Cənubi-Qafqaz`` and ``O'Brien`` are not split.
    """
    for i, ch in enumerate(word):
        if ch in _SUFFIX_SEPARATORS and i > 0:
            base, tail = word[:i], word[i + 1 :]
            if not tail or not tail.isalpha() or not tail.islower():
                return None
            if base.isdigit() or (base.isupper() and sum(c.isalpha() for c in base) >= 2):
                return base
            return None
    return None
