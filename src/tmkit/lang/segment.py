"""Sentence segmentation driven by per-language data.

The engine knows the shapes every language shares: terminal punctuation, closing quotes,
ellipses, initials and line breaks. What differs per language is data handed in through
:class:`SentenceRules`: the abbreviation table (``lang/data/abbreviations_<code>.txt``), the
quote characters and the case-folding function.

Decisions at a candidate boundary (a run of ``. ! ? …`` followed by optional closing quotes or
brackets, then whitespace or the end of the text):

* a line break always ends a sentence (tmkit reads one paragraph per line);
* nothing ends before a lowercase word, whatever the punctuation;
* ``?``/``!`` runs and ellipses end the sentence otherwise;
* a period after an abbreviation follows the abbreviation's kind: ``never`` (titles and
  inner abbreviations: ``Mr.``, ``т. е.``), ``final`` (may end a sentence: ``т. д.``,
  ``etc.``; ends it only before a capital, not before a digit or a Roman numeral), or
  ``after_number`` (``г.`` is "year" after a number and may end, otherwise "city" and
  never ends), or ``qualifier`` (``U.S.`` usually qualifies the next word, ``U.S. officials``,
  so it ends a sentence only before a word of the language's sentence-starter list, such as
  ``He`` or ``The``: ``data/sentence_starters_<code>.txt``);
* a period after a single capital letter before another capitalised word is an initial
  (``В. В. Путин``, ``İ. Əliyev``);
* after a sentence ending inside quotes the boundary comes after the closing quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import regex

ABBREVIATION_KINDS = frozenset({"never", "final", "after_number", "qualifier"})
LINE_BREAKS = "\n\r\u2028\u2029\u0085"
DASHES = "\u2014\u2013\u2012-"


def normalize_abbreviation(text: str, fold: Callable[[str], str]) -> str:
    """The lookup key of an abbreviation: folded, no final period, no space after inner periods.

    ``т. е.``, ``т.е.`` and ``Т. Е.`` all become ``т.е``; ``və s.`` becomes ``və s``.
    """
    key = fold(text.strip())
    if key.endswith("."):
        key = key[:-1]
    return regex.sub(r"\.\s+", ".", regex.sub(r"\s+", " ", key))


@cache
def load_abbreviations(code: str) -> tuple[tuple[str, str], ...]:
    """Read ``data/abbreviations_<code>.txt``: one ``abbreviation<TAB>kind`` per line.

    Blank lines and ``#`` comments are skipped. The file is package data so the table can
    grow without touching code.
    """
    source = resources.files("tmkit.lang").joinpath("data", f"abbreviations_{code}.txt")
    entries: list[tuple[str, str]] = []
    for number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        abbreviation, _, kind = line.rpartition("\t")
        kind = kind.strip()
        if not abbreviation or kind not in ABBREVIATION_KINDS:
            raise ValueError(f"abbreviations_{code}.txt:{number}: expected 'abbreviation<TAB>kind'")
        entries.append((abbreviation.strip(), kind))
    return tuple(entries)


@cache
def load_sentence_starters(code: str) -> frozenset[str]:
    """Read ``data/sentence_starters_<code>.txt`` (one word per line); empty when absent."""
    source = resources.files("tmkit.lang").joinpath("data", f"sentence_starters_{code}.txt")
    if not source.is_file():
        return frozenset()
    lines = source.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class SentenceRules:
    """Everything language-specific the segmenter needs."""

    fold: Callable[[str], str]
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    """Normalized abbreviation (see :func:`normalize_abbreviation`) -> kind."""
    closers: str = "\"'»”“’)]"
    openers: str = "\"'«“„‘("
    starters: frozenset[str] = frozenset()
    """Folded words that begin sentences (pronouns, articles): consulted after a qualifier."""

    @classmethod
    def build(cls, fold: Callable[[str], str], abbreviations: tuple[tuple[str, str], ...],
              quotes: tuple[tuple[str, str], ...], starters: frozenset[str] = frozenset()) -> SentenceRules:
        """Rules from raw abbreviation entries, a language's quote pairs and sentence starters."""
        table = {normalize_abbreviation(text, fold): kind for text, kind in abbreviations}
        closers = "".join(dict.fromkeys("".join(close for _, close in quotes) + "\"')]"))
        openers = "".join(dict.fromkeys("".join(open_ for open_, _ in quotes) + "\"'(["))
        return cls(fold=fold, abbreviations=table, closers=closers, openers=openers,
                   starters=frozenset(fold(word) for word in starters))


