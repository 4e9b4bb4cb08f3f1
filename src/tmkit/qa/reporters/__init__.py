"""Reporters: one module per output format, each ``render(report, color=False) -> str``."""

from __future__ import annotations

import importlib

from tmkit.errors import UsageError
from tmkit.qa.report import Report

FORMATS = ("text", "json", "sarif", "junit", "github")


def render(report: Report, fmt: str = "text", *, color: bool = False, fail_on: str = "error") -> str:
    """The report in ``fmt``; ``color`` highlights spans with ANSI codes (text only);
    ``fail_on`` decides which findings JUnit counts as failures."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"tmkit.qa.reporters.{fmt}_report")
    if fmt == "junit":
        return module.render(report, color=color, fail_on=fail_on)
    return module.render(report, color=color)
