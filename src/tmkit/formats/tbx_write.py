"""Write concepts as a TBX-Basic termbase (TBX 2019, DCA style).

TBX-Basic is the dialect most CAT tools import, and DCA style (``<descrip type=...>``,
``<termNote type=...>``) needs no module namespaces, so the output opens anywhere and
validates against the TBX-Basic RELAX NG schema. What goes where:

- concept: ``descrip subjectField``, ``note`` for each concept note, and a ``descrip
  definition`` carrying ``xml:lang`` for a definition whose language has no terms;
- ``langSec`` per language (terms grouped by language, in order of first appearance) with
  the definitions in that language;
- ``termSec`` per term: ``administrativeStatus`` (always, with the TBX-Basic picklist
  values), ``partOfSpeech``, ``termType``, ``descrip context``, ``descrip definition``
  (term-level; TBX-Basic's Schematron prefers definitions higher up, the grammar allows
  it), ``note`` per note, and tmkit's match options as ``x-tmkit-...`` notes
  (see :mod:`tmkit.formats.term_conventions`).

The file is streamed with ``lxml.etree.xmlfile`` and replaces the target atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from lxml import etree

from tmkit.errors import UsageError
from tmkit.formats.atomic import atomic_path
from tmkit.formats.term_conventions import option_notes
from tmkit.formats.xmlsafe import XML_LANG
from tmkit.model import Concept, Term, lang_key

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
"""The namespace of ISO 30042:2019 that the TBX-Basic schemas and LTAC samples use."""


_NCNAME = re.compile(r"[^\W\d][\w.\-]*")
_NOT_NAME_CHAR = re.compile(r"[^\w.\-]")


def write_tbx(path: str | os.PathLike[str], concepts: Iterable[Concept], *,
              source_lang: str | None = None, title: str | None = None,
              source_desc: tuple[str, ...] = ()) -> int:
    """Write ``concepts`` to ``path`` as TBX-Basic and return how many were written.

    ``source_lang`` becomes the file's ``xml:lang`` (default: the first term's language);
    ``title`` and ``source_desc`` (paragraphs) fill the header, which otherwise says only
    that tmkit wrote the file.
    Concept ids that are not valid XML IDs (``1``, ``tax rate``) or repeat an earlier id
    are adjusted (``c1``, ``tax_rate``, ``x-2``) because TBX requires unique XML IDs.
    Raises :class:`UsageError` for a concept without terms or text XML cannot carry;
    the target file is then left as it was.
    """
    concepts = list(concepts)
    lang = source_lang or next((t.lang for c in concepts for t in c.terms), "en")
    ids = _IdMaker()
    with atomic_path(path) as temporary, etree.xmlfile(str(temporary), encoding="UTF-8") as xf:
        xf.write_declaration()
        # Children are built without a namespace and serialized inside the root, so they
        # inherit its default namespace instead of repeating the declaration on every entry.
        root_attrs = {"type": "TBX-Basic", "style": "dca", "xml:lang": lang}
        with xf.element(f"{{{TBX_NAMESPACE}}}tbx", root_attrs, nsmap={None: TBX_NAMESPACE}):
            xf.write("\n")
            xf.write(_header(title, source_desc), pretty_print=True)
            with xf.element("text"):
                xf.write("\n")
                with xf.element("body"):
                    xf.write("\n")
                    for concept in concepts:
                        xf.write(_entry(concept, ids.make(concept.id)), pretty_print=True)
                xf.write("\n")
            xf.write("\n")
    return len(concepts)


class _IdMaker:
    """Turns concept ids into unique XML IDs, keeping valid ones unchanged."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, wanted: str) -> str:
        base = wanted if _NCNAME.fullmatch(wanted) else _NOT_NAME_CHAR.sub("_", wanted)
        if not _NCNAME.fullmatch(base):
            base = "c" + base
        candidate, number = base, 1
        while candidate in self.used:
            number += 1
            candidate = f"{base}-{number}"
        self.used.add(candidate)
        return candidate


def _header(title: str | None, source_desc: tuple[str, ...]) -> etree._Element:
    header = etree.Element("tbxHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    if title:
        etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title").text = title
    description = etree.SubElement(file_desc, "sourceDesc")
    for text in source_desc or ("Written by tmkit",):
        etree.SubElement(description, "p").text = text
    return header


def _entry(concept: Concept, entry_id: str) -> etree._Element:
    if not concept.terms:
        raise UsageError(f"concept '{concept.id}' has no terms; a TBX entry needs at least one")
    try:
        return _build_entry(concept, entry_id)
    except ValueError as exc:  # lxml refuses control characters and other non-XML text
        raise UsageError(f"concept '{concept.id}' cannot be written as XML: {exc}") from None


def _build_entry(concept: Concept, entry_id: str) -> etree._Element:
    entry = etree.Element("conceptEntry", id=entry_id)
    groups = _by_language(concept.terms)
    if concept.subject_field:
        _child(entry, "descrip", concept.subject_field, type="subjectField")
    for def_lang, text in concept.definitions:
        if lang_key(def_lang) not in groups:
            definition = _child(entry, "descrip", text, type="definition")
            if def_lang:
                definition.set(XML_LANG, def_lang)
    for note in concept.notes:
        _child(entry, "note", note)
    for key, terms in groups.items():
        section = etree.SubElement(entry, "langSec", {XML_LANG: terms[0].lang})
        for def_lang, text in concept.definitions:
            if lang_key(def_lang) == key:
                _child(section, "descrip", text, type="definition")
        for term in terms:
            _term_section(section, term)
    return entry


def _by_language(terms: Iterable[Term]) -> dict[str, list[Term]]:
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(lang_key(term.lang), []).append(term)
    return groups


def _term_section(section: etree._Element, term: Term) -> None:
    term_sec = etree.SubElement(section, "termSec")
    _child(term_sec, "term", term.text)
    _child(term_sec, "termNote", f"{term.status.value}Term-admn-sts", type="administrativeStatus")
    if term.part_of_speech:
        _child(term_sec, "termNote", term.part_of_speech, type="partOfSpeech")
    if term.term_type:
        _child(term_sec, "termNote", term.term_type, type="termType")
    if term.context:
        _child(term_sec, "descrip", term.context, type="context")
    if term.definition:
        _child(term_sec, "descrip", term.definition, type="definition")
    for note in (*term.notes, *option_notes(term)):
        _child(term_sec, "note", note)


def _child(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attrs)
    element.text = text
    return element
