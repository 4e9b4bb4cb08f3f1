"""Pre-translate a new article from the memory: the draft a translator starts from.

Each sentence of the article (segmented by the source language's rules, inline markup kept
as codes) is looked up in the store:

- an exact match (score 100: identical after normalization) fills the target, state
  ``translated``; when the memory unit also followed the same sentence in its own document
  as this one does in the article (or began its document, as this one does), the match is
  in-context and counts as 101;
- a numbers-only match (99) whose numbers could be substituted fills the repaired target,
  state ``needs-review``;
- any other match of at least ``min_score`` leaves the target empty (state
  ``needs-translation``) and is attached as a suggestion (XLIFF 2.0 ``mtc:match`` /
  XLIFF 1.2 ``alt-trans`` with the score as match quality): pre-filling fuzzy text invites
  leaving half-changed sentences in print;
- glossary terms found in the source become notes (category ``tmkit:glossary``) naming the
  preferred target term.

The analysis counts source words per band the way CAT tools show it: 101, 100, 95-99,
85-94, 75-84, no match.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tmkit.align.aligner import Sentence, article_sentences
from tmkit.errors import UsageError
from tmkit.formats.article import read_article
from tmkit.lang import get_language
from tmkit.model import Match, Note, Segment, State, TranslationUnit, Variant, base_lang
from tmkit.tm.prepare import DOCUMENT_START, context_hash
from tmkit.tm.score import DiffKind
from tmkit.tm.search import DEFAULT_MIN, Hit, search, units_in_context
from tmkit.tm.store import Store

BANDS = ("101", "100", "95-99", "85-94", "75-84", "no match")
GLOSSARY_NOTE = "tmkit:glossary"
MAX_SUGGESTIONS = 3
EXACT_KINDS = (DiffKind.EXACT, DiffKind.CASE)


@dataclass(frozen=True, slots=True)
class TermNote:
    """A glossary term in a source sentence and what the target should say."""

    source: str
    target: str | None
    status: str
    concept: str

    @property
    def text(self) -> str:
        wanted = self.target or "(no target term)"
        return f"term: {self.source} -> {wanted} [{self.concept}, {self.status}]"


@dataclass(frozen=True, slots=True)
class DraftSegment:
    """One sentence of the draft with its match, target (if filled) and state."""

    sentence: Sentence
    words: int
    score: float | None
    band: str
    kind: DiffKind | None
    target: Segment | None
    state: State
    hits: tuple[Hit, ...]
    terms: tuple[TermNote, ...]


@dataclass(frozen=True)
class Draft:
    article: str
    src_lang: str
    tgt_lang: str
    segments: tuple[DraftSegment, ...]

    def analysis(self) -> list[tuple[str, int, int]]:
        """(band, segments, words) for every band, in CAT-tool order."""
        rows = []
        for band in BANDS:
            chosen = [s for s in self.segments if s.band == band]
            rows.append((band, len(chosen), sum(s.words for s in chosen)))
        return rows

    def units(self) -> list[TranslationUnit]:
        """The draft as bilingual units for the XLIFF/PO writers."""
        return [_unit(segment, self.src_lang, self.tgt_lang) for segment in self.segments]


def band_of(score: float | None) -> str:
    if score is None:
        return "no match"
    if score > 100:
        return "101"
    if score >= 100:
        return "100"
    if score >= 95:
        return "95-99"
    if score >= 85:
        return "85-94"
    if score >= 75:
        return "75-84"
    return "no match"


def count_words(text: str, lang: str) -> int:
    """Words as CAT tools count them: words, acronyms and numbers, not punctuation."""
    return sum(1 for t in get_language(lang).tokenize(text) if t.kind in ("word", "acronym", "number"))


def require_two_languages(src_lang: str, tgt_lang: str) -> None:
    """A draft translates into another language; the same one twice is a usage error."""
    if base_lang(src_lang) == base_lang(tgt_lang):
        raise UsageError(f"the draft language {tgt_lang} is the article's own language {src_lang}",
                         hint="--tgt names the language to translate into")


def pretranslate(article: str | os.PathLike, store: Store, src_lang: str, tgt_lang: str, *,
                 glossary=None, min_score: float = DEFAULT_MIN) -> Draft:
    """Segment ``article`` and look every sentence up in ``store`` (see the module docstring)."""
    require_two_languages(src_lang, tgt_lang)
    sentences = article_sentences(read_article(article), src_lang)
    segments: list[DraftSegment] = []
    context = DOCUMENT_START
    for sentence in sentences:
        hits = tuple(search(store, sentence.segment, src_lang, tgt_lang, min_score=min_score,
                            limit=MAX_SUGGESTIONS))
        hits, in_context = _context_first(store, hits, context)
        best = hits[0] if hits else None
        target, state, score, kind = None, State.NEEDS_TRANSLATION, None, None
        exact = best is not None and best.score >= 100 and best.kind in EXACT_KINDS
        if best is not None:
            score, kind = best.score, best.kind
        if exact:
            assert best is not None
            target, state = best.target, State.TRANSLATED
            score = 101.0 if in_context else 100.0
        elif best is not None and best.kind is DiffKind.NUMBERS and best.repaired:
            target, state = best.suggestion, State.NEEDS_REVIEW
        context = context_hash(sentence.segment.text, src_lang)
        terms = _terms(glossary, sentence.segment.text, src_lang, tgt_lang)
        segments.append(DraftSegment(sentence, count_words(sentence.text, src_lang), score,
                                     band_of(score), kind, target, state, hits, terms))
    return Draft(os.fspath(article), src_lang, tgt_lang, tuple(segments))


def _context_first(store: Store, hits: tuple[Hit, ...], context: int) -> tuple[tuple[Hit, ...], bool]:
    """``hits`` with an in-context exact match first, and whether there is one.

    An exact match is in context when one of the memory unit's origins followed the same
    segment as this sentence follows in the article (or began its document, as this
    sentence does): the same sentence in the same place, so it needs no review of how it
    fits. When several units share the source, the one in context is offered first.
    """
    exact = [hit for hit in hits if hit.score >= 100 and hit.kind in EXACT_KINDS]
    if not exact:
        return hits, False
    found = units_in_context(store, [hit.unit_id for hit in exact], context)
    chosen = next((hit for hit in exact if hit.unit_id in found), None)
    if chosen is None:
        return hits, False
    return (chosen, *(hit for hit in hits if hit is not chosen)), True


def _terms(glossary, text: str, src_lang: str, tgt_lang: str) -> tuple[TermNote, ...]:
    if glossary is None:
        return ()
    notes: dict[tuple[str, str], TermNote] = {}
    for hit in sorted(glossary.find_terms(text, src_lang), key=lambda h: (h.start, h.end)):
        offered = hit.concept.rendering(hit.term, tgt_lang)
        notes.setdefault((hit.concept.id, hit.text), TermNote(
            hit.text, offered.text if offered else None, hit.term.status.value, hit.concept.id))
    return tuple(notes.values())


def _origin_label(origin: str) -> str:
    """``file.tmx#tuid`` rather than an absolute path: drafts travel between machines."""
    path, _, tuid = origin.partition("#")
    name = Path(path).name or path
    return f"{name}#{tuid}" if tuid else name


