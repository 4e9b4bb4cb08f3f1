"""The TMX reader's fast path: units read straight from UTF-8 text, libxml2 checking alongside.

Building units from lxml elements costs a Python proxy per element and a new string per
tag and attribute name; for a usual three-variant unit that was more than the parse itself
(bench/tmx_read.py). Yet memories are written by tools, in a regular shape, and the markup
*between* segments repeats from unit to unit: ``</seg></tuv><tuv xml:lang="ru"
creationid="desk"><seg>``. So this reader

- finds each unit in the decoded text with string searches and splits it at its
  ``<seg>...</seg>`` contents with one regular expression;
- parses each distinct stretch of markup between segments (a "glue") once, into the variant
  fields, props and notes it stands for, and afterwards looks its meaning up by its text;
- reads segment contents itself: plain text as is, entities and inline codes (bpt, ph, sub
  nesting...) through a small tag tokenizer;
- feeds every byte first to a libxml2 push parser that has no target callbacks (it builds
  nothing, so it costs a fraction of a tree-building parse): malformed input is still
  refused, by the same parser and with the same message as the element reader.

It gives up, raising :class:`Unsupported`, on anything outside that shape: encodings other
than UTF-8, namespaces, comments, CDATA or processing instructions inside units, entities
other than XML's five and character references, a DOCTYPE with an internal subset, units
outside ``<body>``, checks libxml2 makes only while building elements (``xml:id``, text
nodes over 10 MB, depth), and markup that does not repeat from unit to unit (see
:data:`PROBE_UNITS`). :func:`tmkit.formats.tmx_read.iter_units` then reads the rest of the file
with the element reader, skipping the units already produced, so callers get the same units
whichever path read them (tests/test_tmx_scan.py compares the two on every TMX at hand).
Line numbers are counted here as libxml2 counts them (line feeds up to the end of the start
tag), and stay exact from line 65,535 on, where libxml2's are one too many.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from tmkit.formats import model_build as build
from tmkit.formats import xmlsafe
from tmkit.formats.model_build import BlankSegment, BlankVariant
from tmkit.formats.tmx_fields import note_of, prop_of, unit_of, variant_fields
from tmkit.formats.tmx_inline import EMPTY_SEGMENT
from tmkit.formats.xmlsafe import XML_NS
from tmkit.model import InlineCode, Note, Part, Prop, Segment, TranslationUnit, Variant

CHUNK = 1 << 20
"""Bytes read (and fed to the checking parser) at a time."""

MAX_UNIT = 2_500_000
"""A unit (or the white space between two) longer than this, in characters, is left to the
element reader: libxml2 refuses a text node over 10,000,000 bytes while building elements,
a check the checking parser does not make, and a character takes at most four bytes."""

MAX_PROLOG = 4 << 20
"""Characters read in search of ``<body>`` before leaving the file to the element reader."""

MAX_DEPTH = 200
"""Inline codes nested deeper than this are left to the element reader, which refuses a
document deeper than 256 elements while building them."""

_GLUE_CACHE_SIZE = 4096
PROBE_UNITS = 256
"""After this many units the scanner checks how often it met markup it had not seen: when
more than one unit in two brought some (a date or an id on every variant, a new prop value
on every unit), parsing it costs more than the element reader does, so the scanner steps
aside (the element reader re-reads those first units, skipping them)."""
_learned = [0]
"""Glues and codes parsed (cache misses), counted across files; a list so it can be bumped."""
_CACHEABLE = 2048
"""Markup longer than this (a unit note, a code with a whole paragraph inside) is parsed
each time: remembering it would let 4,096 long texts pin gigabytes."""

_S = r"[ \t\r\n]"
r"""XML's white space; ``\s`` would also take U+1680 and others, which XML allows in names."""
_NAME = r"[^ \t\r\n=/>]+"
_QUOTED = r"""(?:"[^"]*"|'[^']*')"""
_ATTRS = rf"((?:{_S}+{_NAME}{_S}*={_S}*{_QUOTED})*)"
_TU_START = re.compile(rf"<tu{_ATTRS}{_S}*(/?)>")
_TAG = re.compile(rf"<(/?)({_NAME}){_ATTRS}{_S}*(/?)>")
_ATTR = re.compile(rf"{_S}+({_NAME}){_S}*={_S}*({_QUOTED})")
_NAME_BEFORE_VALUE = re.compile(rf"{_S}+({_NAME}){_S}*={_S}*")
_SIMPLE_CODE = re.compile(rf"(<{_NAME}(?:{_S}+{_NAME}{_S}*={_S}*{_QUOTED})*{_S}*(?:/>|>[^<]*</{_NAME}{_S}*>))")
"""An inline code without codes inside (``<ph x="1">{1}</ph>``, ``<it pos="end"/>``), for
splitting a segment's content; that its end tag closes it is checked when its markup is
first parsed (:func:`_nested_content`), after which it is looked up."""
_BODY = re.compile(rf"<body{_S}*>")
_DOCTYPE = re.compile(rf"""<!DOCTYPE{_S}+tmx(?:{_S}+(?:SYSTEM{_S}+{_QUOTED}|PUBLIC{_S}+{_QUOTED}{_S}+{_QUOTED}))?{_S}*>""")
_DECLARED_ENCODING = re.compile(rf"""\A<\?xml{_S}[^>]*?encoding{_S}*={_S}*["']([^"']*)["']""")
_UTF8_COMPATIBLE = ("utf-8", "utf8", "us-ascii", "ascii")
"""Declared encodings read as UTF-8: for ASCII that is the same text, and a byte that is not
ASCII is the checking parser's error either way."""
_NESTED_UNIT = re.compile(r"<tu[ \t\r\n/>]")
_BODY_END = re.compile(rf"</body{_S}*>")
_TMX_END = re.compile(rf"</tmx{_S}*>")
_REFERENCE = re.compile(r"&([^;&]*);")
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_PREDEFINED_FIRST = {f"&{name};": character for name, character in
                     sorted(_PREDEFINED.items(), key=lambda item: item[0] == "amp")}
