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
from decimal import Decimal

import regex
from rapidfuzz.distance import Levenshtein

from tmkit.lang import get_language
from tmkit.lang.az import number_suffix
from tmkit.lang.numbers import mention_keys, value_key
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
            # the words are the same: the diff shows both sides with their codes as placeholders
            return Comparison(REPAIRABLE_SCORE, DiffKind.CODES,
                              f"[-{candidate.placeholder_text()}-] {{+{query.placeholder_text()}+}}")
        kind = DiffKind.EXACT if query.text == candidate.text else DiffKind.CASE
        return Comparison(100.0, kind, diff)
    if _same_but_numbers(q_norm, c_norm, lang):
        return Comparison(REPAIRABLE_SCORE, DiffKind.NUMBERS, diff)
    score = similarity(q_norm, c_norm) if edit_score is None else edit_score
    if strip_punctuation(q_norm) == strip_punctuation(c_norm):
        return Comparison(score, DiffKind.PUNCTUATION, diff)
    if _same_lemmas(q_norm, c_norm, lang):
        return Comparison(score, DiffKind.INFLECTION, diff)
    return Comparison(score, DiffKind.CONTENT, diff)


_AZ_NUMBER_SUFFIX = regex.compile(r"0([-\u2011])[yns]?(\p{Ll}+)")


def _same_but_numbers(q_norm: str, c_norm: str, lang: str) -> bool:
    """Only numbers differ. In Azerbaijani a suffix written after a number follows the
    number's sound (``2024-cü ildə``, ``2025-ci ildə``), so suffix vowels and buffer
    consonants count as part of the number."""
    q_mask, c_mask = mask_numbers(q_norm), mask_numbers(c_norm)
    if q_mask == c_mask:
        return True
    if base_lang(lang) != "az" or "0-" not in q_mask.replace("\u2011", "-"):
        return False
    return _az_neutral(q_mask) == _az_neutral(c_mask)


def _az_neutral(mask: str) -> str:
    return _AZ_NUMBER_SUFFIX.sub(lambda m: "0" + m.group(1) + regex.sub("[aəıiuü]", "V", m.group(2)), mask)


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
    """``old`` turned into ``new`` word by word: ``[-removed-]{+added+}`` (wdiff style).

    Words are compared case-folded (and NFC-normalized) by the language's rules, as the
    score compares them, so a headline in capitals marks only the words that really
    differ; unchanged runs are shown as ``old`` writes them.
    """
    language = get_language(base_lang(lang) or "und")
    old_tokens = [t.text for t in language.tokenize(old)]
    new_tokens = [t.text for t in language.tokenize(new)]
    fold = language.fold
    matcher = difflib.SequenceMatcher(a=[fold(t) for t in old_tokens], b=[fold(t) for t in new_tokens],
                                      autojunk=False)
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

_DIGITS = regex.compile(r"\d(?:[\d\u00a0\u202f ,.]*\d)?")
"""The written figure inside a number mention (``5`` in ``5 млрд долларов``, ``52.000``)."""
_SUFFIX = regex.compile(r"[-\u2011](\p{Ll}+)")
_GROUPS = (",", ".", " ", "\u00a0", "\u202f")


def substitute_numbers(query: str, source: str, target: str, src_lang: str, tgt_lang: str
                       ) -> str | None:
    """The memory ``target`` with the query's numbers in place of the memory source's.

    Numbers are read by the language layer (:func:`tmkit.lang.numbers.read_numbers`), so
    ``52.000`` is 52000 in Azerbaijani and ``5 млрд`` five billion. They pair up by position
    between ``query`` and ``source``; a changed source number is looked up in the target by
    value, and when the value occurs more than once the same occurrence is taken (the second
    5 % of the source is the second 5 % of the target). Only the written figure changes,
    in the target's convention and scale (``7 млрд`` for 7 billion), and an Azerbaijani
    suffix after it follows the new number (``2026-cı`` -> ``2027-ci``, ``6-dan`` ->
    ``7-dən``). None when a number cannot be placed: the caller then offers the match unrepaired.
    """
    src, tgt = get_language(base_lang(src_lang) or "und"), get_language(base_lang(tgt_lang) or "und")
    asked, stored = _figures(src.numbers(query)), _figures(src.numbers(source))
    if len(asked) != len(stored):
        return None
    places = _figures(tgt.numbers(target))
    edits: dict[int, tuple[int, int, str]] = {}
    for position, (new, old) in enumerate(zip(asked, stored, strict=True)):
        if value_key(new.value) == value_key(old.value):
            continue
        rank = sum(1 for earlier in stored[:position] if value_key(earlier.value) == value_key(old.value))
        same = [i for i, m in enumerate(places) if value_key(old.value) in mention_keys(m)]
        if rank >= len(same) or same[rank] in edits:
            return None
        edit = _rewrite(places[same[rank]], new.value, target, tgt_lang,
                        _written_decimals(new.text, src_lang))
        if edit is None:
            return None
        edits[same[rank]] = edit
    out, last = [], 0
    for start, end, text in sorted(edits.values()):
        out += [target[last:start], text]
        last = end
    out.append(target[last:])
    return "".join(out)


