"""Project configuration: ``tmkit.toml`` or ``[tool.tmkit]`` in ``pyproject.toml``.

The file is found by walking up from the working directory, the way ruff and pytest find
theirs, so a command run anywhere inside a newsroom repository sees the same settings.
Relative paths in the file are resolved against the file's folder, never the working
directory. Command-line flags override everything here.

Recognised top-level keys (all optional)::

    source_lang = "en"                 # default --src-lang
    target_langs = ["ru", "az"]        # default target languages
    glossary = "glossaries/newsroom.tbx"
    tm = "corpora/newsroom.tmx"        # memory used by check --tm and apply --tm
    store = ".tmkit/tm.sqlite"         # SQLite store of the memory engine

Sub-tables such as ``[check]``, ``[lint]`` or ``[align]`` belong to the commands that read
them through :meth:`Config.section`.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tmkit.errors import InputError, UsageError

CONFIG_NAMES = ("tmkit.toml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    """Settings in force for one invocation, with paths already made absolute."""

    path: Path | None = None
    source_lang: str | None = None
    target_langs: tuple[str, ...] = ()
    glossary: Path | None = None
    tm: Path | None = None
    store: Path | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder the configuration lives in (the working directory without one)."""
        return self.path.parent if self.path else Path.cwd()

    def section(self, name: str) -> dict[str, Any]:
        """A sub-table such as ``[check]``; empty when absent."""
        value = self.raw.get(name, {})
        if not isinstance(value, dict):
            raise UsageError(f"[{name}] must be a table", path=str(self.path))
        return value

    def resolve(self, value: str | Path | None) -> Path | None:
        """A path from the file, relative to the file's folder."""
        if value is None:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.root / path

    def store_path(self) -> Path:
        """Where the SQLite memory store lives: ``store`` or ``.tmkit/tm.sqlite`` beside the file."""
        return self.store or self.root / ".tmkit" / "tm.sqlite"


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``tmkit.toml``, or ``pyproject.toml`` with a ``[tool.tmkit]`` table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "tmkit.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read_toml(pyproject).get("tool", {})
            if isinstance(tool, dict) and "tmkit" in tool:
                return pyproject
    return None


def load_config(path: str | Path | None = None, start: Path | None = None) -> Config:
    """Load the configuration at ``path``, or the one found upward from ``start``."""
    if path is not None:
        found = Path(path)
        if not found.is_file():
            raise UsageError("configuration file not found", path=str(found))
    else:
        found = find_config(start)
    if found is None:
        return Config()
    data = _read_toml(found)
    if found.name == "pyproject.toml":
        data = _table(_table(data, "tool", found), "tool.tmkit", found, "tmkit")
    _check_keys(data, found)
    config = Config(path=found.resolve(), raw=data)
    targets = data.get("target_langs", ())
    if isinstance(targets, str):
        targets = (targets,)
    if not isinstance(targets, (list, tuple)) or not all(isinstance(t, str) for t in targets):
        raise UsageError("target_langs must be a list of language codes (target_langs = [\"ru\", \"az\"])",
                         path=str(found))
    values = {key: _string(data, key, found) for key in ("source_lang", "glossary", "tm", "store")}
    return Config(
        path=config.path,
        source_lang=values["source_lang"],
        target_langs=tuple(targets),
        glossary=config.resolve(values["glossary"]),
        tm=config.resolve(values["tm"]),
        store=config.resolve(values["store"]),
        raw=data,
    )


def _string(data: dict[str, Any], key: str, path: Path) -> str | None:
    """A top-level setting that must be one string (a code or a path), or None."""
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{key} must be a string, not {type(value).__name__} ({value!r})", path=str(path))
    return value


def _table(data: dict[str, Any], name: str, path: Path, key: str | None = None) -> dict[str, Any]:
    """``data[key or name]`` when it is a table (empty when absent); a usage error otherwise."""
    value = data.get(key or name, {})
    if not isinstance(value, dict):
        raise UsageError(f"[{name}] must be a table, not {type(value).__name__}", path=str(path))
    return value


KNOWN_KEYS: dict[str, frozenset[str]] = {
    "": frozenset({"source_lang", "target_langs", "glossary", "tm", "store", "check", "lint"}),
    "check": frozenset({"fail_on", "enable", "disable", "severity", "baseline", "overrides"}),
    "check.overrides": frozenset({"paths", "enable", "disable", "severity"}),
    "lint": frozenset({"include", "exclude", "languages"}),
}
"""Every setting tmkit reads, by table: anything else is a typo that would be ignored."""


def _check_keys(data: dict[str, Any], path: Path) -> None:
    """Refuse unknown settings (``[chek]``, ``fail-on``, ``disabled``): silently ignoring one
    would run the checks with defaults the user believes they changed."""
    tables: list[tuple[str, Any]] = [("", data)]
    for name in ("check", "lint"):
        if isinstance(data.get(name), dict):
            tables.append((name, data[name]))
    overrides = data.get("check", {}).get("overrides") if isinstance(data.get("check"), dict) else None
    if isinstance(overrides, list):
        tables += [("check.overrides", item) for item in overrides if isinstance(item, dict)]
    for table, values in tables:
        known = KNOWN_KEYS[table]
        for key in values:
            if key not in known:
                where = f"[{table}]" if table else "the top level"
                close = difflib.get_close_matches(key.replace("-", "_"), sorted(known), n=1)
                raise UsageError(f"unknown setting {key!r} in {where}", path=str(path),
                                 hint=f"did you mean {close[0]!r}?" if close else
                                 f"known settings there: {', '.join(sorted(known))}")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid TOML: not UTF-8 (byte 0x{exc.object[exc.start]:02x} at {exc.start})",
                         path=str(path), hint="save the file as UTF-8") from None
    except RecursionError:
        raise InputError("invalid TOML: arrays or tables nested too deeply", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        column = getattr(exc, "colno", None)
        raise InputError(f"invalid TOML: {exc.args[0] if exc.args else exc}", path=str(path),
                         line=line, column=column) from None
