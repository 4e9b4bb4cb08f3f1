"""Segments with inline codes as compact JSON, so the store gives back exactly what it took.

A string part stays a JSON string; an :class:`~tmkit.model.InlineCode` becomes
``{"k": kind, "a": [[name, value], ...], "c": [parts...]}``. Segments without codes are not
encoded at all (the plain text column already holds them), which keeps a million-unit
import from paying for JSON it does not need.
"""

from __future__ import annotations

import json

from tmkit.model import InlineCode, Part, Segment


def encode_segment(segment: Segment) -> str | None:
    """JSON for a segment with codes; None when the plain text says everything."""
    if not segment.has_codes:
        return None
    return json.dumps([_encode(p) for p in segment.parts], ensure_ascii=False, separators=(",", ":"))


def decode_segment(text: str, parts: str | None) -> Segment:
    """The segment stored as ``text`` and (for segments with codes) ``parts`` JSON."""
    if parts is None:
        return Segment.of(text)
    return Segment.of(*(_decode(p) for p in json.loads(parts)))


def _encode(part: Part) -> object:
    if isinstance(part, str):
        return part
    return {"k": part.kind, "a": [list(a) for a in part.attrs], "c": [_encode(p) for p in part.content]}


def _decode(value: object) -> Part:
    if isinstance(value, str):
        return value
    assert isinstance(value, dict)
    return InlineCode(value["k"], tuple((str(n), str(v)) for n, v in value["a"]),
                      tuple(_decode(p) for p in value["c"]))
