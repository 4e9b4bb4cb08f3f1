"""Alignment accuracy on three gold sets, scored with vecalign's strict/lax definitions.

1. Text+Berg de-fr (Bleualign test0-6) from ../shared/realworld/align/bleualign_de-fr.
   Reference: hunalign scores 0.755 strict F1 on it.
2. Tatoeba rus-eng and aze-eng pairs grouped into pseudo-articles of 30-50 sentences,
   with 5 % of target sentences deleted and some adjacent pairs merged (seeded, so the
   figures are reproducible).
3. tmkit's own en/ru/az article triples in tests/data/align_gold.

Usage: python bench/align_accuracy.py [--set bleualign|tatoeba|own]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from tmkit.align import align_sentences
from tmkit.align.score import Link, Scores, read_links, score

ROOT = Path(__file__).resolve().parents[1]
REALWORLD = ROOT.parent / "shared" / "realworld" / "align"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _links(beads) -> list[Link]:
    return [(b.src, b.tgt) for b in beads]


def bleualign() -> tuple[Scores, int]:
    folder = REALWORLD / "bleualign_de-fr"
    golds, tests, sentences = [], [], 0
    for number in range(7):
        de = _lines(folder / f"test{number}.de")
        fr = _lines(folder / f"test{number}.fr")
        sentences += len(de) + len(fr)
        tests.append(_links(align_sentences(de, fr, "de", "fr")))
        golds.append(read_links(folder / f"test{number}.defr"))
    return score(golds, tests), sentences


def tatoeba_documents(code: str, seed: int = 7):
    """Pseudo-articles with deletions and merges, with their gold links."""
    folder = REALWORLD / "tatoeba_laser"
    other = _lines(folder / f"tatoeba.{code}-eng.{code}")
    eng = _lines(folder / f"tatoeba.{code}-eng.eng")
    rng = random.Random(seed)
    start = 0
    while start < len(eng):
        size = rng.randint(30, 50)
        src = eng[start:start + size]
        tgt_pairs = other[start:start + size]
        start += size
        gold: list[Link] = []
        tgt: list[str] = []
        k = 0
        while k < len(src):
            if rng.random() < 0.05:
                gold.append(((k,), ()))
                k += 1
                continue
            if k + 1 < len(src) and rng.random() < 0.08:
                tgt.append(tgt_pairs[k] + " " + tgt_pairs[k + 1])
                gold.append(((k, k + 1), (len(tgt) - 1,)))
                k += 2
                continue
            tgt.append(tgt_pairs[k])
            gold.append(((k,), (len(tgt) - 1,)))
            k += 1
        yield src, tgt, gold


def tatoeba(code: str, lang: str) -> tuple[Scores, int]:
    golds, tests, sentences = [], [], 0
    for src, tgt, gold in tatoeba_documents(code):
        sentences += len(src) + len(tgt)
        tests.append(_links(align_sentences(src, tgt, "en", lang)))
        golds.append(gold)
    return score(golds, tests), sentences


def own(tgt_lang: str) -> tuple[Scores, int]:
    folder = ROOT / "tests" / "data" / "align_gold"
    golds, tests, sentences = [], [], 0
    for gold_path in sorted(folder.glob(f"*.en-{tgt_lang}.gold")):
        name = gold_path.name.split(".")[0]
        src = [s for s in _lines(folder / f"{name}.en.txt") if s.strip()]
        tgt = [s for s in _lines(folder / f"{name}.{tgt_lang}.txt") if s.strip()]
        sentences += len(src) + len(tgt)
        tests.append(_links(align_sentences(src, tgt, "en", tgt_lang)))
        golds.append(read_links(gold_path))
    return score(golds, tests), sentences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["bleualign", "tatoeba", "own", "all"], default="all")
    args = parser.parse_args()
    runs = []
    if args.set in ("bleualign", "all") and REALWORLD.exists():
        runs.append(("Text+Berg de-fr (hunalign 0.755)", bleualign))
    if args.set in ("tatoeba", "all") and REALWORLD.exists():
        runs.append(("Tatoeba eng-rus pseudo-articles", lambda: tatoeba("rus", "ru")))
        runs.append(("Tatoeba eng-aze pseudo-articles", lambda: tatoeba("aze", "az")))
    if args.set in ("own", "all"):
        runs.append(("tmkit gold en-ru", lambda: own("ru")))
        runs.append(("tmkit gold en-az", lambda: own("az")))
    print(f"{'gold set':36} {'P strict':>9} {'R strict':>9} {'F1 strict':>9} {'F1 lax':>7} {'sent/s':>8}")
    for name, run in runs:
        started = time.perf_counter()
        result, sentences = run()
        rate = sentences / (time.perf_counter() - started)
        print(f"{name:36} {result.precision_strict:9.3f} {result.recall_strict:9.3f} "
              f"{result.f1_strict:9.3f} {result.f1_lax:7.3f} {rate:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
