"""Views of what the checks read: one :class:`PairView` per segment pair, one :class:`DocumentView` per file.

Tokens, match keys, numbers and glossary hits are computed at most once per pair, on first
use, and shared by every check (:class:`once`). A pair no check asks about
numbers never pays for number parsing; a pair every check tokenizes is tokenized once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from tmkit.model import InlineCode, Segment
from tmkit.qa import suppress
from tmkit.qa.suppress import Suppression

if TYPE_CHECKING:
    from tmkit.lang.base import Language, NumberMention, Token


T = TypeVar("T")


class once(Generic[T]):  # noqa: N801 - used like the decorator it replaces
    """``functools.cached_property`` without its per-instance lock (Python 3.11 takes one).

    Every check reads a dozen of these per pair, so the lock was a measurable share of
    ``tmkit check``. A view is only ever used by one thread, so storing the value in the
    instance ``__dict__`` on first access is enough: later reads never reach the descriptor.
    """

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@lru_cache(maxsize=64)
def language(code: str) -> Language:
    """The language module for ``code`` (cached: checks ask for it on every pair)."""
    from tmkit.lang import get_language

    return get_language(code)


@dataclass
class CheckContext:
    """Resources shared by every pair of a run: glossary, memory and name lexicon.

    ``glossary`` is a :class:`tmkit.glossary.Glossary` (anything with ``find_terms``);
    ``memory`` maps a normalized source text to the target texts the memory holds for it,
    per target language: ``{tgt_lang: {source_key: {target_key: target as written}}}``.
    """

    glossary: Any = None
    memory: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    memory_name: str | None = None
    _shared: dict[tuple[str, str, str], Any] = field(default_factory=dict, repr=False)

    SHARED_LIMIT = 50_000
    """Entries kept before the shared cache starts over (memory stays bounded on big lint runs)."""

    def shared(self, kind: str, lang: str, text: str, compute: Callable[[], Any]) -> Any:
        """An analysis of ``text`` shared across documents of the run.

        A multilingual TMX becomes one document per target language, and every one of them
        has the same source: its numbers and glossary hits are computed once, not per language.
        """
        key = (kind, lang, text)
        value = self._shared.get(key)
        if value is None:
            if len(self._shared) >= self.SHARED_LIMIT:
                self._shared.clear()
            value = self._shared[key] = compute()
        return value


class PairView:
    """One source/target pair with lazily computed, cached analyses."""

    def __init__(self, source: Segment | str, target: Segment | str, src_lang: str, tgt_lang: str, *,
                 unit: str | None = None, line: int | None = None, file: str | None = None,
                 notes: Sequence[str] = (), context: CheckContext | None = None,
                 index: int = 0, msg_context: str | None = None, source_forms: Sequence[str] = (),
                 alignment: str | None = None) -> None:
        self.source_segment = source if isinstance(source, Segment) else Segment.from_text(source)
        self.target_segment = target if isinstance(target, Segment) else Segment.from_text(target)
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.unit = unit
        self.line = line
        self.file = file
        self.notes = tuple(notes)
        self.context = context or CheckContext()
        self.index = index
        self.msg_context = msg_context
        """A disambiguating context (PO ``msgctxt``): equal sources in different contexts may differ."""
        self.source_forms = tuple(source_forms)
        """Further plural forms of the source (PO ``msgid_plural``)."""
        self.alignment = alignment
        """``omitted`` or ``added`` for sentences an article alignment left unpaired, else None."""

    # ------------------------------------------------------------------ text
    @once
    def source(self) -> str:
        """Source text without inline codes (text wrapped by codes is kept)."""
        return self.source_segment.text

    @once
    def target(self) -> str:
        return self.target_segment.text

    @once
    def source_prose(self) -> str:
        """The source with HTML/XML tags blanked out (same length, so offsets still hold)."""
        return mask_tags(self.source)

    @once
    def target_prose(self) -> str:
        return mask_tags(self.target)

    # ------------------------------------------------------------------ languages
    @once
    def src(self) -> Language:
        return language(self.src_lang)

    @once
    def tgt(self) -> Language:
        return language(self.tgt_lang)

    # ------------------------------------------------------------------ analyses
    @once
    def src_tokens(self) -> list[Token]:
        return self.src.tokenize(self.source)

    @once
    def tgt_tokens(self) -> list[Token]:
        return self.tgt.tokenize(self.target)

    @once
    def src_numbers(self) -> list[NumberMention]:
        return self.context.shared("numbers", self.src_lang, self.source, lambda: self.src.numbers(self.source))

    @once
    def tgt_numbers(self) -> list[NumberMention]:
        return self.tgt.numbers(self.target)

    @once
    def src_sentences(self) -> list[tuple[int, int]]:
        return self.src.sentences(self.source)

    @once
    def tgt_sentences(self) -> list[tuple[int, int]]:
        return self.tgt.sentences(self.target)

    @once
    def src_terms(self) -> list[Any]:
        """Glossary hits (``TermHit``) in the source; empty without a glossary."""
        glossary = self.context.glossary
        if not glossary or not self.source:
            return []
        return self.context.shared("terms", self.src_lang, self.source,
                                   lambda: list(glossary.find_terms(self.source, self.src_lang)))

    @once
    def tgt_terms(self) -> list[Any]:
        glossary = self.context.glossary
        return list(glossary.find_terms(self.target, self.tgt_lang)) if glossary and self.target else []

    @once
    def src_codes(self) -> tuple[InlineCode, ...]:
        """Inline codes of the source in document order (most segments have none)."""
        return self.source_segment.codes if self.source_segment.has_codes else ()

    @once
    def tgt_codes(self) -> tuple[InlineCode, ...]:
        return self.target_segment.codes if self.target_segment.has_codes else ()

    @once
    def suppressions(self) -> list[Suppression]:
        """``tmkit: ignore`` markers in the unit's notes and comments."""
        return suppress.parse(self.notes) if self.notes else []

    @property
    def where(self) -> str:
        """How a message names this pair: its unit id, else its line, else its position."""
        if self.unit:
            return f"unit {self.unit}"
        if self.line:
            return f"line {self.line}"
        return f"pair {self.index + 1}"

    @once
    def is_copy(self) -> bool:
        """True when the target repeats the source (whitespace aside)."""
        source, target = self.source, self.target
        if source == target:
            return True
        if source.split(None, 1)[:1] != target.split(None, 1)[:1]:
            return False  # different first words: most pairs are decided without a full split
        return source.split() == target.split()

    @once
    def has_variants(self) -> bool:
        """True when either side packs plural or select variants with ``|`` (Symfony, Drupal).

        Languages need different numbers of plural forms, so length and sentence counts of
        such strings say nothing about completeness.
        """
        return "|" in self.source or "|" in self.target

    @once
    def src_key(self) -> str:
        """The source folded and with whitespace collapsed: equal sources share it."""
        return normalize(self.source, self.src)

    @once
    def tgt_key(self) -> str:
        return normalize(self.target, self.tgt)

    def __repr__(self) -> str:
        return f"PairView({self.source!r} -> {self.target!r}, {self.src_lang}->{self.tgt_lang})"


_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def mask_tags(text: str) -> str:
    """``text`` with every HTML/XML tag replaced by spaces: quotes in attributes are not prose."""
    if "<" not in text:
        return text
    return _TAG.sub(lambda m: " " * len(m.group()), text)


def normalize(text: str, lang: Language) -> str:
    """Case-folded text with runs of whitespace collapsed, for equality across units."""
    return " ".join(lang.fold(text).split())


@dataclass
class DocumentView:
    """Every pair of one input document in one language direction (document-level checks)."""

    file: str | None
    src_lang: str
    tgt_lang: str
    pairs: list[PairView]
    context: CheckContext = field(default_factory=CheckContext)
