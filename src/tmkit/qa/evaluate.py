"""Measure the checks on a labelled corpus: which findings were expected, which were false alarms.

A labelled corpus is a TSV file with the columns ``id, doc, src, tgt, expected, source,
target`` (lines starting with ``#`` are comments); ``expected`` lists the rule ids a correct
checker reports for the pair, or ``-`` for a correct translation. Pairs sharing ``doc`` are
checked as one document, so consistency rules can be labelled too. tmkit's own corpus lives
in ``tests/qa_corpus/`` and ``bench/qa_accuracy.py`` prints the scores.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tmkit.errors import InputError
from tmkit.qa.engine import Engine, Selection
from tmkit.qa.registry import get_rule
from tmkit.qa.view import CheckContext, DocumentView, PairView

COLUMNS = ("id", "doc", "src", "tgt", "expected", "source", "target")


@dataclass(frozen=True, slots=True)
class LabelledPair:
    id: str
    doc: str
    src_lang: str
    tgt_lang: str
    expected: frozenset[str]
    source: str
    target: str


@dataclass
class Outcome:
    """Per pair: the rules expected and the rules reported."""

    pair: LabelledPair
    found: frozenset[str]

    @property
    def missed(self) -> frozenset[str]:
        return self.pair.expected - self.found

    @property
    def false_alarms(self) -> frozenset[str]:
        return self.found - self.pair.expected


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        reported = self.true_positives + self.false_positives
        return self.true_positives / reported if reported else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass
class Evaluation:
    outcomes: list[Outcome] = field(default_factory=list)

    def by_category(self) -> dict[str, Score]:
        """Precision/recall counts per rule category (a pair-rule label is one unit of truth)."""
        scores: dict[str, Score] = defaultdict(Score)
        for outcome in self.outcomes:
            for rule_id in outcome.pair.expected | outcome.found:
                rule = get_rule(rule_id)
                score = scores[rule.category if rule else rule_id]
                if rule_id in outcome.pair.expected and rule_id in outcome.found:
                    score.true_positives += 1
                elif rule_id in outcome.found:
                    score.false_positives += 1
                else:
                    score.false_negatives += 1
        return dict(scores)


def load_corpus(path: str | Path) -> list[LabelledPair]:
    """Read a labelled corpus TSV; unknown rule ids in ``expected`` are an input error."""
    source = Path(path)
    pairs = []
    with source.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if tuple(header or ()) != COLUMNS:
            raise InputError(f"expected the header {' '.join(COLUMNS)}", path=str(source))
        for number, row in enumerate(reader, start=2):
            if len(row) != len(COLUMNS):
                raise InputError(f"expected {len(COLUMNS)} tab-separated columns, got {len(row)}",
                                 path=str(source), line=number)
            ident, doc, src, tgt, expected, text, translation = row
            labels = frozenset() if expected.strip() == "-" else frozenset(
                x.strip() for x in expected.split(",") if x.strip())
            unknown = [x for x in labels if get_rule(x) is None]
            if unknown:
                raise InputError(f"unknown rule id(s) {', '.join(sorted(unknown))} for {ident}",
                                 path=str(source), line=number)
            pairs.append(LabelledPair(ident, doc, src, tgt, labels, text, translation))
    return pairs


def evaluate(pairs: list[LabelledPair], glossary: object = None,
             selection: Selection | None = None) -> Evaluation:
    """Run every check on the corpus, document by document, and compare with the labels."""
    engine = Engine(selection)
    context = CheckContext(glossary=glossary)
    docs: dict[tuple[str, str, str], list[LabelledPair]] = defaultdict(list)
    for pair in pairs:
        docs[(pair.doc, pair.src_lang, pair.tgt_lang)].append(pair)
    found: dict[str, set[str]] = defaultdict(set)
    for (doc, src, tgt), members in docs.items():
        views = [PairView(p.source, p.target, src, tgt, unit=p.id, context=context, index=i)
                 for i, p in enumerate(members)]
        for finding in engine.check_document(DocumentView(doc, src, tgt, views, context)):
            found[finding.unit or ""].add(finding.rule)
    return Evaluation([Outcome(p, frozenset(found.get(p.id, ()))) for p in pairs])
