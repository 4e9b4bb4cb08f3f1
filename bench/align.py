"""Alignment throughput: sentences per second and peak memory.

Inputs are built from the sample corpus (real article text in en and ru): article-sized
documents of about 40 sentences, and one long document of about 5,000 sentences made by
concatenating the corpus. Each measurement runs in a fresh subprocess so its peak RSS is
its own. Target: at least 5,000 sentences/s on article-sized input.

Usage: python bench/align.py [--long 5000] [--articles 20]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpora" / "articles"


def build_documents(folder: Path, target_sentences: int, count: int) -> list[tuple[Path, Path]]:
    """Write ``count`` en/ru document pairs of roughly ``target_sentences`` sentences each."""
    sources = sorted(ARTICLES.glob("*.en.md"))
    bodies = []
    for source in sources:
        en = source.read_text(encoding="utf-8").split("\n", 1)[1]
        ru = source.with_name(source.name.replace(".en.md", ".ru.md")).read_text(encoding="utf-8").split("\n", 1)[1]
        bodies.append((en.strip(), ru.strip(), en.count(". ") + en.count(".\n") + 1))
    pairs = []
    for number in range(count):
        en_parts, ru_parts, sentences, k = [], [], 0, number
        while sentences < target_sentences:
            en, ru, n = bodies[k % len(bodies)]
            en_parts.append(en)
            ru_parts.append(ru)
            sentences += n
            k += 1
        en_path = folder / f"doc{number}.en.md"
        ru_path = folder / f"doc{number}.ru.md"
        en_path.write_text(f"# Document {number}\n\n" + "\n\n".join(en_parts) + "\n", encoding="utf-8")
        ru_path.write_text(f"# Документ {number}\n\n" + "\n\n".join(ru_parts) + "\n", encoding="utf-8")
        pairs.append((en_path, ru_path))
    return pairs


def measure(pairs: list[tuple[str, str]]) -> dict:
    """Run in a subprocess: align every pair, report sentences/s and peak RSS."""
    import resource

    from tmkit.align import align_articles
    from tmkit.formats.article import read_article

    # Warm-up: load the Russian morphology and compile regexes outside the timing.
    warm = align_articles(read_article(pairs[0][0]), read_article(pairs[0][1]), "en", "ru")
    sentences = 0
    started = time.perf_counter()
    for en, ru in pairs:
        result = align_articles(read_article(en), read_article(ru), "en", "ru")
        sentences += len(result.src_sentences) + len(result.tgt_sentences)
    elapsed = time.perf_counter() - started
    return {"sentences": sentences, "seconds": elapsed, "warm": len(warm.pairs),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_child(pairs: list[tuple[Path, Path]]) -> dict:
    payload = json.dumps([[str(a), str(b)] for a, b in pairs])
    code = ("import json,sys; sys.path.insert(0, %r); import align as bench; "
            "print(json.dumps(bench.measure(json.loads(sys.argv[1]))))" % str(Path(__file__).parent))
    out = subprocess.run([sys.executable, "-c", code, payload], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", type=int, default=5000, help="sentences in the long document")
    parser.add_argument("--articles", type=int, default=20, help="number of 40-sentence articles")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        runs = [("40-sentence articles", build_documents(folder / "short", 40, args.articles)
                 if (folder / "short").mkdir() is None else []),
                (f"one {args.long}-sentence document", build_documents(folder / "long", args.long, 1)
                 if (folder / "long").mkdir() is None else [])]
        print(f"{'input':32} {'sentences':>10} {'seconds':>8} {'sent/s':>8} {'peak MB':>8}")
        for name, pairs in runs:
            result = run_child(pairs)
            rate = result["sentences"] / result["seconds"]
            print(f"{name:32} {result['sentences']:10d} {result['seconds']:8.2f} {rate:8.0f} "
                  f"{result['peak_mb']:8.1f}")
    print("target: >= 5,000 sentences/s on article-sized input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
