"""Streaming, atomic TMX 1.4 writer.

Units are consumed one at a time and each ``<tu>`` is serialized and handed to a buffered
stream as soon as it arrives, so writing a memory of any size keeps memory flat. Each unit
is serialized directly to UTF-8 markup (:mod:`tmx_markup`) rather than through lxml
elements, which measured several times slower than the parse it mirrors. The markup is
built as bytes: the constant tags are encoded once, each text is encoded once from its own
string, and a chunk is a plain ``bytes`` join. Building a ``str`` first made every chunk
pay twice more, once to widen the ASCII markup to the Cyrillic texts' width and once to
encode the whole chunk (measured: 40 % of the writer's time). Each chunk is checked for
characters XML cannot carry in one pass (:func:`tmx_markup.check_utf8`), and UTF-16 output
is a transcoding of the same chunks. The document goes to a temporary file beside the
target and is moved into place only when complete (:mod:`tmkit.formats.atomic`): readers
never see half a memory, and a failure leaves nothing behind.
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
from tmkit.formats.tmx_inline import ForeignCode, segment_markup
from tmkit.formats.tmx_markup import (
    attributes,
    cached_escape_attr,
    check_chars,
    check_utf8,
    encode_error,
    escape_attr,
    escape_text,
)
from tmkit.formats.xliff_inline import adapt_segment
from tmkit.model import Attrs, Header, Note, Prop, TranslationUnit, Variant

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
_ENCODINGS = {"utf-8": "UTF-8", "utf8": "UTF-8", "utf-16": "UTF-16", "utf16": "UTF-16"}


def _as_utf16(data: bytes) -> bytes:
    return data.decode("utf-8").encode("utf-16-le")


_OUTPUTS: dict[str, tuple[bytes, Callable[[bytes], bytes]]] = {
    "UTF-8": (b"", bytes), "UTF-16": (codecs.BOM_UTF16_LE, _as_utf16)}
"""Byte order mark and the conversion of the writer's UTF-8 chunks, per output encoding."""
_BATCH = 512
"""Units per chunk: one join, check and write call each, still bounded memory."""


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
    bom, convert = _OUTPUTS[codec]
    try:
        start = (f'<?xml version="1.0" encoding="{codec}"?>\n{DOCTYPE}\n'
                 f'<tmx version="1.4">\n  {header_markup(header)}\n  <body>').encode()
        check_utf8(start)
    except UnicodeEncodeError as exc:
        raise UsageError(f"the header cannot be written as XML: {encode_error(exc)}", path=name) from None
    except ValueError as exc:
        raise UsageError(f"the header cannot be written as XML: {exc}", path=name) from None
    stream.write(bom + convert(start))
    count = 0
    pieces: list[bytes] = []  # UTF-8 markup of the units of the current chunk, end to end
    starts: list[int] = []  # where each of those units begins in ``pieces``
    chunk_units: list[TranslationUnit] = []
    srclang = header.srclang
    for unit in units:
        starts.append(len(pieces))
        try:
            add_tu_markup(pieces, unit, srclang)
        except UnicodeEncodeError as exc:
            raise _unit_error(unit, count + 1, encode_error(exc), name) from None
        except ValueError as exc:
            raise _unit_error(unit, count + 1, exc, name) from None
        chunk_units.append(unit)
        count += 1
        if len(chunk_units) == _BATCH:
            _write_chunk(stream, convert, pieces, starts, chunk_units, count, name)
    _write_chunk(stream, convert, pieces, starts, chunk_units, count, name)
    stream.write(convert(b"\n  </body>\n</tmx>\n"))
    return count


def _write_chunk(stream: BinaryIO, convert: Callable[[bytes], bytes], pieces: list[bytes],
                 starts: list[int], chunk_units: list[TranslationUnit], count: int,
                 name: str) -> None:
    """Check and write a chunk of units' markup, then empty the buffers.

    A refused chunk is searched unit by unit so the error names the culprit, as if each
    unit had been checked on its own.
    """
    data = b"".join(pieces)
    try:
        check_utf8(data)
    except ValueError as exc:
        first = count - len(chunk_units) + 1
        ends = [*starts[1:], len(pieces)]
        for number, unit, start, end in zip(range(first, count + 1), chunk_units, starts, ends,
                                            strict=True):
            try:
                check_chars(b"".join(pieces[start:end]).decode("utf-8"))
            except ValueError as found:
                raise _unit_error(unit, number, found, name) from None
        raise UsageError(f"units {first}-{count} cannot be written as XML: {exc}",
                         path=name) from None
    stream.write(convert(data))
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


_TU_END = b"\n    </tu>"
_SEG_END = b"</seg>\n      </tuv>"
_LAST_END = _SEG_END + _TU_END
_variant_heads: dict[tuple[str, str | None], tuple[bytes, bytes]] = {}
"""Per (language, creation id), for variants with no other metadata: ``<tuv ...><seg>``
alone (a unit's first variant) and preceded by the previous variant's end (the others)."""
_HEADS_LIMIT = 4096


