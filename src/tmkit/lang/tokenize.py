"""Tokenization by one compiled regular expression with character offsets.

Speed matters (term spotting tokenizes every article), so a single ``regex`` scan classifies
tokens by which alternative matched; Python only builds the :class:`Token` objects. Offsets
always point into the caller's text: nothing is normalized or detokenized here.

Shapes recognised, in priority order:

* numbers: ``1,700``, ``1 700`` (space, no-break space, narrow or thin space between groups of
  three), ``1.700``, ``2,5``, ``35%``; a letter suffix after a hyphen or apostrophe or directly
  attached (``1992-ci``, ``5th``) stays in the token and ``stem_end`` marks the digits' end;
* dotted abbreviations: ``U.S.``, ``e.g.``, ``b.e.ə.``;
* acronyms: a capital followed by capitals or digits (``NATO``, ``G7``, ``COVID-19``), optionally
  with a lowercase suffix after a hyphen or apostrophe (``KTMT-nin``, ``NATO'ya``, ``ОДКБ-шный``);
* words: letters with combining marks and digits, joined by hyphens (``северо-запад``,
  ``Cənubi-Qafqaz``) or inner apostrophes (``Qarabağ'da``, ``O'Brien``); soft hyphens and
  zero-width joiners inside a word stay in it;
* punctuation (``...``, ``?!`` and runs of ``!``/``?`` stay together) and symbols.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

import regex

from tmkit.lang.base import Token

HYPHENS = "-\u2010\u2011"
APOSTROPHES = "'\u2019\u02bc"
GROUP_SPACES = " \u00a0\u202f\u2009"

_H = f"[{HYPHENS}]"
_A = f"[{APOSTROPHES}]"
_SEP = f"[{HYPHENS}{APOSTROPHES}]"
INVISIBLE_IN_WORDS = "\u00ad\u200c\u200d"
"""Soft hyphen and zero-width (non-)joiners: copy pasted from the web carries them inside words."""

# U+02BC (modifier letter apostrophe) is a letter to Unicode but an apostrophe to tmkit.
_LET = r"[[\p{L}\p{M}]--[\u02bc]]"
_ALNUM = rf"[[\p{{L}}\p{{M}}\p{{Nd}}{INVISIBLE_IN_WORDS}]--[\u02bc]]"
_UP = r"[\p{Lu}\p{Lt}]"
_LOW = r"\p{Ll}"

PATTERN = regex.compile(
    rf"""
    (?P<number>
        (?:\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}})+(?!\d)(?:[.,]\d+)?
          |\d{{1,3}}(?:[.,]\d{{3}})+(?![\d])(?:[.,]\d+)?
          |\d+(?:[.,]\d+)?)
        (?:[\u00a0\u202f]?%)?
        (?P<nsuf>{_SEP}{_LET}+|(?<!%){_LET}+)?
    )
    |(?P<dotted>(?:{_LET}\.){{2,}}(?!{_LET}))
    |(?P<acronym>{_UP}[\p{{Lu}}\p{{Lt}}\d]+(?:{_H}\d+)?(?P<asuf>{_SEP}{_LOW}+)?(?!{_ALNUM}))
    |(?P<word>{_LET}{_ALNUM}*(?:{_H}{_ALNUM}+)*
        (?:(?P<wsuf>{_A}{_LOW}+)(?!{_ALNUM}|{_SEP}{_LET})
          |(?:(?:{_H}|{_A}(?={_LET})){_ALNUM}+)*))
    |(?P<punct>\.{{2,}}|[?!]{{2,}}|\p{{P}})
    |(?P<symbol>\S)
    """,
    regex.VERBOSE | regex.V1,
)


def _token_factory() -> Callable[[str, int, int, str, int | None], Token]:
    """A Token constructor that writes the slots directly.

    The dataclass ``__init__`` of a frozen class goes through ``object.__setattr__`` once per
    field, which costs more than the regex scan itself; setting the slot descriptors directly
    builds the identical object in about 60% of the time. If Token ever gains fields or a
    ``__post_init__``, the plain constructor is used instead.
    """
    if tuple(f.name for f in fields(Token)) != ("text", "start", "end", "kind", "stem_end") or hasattr(
        Token, "__post_init__"
    ):
        return Token
    new = object.__new__
    set_text, set_start, set_end = Token.text.__set__, Token.start.__set__, Token.end.__set__
    set_kind, set_stem_end = Token.kind.__set__, Token.stem_end.__set__

    def make(text: str, start: int, end: int, kind: str, stem_end: int | None) -> Token:
        token = new(Token)
        set_text(token, text)
        set_start(token, start)
        set_end(token, end)
        set_kind(token, kind)
        set_stem_end(token, stem_end)
        return token

    return make


_new_token = _token_factory()


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets; see the module docstring for the shapes.

    ``findall`` is used rather than ``finditer`` because building a match object per token
    costs more than locating the token again: tokens come in order and only whitespace lies
    between them, so ``str.find`` from the previous end returns each token's true start.
    """
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    new = _new_token
    pos = 0
    for number, nsuf, dotted, acronym, asuf, word, wsuf, punct, symbol in PATTERN.findall(text):
        if word:
            start = find(word, pos)
            pos = start + len(word)
            append(new(word, start, pos, "word", pos - len(wsuf) if wsuf else None))
        elif punct:
            start = find(punct, pos)
            pos = start + len(punct)
            append(new(punct, start, pos, "punct", None))
        elif number:
            start = find(number, pos)
            pos = start + len(number)
            append(new(number, start, pos, "number", pos - len(nsuf) if nsuf else None))
        elif acronym:
            start = find(acronym, pos)
            pos = start + len(acronym)
            append(new(acronym, start, pos, "acronym", pos - len(asuf) if asuf else None))
        elif dotted:
            start = find(dotted, pos)
            pos = start + len(dotted)
            append(new(dotted, start, pos, "acronym" if dotted.isupper() else "word", None))
        else:
            start = find(symbol, pos)
            pos = start + len(symbol)
            append(new(symbol, start, pos, "symbol", None))
    return tokens
