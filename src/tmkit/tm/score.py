"""The match score and the explanation of what differs.

Score
    100 when the two sources are identical after :func:`~tmkit.tm.normalize.normalize`;
    otherwise ``100 * (1 - d / max(len(a), len(b)))`` with *d* the Levenshtein distance of
    the normalized texts (``rapidfuzz.distance.Levenshtein.normalized_similarity``),
    rounded to two decimals. The benchmark's brute-force scan uses this same function.
    Two cases are raised to 99, because the suggestion can be repaired mechanically:
    only numbers differ (the numbers are substituted into the target), and the text is
    identical but the inline codes differ.

Difference kinds (:class:`DiffKind`), checked in this order
    ``exact`` (same text and codes), ``case`` (same after normalization: case or
    whitespace), ``codes``, ``numbers``, ``punctuation``, ``inflection`` (same number of
    words, each pair sharing a lemma key of the language), ``content``.
"""

from __future__ import annotations

import difflib
import enum
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex
from rapidfuzz.distance import Levenshtein

from tmkit.lang import get_language
from tmkit.lang.az import ordinal_suffix
from tmkit.model import Segment, base_lang
from tmkit.tm.normalize import mask_numbers, normalize, strip_punctuation


class DiffKind(enum.StrEnum):
    EXACT = "exact"
    CASE = "case"
    CODES = "codes"
    NUMBERS = "numbers"
    PUNCTUATION = "punctuation"
    INFLECTION = "inflection"
    CONTENT = "content"


REPAIRABLE_SCORE = 99.0


def similarity(a_norm: str, b_norm: str) -> float:
    """Levenshtein similarity of two normalized texts, 0-100 (the one score of the engine)."""
    return round(Levenshtein.normalized_similarity(a_norm, b_norm) * 100.0, 2)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The score of a memory source against a query, and why it is not 100."""

    score: float
    kind: DiffKind
    diff: str


def compare(query: Segment, candidate: Segment, lang: str, *, edit_score: float | None = None
            ) -> Comparison:
    """Score ``candidate`` (a memory source) against ``query`` and classify the difference."""
    q_norm, c_norm = normalize(query.text, lang), normalize(candidate.text, lang)
    diff = word_diff(candidate.text, query.text, lang)
    if q_norm == c_norm:
        if _codes_signature(query) != _codes_signature(candidate):
            return Comparison(REPAIRABLE_SCORE, DiffKind.CODES, diff)
        kind = DiffKind.EXACT if query.text == candidate.text else DiffKind.CASE
        return Comparison(100.0, kind, diff)
    if mask_numbers(q_norm) == mask_numbers(c_norm):
        return Comparison(REPAIRABLE_SCORE, DiffKind.NUMBERS, diff)
    score = similarity(q_norm, c_norm) if edit_score is None else edit_score
    if strip_punctuation(q_norm) == strip_punctuation(c_norm):
        return Comparison(score, DiffKind.PUNCTUATION, diff)
    if _same_lemmas(q_norm, c_norm, lang):
        return Comparison(score, DiffKind.INFLECTION, diff)
    return Comparison(score, DiffKind.CONTENT, diff)


def _codes_signature(segment: Segment) -> tuple[tuple[str, str], ...]:
    return tuple((code.kind, code.native_text) for code in segment.codes)


def _same_lemmas(a_norm: str, b_norm: str, lang: str) -> bool:
    language = get_language(base_lang(lang) or "und")
    a_words = [t.text for t in language.tokenize(a_norm) if t.kind != "punct"]
    b_words = [t.text for t in language.tokenize(b_norm) if t.kind != "punct"]
    if len(a_words) != len(b_words):
        return False
    for a, b in zip(a_words, b_words, strict=True):
        if a != b and not (language.keys(a) & language.keys(b)):
            return False
    return True


def word_diff(old: str, new: str, lang: str) -> str:
    """``old`` turned into ``new`` word by word: ``[-removed-]{+added+}`` (wdiff style)."""
    language = get_language(base_lang(lang) or "und")
    old_tokens = [t.text for t in language.tokenize(old)]
    new_tokens = [t.text for t in language.tokenize(new)]
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    out: list[str] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(" ".join(old_tokens[a1:a2]))
            continue
        if a2 > a1:
            out.append("[-" + " ".join(old_tokens[a1:a2]) + "-]")
        if b2 > b1:
            out.append("{+" + " ".join(new_tokens[b1:b2]) + "+}")
    return " ".join(out)


# --------------------------------------------------------------------------- numbers

_NUM = regex.compile(r"(?<![\d])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])"
                     r"|(?<![\d])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"
                     r"|(?<![\d])\d+(?:[.,]\d+)?(?![\d])")
_POINT = {"en": "."}
"""Decimal separator per language; others (ru, az) write a comma and group with spaces."""


def _value(text: str, lang: str) -> Decimal | None:
    point = _POINT.get(base_lang(lang), ",")
    group = "," if point == "." else None
    cleaned = text.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", "")
    if group:
        cleaned = cleaned.replace(group, "")
    cleaned = cleaned.replace(point, ".") if point != "." else cleaned
    if "," in cleaned and point == ".":
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _format(value: Decimal, like: str, lang: str) -> str:
    """``value`` written in ``lang``'s convention, grouped only when ``like`` was grouped."""
    point = _POINT.get(base_lang(lang), ",")
    sign, digits, exponent = value.as_tuple()
    decimals = max(0, -int(exponent)) if isinstance(exponent, int) else 0
    whole, _, fraction = f"{abs(value):.{decimals}f}".partition(".")
    grouped = any(sep in like for sep in (" ", "\u00a0", "\u202f")) or (
        point == "." and "," in like)
    if grouped and len(whole) > 3:
        separator = "," if point == "." else next(
            (s for s in (" ", "\u00a0", "\u202f") if s in like), " ")
        chunks = []
        while whole:
            chunks.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = separator.join(chunks)
    text = whole + (point + fraction if fraction else "")
    return ("-" if sign else "") + text


