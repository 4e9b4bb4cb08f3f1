"""``tmkit term``: the editors' glossary commands (lookup, find, list, stats).

Thin skin over :class:`tmkit.glossary.Glossary`: resolve the glossary path (flag, then
tmkit.toml), call one library method, render text or JSON.
"""

from __future__ import annotations

import bisect
import json
from pathlib import Path

import click

from tmkit.errors import InputError
from tmkit.glossary import Glossary, TermHit, is_acronym, replacement
from tmkit.model import Concept, Term, TermStatus, lang_key

FORMATS = click.Choice(["text", "json"])
STATUSES = click.Choice([status.value for status in TermStatus])

glossary_option = click.option(
    "--glossary", "-g", "glossary_path", type=click.Path(dir_okay=False, path_type=Path),
    help="TBX, CSV or TSV glossary (default: `glossary` in tmkit.toml).")
format_option = click.option("--format", "fmt", type=FORMATS, default="text", show_default=True,
                             help="Output format.")


@click.group()
def term() -> None:
    """Look up terms and spot them in articles, from any inflected or cased form."""


@term.command()
@click.argument("query")
@glossary_option
@click.option("--lang", "-l", help="Only match QUERY in this language (default: every language).")
@format_option
def lookup(query: str, glossary_path: Path | None, lang: str | None, fmt: str) -> None:
    """Show the concept behind QUERY with its terms in every language.

    \b
    Examples:
      tmkit term lookup форпоста
      tmkit term lookup KTMT-nin --format json
      tmkit term lookup peredovitsa

    Exits 1 with spelling suggestions when nothing matches.
    """
    glossary = Glossary.configured(glossary_path, required=True)
    concepts = glossary.lookup(query, lang)
    if not concepts:
        message = f"no term matches {query!r}"
        if lang and glossary.lookup(query):
            message += f" in {lang}; it is a term in another language (drop --lang to see it)"
        suggestions = [s for s in glossary.suggest(query) if s.casefold() != query.strip().casefold()]
        if suggestions:
            message += "; did you mean: " + ", ".join(suggestions) + "?"
        if fmt == "json":
            click.echo("[]")
        click.echo(message, err=fmt == "json")
        click.get_current_context().exit(1)
    if fmt == "json":
        click.echo(json.dumps([concept_json(c) for c in concepts], ensure_ascii=False, indent=2))
        return
    click.echo("\n\n".join(concept_text(c) for c in concepts))


@term.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", "-l", help="Language of the article (default: the <lang> of NAME.<lang>.md).")
@glossary_option
@format_option
def find(file: Path, lang: str | None, glossary_path: Path | None, fmt: str) -> None:
    """List every glossary term FILE mentions, with line:col and status.

    FILE is plain text or Markdown, read as UTF-8. Deprecated and superseded terms are
    marked with the preferred replacement.

    \b
    Example:
      tmkit term find articles/summit.ru.md --lang ru
    """
    from tmkit.workflows.check import article_lang

    lang = lang or article_lang(file)
    if not lang:
        raise click.UsageError(f"give --lang: {file.name} does not say its language (NAME.<lang>.md)")
    glossary = Glossary.configured(glossary_path, required=True)
    text = read_text(file)
    hits = glossary.find_terms(text, lang)
    positions = _LineIndex(text)
    if fmt == "json":
        rows = [hit_json(hit, positions.line_col(hit.start)) for hit in hits]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    located = [(f"{line}:{column}", hit) for hit in hits for line, column in [positions.line_col(hit.start)]]
    width = max((len(where) for where, _ in located), default=0)
    for where, hit in located:
        click.echo(f"{where:<{width}}  {hit.text}  = {hit.term.text}  ({hit_label(hit)})  [{hit.concept.id}]")
    replaced = sum(1 for hit in hits if not hit.term.status.allowed)
    click.echo(f"{len(hits)} term hit(s), {replaced} deprecated or superseded, in {file}")


