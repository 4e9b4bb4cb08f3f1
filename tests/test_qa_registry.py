"""The rule catalogue: stable ids, categories, severities, docs, and the README table."""

from __future__ import annotations

import re

import pytest

from tmkit.model import Severity
from tmkit.qa.registry import (
    CATEGORIES,
    Hit,
    all_rules,
    catalogue_markdown,
    catalogue_records,
    get_rule,
    pair_rule,
)

ISSUE_RULES = ("term-missing", "term-forbidden", "term-inconsistent", "number-mismatch", "target-empty",
               "target-same-as-source", "target-wrong-language", "inconsistent-translation",
               "inconsistent-source", "tm-inconsistent", "end-punctuation", "quote-style", "quote-unpaired",
               "bracket-unbalanced", "double-space", "whitespace-edges", "repeated-word", "code-missing",
               "code-extra", "code-order", "markdown-mismatch", "url-mismatch", "email-mismatch",
               "hashtag-mismatch", "mixed-script", "az-turkish-spelling", "name-mismatch")


def test_rule_ids_are_kebab_case_and_unique():
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)*", i) for i in ids)


@pytest.mark.parametrize("rule_id", ISSUE_RULES)
def test_rules_the_issue_asks_for_are_registered(rule_id):
    assert get_rule(rule_id) is not None


def test_every_rule_has_category_severity_and_one_line_summary():
    for rule in all_rules():
        assert rule.category in CATEGORIES
        assert isinstance(rule.severity, Severity)
        assert rule.summary and rule.summary.endswith(".")


def test_catalogue_lists_rules_in_category_order():
    order = [CATEGORIES.index(r.category) for r in all_rules()]
    assert order == sorted(order)


def test_catalogue_markdown_has_one_row_per_rule():
    table = catalogue_markdown()
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert len(rows) == len(all_rules())
    assert "| `term-missing` | terminology | error |" in table


def test_catalogue_records_carry_full_description():
    record = next(r for r in catalogue_records() if r["id"] == "number-mismatch")
    assert record["category"] == "numbers" and "1,700" in record["description"]


def test_registering_a_rule_without_docstring_is_refused():
    with pytest.raises(ValueError, match="docstring"):
        @pair_rule("undocumented-rule", "length", "info")
        def undocumented(pair):
            yield Hit("x")


def test_registering_an_unknown_category_is_refused():
    with pytest.raises(ValueError, match="category"):
        pair_rule("odd-rule", "grammar", "info")


def test_readme_section_embeds_the_current_catalogue():
    from pathlib import Path

    doc = Path(__file__).resolve().parents[1] / "README.md"
    assert catalogue_markdown() in doc.read_text(encoding="utf-8")
