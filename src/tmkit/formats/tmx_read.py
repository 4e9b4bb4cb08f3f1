"""Streaming TMX reader: TMX 1.1 to 1.4 (and "1.4b") into :mod:`tmkit.model` values.

Memories grow to gigabytes, so :func:`iter_units` never holds more than one ``<tu>``: the
parser reports only ``tu`` end events, each unit is converted, then its element is cleared
and detached together with everything before it. The header is read by a separate short
pass (:func:`read_header`) that stops at ``<body>``, which also checks the root element.

Lossless by construction: attributes tmkit does not interpret land in ``extra`` in
document order (Clark notation for namespaced ones), dates that are not in TMX basic
format stay verbatim there too, and inline codes keep attributes and nesting.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from tmkit.errors import InputError
from tmkit.formats import model_build as build
from tmkit.formats import xmlsafe
from tmkit.formats.model_build import BlankProp, BlankSegment, BlankUnit, BlankVariant
from tmkit.formats.tmx_dates import parse_date
from tmkit.formats.tmx_inline import EMPTY_SEGMENT, coded_segment, read_segment
from tmkit.formats.xmlsafe import XML_LANG
from tmkit.model import Header, Note, Prop, Segment, TranslationUnit, Ude, UdeMap, Variant

_DETACH_EVERY = 256

LEGACY_LANG = "lang"
"""TMX 1.1 and 1.2 spell the language attribute ``lang``; 1.3 deprecated it for xml:lang."""

# Header attribute -> model field; dates are converted on the way.
_HEADER_FIELDS = {"srclang": "srclang", "creationtool": "creation_tool",
                  "creationtoolversion": "creation_tool_version", "segtype": "segtype",
                  "o-tmf": "o_tmf", "adminlang": "adminlang", "datatype": "datatype",
                  "o-encoding": "o_encoding", "creationdate": "creation_date",
                  "creationid": "creation_id", "changedate": "change_date",
                  "changeid": "change_id"}


@dataclass(frozen=True, slots=True)
class TmxDocument:
    """A whole (small) memory in memory: use :func:`iter_units` for big ones."""

    header: Header
    units: list[TranslationUnit]


def load_tmx(path: str | os.PathLike) -> TmxDocument:
    """Read a header and every unit into a list."""
    header = read_header(path)
    return TmxDocument(header, list(iter_units(path, header=header)))


def read_header(path: str | os.PathLike) -> Header:
    """The memory's header, read without touching the body.

    Raises :class:`InputError` for malformed XML or a root element other than ``<tmx>``.
    A file without ``<header>`` gets the model's defaults so callers need no special case.
    """
    name = xmlsafe.source_name(path)
    events = xmlsafe.iterparse(path, events=("start", "end"))
    try:
        version: str | None = None
        for event, element in events:
            tag = element.tag
            if version is None:
                _check_root(element, name)
                version = element.get("version", "")
            elif event == "end" and tag == "header":
                return _header(element, version)
            elif tag == "body":
                break
        return Header(version=version or "")
    finally:
        events.close()


def iter_units(path: str | os.PathLike, *, header: Header | None = None
               ) -> Iterator[TranslationUnit]:
    """Yield the memory's units one by one, in file order, with flat memory use.

    The header is read first (root check, srclang for units that declare none), so errors
    about the file itself are raised on the first ``next()``; a caller that already holds
    the file's :func:`read_header` passes it as ``header`` to skip that second read.
    """
    if header is None:
        header = read_header(path)
    default_srclang = header.srclang
    pending = 0
    for _event, tu in xmlsafe.iterparse(path, events=("end",), tag="tu"):
        unit = _unit(tu, default_srclang)
        pending += 1
        if pending == _DETACH_EVERY:
            pending = 0
            parent = tu.getparent()
            if parent is not None:
                del parent[:]
        yield unit


def _check_root(root: etree._Element, name: str) -> None:
    if root.tag != "tmx":
        tag = root.tag if isinstance(root.tag, str) else "?"
        raise InputError(f"not a TMX file: the root element is <{tag}>, expected <tmx>",
                         path=name, line=root.sourceline)


# --------------------------------------------------------------------------- units
# The functions below run for every unit of every memory, so they are written for speed
# (measured with bench/tmx_read.py): children come from one slice (``element[:]`` costs
# half of iterating), attributes from one ``items()`` pass of plain comparisons, and model
# objects are filled in as model_build blanks (see there) instead of through constructors.


def _unit(tu: etree._Element, default_srclang: str) -> TranslationUnit:
    """One ``<tu>``. Variants are read inline rather than by a helper (a Python call per
    variant measured 2 % of the whole read), and the rarely needed ``extra``, ``props`` and
    ``notes`` grow as tuples so the usual unit allocates no list for them."""
    variants: list[Variant] = []
    props: tuple[Prop, ...] = ()
    notes: tuple[Note, ...] = ()
    for child in tu[:]:
        tag = child.tag
        if tag == "tuv":
            variant = BlankVariant()
            if len(child) == 1 and (seg := child[0]).tag == "seg":  # the segment alone
                if len(seg):
                    variant.segment = coded_segment(seg.text, seg[:])
                elif text := seg.text:  # the usual shape: plain text (read_segment inlined)
                    segment = BlankSegment()
                    segment.parts = (text,)
                    segment.__class__ = Segment
                    variant.segment = segment
                else:
                    variant.segment = EMPTY_SEGMENT
                variant.props = variant.notes = ()
            else:
                variant.segment, variant.props, variant.notes = _variant_children(child[:])
            variant.forms = extra = ()
            variant.creation_date = variant.creation_id = None
            variant.change_date = variant.change_id = None
            lang = legacy = None
            for key, value in child.items():
                if key == XML_LANG:
                    lang = value
                elif key == "creationid":
                    variant.creation_id = value
                elif key == "creationdate":
                    variant.creation_date = date = parse_date(value)
                    if date is None:
                        extra += ((key, value),)  # unparsable: kept verbatim
                elif key == "changedate":
                    variant.change_date = date = parse_date(value)
                    if date is None:
                        extra += ((key, value),)
                elif key == "changeid":
                    variant.change_id = value
                elif key == LEGACY_LANG:
                    legacy = value
                else:
                    extra += ((key, value),)
            if lang is None:
                lang = legacy or ""
            elif legacy is not None:
                extra += ((LEGACY_LANG, legacy),)
            variant.lang = lang
            variant.extra = extra
            variant.__class__ = Variant
            variants.append(variant)
        elif tag == "prop":
            attrs = child.items()
            if len(attrs) == 1 and attrs[0][0] == "type":  # the usual shape
                prop = BlankProp()
                prop.type = attrs[0][1]
                prop.value = child.text or ""
                prop.lang = None
                prop.extra = ()
                prop.__class__ = Prop
                props += (prop,)
            else:
                props += (_prop(child, attrs),)
        elif tag == "note":
            notes += (_note(child),)
    unit = BlankUnit()
    unit.variants = tuple(variants)
    unit.props = props
    unit.notes = notes
    unit.tuid = unit.creation_id = unit.change_id = unit.state = None
    unit.creation_date = unit.change_date = unit.last_usage_date = unit.usage_count = None
    unit.srclang = default_srclang
    unit.matches = extra = ()
    unit.line = tu.sourceline
    for key, value in tu.items():
        if key == "tuid":
            unit.tuid = value
        elif key == "srclang":
            unit.srclang = value
        elif key == "creationdate":
            unit.creation_date = date = parse_date(value)
            if date is None:
                extra += ((key, value),)
        elif key == "creationid":
            unit.creation_id = value
        elif key == "changedate":
            unit.change_date = date = parse_date(value)
            if date is None:
                extra += ((key, value),)
        elif key == "changeid":
            unit.change_id = value
        elif key == "lastusagedate":
            unit.last_usage_date = date = parse_date(value)
            if date is None:
                extra += ((key, value),)
        elif key == "usagecount" and value.strip().isdigit():
            unit.usage_count = int(value)
        else:
            extra += ((key, value),)
    unit.extra = extra
    unit.__class__ = TranslationUnit
    return unit


def _variant_children(children: list[etree._Element]
                      ) -> tuple[Segment, tuple[Prop, ...], tuple[Note, ...]]:
    segment = EMPTY_SEGMENT
    props: list[Prop] = []
    notes: list[Note] = []
    for child in children:
        tag = child.tag
        if tag == "seg":
            segment = read_segment(child)
        elif tag == "prop":
            props.append(_prop(child))
        elif tag == "note":
            notes.append(_note(child))
    return segment, tuple(props), tuple(notes)


def _date(key: str, value: str, extra: list[tuple[str, str]]):
    """The parsed date, or None with the verbatim value kept in ``extra``."""
    parsed = parse_date(value)
    if parsed is None:
        extra.append((key, value))
    return parsed


def _lang(element: etree._Element, attrs: list[tuple[str, str]]
          ) -> tuple[str | None, list[tuple[str, str]]]:
    """The language (xml:lang, else legacy lang) and the element's remaining attributes."""
    if not attrs:
        return None, attrs
    key = XML_LANG
    lang = element.get(XML_LANG)
    if lang is None:
        key = LEGACY_LANG
        lang = element.get(LEGACY_LANG)
    if lang is not None:
        attrs = [item for item in attrs if item[0] != key]
    return lang, attrs


