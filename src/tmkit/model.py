"""Plain immutable data shared by every layer of tmkit.

Nothing here imports from tmkit and nothing here does I/O: readers build these values,
writers serialize them, and the engines above (glossary, qa, align, tm) only read them.
Values are frozen so a unit read from one file can be handed to several consumers without
one of them corrupting another's view (the Translate Toolkit lesson in DESIGN.md).

Attributes a format defines but tmkit does not interpret are kept verbatim in ``extra``
(attribute name in lxml's Clark notation, value) so that reading then writing loses nothing.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime

Attrs = tuple[tuple[str, str], ...]
"""Attributes in document order as (name, value) pairs; names in Clark notation."""


@functools.lru_cache(maxsize=1024)
def lang_key(code: str | None) -> str:
    """The comparison key of a language code: EN-US, en-US and en_us all become ``en-us``.

    The original spelling stays in the data; only comparisons go through this key. Cached:
    a check run compares the same few codes hundreds of thousands of times.
    """
    return (code or "").strip().replace("_", "-").lower()


@functools.lru_cache(maxsize=1024)
def base_lang(code: str | None) -> str:
    """The primary subtag of a language code as a comparison key: ``ru-RU``, ``RU_ru`` -> ``ru``."""
    return lang_key(code).split("-", 1)[0]


def lang_matches(code: str | None, wanted: str | None) -> bool:
    """True when ``code`` is ``wanted`` or a regional variant of it (``en-US`` for ``en``)."""
    have, want = lang_key(code), lang_key(wanted)
    if not have or not want:
        return False
    return have == want or have.startswith(want + "-") or want.startswith(have + "-")


# --------------------------------------------------------------------------- inline codes

WRAPPING_KINDS = frozenset({"hi", "g", "pc", "mrk", "sm-content"})
"""Inline elements whose content is translatable text of the segment itself."""

PAIRED_OPEN_KINDS = frozenset({"bpt", "bx", "sc"})
PAIRED_CLOSE_KINDS = frozenset({"ept", "ex", "ec"})


@dataclass(frozen=True, slots=True)
class InlineCode:
    """One inline element of a segment, kept with its native attributes and content.

    ``kind`` is the element name in its format (TMX bpt/ept/it/ph/hi/ut/sub, XLIFF
    g/x/bx/ex/pc/sc/ec/ph/mrk). ``content`` holds what the element contains: for native
    codes (bpt, ph, ...) the original markup they stand for, possibly with ``sub``
    children; for wrapping elements (hi, g, pc, mrk) translatable text with more codes.
    """

    kind: str
    attrs: Attrs = ()
    content: tuple[str | InlineCode, ...] = ()

    def attr(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return default

    @property
    def wraps_text(self) -> bool:
        """True when the content is part of the segment's translatable text."""
        return self.kind in WRAPPING_KINDS

    @property
    def code_id(self) -> str | None:
        """The pairing or identity attribute: ``i`` in TMX, ``id`` in XLIFF."""
        return self.attr("i") or self.attr("id") or self.attr("x") or self.attr("rid")

    @property
    def native_text(self) -> str:
        """The element's content flattened to text (markup it stands for, sub text included)."""
        return "".join(p if isinstance(p, str) else p.native_text for p in self.content)

    def text(self) -> str:
        """Translatable text inside a wrapping element; empty for native codes."""
        if not self.wraps_text:
            return ""
        return _plain(self.content)


def _plain(parts: tuple[str | InlineCode, ...]) -> str:
    return "".join(p if isinstance(p, str) else p.text() for p in parts)


Part = str | InlineCode


