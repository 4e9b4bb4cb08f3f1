"""Terminology: the newsroom glossary, through every inflected form (``--glossary``)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator

import regex

from tmkit.model import lang_matches
from tmkit.qa.registry import Hit, document_rule, pair_rule
from tmkit.qa.view import DocumentView, PairView

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_VOWELS = "aeiouyəıöüаеёиоуыэюяьй"


def _allowed_concepts(hits: list, lang: str) -> set[str]:
    return {h.concept.id for h in hits if h.term.status.allowed and lang_matches(h.term.lang, lang)}


def _source_uses_old_term(pair: PairView, concept_id: str) -> bool:
    """True when the source itself names the concept with a deprecated or superseded term.

    "Until 2021 it was known as the Turkic Council": a translation mirrors the old name on
    purpose, and a source term nobody should use is no reason to demand the preferred one.
    """
    return any(h.concept.id == concept_id and not h.term.status.allowed for h in pair.src_terms)


def _forbidden_hits(pair: PairView) -> list:
    """Target hits of deprecated or superseded terms not covered by an allowed term of the same concept.

    "Security Council" must not be reported as a forbidden "Council" when the allowed
    longer term spans the same words.
    """
    allowed = [h for h in pair.tgt_terms if h.term.status.allowed]
    result = []
    for hit in pair.tgt_terms:
        if hit.term.status.allowed or _source_uses_old_term(pair, hit.concept.id):
            continue
        if any(a.concept.id == hit.concept.id and a.start <= hit.start and hit.end <= a.end for a in allowed):
            continue
        result.append(hit)
    return result


def _stem_prefix(word: str) -> str:
    """The part of a word its derivatives keep: 60 % of it, at least four letters, final vowels cut.

    паром -> паро (паромная), таможня -> тамож (таможенный), Баку -> бак (Бакинский),
    азербайджанец -> азербайд (азербайджанский).
    """
    length = max(4, math.ceil(0.6 * len(word)))
    return word[:min(length, len(word.rstrip(_VOWELS)) or len(word))]


def _derived_form_present(pair: PairView, concept) -> bool:
    """True when the target uses a word derived from an allowed target term of the concept.

    English uses nouns as modifiers ("ferry line", "customs checks", "Baku shipyard") where
    Russian and Azerbaijani use a derived adjective (паромная, таможенный, Бакинский), which
    is the right translation but not an inflected form of the term. Every word of the term
    of four letters or more must have its stem prefix at the start of a target word, or
    inside the same target word as the previous one (compounds: железнодорожный).
    """
    words = [pair.tgt.fold(w) for w in _WORD.findall(pair.target)]
    for term in concept.terms_in(pair.tgt_lang):
        if not term.status.allowed:
            continue
        parts = [pair.tgt.fold(w) for w in _WORD.findall(term.text)]
        previous: str | None = None
        matched = True
        for part in parts:
            if len(part) < 4 and parts.index(part) > 0:
                continue  # short function words (of, и, və) carry no stem
            prefix = _stem_prefix(part)
            hit = next((w for w in words if w.startswith(prefix)), None)
            if hit is None and previous is not None and prefix in previous:
                hit = previous
            if hit is None:
                matched = False
                break
            previous = hit
        if matched and parts:
            return True
    return False


@pair_rule("term-missing", "terminology", "error")
def term_missing(pair: PairView) -> Iterator[Hit]:
    """A glossary term is in the source, but none of its allowed target terms is in the target.

    Any inflected form of a preferred or admitted target term counts ("Совета Безопасности"
    for "Совет Безопасности"), and so does a word derived from it where English uses a noun
    as modifier ("ferry line": паромная линия). Concepts without a term in the target
    language, and source terms that are themselves deprecated, are skipped; when a
    deprecated target term is used instead, ``term-forbidden`` reports it.
    """
    if not pair.src_terms:
        return
    present = _allowed_concepts(pair.tgt_terms, pair.tgt_lang)
    forbidden = {h.concept.id for h in _forbidden_hits(pair)}
    seen: set[str] = set()
    for hit in pair.src_terms:
        concept = hit.concept
        if concept.id in seen or concept.id in present or concept.id in forbidden:
            continue
        seen.add(concept.id)
        if not hit.term.status.allowed:
            continue
        offered = concept.rendering(hit.term, pair.tgt_lang)
        if offered is None or _derived_form_present(pair, concept):
            continue
        yield Hit(f"glossary term {hit.text!r} is not translated as {offered.text!r} (concept {concept.id})",
                  suggestion=offered.text)


@pair_rule("term-forbidden", "terminology", "error")
def term_forbidden(pair: PairView) -> Iterator[Hit]:
    """The target uses a deprecated or superseded glossary term; the suggestion names the preferred one.

    Not reported when the source itself uses an old term of the same concept (a historical
    name quoted on purpose).
    """
    for hit in _forbidden_hits(pair):
        preferred = hit.concept.preferred(pair.tgt_lang)
        advice = f"; use {preferred.text!r}" if preferred else ""
        yield Hit(f"{hit.text!r} is a {hit.term.status.value} term{advice} (concept {hit.concept.id})",
                  suggestion=preferred.text if preferred else None, span=(hit.start, hit.end))


@document_rule("term-inconsistent", "terminology", "warning")
def term_inconsistent(document: DocumentView) -> Iterator[tuple[PairView, Hit]]:
    """One source term is rendered with different allowed target terms within one document.

    "Security Council" as both "Совет Безопасности" and "Совбез" in one article is reported
    (the less frequent rendering, with the usual one as suggestion). Variation the source
    has itself is not: "Asian Development Bank" then "ADB" may well become "Азиатский банк
    развития" then "АБР".
    """
    used: dict[tuple[str, str], list[tuple[PairView, object]]] = defaultdict(list)
    for pair in document.pairs:
        by_concept: dict[str, set[str]] = defaultdict(set)
        for hit in pair.src_terms:
            by_concept[hit.concept.id].add(hit.term.text)
        for hit in pair.tgt_terms:
            source_terms = by_concept.get(hit.concept.id)
            if source_terms and len(source_terms) == 1 and hit.term.status.allowed:
                used[(hit.concept.id, next(iter(source_terms)))].append((pair, hit))
    for uses in used.values():
        counts = Counter(hit.term.text for _, hit in uses)
        if len(counts) < 2:
            continue
        usual = max(counts, key=lambda text: (counts[text], -next(
            p.index for p, h in uses if h.term.text == text)))
        reported: set[int] = set()
        for pair, hit in uses:
            if hit.term.text != usual and id(pair) not in reported:
                reported.add(id(pair))
                yield pair, Hit(f"{hit.text!r} renders concept {hit.concept.id} as {hit.term.text!r}; "
                                f"elsewhere in this document it is {usual!r}",
                                suggestion=usual, span=(hit.start, hit.end))
