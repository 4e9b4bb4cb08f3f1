"""TMX segment content <-> :class:`tmkit.model.Segment`, inline codes kept exactly.

A ``<seg>`` mixes text with bpt/ept/it/ph/hi/ut elements, and those may hold ``<sub>``
(and ``<hi>`` more codes) in turn. Both directions walk that tree recursively and keep each
element's attributes in document order, so reading then writing gives the same markup.
Reading works on lxml elements; writing produces markup text (see :mod:`tmx_markup`).
Most segments of a real memory carry no code at all; :func:`read_segment` answers those
without recursion because it runs once per variant of every unit.
"""

from __future__ import annotations

from lxml import etree

from tmkit.formats.model_build import BlankCode, BlankSegment
from tmkit.formats.tmx_markup import escape_text, start_tag
from tmkit.model import InlineCode, Part, Segment

TMX_INLINE_KINDS = frozenset({"bpt", "ept", "it", "ph", "hi", "ut", "sub"})
"""The inline elements TMX 1.1-1.4 define; anything else found in a segment is kept as is."""

EMPTY_SEGMENT = Segment()


def read_segment(seg: etree._Element) -> Segment:
    """The segment a ``<seg>`` element holds; comments and processing instructions are dropped."""
    children = seg[:]  # a slice: cheaper than len() in lxml, and reused below
    if children:
        return coded_segment(seg.text, children)
    text = seg.text
    if not text:
        return EMPTY_SEGMENT
    segment = BlankSegment()
    segment.parts = (text,)
    segment.__class__ = Segment
    return segment


def coded_segment(text: str | None, children: list[etree._Element]) -> Segment:
    """The segment of a ``<seg>`` holding ``text`` then the elements ``children`` (its
    ``seg[:]``, which a caller that already sliced need not pay for twice)."""
    segment = BlankSegment()
    segment.parts = _content(text, children)
    segment.__class__ = Segment
    return segment


def _content(text: str | None, children: list[etree._Element]) -> tuple[Part, ...]:
    """``text`` then the ``children`` elements with their tails, adjacent strings merged as
    :meth:`Segment.of` does."""
    parts: list[Part] = [text] if text else []
    dropped = False
    for child in children:
        tag = child.tag
        if type(tag) is str:
            code = BlankCode()
            code.kind = tag
            code.attrs = tuple(child.items())
            if len(child):  # a code holding <sub> (or <hi> more codes)
                code.content = _content(child.text, child[:])
            else:
                text = child.text
                code.content = (text,) if text else ()
            code.__class__ = InlineCode
            parts.append(code)
        else:
            dropped = True  # a comment or PI: the strings around it become neighbours
        tail = child.tail
        if tail:
            parts.append(tail)
    return Segment.of(*parts).parts if dropped else tuple(parts)


_code_cache: dict[tuple, str] = {}
_CODE_CACHE_SIZE = 4096


def segment_markup(parts: tuple[Part, ...]) -> str:
    """The content of a ``<seg>`` (or of an inline code) as escaped XML.

    The writer runs this for every segment that carries codes, and memories repeat the
    same few codes (``<bpt i="1">&lt;b&gt;</bpt>``) endlessly: each code's markup is kept,
    by value, in a bounded cache that is emptied when full.
    """
    out = []
    for part in parts:
        if type(part) is str:
            if "&" in part or "<" in part or ">" in part or "\r" in part:
                part = escape_text(part)
            out.append(part)
        else:
            key = (part.kind, part.attrs, part.content)
            markup = _code_cache.get(key)
            if markup is None:
                markup = _code_markup(part)
                if len(_code_cache) >= _CODE_CACHE_SIZE:
                    _code_cache.clear()
                _code_cache[key] = markup
            out.append(markup)
    return "".join(out)


class ForeignCode(Exception):
    """An inline code TMX has no element for (XLIFF ``x``, ``g``, ``pc``...): the writer
    adapts the segment (:func:`tmkit.formats.xliff_inline.adapt_segment`) and tries again.
    Raised where a code's markup is first built, so cached TMX codes cost no check."""


def _code_markup(code: InlineCode) -> str:
    if code.kind not in TMX_INLINE_KINDS:
        raise ForeignCode(code.kind)
    start, name = start_tag(code.kind, code.attrs)
    content = code.content
    if not content:
        return start + "/>"
    return f"{start}>{segment_markup(content)}</{name}>"
