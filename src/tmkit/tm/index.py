"""The candidate index: word-pair and trigram keys, postings packed by length, and the query plan.

Keys
    Every word of the normalized text (pure numbers are left out, so numbers-only variants
    still meet) has a word key: its first :data:`KEY_CHARS` characters, or for short words
    all but the last two (at least three). Truncating keeps most inflected forms on one
    key (``форпост``/``форпоста``/``форпостов`` -> ``форпо``, ``bond``/``bonds`` -> ``bon``).
    The index keys are the pairs of consecutive word keys, ``"форпо откры"``, and the last
    word key paired with the end of the text, ``"откры "``. Single words of a news
    vocabulary each occur in tens of thousands of segments of a large memory; pairs of
    them are hundreds of times rarer, so a query reads short lists. Every word key still
    begins some index key, so a range scan on a word's first letters
    (:mod:`tmkit.tm.concordance`) reaches every segment holding the word. Segments up to
    :data:`SHORT_TEXT` characters are also keyed by their character trigrams (marked with
    ``\x1f``), which a typo breaks three of instead of two whole word pairs; a query whose
    every possible match is that short is planned on trigrams (:func:`query_keys`).

Postings
    One row per (language, key) holding ``length << 32 | segment id`` as a sorted uint64
    array. Sorting by length first makes the length filter a pair of binary searches: for
    a Levenshtein similarity of at least *s* a candidate's length lies in
    ``[ceil(s*L), floor(L/s)]`` for a query of length *L*.

Query plan (prefix and count filter)
    A segment scoring at least the threshold is assumed to share at least
    ``ceil(MIN_SHARE * n)`` = *m* of the query's *n* keys (:data:`TRIGRAM_SHARE` for
    trigrams; empirical bounds, measured by ``bench/fuzzy.py`` and
    ``bench/fuzzy_realworld.py`` against a brute-force scan; character edits can in theory
    destroy more keys). Sorting the query keys from rarest to commonest, any such segment holds at
    least *t* of the first ``n - m + t`` keys (pigeonhole), so only those posting lists
    are read, and only segments seen in at least *t* of them are verified. The commonest
    keys, whose lists are longest, are never read.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from operator import add

import numpy as np

KEY_CHARS = 5
MIN_SHARE = 0.4
"""Fraction of the query's keys (word pairs) a match at the threshold is assumed to share;
the lowest share among the 263 matches of ``bench/fuzzy.py`` at 1M segments is 0.43."""
SHORT_TEXT = 80
"""Segments up to this normalized length are also keyed by their character trigrams."""
TRIGRAM_SHARE = 0.25
"""Like :data:`MIN_SHARE`, for the trigrams of a short query: on real UI-string memories
(OmegaT's and OpenXLIFF's en catalogs) 99.5 % of the matches >= 75 of a short query with
one to three typos share at least a quarter of its trigrams; the rest are words of four
letters or fewer, where one typo leaves no trigram. On those catalogs, queries with typos
found 0.96 of their matches with trigrams up to 80 characters, 0.82 with word pairs alone."""
MIN_HITS = 5
"""How many of the read posting lists a candidate must appear in (when the query allows)."""
CHEAP_DF = 5000
"""Posting lists up to this length are read even when the pigeonhole does not need them."""
RARE_DF = 50000
"""Keys up to this document frequency are the rare keys of the budgeted plan."""
MIN_RARE = 4
RARE_HITS = 0.25
"""Share of the rare keys a candidate must hold under the rare-key plan."""

_WORD = re.compile(r"\w+")
_ID_MASK = 0xFFFFFFFF
_ROWS_CHUNK = 1 << 21
"""Postings :meth:`PostingBuilder.rows` sorts at a time (bounds the sort's index arrays)."""


def word_key(word: str) -> str:
    """The word key of one word of normalized text; empty for numbers and lone symbols."""
    if word.isdigit() or (len(word) < 2 and not word.isalpha()):
        return ""
    return word[:min(KEY_CHARS, max(3, len(word) - 2))]


_KEY_CACHE: dict[str, str] = {}
_KEY_CACHE_LIMIT = 1 << 20


def word_keys(norm: str) -> list[str]:
    """The word keys of a normalized text in order, repeats kept, numbers left out."""
    cache = _KEY_CACHE
    keys = []
    for word in _WORD.findall(norm):
        key = cache.get(word)
        if key is None:
            key = word_key(word)
            if len(cache) < _KEY_CACHE_LIMIT:
                cache[word] = key
        if key:
            keys.append(key)
    return keys


def index_keys(norm: str) -> list[str]:
    """Distinct word-pair keys (each word key with the next, the last with the end) of a
    normalized text, in order of first appearance."""
    words = word_keys(norm)
    if not words:
        return []
    words.append("")
    return list(dict.fromkeys(f"{first} {second}" for first, second in zip(words, words[1:], strict=False)))


_TRIGRAM = "\x1f"
"""Marks trigram keys; never in normalized text (``str.split`` takes it for whitespace)."""


def trigram_keys(norm: str) -> list[str]:
    """Distinct character-trigram keys of a normalized text (the whole text when shorter)."""
    if len(norm) < 3:
        return [_TRIGRAM + norm] if norm else []
    return list(dict.fromkeys(_TRIGRAM + norm[i:i + 3] for i in range(len(norm) - 2)))


def segment_keys(norm: str) -> list[str]:
    """Every key a stored segment is posted under: its word pairs, and its trigrams when short."""
    keys = index_keys(norm)
    return keys + trigram_keys(norm) if len(norm) <= SHORT_TEXT else keys


def query_keys(norm: str, min_score: float) -> tuple[list[str], float]:
    """The keys a query is planned on and the share of them a match is assumed to hold.

    A query whose every possible match is short (:func:`length_bounds` up to
    :data:`SHORT_TEXT`) uses trigrams: one typo in a two-word string breaks both of its
    word pairs but only three of its trigrams. Longer queries use word pairs."""
    if length_bounds(len(norm), min_score)[1] <= SHORT_TEXT:
        return trigram_keys(norm), TRIGRAM_SHARE
    return index_keys(norm), MIN_SHARE


def posting(length: int, segment_id: int) -> int:
    """One posting value: sorts by length, then id."""
    return (min(length, _ID_MASK) << 32) | segment_id


_NO_KEY = -1
"""What a token table gives a token without a word key (a number)."""
_END = 0
"""The word number standing for the end of a text."""


class KeyTable:
    """Numbers the words met during one bulk write and turns texts into index key codes.

    Importing a million units touches tens of millions of (key, segment) pairs, so the
    per-word work stays in C. Normalized text is split on whitespace (``\\w+`` runs never
    cross it) and each language keeps a table from such a token to its word number, so a
    text's words are one ``list(map(...))``; only tokens never seen before take a Python
    loop. A token without a key (a number) maps to -1; the rare token with several keys
    (``north-south``) maps to ``-2 - i`` for entry *i* of a side list. A word number stands
    for a (language, word key); 0 is the end of a text. The index key of two consecutive
    words *a*, *b* is coded ``a << 32 | b``, two more C-level maps and no lookup, and only
    :meth:`name` turns a code back into the key's text. A short text's trigrams are
    numbered like words and coded ``t << 32 | 0xFFFFFFFF``.
    """

    def __init__(self) -> None:
        self.words: list[tuple[str, str]] = [("", "")]
        """(language, word key) by word number; grows as texts come."""
        self._high: list[int] = [0]
        self._numbers: dict[tuple[str, str], int] = {}
        self._tokens: dict[str, dict[str, int]] = {}
        self._several: list[tuple[int, ...]] = []

    def codes(self, base: str, norm: str) -> set[int]:
        """The index key codes of normalized text ``norm`` in language ``base``: each word
        with the next, the last with the end of the text, and a short text's trigrams."""
        words = self._word_sequence(base, norm)
        codes = set()
        if words:
            words.append(_END)
            codes = set(map(add, map(self._high.__getitem__, words), islice(words, 1, None)))
        if len(norm) <= SHORT_TEXT:
            codes.update(self._trigram_code(base, key) for key in trigram_keys(norm))
        return codes

    def _trigram_code(self, base: str, key: str) -> int:
        number = self._numbers.get((base, key))
        return (number if number is not None else self._add_word((base, key))) << 32 | _ID_MASK

    def name(self, code: int) -> tuple[str, str]:
        """The (language, index key) a code stands for."""
        lang, first = self.words[code >> 32]
        second = code & _ID_MASK
        return lang, first if second == _ID_MASK else f"{first} {self.words[second][1]}"

    def _add_word(self, word: tuple[str, str]) -> int:
        number = self._numbers[word] = len(self.words)
        self.words.append(word)
        self._high.append(number << 32)
        return number

    def _word_sequence(self, base: str, norm: str) -> list[int]:
        """The word numbers of ``norm`` in order (the bulk twin of :func:`word_keys`)."""
        table = self._tokens.get(base)
        if table is None:
            table = self._tokens[base] = {}
        tokens = norm.split()
        sequence = list(map(table.get, tokens))
        if None in sequence:  # new tokens: most texts bring a number never seen before
            for position, number in enumerate(sequence):
                if number is None:
                    token = tokens[position]
                    number = table.get(token)
                    sequence[position] = number if number is not None else table.setdefault(
                        token, self._token_number(base, token))
        if _NO_KEY in sequence:
            sequence = list(filter(_NO_KEY.__ne__, sequence))
        if sequence and min(sequence) < _NO_KEY:
            sequence = [word for number in sequence
                        for word in (self._several[-2 - number] if number < _NO_KEY else (number,))]
        return sequence

    def _token_number(self, base: str, token: str) -> int:
        numbers = []
        for word in _WORD.findall(token):
            key = word_key(word)
            if key:
                number = self._numbers.get((base, key))
                numbers.append(self._add_word((base, key)) if number is None else number)
        if not numbers:
            return _NO_KEY
        if len(numbers) == 1:
            return numbers[0]
        self._several.append(tuple(numbers))
        return -1 - len(self._several)


class PostingBuilder:
    """Collects the postings of many segments for bulk writing (imports, index rebuilds).

    Each segment's key codes (from the builder's own :class:`KeyTable`) are appended to
    one array in a few C-level steps; :meth:`rows` then groups all postings by key with one
    stable numpy sort and sorts each key's list.
    """

    def __init__(self) -> None:
        self.keys = KeyTable()
        self._codes = array("Q")
        self._values = array("Q")
        self._counts = array("I")

    def add(self, base: str, norm: str, length: int, segment_id: int) -> None:
        """Post segment ``segment_id`` (normalized text ``norm`` in language ``base``)."""
        codes = self.keys.codes(base, norm)
        self._codes.extend(codes)
        self._values.append(posting(length, segment_id))
        self._counts.append(len(codes))

    def __len__(self) -> int:
        """Postings collected so far."""
        return len(self._codes)

    def rows(self) -> Iterator[tuple[str, str, int, bytes]]:
        """``postings`` rows: language, key, document frequency, packed sorted postings.

        Keys are grouped a slice of first words at a time (about :data:`_ROWS_CHUNK`
        postings each), so the sort's index arrays stay small beside the postings of a
        large import."""
        if not self._codes:
            return
        codes = np.frombuffer(self._codes, dtype=np.uint64)
        values = np.frombuffer(self._values, dtype=np.uint64)
        segment_ends = np.cumsum(np.frombuffer(self._counts, dtype=np.uint32), dtype=np.int64)
        words = len(self.keys.words)
        step = max(1, -(-words * _ROWS_CHUNK // len(codes)))
        name = self.keys.name
        for first in range(0, words, step):
            inside = (codes >= np.uint64(first << 32)) & (codes < np.uint64((first + step) << 32))
            where = np.flatnonzero(inside)
            del inside
            if not len(where):
                continue
            chunk = codes[where]
            chunk_values = values[np.searchsorted(segment_ends, where, side="right")]
            del where
            order = np.lexsort((chunk_values, chunk))  # by key, then posting
            chunk = chunk[order]
            blob = chunk_values[order].astype("<u8", copy=False).tobytes()
            del order, chunk_values
            starts = np.flatnonzero(np.concatenate(([True], chunk[1:] != chunk[:-1])))
            ends = np.append(starts[1:], len(chunk))
            for code, start, end in zip(chunk[starts].tolist(), starts.tolist(), ends.tolist(), strict=True):
                yield *name(code), end - start, blob[start * 8:end * 8]


def pack(values: array) -> bytes:
    """Postings as little-endian bytes, whatever the machine."""
    if sys.byteorder != "little":
        values = array("Q", values)
        values.byteswap()
    return values.tobytes()


def unpack(blob: bytes) -> array:
    values = array("Q")
    values.frombytes(blob)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def merge_blobs(old: bytes, new: bytes) -> bytes:
    """Two packed posting lists as one sorted list without duplicates (SQLite upsert helper).

    Adding a few units to a large store merges a handful of postings into lists of
    hundreds of thousands, once per key of each new segment, so the new values are
    placed by binary search and the old list is copied once (numpy), never rebuilt as
    Python ints (that took 12 s to add one sentence to an 843k-phrase store)."""
    kept = np.frombuffer(old, dtype="<u8")
    added = np.frombuffer(new, dtype="<u8")
    at = kept.searchsorted(added)
    fresh = (at == len(kept)) | (kept[np.minimum(at, len(kept) - 1)] != added) if len(kept) else np.ones(
        len(added), dtype=bool)
    return np.insert(kept, at[fresh], added[fresh]).astype("<u8", copy=False).tobytes()


def length_bounds(length: int, min_score: float) -> tuple[int, int]:
    """Candidate lengths that can reach ``min_score`` (0-100) against a query of ``length``."""
    share = max(min_score, 1.0) / 100.0
    return math.ceil(share * length - 1e-9), math.floor(length / share + 1e-9)


def plan(present: Sequence[tuple[str, int]], total_keys: int, budget: int | None = None,
         share: float = MIN_SHARE) -> tuple[list[str], int, list[tuple[str, int]]]:
    """The keys to read (rarest first), the hit count a candidate needs among them, and spares.

    ``present`` holds (key, document frequency) for the query keys the index knows;
    ``total_keys`` counts all the query's keys, of which a match is assumed to share
    ``share`` (:func:`query_keys`). A key the index lacks can be shared by no segment, so a
    match must share its *m* keys among the present ones.

    Pigeonhole plan (the default): the ``n - m + MIN_HITS`` rarest keys, plus every
    further key whose list is short (``df <= CHEAP_DF``, each raising the required hit
    count by one). The remaining keys come back as *spares*, rarest first: reading the
    next spare too raises the required count by one more, which :func:`refine` uses when
    too many candidates pass. With a ``budget`` and those lists together holding more
    postings than it (a large memory, a query of common words), the rare-key plan takes
    over: only keys with ``df <= RARE_DF`` (at least :data:`MIN_RARE`) are read and a
    candidate must appear in ``RARE_HITS`` of them. That plan is fast but rests on matches
    keeping their rare words; it misses template-like matches that share only common words
    (``bench/fuzzy.py`` measures both plans against a brute-force scan); it has no spares.
    """
    ordered = sorted(present, key=lambda kd: (kd[1], kd[0]))
    if not ordered:
        return [], 0, []
    n = len(ordered)
    needed = min(n, max(1, math.ceil(share * total_keys)))
    read = n - needed + min(MIN_HITS, needed)
    while read < n and ordered[read][1] <= CHEAP_DF:
        read += 1
    if budget is None or sum(df for _, df in ordered[:read]) <= budget:
        return [k for k, _ in ordered[:read]], needed - (n - read), list(ordered[read:])
    rare = max(MIN_RARE, sum(1 for _, df in ordered if df <= RARE_DF))
    rare = min(rare, read)
    return [k for k, _ in ordered[:rare]], max(1, math.ceil(RARE_HITS * rare)), []


VERIFY_COST = 500
"""Posting bytes read out of SQLite (and narrowed) in the time one candidate is fetched and
verified. Tuned on the 200 queries of ``bench/fuzzy.py`` at 1M segments with single-word
keys (500 gave p95 65-76 ms against 105-117 ms without refining; 250 and 1000 did worse);
with word-pair keys 250, 500 and 1000 are within the run-to-run noise."""


def refine(candidates: int, spare_df: int) -> bool:
    """Whether reading one more list (``spare_df`` postings) should cost less than verifying.

    A query whose rare keys still let thousands of ``candidates`` through spends most of its
    time fetching and verifying them; one more list with the required count raised by one
    usually removes most of them, for the cost of copying that list (:func:`narrow`).
    """
    return candidates * VERIFY_COST > spare_df * 8


def _window_ids(blob: bytes, bounds: np.ndarray) -> np.ndarray:
    """Ids (the low 32-bit halves, viewed without copying) of a packed list's length window."""
    values = np.frombuffer(blob, dtype="<u8")
    first, last = values.searchsorted(bounds)
    return values[first:last].view("<u4")[::2]


def _length_window(low: int, high: int) -> np.ndarray:
    return np.array([low << 32, (high + 1) << 32], dtype=np.uint64)


def count_candidates(blobs: Iterable[bytes], low: int, high: int, hits: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids with a length in ``[low, high]`` found in at least ``hits`` of the posting lists
    (sorted), and how many of the lists hold each.

    This is the hot path of every fuzzy lookup, so it runs in numpy: each packed list is
    viewed without copying and cut to the length window by two binary searches (lists sort
    by length first); the windows' ids are sorted together, and an id occurs ``hits`` times
    exactly when it equals the id ``hits - 1`` places after it. Sorting (vectorized in
    numpy) beat counting with ``bincount``, whose increments land all over a table as large
    as the highest id (measured at 1M segments: 6 vs 11 ms).
    """
    bounds = _length_window(low, high)
    windows = [ids for ids in (_window_ids(blob, bounds) for blob in blobs) if len(ids)]
    if not windows:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.intp)
    ids = np.sort(np.concatenate(windows))
    step = max(hits, 1) - 1
    found = ids[:-step][ids[:-step] == ids[step:]] if step else ids
    if len(found) > 1:
        found = found[np.concatenate(([True], found[1:] != found[:-1]))]
    counts = ids.searchsorted(found, side="right") - ids.searchsorted(found, side="left")
    return found, counts


def narrow(found: np.ndarray, counts: np.ndarray, blob: bytes, low: int, high: int, hits: int
           ) -> tuple[np.ndarray, np.ndarray]:
    """The candidates left when one more list is read and ``hits`` (already raised by one)
    are required.

    A segment needing one more hit than before must already have been a candidate, so
    only the candidates are looked up in the new list's window (a boolean table over their
    id range), instead of sorting every list again.
    """
    if not len(found):
        return found, counts
    ids = _window_ids(blob, _length_window(low, high))
    top = int(found[-1])
    seen = np.zeros(top + 1, dtype=bool)
    seen[ids[ids <= top]] = True
    counts = counts + seen[found]
    keep = counts >= hits
    return found[keep], counts[keep]
