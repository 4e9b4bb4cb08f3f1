"""Read TBX termbases into :class:`~tmkit.model.Concept` values.

One reader covers what vendors and tools actually ship:

- TBX 2008 (root ``martif``): ``termEntry`` / ``langSet`` / ``tig`` or ``ntig`` + ``termGrp``;
- TBX 2019 (root ``tbx``): ``conceptEntry`` / ``langSec`` / ``termSec``;
- DCA style (``<descrip type="definition">``, ``<termNote type="partOfSpeech">``) and DCT
  style (module elements such as ``<basic:definition>``, ``<min:partOfSpeech>``), with the
  ISO 30042 namespaces ``urn:iso:std:iso:30042:ed-2`` / ``ed:3.0`` or no namespace.

Both styles reduce to one *data category name* (the ``type`` attribute in DCA, the element
name in DCT), and one table maps category names to model fields, so supporting another
spelling is one table entry rather than another branch.

Entries are read with ``iterparse`` and cleared once converted, so memory stays flat on
multi-megabyte single-line exports. Texts are whitespace-normalized (runs of spaces, tabs
and line breaks become one space) because TBX producers wrap long definitions freely.

Terms without an administrative status get one from
:func:`tmkit.formats.term_conventions.resolve_statuses`.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field

from lxml import etree

from tmkit.errors import InputError
from tmkit.formats import xmlsafe
from tmkit.formats.term_conventions import (
    FIELD_OF_OPTION,
    PREFIX,
    option_value,
    parse_option_note,
    resolve_statuses,
)
from tmkit.formats.xmlsafe import XML_LANG
from tmkit.model import Concept, Term, TermStatus

TBX_NAMESPACES = ("urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed:3.0")
"""ISO 30042 namespaces: the 2019 edition's, and the one later TBX v3 tooling uses."""


_CORE_NAMESPACES = frozenset({None, *TBX_NAMESPACES})
_ROOTS = {"martif": "TBX 2008", "tbx": "TBX 2019"}

# Core elements that shape the entry, by the role they play while walking it.
_ROLES = {
    "termEntry": "entry", "conceptEntry": "entry",
    "langSet": "language", "langSec": "language",
    "tig": "term-section", "ntig": "term-section", "termSec": "term-section",
    "term": "term",
    "termGrp": "transparent",  # holds the term and its termNotes inside an ntig
    "descripGrp": "annotated", "adminGrp": "annotated", "termNoteGrp": "annotated",
    "transacGrp": "ignored", "termCompList": "ignored",  # edit history; parts of a term
}
_ENTRY_TAGS = tuple(f"{{*}}{tag}" for tag, role in _ROLES.items() if role == "entry")
_TYPED = frozenset({"descrip", "termNote", "admin"})  # DCA: the category is the type attribute

_FIELDS = {
    "definition": "definition",
    "context": "context",
    "subjectField": "subject_field",
    "partOfSpeech": "part_of_speech",
    "administrativeStatus": "status",
    "usageStatus": "status",  # TBX-Min's name for the same idea
    "normativeAuthorization": "status",  # TBX 2008 legacy category
    "termType": "term_type",
    "note": "note",
}
"""Data category name -> field of the term (or of the concept, above term level)."""


def load_tbx(path: str | os.PathLike[str]) -> list[Concept]:
    """Read every concept of a TBX file, in document order.

    Raises :class:`InputError` for malformed XML (with line and column), unsafe XML, a
    root element that is not a termbase, or a language section without any language.
    """
    name = xmlsafe.source_name(path)
    root = _root_element(path)
    _check_root(root, name)
    default_lang = root.get(XML_LANG)
    concepts: list[Concept] = []
    # Only entry ends are reported: far fewer Python-level events than walking every tag.
    for _, element in xmlsafe.iterparse(path, events=("end",), tag=_ENTRY_TAGS):
        if _role(element) != "entry":
            continue
        reader = _EntryReader(name, default_lang, f"entry-{len(concepts) + 1}")
        concepts.append(reader.read(element))
        element.clear(keep_tail=False)
        while element.getprevious() is not None:
            del element.getparent()[0]
    return concepts


@dataclass(frozen=True, slots=True)
class TbxHeader:
    """What a termbase says about itself: its title and the paragraphs of its source
    description (where glossaries document their conventions). Kept so that converting a
    TBX into TBX does not replace them with tmkit's own."""

    title: str | None = None
    source_desc: tuple[str, ...] = ()


def read_tbx_header(path: str | os.PathLike[str]) -> TbxHeader:
    """The title and source description of a TBX 2019 ``tbxHeader`` or TBX 2008
    ``martifHeader``; read without touching the body."""
    title: str | None = None
    paragraphs: list[str] = []
    events = xmlsafe.iterparse(path, events=("end",))
    try:
        for _, element in events:
            local = _split(element.tag)[1] if isinstance(element.tag, str) else ""
            if local == "title" and title is None:
                title = "".join(element.itertext()).strip() or None
            elif local == "p" and _split(element.getparent().tag)[1] == "sourceDesc":
                text = "".join(element.itertext()).strip()
                if text:
                    paragraphs.append(text)
            elif local in ("tbxHeader", "martifHeader"):
                break
    finally:
        events.close()
    return TbxHeader(title, tuple(paragraphs))


def _root_element(path: str | os.PathLike[str]) -> etree._Element:
    """The root element, from the first parse event (an empty file is a syntax error)."""
    _, element = next(xmlsafe.iterparse(path, events=("start",)))
    return element


