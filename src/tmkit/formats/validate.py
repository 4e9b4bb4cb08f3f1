"""Structural validation of translation files: every problem with its file, line and message.

Readers are forgiving so real files load; this module is strict so CI can say exactly what
is wrong with a file before a tool downstream chokes on it. It checks what the XLIFF, TMX
and TBX specifications require beyond well-formedness (paired codes, unique ids, required
attributes, consistent ``xml:space``), and for PO and CSV files whatever their readers refuse.

A problem is an *error* when the file breaks its specification and a *warning* when it is
legal but suspicious; a file is valid when it has no errors.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tmkit.errors import InputError, UsageError, format_location
from tmkit.formats import xmlsafe
from tmkit.formats.bilingual import MSGCTXT_PROP
from tmkit.formats.csv_glossary import has_concept_column, load_csv_glossary
from tmkit.formats.pairs import is_lang_code, load_pairs, read_rows
from tmkit.formats.po import load_po
from tmkit.formats.tmx_inline import TMX_INLINE_KINDS
from tmkit.formats.xliff12 import NS12
from tmkit.formats.xliff20 import NS20
from tmkit.formats.xliff_inline import local_name
from tmkit.formats.xmlsafe import XML_LANG, XML_SPACE
from tmkit.model import Severity, TermStatus

LANG_TAG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")
TMX_HEADER_REQUIRED = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
                       "srclang", "datatype")
TMX_SEGTYPES = frozenset({"block", "paragraph", "sentence", "phrase"})
TMX_NOTE_ATTRIBUTES = frozenset({XML_LANG, "o-encoding"})
XML_EXTENSIONS = {".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".xlf2": "xliff",
                  ".xliff2": "xliff", ".tbx": "tbx"}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, where it is, and how bad it is."""

    path: str
    line: int | None
    column: int | None
    message: str
    severity: Severity = Severity.ERROR

    def location(self) -> str:
        return format_location(self.path, self.line, self.column)

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity.value}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "column": self.column,
                "severity": self.severity.value, "message": self.message}


def is_valid(problems: list[Problem]) -> bool:
    return not any(p.severity is Severity.ERROR for p in problems)


def validate_file(path: str | os.PathLike) -> list[Problem]:
    """Every structural problem of one file, in file order.

    Raises :class:`InputError` when the file does not exist or cannot be read, and
    :class:`UsageError` for a format tmkit does not know; a malformed file is not an
    exception but a list of problems.
    """
    name = os.fspath(path)
    if not os.path.exists(name):
        raise InputError("file not found", path=name)
    if not os.path.isfile(name):
        raise InputError("not a regular file", path=name)
    try:
        with open(name, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=name) from None
    suffix = Path(name).suffix.lower()
    if suffix in XML_EXTENSIONS:
        problems = _validate_xml(name, XML_EXTENSIONS[suffix])
    elif suffix in (".po", ".pot"):
        problems = _validate_po(name)
    elif suffix in (".csv", ".tsv", ".txt"):
        problems = _validate_csv(name)
    else:
        raise UsageError(f"cannot validate '{suffix or Path(name).name}' files; supported: "
                     ".tmx .xlf .xliff .xlf2 .xliff2 .tbx .po .pot .csv .tsv .txt", path=name)
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _problem(name: str, element: etree._Element | None, message: str,
             severity: Severity = Severity.ERROR) -> Problem:
    return Problem(name, element.sourceline if element is not None else None, None, message,
                   severity)


def _validate_xml(name: str, kind: str) -> list[Problem]:
    try:
        tree = xmlsafe.parse(name)
    except InputError as exc:
        return [Problem(name, exc.line, exc.column, exc.message)]
    root = tree.getroot()
    root_name = local_name(root.tag)
    if root_name == "tmx":
        return list(_check_tmx(name, root))
    if root_name == "xliff":
        return list(_check_xliff(name, root))
    if root_name in ("martif", "tbx"):
        return list(_check_tbx(name, root))
    expected = {"tmx": "<tmx>", "xliff": "<xliff>", "tbx": "<tbx> or <martif>"}[kind]
    return [_problem(name, root, f"root element is <{root_name}>, expected {expected}")]


def _elements(parent: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in parent if isinstance(c.tag, str) and local_name(c.tag) == name]


# --------------------------------------------------------------------------- TMX


