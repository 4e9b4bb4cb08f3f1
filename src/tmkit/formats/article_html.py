"""HTML articles: the block elements a CMS emits, read with lxml.html.

Inline elements (a, b, strong, i, em, span, br, code...) become paired or placeholder
codes holding their original tags, so a memory built from HTML can rebuild the markup.
Scripts, styles, navigation and comments are not prose and are skipped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from tmkit.errors import InputError
from tmkit.formats.article import Block
from tmkit.model import InlineCode, Part, Segment

_BLOCKS = {"h1": "title", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
           "h6": "heading", "p": "paragraph", "li": "list-item", "blockquote": "quote",
           "figcaption": "caption", "caption": "caption", "title": "title"}
_SKIP = {"script", "style", "nav", "noscript", "template", "head", "svg"}
_EMPTY = {"br", "img", "hr", "wbr"}


def parse_html(data: bytes, name: str) -> list[Block]:
    """Blocks of an HTML document in document order, with their source lines."""
    if not data.strip():
        return []
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  default_doctype=False, encoding=_declared_charset(data))
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}", path=name) from None
    blocks = []
    seen_title = False
    for element in _block_elements(root):
        kind = _BLOCKS[element.tag]
        if kind == "title":
            if seen_title:
                kind = "heading"
            seen_title = True
        segment = Segment.of(*_inline_parts(element, itertools.count(1)))
        text = segment.text
        if text.strip():
            blocks.append(Block(kind, _normalize_space(segment), element.sourceline or 1))
    return blocks


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str:
    """The charset a <meta> declares, else UTF-8 (what newsroom CMSs write), not Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else "utf-8"


def _block_elements(root: etree._Element) -> Iterator[etree._Element]:
    """Outermost block elements, skipping the <title> when the body has an <h1>."""
    has_h1 = root.find(".//h1") is not None
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if element.tag == "title" and has_h1:
            continue
        if any(isinstance(a.tag, str) and (a.tag in _BLOCKS or a.tag in _SKIP)
               for a in element.iterancestors()):
            continue
        yield element


def _inline_parts(element: etree._Element, pair_ids: Iterator[int]) -> list[Part]:
    parts: list[Part] = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SKIP:
            parts.append(child.tail or "")
            continue
        opening = _start_tag(child)
        if child.tag in _EMPTY:
            parts.append(InlineCode("ph", (("type", child.tag),), (opening,)))
        else:
            pair = str(next(pair_ids))
            parts.append(InlineCode("bpt", (("i", pair), ("type", child.tag)), (opening,)))
            parts.extend(_inline_parts(child, pair_ids))
            parts.append(InlineCode("ept", (("i", pair),), (f"</{child.tag}>",)))
        parts.append(child.tail or "")
    return parts


def _start_tag(element: etree._Element) -> str:
    attrs = "".join(f' {k}="{v}"' for k, v in element.attrib.items())
    return f"<{element.tag}{attrs}{' /' if element.tag in _EMPTY else ''}>"


def _normalize_space(segment: Segment) -> Segment:
    """Collapse HTML whitespace runs in text parts, as a browser would render them."""
    parts: list[Part] = []
    for part in segment.parts:
        parts.append(re.sub(r"\s+", " ", part) if isinstance(part, str) else part)
    if parts and isinstance(parts[0], str):
        parts[0] = parts[0].lstrip()
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip()
    return Segment.of(*parts)