def _check_root(root: etree._Element, name: str) -> None:
    qname = etree.QName(root)
    if qname.localname in _ROOTS and qname.namespace in _CORE_NAMESPACES:
        return
    where = f" in namespace '{qname.namespace}'" if qname.namespace else ""
    expected = ", ".join(f"<{tag}> ({version})" for tag, version in _ROOTS.items())
    raise InputError(f"not a TBX termbase: the root element is <{qname.localname}>{where}; "
                     f"expected {expected}", path=name, line=root.sourceline)


@functools.lru_cache(maxsize=512)
def _split(tag: str) -> tuple[str | None, str]:
    """``(namespace, local name)`` of a Clark-notation tag, cached: tags repeat endlessly."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return None, tag


def _role(element: etree._Element) -> str | None:
    namespace, local = _split(element.tag)
    return _ROLES.get(local) if namespace in _CORE_NAMESPACES else None


def _category(element: etree._Element) -> str | None:
    """The data category an element carries: DCA type attribute or DCT element name."""
    namespace, local = _split(element.tag)
    if namespace not in _CORE_NAMESPACES:
        return local
    if local in _TYPED:
        return element.get("type")
    return "note" if local == "note" else None


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


@dataclass
class _TermDraft:
    """One term section while it is being read; several ``term`` texts may share it."""

    lang: str
    texts: list[str] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def declared_status(self) -> TermStatus | None:
        raw = self.values.get("status")
        return TermStatus.parse(str(raw)) if raw else None


class _EntryReader:
    """Turns one ``termEntry`` / ``conceptEntry`` subtree into a :class:`Concept`."""

    def __init__(self, path: str, default_lang: str | None, fallback_id: str) -> None:
        self.path = path
        self.default_lang = default_lang
        self.fallback_id = fallback_id
        self.definitions: list[tuple[str, str]] = []
        self.subject_field: str | None = None
        self.notes: list[str] = []
        self.terms: list[_TermDraft] = []

    def read(self, entry: etree._Element) -> Concept:
        self._walk(entry, entry.get(XML_LANG) or self.default_lang, None)
        return Concept(id=entry.get("id") or self.fallback_id, terms=self._terms(),
                       definitions=tuple(self.definitions), subject_field=self.subject_field,
                       notes=tuple(self.notes))

    def _walk(self, parent: etree._Element, lang: str | None, term: _TermDraft | None) -> None:
        for child in parent.iterchildren(tag=etree.Element):
            role = _role(child)
            if role == "language":
                self._walk(child, self._lang_of(child, lang), None)
            elif role == "term-section":
                draft = _TermDraft(self._lang_of(child, lang))
                self.terms.append(draft)
                self._walk(child, draft.lang, draft)
            elif role == "term":
                text = _text(child)
                if term is not None and text:
                    term.texts.append(text)
            elif role == "transparent":
                self._walk(child, lang, term)
            elif role == "annotated":
                datum = next(child.iterchildren(tag=etree.Element), None)
                if datum is not None:
                    self._take(datum, lang, term)
            elif role is None:
                self._take(child, lang, term)

    def _lang_of(self, element: etree._Element, inherited: str | None) -> str:
        lang = element.get(XML_LANG) or inherited
        if not lang:
            raise InputError(f"<{etree.QName(element).localname}> has no xml:lang and the file "
                             "declares no default language", path=self.path, line=element.sourceline)
        return lang

    def _take(self, element: etree._Element, lang: str | None, term: _TermDraft | None) -> None:
        category = _category(element) or ""
        text = _text(element)
        if not text:
            return
        if category.startswith(PREFIX):
            option = category[len(PREFIX):].lower()
            value = option_value(option, text)
            if term is not None and value is not None:
                term.values.setdefault(FIELD_OF_OPTION[option], value)
            return
        target = _FIELDS.get(category)
        if target is None:
            return
        if term is not None:
            self._put_term(term, target, text)
        else:
            self._put_concept(target, text, element.get(XML_LANG) or lang)

    def _put_term(self, term: _TermDraft, target: str, text: str) -> None:
        if target == "note":
            option = parse_option_note(text)
            if option is None:
                term.notes.append(text)
            else:
                term.values.setdefault(*option)
        elif target == "subject_field":
            self.subject_field = self.subject_field or text
        else:
            term.values.setdefault(target, text)

    def _put_concept(self, target: str, text: str, lang: str | None) -> None:
        if target == "definition":
            self.definitions.append((lang or self.default_lang or "", text))
        elif target == "subject_field":
            self.subject_field = self.subject_field or text
        elif target == "note":
            self.notes.append(text)

    def _terms(self) -> tuple[Term, ...]:
        drafts = [(draft, text) for draft in self.terms for text in draft.texts]
        statuses = resolve_statuses([(draft.lang, draft.declared_status) for draft, _ in drafts])
        return tuple(_term(draft, text, status) for (draft, text), status in zip(drafts, statuses, strict=True))


def _term(draft: _TermDraft, text: str, status: TermStatus) -> Term:
    values = draft.values
    return Term(text=text, lang=draft.lang, status=status,
                part_of_speech=_optional(values.get("part_of_speech")),
                notes=tuple(draft.notes),
                context=_optional(values.get("context")),
                definition=_optional(values.get("definition")),
                term_type=_optional(values.get("term_type")),
                inflects=bool(values.get("inflects", True)),
                case_sensitive=_flag(values.get("case_sensitive")),
                softening=bool(values.get("softening", False)))


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def _flag(value: object) -> bool | None:
    return None if value is None else bool(value)
