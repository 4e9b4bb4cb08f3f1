"""The engine: rule selection, severities, suppressions, empty and copied targets."""

from __future__ import annotations

import pytest

from tmkit.errors import UsageError
from tmkit.model import Severity
from tmkit.qa import Engine, Selection, check_pairs
from tmkit.qa.view import CheckContext, DocumentView, PairView


def rules(findings):
    return sorted(f.rule for f in findings)


def test_empty_target_reports_only_target_empty():
    assert rules(check_pairs([("He paid 5 dollars?", "")], "en", "ru")) == ["target-empty"]


def test_copied_target_is_not_also_judged_by_target_language_style():
    found = check_pairs([('He said "no" twice today.', 'He said "no" twice today.')], "en", "ru")
    assert rules(found) == ["target-same-as-source"]


def test_disabling_a_category_switches_off_its_rules():
    selection = Selection.default().adjusted(disable=["punctuation"])
    assert rules(check_pairs([("Stop.", "Стоп?")], "en", "ru", selection=selection)) == []


def test_unknown_rule_name_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown rule"):
        Selection.default().adjusted(disable=["no-such-rule"])


def test_severity_override_changes_reported_severity():
    selection = Selection.default().adjusted(severities={"end-punctuation": "error"})
    finding = check_pairs([("Stop.", "Стоп?")], "en", "ru", selection=selection)[0]
    assert finding.severity is Severity.ERROR


def test_invalid_severity_is_a_usage_error():
    with pytest.raises(UsageError, match="severity"):
        Selection.default().adjusted(severities={"end-punctuation": "fatal"})


def _pair(source, target, notes=()):
    return PairView(source, target, "en", "ru", unit="u1", notes=notes)


def test_inline_suppression_with_reason_silences_the_rule():
    pair = _pair("Stop.", "Стоп?", notes=["tmkit: ignore end-punctuation -- the editor wants a question"])
    assert Engine().check_pair(pair) == []


def test_suppression_without_reason_silences_but_is_reported():
    pair = _pair("Stop.", "Стоп?", notes=["tmkit: ignore end-punctuation"])
    assert rules(Engine().check_pair(pair)) == ["suppression-missing-reason"]


def test_suppression_of_another_rule_does_not_silence():
    pair = _pair("Stop.", "Стоп?", notes=["tmkit: ignore double-space -- intentional"])
    assert rules(Engine().check_pair(pair)) == ["end-punctuation"]


def test_suppression_of_document_rule_applies_to_the_marked_unit():
    context = CheckContext()
    pairs = [PairView("The vote was delayed.", "Голосование отложили.", "en", "ru", unit="a", context=context),
             PairView("The vote was delayed.", "Голосование перенесли.", "en", "ru", unit="b", context=context,
                      notes=("tmkit: ignore inconsistent-translation -- different context", ), index=1)]
    assert Engine().check_document(DocumentView("f", "en", "ru", pairs, context)) == []


def test_findings_carry_file_unit_languages_and_texts():
    pair = PairView("Stop.", "Стоп?", "en", "ru", unit="u7", line=12, file="a.xlf")
    finding = Engine().check_pair(pair)[0]
    assert (finding.file, finding.unit, finding.line, finding.src_lang, finding.tgt_lang) == \
        ("a.xlf", "u7", 12, "en", "ru")
    assert (finding.source, finding.target, finding.span) == ("Stop.", "Стоп?", (4, 5))


def test_pair_view_analyses_are_computed_once():
    pair = _pair("Prices rose 5%.", "Цены выросли на 5 %.")
    assert pair.src_numbers is pair.src_numbers
    assert pair.tgt_tokens is pair.tgt_tokens


def test_context_shares_an_analysis_across_documents():
    context = CheckContext()
    calls = []
    for _ in range(3):
        context.shared("numbers", "en", "5 cats", lambda: calls.append(1) or ["five"])
    assert calls == [1]


def test_source_numbers_are_read_once_for_two_target_languages():
    context = CheckContext()
    ru = PairView("Prices rose 5%.", "Цены выросли на 5 %.", "en", "ru", context=context)
    az = PairView("Prices rose 5%.", "Qiymətlər 5 faiz artıb.", "en", "az", context=context)
    assert ru.src_numbers is az.src_numbers
