"""Benchmark: tokenizing plus match keys per word, the hot path of term spotting.

Usage::

    .venv/bin/python bench/lang_keys.py            # Tatoeba az/ru/en lines from ../shared/realworld
    .venv/bin/python bench/lang_keys.py --repeat 20

For each language the script tokenizes every line and asks ``keys()`` for every word or
acronym token. "cold" starts with empty key caches (first sight of every form, pymorphy3
already loaded); "warm" repeats the same text, as a newsroom corpus repeats its vocabulary,
and reports the best of ``--repeat`` passes so that other load on the machine (and garbage
collection pauses) disturb the figure less. Target: >= 200k words/s warm. Prints a table;
asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tmkit.lang import get_language

TATOEBA = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "align" / "tatoeba_laser"
SOURCES = {"az": "tatoeba.aze-eng.aze", "ru": "tatoeba.rus-eng.rus", "en": "tatoeba.aze-eng.eng"}


def run(code: str, lines: list[str], repeat: int) -> tuple[int, float, float, int]:
    language = get_language(code)
    language._keys.cache_clear()  # a benchmark measures the cold cache on purpose
    language.keys("прогрев")  # loads pymorphy3 for ru outside the timing

    def one_pass() -> int:
        words = 0
        for line in lines:
            for token in language.tokenize(line):
                if token.kind in ("word", "acronym"):
                    language.keys(token.text)
                    words += 1
        return words

    language._keys.cache_clear()
    started = time.perf_counter()
    words = one_pass()
    cold = time.perf_counter() - started
    warm = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        one_pass()
        warm = min(warm, time.perf_counter() - started)
    distinct = language._keys.cache_info().currsize
    return words, cold, warm, distinct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="warm passes (the best one is reported)")
    args = parser.parse_args()
    if not TATOEBA.is_dir():
        raise SystemExit(f"{TATOEBA} not present: the benchmark reads Tatoeba lines from ../shared/realworld")
    print(f"{'lang':<5}{'words':>8}{'distinct':>10}{'cold words/s':>15}{'warm words/s':>15}")
    for code, name in SOURCES.items():
        lines = (TATOEBA / name).read_text(encoding="utf-8").splitlines()
        words, cold, warm, distinct = run(code, lines, args.repeat)
        print(f"{code:<5}{words:>8}{distinct:>10}{words / cold:>15,.0f}{words / warm:>15,.0f}")


if __name__ == "__main__":
    main()
