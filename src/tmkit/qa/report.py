"""The outcome of a check run: which files were read, what was found, and the exit code it implies."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tmkit.errors import UsageError
from tmkit.model import Finding, Severity

FAIL_ON_CHOICES = ("error", "warning", "info", "never")


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """One input file: its format, languages and how many segment pairs were checked."""

    path: str
    format: str
    src_lang: str
    tgt_langs: tuple[str, ...]
    units: int


@dataclass
class Report:
    """Everything a reporter renders; ``baselined`` counts findings hidden by a baseline."""

    files: list[CheckedFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    baselined: int = 0
    notes: list[str] = field(default_factory=list)
    """Things the user should know about the run itself (a configured file that is missing)."""

    def summary(self) -> dict[str, object]:
        by_severity = Counter(f.severity.value for f in self.findings)
        return {
            "files": len(self.files),
            "units": sum(f.units for f in self.files),
            "findings": len(self.findings),
            "errors": by_severity.get("error", 0),
            "warnings": by_severity.get("warning", 0),
            "infos": by_severity.get("info", 0),
            "baselined": self.baselined,
            "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items())),
            "notes": list(self.notes),
        }

    def exit_code(self, fail_on: str = "error") -> int:
        """1 when a finding is at or above ``fail_on``, else 0 (``never`` always gives 0)."""
        threshold = parse_fail_on(fail_on)
        if threshold is None:
            return 0
        return 1 if any(f.severity.rank >= threshold.rank for f in self.findings) else 0


def parse_fail_on(value: str) -> Severity | None:
    """The severity threshold of ``--fail-on`` (None for ``never``)."""
    value = str(value).strip().lower()
    if value == "never":
        return None
    if value not in FAIL_ON_CHOICES:
        raise UsageError(f"invalid fail_on {value!r}", hint="use error, warning, info or never")
    return Severity(value)
