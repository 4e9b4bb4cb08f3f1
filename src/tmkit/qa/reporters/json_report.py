"""JSON: ``{"tool", "version", "files", "findings", "summary"}`` for scripts and dashboards."""

from __future__ import annotations

import json
from dataclasses import asdict

from tmkit import __version__
from tmkit.model import Finding
from tmkit.qa.report import Report


def finding_record(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule, "category": finding.category, "severity": finding.severity.value,
        "file": finding.file, "unit": finding.unit, "line": finding.line,
        "src_lang": finding.src_lang, "tgt_lang": finding.tgt_lang,
        "source": finding.source, "target": finding.target, "message": finding.message,
        "suggestion": finding.suggestion, "span": list(finding.span) if finding.span else None,
    }


def render(report: Report, *, color: bool = False) -> str:
    data = {
        "tool": "tmkit",
        "version": __version__,
        "files": [{**asdict(f), "tgt_langs": list(f.tgt_langs)} for f in report.files],
        "findings": [finding_record(f) for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
