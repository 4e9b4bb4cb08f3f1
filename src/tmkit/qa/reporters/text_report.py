"""Plain text for people: findings grouped by file, the offending span highlighted on a terminal."""

from __future__ import annotations

from itertools import groupby

from tmkit.model import Finding
from tmkit.qa.report import Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD, _MARK = "\033[0m", "\033[1m", "\033[7m"


def render(report: Report, *, color: bool = False) -> str:
    lines: list[str] = []
    for file, findings in groupby(report.findings, key=lambda f: f.file or "<input>"):
        lines.append(f"{_BOLD}{file}{_RESET}" if color else file)
        for finding in findings:
            lines.extend(_finding(finding, color))
        lines.append("")
    summary = report.summary()
    text = (f"{summary['findings']} finding(s): {summary['errors']} error(s), {summary['warnings']} "
            f"warning(s), {summary['infos']} info in {summary['files']} file(s), {summary['units']} unit(s)")
    if report.baselined:
        text += f"; {report.baselined} known finding(s) hidden by the baseline"
    lines.append(text)
    lines.extend(f"note: {note}" for note in report.notes)
    return "\n".join(lines) + "\n"


def _finding(finding: Finding, color: bool) -> list[str]:
    where = ":".join(p for p in (str(finding.line) if finding.line else "",
                                 f"unit {finding.unit}" if finding.unit else "") if p)
    level = finding.severity.value
    if color:
        level = f"{_COLORS[level]}{level}{_RESET}"
    out = [f"  {where or '-'}: {level} [{finding.rule}] {finding.message}"]
    out.append(f"    {finding.src_lang}: {_one_line(finding.source)}")
    out.append(f"    {finding.tgt_lang}: {_highlight(finding, color)}")
    if finding.suggestion:
        out.append(f"    suggestion: {finding.suggestion}")
    return out


def _highlight(finding: Finding, color: bool) -> str:
    target = finding.target
    if color and finding.span and 0 <= finding.span[0] < finding.span[1] <= len(target):
        start, end = finding.span
        target = f"{target[:start]}{_MARK}{target[start:end]}{_RESET}{target[end:]}"
    return _one_line(target)


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")
