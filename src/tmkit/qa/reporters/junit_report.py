"""JUnit XML for CI systems that show test reports: a suite per file, a failing case per unit."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from tmkit.model import Finding
from tmkit.qa.report import Report


def render(report: Report, *, color: bool = False) -> str:
    root = ET.Element("testsuites", name="tmkit", tests="0", failures=str(len(report.findings)))
    by_file: dict[str, list[Finding]] = {checked.path: [] for checked in report.files}
    for finding in report.findings:
        by_file.setdefault(finding.file or "stdin", []).append(finding)
    total = 0
    for path, findings in by_file.items():
        units: dict[tuple[str | None, int | None], list[Finding]] = {}
        for finding in findings:
            units.setdefault((finding.unit, finding.line), []).append(finding)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(units))),
                              failures=str(len(findings)), errors="0")
        if not units:
            ET.SubElement(suite, "testcase", classname=path, name="all units")
        for (unit, line), items in units.items():
            name = f"unit {unit}" if unit else f"line {line}"
            case = ET.SubElement(suite, "testcase", classname=path, name=name)
            for finding in items:
                failure = ET.SubElement(case, "failure", type=finding.rule, message=finding.message)
                failure.text = (f"{finding.severity.value} [{finding.rule}] {finding.message}\n"
                                f"{finding.src_lang}: {finding.source}\n{finding.tgt_lang}: {finding.target}"
                                + (f"\nsuggestion: {finding.suggestion}" if finding.suggestion else ""))
        total += max(1, len(units))
    root.set("tests", str(total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
