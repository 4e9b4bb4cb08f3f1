"""What "the same segment" means to the memory: NFC, collapsed whitespace, language case fold.

Two sources that normalize to the same string score 100. Folding goes through the
language module so that Azerbaijani ``İ``/``I`` fold to ``i``/``ı`` and Russian ``ё`` to
``е``: one language's rule is never applied to another's text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache

import regex

from tmkit.lang import get_language
from tmkit.lang.casefold import fold_default, fold_russian, fold_turkic
from tmkit.model import base_lang

_SPACE = regex.compile(r"\s+")
_NUMBER = regex.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")
_PUNCT = regex.compile(r"(?V1)[[\p{P}\p{S}]--[%‰\p{Sc}]]+")
"""Punctuation and symbols, except what changes a figure's meaning: currency signs and % ‰."""


_FAST_FOLDS: dict[str, Callable[[str], str]] = {"en": fold_default, "ru": fold_russian,
                                                 "az": fold_turkic}
"""The language modules' own fold functions, called directly (no method call per segment);
tests check they agree with ``get_language(code).fold`` on any text. Other languages use
their language object's fold (Turkish: the Turkic one, like every tmkit layer)."""


@lru_cache(maxsize=256)
def folder(lang: str) -> Callable[[str], str]:
    """The case fold of ``lang`` (NFC included, like every language module's fold)."""
    base = base_lang(lang) or "und"
    return _FAST_FOLDS.get(base) or get_language(base).fold


def normalize(text: str, lang: str) -> str:
    """NFC, whitespace runs collapsed to one space and trimmed, case folded by ``lang``'s rules."""
    return " ".join(folder(lang)(text).split())


def mask_numbers(norm: str) -> str:
    """Normalized text with every number replaced by ``0``: equal masks = only numbers differ."""
    return _NUMBER.sub("0", norm)


def lookup_hashes(norm: str, base: str) -> tuple[int, int]:
    """The store's two exact-lookup keys of normalized text in language ``base``: its hash
    (identical up to case and spacing) and the hash of its number mask (only numbers differ),
    the same value when the text has no numbers."""
    key = norm_hash(norm, base)
    shape = mask_numbers(norm)
    return key, key if shape == norm else hash64(base, shape)


def norm_hash(norm: str, base: str) -> int:
    """The stored hash of normalized text in language ``base``: equal for texts identical up to
    case and spacing (exact lookups, and the in-context test of a segment's neighbour)."""
    return hash64(base, norm)


def strip_punctuation(norm: str) -> str:
    """Normalized text without punctuation or symbols: equal results = only punctuation differs.

    Currency signs and percent stay: ``$3.2`` and ``€3.2``, ``35%`` and ``35`` differ in content.
    """
    return _SPACE.sub(" ", _PUNCT.sub(" ", norm)).strip()


def hash64(*parts: str) -> int:
    """A signed 64-bit hash of ``parts`` (fits an SQLite INTEGER); collisions are negligible."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
