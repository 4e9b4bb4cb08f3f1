"""Beads: the units an alignment is made of (1-1, 1-0, 0-1, 1-2, 2-1, 2-2)."""

from __future__ import annotations

import math
from dataclasses import dataclass

BEAD_SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2))
"""Shapes the dynamic programme considers, as (source sentences, target sentences)."""

PRIORS = {(1, 1): 0.89, (1, 0): 0.0198, (0, 1): 0.0198, (1, 2): 0.089 / 2,
          (2, 1): 0.089 / 2, (2, 2): 0.011}
"""Bead-shape probabilities after Gale and Church (1993), symmetric shapes sharing their
share. Omissions and additions are four times as likely as in the Hansards: tmkit's
null beads pay no length cost (see :mod:`tmkit.align.dp`), and on the three gold sets
(Text+Berg, Tatoeba with deletions, tmkit's own triples) this value found dropped
sentences without costing precision on the real Text+Berg data."""

PRIOR_COST = {shape: -math.log(p) for shape, p in PRIORS.items()}


@dataclass(frozen=True, slots=True)
class Bead:
    """Source and target sentence indices joined by one alignment link.

    An empty side marks an omission (``tgt == ()``: the translation dropped the source
    sentences) or an addition (``src == ()``). ``confidence`` is in [0, 1]; the align
    command routes beads under ``--min-confidence`` to the review file.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0

    @property
    def shape(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    @property
    def is_omission(self) -> bool:
        return bool(self.src) and not self.tgt

    @property
    def is_addition(self) -> bool:
        return bool(self.tgt) and not self.src
