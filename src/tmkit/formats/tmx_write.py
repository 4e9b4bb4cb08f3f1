"""Streaming, atomic TMX 1.4 writer.

Units are consumed one at a time and each ``<tu>`` is serialized and handed to a buffered
stream as soon as it arrives, so writing a memory of any size keeps memory flat. Each unit
is serialized directly to markup (:mod:`tmx_markup`) rather than through lxml elements,
which measured several times slower than the parse it mirrors. Units are joined into
chunks that are encoded and checked for characters XML cannot carry in one pass each
(:func:`tmx_markup.utf8_markup`), then written as bytes. The document goes to a
temporary file beside the target and is moved into place only when complete
(:mod:`tmkit.formats.atomic`): readers never see half a memory, and a failure leaves nothing behind.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import BinaryIO

import tmkit
from tmkit.errors import UsageError
from tmkit.formats.atomic import atomic_path
from tmkit.formats.tmx_dates import format_date
from tmkit.formats.tmx_inline import segment_markup
from tmkit.formats.tmx_markup import (
    attributes,
    cached_escape_attr,
    check_chars,
    escape_attr,
    escape_text,
    utf8_markup,
    utf16_markup,
)
from tmkit.model import Attrs, Header, Note, Prop, TranslationUnit, Variant

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
_ENCODINGS = {"utf-8": "UTF-8", "utf8": "UTF-8", "utf-16": "UTF-16", "utf16": "UTF-16"}
_ENCODERS: dict[str, tuple[bytes, Callable[[str], bytes]]] = {
    "UTF-8": (b"", utf8_markup), "UTF-16": (codecs.BOM_UTF16_LE, utf16_markup)}
"""Byte order mark and checked encoder per output encoding."""
_BATCH = 512
"""Units per chunk: one encode, check and write call each, still bounded memory."""


def write_tmx(path: str | os.PathLike, units: Iterable[TranslationUnit],
              header: Header | None = None, *, encoding: str = "utf-8") -> int:
    """Write ``units`` as a TMX 1.4 document at ``path``; return how many were written.

    ``header`` defaults to :class:`tmkit.model.Header`'s values; its ``version`` is ignored
    because the output is always TMX 1.4. ``encoding`` is ``utf-8`` or ``utf-16`` (little
    endian with a byte order mark). A unit holding text XML cannot carry (control
    characters) raises :class:`UsageError` naming it, and the target file is left untouched.
    """
    name = os.fspath(path)
    codec = _ENCODINGS.get(encoding.lower())
    if codec is None:
        raise UsageError(f"unsupported TMX output encoding {encoding!r}; use utf-8 or utf-16",
                         path=name)
    header = header or Header()
    with atomic_path(path) as temporary, open(temporary, "wb") as stream:
        return _write_document(stream, units, header, codec, name)


def _write_document(stream: BinaryIO, units: Iterable[TranslationUnit], header: Header,
                    codec: str, name: str) -> int:
    bom, encode = _ENCODERS[codec]
    try:
        stream.write(bom + encode(f'<?xml version="1.0" encoding="{codec}"?>\n{DOCTYPE}\n'
                                  f'<tmx version="1.4">\n  {header_markup(header)}\n  <body>'))
    except ValueError as exc:
        raise UsageError(f"the header cannot be written as XML: {exc}", path=name) from None
    count = 0
    pieces: list[str] = []  # markup of the units of the current chunk, end to end
    starts: list[int] = []  # where each of those units begins in ``pieces``
    chunk_units: list[TranslationUnit] = []
    srclang = header.srclang
    for unit in units:
        starts.append(len(pieces))
        try:
            add_tu_markup(pieces, unit, srclang)
        except ValueError as exc:
            raise _unit_error(unit, count + 1, exc, name) from None
        chunk_units.append(unit)
        count += 1
        if len(chunk_units) == _BATCH:
            _write_chunk(stream, encode, pieces, starts, chunk_units, count, name)
    _write_chunk(stream, encode, pieces, starts, chunk_units, count, name)
    stream.write(encode("\n  </body>\n</tmx>\n"))
    return count


def _write_chunk(stream: BinaryIO, encode: Callable[[str], bytes], pieces: list[str],
                 starts: list[int], chunk_units: list[TranslationUnit], count: int,
                 name: str) -> None:
    """Encode, check and write a chunk of units' markup, then empty the buffers.

    A refused chunk is searched unit by unit so the error names the culprit, as if each
    unit had been checked on its own.
    """
    try:
        stream.write(encode("".join(pieces)))
    except ValueError as exc:
        first = count - len(chunk_units) + 1
        ends = [*starts[1:], len(pieces)]
        for number, unit, start, end in zip(range(first, count + 1), chunk_units, starts, ends,
                                            strict=True):
            try:
                check_chars("".join(pieces[start:end]))
            except ValueError as found:
                raise _unit_error(unit, number, found, name) from None
        raise UsageError(f"units {first}-{count} cannot be written as XML: {exc}",
                         path=name) from None
    pieces.clear()
    starts.clear()
    chunk_units.clear()


def _unit_error(unit: TranslationUnit, number: int, exc: ValueError, name: str) -> UsageError:
    where = unit.tuid or f"#{number}"
    return UsageError(f"unit {where} cannot be written as XML: {exc}", path=name)


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
    out: list[str] = []
    add_tu_markup(out, unit, default_srclang)
    return "".join(out)


def add_tu_markup(out: list[str], unit: TranslationUnit, default_srclang: str) -> None:
    """Append the pieces of one ``<tu>`` to ``out`` (see :func:`tu_markup`).

    Written for speed, as it runs once per unit: the writer joins a whole chunk's pieces
    at once, variants are serialized inline with a fast path for the usual plain-text
    segment, and values that repeat (languages, ids) go through :func:`cached_escape_attr`.
    Characters XML cannot carry are not checked here but by the writer, per chunk.
    """
    out.append("\n    <tu")
    if unit.tuid is not None:
        out.append(f' tuid="{escape_attr(unit.tuid)}"')
    if unit.srclang and unit.srclang != default_srclang:
        out.append(f' srclang="{cached_escape_attr(unit.srclang)}"')
    if unit.usage_count is not None:
        out.append(f' usagecount="{unit.usage_count}"')
    if unit.last_usage_date is not None:
        out.append(f' lastusagedate="{format_date(unit.last_usage_date)}"')
    if unit.creation_id is None and unit.change_date is None and unit.change_id is None:
        if unit.creation_date is not None:  # the usual case: a creation date alone
            out.append(f' creationdate="{format_date(unit.creation_date)}"')
    else:
        out.append(_dates(unit.creation_date, unit.creation_id, unit.change_date,
                          unit.change_id))
    if unit.extra:
        out.append(attributes(_skip_known(unit.extra, _TU_NAMES, unit)))
    out.append(">")
    for note in unit.notes:
        out.append(_note(note, "\n      "))
    for prop in unit.props:
        if prop.lang is None and not prop.extra:  # the usual shape: a type and a value
            value = prop.value
            if "&" in value or "<" in value or ">" in value or "\r" in value:
                value = escape_text(value)
            out.append(f'\n      <prop type="{cached_escape_attr(prop.type)}">{value}</prop>')
        else:
            out.append(_prop(prop, "\n      "))
    for variant in unit.variants:
        creation_id = variant.creation_id
        if variant.creation_date is None and variant.change_date is None and (
                variant.change_id is None):  # the usual case: at most a creation id
            attrs = ("" if creation_id is None
                     else f' creationid="{cached_escape_attr(creation_id)}"')
        else:
            attrs = _dates(variant.creation_date, creation_id, variant.change_date,
                           variant.change_id)
        if variant.extra:
            attrs += attributes(_skip_known(variant.extra, _TUV_NAMES, variant))
        meta = _variant_meta(variant) if variant.notes or variant.props else ""
        parts = variant.segment.parts
        if len(parts) == 1 and type(text := parts[0]) is str:  # plain text, no code
            if "&" in text or "<" in text or ">" in text or "\r" in text:
                text = escape_text(text)
        else:
            text = segment_markup(parts)
        out.append(f'\n      <tuv xml:lang="{cached_escape_attr(variant.lang)}"{attrs}>{meta}'
                   f"\n        <seg>{text}</seg>\n      </tuv>")
    out.append("\n    </tu>")


def _variant_meta(variant: Variant) -> str:
    return ("".join([_note(note, "\n        ") for note in variant.notes])
            + "".join([_prop(prop, "\n        ") for prop in variant.props]))


def _dates(creation_date: datetime | None, creation_id: str | None,
           change_date: datetime | None, change_id: str | None) -> str:
    out = ""
    if creation_date is not None:
        out += f' creationdate="{format_date(creation_date)}"'
    if creation_id is not None:
        out += f' creationid="{cached_escape_attr(creation_id)}"'
    if change_date is not None:
        out += f' changedate="{format_date(change_date)}"'
    if change_id is not None:
        out += f' changeid="{cached_escape_attr(change_id)}"'
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
    return (f'{indent}<prop type="{cached_escape_attr(prop.type)}"{lang}{extra}>'
            f"{escape_text(prop.value)}</prop>")