"""The five entities as text, ``&amp;`` last (see :func:`_text`)."""
_ATTR_SPACE = str.maketrans("\t\n\r", "   ")
_AFTER_NAME = frozenset(" \t\r\n/>")
_CHARACTER_REFERENCE = re.compile(r"#(?:x([0-9a-fA-F]+)|([0-9]+))")


class Unsupported(Exception):
    """The scanner met something it leaves to the element reader; ``produced`` units were
    already yielded (set when the exception leaves :func:`scan_units`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.produced = 0


class _NoTarget:
    """A parser target without callbacks: libxml2 checks the syntax and builds nothing."""

    def close(self) -> None:
        return None


def scan_units(path: str | os.PathLike, default_srclang: str | None
               ) -> Iterator[TranslationUnit]:
    """Yield the units of the UTF-8 TMX file at ``path`` in file order, or raise
    :class:`Unsupported` (possibly after some units) for the element reader to go on."""
    produced = 0
    try:
        with open(path, "rb") as handle:
            for unit in _units(handle, default_srclang):
                produced += 1
                yield unit
    except Unsupported as exc:
        exc.produced = produced
        raise


def _units(handle: BinaryIO, default_srclang: str | None) -> Iterator[TranslationUnit]:
    validator = etree.XMLParser(target=_NoTarget(), **xmlsafe.PARSER_OPTIONS)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    raw = handle.read(CHUNK)
    _check_byte_order(raw)
    buf = _decode(decoder, raw)
    pending = [raw]  # fed to the checker once the prolog is known to be safe
    while (body := _body_start(buf)) is None:
        raw = handle.read(CHUNK)
        if not raw or len(buf) > MAX_PROLOG:
            raise Unsupported("no <body> start tag, or a long header")
        pending.append(raw)
        buf += _decode(decoder, raw)
    for raw in pending:
        _feed(validator, raw)
    decode = "\r" in buf or "&" in buf  # whether segments may need more than copying
    pos = counted = body
    line = buf.count("\n", 0, pos) + 1
    eof = False
    produced, learned_before = 0, _learned[0]
    while True:
        lt = buf.find("<", pos)
        if lt - pos > MAX_UNIT:
            raise Unsupported("text between units too long to scan")
        if 0 <= lt <= len(buf) - 6:  # enough text to tell what comes
            if buf.startswith("tu", lt + 1) and buf[lt + 3] in _AFTER_NAME:
                tag_end = buf.find(">", lt) + 1  # the tag's end unless a value holds ">"
                if tag_end:
                    empty = buf[tag_end - 2] == "/"
                    attrs = _simple_attributes(buf[lt + 3:tag_end - 2 if empty else tag_end - 1])
                    if attrs is None:  # not the usual shape: the regular expression reads any
                        start = _TU_START.match(buf, lt)
                        if start is not None:
                            tag_end, empty = start.end(), bool(start.group(2))
                            attrs = _attributes(start.group(1))
                        elif buf.find("</tu>", lt) >= 0:
                            raise Unsupported("a <tu> start tag the scanner does not read")
                        else:
                            tag_end = 0  # the tag goes on past the text read so far
                end = -1 if not tag_end else tag_end if empty else buf.find("</tu>", tag_end)
                if end - tag_end > MAX_UNIT:
                    raise Unsupported("a unit too long to scan")
                if end >= 0:  # the element reader's line: where the start tag ends
                    line += buf.count("\n", counted, tag_end)
                    counted = tag_end
                    if empty:  # <tu .../>: a unit without content
                        unit = _unit(attrs, None, default_srclang, line, False)
                        pos = tag_end
                    else:
                        unit = _unit(attrs, buf[tag_end:end], default_srclang, line, decode)
                        pos = end + 5
                    yield unit
                    produced += 1
                    if produced == PROBE_UNITS and _learned[0] - learned_before > PROBE_UNITS // 2:
                        raise Unsupported("markup that differs from unit to unit: the element "
                                          "reader is faster there")
                    continue
            elif buf.startswith("/body", lt + 1):
                raw = handle.read(MAX_UNIT)
                if len(raw) == MAX_UNIT:
                    raise Unsupported("more than markup after </body>")
                rest = buf[lt:] + _decode(decoder, raw, final=True)
                _feed(validator, raw)
                _close(validator)
                if not _only_markup_after_body(rest):
                    raise Unsupported("content after </body>")
                return
            elif buf.startswith("!--", lt + 1):
                close = buf.find("-->", lt + 4)
                if close >= 0:
                    pos = close + 3
                    continue
            elif buf.startswith("?", lt + 1):
                close = buf.find("?>", lt + 2)
                if close >= 0:
                    pos = close + 2
                    continue
            else:
                raise Unsupported(f"markup the scanner does not read: {buf[lt:lt + 20]!r}")
        # the text so far ends inside something: read on
        if eof:
            raise Unsupported("the file ends inside the body")
        if len(buf) - pos > MAX_UNIT:
            raise Unsupported("a unit too long to scan")
        raw = handle.read(CHUNK)
        eof = not raw
        _feed(validator, raw)
        text = _decode(decoder, raw, final=eof)
        line += buf.count("\n", counted, pos)
        buf = buf[pos:] + text
        decode = "\r" in buf or "&" in buf
        pos = counted = 0


def _feed(validator: etree.XMLParser, raw: bytes) -> None:
    try:
        validator.feed(raw)
    except etree.XMLSyntaxError:
        raise Unsupported("malformed XML (the element reader reports where)") from None


def _close(validator: etree.XMLParser) -> None:
    try:
        validator.close()
    except etree.XMLSyntaxError:
        raise Unsupported("malformed XML (the element reader reports where)") from None


def _decode(decoder: codecs.IncrementalDecoder, raw: bytes, final: bool = False) -> str:
    try:
        return decoder.decode(raw, final)
    except UnicodeDecodeError:
        raise Unsupported("not UTF-8") from None


def _check_byte_order(head: bytes) -> None:
    """No UTF-16 or UTF-32: what the byte order mark or the first bytes show."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head[:4]:
        raise Unsupported("UTF-16 or UTF-32")


