"""The ``[check]`` and ``[lint]`` sections of ``tmkit.toml`` (or ``[tool.tmkit]``).

::

    [check]
    fail_on = "error"                     # error | warning | info | never
    disable = ["length-ratio"]            # rule ids or categories
    enable = []
    severity = { "quote-style" = "error" }
    baseline = ".tmkit/qa-baseline.json"  # used when --baseline is not given

    [[check.overrides]]                   # later blocks win; paths are globs from the config folder
    paths = ["archive/**"]
    disable = ["punctuation"]

    [lint]
    include = ["**/*.xlf", "**/*.po"]     # default: every bilingual format tmkit reads
    exclude = ["build/**"]
    languages = ["ru", "az"]              # target languages to check (default: all in each file)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from tmkit.config import Config
from tmkit.errors import UsageError
from tmkit.qa.engine import Selection
from tmkit.qa.report import parse_fail_on

DEFAULT_LINT_INCLUDE = ("**/*.xlf", "**/*.xliff", "**/*.po", "**/*.tmx", "**/*.csv", "**/*.tsv", "**/*.md")
"""Bilingual files, and Markdown articles (only translations NAME.<lang>.md with a source beside them)."""
DEFAULT_LINT_EXCLUDE = (".git/**", ".venv/**", "node_modules/**", "**/.tmkit/**")


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckSettings:
    """Validated ``[check]`` settings with the config folder to resolve globs against."""

    root: Path = field(default_factory=Path.cwd)
    fail_on: str = "error"
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    baseline: Path | None = None
    overrides: tuple[Override, ...] = ()

    def selection(self, path: str | Path | None = None, *, enable: tuple[str, ...] = (),
                  disable: tuple[str, ...] = ()) -> Selection:
        """Rules for one file: defaults, then ``[check]``, matching overrides, then flags."""
        selection = Selection.default().adjusted(enable=self.enable, disable=self.disable,
                                                 severities=self.severity)
        if path is not None:
            relative = relative_to_root(Path(path), self.root)
            for override in self.overrides:
                if any(glob_match(relative, pattern) for pattern in override.paths):
                    selection = selection.adjusted(enable=override.enable, disable=override.disable,
                                                   severities=override.severity)
        return selection.adjusted(enable=enable, disable=disable)


@dataclass(frozen=True)
class LintSettings:
    root: Path = field(default_factory=Path.cwd)
    include: tuple[str, ...] = DEFAULT_LINT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_LINT_EXCLUDE
    languages: tuple[str, ...] = ()


def check_settings(config: Config) -> CheckSettings:
    section = config.section("check")
    place = f" in {config.path}" if config.path else ""

    def where(key: str) -> str:
        """A setting's name as the user wrote it, then the file (``check.enable in tmkit.toml``)."""
        return f"check.{key}{place}"

    fail_on = str(section.get("fail_on", "error"))
    parse_fail_on(fail_on)
    overrides = []
    for index, raw in enumerate(_list_of_tables(section.get("overrides", []), where("overrides"))):
        paths = _strings(raw.get("paths"), where(f"overrides[{index}].paths"))
        if not paths:
            raise UsageError(f"{where(f'overrides[{index}]')} needs a non-empty 'paths' list of globs")
        overrides.append(Override(paths, _strings(raw.get("enable"), "enable"),
                                  _strings(raw.get("disable"), "disable"),
                                  _table(raw.get("severity"), where(f"overrides[{index}].severity"))))
    baseline = section.get("baseline")
    settings = CheckSettings(
        root=config.root, fail_on=fail_on, enable=_strings(section.get("enable"), where("enable")),
        disable=_strings(section.get("disable"), where("disable")),
        severity=_table(section.get("severity"), where("severity")),
        baseline=config.resolve(baseline) if baseline else None, overrides=tuple(overrides))
    settings.selection()  # unknown rule names or severities fail here, before any file is read
    for override in settings.overrides:
        Selection.default().adjusted(enable=override.enable, disable=override.disable,
                                     severities=override.severity)
    return settings


def lint_settings(config: Config) -> LintSettings:
    section = config.section("lint")
    return LintSettings(
        root=config.root,
        include=_strings(section.get("include"), "[lint].include") or DEFAULT_LINT_INCLUDE,
        exclude=_strings(section.get("exclude"), "[lint].exclude") + DEFAULT_LINT_EXCLUDE,
        languages=_strings(section.get("languages"), "[lint].languages") or tuple(config.target_langs),
    )


def glob_match(relative: str, pattern: str) -> bool:
    """fnmatch where a leading ``**/`` also matches files at the top level (``**/*.po`` takes ``a.po``).

    fnmatch's ``*`` crosses ``/`` already, so ``archive/**`` covers every depth.
    """
    return fnmatch(relative, pattern) or (pattern.startswith("**/") and fnmatch(relative, pattern[3:]))


def relative_to_root(path: Path, root: Path) -> str:
    """``path`` as a ``/``-separated path under ``root`` (the configuration's folder), for
    globs and baselines; a path outside ``root`` as it was given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{name} must be a list of strings")
    return tuple(value)


def _table(value: Any, name: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise UsageError(f"{name} must be a table of rule = \"error|warning|info\"")
    return dict(value)


def _list_of_tables(value: Any, name: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise UsageError(f"{name} must be an array of tables ([[check.overrides]])")
    return value
