"""``tmkit apply``: pre-translate a new article from the memory into an XLIFF or Markdown draft."""

from __future__ import annotations

from pathlib import Path

import click

from tmkit.config import load_config


@click.command(epilog="""\b
Examples:
  tmkit apply corpora/new/caspian-ferry-launch.en.md --src en --tgt ru -o draft.xlf
  tmkit apply new.en.md --src en --tgt az --tm corpora/newsroom.tmx -o draft.md
  tmkit apply new.en.md --src en --tgt ru --xliff-version 1.2 -o draft.xlf
""")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--src", "src_lang", help="Language of ARTICLE (default: the <lang> of NAME.<lang>.md, "
              "else source_lang in tmkit.toml).")
@click.option("--tgt", "tgt_lang", required=True, help="Language of the draft.")
@click.option("--tm", "tm_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Memory: a store (.sqlite) or a TMX/XLIFF/PO/CSV file (default: the store).")
@click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Store to use when --tm is not given.")
@click.option("--glossary", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Glossary whose terms are annotated (default: from tmkit.toml).")
@click.option("--no-glossary", is_flag=True, help="Ignore the configured glossary.")
@click.option("--min", "min_score", type=click.FloatRange(1, 100), default=75, show_default=True,
              help="Lowest fuzzy score offered as a suggestion.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Draft to write: .xlf/.xliff (XLIFF) or .md (side-by-side Markdown).")
@click.option("--xliff-version", type=click.Choice(["2.0", "1.2"]), default="2.0", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="Do not print the analysis.")
def apply(article: Path, src_lang: str | None, tgt_lang: str, tm_path: Path | None, store_path: Path | None,
          glossary: Path | None, no_glossary: bool, min_score: float, output: Path, xliff_version: str,
          quiet: bool) -> None:
    """Segment ARTICLE, fill exact memory matches, attach fuzzy ones, mark glossary terms.

    Exact matches (100; 101 in context, when the previous sentence matched exactly too) are
    filled as translated; numbers-only matches are filled with the new numbers for review;
    other matches are attached as suggestions with an empty target. Prints the words per
    match band, as CAT tools do.
    """
    from tmkit.errors import UsageError
    from tmkit.tm.store import open_memory
    from tmkit.workflows.apply import pretranslate, render_analysis, require_two_languages, write_draft
    from tmkit.workflows.check import article_lang

    config = load_config()
    src = src_lang or article_lang(article) or config.source_lang
    if not src:
        raise UsageError("give --src (or name the article NAME.<lang>.md, or set source_lang in tmkit.toml)")
    from tmkit.glossary import Glossary

    require_two_languages(src, tgt_lang)
    terms = None if no_glossary else Glossary.configured(glossary)
    with open_memory(tm_path, store_path) as store:
        draft = pretranslate(article, store, src, tgt_lang, glossary=terms, min_score=min_score)
    written = write_draft(draft, output, xliff_version=xliff_version)
    if not quiet:
        click.echo(render_analysis(draft))
        click.echo(f"{written} draft with {len(draft.segments)} segments written to {output}")
