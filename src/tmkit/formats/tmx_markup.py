"""The XML serialization primitives of the TMX writer: escaping, names, start tags.

The writer builds each ``<tu>`` as a string instead of an lxml element: on a memory of
millions of units, creating and serializing element objects costs several times more than
the parse it mirrors (see bench/tmx_read.py). These few helpers carry the XML rules the
serializer would otherwise have enforced: characters XML 1.0 cannot carry are refused,
markup characters are escaped (and ``\\r``, ``\\n``, ``\\t`` in attributes, which parsers
would otherwise normalize away), and Clark-notation names get prefixes and declarations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

XML_NS = "http://www.w3.org/XML/1998/namespace"

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_SPECIAL = re.compile('[&<>"\r\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
_NAME = re.compile(r"[^\W\d][\w.\-]*\Z")
_valid_names: set[str] = set()


def _check(text: str) -> None:
    bad = _INVALID.search(text)
    if bad is not None:
        raise ValueError(f"character U+{ord(bad.group()):04X} is not allowed in XML 1.0")


def escape_text(text: str) -> str:
    """``text`` as element content; ``\\r`` becomes a reference so it survives parsing.

    Most text needs nothing: one regex search answers that before any replacing.
    """
    if _TEXT_SPECIAL.search(text) is None:
        return text
    _check(text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


@lru_cache(maxsize=4096)
def escape_attr(value: str) -> str:
    """``value`` inside double quotes, whitespace characters kept as references.

    Cached: attribute values (languages, ids, types) repeat across a memory.
    """
    if _ATTR_SPECIAL.search(value) is None:
        return value
    _check(value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#9;"))


def qualified(name: str, declarations: dict[str, str]) -> str:
    """The prefixed form of a Clark name; new namespaces are added to ``declarations``."""
    if name[0] == "{":
        uri, local = name[1:].split("}", 1)
        if uri == XML_NS:
            name = "xml:" + local
        else:
            prefix = declarations.setdefault(uri, f"ns{len(declarations)}")
            name = f"{prefix}:{local}"
        _check_name(local)
    else:
        _check_name(name)
    return name


def _check_name(name: str) -> None:
    if name in _valid_names:
        return
    if not _NAME.match(name):
        raise ValueError(f"{name!r} is not a valid XML name")
    if len(_valid_names) < 4096:
        _valid_names.add(name)


@lru_cache(maxsize=4096)
def start_tag(tag: str, attrs: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """``<tag a="v" ...`` (not closed) and the qualified tag name for the end tag.

    Cached: inline codes repeat the same few start tags (``<bpt i="1" type="bold">``).
    """
    declarations: dict[str, str] = {}
    name = qualified(tag, declarations)
    return f"<{name}{_attributes(attrs, declarations)}", name


def attributes(attrs: Iterable[tuple[str, str]]) -> str:
    """Serialized attributes (with any namespace declarations they need), leading space."""
    return _attributes(attrs, {})


def _attributes(attrs: Iterable[tuple[str, str]], declarations: dict[str, str]) -> str:
    pairs = "".join([f' {qualified(key, declarations)}="{escape_attr(value)}"'
                     for key, value in attrs])
    namespaces = "".join([f' xmlns:{prefix}="{escape_attr(uri)}"'
                          for uri, prefix in declarations.items()])
    return namespaces + pairs