def _body_start(text: str) -> int | None:
    """Where the body's content starts, once ``text`` reaches past ``<body>``; None while it
    does not. Comments and processing instructions before it are skipped (a comment may
    well mention ``<body>``), and the rest is checked by :func:`_check_prolog`. String
    searches only, each ``<`` looked at once: a regular expression with lazy ``.*?`` took
    quadratic time over a header full of unclosed-looking ``<!--`` inside CDATA."""
    kept = []
    pos = search = 0
    while (lt := text.find("<", search)) >= 0:
        search = lt + 1
        closer = "-->" if text.startswith("<!--", lt) else "?>" if text.startswith("<?", lt) else None
        if closer is not None:
            close = text.find(closer, lt + 2)
            if close < 0:
                return None  # not closed yet: read on
            kept.append(text[pos:lt])
            pos = search = close + len(closer)
        elif text.startswith("<![CDATA[", lt):
            raise Unsupported("CDATA before <body>")
        elif text.startswith("<body", lt) and text[lt + 5:lt + 6] in (" ", "\t", "\r", "\n", ">", "/", ""):
            start = _BODY.match(text, lt)
            if start is None:
                if text.find(">", lt) < 0:
                    return None
                raise Unsupported("a <body> start tag with attributes, or an empty body")
            kept.append(text[pos:lt])
            _check_prolog(text, "".join(kept))
            return start.end()
    return None


