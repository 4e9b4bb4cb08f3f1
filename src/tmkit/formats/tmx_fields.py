"""What TMX attributes mean, shared by the two readers (elements and text scanner).

Both readers hand over an element's attributes as ``(name, value)`` pairs in document order
(Clark notation for ``xml:`` names, values already normalized as XML prescribes), so the
rules for dates, usage counts, the legacy ``lang`` attribute and the lossless ``extra``
live here once, and the two paths cannot drift apart.
"""

from __future__ import annotations

from datetime import datetime

from tmkit.formats import model_build as build
from tmkit.formats.model_build import BlankUnit
from tmkit.formats.tmx_dates import parse_date
from tmkit.formats.xmlsafe import XML_LANG
from tmkit.model import Attrs, Note, Prop, TranslationUnit, Variant

LEGACY_LANG = "lang"
"""TMX 1.1 and 1.2 spell the language attribute ``lang``; 1.3 deprecated it for xml:lang."""

VariantFields = tuple[str, datetime | None, str | None, datetime | None, str | None, Attrs]
"""lang, creation date and id, change date and id, extra: in :class:`Variant` field terms."""

UnitFields = tuple[str | None, str | None, datetime | None, str | None, datetime | None,
                   str | None, datetime | None, int | None, Attrs]
"""tuid, srclang, creation date and id, change date and id, last usage, usage count, extra."""


_VARIANT_ATTRIBUTES = {XML_LANG: (0, "text"), "creationdate": (1, "date"), "creationid": (2, "text"),
                       "changedate": (3, "date"), "changeid": (4, "text"), LEGACY_LANG: (5, "text")}
_UNIT_ATTRIBUTES = {"tuid": (0, "text"), "srclang": (1, "text"), "creationdate": (2, "date"),
                    "creationid": (3, "text"), "changedate": (4, "date"), "changeid": (5, "text"),
                    "lastusagedate": (6, "date"), "usagecount": (7, "count")}


_HEADER_ATTRIBUTES = {"srclang": ("srclang", "text"), "creationtool": ("creation_tool", "text"),
                      "creationtoolversion": ("creation_tool_version", "text"),
                      "segtype": ("segtype", "text"), "o-tmf": ("o_tmf", "text"),
                      "adminlang": ("adminlang", "text"), "datatype": ("datatype", "text"),
                      "o-encoding": ("o_encoding", "text"), "creationdate": ("creation_date", "date"),
                      "creationid": ("creation_id", "text"), "changedate": ("change_date", "date"),
                      "changeid": ("change_id", "text")}


def _read(items: Attrs | list[tuple[str, str]], names: dict[str, tuple[int | str, str]],
          fields: list | dict[str, object]) -> Attrs:
    """Store the attributes ``names`` knows in ``fields`` (by position, or by model field name
    for the header; dates parsed, counts as int) and return the others, with dates and
    counts that do not parse, as ``extra``."""
    extra: Attrs = ()
    for key, value in items:
        slot = names.get(key)
        if slot is not None:
            index, kind = slot
            if kind == "text":
                fields[index] = value
                continue
            if kind == "date":
                if (date := parse_date(value)) is not None:
                    fields[index] = date
                    continue
            elif value.strip().isdigit():
                try:
                    fields[index] = int(value)
                    continue
                except ValueError:  # digits int() does not take (superscripts), or too many
                    pass
        extra += ((key, value),)
    return extra


def variant_fields(items: Attrs | list[tuple[str, str]]) -> VariantFields:
    """A ``<tuv>``'s attributes as model fields. Dates that are not in TMX basic format stay
    verbatim in ``extra``; a legacy ``lang`` beside ``xml:lang`` is kept there too."""
    fields: list = [None] * 6
    extra = _read(items, _VARIANT_ATTRIBUTES, fields)
    lang, creation_date, creation_id, change_date, change_id, legacy = fields
    if lang is None:
        lang = legacy or ""
    elif legacy is not None:
        extra += ((LEGACY_LANG, legacy),)
    return lang, creation_date, creation_id, change_date, change_id, extra


def unit_fields(items: Attrs | list[tuple[str, str]], default_srclang: str | None) -> UnitFields:
    """A ``<tu>``'s attributes as model fields; ``default_srclang`` is the header's."""
    fields: list = [None, default_srclang, None, None, None, None, None, None]
    extra = _read(items, _UNIT_ATTRIBUTES, fields)
    return (*fields, extra)


def header_fields(items: Attrs | list[tuple[str, str]]) -> tuple[dict[str, object], Attrs]:
    """A ``<header>``'s attributes as :class:`Header` keyword arguments, and ``extra``; a
    field whose attribute is missing or unparsable keeps the model's default."""
    fields: dict[str, object] = {}
    extra = _read(items, _HEADER_ATTRIBUTES, fields)
    return fields, extra


def unit_of(variants: list[Variant], props: tuple[Prop, ...], notes: tuple[Note, ...],
            line: int | None, items: Attrs | list[tuple[str, str]],
            default_srclang: str | None) -> TranslationUnit:
    """The finished unit, from its parts and its ``<tu>`` attributes ``items``."""
    unit = BlankUnit()
    unit.variants = tuple(variants)
    unit.props = props
    unit.notes = notes
    unit.state = None
    unit.matches = ()
    unit.line = line
    (unit.tuid, unit.srclang, unit.creation_date, unit.creation_id, unit.change_date,
     unit.change_id, unit.last_usage_date, unit.usage_count, unit.extra
     ) = unit_fields(items, default_srclang)
    unit.__class__ = TranslationUnit
    return unit


def split_lang(items: Attrs | list[tuple[str, str]]) -> tuple[str | None, Attrs]:
    """The language (``xml:lang``, else the legacy ``lang``) and the remaining attributes."""
    for key in (XML_LANG, LEGACY_LANG):
        for name, value in items:
            if name == key:
                return value, tuple(item for item in items if item[0] != key)
    return None, tuple(items)


def prop_of(items: Attrs | list[tuple[str, str]], text: str | None) -> Prop:
    """A ``<prop>`` from its attributes and text."""
    if len(items) == 1 and items[0][0] == "type":  # the usual shape
        return build.prop(items[0][1], text or "", None, ())
    lang, rest = split_lang(items)
    type_ = ""
    extra = []
    for key, value in rest:
        if key == "type" and not type_:
            type_ = value
        else:
            extra.append((key, value))
    return build.prop(type_, text or "", lang, tuple(extra))


def note_of(items: Attrs | list[tuple[str, str]], text: str | None) -> Note:
    """A ``<note>`` from its attributes and text."""
    lang, rest = split_lang(items)
    return Note(text or "", lang, rest)
