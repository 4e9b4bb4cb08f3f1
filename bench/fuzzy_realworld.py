"""Benchmark: fuzzy-search recall on real translation memories, queries with edits and typos.

Usage::

    .venv/bin/python bench/fuzzy_realworld.py                  # 400 queries per file
    .venv/bin/python bench/fuzzy_realworld.py --queries 100

``bench/fuzzy.py`` measures speed on generated news sentences, whose near-duplicates differ
by whole words. Real memories also hold short UI strings, and real queries differ by typos
and spelling variants, which change word keys. This script imports each real TMX with an
English side from ``../shared/realworld/tmx/`` into a throw-away store and asks ``--queries``
stored English strings back, each changed the way people change text: half get one to three
word edits (a word replaced by another of the file, dropped or inserted), half one to four
character typos. Recall is the share of the brute-force matches >= 75 (the engine's own
score over every English segment, identical texts left out: the exact-match door finds
those) that the index plan returns, split into short queries (up to 30 characters) and
longer ones.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from fuzzy import typo
from tmkit.tm.normalize import normalize
from tmkit.tm.score import scores_at_least
from tmkit.tm.search import fuzzy_segments
from tmkit.tm.store import Store, import_files

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "tmx"
FILES = ["omegat-l10n-ru_project_save_en-ru_tmx11.tmx", "omegat-l10n-uk_project_save_en-uk_tmx11.tmx",
         "nushell-docs-ru_level2_en-ru_tmx14.tmx", "openxliff_OpenXLIFF_Java_es.tmx",
         "lyakhonov_omegat-level2_ru-en_1c-docs.tmx"]
MIN_SCORE = 75.0
SHORT = 30


def edited(rng: random.Random, text: str, vocabulary: list[str]) -> str:
    """A stored string changed by word edits (half the time) or character typos."""
    words = text.split()
    if rng.random() < 0.5 and len(words) > 1:
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(words))
            action = rng.random()
            if action < 0.4:
                words[at] = rng.choice(vocabulary)
            elif action < 0.7 and len(words) > 2:
                del words[at]
            else:
                words.insert(at, rng.choice(vocabulary))
        return " ".join(words)
    return typo(rng, text, most=4)


def measure(path: Path, queries: int, rng: random.Random) -> dict[str, list[int]]:
    """{"short"|"long": [found, expected]} for one memory file."""
    counts = {"short": [0, 0], "long": [0, 0]}
    with Store(":memory:") as store:
        import_files(store, [path])
        rows = store.conn.execute("SELECT id, norm, text FROM segments WHERE base='en' ORDER BY id").fetchall()
        if not rows:
            return counts
        ids, norms, texts = [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
        vocabulary = [word for text in texts for word in text.split()]
        for _ in range(queries):
            query = normalize(edited(rng, rng.choice(texts), vocabulary), "en")
            if not query:
                continue
            truth = {ids[p] for p, _ in scores_at_least(query, norms, MIN_SCORE) if norms[p] != query}
            found = truth & set(fuzzy_segments(store, query, "en", MIN_SCORE))
            bucket = counts["short" if len(query) <= SHORT else "long"]
            bucket[0] += len(found)
            bucket[1] += len(truth)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()
    if not REALWORLD.is_dir():
        print(f"skipped: {REALWORLD} is absent (the shared realworld corpus sits beside the checkout)")
        return
    rng = random.Random(5)
    header = f"{'file':<46} {'matches':>8} {'recall':>7} {'short':>13} {'long':>13}"
    print(header)
    print("-" * len(header))
    total = {"short": [0, 0], "long": [0, 0]}
    for name in FILES:
        counts = measure(REALWORLD / name, args.queries, rng)
        for key, (found, expected) in counts.items():
            total[key][0] += found
            total[key][1] += expected
        print(_row(name, counts))
    print(_row("all", total))
    print(f"\nrecall = brute-force matches >= {MIN_SCORE:g} found by the index; short = queries up to "
          f"{SHORT} characters (matches/recall)")


def _row(name: str, counts: dict[str, list[int]]) -> str:
    found = sum(c[0] for c in counts.values())
    expected = sum(c[1] for c in counts.values())

    def share(pair: list[int]) -> str:
        return f"{pair[1]}/{pair[0] / pair[1]:.3f}" if pair[1] else "-"

    recall = f"{found / expected:.4f}" if expected else "-"
    return f"{name:<46} {expected:>8} {recall:>7} {share(counts['short']):>13} {share(counts['long']):>13}"


if __name__ == "__main__":
    main()
