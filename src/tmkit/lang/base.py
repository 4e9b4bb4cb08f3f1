"""The one interface every language module implements.

A language module (``en.py``, ``ru.py``, ``az.py``, and the ``generic`` fallback for codes
tmkit has no special knowledge of) answers the questions the engines above ask of text:
how to fold case, where tokens and sentences are, which lemma or stem keys a word form has,
and which numbers a text mentions. Engines never apply one language's rule to another's
text: they ask ``get_language(code)`` and use what comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Token:
    """A token with character offsets into the original text (never detokenized).

    ``kind`` is one of ``word``, ``acronym``, ``number``, ``punct``, ``symbol``.
    For an acronym or number followed by a suffix (``KTMT-nin``, ``NATO'ya``, ``1992-ci``)
    the token covers the whole form and ``stem_end`` marks where the base ends.
    """

    text: str
    start: int
    end: int
    kind: str
    stem_end: int | None = None

    @property
    def base(self) -> str:
        """The acronym or number without its attached suffix (the whole text otherwise)."""
        if self.stem_end is None:
            return self.text
        return self.text[: self.stem_end - self.start]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number as the text states it, normalized so languages can be compared.

    ``value`` is the full quantity with scale words applied (``5 млрд`` -> 5000000000).
    ``kind`` is ``plain``, ``percent``, ``points`` (percentage points), ``year``, ``ordinal``,
    ``decimal``, ``date``, ``time`` (a time of day valued hour.minutes on the 24-hour clock)
    or ``word`` (spelled out). ``unit`` names a currency or measure when one is attached
    (``usd``...).
    """

    value: Decimal
    start: int
    end: int
    text: str
    kind: str = "plain"
    unit: str | None = None
    alternatives: tuple[Decimal, ...] = ()
    """Other values the digits may mean when the separator convention is ambiguous
    (``1,700`` in Russian text: 1.7, or 1700 copied from English). Empty when certain."""


@runtime_checkable
class Language(Protocol):
    """What tmkit knows about one language."""

    code: str
    name: str
    quotes: tuple[tuple[str, str], ...]
    """Quote pairs in order of nesting: Russian ``(("«", "»"), ("„", "“"))``."""

    def fold(self, text: str) -> str:
        """Case-fold by this language's rules (Azerbaijani: İ->i, I->ı), after NFC."""
        ...

    def is_all_caps(self, text: str) -> bool:
        """True for headline text written in capitals (at least two cased letters, no lower)."""
        ...

    def tokenize(self, text: str) -> list[Token]:
        """Tokens with offsets into ``text``; whitespace is not a token."""
        ...

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans ``(start, end)`` in ``text``, trimmed of surrounding whitespace."""
        ...

    def keys(self, word: str) -> frozenset[str]:
        """Match keys of one word form: every candidate lemma or stem, case-folded.

        Two forms of the same word share at least one key; unrelated words should not.
        """
        ...

    def numbers(self, text: str) -> list[NumberMention]:
        """Every number the text mentions, in order, with scale words and percent applied."""
        ...