def add_tu_markup(out: list[bytes], unit: TranslationUnit, default_srclang: str) -> None:
    """Append the UTF-8 pieces of one ``<tu>`` to ``out``; ``srclang`` is written only
    when it differs from the header's ``default_srclang``.

    Written for speed, as it runs once per unit: the writer joins a whole chunk's pieces
    at once; a variant's text is encoded on its own and appended between constant pieces
    (never copied into a larger string); the start of the usual variant, a language and at
    most a creation id, is encoded once per distinct pair, together with the end of the
    variant before it. Characters XML cannot carry are not checked here but by the
    writer, per chunk (lone surrogates fail the encoding).
    """
    out.append(_tu_start(unit, default_srclang).encode())
    heads = _variant_heads
    first = True
    for variant in unit.variants:
        if (variant.creation_date is None and variant.change_date is None
                and variant.change_id is None and not variant.extra
                and not variant.notes and not variant.props):
            pair = heads.get((variant.lang, variant.creation_id))
            if pair is None:
                creation_id = variant.creation_id
                head = _variant_head(variant, "" if creation_id is None
                                     else f' creationid="{escape_attr(creation_id)}"')
                pair = (head, _SEG_END + head)
                if len(heads) < _HEADS_LIMIT:
                    heads[(variant.lang, creation_id)] = pair
            out.append(pair[0] if first else pair[1])
        else:
            attrs = _dates(variant.creation_date, variant.creation_id, variant.change_date,
                           variant.change_id)
            if variant.extra:
                attrs += attributes(_skip_known(variant.extra, _TUV_NAMES, variant))
            head = _variant_head(variant, attrs, _variant_meta(variant))
            out.append(head if first else _SEG_END + head)
        first = False
        parts = variant.segment.parts
        if len(parts) == 1 and type(text := parts[0]) is str:  # plain text, no code
            if "&" in text or "<" in text or ">" in text or "\r" in text:
                text = escape_text(text)
        else:
            try:
                text = segment_markup(parts)
            except ForeignCode:  # codes read from XLIFF (x, g, pc...) have no place in a <seg>
                text = segment_markup(adapt_segment(variant.segment, "tmx").parts)
        out.append(text.encode())
    out.append(_TU_END if first else _LAST_END)


def _tu_start(unit: TranslationUnit, default_srclang: str) -> str:
    """``<tu ...>`` with the unit's notes and props: one string, encoded by the caller."""
    tuid = unit.tuid
    if (unit.creation_id is None and unit.change_date is None and unit.change_id is None
            and unit.usage_count is None and unit.last_usage_date is None
            and not unit.extra and (not unit.srclang or unit.srclang == default_srclang)):
        # the usual unit: an id and a creation date at most
        start = ("\n    <tu" if tuid is None else f'\n    <tu tuid="{escape_attr(tuid)}"')
        if unit.creation_date is not None:
            start = f'{start} creationdate="{format_date(unit.creation_date)}">'
        else:
            start += ">"
    else:
        start = _tu_attributes(unit, default_srclang)
    if unit.notes:
        start += "".join([_note(note, "\n      ") for note in unit.notes])
    for prop in unit.props:
        if prop.lang is None and not prop.extra:  # the usual shape: a type and a value
            value = prop.value
            if "&" in value or "<" in value or ">" in value or "\r" in value:
                value = escape_text(value)
            start = f'{start}\n      <prop type="{cached_escape_attr(prop.type)}">{value}</prop>'
        else:
            start += _prop(prop, "\n      ")
    return start


def _tu_attributes(unit: TranslationUnit, default_srclang: str) -> str:
    """``<tu`` with every attribute the unit has, in the order TMX 1.4 lists them, and ``>``."""
    start = ["\n    <tu"]
    if unit.tuid is not None:
        start.append(f' tuid="{escape_attr(unit.tuid)}"')
    if unit.srclang and unit.srclang != default_srclang:
        start.append(f' srclang="{cached_escape_attr(unit.srclang)}"')
    if unit.usage_count is not None:
        start.append(f' usagecount="{unit.usage_count}"')
    if unit.last_usage_date is not None:
        start.append(f' lastusagedate="{format_date(unit.last_usage_date)}"')
    start.append(_dates(unit.creation_date, unit.creation_id, unit.change_date,
                        unit.change_id))
    if unit.extra:
        start.append(attributes(_skip_known(unit.extra, _TU_NAMES, unit)))
    start.append(">")
    return "".join(start)


def _variant_head(variant: Variant, attrs: str, meta: str = "") -> bytes:
    """``<tuv xml:lang=...>`` with ``attrs``, the variant's notes and props (``meta``),
    and ``<seg>``, as UTF-8."""
    return (f'\n      <tuv xml:lang="{escape_attr(variant.lang)}"{attrs}>{meta}'
            f"\n        <seg>").encode()


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
