"""The one hardened XML entry point every reader uses.

Translation files come from vendors, CAT tools and archives nobody audits, so parsing is
locked down in one place: no entity expansion, no DTD loading, no network access. A document
whose DOCTYPE declares entities (billion laughs, XXE) is refused at its first element,
before any of them could be expanded, and syntax errors become :class:`InputError` with the
file, line and column.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import IO

from lxml import etree

from tmkit.errors import InputError, UnsafeXmlError

Source = str | os.PathLike | IO[bytes]

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"
"""The ``xml:`` attributes every format uses, in lxml's Clark notation."""

PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                      remove_comments=False)


def source_name(source: Source) -> str:
    """A printable name for a path or file object, used in error messages."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def _refuse_entities(tree: etree._ElementTree, name: str) -> None:
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    entities = list(dtd.iterentities())
    if entities:
        first = entities[0]
        kind = "external entity" if first.system_url else "entity"
        raise UnsafeXmlError(
            f"refusing XML that declares {len(entities)} {kind} definition(s) "
            f"(first: '{first.name}'); entity expansion is disabled for safety",
            path=name, line=1, hint="remove the <!ENTITY> declarations from the DOCTYPE")


_DECLARED_UTF16 = re.compile(rb"""\A<\?xml[^>]*?encoding\s*=\s*["'](utf-?16[^"']*|ucs-?2)["']""", re.IGNORECASE)


def _false_utf16_declaration(name: str) -> str | None:
    """The declared encoding when a file says UTF-16 in a declaration written in single
    bytes: real UTF-16 text would begin with a byte order mark or hold NUL bytes."""
    try:
        with open(name, "rb") as handle:
            head = handle.read(256)
    except OSError:
        return None
    match = _DECLARED_UTF16.match(head)
    if match is None or b"\x00" in head:
        return None
    return match.group(1).decode("ascii")


def syntax_error(exc: etree.XMLSyntaxError, name: str) -> InputError:
    """Turn lxml's syntax error into an :class:`InputError` naming file, line and column."""
    line, column = (exc.position if exc.position else (exc.lineno, None))
    message = str(exc.msg or exc).split(", line ")[0]
    declared = _false_utf16_declaration(name) if line == 1 else None
    if declared is not None:  # what the parser says about it ("Blank needed here") hides the cause
        return InputError(f"the XML declaration says encoding=\"{declared}\" but the file is not UTF-16 "
                          f"(no byte order mark, single-byte text); decoding failed at column {column}",
                          path=name, line=line, column=column,
                          hint="fix the declaration (encoding=\"UTF-8\"), or save the file as UTF-16")
    if not line:  # the streaming parser met the end before any element: nothing to point at
        line, column = 1, None
        if message == "no element found":
            message = "the document is empty (no root element)"
    if "amplification" in message or "entity loop" in message.lower():
        return UnsafeXmlError(f"refusing XML whose entity definitions expand explosively ({message})",
                              path=name, line=line, column=column,
                              hint="remove the <!ENTITY> declarations from the DOCTYPE")
    return InputError(f"malformed XML: {message}", path=name, line=line, column=column)


def iterparse(source: Source, events: tuple[str, ...] = ("start", "end"),
              tag: str | tuple[str, ...] | None = None) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs from a file under the hardened settings.

    Callers clear elements they are done with; this generator only guarantees safety and
    precise errors. Comment and processing-instruction events are not requested. The
    DOCTYPE is inspected at the first event, whatever it is: entities are never expanded,
    so nothing dangerous can have happened before it, and asking for extra "start" events
    just to look earlier would double the events of a streaming reader.
    """
    name = source_name(source)
    try:
        context = etree.iterparse(source, events=events, tag=tag, **PARSER_OPTIONS)
        iterator = iter(context)
        for event, element in iterator:
            _refuse_entities(element.getroottree(), name)
            yield event, element
            break
        yield from iterator
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name) from None
    except OSError as exc:
        raise _os_error(exc, name) from None


def _os_error(exc: OSError, name: str) -> InputError:
    if isinstance(exc, FileNotFoundError) or not os.path.exists(name):
        return InputError("file not found", path=name, hint="check the path")
    return InputError(f"cannot read file: {exc.strerror or exc}", path=name)


def parse(source: Source) -> etree._ElementTree:
    """Parse a whole (small) document under the hardened settings."""
    name = source_name(source)
    parser = etree.XMLParser(**PARSER_OPTIONS)
    try:
        tree = etree.parse(source, parser)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name) from None
    except OSError as exc:
        raise _os_error(exc, name) from None
    _refuse_entities(tree, name)
    return tree


def parse_bytes(data: bytes, name: str = "<bytes>") -> etree._ElementTree:
    """Parse an in-memory document (used for sniffing and tests) under the same settings."""
    parser = etree.XMLParser(**PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name) from None
    tree = root.getroottree()
    _refuse_entities(tree, name)
    return tree