def _check_tmx(name: str, root: etree._Element) -> Iterator[Problem]:
    if not root.get("version"):
        yield _problem(name, root, "<tmx> has no version attribute")
    headers = _elements(root, "header")
    if not headers:
        yield _problem(name, root, "<tmx> has no <header>")
    else:
        header = headers[0]
        for attribute in TMX_HEADER_REQUIRED:
            if not header.get(attribute):
                yield _problem(name, header, f"<header> lacks required attribute '{attribute}'")
        segtype = header.get("segtype")
        if segtype and segtype not in TMX_SEGTYPES:
            yield _problem(name, header, f"<header> segtype '{segtype}' is not one of "
                                         f"{', '.join(sorted(TMX_SEGTYPES))}")
        srclang = header.get("srclang")
        if srclang and srclang != "*all*" and not LANG_TAG.match(srclang):
            yield _problem(name, header, f"header srclang '{srclang}' is not a language code")
    bodies = _elements(root, "body")
    if not bodies:
        yield _problem(name, root, "<tmx> has no <body>")
        return
    header_src = headers[0].get("srclang") if headers else None
    for tu in _elements(bodies[0], "tu"):
        yield from _check_tu(name, tu, header_src)


def _check_tu(name: str, tu: etree._Element, header_src: str | None) -> Iterator[Problem]:
    tuvs = _elements(tu, "tuv")
    label = f"<tu{' tuid=' + repr(tu.get('tuid')) if tu.get('tuid') else ''}>"
    if not tuvs:
        yield _problem(name, tu, f"{label} has no <tuv>")
        return
    yield from _check_notes(name, tu)
    languages = []
    for tuv in tuvs:
        yield from _check_notes(name, tuv)
        lang = tuv.get(XML_LANG) or tuv.get("lang")
        if not lang:
            yield _problem(name, tuv, "<tuv> has no language (xml:lang)")
        elif not LANG_TAG.match(lang):
            yield _problem(name, tuv, f"<tuv> language '{lang}' is not a valid language code")
        else:
            languages.append(lang.lower())
        segs = _elements(tuv, "seg")
        if not segs:
            yield _problem(name, tuv, "<tuv> has no <seg>")
        for seg in segs:
            yield from _check_tmx_pairs(name, seg)
    srclang = tu.get("srclang") or header_src
    base = (srclang or "").lower().split("-")[0]
    if srclang and srclang != "*all*" and languages and not any(
            lang == srclang.lower() or lang.split("-")[0] == base for lang in languages):
        yield _problem(name, tu, f"{label} has no <tuv> in its source language {srclang}",
                       Severity.WARNING)


def _check_notes(name: str, parent: etree._Element) -> Iterator[Problem]:
    """TMX 1.4's ``<note>`` carries only ``xml:lang`` and ``o-encoding`` (XLIFF's ``from``
    or ``priority`` copied over make the file invalid against the DTD)."""
    for note in _elements(parent, "note"):
        for attribute in note.attrib:
            if attribute not in TMX_NOTE_ATTRIBUTES:
                yield _problem(name, note, f"<note> has attribute '{local_name(attribute)}', which "
                                           "TMX 1.4 does not define (only xml:lang and o-encoding)")


def _check_tmx_pairs(name: str, seg: etree._Element) -> Iterator[Problem]:
    opened: dict[str, etree._Element] = {}
    closed: set[str] = set()
    for element in seg.iter():
        if element is seg or not isinstance(element.tag, str):
            continue
        kind = local_name(element.tag)
        if kind == "bpt":
            key = element.get("i")
            if key is None:
                yield _problem(name, element, "<bpt> has no 'i' attribute to pair it with an <ept>")
            elif key in opened or key in closed:
                yield _problem(name, element, f"<bpt i=\"{key}\"> repeats an i already used "
                                              "in this segment")
            else:
                opened[key] = element
        elif kind == "ept":
            key = element.get("i")
            if key is None:
                yield _problem(name, element, "<ept> has no 'i' attribute to pair it with a <bpt>")
            elif key not in opened:
                yield _problem(name, element, f"<ept i=\"{key}\"> has no <bpt i=\"{key}\"> "
                                              "before it in the segment")
            else:
                del opened[key]
                closed.add(key)
        elif kind == "it" and element.get("pos") not in ("begin", "end"):
            yield _problem(name, element, f"<it> pos must be 'begin' or 'end', not "
                                          f"'{element.get('pos')}'")
        elif kind not in TMX_INLINE_KINDS:
            yield _problem(name, element, f"<{kind}> is not a TMX inline element (TMX 1.4 has "
                                          f"{', '.join(sorted(TMX_INLINE_KINDS))})")
    for key, element in opened.items():
        yield _problem(name, element, f"<bpt i=\"{key}\"> is never closed by an <ept i=\"{key}\">")


