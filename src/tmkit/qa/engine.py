"""The engine: runs the selected rules over documents of segment pairs and returns findings.

It owns what every check would otherwise repeat: skipping pairs without a target (only
``target-empty`` speaks about those), applying inline suppressions, severity overrides, and
turning a check's :class:`~tmkit.qa.registry.Hit` into a full :class:`tmkit.model.Finding`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tmkit.errors import UsageError
from tmkit.model import Finding, Severity
from tmkit.qa.registry import Hit, Rule, all_rules
from tmkit.qa.view import DocumentView, PairView

RUNS_ON_EMPTY_TARGET = frozenset({"target-empty", "suppression-missing-reason"})
"""Rules that still make sense when a unit has no translation yet."""

RUNS_ON_ALIGNMENT_GAP = frozenset({"sentence-omitted", "sentence-added", "suppression-missing-reason"})
"""The only rules for a sentence an article alignment left unpaired: with one side empty,
number, term or length rules would just restate the gap."""

CATEGORIES_ON_COPY = frozenset({"completeness", "consistency", "suppression"})
"""A target that copies the source is one problem (``target-same-as-source``); the
punctuation or spelling rules of the target language would only repeat it in other words."""


@dataclass(frozen=True)
class Selection:
    """Which rules run and at what severity: the result of defaults, config and flags."""

    enabled: frozenset[str]
    severities: Mapping[str, Severity] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Selection:
        return cls(frozenset(r.id for r in all_rules()))

    def adjusted(self, *, enable: Iterable[str] = (), disable: Iterable[str] = (),
                 severities: Mapping[str, str | Severity] | None = None) -> Selection:
        """A copy with rules or categories switched on/off and severities overridden.

        Names may be rule ids or category names (``disable = ["length"]``); unknown names
        are a usage error, so a typo in a config file does not silently do nothing.
        """
        enabled = set(self.enabled)
        enabled |= expand_names(enable)
        enabled -= expand_names(disable)
        merged = dict(self.severities)
        for name, level in (severities or {}).items():
            try:
                value = Severity(str(level).lower())
            except ValueError:
                raise UsageError(f"unknown severity {level!r} for {name} (use error, warning or info)") from None
            for rule_id in expand_names([name]):
                merged[rule_id] = value
        return Selection(frozenset(enabled), merged)


def expand_names(names: Iterable[str]) -> set[str]:
    """Rule ids for a list of rule ids and/or category names."""
    rules = all_rules()
    by_id = {r.id for r in rules}
    result: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name in by_id:
            result.add(name)
            continue
        in_category = {r.id for r in rules if r.category == name}
        if not in_category and name not in ("all", "*"):
            raise UsageError(f"unknown rule or category {name!r}", hint="tmkit check --list shows them")
        result |= in_category or by_id
    return result


class Engine:
    """Runs a :class:`Selection` of rules; reuse one engine for many documents."""

    def __init__(self, selection: Selection | None = None) -> None:
        self.selection = selection or Selection.default()
        chosen = [r for r in all_rules() if r.id in self.selection.enabled]
        self.pair_rules = [r for r in chosen if r.scope == "pair"]
        self.document_rules = [r for r in chosen if r.scope == "document"]
        # Which rules a pair gets depends only on three facts about it, so the filtering
        # is done once here rather than for every rule of every pair.
        self._on_gap = [r for r in self.pair_rules if r.id in RUNS_ON_ALIGNMENT_GAP]
        self._on_empty = [r for r in self.pair_rules if r.id in RUNS_ON_EMPTY_TARGET]
        self._on_copy = [r for r in self.pair_rules if r.category in CATEGORIES_ON_COPY]

    def check_document(self, document: DocumentView) -> list[Finding]:
        """All findings of one document, in unit order, suppressions applied."""
        per_pair: dict[int, list[Finding]] = {}
        for pair in document.pairs:
            per_pair[id(pair)] = self.check_pair(pair)
        translated = [p for p in document.pairs if p.target.strip() and p.alignment is None]
        if self.document_rules and translated:
            scoped = DocumentView(document.file, document.src_lang, document.tgt_lang, translated,
                                  document.context)
            for rule in self.document_rules:
                for pair, hit in rule.func(scoped):
                    finding = self._finding(rule, pair, hit)
                    if not _suppressed(pair, rule.id):
                        per_pair.setdefault(id(pair), []).append(finding)
        findings: list[Finding] = []
        for pair in document.pairs:
            findings.extend(per_pair.get(id(pair), ()))
        return findings

    def check_pair(self, pair: PairView) -> list[Finding]:
        """Findings of the pair rules on one pair (document rules need a document)."""
        if pair.alignment is not None:
            rules = self._on_gap
        elif not (pair.target.strip() or pair.target_segment.has_codes):
            rules = self._on_empty
        elif pair.is_copy and pair.source.strip():
            rules = self._on_copy
        else:
            rules = self.pair_rules
        found: list[Finding] = []
        for rule in rules:
            for hit in rule.func(pair):
                if not _suppressed(pair, rule.id):
                    found.append(self._finding(rule, pair, hit))
        return found

    def _finding(self, rule: Rule, pair: PairView, hit: Hit) -> Finding:
        severity = self.selection.severities.get(rule.id, rule.severity)
        return Finding(
            rule=rule.id, category=rule.category, severity=severity, message=hit.message,
            file=pair.file, unit=pair.unit, line=pair.line, src_lang=pair.src_lang,
            tgt_lang=pair.tgt_lang, source=pair.source, target=pair.target,
            suggestion=hit.suggestion, span=hit.span,
        )


def _suppressed(pair: PairView, rule_id: str) -> bool:
    if not pair.notes or rule_id == "suppression-missing-reason":
        return False
    return any(s.covers(rule_id) for s in pair.suppressions)


def check_pairs(pairs: Iterable[tuple[str, str]], src_lang: str, tgt_lang: str, *,
                glossary: object = None, selection: Selection | None = None) -> list[Finding]:
    """Check plain text pairs as one document: the quickest way in from Python.

    >>> [f.rule for f in check_pairs([("Hello.", "")], "en", "ru")]
    ['target-empty']
    """
    from tmkit.qa.view import CheckContext

    context = CheckContext(glossary=glossary)
    views = [PairView(s, t, src_lang, tgt_lang, unit=str(i + 1), context=context, index=i)
             for i, (s, t) in enumerate(pairs)]
    return Engine(selection).check_document(DocumentView(None, src_lang, tgt_lang, views, context))
