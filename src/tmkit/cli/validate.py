"""``tmkit validate``: structural checks of translation files, one line per problem."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tmkit.errors import TmkitError
from tmkit.formats.validate import Problem, is_valid, validate_file


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
def validate(files: tuple[Path, ...], fmt: str) -> None:
    """Check that FILES are structurally valid TMX, XLIFF, TBX, PO or CSV.

    \b
    Examples:
      tmkit validate corpora/newsroom.tmx
      tmkit validate articles/*.xlf glossary.tbx --format json

    Prints `file:line:col: severity: message` for each problem. Exit codes: 0 all valid,
    1 a file is invalid, 2 a file cannot be read (missing, unreadable, unknown format).
    """
    results: dict[str, list[Problem]] = {}
    unreadable = False
    for path in files:
        try:
            results[str(path)] = validate_file(path)
        except TmkitError as exc:
            click.echo(f"tmkit: error: {exc}", err=True)
            unreadable = True
    if fmt == "json":
        payload = [{"path": name, "valid": is_valid(problems),
                    "problems": [p.to_dict() for p in problems]}
                   for name, problems in results.items()]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for name, problems in results.items():
            for problem in problems:
                click.echo(str(problem))
            if is_valid(problems):
                click.echo(f"{name}: valid" + (f" ({len(problems)} warning(s))" if problems else ""))
    # sys.exit rather than click's Exit: tmkit.cli.main.main runs click in non-standalone
    # mode, where click turns Exit into a return value that main() does not pass on.
    if unreadable:
        sys.exit(2)
    if not all(is_valid(problems) for problems in results.values()):
        sys.exit(1)
