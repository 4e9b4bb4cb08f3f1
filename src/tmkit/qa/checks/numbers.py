"""Numbers: every figure of the source in the target and nothing else, whatever the locale format."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from tmkit.lang.months import month_numbers
from tmkit.lang.numbers import mention_keys, value_key
from tmkit.lang.ordinals import ordinal_words
from tmkit.qa.registry import Hit, pair_rule
from tmkit.qa.view import PairView

_ROMAN = re.compile(r"\b(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")
_ROMAN_PAIR = re.compile(r"[MDCLXVI]{2}")
"""A cheap first test: starting with a character set lets ``re`` scan in C, while the full
pattern's leading ``\\b`` costs a step at every position of every sentence."""
_DIGIT = re.compile(r"[0-9]")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def _roman_values(text: str) -> list[Decimal]:
    """Values of Roman numerals of two or more letters (Russian writes centuries as XXI век).

    Single letters (I, V, C) are too often words or initials to count.
    """
    values: list[Decimal] = []
    if not _ROMAN_PAIR.search(text):
        return values
    for match in _ROMAN.finditer(text):
        numeral = match.group()
        if len(numeral) < 2:
            continue
        total = 0
        for index, char in enumerate(numeral):
            value = _ROMAN_VALUES[char]
            following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
            total += -value if value < following else value
        values.append(Decimal(total))
    return values


def _unmatched(mentions: list, others: list, roman: list[Decimal], other_text: str = "") -> list:
    """Digit mentions with no counterpart among ``others`` by value or by identical spelling.

    Identical spelling covers figures a locale reads differently but a translator copied
    verbatim (``1.014`` is a thousand and fourteen to Russian rules, a decimal in English).
    Two kinds of figure may also stand as words in ``other_text``: a part of a numeric date
    (``05.03.2025``) as a month name ("5 March 2025"), and an ordinal (``3rd``) as an
    ordinal word («третий», "üçüncü").
    """
    pool: list[tuple[frozenset[Decimal], str | None, bool]] = (
        [(mention_keys(n), None, n.kind == "time") for n in others]
        + [(frozenset({value_key(v)}), None, False) for v in roman])
    kinds = {n.kind for n in mentions}
    if other_text and "date" in kinds:
        pool += [(frozenset({Decimal(m)}), "date", False) for m in month_numbers(other_text)]
    if other_text and "ordinal" in kinds:
        pool += [(frozenset({Decimal(o)}), "ordinal", False) for o in ordinal_words(other_text)]
    spellings: list[str] | None = None  # built only when a value finds no counterpart
    left = []
    for mention in mentions:
        keys = mention_keys(mention)
        is_time = mention.kind == "time"
        for index, (candidate, only, time) in enumerate(pool):
            if (only is None or only == mention.kind) and time == is_time and not keys.isdisjoint(candidate):
                del pool[index]
                break
        else:
            if spellings is None:
                spellings = [n.text for n in others]
            if mention.text in spellings:
                spellings.remove(mention.text)
            elif not _soft(mention):
                left.append(mention)
    return left


def _soft(mention) -> bool:
    """Whether a figure may be missing without a report: spelled-out numbers ("one of" is often
    rephrased away) and times named by a word ("by noon" may become «к середине дня»)."""
    return mention.kind == "word" or (mention.kind == "time" and not _DIGIT.search(mention.text))


