"""Strict and lax precision, recall and F1 of an alignment against a gold standard.

The definitions are those of the vecalign scorer, so figures are comparable with
published ones: precision is measured over every test link (omissions and additions
included), recall over the gold links that join sentences on both sides. A test link
counts as a lax hit when some of its source sentences are linked to some of its target
sentences in the gold standard.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Link = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def read_links(path: str | Path) -> list[Link]:
    """Read ``[src ids]:[tgt ids]`` lines (0-based sentence indices)."""
    links = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            left, right = line.split(":")
            links.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return links


def _counts(gold: Iterable[Link], test: Iterable[Link]) -> tuple[int, int, int, int]:
    gold_set = {link for link in gold if link[0] or link[1]}
    test_set = {link for link in test if link[0] or link[1]}
    linked: dict[int, set[int]] = defaultdict(set)
    for src, tgt in gold_set:
        for s in src:
            linked[s].update(tgt)
    tp_strict = fp_strict = tp_lax = fp_lax = 0
    for src, tgt in test_set:
        if (src, tgt) in gold_set:
            tp_strict += 1
            tp_lax += 1
            continue
        fp_strict += 1
        reachable = set().union(*(linked[s] for s in src)) if src else set()
        if reachable & set(tgt):
            tp_lax += 1
        else:
            fp_lax += 1
    return tp_strict, fp_strict, tp_lax, fp_lax


def score(golds: Sequence[Sequence[Link]], tests: Sequence[Sequence[Link]]) -> Scores:
    """Pool counts over several documents, then compute the six figures."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(golds, tests, strict=True):
        for k, value in enumerate(_counts(gold, test)):
            p[k] += value
        full_gold = [link for link in gold if link[0] and link[1]]
        full_test = [link for link in test if link[0] and link[1]]
        for k, value in enumerate(_counts(full_test, full_gold)):
            r[k] += value

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl = ratio(p[0], p[1]), ratio(p[2], p[3])
    rs, rl = ratio(r[0], r[1]), ratio(r[2], r[3])
    return Scores(ps, rs, f1(ps, rs), pl, rl, f1(pl, rl))