# --------------------------------------------------------------------------- XLIFF


def _check_xliff(name: str, root: etree._Element) -> Iterator[Problem]:
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if namespace == NS20 or (root.get("version") or "").startswith("2"):
        yield from _check_xliff20(name, root)
    else:
        yield from _check_xliff12(name, root)


def _check_xliff12(name: str, root: etree._Element) -> Iterator[Problem]:
    if root.tag.startswith("{") and not root.tag.startswith("{urn:oasis:names:tc:xliff:document:1."):
        yield _problem(name, root, f"unknown XLIFF namespace {root.tag.split('}')[0][1:]}")
    if not root.get("version"):
        yield _problem(name, root, "<xliff> has no version attribute", Severity.WARNING)
    files = _elements(root, "file")
    if not files:
        yield _problem(name, root, "<xliff> has no <file>")
    for file in files:
        for attribute in ("original", "source-language", "datatype"):
            if not file.get(attribute):
                yield _problem(name, file, f"<file> lacks required attribute '{attribute}'")
        for attribute in ("source-language", "target-language"):
            value = file.get(attribute)
            if value and not LANG_TAG.match(value):
                yield _problem(name, file, f"<file> {attribute} '{value}' is not a language code")
        seen: dict[str, int] = {}
        for unit in file.iter(f"{{{NS12}}}trans-unit", "trans-unit",
                              "{urn:oasis:names:tc:xliff:document:1.1}trans-unit"):
            unit_id = unit.get("id")
            if not unit_id:
                yield _problem(name, unit, "<trans-unit> has no id")
            elif unit_id in seen:
                yield _problem(name, unit, f"<trans-unit> id '{unit_id}' repeats the id of "
                                           f"line {seen[unit_id]}")
            else:
                seen[unit_id] = unit.sourceline or 0
            if not _elements(unit, "source"):
                yield _problem(name, unit, "<trans-unit> has no <source>")


def _check_xliff20(name: str, root: etree._Element) -> Iterator[Problem]:
    if root.get("version") != "2.0":
        yield _problem(name, root, f"<xliff> version is '{root.get('version')}', expected '2.0'")
    if not root.get("srcLang"):
        yield _problem(name, root, "<xliff> lacks required attribute 'srcLang'")
    for attribute in ("srcLang", "trgLang"):
        value = root.get(attribute)
        if value and not LANG_TAG.match(value):
            yield _problem(name, root, f"<xliff> {attribute} '{value}' is not a language code")
    has_target = any(True for _ in root.iter(f"{{{NS20}}}target"))
    if has_target and not root.get("trgLang"):
        yield _problem(name, root, "<xliff> has <target> elements but no trgLang attribute")
    file_ids: dict[str, int] = {}
    for file in _elements(root, "file"):
        file_id = file.get("id")
        if not file_id:
            yield _problem(name, file, "<file> has no id")
        elif file_id in file_ids:
            yield _problem(name, file, f"duplicate <file> id '{file_id}' (first used on line "
                                       f"{file_ids[file_id]}); file ids must be unique")
        else:
            file_ids[file_id] = file.sourceline or 0
        unit_ids: dict[str, int] = {}
        for unit in file.iter(f"{{{NS20}}}unit"):
            unit_id = unit.get("id")
            if unit_id in unit_ids:
                yield _problem(name, unit, f"duplicate <unit> id '{unit_id}' in file "
                                           f"'{file_id}' (first on line {unit_ids[unit_id]})")
            elif unit_id:
                unit_ids[unit_id] = unit.sourceline or 0
            yield from _check_unit20(name, unit)


