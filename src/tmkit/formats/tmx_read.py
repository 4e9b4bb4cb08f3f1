"""Streaming TMX reader: TMX 1.1 to 1.4 (and "1.4b") into :mod:`tmkit.model` values.

Memories grow to gigabytes, so :func:`iter_units` never holds more than a few units. UTF-8
files go to the text scanner (:mod:`tmx_scan`); everything else, and whatever the scanner
steps aside from, is read here from lxml elements: the parser reports only ``tu`` end
events, each unit is converted, then its element is detached together with everything
before it. The header is read by a separate short pass (:func:`read_header`) that stops at
``<body>``, which also checks the root element.

Lossless by construction: attributes tmkit does not interpret land in ``extra`` in
document order (Clark notation for namespaced ones), dates that are not in TMX basic
format stay verbatim there too, and inline codes keep attributes and nesting.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from tmkit.errors import InputError
from tmkit.formats import xmlsafe
from tmkit.formats.model_build import BlankSegment, BlankVariant
from tmkit.formats.tmx_fields import header_fields, note_of, prop_of, unit_of, variant_fields
from tmkit.formats.tmx_inline import EMPTY_SEGMENT, coded_segment, read_segment
from tmkit.formats.tmx_scan import Unsupported, scan_units
from tmkit.model import Header, Note, Prop, Segment, TranslationUnit, Ude, UdeMap, Variant

_DETACH_EVERY = 256


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


def iter_units(path: str | os.PathLike, *, header: Header | None = None, scan: bool = True
               ) -> Iterator[TranslationUnit]:
    """Yield the memory's units one by one, in file order, with flat memory use.

    The header is read first (root check, srclang for units that declare none), so errors
    about the file itself are raised on the first ``next()``; a caller that already holds
    the file's :func:`read_header` passes it as ``header`` to skip that second read.

    UTF-8 memories are read by the text scanner (:mod:`tmx_scan`, 1.3 to 1.7 times as fast);
    where it steps aside, and for every unit when ``scan`` is false, units are built from
    lxml elements. Both give the same units (only line numbers from 65,535 on differ, where
    libxml2's count is off by one and the scanner's is exact).
    """
    if header is None:
        header = read_header(path)
    default_srclang = header.srclang
    skip = 0
    if scan and isinstance(path, (str, os.PathLike)):
        try:
            yield from scan_units(path, default_srclang)
            return
        except Unsupported as exc:  # the element reader goes on after what was produced
            skip = exc.produced
    units = _element_units(path, default_srclang)
    yield from itertools.islice(units, skip, None) if skip else units


def _element_units(path: str | os.PathLike, default_srclang: str | None
                   ) -> Iterator[TranslationUnit]:
    """Every unit, built from lxml elements: any TMX the scanner leaves alone."""
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
    variant measured 2 % of the whole read), and the rarely needed ``props`` and ``notes``
    grow as tuples so the usual unit allocates no list for them."""
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
            variant.forms = ()
            (variant.lang, variant.creation_date, variant.creation_id, variant.change_date,
             variant.change_id, variant.extra) = variant_fields(child.items())
            variant.__class__ = Variant
            variants.append(variant)
        elif tag == "prop":
            props += (prop_of(child.items(), child.text),)
        elif tag == "note":
            notes += (note_of(child.items(), child.text),)
    return unit_of(variants, props, notes, tu.sourceline, tu.items(), default_srclang)


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
            props.append(prop_of(child.items(), child.text))
        elif tag == "note":
            notes.append(note_of(child.items(), child.text))
    return segment, tuple(props), tuple(notes)


# --------------------------------------------------------------------------- header


def _header(header: etree._Element, version: str) -> Header:
    props: list[Prop] = []
    notes: list[Note] = []
    udes: list[Ude] = []
    for child in header:
        tag = child.tag
        if tag == "prop":
            props.append(prop_of(child.items(), child.text))
        elif tag == "note":
            notes.append(note_of(child.items(), child.text))
        elif tag == "ude":
            udes.append(_ude(child))
    fields, extra = header_fields(header.items())
    return Header(props=tuple(props), notes=tuple(notes), udes=tuple(udes), version=version,
                  extra=extra, **fields)


def _ude(element: etree._Element) -> Ude:
    maps = tuple(UdeMap(tuple(child.items())) for child in element if child.tag == "map")
    extra = tuple((k, v) for k, v in element.items() if k not in ("name", "base"))
    return Ude(element.get("name", ""), element.get("base"), maps, extra)
