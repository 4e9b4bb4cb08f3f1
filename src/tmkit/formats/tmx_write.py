"""Streaming, atomic TMX 1.4 writer.

Units are consumed one at a time and each ``<tu>`` is serialized and handed to a buffered
stream as soon as it arrives, so writing a memory of any size keeps memory flat. Each unit
is serialized directly to markup (:mod:`tmx_markup`) rather than through lxml elements,
which measured several times slower than the parse it mirrors. The document goes to a
temporary file beside the target and is moved into place only when complete
(:mod:`tmkit.formats.atomic`): readers never see half a memory, and a failure leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime

import tmkit
from tmkit.errors import UsageError
from tmkit.formats.atomic import atomic_path
from tmkit.formats.tmx_dates import format_date
from tmkit.formats.tmx_inline import segment_markup
from tmkit.formats.tmx_markup import attributes, escape_attr, escape_text
from tmkit.model import Attrs, Header, Note, Prop, TranslationUnit, Variant

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
_ENCODINGS = {"utf-8": "UTF-8", "utf8": "UTF-8", "utf-16": "UTF-16", "utf16": "UTF-16"}
_BATCH = 512
"""Units joined per write call: fewer calls into the text layer, still bounded memory."""


def write_tmx(path: str | os.PathLike, units: Iterable[TranslationUnit],
              header: Header | None = None, *, encoding: str = "utf-8") -> int:
    """Write ``units`` as a TMX 1.4 document at ``path``; return how many were written.

    ``header`` defaults to :class:`tmkit.model.Header`'s values; its ``version`` is ignored
    because the output is always TMX 1.4. ``encoding`` is ``utf-8`` or ``utf-16`` (with a
    byte order mark). A unit holding text XML cannot carry (control characters) raises
    :class:`UsageError` naming it, and the target file is left untouched.
    """
    name = os.fspath(path)
    codec = _ENCODINGS.get(encoding.lower())
    if codec is None:
        raise UsageError(f"unsupported TMX output encoding {encoding!r}; use utf-8 or utf-16",
                         path=name)
    header = header or Header()
    with atomic_path(path) as temporary, open(temporary, "w", encoding=codec.lower(),
                                              newline="\n", buffering=1 << 20) as stream:
        return _write_document(stream, units, header, codec, name)


def _write_document(stream, units: Iterable[TranslationUnit], header: Header, codec: str,
                    name: str) -> int:
    try:
        head = header_markup(header)
    except ValueError as exc:
        raise UsageError(f"the header cannot be written as XML: {exc}", path=name) from None
    stream.write(f'<?xml version="1.0" encoding="{codec}"?>\n{DOCTYPE}\n'
                 f'<tmx version="1.4">\n  {head}\n  <body>')
    count = 0
    batch: list[str] = []
    srclang = header.srclang
    for unit in units:
        try:
            batch.append(tu_markup(unit, srclang))
        except ValueError as exc:
            where = unit.tuid or f"#{count + 1}"
            raise UsageError(f"unit {where} cannot be written as XML: {exc}",
                             path=name) from None
        count += 1
        if len(batch) == _BATCH:
            stream.write("".join(batch))
            batch.clear()
    stream.write("".join(batch))
    stream.write("\n  </body>\n</tmx>\n")
    return count


def header_markup(header: Header) -> str:
    """A complete ``<header>``: every attribute TMX 1.4 requires, then optional ones."""
    attrs = [("creationtool", header.creation_tool),
             ("creationtoolversion", header.creation_tool_version or _own_version(header)),
             ("segtype", header.segtype), ("o-tmf", header.o_tmf),
             ("adminlang", header.adminlang), ("srclang", header.srclang),
             ("datatype", header.datatype)]
    if header.o_encoding is not None:
        attrs.append(("o-encoding", header.o_encoding))
    for key, value in (("creationdate", header.creation_date), ("changedate", header.change_date)):
        if value is not None:
            attrs.append((key, format_date(value)))
    for key, text in (("creationid", header.creation_id), ("changeid", header.change_id)):
        if text is not None:
            attrs.append((key, text))
    start = f"<header{attributes(_with_extra(attrs, header.extra))}"
    body = [_note(note, "\n    ") for note in header.notes]
    body.extend(_ude(ude) for ude in header.udes)
    body.extend(_prop(prop, "\n    ") for prop in header.props)
    return f"{start}>{''.join(body)}\n  </header>" if body else start + "/>"


def _own_version(header: Header) -> str:
    return tmkit.__version__ if header.creation_tool == "tmkit" else "unknown"


def _ude(ude) -> str:
    attrs = [("name", ude.name)]
    if ude.base is not None:
        attrs.append(("base", ude.base))
    maps = "".join(f"\n      <map{attributes(m.attrs)}/>" for m in ude.maps)
    start = f"\n    <ude{attributes(_with_extra(attrs, ude.extra))}"
    return f"{start}>{maps}\n    </ude>" if maps else start + "/>"


def tu_markup(unit: TranslationUnit, default_srclang: str = "*all*") -> str:
    """One ``<tu>``; ``srclang`` is written only when it differs from the header's."""
    out = ["\n    <tu"]
    if unit.tuid is not None:
        out.append(f' tuid="{escape_attr(unit.tuid)}"')
    if unit.srclang and unit.srclang != default_srclang:
        out.append(f' srclang="{escape_attr(unit.srclang)}"')
    if unit.usage_count is not None:
        out.append(f' usagecount="{unit.usage_count}"')
    if unit.last_usage_date is not None:
        out.append(f' lastusagedate="{format_date(unit.last_usage_date)}"')
    out.append(_dates(unit.creation_date, unit.creation_id, unit.change_date, unit.change_id))
    if unit.extra:
        out.append(attributes(_skip_known(unit.extra, _TU_NAMES, unit)))
    out.append(">")
    for note in unit.notes:
        out.append(_note(note, "\n      "))
    for prop in unit.props:
        out.append(_prop(prop, "\n      "))
    for variant in unit.variants:
        out.append(_variant(variant))
    out.append("\n    </tu>")
    return "".join(out)


