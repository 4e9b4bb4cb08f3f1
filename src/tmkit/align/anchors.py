"""Lexical anchors: evidence beyond length that two sentences translate each other.

Numbers (read with each language's number reader, so 1,700 meets 1 700), glossary
concepts found on both sides, names matched across scripts through transliteration, and
marks such as ? and ! that a translation keeps. Only anchors that occur on *both* sides of
the document count: a German noun that never meets a French counterpart is noise, while a
mountain name or a year that appears in both is strong evidence. Each sentence's anchors
become a Python int used as a bitset, so comparing two groups costs one AND and a popcount.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from tmkit.lang import get_language
from tmkit.lang.base import Language
from tmkit.lang.translit import azerbaijani_name_key, name_key, romanize
from tmkit.model import base_lang

MIN_WORD_ANCHOR = 4
"""Shortest word (in letters) that may serve as a name or cognate anchor."""
LONG_WORD = 7
"""Lowercase words at least this long are cognate candidates (expedition/expédition)."""
PREFIX = 5
"""Cognates are compared on a prefix, so inflection and spelling endings do not matter."""


_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


def sentence_anchors(text: str, language: Language, glossary=None) -> set[str]:
    """Typed anchor strings of one sentence: ``n:1700``, ``t:c012``, ``w:aliye``, ``p:?``.

    This runs for every sentence of every article, so it avoids full tokenization: words
    are plain letter runs (``KTMT-nin`` gives ``KTMT`` and a too-short ``nin``), and the
    number reader only runs on sentences that contain a digit (spelled-out numbers are not
    anchors: "one" is too often a pronoun).
    """
    anchors: set[str] = set()
    if _DIGIT.search(text):
        for number in language.numbers(text):
            if number.kind != "word":
                anchors.add(f"n:{number.value.normalize():f}")
    for mark in "?!%":
        if mark in text:
            anchors.add(f"p:{mark}")
    if glossary is not None:
        for hit in glossary.find_terms(text, language.code):
            anchors.add(f"t:{hit.concept.id}")
    code = language.code
    for word in _WORD.findall(text):
        if len(word) < MIN_WORD_ANCHOR or not (word[0].isupper() or len(word) >= LONG_WORD):
            continue
        key = _cross_script_key(word, code)
        if len(key) >= MIN_WORD_ANCHOR - 1:
            anchors.add("w:" + key[:PREFIX])
    return anchors


@lru_cache(maxsize=131072)
def _cross_script_key(word: str, lang: str) -> str:
    """A Latin, accent-free key so Алиев, Əliyev and Aliyev can meet (cached: words repeat)."""
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        return name_key(romanize(word))
    if base_lang(lang) == "az":
        return azerbaijani_name_key(word)
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return name_key("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def anchor_sets(texts: Sequence[str], lang: str, glossary=None) -> list[set[str]]:
    """The anchors of each sentence, computed once per text and language."""
    language = get_language(lang)
    return [sentence_anchors(text, language, glossary) for text in texts]


def shared_anchors(src_sets: Sequence[set[str]], tgt_sets: Sequence[set[str]]) -> set[str]:
    """Anchors found on both sides: the only ones that can link or clash."""
    return set().union(*src_sets) & set().union(*tgt_sets) if src_sets and tgt_sets else set()


def to_bitsets(src_sets: Sequence[set[str]], tgt_sets: Sequence[set[str]], shared: set[str] | None = None
               ) -> tuple[list[int], list[int]]:
    """Bitsets of the anchors each sentence shares with some sentence of the other side.

    ``shared`` widens "the other side" to a whole article when only one paragraph pair is
    aligned: «Казахстана» in a paragraph whose counterpart never names Kazakhstan still
    clashes with a sentence about 2030, which is how a mispaired paragraph shows.
    """
    if shared is None:
        shared = shared_anchors(src_sets, tgt_sets)
    index = {anchor: bit for bit, anchor in enumerate(sorted(shared))}

    def to_bits(anchors: set[str]) -> int:
        bits = 0
        for anchor in anchors:
            bit = index.get(anchor)
            if bit is not None:
                bits |= 1 << bit
        return bits

    return [to_bits(s) for s in src_sets], [to_bits(t) for t in tgt_sets]
