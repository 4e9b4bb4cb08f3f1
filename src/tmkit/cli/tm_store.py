"""``tmkit tm import|export|search|concordance|dedupe|merge|add``: the memory store's commands.

Each command opens the store (``--store``, else ``store`` in tmkit.toml, else
``.tmkit/tm.sqlite`` beside it), calls one function of :mod:`tmkit.tm`, and renders.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tmkit.errors import UsageError
from tmkit.tm.store import Store, default_store_path, open_memory

STORE_OPTION = click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path),
                            help="Store to use (default: from tmkit.toml, else .tmkit/tm.sqlite).")
FORMAT_OPTION = click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Output format.")


def _store(path: Path | None, create: bool = False) -> Store:
    return Store(path or default_store_path(), create=create)


def _langs(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(code.strip() for code in value.split(",") if code.strip())


@click.command("import", epilog="""\b
Examples:
  tmkit tm import corpora/newsroom.tmx
  tmkit tm import memories/*.tmx --langs en,ru
  tmkit tm import --rebuild
""")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@STORE_OPTION
@click.option("--langs", help="Only these languages (comma-separated); default: all of each file.")
@click.option("--rebuild", is_flag=True, help="Empty the store and read the files again "
              "(without FILES: every file it knew).")
@FORMAT_OPTION
def import_(files: tuple[Path, ...], store_path: Path | None, langs: str | None, rebuild: bool,
            format_: str) -> None:
    """Import TMX, XLIFF, PO or CSV FILES into the store, incrementally.

    An unchanged file is skipped; a changed file's units are replaced. Every ordered pair
    of a unit's languages becomes a unit of the store (en->ru and ru->en, ...); identical
    normalized pairs are kept once with their usage counted and every provenance kept.
    """
    from tmkit.tm.store import import_files, units_without_files

    if not files and not rebuild:
        raise UsageError("give memory files to import (or --rebuild)")
    with _store(store_path, create=True) as store:
        if rebuild and (dropped := units_without_files(store)):
            click.echo(f"tmkit: the rebuild drops {dropped:,} unit(s) that came from tm add, check --update-tm "
                       "or tm merge without a memory file (save the store first with `tmkit tm export`; "
                       "`tm add --tmx` and `check --update-tmx` also write such units to a memory file)", err=True)
        show = sys.stderr.isatty() and format_ == "text"
        reports = import_files(store, files, langs=_langs(langs), rebuild=rebuild,
                               progress=(lambda name: click.echo(f"importing {name}", err=True)) if show else None)
        if format_ == "json":
            click.echo(json.dumps([{"path": r.path, "status": r.status, "read": r.report.read,
                                    "added": r.report.added, "merged": r.report.merged} for r in reports],
                                  ensure_ascii=False, indent=2))
            return
        for r in reports:
            detail = "" if r.status == "skipped" else (
                f": {r.report.read:,} pairs, {r.report.added:,} new units, {r.report.merged:,} merged")
            click.echo(f"{r.status} {r.path}{detail}")
        click.echo(f"store: {store.path}")


@click.command(epilog="""\b
Examples:
  tmkit tm forget old/newsroom-2024.tmx
""")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@STORE_OPTION
def forget(files: tuple[Path, ...], store_path: Path | None) -> None:
    """Remove imported FILES from the store (also files since deleted): their origins, and
    the units only they held."""
    from tmkit.tm.store import forget_files

    with _store(store_path) as store:
        for name in forget_files(store, files):
            click.echo(f"forgot {name}")


@click.command(epilog="""\b
Examples:
  tmkit tm export all.tmx
  tmkit tm export en-ru.tmx --src en --tgt ru
""")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@STORE_OPTION
@click.option("--src", "src_lang", help="Only units from this language.")
@click.option("--tgt", "tgt_lang", help="Only units into this language.")
def export(output: Path, store_path: Path | None, src_lang: str | None, tgt_lang: str | None) -> None:
    """Write the store as TMX 1.4 to OUTPUT (codes, props, notes, dates, usage kept).

    Without --src/--tgt a pair stored in both directions is written once.
    """
    from tmkit.tm.store import export_tmx

    with _store(store_path) as store:
        count = export_tmx(store, output, src_lang=src_lang, tgt_lang=tgt_lang)
    click.echo(f"{count:,} units written to {output}")


@click.command(epilog="""\b
Examples:
  tmkit tm search "The port handled 1,700 trucks in 2025." --src en --tgt ru
  tmkit tm search "Паром вышел из Алята" --src ru --tgt en --min 60 --format json
  tmkit tm search "Ferry traffic grew" --src en --tgt az --tm corpora/newsroom.tmx
""")
@click.argument("text")
@click.option("--src", "src_lang", required=True, help="Language of TEXT.")
@click.option("--tgt", "tgt_lang", required=True, help="Language of the translations wanted.")
@click.option("--min", "min_score", type=click.FloatRange(1, 100), default=75, show_default=True,
              help="Lowest score shown.")
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True, help="Most matches shown.")
@FORMAT_OPTION
@STORE_OPTION
@click.option("--tm", "tm_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Search this TMX/XLIFF/PO/CSV file or store instead of the store.")
@click.option("--budget", type=click.IntRange(1), default=None,
              help="Read at most about this many postings (faster on big memories; may miss "
                   "matches that share only common words).")
def search(text: str, src_lang: str, tgt_lang: str, min_score: float, limit: int, format_: str,
           store_path: Path | None, tm_path: Path | None, budget: int | None) -> None:
    """Fuzzy-search the memory for TEXT: score, what differs, and the translation.

    100 = identical after normalization (Unicode NFC, whitespace, case); 99 = only numbers
    (substituted into the suggestion) or only inline codes differ; below, the Levenshtein
    similarity of the normalized texts. The word diff shows [-memory-]{+your text+}.
    """
    from tmkit.tm.search import search as run_search

    with open_memory(tm_path, store_path) as store:
        hits = run_search(store, text, src_lang, tgt_lang, min_score=min_score, limit=limit, budget=budget)
    if format_ == "json":
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"no match of at least {min_score:g}")
        return
    for number, hit in enumerate(hits, 1):
        click.echo(f"{number}. {hit.score:g} {hit.kind.value}  ({hit.origin})")
        click.echo(f"   diff:   {hit.diff}")
        # placeholders ({1}...{/1}) show where inline codes sit; JSON gives the plain text
        click.echo(f"   source: {hit.source.placeholder_text()}")
        click.echo(f"   target: {hit.target.placeholder_text()}")
        if hit.suggestion != hit.target:
            click.echo(f"   repair: {hit.suggestion.placeholder_text()}")


@click.command(epilog="""\b
Examples:
  tmkit tm concordance форпост --lang ru
  tmkit tm concordance dəhliz --lang az --tgt en --limit 10
  tmkit tm concordance "Средний коридор" --lang ru
""")
@click.argument("word")
@click.option("--lang", required=True, help="Language of WORD.")
@click.option("--tgt", "tgt_lang", help="Show translations in this language.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@FORMAT_OPTION
@STORE_OPTION
@click.option("--tm", "tm_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Search this memory file or store instead of the store.")
def concordance(word: str, lang: str, tgt_lang: str | None, limit: int, format_: str,
                store_path: Path | None, tm_path: Path | None) -> None:
    """Every segment containing any inflected form of WORD, with its translation beside it.

    WORD may be a phrase in quotes: its words in order, each in any form."""
    from tmkit.tm.concordance import concordance as run

    with open_memory(tm_path, store_path) as store:
        lines = run(store, word, lang, tgt_lang=tgt_lang, limit=limit)
    if format_ == "json":
        click.echo(json.dumps([line.as_dict() for line in lines], ensure_ascii=False, indent=2))
        return
    if not lines:
        click.echo(f"no segment in {lang} contains a form of {word!r}")
        return
    for line in lines:
        click.echo(f"{line.lang}: {line.marked()}")
        if line.target is not None:
            click.echo(f"{line.target_lang}: {line.target.text}")
        click.echo("")


@click.command(epilog="""\b
Example:
  tmkit tm dedupe
""")
@STORE_OPTION
def dedupe(store_path: Path | None) -> None:
    """Re-normalize the store, merge pairs that now coincide, and rebuild the index compactly."""
    from tmkit.tm.store import dedupe as run

    with _store(store_path) as store:
        report = run(store)
    click.echo(f"{report.merged:,} units merged, {report.segments_removed:,} segments removed, "
               f"index rebuilt ({report.postings:,} postings)")


@click.command(epilog="""\b
Example:
  tmkit tm merge other/.tmkit/tm.sqlite
""")
@click.argument("other", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@STORE_OPTION
def merge(other: Path, store_path: Path | None) -> None:
    """Add every unit of the OTHER store to this one (duplicates merged, provenance kept)."""
    from tmkit.tm.store import merge_stores

    with _store(store_path, create=True) as store:
        report = merge_stores(store, other)
    click.echo(f"{report.read:,} units read, {report.added:,} new, {report.merged:,} merged")


@click.command(epilog="""\b
Examples:
  tmkit tm add --src en --tgt ru "The port reopened." "Порт вновь открылся."
  tmkit tm add --from-file approved.xlf --tmx corpora/newsroom.tmx
""")
@click.argument("texts", nargs=-1)
@click.option("--src", "src_lang", help="Source language (required with TEXTS).")
@click.option("--tgt", "tgt_lang", help="Target language (required with TEXTS).")
@click.option("--from-file", "from_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Add the approved units of this XLIFF/PO/CSV/TMX file.")
@click.option("--tmx", "tmx_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also append the units to this TMX file (the source of truth).")
@STORE_OPTION
def add(texts: tuple[str, ...], src_lang: str | None, tgt_lang: str | None, from_file: Path | None,
        tmx_path: Path | None, store_path: Path | None) -> None:
    """Put approved translations into the store: a SOURCE TARGET pair, or a file's units."""
    from tmkit.tm.intake import pair_unit, units_of_file
    from tmkit.workflows.approve import store_approved

    if texts:
        if len(texts) != 2 or not (src_lang and tgt_lang):
            raise UsageError("give exactly SOURCE TARGET with --src and --tgt")
        units = [pair_unit(texts[0], texts[1], src_lang, tgt_lang)]
        origin = "tm add"
    elif from_file is not None:
        units = units_of_file(from_file, src_lang, tgt_lang)
        origin = str(from_file)
    else:
        raise UsageError("give SOURCE TARGET or --from-file FILE")
    stored = store_approved(units, store_path or default_store_path(), origin=origin, src_lang=src_lang,
                            tgt_lang=tgt_lang, tmx=tmx_path, in_document=from_file is not None)
    message = f"{stored.report.added:,} new units, {stored.report.merged:,} merged into existing ones"
    if stored.appended is not None:
        message += f"; {stored.appended:,} units appended to {tmx_path}"
    click.echo(message)


def show_store_stats(store_path: Path | None, format_: str) -> None:
    """``tmkit tm stats --store``: files, segments per language, units per direction, index size."""
    from tmkit.tm.store import store_stats

    with _store(store_path) as store:
        found = store_stats(store)
    if format_ == "json":
        click.echo(json.dumps(found.as_dict(), ensure_ascii=False, indent=2))
        return
    rows = [("files", f"{found.files:,}"),
            ("segments", ", ".join(f"{k} {v:,}" for k, v in found.segments.items()) or "-"),
            ("units", ", ".join(f"{k} {v:,}" for k, v in found.units.items()) or "-"),
            ("provenance", f"{found.provenance:,}"),
            ("index", f"{found.keys:,} keys, {found.postings:,} postings, {found.stale:,} stale"),
            ("size", f"{found.size / 2**20:.1f} MB")]
    width = max(len(label) for label, _ in rows)
    click.echo("\n".join([found.path] + [f"  {label:<{width}}  {value}" for label, value in rows]))
