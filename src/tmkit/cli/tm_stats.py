"""``tmkit tm stats``: what one or more TMX files hold."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tmkit.errors import TmkitError
from tmkit.formats.tmx_stats import TmxStats, tmx_stats, total_stats


class InputFailure(click.ClickException):
    """A file tmkit cannot read: one line on stderr and exit code 2, as the CLI contract says."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"tmkit: error: {self.message}", err=True)


@click.command(epilog="""\b
Examples:
  tmkit tm stats memory.tmx
  tmkit tm stats corpora/*.tmx --format json
  tmkit tm stats memory.tmx --format json | jq .languages
""")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--store", is_flag=False, flag_value="-", default=None, metavar="[PATH]",
              help="Report on the memory store instead (default: the configured store).")
def stats(files: tuple[Path, ...], format_: str, store: str | None) -> None:
    """Count units, languages, props, inline codes and notes of TMX FILES.

    Files are streamed, so any size works. Language codes that differ only in case or
    separator (EN-US, en_us) are counted together under the spelling met first.
    """
    if store is not None:
        from tmkit.cli.tm_store import show_store_stats

        show_store_stats(None if store == "-" else Path(store), format_)
        return
    if not files:
        raise click.UsageError("give TMX FILES, or --store for the memory store")
    try:
        results = [tmx_stats(path) for path in files]
    except TmkitError as exc:
        raise InputFailure(str(exc)) from None
    total = total_stats(results)
    if format_ == "json":
        click.echo(json.dumps(_json(results, total), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(results, total))


def _json(results: list[TmxStats], total: TmxStats) -> dict:
    document: dict = {"files": [r.to_dict() for r in results],
                      "total": {"files": len(results), "units": total.units,
                                "languages": dict(total.languages),
                                "props": dict(sorted(total.props.items())),
                                "inline_codes": dict(sorted(total.inline_codes.items())),
                                "notes": total.notes}}
    if len(results) == 1:
        document["units"] = results[0].units
        document["languages"] = dict(results[0].languages)
    return document


def render_text(results: list[TmxStats], total: TmxStats) -> str:
    """One block per file (and a total block for several), labels aligned in a column."""
    blocks = [_block(r.path, _rows(r, with_header=True)) for r in results]
    if len(results) > 1:
        blocks.append(_block(f"total of {len(results)} files", _rows(total, with_header=False)))
    return "\n\n".join(blocks)


def _rows(stats: TmxStats, *, with_header: bool) -> list[tuple[str, str]]:
    rows = []
    if with_header:
        rows += [("TMX version", stats.version or "-"), ("source language", stats.srclang or "-")]
    rows += [("units", f"{stats.units:,}"),
             ("languages", _counts(stats.languages)),
             ("props", _counts(stats.props)),
             ("inline codes", _counts(stats.inline_codes)),
             ("notes", f"{stats.notes:,}")]
    return rows


def _counts(counts: dict[str, int]) -> str:
    if not counts:
        return "-"
    ordered = sorted(counts.items(), key=lambda item: -item[1])  # ties keep file order
    return ", ".join(f"{name} {count:,}" for name, count in ordered)


def _block(title: str, rows: list[tuple[str, str]]) -> str:
    width = max(len(label) for label, _ in rows)
    return "\n".join([title] + [f"  {label:<{width}}  {value}" for label, value in rows])
