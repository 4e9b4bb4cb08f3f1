"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from tmkit.qa.report import Report

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, *, color: bool = False) -> str:
    lines = []
    for finding in report.findings:
        props = [f"file={_property(finding.file or 'stdin')}"]
        if finding.line:
            props.append(f"line={finding.line}")
        props.append(f"title={_property(finding.rule)}")
        message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
        lines.append(f"::{_LEVELS[finding.severity.value]} {','.join(props)}::{_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