def _only_markup_after_body(rest: str) -> bool:
    """Whether ``rest`` (from ``</body``) is ``</body>``, ``</tmx>`` and nothing else but white
    space, comments and processing instructions. A loop of string searches: a regular
    expression of repeated lazy comments took exponential time when it failed."""
    end = _BODY_END.match(rest)
    if end is None:
        return False
    pos, root_closed = end.end(), False
    while True:
        pos = len(rest) - len(rest[pos:].lstrip(" \t\r\n"))
        if pos == len(rest):
            return root_closed
        closer = "-->" if rest.startswith("<!--", pos) else "?>" if rest.startswith("<?", pos) else None
        if closer is not None:
            close = rest.find(closer, pos + 2)
            if close < 0:
                return False
            pos = close + len(closer)
        elif not root_closed and (root := _TMX_END.match(rest, pos)) is not None:
            pos, root_closed = root.end(), True
        else:
            return False


def _check_prolog(text: str, prolog: str) -> None:
    """The file must declare UTF-8 (or ASCII) or no encoding at all, and the prolog and
    header, comments and instructions taken out (``prolog``), are the element reader's when
    they hold anything that could hide or change markup: CDATA, namespaces, a DOCTYPE other
    than a plain ``SYSTEM``/``PUBLIC`` one (an internal subset may declare entities or
    attribute types that change values), or a unit outside the body."""
    declared = _DECLARED_ENCODING.match(text)
    if declared is not None and declared.group(1).lower() not in _UTF8_COMPATIBLE:
        raise Unsupported(f"encoding {declared.group(1)}")
    doctype = prolog.find("<!DOCTYPE")
    if doctype >= 0:
        plain = _DOCTYPE.match(prolog, doctype)
        if plain is None:
            raise Unsupported("a DOCTYPE with an internal subset, or one the scanner does not read")
        prolog = prolog[plain.end():]
    if (not prolog.lstrip(" \t\r\n").startswith("<tmx") or "<!" in prolog or "xmlns" in prolog
            or _NESTED_UNIT.search(prolog)):
        raise Unsupported("CDATA, namespaces or units before <body>")


# --------------------------------------------------------------------------- units

_first_glue: dict[str, tuple] = {}
_middle_glue: dict[str, tuple] = {}
_last_glue: dict[str, tuple] = {}
_whole_glue: dict[str, tuple] = {}


def _unit(attrs: tuple[tuple[str, str], ...], body: str | None, default_srclang: str | None,
          line: int, decode: bool) -> TranslationUnit:
    """The unit whose start tag holds ``attrs`` and whose content is ``body``;
    ``decode`` is false when the text around holds no reference and no carriage return."""
    variants: list[Variant] = []
    props: tuple[Prop, ...] = ()
    notes: tuple[Note, ...] = ()
    if body:
        pieces = body.split("<seg>")
        count = len(pieces)
        cache = _first_glue if count > 1 else _whole_glue
        meaning = cache.get(pieces[0])
        if meaning is None:
            meaning = _learn_glue(cache, pieces[0], False, count > 1)
        items, fields = meaning
        if items:
            props, notes = _collect(items, variants, props, notes)
        for index in range(1, count):
            content, closed, glue = pieces[index].partition("</seg>")
            if not closed:
                raise Unsupported("a <seg> inside a segment")
            if not content:
                segment = EMPTY_SEGMENT
            elif "<" in content:
                segment = build.segment(_content(content))
            else:
                if decode and ("&" in content or "\r" in content):
                    content = _text(content)
                segment = BlankSegment()  # build.segment inlined: this runs for every variant
                segment.parts = (content,)
                segment.__class__ = Segment
            variant = BlankVariant()
            (variant.lang, variant.creation_date, variant.creation_id, variant.change_date,
             variant.change_id, variant.extra, variant.props, variant.notes) = fields
            variant.segment = segment
            variant.forms = ()
            variant.__class__ = Variant
            variants.append(variant)
            last = index + 1 == count
            cache = _last_glue if last else _middle_glue
            meaning = cache.get(glue)
            if meaning is None:
                meaning = _learn_glue(cache, glue, True, not last)
            items, fields = meaning
            if items:
                props, notes = _collect(items, variants, props, notes)
    return unit_of(variants, props, notes, line, attrs, default_srclang)