@dataclass(frozen=True, slots=True)
class Segment:
    """Text plus typed inline codes, in document order.

    ``parts`` alternates freely between strings and :class:`InlineCode`; adjacent strings
    are merged by :meth:`of` so equal segments compare equal.
    """

    parts: tuple[Part, ...] = ()

    @classmethod
    def of(cls, *parts: Part) -> Segment:
        """Build a segment, merging adjacent strings and dropping empty ones."""
        merged: list[Part] = []
        for part in parts:
            if isinstance(part, str):
                if not part:
                    continue
                if merged and isinstance(merged[-1], str):
                    merged[-1] = merged[-1] + part
                    continue
            merged.append(part)
        return cls(tuple(merged))

    @classmethod
    def from_text(cls, text: str) -> Segment:
        return cls.of(text)

    @property
    def text(self) -> str:
        """The translatable text without any codes (wrapped text kept)."""
        return _plain(self.parts)

    @property
    def codes(self) -> tuple[InlineCode, ...]:
        """Every inline code in document order, including those nested in wrapping codes."""
        return tuple(_walk_codes(self.parts))

    @property
    def has_codes(self) -> bool:
        return any(isinstance(p, InlineCode) for p in self.parts)

    def slice(self, start: int, end: int) -> Segment:
        """The part of the segment covering ``text[start:end]``, with the codes inside it.

        Offsets are into :attr:`text`. A closing code at a boundary stays with the text
        before it and any other code with the text after it, so splitting a paragraph into
        sentences keeps each ``**bold**`` pair whole. Wrapping codes (hi, g, pc) are atomic:
        they go where their text starts.
        """
        kept: list[Part] = []
        pos = 0
        for part in self.parts:
            if isinstance(part, str):
                lo, hi = max(start, pos), min(end, pos + len(part))
                if lo < hi:
                    kept.append(part[lo - pos:hi - pos])
                pos += len(part)
                continue
            width = len(part.text())
            closing = part.kind in PAIRED_CLOSE_KINDS
            inside = start < pos <= end if closing else start <= pos < end
            if inside or (pos == end == start):
                kept.append(part)
            pos += width
        return Segment.of(*kept)

    def placeholder_text(self) -> str:
        """Text with each code shown as a short placeholder such as ``{1}`` or ``{/1}``.

        This is the plain view matching and checks use: placeholders keep positions and
        order of codes visible without exposing their native content.
        """
        out: list[str] = []
        for number, part in _numbered(self.parts):
            if isinstance(part, str):
                out.append(part)
            elif part.wraps_text:
                out.append("{%s}%s{/%s}" % (number, _placeholder_inner(part), number))
            elif part.kind in PAIRED_CLOSE_KINDS:
                out.append("{/%s}" % number)
            else:
                out.append("{%s}" % number)
        return "".join(out)

    def __str__(self) -> str:
        return self.text


def _placeholder_inner(code: InlineCode) -> str:
    return Segment(code.content).placeholder_text()


def _numbered(parts: tuple[Part, ...]) -> Iterator[tuple[str, Part]]:
    counter = 0
    for part in parts:
        if isinstance(part, str):
            yield "", part
            continue
        counter += 1
        yield part.code_id or str(counter), part


def _walk_codes(parts: tuple[Part, ...]) -> Iterator[InlineCode]:
    for part in parts:
        if isinstance(part, InlineCode):
            yield part
            if part.wraps_text:
                yield from _walk_codes(part.content)


# --------------------------------------------------------------------------- TMX-style units


@dataclass(frozen=True, slots=True)
class Prop:
    """A typed property (TMX ``prop``): tool- or user-defined metadata."""

    type: str
    value: str
    lang: str | None = None
    extra: Attrs = ()


@dataclass(frozen=True, slots=True)
class Note:
    """A free-text comment attached to a header, unit or variant."""

    text: str
    lang: str | None = None
    extra: Attrs = ()


@dataclass(frozen=True, slots=True)
class Variant:
    """One language version of a unit (TMX ``tuv``)."""

    lang: str
    segment: Segment
    props: tuple[Prop, ...] = ()
    notes: tuple[Note, ...] = ()
    creation_date: datetime | None = None
    creation_id: str | None = None
    change_date: datetime | None = None
    change_id: str | None = None
    forms: tuple[Segment, ...] = ()
    extra: Attrs = ()

    @property
    def text(self) -> str:
        return self.segment.text

    @property
    def all_forms(self) -> tuple[Segment, ...]:
        """Every plural form: ``segment`` is form 0, ``forms`` hold forms 1..n (PO plurals)."""
        return (self.segment, *self.forms)

    def with_segment(self, segment: Segment) -> Variant:
        """A copy whose content is exactly ``segment``: no old text or codes survive."""
        return replace(self, segment=segment)


@dataclass(frozen=True, slots=True)
class Match:
    """A translation suggestion carried by a bilingual file (XLIFF alt-trans, mtc:match)."""

    source: Segment
    target: Segment
    score: float | None = None
    origin: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    extra: Attrs = ()


