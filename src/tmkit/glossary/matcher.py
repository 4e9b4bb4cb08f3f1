"""Term spotting in running text: every inflected or cased form of every glossary term.

One :class:`TermMatcher` is compiled per language. Each word of each term becomes a small
*word pattern* that says how a text token may realise it:

``KEYS``
    ordinary words: the token and the term word share a lemma or stem key
    (``Language.keys``), so «Организации» realises «Организация» and "başçısının"
    realises "başçısı".
``FOLDED``
    function words inside terms (о, of, və) and terms marked "exact" (``Term.inflects``
    False): the case-folded token must equal the case-folded term word.
``EXACT``
    case-sensitive words that do not inflect: the token must be identical.
``ACRONYM``
    all-capital words or ``termType`` acronym: the token's base (``KTMT`` in ``KTMT-nin``)
    must equal the acronym *in its case*, so lowercase "nato" in a sentence is not NATO.

Inside an all-caps line (a headline) case says nothing, so every comparison is folded there.

Cost grows with the text, not the glossary: term entries are indexed by the keys of their
first word, and what each whitespace-separated chunk of text can start is computed once and
cached. Chunks that start no term join a set, so a text of known words is dismissed by one
C-level set test, a known chunk costs one set lookup, and only a chunk that starts a term
gets a few checks (see :meth:`TermMatcher.find`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from tmkit.lang.base import Language, Token
from tmkit.model import Concept, Term, TermStatus, lang_key

KEYS, FOLDED, EXACT, ACRONYM = range(4)

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(["a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"]),
    "ru": frozenset(["а", "без", "в", "во", "для", "до", "за", "и", "из", "или", "к", "ко", "на", "над", "о", "об", "от", "по", "под", "при", "про", "с", "со", "у"]),
    "az": frozenset(["və", "ilə", "üzrə", "üçün", "da", "də", "ya", "yaxud"]),
}
"""Short grammatical words matched by folded equality: their lemmas would match too much."""

DERIVATIONAL_SUFFIXES: dict[str, tuple[str, ...]] = {
    "az": ("lı", "li", "lu", "lü", "sız", "siz", "suz", "süz", "çı", "çi", "çu", "çü",
           "laş", "ləş", "ca", "cə"),
}
"""Suffixes that make a *new word* from a stem (Bakı -> bakılı, baş -> başçı).

