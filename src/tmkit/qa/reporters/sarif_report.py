"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json

from tmkit import __version__
from tmkit.qa.baseline import fingerprint
from tmkit.qa.registry import all_rules
from tmkit.qa.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report, *, color: bool = False) -> str:
    rules = all_rules()
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = []
    for finding in report.findings:
        region: dict[str, int] = {"startLine": max(1, finding.line or 1)}
        text = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
        results.append({
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": _LEVELS[finding.severity.value],
            "message": {"text": text},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": (finding.file or "stdin").replace("\\", "/")},
                "region": region,
            }}],
            "partialFingerprints": {"tmkitFinding/v1": fingerprint(finding)},
            "properties": {"category": finding.category, "unit": finding.unit,
                           "source": finding.source, "target": finding.target},
        })
    driver = {
        "name": "tmkit",
        "version": __version__,
        "rules": [{
            "id": rule.id,
            "name": rule.id,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "defaultConfiguration": {"level": _LEVELS[rule.severity.value]},
            "properties": {"category": rule.category},
        } for rule in rules],
    }
    run: dict = {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}
    if report.notes:  # a configured glossary or memory that is missing: checks were skipped
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [
            {"level": "warning", "message": {"text": note}} for note in report.notes]}]
    sarif = {"version": "2.1.0", "$schema": SCHEMA, "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