class State(enum.StrEnum):
    """Workflow state of a bilingual unit, the common ground of XLIFF 1.2/2.0 and PO."""

    NEW = "new"
    NEEDS_TRANSLATION = "needs-translation"
    NEEDS_REVIEW = "needs-review"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    FINAL = "final"

    @property
    def approved(self) -> bool:
        return self in (State.TRANSLATED, State.REVIEWED, State.FINAL)


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """Aligned content in one or more languages plus its metadata.

    ``srclang`` is the unit's own source language when it declares one (``*all*`` allowed);
    readers resolve a missing value from the header so consumers need not. Bilingual formats
    (XLIFF, PO) also fill ``state``, ``matches`` and ``line`` (where the unit starts in its
    file, for findings); TMX leaves them empty.
    """

    variants: tuple[Variant, ...]
    tuid: str | None = None
    srclang: str | None = None
    props: tuple[Prop, ...] = ()
    notes: tuple[Note, ...] = ()
    creation_date: datetime | None = None
    creation_id: str | None = None
    change_date: datetime | None = None
    change_id: str | None = None
    usage_count: int | None = None
    last_usage_date: datetime | None = None
    state: State | None = None
    matches: tuple[Match, ...] = ()
    line: int | None = field(default=None, compare=False)
    extra: Attrs = ()

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(v.lang for v in self.variants)

    def variant(self, lang: str) -> Variant | None:
        """The first variant in ``lang`` (exact key first, then base-language match)."""
        key = lang_key(lang)
        for v in self.variants:
            if lang_key(v.lang) == key:
                return v
        for v in self.variants:
            if lang_matches(v.lang, lang):
                return v
        return None

    def source_variant(self) -> Variant | None:
        """The variant in ``srclang``, or the first one when the source is ``*all*``/unknown."""
        if self.srclang and self.srclang != "*all*":
            found = self.variant(self.srclang)
            if found is not None:
                return found
        return self.variants[0] if self.variants else None

    def prop(self, type_: str) -> str | None:
        for p in self.props:
            if p.type == type_:
                return p.value
        return None

    def with_variant(self, variant: Variant) -> TranslationUnit:
        """Replace the variant of the same language (or append it): the old one is gone whole."""
        key = lang_key(variant.lang)
        kept = [v for v in self.variants if lang_key(v.lang) != key]
        index = next((i for i, v in enumerate(self.variants) if lang_key(v.lang) == key), len(kept))
        kept.insert(index, variant)
        return replace(self, variants=tuple(kept))


@dataclass(frozen=True, slots=True)
class UdeMap:
    """One ``map`` of a user-defined encoding: unicode, code, ent and subst as declared."""

    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Ude:
    """A user-defined encoding (TMX ``ude``) with its character maps."""

    name: str
    base: str | None = None
    maps: tuple[UdeMap, ...] = ()
    extra: Attrs = ()


@dataclass(frozen=True, slots=True)
class Header:
    """File-level metadata of a memory (TMX ``header``)."""

    srclang: str = "*all*"
    creation_tool: str = "tmkit"
    creation_tool_version: str = ""
    segtype: str = "sentence"
    o_tmf: str = "tmkit"
    adminlang: str = "en"
    datatype: str = "plaintext"
    o_encoding: str | None = None
    creation_date: datetime | None = None
    creation_id: str | None = None
    change_date: datetime | None = None
    change_id: str | None = None
    props: tuple[Prop, ...] = ()
    notes: tuple[Note, ...] = ()
    udes: tuple[Ude, ...] = ()
    version: str = "1.4"
    extra: Attrs = ()


# --------------------------------------------------------------------------- terminology


