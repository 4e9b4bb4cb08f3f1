"""The XML serialization primitives of the TMX writer: escaping, names, start tags, checks.

The writer builds each ``<tu>`` as a string instead of an lxml element: on a memory of
millions of units, creating and serializing element objects costs several times more than
the parse it mirrors (see bench/tmx_read.py). These few helpers carry the XML rules the
serializer would otherwise have enforced: markup characters are escaped (and ``\\r``,
``\\n``, ``\\t`` in attributes, which parsers would otherwise normalize away), Clark-notation
names get prefixes and declarations, and characters XML 1.0 cannot carry are refused.

That last check runs on finished UTF-8 markup, a chunk of units at a time, rather than on
every string: :func:`check_utf8` scans the encoded bytes, which costs a fraction of a
regular expression run per text. :func:`check_chars` then says which character was at fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

XML_NS = "http://www.w3.org/XML/1998/namespace"

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_SPECIAL = re.compile('[&<>"\r\n\t]')
_NAME = re.compile(r"[^\W\d][\w.\-]*\Z")
_valid_names: set[str] = set()


def check_chars(text: str) -> None:
    """Raise ValueError naming the first character of ``text`` XML 1.0 cannot carry."""
    bad = _INVALID.search(text)
    if bad is not None:
        raise ValueError(f"character U+{ord(bad.group()):04X} is not allowed in XML 1.0")


def check_utf8(data: bytes) -> None:
    """Raise ValueError naming the first character of UTF-8 ``data`` XML 1.0 cannot carry.

    Lone surrogates cannot be encoded at all, so the writer meets them earlier (see
    :func:`encode_error`); the remaining forbidden characters are the C0 controls (single
    bytes) and U+FFFE/U+FFFF (``EF BF BE``/``EF BF BF``). Both are looked for with numpy's
    vectorized byte comparisons, which run at memory speed: the bytes below 0x20 are
    gathered (the markup's own newlines make them never absent) and must all be tab,
    newline or carriage return, and ``EF`` (rare in Cyrillic and Azerbaijani text) must
    not begin either character. This replaced a ``bytes.translate`` deletion pass plus a
    substring search that took a quarter of the writer's instructions (bench/tmx_read.py).
    numpy is imported here, not at module level, so commands that never write TMX do not
    pay for it at startup.
    """
    import numpy

    octets = numpy.frombuffer(data, numpy.uint8)
    controls = octets[numpy.flatnonzero(octets < 0x20)]
    if (((controls != 0x0A) & (controls != 0x09) & (controls != 0x0D)).any()
            or ((octets == 0xEF).any()
                and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data))):
        check_chars(data.decode("utf-8"))


def encode_error(exc: UnicodeEncodeError) -> ValueError:
    """The XML-level reason a text could not be encoded (a lone surrogate), as ValueError."""
    try:
        check_chars(exc.object if isinstance(exc.object, str) else "")
    except ValueError as found:
        return found
    return ValueError(str(exc))


def escape_text(text: str) -> str:
    """``text`` as element content; ``\\r`` becomes a reference so it survives parsing.

    Most text needs nothing, which four substring tests (memchr speed) answer before any
    replacing. Forbidden characters pass through: the writer refuses them per chunk.
    """
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "&#13;"))
    return text


def escape_attr(value: str) -> str:
    """``value`` inside double quotes, whitespace characters kept as references."""
    if _ATTR_SPECIAL.search(value) is None:
        return value
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#9;"))


cached_escape_attr = lru_cache(maxsize=4096)(escape_attr)
""":func:`escape_attr` for values that repeat across a memory (languages, ids, types)."""


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
