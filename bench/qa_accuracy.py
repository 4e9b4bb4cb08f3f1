"""Precision and recall of ``tmkit check`` per rule category on the seeded-error corpus.

Usage::

    .venv/bin/python bench/qa_accuracy.py            # tests/qa_corpus/pairs.tsv + glossary.csv
    .venv/bin/python bench/qa_accuracy.py --details  # also list every miss and false alarm

The corpus is tmkit's own: en->ru, en->az, ru->en (and a few ru->az) news sentences, each
labelled with the rule ids a correct checker reports, correct translations (inflected
terms, locale number formats, all-caps headlines, nested quotes) labelled ``-``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tmkit.glossary import Glossary
from tmkit.qa.evaluate import evaluate, load_corpus
from tmkit.qa.registry import CATEGORIES

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "qa_corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS / "pairs.tsv")
    parser.add_argument("--glossary", type=Path, default=CORPUS / "glossary.csv")
    parser.add_argument("--details", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    pairs = load_corpus(args.corpus)
    evaluation = evaluate(pairs, Glossary.load(args.glossary))
    negatives = sum(1 for p in pairs if not p.expected)
    directions = sorted({f"{p.src_lang}->{p.tgt_lang}" for p in pairs})
    print(f"{len(pairs)} pairs ({', '.join(directions)}), {negatives} correct translations, "
          f"{sum(len(p.expected) for p in pairs)} seeded errors")
    print(f"{'category':<14} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    scores = evaluation.by_category()
    for category in CATEGORIES:
        score = scores.get(category)
        if score is None:
            continue
        print(f"{category:<14} {score.true_positives:>4} {score.false_positives:>4} {score.false_negatives:>4} "
              f"{score.precision:>10.2f} {score.recall:>8.2f}")
    clean = sum(1 for o in evaluation.outcomes if not o.pair.expected and not o.found)
    print(f"correct translations left clean: {clean}/{negatives}")
    if args.details:
        for outcome in evaluation.outcomes:
            if outcome.missed or outcome.false_alarms:
                print(f"{outcome.pair.id}: missed {sorted(outcome.missed)} false alarms {sorted(outcome.false_alarms)}")


if __name__ == "__main__":
    main()
