"""The catalogue of checks: every rule has a stable id, a category, a default severity and a docstring.

Checks are plain functions decorated with :func:`pair_rule` or :func:`document_rule`. The
decorator records them here, so ``tmkit check --list``, the README catalogue and the engine all
read one source of truth, and the first docstring line *is* the rule's summary.

A pair rule looks at one :class:`~tmkit.qa.view.PairView` and yields :class:`Hit` values; a
document rule sees every pair of a document at once (consistency needs that) and yields
``(pair, hit)`` tuples. The engine turns hits into :class:`tmkit.model.Finding` values.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tmkit.model import Severity

if TYPE_CHECKING:
    from tmkit.qa.view import DocumentView, PairView

CATEGORIES = ("terminology", "numbers", "names", "completeness", "consistency", "punctuation",
              "markup", "script", "length", "suppression")
"""Category order used by listings and reports; ``suppression`` holds tmkit's own meta-rules."""

CHECK_MODULES = tuple(f"tmkit.qa.checks.{name}" for name in CATEGORIES)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check found, before the engine adds file, unit and languages.

    ``span`` is a character range in the target text, so a reporter can underline it.
    """

    message: str
    suggestion: str | None = None
    span: tuple[int, int] | None = None


PairCheck = Callable[["PairView"], Iterable[Hit]]
DocumentCheck = Callable[["DocumentView"], Iterable[tuple["PairView", Hit]]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One registered check."""

    id: str
    category: str
    severity: Severity
    doc: str
    func: Callable[..., Iterable[Any]]
    scope: str  # "pair" or "document"

    @property
    def summary(self) -> str:
        """The first line of the docstring: what the rule catches, in one sentence."""
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""


_RULES: dict[str, Rule] = {}


def _register(rule_id: str, category: str, severity: str, scope: str) -> Callable[[Callable], Callable]:
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r} for rule {rule_id}")

    def decorate(func: Callable) -> Callable:
        if rule_id in _RULES and _RULES[rule_id].func is not func:
            raise ValueError(f"rule id {rule_id!r} registered twice")
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise ValueError(f"rule {rule_id!r} needs a docstring: it is the rule's documentation")
        _RULES[rule_id] = Rule(rule_id, category, Severity(severity), doc, func, scope)
        return func

    return decorate


def pair_rule(rule_id: str, category: str, severity: str) -> Callable[[PairCheck], PairCheck]:
    """Register a check that looks at one segment pair."""
    return _register(rule_id, category, severity, "pair")


def document_rule(rule_id: str, category: str, severity: str) -> Callable[[DocumentCheck], DocumentCheck]:
    """Register a check that needs every pair of a document (consistency across units)."""
    return _register(rule_id, category, severity, "document")


def all_rules() -> list[Rule]:
    """Every registered rule, by category then id (imports the check modules on first use)."""
    for module in CHECK_MODULES:
        importlib.import_module(module)
    order = {name: index for index, name in enumerate(CATEGORIES)}
    return sorted(_RULES.values(), key=lambda r: (order[r.category], r.id))


def get_rule(rule_id: str) -> Rule | None:
    if rule_id not in _RULES:
        all_rules()
    return _RULES.get(rule_id)


def catalogue_markdown() -> str:
    """The rule catalogue as a Markdown table, for the README (a test keeps it in sync)."""
    lines = ["| rule | category | severity | what it catches |", "|---|---|---|---|"]
    for rule in all_rules():
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| `{rule.id}` | {rule.category} | {rule.severity.value} | {summary} |")
    return "\n".join(lines) + "\n"


def catalogue_records() -> list[dict[str, str]]:
    """The catalogue as plain records (``--list --format json``)."""
    return [{"id": r.id, "category": r.category, "severity": r.severity.value, "scope": r.scope,
             "summary": r.summary, "description": r.doc} for r in all_rules()]