A stem-stripping language module may return the bare stem among the keys of such a word;
the matcher refuses a token that is the term word plus one of these, because a derived
adjective or agent noun is not the term (see README.md, "Derived words").
"""

_STATUS_RANK = {TermStatus.PREFERRED: 0, TermStatus.ADMITTED: 1, TermStatus.DEPRECATED: 2,
                TermStatus.SUPERSEDED: 3}

_CACHE_LIMIT = 400_000
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class TermHit:
    """One occurrence of a glossary term: ``text[start:end]`` is what the text says."""

    concept: Concept
    term: Term
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class WordPattern:
    """How one word of a term may be realised by one text token."""

    mode: int
    keys: frozenset[str]
    folded: str
    exact: str
    first: str | None = None
    """For case-sensitive inflecting words: the first character the token must start with."""
    forbidden: tuple[str, ...] = ()
    """Folded prefixes that mark a derived word rather than a form of this word."""
    forms: frozenset[str] = frozenset()
    """Folded forms that realise the word although their keys miss it (a guessed Russian
    noun's case that the dictionary lists as another word: ``Красноводском``)."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """A cached whitespace-free piece of text: its tokens, their facts, and ``reach``.

    ``reach`` is the most words of a term one of its tokens can start (0: nothing starts here).
    """

    tokens: tuple[Token, ...]
    facts: tuple[tuple, ...]
    reach: int
    starts: tuple[tuple[int, tuple[TermEntry, ...], dict[str, list[TermEntry]], tuple[TermEntry, ...]], ...] = ()
    """Per token that can start a term: (token index, one-word entries it surely matches,
    longer entries it surely starts keyed by what their second word answers to, entries
    whose first-word match depends on the line's case)."""


@dataclass(frozen=True, slots=True)
class TermEntry:
    """A compiled term: its word patterns and the gap each pair of words requires."""

    concept: Concept
    term: Term
    words: tuple[WordPattern, ...]
    spaced: tuple[bool, ...]
    """For each gap between words: True when the term has whitespace there, False when none."""
    second: frozenset[str] = frozenset()
    """Index keys the token after the first must answer to (a cheap pre-check)."""

    @property
    def rank(self) -> int:
        return _STATUS_RANK.get(self.term.status, 4)


class TermMatcher:
    """All terms of one language, compiled for fast spotting in running text."""

    def __init__(self, language: Language, concepts: Iterable[Concept], lang: str) -> None:
        self.language = language
        self.lang = lang_key(lang)
        base = self.lang.split("-")[0]
        self._function_words = FUNCTION_WORDS.get(base, frozenset())
        self._derivational = DERIVATIONAL_SUFFIXES.get(base, ())
        self._softens = base == "az"
        self._index: dict[str, list[TermEntry]] = {}
        self._tokens: dict[str, tuple] = {}
        self._chunks: dict[str, Chunk] = {}
        # Chunks known to start no term: most of any text, skipped with one set lookup.
        self._inert: set[str] = set()
        self.entries: list[TermEntry] = []
        for concept in concepts:
            for term in concept.terms_in(lang):
                entry = self._compile(concept, term)
                if entry is not None:
                    self.entries.append(entry)
                    for key in self.index_keys(entry.words[0]):
                        self._index.setdefault(key, []).append(entry)
        # True when every word of every term has a letter (no "Formula 1", no "G 7").
        self._lettered_terms_only = all(_LETTER.search(word.folded) for entry in self.entries
                                        for word in entry.words)

    # ------------------------------------------------------------------ compiling

    def _compile(self, concept: Concept, term: Term) -> TermEntry | None:
        tokens = [t for t in self.language.tokenize(term.text) if t.text.strip()]
        if not tokens:
            return None
        acronym_type = term.typed_as_acronym
        words = tuple(self._pattern(tok, term, acronym_type, len(tokens) > 1 and tok is tokens[-1])
                      for tok in tokens)
        spaced = tuple(bool(term.text[a.end:b.start]) for a, b in zip(tokens, tokens[1:], strict=False))
        second = frozenset(self.index_keys(words[1])) if len(words) > 1 else frozenset()
        return TermEntry(concept, term, words, spaced, second)

    def _pattern(self, token: Token, term: Term, acronym_type: bool, phrase_end: bool = False) -> WordPattern:
        lang = self.language
        text = token.text
        folded = lang.fold(text)
        looks_acronym = token.kind == "acronym" or (len(text) > 1 and lang.is_all_caps(text))
        if looks_acronym and term.case_sensitive is not False:
            return WordPattern(ACRONYM, frozenset(), lang.fold(token.base), token.base)
        if acronym_type and term.case_sensitive is not False and token.kind in ("word", "acronym"):
            return WordPattern(EXACT, frozenset(), folded, text)
        if folded in self._function_words or token.kind in ("punct", "symbol", "number"):
            return WordPattern(FOLDED, frozenset(), folded, text)
        if not term.inflects or looks_acronym:
            if term.case_sensitive:
                return WordPattern(EXACT, frozenset(), folded, text)
            return WordPattern(FOLDED, frozenset(), folded, text)
        # a language that analyses text well enough keys a term's word as the dictionary
        # form it is (Azerbaijani: bərə must not reach bəri through a false stem bər)
        term_keys = getattr(lang, "term_keys", None)

        def keys_of(word: str) -> set[str]:
            return set(term_keys(word, phrase_end) if term_keys is not None else lang.keys(word))

        keys = keys_of(folded)
        stems = {folded}
        if term.softening and self._softens and folded[-1:] in ("k", "q"):
            softened = folded[:-1] + ("y" if folded[-1] == "k" else "ğ")
            keys |= keys_of(softened)
            stems.add(softened)
        forbidden = self._derived_prefixes(stems | {k for k in keys if folded.startswith(k)}, folded)
        first = text[:1] if term.case_sensitive else None
        unlisted = getattr(lang, "unlisted_forms", None)
        forms = unlisted(folded) if unlisted is not None else frozenset()
        return WordPattern(KEYS, frozenset(keys), folded, text, first, forbidden, forms)

    def _derived_prefixes(self, stems: set[str], folded: str) -> tuple[str, ...]:
        """Stem + derivational suffix, unless the term word itself is built that way."""
        prefixes = {stem + suffix for stem in stems for suffix in self._derivational}
        return tuple(sorted(p for p in prefixes if not folded.startswith(p)))

    @staticmethod
    def index_keys(word: WordPattern) -> Iterable[str]:
        if word.mode == KEYS:
            return ["k:" + key for key in word.keys] + ["f:" + form for form in word.forms]
        return ["f:" + word.folded]

    # ------------------------------------------------------------------ token facts

    def lookup_keys(self, token: Token) -> tuple[frozenset[str], str, str, list[str]]:
        """(keys, folded text, folded base, index keys) of a text token.

        Index keys are ``k:`` plus a lemma/stem key and ``f:`` plus a folded form (the
        whole token, its base before an attached suffix, and the capital head of МИДа).
        """
        lang = self.language
        folded = lang.fold(token.text)
        base = lang.fold(token.base)
        if token.kind not in ("word", "acronym"):
            keys = frozenset({folded})
        elif folded in self._function_words:
            keys = frozenset()  # "və" is never a form of a content word such as "vəm"
        else:
            keys = lang.keys(folded)
        lookups = ["k:" + key for key in keys]
        lookups += ["f:" + folded, "f:" + base]
        head = _capital_head(token.text)
        if head:
            lookups.append("f:" + lang.fold(head))
        return keys, folded, base, lookups

    def is_function_word(self, folded: str) -> bool:
        return folded in self._function_words

    def _facts(self, token: Token) -> tuple[frozenset[str], str, str, tuple[TermEntry, ...], frozenset[str]]:
        """(keys, folded text, folded base, entries it may start, index keys), cached per string."""
        cached = self._tokens.get(token.text)
        if cached is not None:
            return cached
        keys, folded, base, lookups = self.lookup_keys(token)
        seen: dict[int, TermEntry] = {}
        index = self._index
        for key in lookups:
            for entry in index.get(key, ()):
                seen.setdefault(id(entry), entry)
        facts = (keys, folded, base, tuple(seen.values()), frozenset(lookups))
        if len(self._tokens) >= _CACHE_LIMIT:
            self._tokens.clear()
        self._tokens[token.text] = facts
        return facts

    def _chunk(self, chunk: str) -> Chunk:
        """Tokens of a whitespace-free chunk with their facts, and how far a term may reach.

        Tokens never cross whitespace, so tokenizing a chunk alone gives exactly the
        tokens it has in context; caching by chunk string means a warm matcher tokenizes
        nothing at all.
        """
        if self._lettered_terms_only and not _LETTER.search(chunk):
            # Figures, dates and dashes ("123,456", "12,5", "—") are most of the chunks a
            # news text never repeats; when every term word has a letter they cannot match
            # one, so they stay one opaque token and skip tokenizing and the keys lookup.
            return self._remember(chunk, Chunk((Token(chunk, 0, len(chunk), "number"),),
                                               ((frozenset(), chunk, chunk, (), frozenset()),), 0))
        tokens = tuple(self.language.tokenize(chunk))
        facts = tuple(self._facts(token) for token in tokens)
        addresses = _addresses(chunk)
        starts = []
        reach = 0
        for index, (token, fact) in enumerate(zip(tokens, facts, strict=True)):
            if addresses and any(start <= token.start < end for start, end in addresses):
                continue  # "newsroom" in https://example.org/newsroom is no term
            sure = [e for e in fact[3] if _context_free(e.words[0])
                    and self._word_ok(e.words[0], token, fact, 0, _NEVER_CAPS)]
            maybe = tuple(e for e in fact[3] if not _context_free(e.words[0]))
            singles = tuple(e for e in sure if len(e.words) == 1)
            by_second: dict[str, list[TermEntry]] = {}
            for entry in sure:
                for key in entry.second:
                    by_second.setdefault(key, []).append(entry)
            if singles or by_second or maybe:
                starts.append((index, singles, by_second, maybe))
                reach = max(reach, *(len(e.words) for e in sure + list(maybe)))
        return self._remember(chunk, Chunk(tokens, facts, reach, tuple(starts)))

    def _remember(self, chunk: str, info: Chunk) -> Chunk:
        """Cache a chunk; one that starts no term also joins the inert set :meth:`find` skips."""
        if len(self._chunks) >= _CACHE_LIMIT:
            self._chunks.clear()
            self._inert.clear()
        self._chunks[chunk] = info
        if not info.reach:
            self._inert.add(chunk)
        return info

    def _word_ok(self, word: WordPattern, token: Token, facts: tuple, position: int, caps: _Caps) -> bool:
        mode = word.mode
        if mode == KEYS:
            if word.keys.isdisjoint(facts[0]) and facts[1] not in word.forms:
                return False
            if word.forbidden and facts[1].startswith(word.forbidden):
                return False
            if word.first is not None and not caps.at(position):
                return token.text[:1] == word.first
            return True
        if mode == FOLDED:
            return facts[1] == word.folded
        if mode == EXACT:
            if token.text == word.exact:
                return True
            return caps.at(position) and facts[1] == word.folded
        # ACRONYM
        if token.base == word.exact or token.text == word.exact:
            return True
        if caps.at(position):
            return facts[2] == word.folded or facts[1] == word.folded
        return _capital_head(token.text) == word.exact

    # ------------------------------------------------------------------ matching

    def find(self, text: str, fold_case: bool = False) -> list[TermHit]:
        """Every term occurrence in ``text``, longest first on overlaps, sorted by start.

        ``fold_case`` compares everything case-insensitively, as in a headline; lookups
        typed by an editor use it so that "nato" finds NATO.

        The scan walks whitespace-separated chunks (``str.split``, in C) and looks each
        one up in the chunk cache; only chunks holding a token that can start a term are
        located in the text and examined with the tokens of the chunks that follow.
        """
        chunks = text.split()
        inert = self._inert
        if inert.issuperset(chunks):
            return []  # a text of known words none of which starts a term: decided in C
        cache = self._chunks
        caps = _Caps(text, self.language, fold_case)
        candidates: list[tuple[int, int, TermEntry]] = []
        position = 0
        for index, chunk in enumerate(chunks):
            if chunk in inert:
                continue
            info = cache.get(chunk)
            if info is None:
                info = self._chunk(chunk)
            if not info.reach:
                continue
            position = _locate(text, chunk, position)
            view = None
            for first, singles, by_second, maybe in info.starts:
                token = info.tokens[first]
                start = position + token.start
                for entry in singles:
                    candidates.append((start, position + token.end, entry))
                if not by_second and not maybe:
                    continue
                following = self._next_keys(info, first, chunks, index)
                tries = {id(e): e for key in following for e in by_second.get(key, ())}
                for entry in maybe:
                    if self._word_ok(entry.words[0], token, info.facts[first], start, caps):
                        if len(entry.words) == 1:
                            candidates.append((start, position + token.end, entry))
                        elif not entry.second.isdisjoint(following):
                            tries[id(entry)] = entry
                if tries and view is None:
                    view = self._view(text, chunks, index, position, info)
                for entry in tries.values():
                    last = self._match_rest(entry, view, first, text, caps)
                    if last >= 0:
                        candidates.append((start, view[last][1], entry))
            position += len(chunk)
        return _resolve(candidates, text, self.language)

    def _next_keys(self, info: Chunk, first: int, chunks: list[str], index: int) -> frozenset[str] | tuple:
        """Index keys of the token after token ``first`` of chunk ``index`` (empty at the end).

        Most chunks that can start a term do not: the next token answers to none of the
        second words. Looking only at that token spares building the positioned view of
        the following chunks, which only a real candidate needs.
        """
        if first + 1 < len(info.tokens):
            return info.facts[first + 1][4]
        if info.reach < 2 or index + 1 >= len(chunks):
            return ()
        following = chunks[index + 1]
        more = self._chunks.get(following)
        if more is None:
            more = self._chunk(following)
        return more.facts[0][4] if more.facts else ()

    def _view(self, text: str, chunks: list[str], index: int, position: int, info: Chunk) -> list[tuple]:
        """(start, end, token, facts) for chunk ``index`` and as many following chunks as a term can span."""
        view = [(position + t.start, position + t.end, t, f) for t, f in zip(info.tokens, info.facts, strict=True)]
        end = position + len(chunks[index])
        cache = self._chunks
        for following in chunks[index + 1:index + info.reach]:
            start = text.find(following, end)
            more = cache.get(following)
            if more is None:
                more = self._chunk(following)
            view.extend((start + t.start, start + t.end, t, f)
                        for t, f in zip(more.tokens, more.facts, strict=True))
            end = start + len(following)
        return view

    def _match_rest(self, entry: TermEntry, view: list[tuple], i: int, text: str, caps: _Caps) -> int:
        """Index in ``view`` of the last token when ``entry``'s other words follow token ``i``; else -1."""
        words = entry.words
        if len(words) == 1:
            return i
        if i + len(words) > len(view):
            return -1
        previous_end = view[i][1]
        for offset in range(1, len(words)):
            start, end, token, facts = view[i + offset]
            gap = text[previous_end:start]
            if entry.spaced[offset - 1]:
                if not gap or gap.count("\n") > 1:
                    return -1
            elif gap:
                return -1
            if not self._word_ok(words[offset], token, facts, start, caps):
                return -1
            previous_end = end
        return i + len(words) - 1


def _context_free(word: WordPattern) -> bool:
    """True when matching ``word`` never depends on whether the line is in capitals."""
    return word.mode == FOLDED or (word.mode == KEYS and word.first is None)


_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
"""URLs and e-mail addresses: their words are names of places on the web, not running text."""


def _addresses(chunk: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses in a whitespace-free chunk (usually none: cheap tests first)."""
    if "://" not in chunk and "www." not in chunk and "@" not in chunk:
        return []
    return [match.span() for match in _ADDRESS.finditer(chunk)]


def _locate(text: str, chunk: str, position: int) -> int:
    """Offset of the next whole whitespace-delimited ``chunk`` at or after ``position``.

    Chunks skipped since ``position`` were not triggers, so an identical chunk cannot be
    among them; an occurrence inside a longer chunk is recognised by its neighbours.
    """
    size = len(chunk)
    limit = len(text)
    while True:
        found = text.find(chunk, position)
        before_ok = found == 0 or text[found - 1].isspace()
        after = found + size
        if before_ok and (after == limit or text[after].isspace()):
            return found
        position = found + 1


class _Caps:
    """Whether the line holding a position is written in capitals; computed lazily per line."""

    __slots__ = ("_text", "_language", "_always", "_breaks", "_lines")

    def __init__(self, text: str, language: Language, always: bool) -> None:
        self._text = text
        self._language = language
        self._always = always
        self._breaks: list[int] | None = None
        self._lines: dict[int, bool] = {}

    def at(self, position: int) -> bool:
        if self._always:
            return True
        if self._breaks is None:
            text = self._text
            breaks = []
            found = text.find("\n")
            while found >= 0:
                breaks.append(found)
                found = text.find("\n", found + 1)
            self._breaks = breaks
        line = bisect.bisect_left(self._breaks, position)
        known = self._lines.get(line)
        if known is None:
            start = self._breaks[line - 1] + 1 if line else 0
            end = self._breaks[line] if line < len(self._breaks) else len(self._text)
            known = self._language.is_all_caps(self._text[start:end])
            self._lines[line] = known
        return known


class _NeverCaps:
    """Stand-in for :class:`_Caps` where no line is in capitals (context-free checks)."""

    @staticmethod
    def at(position: int) -> bool:
        return False


_NEVER_CAPS = _NeverCaps()


def _capital_head(word: str) -> str:
    """``МИД`` of ``МИДа``: a capital run of 2+ letters followed by at most 3 lowercase letters.

    Russian writes case endings straight onto some acronyms (МИДа, ВУЗе); the lowercase
    tail is what separates an inflected acronym from a capitalised ordinary word.
    """
    run = 0
    for char in word:
        if char.isupper():
            run += 1
        else:
            break
    if run < 2 or run == len(word):
        return ""
    tail = word[run:]
    if len(tail) > 3 or not tail.isalpha() or not tail.islower():
        return ""
    return word[:run]


def _resolve(candidates: list[tuple[int, int, TermEntry]], text: str, language: Language) -> list[TermHit]:
    """Keep the longest hits; a shorter hit overlapping a kept one is dropped.

    Candidates are cut into clusters of overlapping spans; a lone candidate (the usual
    case) is a hit at once, and only real clusters go through the longest-first choice.
    """
    candidates.sort(key=itemgetter(0))
    hits: list[TermHit] = []
    count = len(candidates)
    i = 0
    while i < count:
        start, end, entry = candidates[i]
        j = i + 1
        while j < count and candidates[j][0] < end:
            end = max(end, candidates[j][1])
            j += 1
        if j == i + 1:
            hits.append(TermHit(entry.concept, entry.term, start, end, text[start:end]))
        else:
            _settle(candidates[i:j], text, language, hits)
        i = j
    return hits


def _settle(cluster: list[tuple[int, int, TermEntry]], text: str, language: Language,
            hits: list[TermHit]) -> None:
    """Longest-first choice inside one cluster of overlapping candidates.

    Two concepts matching the very same span are both kept (the ambiguity is real); one
    concept matching a span through two of its terms keeps the term written most like
    the text, else the one with the better status.
    """
    cluster.sort(key=lambda item: (item[0] - item[1], item[0], item[2].rank))
    kept: dict[tuple[int, int], dict[str, TermEntry]] = {}
    for start, end, entry in cluster:
        same = kept.get((start, end))
        if same is None:
            if any(start < kept_end and kept_start < end for kept_start, kept_end in kept):
                continue
            kept[(start, end)] = {entry.concept.id: entry}
            continue
        previous = same.get(entry.concept.id)
        if previous is None or _better(entry, previous, text[start:end], language):
            same[entry.concept.id] = entry
    hits.extend(TermHit(entry.concept, entry.term, start, end, text[start:end])
                for start, end in sorted(kept) for entry in kept[(start, end)].values())


def _better(entry: TermEntry, previous: TermEntry, matched: str, language: Language) -> bool:
    """True when ``entry`` is written more like the text than ``previous`` (exact, then folded)."""
    return _likeness(entry, matched, language) > _likeness(previous, matched, language)


def _likeness(entry: TermEntry, matched: str, language: Language) -> int:
    if entry.term.text == matched:
        return 2
    return 1 if language.fold(entry.term.text) == language.fold(matched) else 0
