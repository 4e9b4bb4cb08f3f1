"""Reporters: JSON shape, SARIF 2.1.0 shape, GitHub annotations, JUnit XML, text."""

from __future__ import annotations

import json

import pytest

from tmkit.errors import UsageError
from tmkit.formats import xmlsafe
from tmkit.model import Finding, Severity
from tmkit.qa.registry import get_rule
from tmkit.qa.report import CheckedFile, Report
from tmkit.qa.reporters import render

FIELDS = {"rule", "category", "severity", "file", "unit", "line", "src_lang", "tgt_lang", "source", "target",
          "message", "suggestion", "span"}


def sample() -> Report:
    findings = [
        Finding("number-mismatch", "numbers", Severity.ERROR, "'5' became '6'", file="a/news.po", unit=None,
                line=7, src_lang="en", tgt_lang="ru", source="5 cats", target="6 кошек", suggestion="5",
                span=(0, 1)),
        Finding("double-space", "punctuation", Severity.WARNING, "double space, 100%: bad", file="a/news.po",
                unit="u2", line=9, src_lang="en", tgt_lang="ru", source="a b", target="а  б", span=(1, 3)),
    ]
    return Report([CheckedFile("a/news.po", "po", "en", ("ru",), 2)], findings)


def test_json_report_has_the_documented_shape():
    data = json.loads(render(sample(), "json"))
    assert set(data) == {"tool", "version", "files", "findings", "summary"}
    assert set(data["findings"][0]) == FIELDS
    assert data["findings"][0]["span"] == [0, 1]
    assert data["summary"]["errors"] == 1 and data["summary"]["by_rule"]["double-space"] == 1


def test_sarif_report_has_the_2_1_0_shape():
    sarif = json.loads(render(sample(), "sarif"))
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all({"id", "shortDescription", "defaultConfiguration"} <= set(r) for r in rules)
    result = run["results"][0]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "number-mismatch"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "a/news.po" and location["region"]["startLine"] == 7
    assert result["partialFingerprints"]


def test_sarif_levels_map_info_to_note():
    levels = {r["id"]: r["defaultConfiguration"]["level"]
              for r in json.loads(render(Report(), "sarif"))["runs"][0]["tool"]["driver"]["rules"]}
    assert set(levels.values()) <= {"error", "warning", "note"}
    assert levels["number-mismatch"] == get_rule("number-mismatch").severity.value


def test_github_annotations_escape_percent_and_properties():
    lines = render(sample(), "github").splitlines()
    assert lines[0] == "::error file=a/news.po,line=7,title=number-mismatch::'5' became '6' (suggestion: 5)"
    assert lines[1].endswith("::double space, 100%25: bad")


def test_junit_report_is_well_formed_with_one_suite_per_file():
    root = xmlsafe.parse_bytes(render(sample(), "junit").encode("utf-8")).getroot()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a/news.po"]
    assert [c.get("name") for c in suites[0].findall("testcase")] == ["line 7", "unit u2"]
    assert suites[0].find("testcase/failure").get("type") == "number-mismatch"


def test_junit_report_of_clean_file_has_passing_case():
    report = Report([CheckedFile("ok.po", "po", "en", ("ru",), 3)], [])
    root = xmlsafe.parse_bytes(render(report, "junit").encode("utf-8")).getroot()
    assert root.find("testsuite/testcase").find("failure") is None


def test_junit_counts_as_failures_only_findings_at_or_above_fail_on():
    root = xmlsafe.parse_bytes(render(sample(), "junit", fail_on="error").encode("utf-8")).getroot()
    warning_case = root.findall("testsuite/testcase")[1]
    assert root.get("failures") == "1" and warning_case.find("failure") is None
    assert "double-space" in warning_case.find("system-out").text


def test_junit_with_fail_on_never_has_no_failures():
    root = xmlsafe.parse_bytes(render(sample(), "junit", fail_on="never").encode("utf-8")).getroot()
    assert root.get("failures") == "0" and root.find("testsuite/testcase/failure") is None


def test_text_report_groups_by_file_and_highlights_span_on_terminal():
    text = render(sample(), "text", color=True)
    assert text.count("news.po") == 1
    assert "\033[7m6\033[0m кошек" in text


def test_text_report_has_no_escape_codes_without_color():
    assert "\033" not in render(sample(), "text")


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError):
        render(sample(), "yaml")


def test_sarif_results_satisfy_required_properties_of_the_schema():
    sarif = json.loads(render(sample(), "sarif"))
    assert set(sarif) >= {"version", "runs"}
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "tmkit" and all(rule["id"] for rule in driver["rules"])
    for result in run["results"]:
        assert result["level"] in {"none", "note", "warning", "error"}
        assert result["message"]["text"]
        assert 0 <= result["ruleIndex"] < len(driver["rules"])
        region = result["locations"][0]["physicalLocation"]["region"]
        assert isinstance(region["startLine"], int) and region["startLine"] >= 1
