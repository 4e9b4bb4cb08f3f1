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

from tmkit.formats import tmx_build as build
from tmkit.formats.tmx_markup import escape_text, start_tag
from tmkit.model import InlineCode, Part, Segment

TMX_INLINE_KINDS = frozenset({"bpt", "ept", "it", "ph", "hi", "ut", "sub"})
"""The inline elements TMX 1.1-1.4 define; anything else found in a segment is kept as is."""

EMPTY_SEGMENT = Segment()


def read_segment(seg: etree._Element) -> Segment:
    """The segment a ``<seg>`` element holds; comments and processing instructions are dropped."""
    if len(seg) == 0:
        text = seg.text
        return build.segment((text,)) if text else EMPTY_SEGMENT
    return build.segment(_content(seg))


def _content(element: etree._Element) -> tuple[Part, ...]:
    """Text and codes inside ``element``, adjacent strings merged as :meth:`Segment.of` does."""
    parts: list[Part] = []
    text = element.text
    if text:
        parts.append(text)
    dropped = False
    for child in element:
        tag = child.tag
        if type(tag) is str:
            if len(child):
                content = _content(child)
            else:
                inner = child.text
                content = (inner,) if inner else ()
            parts.append(build.code(tag, tuple(child.items()), content))
        else:
            dropped = True  # a comment or PI: the strings around it become neighbours
        tail = child.tail
        if tail:
            parts.append(tail)
    return Segment.of(*parts).parts if dropped else tuple(parts)


def segment_markup(parts: tuple[Part, ...]) -> str:
    """The content of a ``<seg>`` (or of an inline code) as escaped XML."""
    if len(parts) == 1 and isinstance(parts[0], str):
        return escape_text(parts[0])
    return "".join([escape_text(part) if isinstance(part, str) else _code_markup(part)
                    for part in parts])


def _code_markup(code: InlineCode) -> str:
    start, name = start_tag(code.kind, code.attrs)
    if not code.content:
        return start + "/>"
    return f"{start}>{segment_markup(code.content)}</{name}>"
