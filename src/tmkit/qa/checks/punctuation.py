"""Punctuation and typography: sentence type, quotes, brackets, spaces, repeated words."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator

import regex

from tmkit.qa.checks.markup import broken_links
from tmkit.qa.registry import Hit, pair_rule
from tmkit.qa.view import PairView

_CLOSERS = "\"'»“”’)]}›"


def _end_type(text: str) -> str | None:
    """The sentence type the text's final punctuation gives it, or None without one."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    if not stripped:
        return None
    tail = stripped[-3:]
    if "?" in tail and stripped[-1] in "?!":
        return "question"
    if stripped[-1] == "!":
        return "exclamation"
    if stripped.endswith("…") or stripped.endswith("..."):
        return "ellipsis"
    if stripped[-1] == ".":
        return "statement"
    if stripped[-1] == ":":
        return "colon"
    return None


_NAMES = {"question": "a question mark", "exclamation": "an exclamation mark",
          "ellipsis": "an ellipsis", "statement": "a full stop", "colon": "a colon", None: "no end punctuation"}


@pair_rule("end-punctuation", "punctuation", "warning")
def end_punctuation(pair: PairView) -> Iterator[Hit]:
    """The final punctuation changes the sentence type (statement, question, exclamation, ellipsis, colon).

    A question translated as a statement changes what the sentence says. A full stop that is
    simply missing (headlines) is not reported; a question or exclamation mark that appears
    or disappears is.
    """
    src, tgt = _end_type(pair.source), _end_type(pair.target)
    if src == tgt:
        return
    emphatic = {"question", "exclamation"}
    if (src is None or tgt is None) and src not in emphatic and tgt not in emphatic:
        return
    end = len(pair.target.rstrip())
    yield Hit(f"the source ends with {_NAMES[src]}, the target with {_NAMES[tgt]}",
              span=(max(0, end - 1), end) if end else None)


# --------------------------------------------------------------------------- quotes

_DOUBLE_QUOTES = set("\"«»„“”‟")
_QUOTE_CHAR = re.compile("[\"«»„“”‟]")