def _collect(items: tuple, variants: list[Variant], props: tuple[Prop, ...],
             notes: tuple[Note, ...]) -> tuple[tuple[Prop, ...], tuple[Note, ...]]:
    """Sort a glue's unit-level items (complete variants without a segment, props, notes)."""
    for item in items:
        if type(item) is Variant:
            variants.append(item)
        elif type(item) is Prop:
            props += (item,)
        else:
            notes += (item,)
    return props, notes


def _learn_glue(cache: dict[str, tuple], text: str, after_seg: bool, before_seg: bool) -> tuple:
    """The meaning of the markup ``text`` between two segments (or a segment and the unit's
    start or end), remembered in ``cache`` (emptied when full), which callers consult first:
    ``(items, fields)``, where ``items`` are the unit-level props, notes and segment-less
    variants it holds and ``fields`` the open variant's attributes, props and notes when a
    segment follows."""
    meaning = _parse_glue(_tokens(text), after_seg, before_seg)
    _learned[0] += 1
    if len(text) <= _CACHEABLE:
        if len(cache) >= _GLUE_CACHE_SIZE:
            cache.clear()
        cache[text] = meaning
    return meaning


def _tokens(text: str) -> list[tuple[str, str, tuple[tuple[str, str], ...] | str]]:
    """``(kind, name, attributes)`` for tags (kind start, end or empty) and
    ``("text", "", text)`` for the text between them."""
    tokens: list[tuple[str, str, tuple[tuple[str, str], ...] | str]] = []
    pos = 0
    while (lt := text.find("<", pos)) >= 0:
        if lt > pos:
            tokens.append(("text", "", text[pos:lt]))
        tag = _TAG.match(text, lt)
        if tag is None:
            raise Unsupported(f"markup in a unit the scanner does not read: {text[lt:lt + 20]!r}")
        closing, name, attrs, empty = tag.groups()
        if ":" in name or name[0] in "!?" or name == "tu":
            raise Unsupported("a comment, CDATA, instruction, namespaced element or unit in a unit")
        if closing:
            if attrs or empty:
                raise Unsupported("a malformed end tag")
            tokens.append(("end", name, ()))
        else:
            tokens.append(("empty" if empty else "start", name, _attributes(attrs)))
        pos = tag.end()
    if pos < len(text):
        tokens.append(("text", "", text[pos:]))
    return tokens


def _parse_glue(tokens: list, after_seg: bool, before_seg: bool) -> tuple:
    """Interpret a glue's tokens as the element reader sees the elements (see :func:`_glue`).
    Text between elements is skipped, as the element reader ignores it too."""
    index = _skip_text(tokens, 0)
    if after_seg:  # the segment's variant ends first
        if index == len(tokens) or tokens[index][:2] != ("end", "tuv"):
            raise Unsupported("markup after a segment inside its variant")
        index += 1
    items: list = []
    while (index := _skip_text(tokens, index)) < len(tokens):
        kind, name, _attrs = tokens[index]
        if name in ("prop", "note") and kind != "end":
            item, index = _annotation(tokens, index)
            items.append(item)
        elif name == "tuv" and kind != "end":
            fields, index = _variant_start(tokens, index)
            if fields[-1] is _SEG_FOLLOWS:
                if not before_seg:
                    raise Unsupported("a variant left open")
                return tuple(items), fields[:-1]
            items.append(build.variant(fields[0], EMPTY_SEGMENT, fields[6], fields[7], fields[1],
                                       fields[2], fields[3], fields[4], fields[5]))
        else:
            raise Unsupported(f"<{name}> inside a unit")
    if before_seg:
        raise Unsupported("a segment outside a variant")
    return tuple(items), None


_SEG_FOLLOWS = object()
"""Marks a variant whose ``<seg>`` element comes right after the glue."""


