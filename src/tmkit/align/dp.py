"""Banded dynamic programming over beads: the cheapest path through a length+anchor cost.

The search only visits cells near the diagonal the two lengths define (plus a margin that
grows with their difference), so cost grows near-linearly with document length instead of
quadratically. Every cell stores its best cost and the bead that reached it; ties go to
the shape listed first in :data:`~tmkit.align.beads.BEAD_SHAPES`, which keeps results
deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tmkit.align.beads import BEAD_SHAPES, PRIOR_COST
from tmkit.align.lengths import VARIANCE, length_probability

ANCHOR_WEIGHT = 6.0
"""How many nats of length evidence a perfect anchor agreement outweighs."""
ANCHOR_CLASH = 2.0
"""Penalty when both sides have anchors but share none (different numbers, names)."""


@dataclass(frozen=True, slots=True)
class Scored:
    """One bead on the best path with the evidence behind it, for confidence scoring."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    length_prob: float
    anchor_score: float | None
    clash: bool = False
    """Both sides have anchors and share none (different numbers or names): a wrong link's
    sign. A score of 0 with anchors on one side only is a term or figure the translation
    rendered in another way, a far weaker sign."""


def anchor_score(a: int, b: int) -> float | None:
    """Dice agreement of two anchor bitsets; None when neither side has anchors."""
    total = a.bit_count() + b.bit_count()
    if not total:
        return None
    return 2.0 * (a & b).bit_count() / total


def bead_cost(shape: tuple[int, int], src_len: int, tgt_len: int, src_bits: int, tgt_bits: int,
              ratio: float) -> tuple[float, float, float | None]:
    """Cost of one bead plus its length probability and anchor score.

    An omission or addition pays only its prior. Charging it the Gale–Church length cost
    (as the original model does) makes a dropped sentence so expensive that the search
    folds it into a neighbour's merge instead, and checking news translations needs
    omissions found.
    """
    prob = length_probability(src_len, tgt_len, ratio)
    if not (shape[0] and shape[1]):
        return PRIOR_COST[shape], prob, None
    cost = PRIOR_COST[shape] - math.log(prob)
    score = anchor_score(src_bits, tgt_bits)
    if score is not None:
        cost -= ANCHOR_WEIGHT * score
        if score == 0.0 and src_bits and tgt_bits:
            cost += ANCHOR_CLASH
    return cost, prob, score


def band_width(n: int, m: int) -> int:
    """Half-width of the search band: generous for articles, bounded for long documents."""
    return max(12, abs(n - m) + 8, int(0.06 * max(n, m)))


def best_path(src_lens: Sequence[int], tgt_lens: Sequence[int], src_bits: Sequence[int],
              tgt_bits: Sequence[int], ratio: float) -> list[Scored]:
    """The cheapest sequence of beads covering both sides completely.

    The inner loop inlines :func:`bead_cost` (same formula) because it runs for every
    cell and shape: this is the aligner's hot path.
    """
    n, m = len(src_lens), len(tgt_lens)
    width = band_width(n, m)
    slope = m / n if n else 0.0
    src_prefix = _prefix(src_lens)
    tgt_prefix = _prefix(tgt_lens)
    inf = math.inf
    erfc, log, sqrt = math.erfc, math.log, math.sqrt
    inv_root2 = 1.0 / sqrt(2.0)
    inv_ratio = 1.0 / ratio
    shapes = [(di, dj, PRIOR_COST[(di, dj)]) for di, dj in BEAD_SHAPES]
    # rows[i][j] is the best cost of cell (i, j); cells outside the band stay infinite.
    rows: list[list[float]] = []
    back: dict[tuple[int, int], tuple[int, int]] = {}

    for i in range(n + 1):
        centre = i * slope
        lo = max(0, int(centre) - width)
        hi = m if i == n else min(m, int(math.ceil(centre)) + width)
        row = [inf] * (m + 1)
        rows.append(row)
        if i == 0:
            row[0] = 0.0
        for j in range(max(lo, 1) if i == 0 else lo, hi + 1):
            best, best_shape = inf, None
            for di, dj, prior in shapes:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                before = rows[pi][pj]
                if before == inf:
                    continue
                total = before + prior
                if di and dj:
                    sl = src_prefix[i] - src_prefix[pi]
                    tl = tgt_prefix[j] - tgt_prefix[pj]
                    mean = (sl + tl * inv_ratio) * 0.5
                    delta = abs(tl - sl * ratio) / sqrt(VARIANCE * (mean if mean > 1.0 else 1.0))
                    total -= log(max(erfc(delta * inv_root2), 1e-12))
                    a = src_bits[i - 1] | (src_bits[i - 2] if di == 2 else 0)
                    b = tgt_bits[j - 1] | (tgt_bits[j - 2] if dj == 2 else 0)
                    if a or b:
                        shared = (a & b).bit_count()
                        total -= ANCHOR_WEIGHT * 2.0 * shared / (a.bit_count() + b.bit_count())
                        if not shared and a and b:
                            total += ANCHOR_CLASH
                if total < best:
                    best, best_shape = total, (di, dj)
            if best_shape is not None:
                row[j] = best
                back[(i, j)] = best_shape
    if rows[n][m] == inf:
        raise RuntimeError(f"alignment band missed the end cell ({n}, {m})")
    return _trace(back, n, m, src_prefix, tgt_prefix, _prefix_or(src_bits), _prefix_or(tgt_bits), ratio)


def _trace(back, n, m, src_prefix, tgt_prefix, src_or, tgt_or, ratio) -> list[Scored]:
    path: list[Scored] = []
    i, j = n, m
    while i or j:
        di, dj = back[(i, j)]
        pi, pj = i - di, j - dj
        src_bits, tgt_bits = src_or(pi, i), tgt_or(pj, j)
        _, prob, score = bead_cost((di, dj), src_prefix[i] - src_prefix[pi],
                                   tgt_prefix[j] - tgt_prefix[pj], src_bits, tgt_bits, ratio)
        path.append(Scored(tuple(range(pi, i)), tuple(range(pj, j)), prob, score,
                           score == 0.0 and bool(src_bits) and bool(tgt_bits)))
        i, j = pi, pj
    path.reverse()
    return path


def _prefix(values: Sequence[int]) -> list[int]:
    out = [0]
    for value in values:
        out.append(out[-1] + value)
    return out


def _prefix_or(bits: Sequence[int]):
    """OR of bitsets over a range; beads span at most two sentences, so no table is needed."""

    def union(start: int, end: int) -> int:
        result = 0
        for k in range(start, end):
            result |= bits[k]
        return result

    return union
