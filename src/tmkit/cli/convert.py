"""``tmkit convert``: one file to another format (segments or glossaries)."""

from __future__ import annotations

from pathlib import Path

import click

from tmkit.formats.registry import convert_file


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from", "from_fmt", metavar="FMT",
              help="Input format when the extension does not say: tmx, xliff, po, pairs, tbx, "
                   "glossary-csv.")
@click.option("--to", "to_fmt", metavar="FMT",
              help="Output format when the extension does not say (xliff12/xliff20 also name "
                   "the version).")
@click.option("--src-lang", help="Source language (picks TMX variants; names headerless CSV columns).")
@click.option("--tgt-lang", help="Target language (required for TMX files with more than two).")
@click.option("--xliff-version", type=click.Choice(["1.2", "2.0"]),
              help="XLIFF version to write (default: 2.0, or 1.2 when the input is XLIFF 1.x).")
def convert(source: Path, target: Path, from_fmt: str | None, to_fmt: str | None,
            src_lang: str | None, tgt_lang: str | None, xliff_version: str | None) -> None:
    """Convert SOURCE to TARGET: TMX, XLIFF 1.2/2.0, PO and CSV/TSV pairs among each other;
    TBX and CSV glossaries among each other.

    \b
    Examples:
      tmkit convert memory.tmx article.xlf --src-lang en --tgt-lang ru
      tmkit convert article.ru.xlf article.ru.po
      tmkit convert az.po pairs.csv
      tmkit convert pairs.tsv memory.xlf --xliff-version 1.2
      tmkit convert glossary.tbx glossary.csv

    Everything is read before anything is written: a bad input exits 2 and leaves TARGET
    untouched.
    """
    result = convert_file(source, target, from_fmt=from_fmt, to_fmt=to_fmt, src_lang=src_lang,
                          tgt_lang=tgt_lang, xliff_version=xliff_version)
    click.echo(f"wrote {result.count} {result.noun} to {target} ({result.fmt})")
    for warning in result.warnings:
        click.echo(f"tmkit: warning: {warning}", err=True)
    if result.read is not None:
        click.echo(f"tmkit: {result.read - result.count} of the {result.read} units read were not written: "
                   f"{result.fmt.upper()} keeps one entry per context and source text (duplicates and "
                   "units without source text are left out)", err=True)