def _figures(mentions: list) -> list:
    """Mentions written with digits (spelled-out numbers are left as the translator wrote them)."""
    return [m for m in mentions if m.kind != "word" and any(ch.isdigit() for ch in m.text)]


def _rewrite(place, value: Decimal, target: str, lang: str, decimals: int = 0) -> tuple[int, int, str] | None:
    """(start, end, new text) replacing the figure of target mention ``place`` by ``value``,
    with at least ``decimals`` digits after the point (a price written ``0.70``)."""
    digits = _DIGITS.search(target, place.start, place.end)
    if digits is None:
        return None
    written = _figure_value(digits.group(), place, lang)
    if written is None or written == 0:
        return None
    scale = place.value / written  # 5 млрд: the mention is 5e9, the figure 5
    text = _format((value / scale).normalize(), digits.group(), lang, decimals)
    end = digits.end()
    suffix = _SUFFIX.match(target, end) if base_lang(lang) == "az" else None
    if suffix is not None and value == value.to_integral_value():
        text += target[end] + number_suffix(suffix.group(1), int(value))
        end = suffix.end()
    return digits.start(), end, text


def _figure_value(figure: str, place, lang: str) -> Decimal | None:
    """The written figure's own value, read like the whole mention (the reading whose scale
    to the mention's value is a power of ten)."""
    read = get_language(base_lang(lang) or "und").numbers(figure)
    if len(read) != 1:
        return None
    for candidate in (read[0].value, *read[0].alternatives):
        if candidate and _power_of_ten(abs(place.value) / abs(candidate)):
            return abs(candidate)
    return None


def _power_of_ten(ratio: Decimal) -> bool:
    """1, 10, 1000, 10**9...: the scale words a figure can carry (тыс., million, milyard)."""
    _sign, digits, exponent = ratio.normalize().as_tuple()
    return digits == (1,) and isinstance(exponent, int) and exponent >= 0


_POINT = {"en": "."}
"""Decimal separator per language; others (ru, az) write a comma."""


def _written_decimals(figure: str, lang: str) -> int:
    """Digits after the decimal point as ``figure`` is written in ``lang`` (``0.70`` -> 2 in
    English, ``0,70`` in Russian): the value alone forgets a price's trailing zero."""
    head, point, tail = figure.rpartition(_POINT.get(base_lang(lang), ","))
    digits = len(tail) - len(tail.lstrip("0123456789"))
    return digits if point and head and head[-1].isdigit() and digits else 0


def _format(value: Decimal, like: str, lang: str, least_decimals: int = 0) -> str:
    """``value`` written in ``lang``'s convention, grouped the way ``like`` was grouped, with
    at least ``least_decimals`` digits after the point."""
    point = _POINT.get(base_lang(lang), ",")
    sign, _digits, exponent = value.as_tuple()
    decimals = max(0, -int(exponent)) if isinstance(exponent, int) else 0
    decimals = max(decimals, least_decimals)
    whole, _, fraction = f"{abs(value):.{decimals}f}".partition(".")
    separator = next((ch for ch in _GROUPS if ch != point and ch in like
                      and regex.search(rf"\d{regex.escape(ch)}\d{{3}}(?!\d)", like)), None)
    if separator is not None and len(whole) > 3:
        chunks = []
        while whole:
            chunks.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = separator.join(chunks)
    text = whole + (point + fraction if fraction else "")
    return ("-" if sign else "") + text


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