def _prop(element: etree._Element, attrs: list[tuple[str, str]] | None = None) -> Prop:
    """A ``<prop>``; ``attrs`` are its ``items()`` when the caller already has them."""
    if attrs is None:
        attrs = element.items()
    lang, attrs = _lang(element, attrs)
    type_ = ""
    extra = []
    for key, value in attrs:
        if key == "type" and not type_:
            type_ = value
        else:
            extra.append((key, value))
    return build.prop(type_, element.text or "", lang, tuple(extra) if extra else ())


def _note(element: etree._Element) -> Note:
    lang, attrs = _lang(element, element.items())
    return Note(element.text or "", lang, tuple(attrs))


# --------------------------------------------------------------------------- header


def _header(header: etree._Element, version: str) -> Header:
    props: list[Prop] = []
    notes: list[Note] = []
    udes: list[Ude] = []
    for child in header:
        tag = child.tag
        if tag == "prop":
            props.append(_prop(child))
        elif tag == "note":
            notes.append(_note(child))
        elif tag == "ude":
            udes.append(_ude(child))
    fields: dict[str, object] = {}
    extra: list[tuple[str, str]] = []
    for key, value in header.items():
        field = _HEADER_FIELDS.get(key)
        if field is None:
            extra.append((key, value))
        elif field in ("creation_date", "change_date"):
            fields[field] = _date(key, value, extra)
        else:
            fields[field] = value
    return Header(props=tuple(props), notes=tuple(notes), udes=tuple(udes), version=version,
                  extra=tuple(extra), **fields)


def _ude(element: etree._Element) -> Ude:
    maps = tuple(UdeMap(tuple(child.items())) for child in element if child.tag == "map")
    extra = tuple((k, v) for k, v in element.items() if k not in ("name", "base"))
    return Ude(element.get("name", ""), element.get("base"), maps, extra)