@term.command("list")
@glossary_option
@click.option("--lang", "-l", help="Only terms in this language.")
@click.option("--status", "-s", type=STATUSES, help="Only terms with this status.")
@format_option
def list_terms(glossary_path: Path | None, lang: str | None, status: str | None, fmt: str) -> None:
    """List terms: concept id, language, status and text, one per line."""
    glossary = Glossary.configured(glossary_path, required=True)
    pairs = glossary.terms(lang, TermStatus(status) if status else None)
    if fmt == "json":
        rows = [{"concept": c.id, "lang": t.lang, "status": t.status.value, "term": t.text} for c, t in pairs]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for concept, item in pairs:
        click.echo(f"{concept.id}\t{item.lang}\t{item.status.value}\t{item.text}")


@term.command()
@glossary_option
@format_option
def stats(glossary_path: Path | None, fmt: str) -> None:
    """Count concepts, terms per language and status, and acronyms."""
    summary = Glossary.configured(glossary_path, required=True).stats()
    if fmt == "json":
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"concepts: {summary.concepts}")
    click.echo(f"acronyms: {summary.acronyms}")
    statuses = [status.value for status in TermStatus]
    click.echo("lang  " + "".join(f"{name:>12}" for name in statuses) + f"{'total':>8}")
    for lang, counts in summary.terms.items():
        cells = "".join(f"{counts[name]:>12}" for name in statuses)
        click.echo(f"{lang:<6}{cells}{sum(counts.values()):>8}")


# --------------------------------------------------------------------------- helpers


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("file not found", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", path=str(path)) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read file", path=str(path)) from None


def status_label(concept: Concept, item: Term) -> str:
    """``preferred``, or ``deprecated -> use X`` when the term must be replaced."""
    better = replacement(concept, item)
    if better is not None:
        return f"{item.status.value} -> use {better.text}"
    return item.status.value


def hit_label(hit: TermHit) -> str:
    """Status of the matched term, naming the preferred term when another one was used."""
    label = status_label(hit.concept, hit.term)
    preferred = hit.concept.preferred(hit.term.lang)
    if hit.term.status is TermStatus.ADMITTED and preferred is not None and preferred is not hit.term:
        label += f"; preferred: {preferred.text}"
    return label


def concept_text(concept: Concept) -> str:
    lines = [concept.id + (f"  [{concept.subject_field}]" if concept.subject_field else "")]
    for lang in concept.languages:
        for index, item in enumerate(concept.terms_in(lang)):
            label = lang if index == 0 else ""
            extras = [status_label(concept, item)]
            if is_acronym(item):
                extras.append("acronym")
            if item.part_of_speech:
                extras.append(item.part_of_speech)
            if not item.inflects:
                extras.append("exact form")
            lines.append(f"  {label:<4}{item.text}  ({', '.join(extras)})")
            lines.extend(f"        note: {note}" for note in item.notes)
    for def_lang, definition in concept.definitions:
        lines.append(f"  definition ({def_lang}): {definition}")
    lines.extend(f"  note: {note}" for note in concept.notes)
    return "\n".join(lines)


def concept_json(concept: Concept) -> dict:
    terms: dict[str, list[dict]] = {}
    for item in concept.terms:
        entry = {"term": item.text, "status": item.status.value}
        better = replacement(concept, item)
        if better is not None:
            entry["use"] = better.text
        if item.notes:
            entry["notes"] = list(item.notes)
        terms.setdefault(lang_key(item.lang), []).append(entry)
    return {
        "id": concept.id,
        "subject": concept.subject_field,
        "terms": terms,
        "definitions": {lang_key(lang): text for lang, text in concept.definitions},
        "notes": list(concept.notes),
    }


def hit_json(hit: TermHit, position: tuple[int, int]) -> dict:
    better = replacement(hit.concept, hit.term)
    preferred = hit.concept.preferred(hit.term.lang)
    return {
        "line": position[0], "column": position[1], "start": hit.start, "end": hit.end,
        "text": hit.text, "concept": hit.concept.id, "term": hit.term.text,
        "status": hit.term.status.value,
        "preferred": preferred.text if preferred is not None else None,
        "deprecated": better is not None or not hit.term.status.allowed,
    }


class _LineIndex:
    """1-based line and column of a character offset."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        position = text.find("\n")
        while position >= 0:
            self._starts.append(position + 1)
            position = text.find("\n", position + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
