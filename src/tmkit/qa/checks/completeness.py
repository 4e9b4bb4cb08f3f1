"""Completeness: is there a translation at all, and is it in the target language?"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from tmkit.lang.scripts import may_hold
from tmkit.model import base_lang
from tmkit.qa.registry import Hit, pair_rule
from tmkit.qa.view import PairView

_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_NOT_PROSE = regex.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w.-]+|#\w+|\b\p{Lu}{2,}\b|%\(\w+\)\w"
                           r"|\{[^{}]*\}|</?[A-Za-z][^<>]*>")
"""URLs, e-mail addresses, hashtags, acronyms, placeholders and tags: same in every language."""
_LATIN = regex.compile(r"\p{Latin}")
_ICU_HEAD = regex.compile(r"\{\s*\w+\s*,\s*(?:plural|select|selectordinal)\s*,(?:\s*offset:\d+)?")
_ICU_SELECTOR = regex.compile(r"(?:=\d+|[\w-]+)\s*\{")


def _icu_as_prose(text: str) -> str:
    """An ICU message's branch texts without its syntax (``{n, plural, one {тема} few {темы}}``
    -> ``тема темы``): the keywords are Latin in every language, the branches are the prose."""
    if "{" not in text or not _ICU_HEAD.search(text):
        return text
    text = _ICU_SELECTOR.sub(" ", _ICU_HEAD.sub(" ", text))
    return text.replace("{", " ").replace("}", " ")

# Function words that are frequent in running news text and unmistakable for the language.
# They only tell the Latin-script languages apart (en vs az); Cyrillic vs Latin is decided
# by script. A language absent from this table simply gets the script test alone.
_FUNCTION_WORDS = {
    "en": frozenset(["the", "and", "of", "to", "is", "was", "were", "has", "have", "with", "from", "that", "which", "for", "by", "are", "will"]),
    "az": frozenset(["və", "ilə", "üçün", "bu", "olan", "olub", "edib", "isə", "artıq", "həmçinin", "bildirib", "görə", "kimi",
                     "ki", "qədər", "deyib", "lakin", "amma", "çünki", "sonra", "daha", "hələ", "olacaq", "edəcək"]),
}


@pair_rule("target-empty", "completeness", "error")
def target_empty(pair: PairView) -> Iterator[Hit]:
    """The target is empty although the source has text.

    An untranslated unit in a file handed in as finished is the most basic omission. Units
    whose source is empty too are not reported, nor sentences an article alignment found
    missing (``sentence-omitted`` speaks for those).
    """
    if pair.alignment is None and pair.source.strip() and not pair.target.strip() and not pair.target_segment.has_codes:
        yield Hit("the target is empty", suggestion="translate the source text")


@pair_rule("sentence-omitted", "completeness", "error")
def sentence_omitted(pair: PairView) -> Iterator[Hit]:
    """A sentence of the source article has no counterpart in the translation.

    Found by aligning the two articles (``tmkit check --source A.en.md --target A.ru.md``,
    or ``tmkit lint`` on article pairs); the finding sits at the line of the translation
    where the missing sentence belongs and names the source line.
    """
    if pair.alignment == "omitted":
        where = f" ({pair.unit})" if pair.unit else ""
        yield Hit(f"this source sentence{where} is missing from the translation",
                  suggestion="translate the sentence, or suppress with a reason if the cut is intended")


@pair_rule("sentence-added", "completeness", "warning")
def sentence_added(pair: PairView) -> Iterator[Hit]:
    """A sentence of the translation has no counterpart in the source article.

    Editors sometimes add context for another audience, which is fine but should be a
    decision: the finding asks for a look, it does not call the addition wrong.
    """
    if pair.alignment == "added":
        yield Hit("this sentence of the translation has no counterpart in the source",
                  span=(0, len(pair.target)))


@pair_rule("target-same-as-source", "completeness", "warning")
def target_same_as_source(pair: PairView) -> Iterator[Hit]:
    """The target is a copy of the source text.

    Names, acronyms, numbers, codes and one-word brand names legitimately stay as they are,
    so only a source with at least two words (placeholders, tags and URLs not counted), not
    all of them capitalized, is reported.
    """
    if not pair.is_copy:
        return
    words = _LETTERS.findall(_NOT_PROSE.sub(" ", pair.source))
    if len(words) < 2 or all(w[:1].isupper() for w in words):
        return
    yield Hit("the target is identical to the source: not translated?", span=(0, len(pair.target)))


@pair_rule("target-wrong-language", "completeness", "error")
def target_wrong_language(pair: PairView) -> Iterator[Hit]:
    """The target is still written in the source language.

    Between scripts (ru and en/az) the target is reported when it has at least three ordinary
    lower-case words in the source's script and its own script's words are at most a third
    of that (names, acronyms, identifiers, URLs and placeholders are not counted); between two Latin-script languages the target must not read as the
    source language by its function words while showing none of its own. A target of
    several sentences is also judged sentence by sentence, so one sentence left untranslated
    among translated ones is reported with its span.
    """
    if pair.is_copy:
        return  # target-same-as-source already speaks about a copy
    src_script, tgt_script = _script(pair.src_lang), _script(pair.tgt_lang)
    if src_script and tgt_script and src_script != tgt_script:
        if not may_hold(src_script, pair.target) or len(_LOWER_WORD_START[src_script].findall(pair.target)) < 2:
            return  # not even two lower-case words in the source's script: nothing to judge

        def reads_as_source(text: str, least: int = 3) -> bool:
            return _in_source_script(_icu_as_prose(text), src_script, least)
        whole = f"the target is written in {src_script} script like the source, not in {tgt_script}"
    else:
        src_words = _FUNCTION_WORDS.get(_base(pair.src_lang))
        tgt_words = _FUNCTION_WORDS.get(_base(pair.tgt_lang))
        if not src_words or not tgt_words:
            return
        folded = _LETTERS.findall(pair.tgt.fold(_NOT_PROSE.sub(" ", _icu_as_prose(pair.target))))
        if sum(1 for w in folded if w in src_words) < 2:
            return  # not even two of the source language's function words: nothing to judge

        def reads_as_source(text: str, least: int = 3) -> bool:  # ``least`` counts scripts only
            return _in_source_words(pair.tgt.fold(_NOT_PROSE.sub(" ", _icu_as_prose(text))), src_words, tgt_words)
        whole = f"the target reads as {pair.src_lang}, not {pair.tgt_lang}"
    if reads_as_source(pair.target):
        yield Hit(whole)
        return
    spans = pair.tgt_sentences
    if len(spans) < 2:
        return
    for start, end in spans:
        # a sentence with no word of the target's own is judged on two source words already
        if reads_as_source(pair.target[start:end], least=2):
            yield Hit(f"a sentence of the target is still in {pair.src_lang}: {pair.target[start:end].strip()!r}",
                      span=(start, end))


def _in_source_script(text: str, src_script: str, least: int = 3) -> bool:
    """At least ``least`` ordinary lower-case words in the source's script, and the target's
    own script at most a third of them (none at all when fewer than three are asked for):
    a Russian sentence with one English word left in it is still untranslated."""
    if not may_hold(src_script, text) or len(_LOWER_WORD_START[src_script].findall(text)) < least:
        return False
    in_source, in_target = _script_words(text, src_script)
    if len(in_source) < least:
        return False
    return not in_target if least < 3 else 3 * len(in_target) <= len(in_source)


def _in_source_words(folded_text: str, src_words: frozenset[str], tgt_words: frozenset[str]) -> bool:
    """Two or more of the source language's function words and none of the target's."""
    folded = _LETTERS.findall(folded_text)
    if len(folded) < 4:
        return False
    return sum(1 for w in folded if w in src_words) >= 2 and not any(w in tgt_words for w in folded)


_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_LOWER_WORD_START = {"latin": regex.compile(r"(?<![\p{L}\p{M}])(?=\p{Latin})\p{Ll}"),
                     "cyrillic": regex.compile(r"(?<![\p{L}\p{M}])(?=\p{Cyrillic})\p{Ll}")}
_WORDISH = regex.compile(r"[\p{L}\p{M}\d]+(?:[-_./@][\p{L}\p{M}\d]+)*")


def _script_words(text: str, source_script: str) -> tuple[list[str], list[str]]:
    """Ordinary words of ``text`` in the source's script (lower-case initial) and in the other script.

    Capitalized words are names and brands that every language keeps; tokens joined with
    ``-_./@`` or holding digits are identifiers.
    """
    source_pattern = _CYRILLIC if source_script == "cyrillic" else _LATIN
    other_pattern = _LATIN if source_script == "cyrillic" else _CYRILLIC
    in_source: list[str] = []
    in_target: list[str] = []
    for match in _WORDISH.finditer(_NOT_PROSE.sub(" ", text)):
        word = match.group()
        if any(c.isdigit() for c in word) or any(c in "-_./@" for c in word):
            continue
        if other_pattern.search(word):
            in_target.append(word)
        elif source_pattern.search(word) and word[:1].islower():
            in_source.append(word)
    return in_source, in_target


LENGTH_FACTORS = {"en": 1.0, "ru": 1.1, "az": 1.1}
"""Typical length of a text in each language relative to English (characters; the sample
corpus measures 1.09 for ru and 1.11 for az); other languages count as 1."""


def _length_factor(code: str) -> float:
    return LENGTH_FACTORS.get(base_lang(code), 1.0)


def _base(code: str) -> str:
    return base_lang(code)


@functools.lru_cache(maxsize=64)
def _script(code: str) -> str | None:
    """``cyrillic`` or ``latin`` from the language module's ``script`` (ISO 15924 or a name)."""
    from tmkit.qa.view import language

    value = str(getattr(language(code), "script", "") or "").lower()
    if value.startswith("cyr"):
        return "cyrillic"
    if value.startswith("lat"):
        return "latin"
    return None


@pair_rule("sentence-dropped", "completeness", "warning")
def sentence_dropped(pair: PairView) -> Iterator[Hit]:
    """The target has fewer sentences than the source and is much shorter: a sentence was dropped.

    Merging two sentences into one is normal in translation and keeps the length, so a
    missing sentence is reported only when the target is also under 80 % of the length a
    translation of the whole source would have (Russian and Azerbaijani run about a tenth
    longer than English: :data:`LENGTH_FACTORS`).
    """
    if pair.has_variants or len(pair.src_sentences) < 2 or len(pair.tgt_sentences) >= len(pair.src_sentences):
        return
    expected = len(pair.source.strip()) * _length_factor(pair.tgt_lang) / _length_factor(pair.src_lang)
    if len(pair.target.strip()) < 0.8 * expected:
        yield Hit(f"the source has {len(pair.src_sentences)} sentences, the target only "
                  f"{len(pair.tgt_sentences)} and is much shorter: a sentence is missing?")