class Segmenter:
    """Finds sentence spans with one regex scan plus a decision at each candidate."""

    def __init__(self, rules: SentenceRules) -> None:
        self.rules = rules
        closers = regex.escape(rules.closers)
        breaks = regex.escape(LINE_BREAKS)
        self._candidate = regex.compile(
            rf"(?P<term>[.!?…]+)[{closers}]*(?=\s|$)|(?P<br>[{breaks}])"
        )
        skip = regex.escape(rules.openers + DASHES)
        self._next = regex.compile(rf"[\s{skip}]*(?:(\S)[\p{{L}}\p{{M}}]*)?")
        self._tail = regex.compile(r"(?<![\p{L}\p{M}])(?:[\p{L}\p{M}]+\.?[^\S\n]*){1,4}$")
        self._piece = regex.compile(r"[\p{L}\p{M}]+\.?")
        self._number_before = regex.compile(r"\d[^\S\n]*$")
        self._longest = max((len(key) for key in rules.abbreviations), default=0) + 8
        self._final_run = ".!?…" + rules.closers
        self._any_candidate = re.compile("[" + re.escape(".!?…" + LINE_BREAKS) + "]")

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans ``(start, end)``, trimmed of surrounding whitespace, empty ones dropped."""
        spans: list[tuple[int, int]] = []
        # Most segments are one sentence: with no terminator or line break before the final
        # run of punctuation, no break is possible, and a C-level search proves it.
        if self._any_candidate.search(text.rstrip().rstrip(self._final_run)) is None:
            _add_span(text, 0, len(text), spans)
            return spans
        start = 0
        for m in self._candidate.finditer(text):
            if m.group("br") is None and not self._ends(text, m.start(), m.end("term"), m.end()):
                continue
            _add_span(text, start, m.end(), spans)
            start = m.end()
        _add_span(text, start, len(text), spans)
        return spans

    def _ends(self, text: str, term_start: int, term_end: int, end: int) -> bool:
        nxt = self._next.match(text, end)
        follower = nxt.group(1)
        if follower is None:
            return True
        if follower.islower():
            return False
        term = text[term_start:term_end]
        if "?" in term or "!" in term or "…" in term or len(term) > 1:
            return True
        return self._period_ends(text, term_start, follower, text[nxt.start(1) : nxt.end()])

    def _period_ends(self, text: str, dot: int, follower: str, next_word: str) -> bool:
        tail = self._tail.search(text, max(0, dot - self._longest), dot)
        if tail is None:
            return True
        pieces = list(self._piece.finditer(text, tail.start(), dot))
        kind, chain_start = self._abbreviation_kind(pieces)
        if kind == "after_number":
            kind = "final" if self._number_before.search(text, max(0, chain_start - 12), chain_start) else "never"
        if kind == "never":
            return False
        if kind == "qualifier":
            return self.rules.fold(next_word) in self.rules.starters
        if kind == "final":
            return not (follower.isdigit() or _ROMAN.fullmatch(next_word))
        last = pieces[-1].group()
        return not (len(last) == 1 and last.isupper() and follower.isupper())

    def _abbreviation_kind(self, pieces: list[regex.Match[str]]) -> tuple[str | None, int]:
        """The kind of the longest abbreviation the pieces end with, and where it starts."""
        table = self.rules.abbreviations
        fold = self.rules.fold
        words = [p.group() for p in pieces]
        for count in range(len(words), 0, -1):
            chosen = words[-count:]
            key = fold("".join(w if w.endswith(".") else w + " " for w in chosen[:-1]) + chosen[-1])
            kind = table.get(key)
            if kind is not None:
                return kind, pieces[-count].start()
        return None, pieces[-1].start()


_ROMAN = regex.compile(r"[IVXLC]{2,}|[VXLC]")
"""A Roman numeral after ``e.ə.`` or ``до н. э.`` is a century, not a sentence start.
A lone ``I`` is excluded: in English it is far more often the pronoun."""


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
