"""Run every benchmark in turn and print their tables (``make bench``).

Each script is independent and prints its own table with the peer it is compared against
measured in the same run. ``--quick`` (or BENCH_QUICK=1) uses the small sizes each script
offers, for a smoke run; the figures in the README come from the full run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

FULL = [
    ("TMX streaming read/write vs bare lxml iterparse", "tmx_read.py", []),
    ("Term spotting vs lowercase substring baseline", "terms.py", []),
    ("Morphology keys per language", "lang_keys.py", []),
    ("PO reading vs polib", "po_read.py", []),
    ("QA check throughput vs Translate Toolkit pofilter", "check.py", []),
    ("QA precision/recall on the seeded-error corpus", "qa_accuracy.py", []),
    ("Sentence alignment throughput", "align.py", []),
    ("Sentence alignment accuracy (gold sets)", "align_accuracy.py", []),
    ("Fuzzy matching vs rapidfuzz brute force", "fuzzy.py", []),
    ("Fuzzy recall on real memories, queries with typos", "fuzzy_realworld.py", []),
]
QUICK_ARGS = {
    "tmx_read.py": ["--quick"],
    "terms.py": ["--concepts", "2000", "--megabytes", "0.2", "--repeat", "1"],
    "check.py": ["--pairs", "5000"],
    "po_read.py": ["--quick"],
    "align.py": ["--long", "1000", "--articles", "5"],
    "fuzzy.py": ["--quick"],
    "fuzzy_realworld.py": ["--queries", "100"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1")
    parser.add_argument("--only", help="run only scripts whose name contains this")
    args = parser.parse_args()
    failed = []
    for title, script, extra in FULL:
        if args.only and args.only not in script:
            continue
        if not (HERE / script).exists():
            continue
        argv = extra + (QUICK_ARGS.get(script, []) if args.quick else [])
        print(f"\n=== {title} ({script}{' ' + ' '.join(argv) if argv else ''})", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / script), *argv])
        print(f"--- {script}: {time.perf_counter() - started:.1f} s, exit {code}", flush=True)
        if code:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