def _quote_stack(text: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Walk double quotes with a stack: (unclosed openers, unmatched closers)."""
    stack: list[tuple[str, int]] = []
    stray: list[tuple[str, int]] = []
    for match in _QUOTE_CHAR.finditer(text):
        char, index = match.group(), match.start()
        top = stack[-1][0] if stack else ""
        if char == "«" or char == "„" or char == "‟":
            stack.append((char, index))
        elif char == "»":
            if top == "«":
                stack.pop()
            else:
                stray.append((char, index))
        elif char == "“":
            if top == "„":
                stack.pop()
            else:
                stack.append((char, index))
        elif char == "”":
            if top in ("“", "„", "‟"):
                stack.pop()
            else:
                stray.append((char, index))
        elif char == '"':
            if top == '"':
                stack.pop()
            else:
                stack.append((char, index))
    return stack, stray


@pair_rule("quote-unpaired", "punctuation", "error")
def quote_unpaired(pair: PairView) -> Iterator[Hit]:
    """A quotation mark in the target is never closed, or closes nothing.

    News paragraphs may leave a quote open for the next paragraph, so the target is judged
    only when the source's own quotes are balanced.
    """
    if not _QUOTE_CHAR.search(pair.target) or any(_quote_stack(pair.source_prose)):
        return
    open_, stray = _quote_stack(pair.target_prose)
    for char, index in open_ + stray:
        kind = "never closed" if (char, index) in open_ else "closes nothing"
        yield Hit(f"quotation mark {char} is {kind}", span=(index, index + 1))
        return


@pair_rule("quote-style", "punctuation", "warning")
def quote_style(pair: PairView) -> Iterator[Hit]:
    """The target uses quotation marks of another language, or nests them the wrong way.

    The allowed marks come from the target language (Russian «…» with „…“ inside). Straight
    ASCII quotes are tolerated only where the language's own outer quotes are “…”.
    """
    quotes = tuple(getattr(pair.tgt, "quotes", ()) or ())
    if not quotes or not _QUOTE_CHAR.search(pair.target):
        return
    allowed = {c for pair_ in quotes for c in pair_}
    if quotes[0] == ("“", "”"):
        allowed.add('"')
    for match in _QUOTE_CHAR.finditer(pair.target_prose):
        char, index = match.group(), match.start()
        if char not in allowed:
            yield Hit(f"quotation mark {char} is not used in {pair.tgt_lang}; use {quotes[0][0]}…{quotes[0][1]}",
                      suggestion=f"{quotes[0][0]}…{quotes[0][1]}", span=(index, index + 1))
            return
    if len(quotes) < 2 or quotes[0][0] == quotes[1][0]:
        return
    outer, inner = quotes[0], quotes[1]
    depth = 0
    for match in _QUOTE_CHAR.finditer(pair.target_prose):
        char, index = match.group(), match.start()
        if char == outer[0] or (char == inner[0] and inner[0] not in outer):
            if char == outer[0] and depth > 0:
                yield Hit(f"nested quotation uses {outer[0]}…{outer[1]}; use {inner[0]}…{inner[1]} inside",
                          suggestion=f"{inner[0]}…{inner[1]}", span=(index, index + 1))
                return
            if char == inner[0] and depth == 0 and inner[0] not in ("“", '"'):
                yield Hit(f"outer quotation uses {inner[0]}…{inner[1]}; use {outer[0]}…{outer[1]}",
                          suggestion=f"{outer[0]}…{outer[1]}", span=(index, index + 1))
                return
            depth += 1
        elif char in (outer[1], inner[1]) and depth > 0:
            depth -= 1


# --------------------------------------------------------------------------- brackets

_BRACKETS = {")": "(", "]": "[", "}": "{"}
_BRACKET_CHAR = re.compile(r"[()\[\]{}]")


def _bracket_problem(text: str) -> int | None:
    """Offset of the first bracket that is unmatched, or None when all are balanced."""
    stack: list[tuple[str, int]] = []
    for match in _BRACKET_CHAR.finditer(text):
        char, index = match.group(), match.start()
        if char in "([{":
            stack.append((char, index))
        elif char in _BRACKETS:
            if not stack or stack[-1][0] != _BRACKETS[char]:
                return index
            stack.pop()
    return stack[0][1] if stack else None


@pair_rule("bracket-unbalanced", "punctuation", "error")
def bracket_unbalanced(pair: PairView) -> Iterator[Hit]:
    """Brackets ( ) [ ] { } in the target do not pair up although the source's do.

    Lists numbered ``1)`` or ``а)`` leave the source unbalanced too and are not reported.
    A Markdown link left unclosed (``[label](url`` without ``)``) is named as such, with the
    closed link as the suggestion.
    """
    if not _BRACKET_CHAR.search(pair.target) or _bracket_problem(pair.source_prose) is not None:
        return
    index = _bracket_problem(pair.target_prose)
    if index is None:
        return
    link = next((b for b in broken_links(pair.target) if b.start <= index < b.end), None)
    if link is not None:
        yield Hit(f"Markdown link {pair.target[link.start:link.end]!r} is not closed: ')' is missing "
                  f"after the address", suggestion=link.repaired, span=(link.start, link.end))
        return
    yield Hit(f"bracket {pair.target[index]} has no partner", span=(index, index + 1))


# --------------------------------------------------------------------------- spaces and words

_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


@pair_rule("double-space", "punctuation", "warning")
def double_space(pair: PairView) -> Iterator[Hit]:
    """Two or more spaces between words in the target where the source has none."""
    if "  " not in pair.target or "  " in pair.source and _DOUBLE_SPACE.search(pair.source):
        return  # the substring tests spare the lookbehind scan on nearly every pair
    match = _DOUBLE_SPACE.search(pair.target)
    if match:
        yield Hit("double space", suggestion="one space", span=match.span())


@pair_rule("whitespace-edges", "punctuation", "warning")
def whitespace_edges(pair: PairView) -> Iterator[Hit]:
    """Leading or trailing whitespace of the target differs from the source's.

    Software strings and segment joins depend on it: ``"Total: "`` must keep its space.
    """
    src, tgt = pair.source, pair.target
    if (src[:1].isspace()) != (tgt[:1].isspace()):
        where = "has" if src[:1].isspace() else "has no"
        end = len(tgt) - len(tgt.lstrip())
        yield Hit(f"the source {where} leading whitespace, the target does not match", span=(0, max(end, 1)))
    if (src[-1:].isspace()) != (tgt[-1:].isspace()):
        where = "has" if src[-1:].isspace() else "has no"
        start = len(tgt.rstrip())
        yield Hit(f"the source {where} trailing whitespace, the target does not match",
                  span=(min(start, max(len(tgt) - 1, 0)), len(tgt)))


_LEGIT_REPEATS = {"en": frozenset({"had", "that"})}
"""Words a language legitimately doubles ("what he had had", "that that")."""


_DOUBLED = regex.compile(r"(?<![\p{L}\p{M}\d])([\p{L}\p{M}]+)\s+(\1)(?![\p{L}\p{M}\d])", regex.IGNORECASE)
"""A word, whitespace, the same word (any case): one pass of the regex engine, no tokenizing."""


_EDGE_PUNCTUATION = "\"'«»„“”‘’()[]{}.,;:!?…—–-"
_EDGE_RUN = re.compile("[" + re.escape(_EDGE_PUNCTUATION) + "]+")
"""Deleting these everywhere (not just at word edges) keeps equal neighbours equal, so the
pre-test stays on the safe side while running as one C-level substitution."""


def _has_adjacent_twins(text: str) -> bool:
    """Cheap pre-test in C-level string operations: two equal neighbouring words, any case.

    It may say yes too often (``word, word``), never too rarely; the regex decides.
    """
    words = _EDGE_RUN.sub("", text.lower()).split()
    return any(map(operator.eq, words, words[1:]))  # compared in C, no generator frame per word


@pair_rule("repeated-word", "punctuation", "warning")
def repeated_word(pair: PairView) -> Iterator[Hit]:
    """The same word twice in a row in the target ("в в", "the the"), unless the source doubles a word too.

    A doubled word in the source ("bye bye", "very very") is deliberate, and its translation
    may double a different word.
    """
    if not _has_adjacent_twins(pair.target) or _has_adjacent_twins(pair.source) and _DOUBLED.search(pair.source):
        return
    legit = _LEGIT_REPEATS.get(pair.tgt_lang.split("-")[0].lower(), frozenset())
    for match in _DOUBLED.finditer(pair.target):
        word = pair.tgt.fold(match.group(1))
        if word in legit or word != pair.tgt.fold(match.group(2)):
            continue
        yield Hit(f"repeated word {match.group(2)!r}", suggestion=match.group(1), span=(match.start(1), match.end(2)))
        return