def substitute_numbers(query: str, source: str, target: str, src_lang: str, tgt_lang: str
                       ) -> str | None:
    """The memory ``target`` with the query's numbers in place of the memory source's.

    Numbers pair up by position between ``query`` and ``source``; each changed source
    number must appear exactly once in the target (compared by value, so ``1,700`` finds
    ``1 700``) and is rewritten in the target language's convention. None when a number
    cannot be placed: the caller then offers the match without repairing it.
    """
    q_nums = [m.group() for m in _NUM.finditer(query)]
    s_nums = [m.group() for m in _NUM.finditer(source)]
    if len(q_nums) != len(s_nums):
        return None
    t_matches = list(_NUM.finditer(target))
    t_values = [_value(m.group(), tgt_lang) for m in t_matches]
    replacements: dict[int, str] = {}
    for new, old in zip(q_nums, s_nums, strict=True):
        if new == old:
            continue
        old_value, new_value = _value(old, src_lang), _value(new, src_lang)
        if old_value is None or new_value is None:
            return None
        places = [i for i, v in enumerate(t_values) if v == old_value and i not in replacements]
        if not places:
            return None
        place = places[0]
        replacements[place] = _format(new_value, t_matches[place].group(), tgt_lang)
    out, last = [], 0
    for i, found in enumerate(t_matches):
        if i in replacements:
            out.append(target[last:found.start()])
            out.append(replacements[i])
            last = found.end()
            suffix = _AZ_ORDINAL.match(target, last) if base_lang(tgt_lang) == "az" else None
            new_value = _value(replacements[i], tgt_lang)
            if suffix and new_value is not None and new_value == int(new_value):
                out.append(suffix.group(1) + ordinal_suffix(int(new_value)))
                last = suffix.end()
    out.append(target[last:])
    return "".join(out)


_AZ_ORDINAL = regex.compile(r"([-\u2011])(?:ci|cı|cu|cü)(?![^\W\d_])")
"""An Azerbaijani ordinal suffix right after a number; its vowel must follow the new number."""


def scores_at_least(query_norm: str, norms: list[str], min_score: float) -> list[tuple[int, float]]:
    """(position, score) of every text in ``norms`` scoring at least ``min_score`` (rapidfuzz, in C).

    The verifying step of the index and the benchmark's brute-force scan both call this, so
    they agree to the last decimal.
    """
    from rapidfuzz import process

    cutoff = max(0.0, min_score / 100.0 - 1e-4)
    found = process.extract(query_norm, norms, scorer=Levenshtein.normalized_similarity,
                            score_cutoff=cutoff, limit=None)
    out = []
    for _choice, value, position in found:
        score = round(value * 100.0, 2)
        if score >= min_score:
            out.append((position, score))
    return out