def _variant(variant: Variant) -> str:
    attrs = _dates(variant.creation_date, variant.creation_id, variant.change_date,
                   variant.change_id)
    if variant.extra:
        attrs += attributes(_skip_known(variant.extra, _TUV_NAMES, variant))
    meta = ""
    if variant.notes or variant.props:
        meta = ("".join([_note(note, "\n        ") for note in variant.notes])
                + "".join([_prop(prop, "\n        ") for prop in variant.props]))
    parts = variant.segment.parts
    return (f'\n      <tuv xml:lang="{escape_attr(variant.lang)}"{attrs}>{meta}'
            f"\n        <seg>{segment_markup(parts) if parts else ''}</seg>\n      </tuv>")


def _dates(creation_date: datetime | None, creation_id: str | None,
           change_date: datetime | None, change_id: str | None) -> str:
    out = ""
    if creation_date is not None:
        out += f' creationdate="{format_date(creation_date)}"'
    if creation_id is not None:
        out += f' creationid="{escape_attr(creation_id)}"'
    if change_date is not None:
        out += f' changedate="{format_date(change_date)}"'
    if change_id is not None:
        out += f' changeid="{escape_attr(change_id)}"'
    return out


# Attribute names the model carries as fields: a value for one in ``extra`` (an unparsable
# date kept verbatim) is written only when the field itself is empty.
_TU_NAMES = {"tuid": "tuid", "srclang": "srclang", "usagecount": "usage_count",
             "lastusagedate": "last_usage_date", "creationdate": "creation_date",
             "creationid": "creation_id", "changedate": "change_date",
             "changeid": "change_id"}
_TUV_NAMES = {"creationdate": "creation_date", "creationid": "creation_id",
              "changedate": "change_date", "changeid": "change_id",
              "{http://www.w3.org/XML/1998/namespace}lang": "lang"}


def _skip_known(extra: Attrs, names: dict[str, str], owner) -> list[tuple[str, str]]:
    return [(key, value) for key, value in extra
            if key not in names or getattr(owner, names[key]) is None]


def _with_extra(attrs: list[tuple[str, str]], extra: Attrs) -> list[tuple[str, str]]:
    """``attrs`` then the ``extra`` ones whose names are not already there."""
    if not extra:
        return attrs
    names = {key for key, _ in attrs}
    return attrs + [(key, value) for key, value in extra if key not in names]


def _note(note: Note, indent: str) -> str:
    lang = f' xml:lang="{escape_attr(note.lang)}"' if note.lang is not None else ""
    extra = attributes(note.extra) if note.extra else ""
    return f"{indent}<note{lang}{extra}>{escape_text(note.text)}</note>"


def _prop(prop: Prop, indent: str) -> str:
    lang = f' xml:lang="{escape_attr(prop.lang)}"' if prop.lang is not None else ""
    extra = attributes(prop.extra) if prop.extra else ""
    return (f'{indent}<prop type="{escape_attr(prop.type)}"{lang}{extra}>'
            f"{escape_text(prop.value)}</prop>")
