"""``tmkit lint``: find every bilingual file under the given folders and check them all, for CI."""

from __future__ import annotations

from pathlib import Path

import click

from tmkit.cli.check import common_options, finish

EPILOG = """\b
Examples:
  tmkit lint
  tmkit lint translations/ --format github
  tmkit lint . --format sarif -o tmkit.sarif --fail-on warning

Which files are taken is set by [lint] include/exclude/languages in tmkit.toml.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
"""


@click.command(epilog=EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@common_options
def lint(paths: tuple[Path, ...], **options) -> None:
    """Check every bilingual file (XLIFF, PO, TMX, CSV/TSV) under PATHs: one report, one exit code."""
    from tmkit.workflows.check import run_lint

    finish(lambda opts, config: run_lint(paths, opts, config), options)