def _skip_text(tokens: list, index: int) -> int:
    while index < len(tokens) and tokens[index][0] == "text":
        index += 1
    return index


def _variant_start(tokens: list, index: int) -> tuple[tuple, int]:
    """The ``<tuv>`` at ``tokens[index]``: its fields (variant fields, props, notes and
    whether its ``<seg>`` follows the glue) and the index after what was read of it. Its
    children are props and notes, then an empty ``<seg/>`` or none, then ``</tuv>``; or props
    and notes up to the end of the glue, where the segment follows."""
    kind, _name, attrs = tokens[index]
    fields = variant_fields(attrs)
    if kind == "empty":
        return fields + ((), (), None), index + 1
    props: list[Prop] = []
    notes: list[Note] = []
    segment_read = False
    index += 1
    while (index := _skip_text(tokens, index)) < len(tokens):
        kind, name, _attrs = tokens[index]
        if name in ("prop", "note") and kind != "end" and not segment_read:
            item, index = _annotation(tokens, index)
            (props if name == "prop" else notes).append(item)
        elif name == "seg" and kind == "empty" and not segment_read:
            segment_read = True
            index += 1
        elif name == "tuv" and kind == "end":
            return fields + (tuple(props), tuple(notes), None), index + 1
        else:
            raise Unsupported(f"<{name}> inside a variant")
    if segment_read:
        raise Unsupported("a variant left open after an empty segment")
    return fields + (tuple(props), tuple(notes), _SEG_FOLLOWS), index


def _annotation(tokens: list, index: int) -> tuple[Prop | Note, int]:
    """The ``<prop>`` or ``<note>`` starting at ``tokens[index]``, and the index after it."""
    kind, name, attrs = tokens[index]
    make = prop_of if name == "prop" else note_of
    if kind == "empty":
        return make(attrs, None), index + 1
    following = tokens[index + 1:index + 3]
    if following and following[0][:2] == ("end", name):
        return make(attrs, None), index + 2
    if len(following) == 2 and following[0][0] == "text" and following[1][:2] == ("end", name):
        return make(attrs, _text(following[0][2])), index + 3
    raise Unsupported(f"markup inside <{name}>")


# --------------------------------------------------------------------------- content


_code_cache: dict[str, InlineCode] = {}


def _content(markup: str) -> tuple[Part, ...]:
    """The parts of a segment's content holding inline codes, as the element reader builds
    them. Memories repeat the same few codes endlessly, so a code without codes inside is
    looked up by its markup; anything nested goes through the tokenizer."""
    pieces = _SIMPLE_CODE.split(markup)
    parts: list[Part] = []
    for index in range(0, len(pieces), 2):
        text = pieces[index]
        if text:
            if "<" in text:  # codes inside codes
                return _nested_content(markup)
            parts.append(_text(text) if "&" in text or "\r" in text else text)
        if index + 1 < len(pieces):
            code_markup = pieces[index + 1]
            code = _code_cache.get(code_markup)
            if code is None:  # _tokens refuses comments, instructions and units among codes
                (code,) = _nested_content(code_markup)
                _learned[0] += 1
                if len(code_markup) <= _CACHEABLE:
                    if len(_code_cache) >= _GLUE_CACHE_SIZE:
                        _code_cache.clear()
                    _code_cache[code_markup] = code
            parts.append(code)
    return tuple(parts)


def _nested_content(markup: str) -> tuple[Part, ...]:
    """Any content, tag by tag: codes holding ``<sub>`` (or ``<hi>`` holding codes)."""
    stack: list[tuple[str, tuple[tuple[str, str], ...], list[Part]]] = []
    parts: list[Part] = []
    for kind, name, value in _tokens(markup):
        if kind == "text":
            parts.append(_text(value))
        elif kind == "start":
            if len(stack) == MAX_DEPTH:
                raise Unsupported("inline codes nested too deep")
            stack.append((name, value, parts))
            parts = []
        elif kind == "empty":
            parts.append(build.code(name, value, ()))
        else:
            if not stack or stack[-1][0] != name:
                raise Unsupported("unbalanced inline codes")
            opened, attrs, outer = stack.pop()
            outer.append(build.code(opened, attrs, tuple(parts)))
            parts = outer
    if stack:
        raise Unsupported("unbalanced inline codes")
    return tuple(parts)