def _check_unit20(name: str, unit: etree._Element) -> Iterator[Problem]:
    segments = _elements(unit, "segment")
    if not segments:
        yield _problem(name, unit, f"<unit id=\"{unit.get('id')}\"> has no <segment>")
    for side in ("source", "target"):
        open_codes: dict[str, etree._Element] = {}
        for segment in [c for c in unit if isinstance(c.tag, str)
                        and local_name(c.tag) in ("segment", "ignorable")]:
            for text in _elements(segment, side):
                yield from _check_codes20(name, text, side, open_codes)
        for code_id, element in open_codes.items():
            yield _problem(name, element, f"<sc id=\"{code_id}\"> in the {side} is never closed by "
                                          f"an <ec startRef=\"{code_id}\"> in the unit")
    for segment in segments:
        sources = _elements(segment, "source")
        if not sources:
            yield _problem(name, segment, "<segment> has no <source>")
            continue
        for target in _elements(segment, "target"):
            source_space = _effective_space(sources[0])
            target_space = _effective_space(target)
            if source_space != target_space:
                yield _problem(name, target, f"xml:space of <target> ('{target_space}') differs "
                                             f"from its <source> ('{source_space}'); they must "
                                             "be the same")


def _check_codes20(name: str, text: etree._Element, side: str,
                   open_codes: dict[str, etree._Element]) -> Iterator[Problem]:
    for element in text.iter(f"{{{NS20}}}sc", f"{{{NS20}}}ec"):
        kind = local_name(element.tag)
        isolated = element.get("isolated") == "yes"
        if kind == "sc":
            if not element.get("id"):
                yield _problem(name, element, "<sc> has no id")
            elif not isolated:
                open_codes[element.get("id")] = element
            continue
        start = element.get("startRef")
        if isolated:
            if start:
                yield _problem(name, element, "isolated <ec> must use id, not startRef")
            continue
        if not start:
            yield _problem(name, element, "<ec> has neither startRef nor isolated=\"yes\"")
        elif start not in open_codes:
            yield _problem(name, element, f"<ec startRef=\"{start}\"> in the {side} comes before "
                                          f"its <sc id=\"{start}\"> (or has none)")
        else:
            del open_codes[start]


def _effective_space(element: etree._Element) -> str:
    node: etree._Element | None = element
    while node is not None:
        value = node.get(XML_SPACE)
        if value:
            return value
        node = node.getparent()
    return "default"


# --------------------------------------------------------------------------- TBX


_TERM_HOLDERS = frozenset({"termSec", "tig", "termGrp"})
"""Elements holding one term, which the core structure requires to come first."""
_TYPED_CATEGORIES = frozenset({"admin", "descrip", "termNote"})
"""DCA elements whose data category is their ``type``: one without it says nothing."""


