"""``tmkit check``: QA findings for translated files, for translators and CI (a thin skin over the workflow)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from tmkit.qa.reporters import FORMATS

EPILOG = """\b
Examples:
  tmkit check article.ru.xlf
  tmkit check --source articles/ferry.en.md --target review/ferry.ru.md
  tmkit check news.po --glossary glossaries/newsroom.tbx --format json -o findings.json
  tmkit check memory.tmx --src-lang en --format sarif -o tmkit.sarif
  tmkit check site.az.xlf --fail-on warning --disable length-ratio
  tmkit check news.po --write-baseline .tmkit/qa-baseline.json
  tmkit check news.po --baseline .tmkit/qa-baseline.json
  tmkit check --list

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
"""


def common_options(func: Callable) -> Callable:
    """Options shared by ``check`` and ``lint``."""
    options = [
        click.option("--src-lang", help="Source language (default: from the file or tmkit.toml)."),
        click.option("--tgt-lang", help="Target language (default: from the file or tmkit.toml)."),
        click.option("--glossary", type=click.Path(path_type=Path), help="Glossary (TBX/CSV) to enforce."),
        click.option("--tm", type=click.Path(path_type=Path), help="Translation memory for consistency."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                     help="Report format."),
        click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report here."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
                     help="Lowest severity that makes the exit code 1 (default: [check] fail_on, else error)."),
        click.option("--baseline", type=click.Path(path_type=Path),
                     help="Hide findings recorded in this baseline file."),
        click.option("--write-baseline", type=click.Path(path_type=Path),
                     help="Record every current finding in this file and exit 0."),
        click.option("--enable", multiple=True, metavar="RULE", help="Enable a rule or category (repeatable)."),
        click.option("--disable", multiple=True, metavar="RULE", help="Disable a rule or category (repeatable)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.command(epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@common_options
@click.option("--source", "source_article", type=click.Path(path_type=Path),
              help="Source article of the translated articles given (default: NAME.<src>.md beside them).")
@click.option("--target", "target_articles", type=click.Path(path_type=Path), multiple=True,
              help="A translated article to check against --source (same as giving it as FILE).")
@click.option("--list", "list_rules", is_flag=True, help="Print the catalogue of rules and exit.")
@click.option("--update-tm", is_flag=True,
              help="Add approved units without error findings to the memory store (tmkit.toml store).")
@click.option("--update-tmx", type=click.Path(dir_okay=False, path_type=Path),
              help="With --update-tm, also append those units to this TMX file.")
@click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The store --update-tm writes to (default: store in tmkit.toml, or .tmkit/tm.sqlite).")
def check(files: tuple[Path, ...], source_article: Path | None,
          target_articles: tuple[Path, ...], list_rules: bool, update_tm: bool, update_tmx: Path | None,
          store_path: Path | None, **options) -> None:
    """Check translations in XLIFF, PO, TMX, CSV/TSV files or Markdown article pairs against tmkit's rules."""
    if list_rules:
        emit(render_catalogue(options["fmt"]), options["output"])
        return
    from dataclasses import replace

    from tmkit.workflows.check import run_check

    inputs = (*files, *target_articles)
    if update_tmx and not update_tm:
        raise click.UsageError("--update-tmx goes with --update-tm")

    def job(opts, config):
        opts = replace(opts, source_article=source_article)
        report = run_check(inputs, opts, config)
        if update_tm:
            update_memory(inputs, report, opts, config, store_path, update_tmx)
        return report

    finish(job, options)


def update_memory(inputs, report, opts, config, store_path: Path | None, tmx: Path | None) -> None:
    """Put the approved, error-free units into the store (and a TMX), saying how many."""
    from tmkit.workflows.approve import store_approved
    from tmkit.workflows.check import clean_units

    units = clean_units(inputs, report, opts, config)
    # the error-free units are a selection with gaps, so none claims its neighbour as context
    stored = store_approved(units, store_path or config.store_path(), origin="check --update-tm", tmx=tmx,
                            in_document=False)
    click.echo(f"tmkit: {len(units)} approved unit(s) without errors went into {stored.store} "
               f"({stored.report.added} new, {stored.report.merged} merged)", err=True)
    if stored.appended is not None:
        click.echo(f"tmkit: appended {stored.appended} unit(s) to {tmx}", err=True)


def finish(run: Callable, options: dict) -> None:
    """Run a check job, render, write, and exit with the code the findings imply."""
    from tmkit.config import load_config
    from tmkit.qa.baseline import write_baseline
    from tmkit.qa.config import check_settings
    from tmkit.qa.reporters import render
    from tmkit.workflows.check import CheckOptions

    config = load_config()
    settings = check_settings(config)
    job = CheckOptions(src_lang=options["src_lang"], tgt_lang=options["tgt_lang"], glossary=options["glossary"],
                       tm=options["tm"], enable=options["enable"], disable=options["disable"],
                       baseline=options["baseline"], use_baseline=options["write_baseline"] is None)
    report = run(job, config)
    if options["write_baseline"] is not None:
        count = write_baseline(options["write_baseline"], report.findings, settings.root)
        click.echo(f"tmkit: wrote {count} finding(s) to {options['write_baseline']}", err=True)
        return
    color = options["output"] is None and options["fmt"] == "text" and sys.stdout.isatty()
    fail_on = options["fail_on"] or settings.fail_on
    emit(render(report, options["fmt"], color=color, fail_on=fail_on), options["output"])
    if options["fmt"] != "text" or options["output"] is not None:
        # the text report lists notes itself; in a CI log the machine-readable report goes
        # to a file or a parser, so skipped checks must also be said where people read
        for note in report.notes:
            click.echo(f"tmkit: note: {note}", err=True)
    code = report.exit_code(fail_on)
    if code:
        # SystemExit rather than ctx.exit: it reaches the shell through tmkit.cli.main.main,
        # which runs click with standalone_mode=False.
        sys.exit(code)


def emit(text: str, output: Path | None) -> None:
    """The report to standard output, or to ``output`` (a path that cannot be written is a
    usage error, exit 2: CI must not read it as findings)."""
    if output is None:
        click.echo(text, nl=False)
        return
    from tmkit.formats.atomic import atomic_path

    with atomic_path(output) as temporary:
        temporary.write_text(text, encoding="utf-8")


def render_catalogue(fmt: str) -> str:
    from tmkit.qa.registry import all_rules, catalogue_records

    if fmt == "json":
        return json.dumps(catalogue_records(), ensure_ascii=False, indent=2) + "\n"
    rules = all_rules()
    width = max(len(r.id) for r in rules)
    lines = [f"{r.id:<{width}}  {r.category:<12}  {r.severity.value:<7}  {r.summary}" for r in rules]
    return "\n".join(lines) + "\n"
