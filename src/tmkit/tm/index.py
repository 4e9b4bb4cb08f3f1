"""The candidate index: word-prefix keys, postings packed by length, and the query plan.

Keys
    Every word of the normalized text (pure numbers are left out, so numbers-only variants
    still meet) contributes a prefix: its first :data:`KEY_CHARS` characters, or for short
    words all but the last two (at least three). Truncating keeps most inflected forms on
    one key (``форпост``/``форпоста``/``форпостов`` -> ``форпо``, ``bond``/``bonds`` ->
    ``bon``) and keeps the vocabulary small.

Postings
    One row per (language, key) holding ``length << 32 | segment id`` as a sorted uint64
    array. Sorting by length first makes the length filter a pair of binary searches: for
    a Levenshtein similarity of at least *s* a candidate's length lies in
    ``[ceil(s*L), floor(L/s)]`` for a query of length *L*.

Query plan (prefix and count filter)
    A segment scoring at least the threshold is assumed to share at least
    ``ceil(MIN_SHARE * n)`` = *m* of the query's *n* keys (an empirical bound, measured by
    ``bench/fuzzy.py`` against a brute-force scan; character edits can in theory destroy
    more keys). Sorting the query keys from rarest to commonest, any such segment holds at
    least *t* of the first ``n - m + t`` keys (pigeonhole), so only those posting lists
    are read, and only segments seen in at least *t* of them are verified. The commonest
    keys, whose lists are longest, are never read.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections.abc import Iterable, Sequence

import numpy as np

KEY_CHARS = 5
MIN_SHARE = 0.6
"""Fraction of the query's keys a match at the threshold is assumed to share."""
MIN_HITS = 5
"""How many of the read posting lists a candidate must appear in (when the query allows)."""
CHEAP_DF = 5000
"""Posting lists up to this length are read even when the pigeonhole does not need them."""
MIN_RARE = 4
RARE_HITS = 0.34
"""Share of the rare keys a candidate must hold under the rare-key plan."""

_WORD = re.compile(r"\w+")
_ID_MASK = 0xFFFFFFFF


def word_key(word: str) -> str:
    """The index key of one word of normalized text; empty for numbers and lone symbols."""
    if word.isdigit() or (len(word) < 2 and not word.isalpha()):
        return ""
    return word[:min(KEY_CHARS, max(3, len(word) - 2))]


_KEY_CACHE: dict[str, str] = {}
_KEY_CACHE_LIMIT = 1 << 20


def index_keys(norm: str) -> list[str]:
    """Distinct keys of a normalized text, in order of first appearance."""
    cache = _KEY_CACHE
    keys: dict[str, None] = {}
    for word in _WORD.findall(norm):
        key = cache.get(word)
        if key is None:
            key = word_key(word)
            if len(cache) < _KEY_CACHE_LIMIT:
                cache[word] = key
        if key:
            keys[key] = None
    return list(keys)


def posting(length: int, segment_id: int) -> int:
    """One posting value: sorts by length, then id."""
    return (min(length, _ID_MASK) << 32) | segment_id



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
    """Two packed posting lists as one sorted list without duplicates (SQLite upsert helper)."""
    values = sorted(set(unpack(old)) | set(unpack(new)))
    return pack(array("Q", values))


def length_bounds(length: int, min_score: float) -> tuple[int, int]:
    """Candidate lengths that can reach ``min_score`` (0-100) against a query of ``length``."""
    share = max(min_score, 1.0) / 100.0
    return math.ceil(share * length - 1e-9), math.floor(length / share + 1e-9)


def plan(present: Sequence[tuple[str, int]], total_keys: int, budget: int | None = None
         ) -> tuple[list[str], int]:
    """The keys to read (rarest first) and the hit count a candidate needs among them.

    ``present`` holds (key, document frequency) for the query keys the index knows;
    ``total_keys`` counts all the query's keys. A key the index lacks can be shared by no
    segment, so a match must share its *m* keys among the present ones.

    Pigeonhole plan (the default): the ``n - m + MIN_HITS`` rarest keys, plus every
    further key whose list is short (``df <= CHEAP_DF``, each raising the required hit
    count by one). With a ``budget`` and those lists together holding more postings than
    it (a large memory, a query of common words), the rare-key plan takes over: only keys
    with ``df <= CHEAP_DF`` (at least :data:`MIN_RARE`) are read and a candidate must
    appear in ``RARE_HITS`` of them. That plan is fast but rests on matches keeping their
    rare words; it misses template-like matches that share only common words
    (``bench/fuzzy.py`` measures both plans against a brute-force scan).
    """
    ordered = sorted(present, key=lambda kd: (kd[1], kd[0]))
    if not ordered:
        return [], 0
    n = len(ordered)
    needed = min(n, max(1, math.ceil(MIN_SHARE * total_keys)))
    read = n - needed + min(MIN_HITS, needed)
    while read < n and ordered[read][1] <= CHEAP_DF:
        read += 1
    if budget is None or sum(df for _, df in ordered[:read]) <= budget:
        return [k for k, _ in ordered[:read]], needed - (n - read)
    rare = max(MIN_RARE, sum(1 for _, df in ordered if df <= CHEAP_DF))
    rare = min(rare, read)
    return [k for k, _ in ordered[:rare]], max(1, math.ceil(RARE_HITS * rare))


def candidate_ids(blobs: Iterable[bytes], low: int, high: int, hits: int) -> list[int]:
    """Segment ids with a length in ``[low, high]`` found in at least ``hits`` of the posting lists.

    This is the hot path of every fuzzy lookup, so it runs in numpy: each packed list is
    viewed without copying, cut to the length window by two binary searches (lists sort by
    length first), and the ids of all windows are counted with one ``bincount``.
    """
    windows = []
    start_key, end_key = np.uint64(low << 32), np.uint64((high + 1) << 32)
    for blob in blobs:
        values = np.frombuffer(blob, dtype="<u8")
        first, last = np.searchsorted(values, (start_key, end_key))
        if last > first:
            windows.append(values[first:last])
    if not windows:
        return []
    ids = (np.concatenate(windows) & np.uint64(_ID_MASK)).astype(np.int64)
    counts = np.bincount(ids)
    return np.flatnonzero(counts >= max(hits, 1)).tolist()