def _check_tbx_structure(name: str, root: etree._Element) -> Iterator[Problem]:
    """What the TBX core structure requires of every termbase, in the order a reader meets it:
    header text inside ``<p>``, only ``<body>``/``<back>`` in ``<text>``, one ``<term>``
    first in each term section, a ``type`` on DCA data categories, one ``<descrip>`` per
    ``<descripGrp>``. A file breaking these may still load, but other tools refuse it."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = local_name(element.tag)
        parent = element.getparent()
        parent_local = local_name(parent.tag) if parent is not None and isinstance(parent.tag, str) else ""
        if parent_local in ("sourceDesc", "publicationStmt", "encodingDesc", "revisionDesc") and local != "p":
            yield _problem(name, element, f"<{local}> inside <{parent_local}>: header text goes in <p>")
        if local in ("sourceDesc", "publicationStmt", "encodingDesc", "revisionDesc") and \
                (element.text or "").strip():
            yield _problem(name, element, f"text directly in <{local}>: header text goes in <p>")
        if parent_local == "text" and local not in ("body", "back"):
            yield _problem(name, element, f"<{local}> directly in <text>: only <body> and <back> belong there")
        if local in _TERM_HOLDERS:
            children = [c for c in element if isinstance(c.tag, str)]
            terms = [c for c in children if local_name(c.tag) == "term"]
            if len(terms) > 1:
                yield _problem(name, terms[1], f"<{local}> holds {len(terms)} <term>s: one term per <{local}>")
            elif terms and local_name(children[0].tag) != "term":
                yield _problem(name, children[0], f"<{local_name(children[0].tag)}> before <term> in <{local}>: "
                                                  "the term comes first")
        if local in _TYPED_CATEGORIES and not element.get("type") and root.get("style", "dca") != "dct":
            yield _problem(name, element, f"<{local}> without a type attribute names no data category")
        if local == "descripGrp":
            descrips = [c for c in element if isinstance(c.tag, str) and local_name(c.tag) == "descrip"]
            if len(descrips) > 1:
                yield _problem(name, descrips[1], "<descripGrp> holds more than one <descrip>")


def _check_tbx(name: str, root: etree._Element) -> Iterator[Problem]:
    yield from _check_tbx_structure(name, root)
    entries = [e for e in root.iter() if isinstance(e.tag, str)
               and local_name(e.tag) in ("termEntry", "conceptEntry")]
    if not entries:
        yield _problem(name, root, "the termbase has no termEntry/conceptEntry", Severity.WARNING)
    seen_ids: set[str] = set()
    for entry in entries:
        label = f"<{local_name(entry.tag)}{' id=' + repr(entry.get('id')) if entry.get('id') else ''}>"
        if entry.get("id") in seen_ids:
            yield _problem(name, entry, f"{label} repeats a concept id: tools that key concepts by id "
                                        "(CSV glossaries, lookups) would merge the two")
        seen_ids.add(entry.get("id"))
        yield from _check_statuses(name, entry)
        sections = [s for s in entry if isinstance(s.tag, str)
                    and local_name(s.tag) in ("langSet", "langSec")]
        if not sections:
            yield _problem(name, entry, f"{label} has no language section (langSet/langSec)")
        for section in sections:
            lang = section.get(XML_LANG)
            if not lang:
                yield _problem(name, section, f"<{local_name(section.tag)}> has no xml:lang")
            elif not LANG_TAG.match(lang):
                yield _problem(name, section, f"language '{lang}' is not a valid language code")
            terms = [t for t in section.iter() if isinstance(t.tag, str)
                     and local_name(t.tag) == "term"]
            if not terms:
                yield _problem(name, section, f"<{local_name(section.tag)} xml:lang=\"{lang}\"> "
                                              "has no <term>")
            for term in terms:
                if not "".join(term.itertext()).strip():
                    yield _problem(name, term, "<term> is empty", Severity.WARNING)


def _check_statuses(name: str, entry: etree._Element) -> Iterator[Problem]:
    """Administrative statuses must be ones TBX defines: a misspelled one would be read as
    "admitted" and a deprecated term would pass as allowed."""
    for element in entry.iter():
        if not isinstance(element.tag, str):
            continue
        kind = element.get("type") or local_name(element.tag)
        if kind == "administrativeStatus":
            value = "".join(element.itertext()).strip()
            if TermStatus.lookup(value) is None:
                yield _problem(name, element, f"administrative status {value!r} is not one TBX defines "
                                              "(preferred, admitted, deprecated, superseded, or their "
                                              "-admn-sts forms)")
        elif kind.lower().startswith("administrativ") and kind != "administrativeStatus":
            yield _problem(name, element, f"data category {kind!r} looks like a misspelled 'administrativeStatus'; "
                                          "its value is ignored")


# --------------------------------------------------------------------------- PO and CSV


def _validate_po(name: str) -> list[Problem]:
    try:
        doc = load_po(name)
    except InputError as exc:
        return [Problem(name, exc.line, exc.column, exc.message)]
    problems = []
    seen: dict[tuple[str | None, str], int] = {}
    for unit in doc.units:
        key = (unit.prop(MSGCTXT_PROP), unit.variants[0].text)
        if key in seen:
            problems.append(Problem(name, unit.line, None,
                                    f"duplicate message definition (first on line {seen[key]})"))
        else:
            seen[key] = unit.line or 0
    return problems


def _validate_csv(name: str) -> list[Problem]:
    try:
        if has_concept_column(name):
            load_csv_glossary(name)
        else:
            # a source/target header names no languages, which reading needs but the
            # structure does not: stand-in codes let every row be checked
            rows = read_rows(name)
            header = [cell.strip().lower() for cell in rows[0][1]] if rows else []
            named = sum(1 for cell in header if is_lang_code(cell)) >= 2
            if named or not rows:
                load_pairs(name)
            else:
                load_pairs(name, "und", "mul")
                if not {"source", "target"} <= set(header):
                    return [Problem(name, rows[0][0], None, "no header row names the languages "
                                    "(e.g. 'en,ru'): convert, check and tm import need --src-lang and "
                                    "--tgt-lang for it", Severity.WARNING)]
    except (InputError, UsageError) as exc:
        return [Problem(name, exc.line, exc.column, exc.message)]
    return []
