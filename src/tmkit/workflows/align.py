"""Build translation units from archived article versions (``tmkit align``).

One article exists in a source language and one or more translations. Each translation
is aligned to the source separately; the alignments are then merged over the source
sentences, so a source sentence that one translation split in two and another kept whole
still yields one unit holding every language. Units whose weakest link falls under the
confidence threshold go to a review list instead of the memory, as do omissions and
additions, which never become units.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tmkit.align.aligner import AlignedPair, ArticleAlignment, align_articles, join_sentences
from tmkit.errors import UsageError
from tmkit.formats.article import ARTICLE_SUFFIXES, read_article
from tmkit.formats.atomic import atomic_path
from tmkit.formats.tmx import write_tmx
from tmkit.model import Header, Prop, TranslationUnit, Variant

_LANG_IN_NAME = re.compile(r"^(?P<name>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)$")


def article_name_and_lang(path: str | Path) -> tuple[str, str | None]:
    """``caspian.en.md`` -> (``caspian``, ``en``); a name without a language gives None."""
    stem = Path(path).name
    for suffix in ARTICLE_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    match = _LANG_IN_NAME.match(stem)
    if match:
        return match.group("name"), match.group("lang")
    return stem, None


@dataclass(frozen=True)
class ReviewItem:
    """Something a person should look at: a low-confidence unit, an omission or an addition."""

    kind: str
    article: str
    lang: str
    confidence: float
    source: str
    target: str
    src_line: int | None
    tgt_line: int | None


@dataclass(frozen=True)
class AlignResult:
    """Units for the memory and items for review from one article set."""

    article: str
    units: tuple[TranslationUnit, ...]
    review: tuple[ReviewItem, ...]
    alignments: tuple[ArticleAlignment, ...]


def align_article_set(source: str | Path, targets: Sequence[str | Path], *, src_lang: str | None = None,
                      tgt_langs: Sequence[str] | None = None, glossary=None,
                      min_confidence: float = 0.5) -> AlignResult:
    """Align one source article with its translations and merge the result into units."""
    article, guessed_src = article_name_and_lang(source)
    src_lang = src_lang or guessed_src
    if not src_lang:
        raise UsageError("cannot tell the source language: name the file NAME.<lang>.md or pass --src-lang",
                         path=str(source))
    if tgt_langs and len(tgt_langs) != len(targets):
        raise UsageError(f"{len(targets)} target file(s) but {len(tgt_langs)} --tgt-lang value(s)")
    langs = []
    for index, target in enumerate(targets):
        lang = tgt_langs[index] if tgt_langs else article_name_and_lang(target)[1]
        if not lang:
            raise UsageError("cannot tell the target language: name the file NAME.<lang>.md or pass --tgt-lang",
                             path=str(target))
        langs.append(lang)
    src_article = read_article(source)
    alignments = tuple(align_articles(src_article, read_article(target), src_lang, lang, glossary)
                       for target, lang in zip(targets, langs, strict=True))
    units, review = _merge(article, str(source), src_lang, alignments, min_confidence)
    return AlignResult(article, tuple(units), tuple(review), alignments)


def _merge(article: str, source_file: str, src_lang: str, alignments: Sequence[ArticleAlignment],
           min_confidence: float) -> tuple[list[TranslationUnit], list[ReviewItem]]:
    """Group source sentences linked together by any alignment; one unit per group.

    A group some translation omitted still becomes a unit with the other languages: a
    two-language unit is worth keeping, and the omission itself goes to review.
    """
    review: list[ReviewItem] = []
    parent = list(range(len(alignments[0].src_sentences))) if alignments else []

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for alignment in alignments:
        for pair in alignment.pairs:
            if pair.bead.src and pair.bead.tgt:
                first = find(pair.bead.src[0])
                for other in pair.bead.src[1:]:
                    parent[find(other)] = first
            else:
                review.append(_gap_item(article, alignment, pair))

    groups: dict[int, list[int]] = {}
    for index in range(len(parent)):
        groups.setdefault(find(index), []).append(index)
    units: list[TranslationUnit] = []
    for members in sorted(groups.values()):
        unit, weakest = _unit(article, source_file, src_lang, alignments, set(members), len(units) + 1)
        if unit is None:
            continue
        if weakest < min_confidence:
            review.append(_low_confidence_item(article, unit, weakest, alignments, members))
        else:
            units.append(unit)
    return units, review


def _unit(article: str, source_file: str, src_lang: str, alignments: Sequence[ArticleAlignment],
          members: set[int], number: int) -> tuple[TranslationUnit | None, float]:
    src_sents = alignments[0].src_sentences
    variants = [Variant(src_lang, join_sentences(src_sents[k] for k in sorted(members)))]
    shapes, weakest = [], 1.0
    for alignment in alignments:
        pairs = [p for p in alignment.pairs if p.bead.src and p.bead.tgt and set(p.bead.src) <= members]
        if not pairs:
            continue
        variants.append(Variant(alignment.tgt_lang, join_sentences(t for p in pairs for t in p.tgt)))
        shapes.append(f"{alignment.tgt_lang}:" + "+".join(p.bead.shape for p in pairs))
        weakest = min(weakest, *(p.bead.confidence for p in pairs))
    if len(variants) == 1:
        return None, 0.0
    props = (
        Prop("x-source-file", source_file),
        Prop("x-article", article),
        Prop("x-bead", " ".join(shapes)),
        Prop("x-confidence", f"{weakest:.3f}"),
    )
    return TranslationUnit(tuple(variants), tuid=f"{article}-{number}", srclang=src_lang, props=props), weakest


def _gap_item(article: str, alignment: ArticleAlignment, pair: AlignedPair) -> ReviewItem:
    kind = "omission" if pair.bead.is_omission else "addition"
    return ReviewItem(kind, article, alignment.tgt_lang, pair.bead.confidence,
                      " ".join(s.text for s in pair.src), " ".join(t.text for t in pair.tgt),
                      pair.src[0].line if pair.src else None, pair.tgt[0].line if pair.tgt else None)


def _low_confidence_item(article: str, unit: TranslationUnit, weakest: float,
                         alignments: Sequence[ArticleAlignment], members: list[int]) -> ReviewItem:
    src_line = alignments[0].src_sentences[members[0]].line
    targets = " | ".join(f"{v.lang}: {v.text}" for v in unit.variants[1:])
    return ReviewItem("low-confidence", article, ",".join(a.tgt_lang for a in alignments), weakest,
                      unit.variants[0].text, targets, src_line, None)


def find_article_sets(folder: str | Path, src_lang: str) -> list[tuple[Path, list[Path]]]:
    """Every ``NAME.<src>.md`` under ``folder`` with its ``NAME.<lang>.md`` siblings."""
    sets = []
    for source in sorted(Path(folder).rglob("*")):
        if not source.is_file() or source.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        name, lang = article_name_and_lang(source)
        if lang != src_lang:
            continue
        siblings = []
        for candidate in sorted(source.parent.glob(f"{name}.*{source.suffix}")):
            other_name, other_lang = article_name_and_lang(candidate)
            if other_name == name and other_lang and other_lang != src_lang:
                siblings.append(candidate)
        if siblings:
            sets.append((source, siblings))
    return sets


def align_folder(folder: str | Path, src_lang: str, *, glossary=None, min_confidence: float = 0.5,
                 progress: Callable[[Iterable], Iterable] | None = None) -> list[AlignResult]:
    """Batch mode: align every article set found under ``folder``.

    ``progress`` wraps the list of sets (the CLI passes a progress bar on a terminal).
    """
    sets = find_article_sets(folder, src_lang)
    if not sets:
        raise UsageError(f"no article sets NAME.{src_lang}.md with translations beside them", path=str(folder))
    return [align_article_set(source, targets, src_lang=src_lang, glossary=glossary, min_confidence=min_confidence)
            for source, targets in (progress(sets) if progress else sets)]


REVIEW_COLUMNS = ("kind", "article", "lang", "confidence", "src_line", "tgt_line", "source", "target")


def write_review(path: str | Path, items: Iterable[ReviewItem]) -> int:
    """Write review items as TSV (a spreadsheet opens it); returns the number written."""
    rows = list(items)
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(REVIEW_COLUMNS)
        for item in rows:
            writer.writerow([item.kind, item.article, item.lang, f"{item.confidence:.3f}",
                             item.src_line or "", item.tgt_line or "", item.source, item.target])
    return len(rows)


def write_memory(path: str | Path, results: Sequence[AlignResult], src_lang: str) -> int:
    """Write the units of every result: TMX keeps all languages, other formats the first pair."""
    units = [unit for result in results for unit in result.units]
    if Path(path).suffix.lower() == ".tmx":
        return write_tmx(path, units, Header(srclang=src_lang, segtype="sentence", datatype="markdown"))
    from tmkit.formats.registry import write_units

    tgt_lang = next((v.lang for u in units for v in u.variants[1:]), None)
    return write_units(path, units, src_lang=src_lang, tgt_lang=tgt_lang)