class TermStatus(enum.StrEnum):
    """TBX administrative status, reduced to the four values the standard keeps."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def allowed(self) -> bool:
        """Preferred and admitted terms may be used; the other two must be replaced."""
        return self in (TermStatus.PREFERRED, TermStatus.ADMITTED)

    @classmethod
    def parse(cls, value: str | None) -> TermStatus:
        """Read a TBX or CSV status, mapping legacy values (obsolete, forbidden...) onto four."""
        raw = _status_key(value)
        return _STATUS_ALIASES.get(raw, cls.ADMITTED if raw else cls.PREFERRED)

    @classmethod
    def lookup(cls, value: str | None) -> TermStatus | None:
        """The status ``value`` names, or None when it is empty or not a known spelling.

        Strict readers (CSV glossaries typed by people) use this to reject typos that
        :meth:`parse` would quietly read as admitted.
        """
        return _STATUS_ALIASES.get(_status_key(value))


def _status_key(value: str | None) -> str:
    raw = (value or "").strip().lower()
    for suffix in ("-admn-sts", "termadmn-sts", "term", "-sts"):
        if raw.endswith(suffix) and raw != suffix:
            raw = raw[: -len(suffix)].rstrip("-")
    return raw


_STATUS_ALIASES = {
    "preferred": TermStatus.PREFERRED,
    "preferredterm": TermStatus.PREFERRED,
    "preferred-admn-sts": TermStatus.PREFERRED,
    "admitted": TermStatus.ADMITTED,
    "admittedterm": TermStatus.ADMITTED,
    "permitted": TermStatus.ADMITTED,
    "standardized": TermStatus.PREFERRED,
    "deprecated": TermStatus.DEPRECATED,
    "deprecatedterm": TermStatus.DEPRECATED,
    "notrecommended": TermStatus.DEPRECATED,
    "not-recommended": TermStatus.DEPRECATED,
    "obsolete": TermStatus.DEPRECATED,
    "forbidden": TermStatus.DEPRECATED,
    "legal": TermStatus.ADMITTED,
    "superseded": TermStatus.SUPERSEDED,
    "supersededterm": TermStatus.SUPERSEDED,
}


@dataclass(frozen=True, slots=True)
class Term:
    """One designation of a concept in one language.

    ``inflects`` says whether running text may show it in other grammatical forms (most
    words) or only verbatim (codes, some names). ``case_sensitive`` None means "decide
    from the term" (acronyms are case-sensitive, words are not). ``softening`` enables the
    Azerbaijani final k->y / q->ğ alternation for this term (many loans keep their q).
    """

    text: str
    lang: str
    status: TermStatus = TermStatus.PREFERRED
    part_of_speech: str | None = None
    notes: tuple[str, ...] = ()
    context: str | None = None
    definition: str | None = None
    term_type: str | None = None
    inflects: bool = True
    case_sensitive: bool | None = None
    softening: bool = False
    extra: Attrs = ()

    @property
    def typed_as_acronym(self) -> bool:
        """The term's ``termType`` says acronym, abbreviation or short form."""
        return (self.term_type or "").strip().lower() in ACRONYM_TERM_TYPES

    @property
    def is_acronym(self) -> bool:
        """Typed as an acronym, or written in capitals (two or more letters, no lowercase)."""
        if self.typed_as_acronym:
            return True
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters)


ACRONYM_TERM_TYPES = frozenset({"acronym", "abbreviation", "initialism", "shortform", "short-form"})


@dataclass(frozen=True, slots=True)
class Concept:
    """A unit of meaning with its designations in every language of the glossary."""

    id: str
    terms: tuple[Term, ...] = ()
    definitions: tuple[tuple[str, str], ...] = ()
    subject_field: str | None = None
    notes: tuple[str, ...] = ()
    extra: Attrs = ()

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if lang_matches(t.lang, lang))

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in ``lang``, else the first admitted one."""
        terms = self.terms_in(lang)
        for status in (TermStatus.PREFERRED, TermStatus.ADMITTED):
            for term in terms:
                if term.status is status:
                    return term
        return None

    def rendering(self, source: Term, lang: str) -> Term | None:
        """The ``lang`` term to offer for ``source``: the preferred one, except that an acronym
        is rendered by an allowed acronym of ``lang`` when there is one (ОДКБ -> CSTO, not
        Collective Security Treaty Organization)."""
        if source.is_acronym:
            acronyms = [t for t in self.terms_in(lang) if t.status.allowed and t.is_acronym]
            if acronyms:
                return min(acronyms, key=lambda t: t.status is not TermStatus.PREFERRED)
        return self.preferred(lang)

    def definition(self, lang: str | None = None) -> str | None:
        for def_lang, text in self.definitions:
            if lang is None or lang_matches(def_lang, lang):
                return text
        return self.definitions[0][1] if self.definitions else None

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for term in self.terms:
            seen.setdefault(lang_key(term.lang), term.lang)
        return tuple(seen.values())


# --------------------------------------------------------------------------- QA findings


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a check found in a segment pair, with enough context to fix it."""

    rule: str
    category: str
    severity: Severity
    message: str
    file: str | None = None
    unit: str | None = None
    line: int | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    source: str = ""
    target: str = ""
    suggestion: str | None = None
    span: tuple[int, int] | None = None