_attribute_names: dict[tuple[str, ...], tuple[str, ...] | None] = {}


def _attributes(text: str) -> tuple[tuple[str, str], ...]:
    """``name="value"`` pairs as lxml reports them: ``xml:`` names in Clark notation, values
    with line ends and tabs turned to spaces and references decoded (XML 1.0 section 3.3.3).
    ``text`` is what :data:`_ATTRS` matched."""
    if not text:
        return ()
    simple = _simple_attributes(text)
    if simple is not None:
        return simple
    items = []
    for name, quoted in _ATTR.findall(text):
        if ":" in name:
            prefix, _colon, local = name.partition(":")
            if prefix != "xml" or not local or local == "id":  # libxml2 checks xml:id values
                raise Unsupported("a namespaced attribute, or xml:id")
            name = f"{{{XML_NS}}}{local}"
        elif name == "xmlns":
            raise Unsupported("a namespace declaration")
        value = quoted[1:-1]
        if "\r" in value:
            value = value.replace("\r\n", "\n")
        value = value.translate(_ATTR_SPACE)
        if "&" in value:
            value = _REFERENCE.sub(_reference, value)
        items.append((name, value))
    return tuple(items)


def _simple_attributes(text: str) -> tuple[tuple[str, str], ...] | None:
    """The pairs of an attribute list in the usual shape, or None when ``text`` is anything
    else: double quotes only, no references, no characters XML turns into spaces, no prefixed
    names or namespace declarations, nothing after the last value but white space.

    A unit's attributes differ in every unit (its tuid), but the text around the values
    (`` tuid=``, `` creationdate=``) does not: splitting at the quotes and looking the names
    up by that text is twice as fast as a regular expression, and checks the shape too."""
    if ("&" in text or "\n" in text or "\t" in text or "\r" in text or ":" in text or "'" in text
            or "xmlns" in text):  # seven substring tests: a third of one regular expression search
        return None
    parts = text.split('"')
    if not len(parts) % 2 or parts[-1].strip(" \t\r\n"):
        return None
    around = tuple(parts[0:-1:2])
    names = _attribute_names.get(around, ())
    if names == ():
        names = _names_between(around)
        if len(text) <= _CACHEABLE:
            if len(_attribute_names) >= _GLUE_CACHE_SIZE:
                _attribute_names.clear()
            _attribute_names[around] = names
    if names is None:
        return None
    return tuple(zip(names, parts[1::2], strict=True))


def _names_between(around: tuple[str, ...]) -> tuple[str, ...] | None:
    """The attribute names in the texts between double-quoted values, or None when one of
    them is not exactly ``name=`` with optional white space."""
    names = []
    for text in around:
        name = _NAME_BEFORE_VALUE.fullmatch(text)
        if name is None:
            return None
        names.append(name.group(1))
    return tuple(names)


def _text(raw: str) -> str:
    """Character data as XML delivers it: line ends normalized, then references decoded.
    When every ``&`` starts one of XML's five entities, string replacements do it (five
    times faster than a substitution calling back into Python); ``&amp;`` goes last, so
    ``&amp;lt;`` stays ``&lt;``."""
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in raw:
        if raw.count("&") == sum(raw.count(entity) for entity in _PREDEFINED_FIRST):
            for entity, character in _PREDEFINED_FIRST.items():
                raw = raw.replace(entity, character)
        else:
            raw = _REFERENCE.sub(_reference, raw)
    return raw


def _reference(match: re.Match[str]) -> str:
    name = match.group(1)
    value = _PREDEFINED.get(name)
    if value is not None:
        return value
    number = _CHARACTER_REFERENCE.fullmatch(name)
    if number is None:
        raise Unsupported(f"the entity &{name};")
    digits = (number.group(1) or number.group(2)).lstrip("0")
    code = -1 if len(digits) > 8 else int(digits or "0", 16 if number.group(1) else 10)
    if not 0 < code <= 0x10FFFF:
        raise Unsupported(f"the character reference &{name};")
    return chr(code)


def clear_caches() -> None:
    """Forget every remembered glue, code and attribute-name list (and the miss count), so
    the next file is read as by a fresh process; tests use it to stay independent of order."""
    for cache in (_first_glue, _middle_glue, _last_glue, _whole_glue, _code_cache, _attribute_names):
        cache.clear()
    _learned[0] = 0
