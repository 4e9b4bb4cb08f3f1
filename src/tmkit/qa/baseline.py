"""Baselines: accept today's findings so a CI job fails only on new ones.

A finding's fingerprint is built from what survives unrelated edits: the rule, the file, the
unit id (or, without one, the normalized source text), a hash of the target text and the
message. Line numbers are left out on purpose: adding a unit above must not make every
accepted finding below it "new". Article pairs have no unit ids of their own (their unit is
the source sentence's place, ``NAME.en.md:7``, and messages may cite such places), so for
them the source text stands in and cited places lose their line. Fingerprints are counted,
so two identical accepted findings hide two and a third identical one is new.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from tmkit.errors import InputError
from tmkit.formats.atomic import atomic_path
from tmkit.model import Finding
from tmkit.qa.config import relative_to_root

FORMAT_VERSION = 1
_PLACE = re.compile(r"(\.(?:md|markdown|html?|txt)):\d+\b")
"""An article place (``NAME.en.md:7``): file name kept, line dropped."""


def fingerprint(finding: Finding, root: Path | None = None) -> str:
    """A stable id of a finding, independent of line numbers and of the working folder.

    Findings name files as the user typed them (relative to the working folder); with
    ``root`` (the configuration's folder) the file counts by its path under ``root``, so a
    baseline written at the top of a repository still matches a run from a subfolder.
    """
    unit = finding.unit
    where = (unit if unit and not _PLACE.search(unit)
             else "src:" + " ".join(finding.source.split()).casefold())
    parts = [finding.rule, baseline_path(finding.file, root), where,
             " ".join(finding.target.split()), _PLACE.sub(r"\1", finding.message)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def baseline_path(file: str | None, root: Path | None) -> str:
    """``file`` as a baseline records it: under ``root`` when it lies there, with ``/``."""
    if not file:
        return ""
    return (relative_to_root(Path(file), root) if root is not None else file).replace("\\", "/")


def write_baseline(path: str | Path, findings: Iterable[Finding], root: Path | None = None) -> int:
    """Write the fingerprints of ``findings`` (files counted under ``root``, see
    :func:`fingerprint`); returns how many were written."""
    entries = [{"fingerprint": fingerprint(f, root), "rule": f.rule, "file": baseline_path(f.file, root),
                "unit": f.unit} for f in findings]
    entries.sort(key=lambda e: (e["file"] or "", e["rule"], e["fingerprint"]))
    data = {"tool": "tmkit", "version": FORMAT_VERSION, "findings": entries}
    with atomic_path(path) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


def load_baseline(path: str | Path) -> Counter[str]:
    """The accepted fingerprints (with multiplicity) of a baseline file."""
    source = Path(path)
    if not source.is_file():
        raise InputError("baseline file not found", path=str(source))
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid baseline JSON: {exc.msg}", path=str(source), line=exc.lineno,
                         column=exc.colno) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError("not a tmkit baseline (expected an object with a 'findings' list)", path=str(source))
    try:
        return Counter(str(entry["fingerprint"]) for entry in data["findings"])
    except (TypeError, KeyError):
        raise InputError("baseline entry without a fingerprint", path=str(source)) from None


def apply_baseline(findings: Iterable[Finding], accepted: Counter[str], root: Path | None = None
                   ) -> tuple[list[Finding], int]:
    """Findings not covered by the baseline (written with the same ``root``), and how many were."""
    remaining = Counter(accepted)
    new: list[Finding] = []
    hidden = 0
    for finding in findings:
        key = fingerprint(finding, root)
        if remaining[key] > 0:
            remaining[key] -= 1
            hidden += 1
        else:
            new.append(finding)
    return new, hidden
