"""``tmkit align``: turn archived article versions into translation units."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from tmkit.errors import UsageError
from tmkit.glossary import Glossary
from tmkit.workflows.align import align_article_set, align_folder, write_memory, write_review


def _progress_bar(sets):
    """A progress bar on stderr over the article sets; only used on a terminal, never in CI."""
    with click.progressbar(sets, label="aligning", file=sys.stderr,
                           item_show_func=lambda item: item[0].name if item else "") as bar:
        yield from bar


@click.command(epilog="""\b
Examples:
  tmkit align caspian.en.md caspian.ru.md caspian.az.md -o caspian.tmx
  tmkit align corpora/articles --src-lang en -o corpora/newsroom.tmx --review review.tsv
""")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.argument("targets", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--src-lang", help="Source language (default: from NAME.<lang>.md).")
@click.option("--tgt-lang", "tgt_langs", multiple=True, help="Target language per target file.")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary for term anchors.")
@click.option("--no-glossary", is_flag=True, help="Ignore the configured glossary.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Memory to write: .tmx (all languages), .xlf or .tsv.")
@click.option("--min-confidence", default=0.5, show_default=True, type=click.FloatRange(0, 1),
              help="Units below this go to the review file instead of the memory.")
@click.option("--review", type=click.Path(dir_okay=False, path_type=Path),
              help="TSV of low-confidence units, omissions and additions.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def align(source: Path, targets: tuple[Path, ...], src_lang: str | None, tgt_langs: tuple[str, ...],
          glossary: str | None, no_glossary: bool, output: Path, min_confidence: float,
          review: Path | None, quiet: bool) -> None:
    """Align SOURCE with its TARGETS sentence by sentence and write a memory.

    Give one source article and its translations, or a folder: every NAME.<src>.md in it
    is aligned with its NAME.<lang>.md siblings (batch mode, needs --src-lang).
    """
    terms = None if no_glossary else Glossary.configured(glossary)
    if source.is_dir():
        if targets:
            raise UsageError("batch mode takes a folder and no target files", path=str(source))
        if not src_lang:
            raise UsageError("batch mode needs --src-lang (the language of NAME.<lang>.md sources)")
        show = sys.stderr.isatty() and not quiet and not os.environ.get("CI")
        results = align_folder(source, src_lang, glossary=terms, min_confidence=min_confidence,
                               progress=_progress_bar if show else None)
    else:
        if not targets:
            raise UsageError("give at least one target article (or a folder for batch mode)")
        results = [align_article_set(source, targets, src_lang=src_lang, tgt_langs=tgt_langs or None,
                                     glossary=terms, min_confidence=min_confidence)]
    src = src_lang or results[0].alignments[0].src_lang
    written = write_memory(output, results, src)
    items = [item for result in results for item in result.review]
    if review:
        write_review(review, items)
    if not quiet:
        langs = sorted({a.tgt_lang for r in results for a in r.alignments})
        click.echo(f"aligned {len(results)} article set(s) {src} -> {', '.join(langs)}: "
                   f"{written} units written to {output}")
        kinds = {kind: sum(1 for i in items if i.kind == kind)
                 for kind in ("low-confidence", "omission", "addition")}
        summary = ", ".join(f"{n} {kind}" for kind, n in kinds.items() if n) or "nothing"
        click.echo(f"for review: {summary}" + (f" (see {review})" if review and items else ""))