@pair_rule("number-mismatch", "numbers", "error")
def number_mismatch(pair: PairView) -> Iterator[Hit]:
    """A number of the source is missing or different in the target, or the target adds one.

    Numbers are compared by value as each language writes them: 1,700 = 1 700 = 1700,
    2.5 = 2,5, USD 5 billion = 5 млрд долларов = 5 milyard dollar, 170,000 = 170 тыс. = 170 min,
    35% = 35 процентов = 35 faiz, 2 percentage points = 2 п. п. = 2 faiz bəndi,
    1992 = 1992-ci, XXI = 21st, and a time of day equals the same time in any notation
    (10 p.m. = 22:00 = 22.00 = saat 22:00-da) but no other figure. A number spelled out in words
    may stand for digits, but a spelled-out number that is missing is not reported: "one of"
    is often rephrased away; one spelled-out number that became another (nine hours as
    шесть часов) is. An equal figure that changed currency ($30 as 30 евро), lost or gained
    its percent (7% as 7) or turned percentage points into per cent is reported too.
    """
    source, target = pair.src_numbers, pair.tgt_numbers
    if not source and not target:
        return
    missing = _unmatched(source, target, _roman_values(pair.target), pair.target)
    extra = _unmatched(target, source, _roman_values(pair.source), pair.source)
    while missing and extra:
        gone, added = missing.pop(0), extra.pop(0)
        yield Hit(f"{gone.text!r} in the source became {added.text!r} in the target",
                  suggestion=gone.text, span=(added.start, added.end))
    for gone in missing:
        yield Hit(f"number {gone.text!r} of the source is missing from the target", suggestion=gone.text)
    for added in extra:
        yield Hit(f"number {added.text!r} of the target is not in the source", span=(added.start, added.end))
    if any(n.unit or n.kind in _MEASURES for n in source) or any(n.unit or n.kind in _MEASURES for n in target):
        yield from _changed_meaning(source, target)
    yield from _changed_words(source, target)


def _changed_words(source: list, target: list) -> Iterator[Hit]:
    """Spelled-out numbers that became other spelled-out numbers: each side has a number word
    the other side has in no form (digits or words), so a value changed rather than a phrase
    being rephrased away."""
    gone = [n for n in source if n.kind == "word" and not any(mention_keys(n) & mention_keys(m) for m in target)]
    added = [n for n in target if n.kind == "word" and not any(mention_keys(n) & mention_keys(m) for m in source)]
    for old, new in zip(gone, added, strict=False):
        yield Hit(f"{old.text!r} in the source became {new.text!r} in the target",
                  suggestion=old.text, span=(new.start, new.end))


def _changed_meaning(source: list, target: list) -> Iterator[Hit]:
    """Equal figures that stand for different things: another currency (``$30`` as ``30 евро``)
    or a percentage that lost its percent (``7%`` as a bare ``7``), either way round.

    A figure is paired with the first unpaired target figure of the same value, preferring
    one that agrees on currency and percent, so "$30 and 30 euros" translated in another
    order is no error.
    """
    free = [n for n in target if n.kind != "word"]
    for mention in source:
        if mention.kind == "word":
            continue
        keys = mention_keys(mention)
        same = [n for n in free if not keys.isdisjoint(mention_keys(n))]
        if not same:
            continue
        agreeing = [n for n in same if _agrees(mention, n)]
        counterpart = (agreeing or same)[0]
        free.remove(counterpart)
        if agreeing:
            continue
        span = (counterpart.start, counterpart.end)
        if mention.unit and counterpart.unit:
            yield Hit(f"{mention.text!r} in the source is {counterpart.text!r} in the target: "
                      f"{mention.unit.upper()} became {counterpart.unit.upper()}",
                      suggestion=mention.text, span=span)
        elif "year" not in (mention.kind, counterpart.kind):
            yield Hit(f"{mention.text!r} in the source is {counterpart.text!r} in the target: "
                      f"{_measure_change(mention, counterpart)}", suggestion=mention.text, span=span)


_MEASURES = {"percent": "per cent", "points": "percentage points"}
"""Kinds whose figure is a measure of its own: 2 % and 2 percentage points are different news."""


def _measure_change(source, target) -> str:
    """How the measure of an equal figure changed: one side lost it, or one became the other."""
    before, after = _MEASURES.get(source.kind), _MEASURES.get(target.kind)
    if before and after:
        return f"{before} became {after}"
    return f"only the source says {before}" if before else f"only the target says {after}"


def _agrees(one, other) -> bool:
    """Whether two figures of equal value mean the same: no clash of currencies, of percent or
    of percentage points."""
    if one.unit and other.unit and one.unit != other.unit:
        return False
    return _MEASURES.get(one.kind) == _MEASURES.get(other.kind)