def _unit(segment: DraftSegment, src_lang: str, tgt_lang: str) -> TranslationUnit:
    variants = [Variant(src_lang, segment.sentence.segment)]
    if segment.target is not None:
        variants.append(Variant(tgt_lang, segment.target))
    matches = []
    for rank, hit in enumerate(segment.hits):
        in_context = rank == 0 and segment.score is not None and segment.score > 100
        # the memory's own pair, so a CAT tool's diff shows what changed; a numbers-only
        # repair goes into the segment's target instead (needs-review)
        matches.append(Match(hit.source, hit.target, score=hit.score, origin=_origin_label(hit.origin),
                             source_lang=src_lang, target_lang=tgt_lang,
                             extra=(("type", "icm" if in_context else "tm"),
                                    ("subType", f"tmkit:{hit.kind.value}"))))
    notes = tuple(Note(term.text, extra=(("category", GLOSSARY_NOTE),)) for term in segment.terms)
    return TranslationUnit(tuple(variants), tuid=f"s{segment.sentence.index + 1}", srclang=src_lang,
                           notes=notes, state=segment.state, matches=tuple(matches))


# --------------------------------------------------------------------------- output


def write_draft(draft: Draft, path: str | os.PathLike, *, xliff_version: str = "2.0") -> str:
    """Write the draft as XLIFF (``.xlf``/``.xliff``) or side-by-side Markdown (``.md``).

    Returns the format written (``xliff-2.0``, ``xliff-1.2`` or ``markdown``).
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        from tmkit.formats.atomic import atomic_path

        with atomic_path(path) as temporary:
            Path(temporary).write_text(render_markdown(draft), encoding="utf-8")
        return "markdown"
    if suffix in (".xlf", ".xliff", ".xlf2", ".xliff2"):
        from tmkit.formats.xliff import write_xliff

        write_xliff(path, draft.units(), version=xliff_version, src_lang=draft.src_lang,
                    tgt_lang=draft.tgt_lang, original=Path(draft.article).name)
        return f"xliff-{xliff_version}"
    from tmkit.errors import UsageError

    raise UsageError(f"cannot tell the draft format from {Path(path).name}; use .xlf, .xliff or .md",
                     path=os.fspath(path))


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(draft: Draft) -> str:
    """A side-by-side table for people without a CAT tool: source, draft target, match."""
    lines = [f"# Draft: {Path(draft.article).name} ({draft.src_lang} -> {draft.tgt_lang})", "",
             f"| # | {draft.src_lang} | {draft.tgt_lang} | match |", "|---|---|---|---|"]
    for segment in draft.segments:
        number = segment.sentence.index + 1
        if segment.target is not None:
            target = _cell(segment.target.placeholder_text())
        elif segment.hits:
            best = segment.hits[0]
            target = f"_suggestion {best.score:g}:_ {_cell(best.suggestion.placeholder_text())}"
        else:
            target = ""
        match = segment.band if segment.kind is None else f"{segment.band} ({segment.kind.value})"
        if segment.state is State.NEEDS_REVIEW:
            match += ", review"
        for term in segment.terms:
            match += f"<br>{_cell(term.source)} -> {_cell(term.target or '?')}"
        lines.append(f"| {number} | {_cell(segment.sentence.segment.placeholder_text())} | {target} | {match} |")
    lines += ["", "| band | segments | words |", "|---|---:|---:|"]
    lines += [f"| {band} | {count} | {words} |" for band, count, words in draft.analysis()]
    return "\n".join(lines) + "\n"


def render_analysis(draft: Draft) -> str:
    """The band table printed after ``tmkit apply``."""
    rows = draft.analysis()
    total_words = sum(words for _, _, words in rows) or 1
    out = [f"{'band':<9} {'segments':>8} {'words':>6} {'share':>6}"]
    for band, count, words in rows:
        out.append(f"{band:<9} {count:>8} {words:>6} {100.0 * words / total_words:>5.1f}%")
    out.append(f"{'total':<9} {sum(c for _, c, _ in rows):>8} {sum(w for _, _, w in rows):>6}")
    return "\n".join(out)
