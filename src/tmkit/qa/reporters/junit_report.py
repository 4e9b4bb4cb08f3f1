"""JUnit XML for CI systems that show test reports: a suite per file, a failing case per unit.

Only findings at or above ``--fail-on`` are failures, so the test report and the exit code
agree (Jenkins and GitLab would otherwise mark a passing build's tests failed); the others
are listed in the unit's ``system-out``.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from tmkit.model import Finding
from tmkit.qa.report import Report, parse_fail_on


def render(report: Report, *, color: bool = False, fail_on: str = "error") -> str:
    threshold = parse_fail_on(fail_on)

    def fails(finding: Finding) -> bool:
        return threshold is not None and finding.severity.rank >= threshold.rank

    root = ET.Element("testsuites", name="tmkit", tests="0",
                      failures=str(sum(1 for f in report.findings if fails(f))))
    by_file: dict[str, list[Finding]] = {checked.path: [] for checked in report.files}
    for finding in report.findings:
        by_file.setdefault(finding.file or "stdin", []).append(finding)
    total = 0
    for path, findings in by_file.items():
        units: dict[tuple[str | None, int | None], list[Finding]] = {}
        for finding in findings:
            units.setdefault((finding.unit, finding.line), []).append(finding)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(units))),
                              failures=str(sum(1 for f in findings if fails(f))), errors="0")
        if not units:
            ET.SubElement(suite, "testcase", classname=path, name="all units")
        for (unit, line), items in units.items():
            name = f"unit {unit}" if unit else f"line {line}"
            case = ET.SubElement(suite, "testcase", classname=path, name=name)
            below = []
            for finding in items:
                if not fails(finding):
                    below.append(_describe(finding))
                    continue
                failure = ET.SubElement(case, "failure", type=finding.rule, message=finding.message)
                failure.text = _describe(finding)
            if below:
                ET.SubElement(case, "system-out").text = "\n\n".join(below)
        total += max(1, len(units))
    root.set("tests", str(total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _describe(finding: Finding) -> str:
    return (f"{finding.severity.value} [{finding.rule}] {finding.message}\n"
            f"{finding.src_lang}: {finding.source}\n{finding.tgt_lang}: {finding.target}"
            + (f"\nsuggestion: {finding.suggestion}" if finding.suggestion else ""))
