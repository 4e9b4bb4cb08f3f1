"""The Gale–Church length model: translations keep a roughly constant length ratio.

The difference between the target length and the expected one (source length times the
document's own ratio) is normally distributed with a variance that grows with length.
The two-tailed probability of the observed difference is the evidence a bead gets from
lengths alone. Using the document's own ratio rather than a fixed 1.0 matters for ru/az:
Russian runs about 10-15 % longer than English.
"""

from __future__ import annotations

import math

VARIANCE = 6.8
"""Gale and Church's variance of the length difference per character."""


def length_probability(src_len: int, tgt_len: int, ratio: float) -> float:
    """Two-tailed probability of a length difference at least this large, in (0, 1]."""
    if src_len == 0 and tgt_len == 0:
        return 1.0
    mean = (src_len + tgt_len / ratio) / 2.0
    delta = (tgt_len - src_len * ratio) / math.sqrt(VARIANCE * max(mean, 1.0))
    return max(math.erfc(abs(delta) / math.sqrt(2.0)), 1e-12)

