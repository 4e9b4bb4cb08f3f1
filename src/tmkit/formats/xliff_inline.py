"""XLIFF inline markup <-> :class:`tmkit.model.Segment`, and code translation between formats.

Reading keeps each inline element as an :class:`InlineCode` named after the element
(1.2: g/x/bx/ex/bpt/ept/ph/it/mrk/sub; 2.0: pc/ph/sc/ec/mrk/sm/em) with its attributes, so
reading then writing the same version loses nothing. XLIFF 2.0 keeps native markup apart in
``originalData``; the reader puts it back into the code's ``content`` (pc keeps its start and
end data in two internal attributes), which makes 2.0 codes look like their 1.2 and TMX
cousins for the checks and for conversion.

Writing another format's codes goes through :func:`adapt_segment`, which renames kinds and
attributes to what the target schema allows (TMX ``bpt i=1`` becomes 2.0 ``sc id=1``, 1.2
``g`` becomes 2.0 ``pc``, an unpaired opening code becomes isolated) instead of emitting
elements the schema would reject.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from lxml import etree

from tmkit.errors import UsageError
from tmkit.formats.tmx_markup import escape_attr
from tmkit.formats.xmlsafe import XML_LANG
from tmkit.model import InlineCode, Note, Part, Segment

TMKIT_NS = "urn:tmkit:xliff-inline"
DATA_START = f"{{{TMKIT_NS}}}data-start"
DATA_END = f"{{{TMKIT_NS}}}data-end"

WRAPPERS = frozenset({"g", "mrk", "pc", "hi"})
OPENERS = frozenset({"bpt", "bx", "sc"})
CLOSERS = frozenset({"ept", "ex", "ec"})
_INVALID_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def append_note(parent: etree._Element, tag: str, note: Note, allowed: Collection[str]) -> etree._Element:
    """A ``<note>`` under ``parent`` with the note's text, language and allowed attributes.

    XLIFF 1.2 and 2.0 allow different note attributes; each writer passes its own set.
    """
    element = etree.SubElement(parent, tag)
    for key, value in note.extra:
        if key in allowed:
            element.set(key, value)
    if note.lang:
        element.set(XML_LANG, note.lang)
    element.text = note.text
    return element


def local_name(tag: object) -> str:
    """The element name without namespace (``{urn:..}unit`` -> ``unit``)."""
    text = str(tag)
    return text.rsplit("}", 1)[-1]


# --------------------------------------------------------------------------- reading


def read_segment(element: etree._Element, data: Mapping[str, str] | None = None) -> Segment:
    """The content of a ``source``/``target`` element as a segment.

    ``data`` maps XLIFF 2.0 ``originalData`` ids to their text so ``dataRef`` codes get
    their native markup back.
    """
    return Segment.of(*_read_parts(element, data or {}))


def _read_parts(element: etree._Element, data: Mapping[str, str]) -> list[Part]:
    parts: list[Part] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_read_code(child, data))
        parts.append(child.tail or "")
    return parts


def _read_code(element: etree._Element, data: Mapping[str, str]) -> Part:
    kind = local_name(element.tag)
    attrs = dict(element.attrib)
    if kind == "cp":
        return _code_point(attrs.get("hex", ""))
    if kind in WRAPPERS:
        if kind == "pc":
            for ref, internal in (("dataRefStart", DATA_START), ("dataRefEnd", DATA_END)):
                if attrs.get(ref) in data:
                    attrs[internal] = data[attrs[ref]]
        return InlineCode(kind, tuple(attrs.items()), Segment.of(*_read_parts(element, data)).parts)
    ref = attrs.get("dataRef")
    if ref is not None and ref in data:
        return InlineCode(kind, tuple(attrs.items()), (data[ref],))
    return InlineCode(kind, tuple(attrs.items()), Segment.of(*_read_parts(element, data)).parts)


def _code_point(hex_value: str) -> str:
    try:
        return chr(int(hex_value, 16))
    except ValueError:
        return ""


def read_original_data(element: etree._Element | None) -> dict[str, str]:
    """``originalData/data`` of an XLIFF 2.0 unit or match as id -> text (cp resolved)."""
    found: dict[str, str] = {}
    if element is None:
        return found
    for data in element:
        if isinstance(data.tag, str) and local_name(data.tag) == "data":
            found[data.get("id", "")] = Segment.of(*_read_parts(data, {})).text
    return found


# --------------------------------------------------------------------------- adapting codes


_CTYPES_12 = frozenset({"image", "pb", "lb", "bold", "italic", "underlined", "link"})
_MTYPES_12 = frozenset(
    ["abbrev", "abbreviated-form", "abbreviation", "acronym", "appellation", "collocation", "common-name", "datetime", "equation", "expanded-form", "formula", "head-term", "initialism", "international-scientific-term", "internationalism", "logical-expression", "materials-management-unit", "name", "near-synonym", "part-number", "phrase", "phraseological-unit", "protected", "romanized-form", "seg", "set-phrase", "short-form", "sku", "standard-text", "symbol", "synonym", "synonymous-phrase", "term", "transcribed-form", "transliterated-form", "truncated-term", "variant"])
_ASSOC_12 = {"p": "preceding", "f": "following", "b": "both", "preceding": "preceding",
             "following": "following", "both": "both"}
"""TMX ``assoc`` abbreviations -> XLIFF 1.2 values."""
_TYPES_20 = frozenset({"fmt", "ui", "quote", "link", "image", "other"})
_TYPE_TO_20 = {"bold": ("fmt", "xlf:b"), "italic": ("fmt", "xlf:i"),
               "ulined": ("fmt", "xlf:u"), "lb": ("fmt", "xlf:lb"), "pb": ("fmt", "xlf:pb"),
               "link": ("link", None), "image": ("image", None), "quote": ("quote", None)}
"""TMX/1.2 code types (TMX spelling) -> 2.0 ``type`` and the ``subType`` 2.0 defines for it."""
_SUBTYPE_FROM_20 = {sub: name for name, (_t, sub) in _TYPE_TO_20.items() if sub}
_FMT_TYPES = frozenset({"color", "dulined", "font", "scap"})
"""Other TMX formatting types: 2.0 ``type="fmt"`` with ``subType="tmkit:<type>"``."""
SUBTYPE_PREFIX = "tmkit:"
_TMX_TYPES = frozenset({"bold", "color", "dulined", "font", "italic", "link", "scap", "struct",
                        "ulined", "index", "date", "time", "fnote", "enote", "alt", "image",
                        "pb", "lb", "cb", "inset"})
"""Values TMX 1.4 recommends for ``type``; 1.2 writes the ones it lacks as ``x-<type>``."""
_CTYPE_FROM_TMX = {"ulined": "underlined"}

_ATTRS_12 = {
    "g": ("id", "ctype", "xid"),
    "x": ("id", "ctype", "xid", "equiv-text"),
    "bx": ("id", "rid", "ctype", "xid", "equiv-text"),
    "ex": ("id", "rid", "xid", "equiv-text"),
    "bpt": ("id", "rid", "ctype", "ts", "crc", "xid", "equiv-text"),
    "ept": ("id", "rid", "ts", "crc", "xid", "equiv-text"),
    "ph": ("id", "ctype", "ts", "crc", "assoc", "xid", "equiv-text"),
    "it": ("id", "pos", "rid", "ctype", "ts", "crc", "xid", "equiv-text"),
    "mrk": ("mtype", "mid", "comment"),
    "sub": ("ctype", "xid", "datatype"),
}
_COMMON_20 = ("canCopy", "canDelete", "canReorder", "copyOf", "subType", "type")
_ATTRS_20 = {
    "pc": ("id", "canOverlap", "dispEnd", "dispStart", "equivEnd", "equivStart", "dataRefEnd",
           "dataRefStart", "subFlowsEnd", "subFlowsStart", "dir", DATA_START, DATA_END)
    + _COMMON_20,
    "ph": ("id", "disp", "equiv", "dataRef", "subFlows") + _COMMON_20,
    "sc": ("id", "canOverlap", "dataRef", "dir", "disp", "equiv", "isolated", "subFlows")
    + _COMMON_20,
    "ec": ("id", "canOverlap", "dataRef", "dir", "disp", "equiv", "isolated", "startRef",
           "subFlows") + _COMMON_20,
    "mrk": ("id", "translate", "type", "ref", "value"),
    "sm": ("id", "translate", "type", "ref", "value"),
    "em": ("startRef",),
}
_ATTRS_TMX = {
    "bpt": ("i", "x", "type"),
    "ept": ("i",),
    "it": ("pos", "x", "type"),
    "ph": ("x", "type", "assoc"),
    "hi": ("x", "type"),
    "ut": ("x",),
    "sub": ("type", "datatype"),
}


def is_tmx_code(code: InlineCode) -> bool:
    """A code TMX 1.4 can write as it is: a TMX element with only the attributes TMX gives
    it (a ``bpt`` read from XLIFF 1.2 carries ``id`` and no ``i``, so it still needs
    :func:`adapt_segment`)."""
    allowed = _ATTRS_TMX.get(code.kind)
    if allowed is None or any(name not in allowed for name, _ in code.attrs):
        return False
    if code.kind in ("bpt", "ept"):
        return any(name == "i" for name, _ in code.attrs)
    return code.kind != "it" or dict(code.attrs).get("pos") in ("begin", "end")


def _nmtoken(value: str) -> str:
    cleaned = re.sub(r"[^\w.\-:]", "_", value)
    return cleaned or "_"


@dataclass
class _Ids:
    """Pairing and id bookkeeping for one segment being adapted.

    ``paired`` holds the keys of opening codes whose closing code follows them in the
    segment; ``used`` the ids given out so far (XLIFF 2.0 wants them unique); ``started``
    maps a pairing key to the id its opening code received, for the closing code's startRef.
    """

    counter: int = 0
    paired: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)
    started: dict[str, str] = field(default_factory=dict)
    tmx_numbers: dict[str, str] = field(default_factory=dict)
    x_pairs: set[str] = field(default_factory=set)

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def unique(self, candidate: str) -> str:
        chosen, number = _nmtoken(candidate), 1
        while chosen in self.used:
            number += 1
            chosen = f"{_nmtoken(candidate)}-{number}"
        self.used.add(chosen)
        return chosen


def _pair_key(code: InlineCode) -> str | None:
    """What links an opening code to its closing one, whatever the source format."""
    if code.kind in CLOSERS:
        return code.attr("startRef") or code.attr("rid") or code.attr("i") or code.attr("id")
    return code.attr("rid") or code.attr("i") or code.attr("id")


def _scan_pairs(parts: tuple[Part, ...], ids: _Ids, pending: set[str] | None = None) -> None:
    """Find the opening codes that a later closing code with the same key closes."""
    pending = set() if pending is None else pending
    for part in parts:
        if not isinstance(part, InlineCode):
            continue
        key = _pair_key(part)
        if part.kind in OPENERS and key and part.attr("isolated") != "yes":
            pending.add(key)
        elif part.kind in CLOSERS and key in pending and part.attr("isolated") != "yes":
            pending.discard(key)
            ids.paired.add(key)
        if part.kind in WRAPPERS:
            _scan_pairs(part.content, ids, pending)


def adapt_segment(segment: Segment, target: str) -> Segment:
    """``segment`` with its codes renamed to what ``target`` ("1.2", "2.0", "tmx") allows.

    Codes already native to the target keep their attributes (minus any the schema
    rejects); codes from other formats are translated kind by kind. Text never changes.
    """
    adapt = {"1.2": _to_12, "2.0": _to_20, "tmx": _to_tmx}.get(target)
    if adapt is None:
        raise UsageError(f"unknown inline-code target '{target}'")
    parts = segment.parts if target == "tmx" else regroup(segment.parts)
    ids = _Ids()
    _scan_pairs(parts, ids)
    return Segment.of(*_adapt_parts(parts, adapt, ids))


def _adapt_parts(parts: tuple[Part, ...], adapt: Callable[[InlineCode, _Ids], list[Part]],
                 ids: _Ids) -> list[Part]:
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            out.extend(adapt(part, ids))
    return out


def _keep(attrs: dict[str, str], allowed: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Allowed attributes plus foreign-namespace ones (every XLIFF schema accepts those)."""
    kept = []
    for key, value in attrs.items():
        foreign = key.startswith("{") and not key.startswith(f"{{{TMKIT_NS}}}")
        if key in allowed or foreign:
            kept.append((key, value))
    return tuple(kept)


def _native(code: InlineCode) -> tuple[Part, ...]:
    """Native content as plain text plus ``sub`` elements (what bpt/ph may hold)."""
    return tuple(p for p in code.content if isinstance(p, str) or p.kind == "sub")


def _to_12(code: InlineCode, ids: _Ids) -> list[Part]:
    code = _restored(code)
    attrs = dict(code.attrs)
    kind = code.kind
    key = _pair_key(code)
    if kind in ("sm", "em"):
        return []
    if kind in ("g", "pc", "hi", "mrk"):
        inner = tuple(_adapt_parts(code.content, _to_12, ids))
        if kind == "mrk" or kind == "hi":
            mtype = attrs.get("mtype") or _mtype_from(attrs, kind)
            if mtype not in _MTYPES_12 and not mtype.startswith("x-"):
                mtype = "x-" + _nmtoken(mtype)
            new = {"mtype": mtype}
            if "mid" in attrs or "id" in attrs:
                new["mid"] = _nmtoken(attrs.get("mid") or attrs["id"])
            return [InlineCode("mrk", _keep({**attrs, **new}, _ATTRS_12["mrk"]), inner)]
        new = {"id": _nmtoken(attrs.get("id") or attrs.get("x") or ids.fresh("g"))}
        ctype = _ctype_12(attrs)
        if ctype:
            new["ctype"] = ctype
        return [InlineCode("g", _keep({**attrs, **new}, _ATTRS_12["g"]), inner)]
    native = _native(code)
    new = {"id": _nmtoken(attrs.get("id") or attrs.get("x") or key or ids.fresh("c"))}
    if kind in OPENERS or kind in CLOSERS:
        if key in ids.paired and attrs.get("isolated") != "yes":
            kind = ("bpt" if native else "bx") if kind in OPENERS else ("ept" if native else "ex")
            if _needs_rid(code, attrs, key, ids):
                new["rid"] = _nmtoken(key or "")
        else:
            new["pos"] = "open" if kind in OPENERS else "close"
            kind = "it"
    elif kind == "it":
        pos = attrs.get("pos", "begin")
        new["pos"] = {"begin": "open", "end": "close"}.get(pos, pos)
    else:
        kind = "ph" if native else "x"
    if kind == "ph" and attrs.get("assoc"):
        new["assoc"] = _ASSOC_12.get(attrs["assoc"], attrs["assoc"])
        if new["assoc"] not in _ASSOC_12.values():
            del new["assoc"]
            attrs.pop("assoc")
    ctype = _ctype_12(attrs)
    if ctype and kind not in ("ept", "ex"):
        new["ctype"] = ctype
    if attrs.get("equiv") and "equiv-text" not in attrs:
        new["equiv-text"] = attrs["equiv"]
    content = tuple(_sub_to(p, "1.2") for p in native) if kind in ("bpt", "ept", "ph", "it") else ()
    return [InlineCode(kind, _keep({**attrs, **new}, _ATTRS_12[kind]), content)]


def _needs_rid(code: InlineCode, attrs: dict[str, str], key: str | None, ids: _Ids) -> bool:
    """Whether a paired 1.2 code needs ``rid``: native 1.2 codes keep theirs; a TMX pair gets
    one only when its ``x`` became the ``id`` (``id`` is then not the pairing ``i``), which is
    how :func:`_to_tmx` knows to give ``x`` back; other formats' codes always get one."""
    if code.kind in ("bpt", "ept", "bx", "ex") and "i" not in attrs:
        return "rid" in attrs
    if "i" not in attrs:
        return True
    if "x" in attrs and key:
        ids.x_pairs.add(key)
    return key in ids.x_pairs


def _ctype_12(attrs: dict[str, str]) -> str | None:
    """The 1.2 ``ctype`` for a code of any format: its own ctype, a 2.0 ``subType``
    (``xlf:b`` -> bold, ``tmkit:color`` -> x-color), or a TMX/2.0 ``type``."""
    if attrs.get("ctype"):
        return _ctype(attrs["ctype"])
    name = _subtype_name(attrs.get("subType"))
    value = name or attrs.get("type")
    return _ctype(value) if value else None


def _subtype_name(sub_type: str | None) -> str | None:
    """A 2.0 ``subType`` as the TMX-style type name it stands for, or None."""
    if not sub_type:
        return None
    if sub_type in _SUBTYPE_FROM_20:
        return _SUBTYPE_FROM_20[sub_type]
    if sub_type.startswith(SUBTYPE_PREFIX):
        return sub_type[len(SUBTYPE_PREFIX):]
    return None


def _tmx_type(attrs: dict[str, str]) -> str | None:
    """The TMX ``type`` for a code of any format: the inverse of :func:`_ctype_12` and
    :func:`_type_20`, so a TMX type survives a trip through either XLIFF version."""
    name = _subtype_name(attrs.get("subType"))
    if name:
        return name
    ctype = attrs.get("ctype")
    if ctype:
        if ctype == "underlined":
            return "ulined"
        return ctype[2:] if ctype.startswith("x-") and ctype[2:] in _TMX_TYPES else ctype
    value = attrs.get("type")
    return value if value and value not in ("fmt", "ui", "other") else None


def _mtype_from(attrs: dict[str, str], kind: str) -> str:
    if attrs.get("translate") == "no":
        return "protected"
    value = attrs.get("type", "")
    if value == "term":
        return "term"
    if kind == "hi":
        return "x-hi"
    return "x-" + _nmtoken(value.replace(":", "-")) if value else "x-generic"


def _ctype(value: str) -> str:
    value = _CTYPE_FROM_TMX.get(value, value)
    return value if value in _CTYPES_12 or value.startswith("x-") else "x-" + _nmtoken(value)


def _sub_to(part: Part, target: str) -> Part:
    if isinstance(part, str):
        return part
    allowed = _ATTRS_12["sub"] if target == "1.2" else _ATTRS_TMX["sub"]
    inner = [p if isinstance(p, str) else p.text() or p.native_text for p in part.content]
    return InlineCode("sub", _keep(dict(part.attrs), allowed), Segment.of(*inner).parts)


def _to_20(code: InlineCode, ids: _Ids) -> list[Part]:
    code = _restored(code)
    attrs = dict(code.attrs)
    kind = code.kind
    key = _pair_key(code)
    if kind in ("sm", "em"):
        return [InlineCode(kind, _keep(attrs, _ATTRS_20[kind]), ())]
    if kind in ("g", "pc", "hi", "mrk"):
        inner = tuple(_adapt_parts(code.content, _to_20, ids))
        if kind in ("mrk", "hi"):
            new = {"id": ids.unique(attrs.get("id") or attrs.get("mid") or ids.fresh("m"))}
            if "mtype" in attrs or kind == "hi":
                mtype = attrs.get("mtype", "")
                if mtype == "protected":
                    new["translate"] = "no"
                new["type"] = "term" if mtype == "term" else "generic"
            return [InlineCode("mrk", _keep({**attrs, **new}, _ATTRS_20["mrk"]), inner)]
        new = {"id": ids.unique(attrs.get("id") or attrs.get("x") or ids.fresh("g"))}
        _type_20(attrs, new)
        return [InlineCode("pc", _keep({**attrs, **new}, _ATTRS_20["pc"]), inner)]
    content = tuple(p if isinstance(p, str) else p.native_text for p in code.content)
    new: dict[str, str] = {}
    if kind == "it":
        kind = "ec" if attrs.get("pos") in ("end", "close") else "sc"
        new["isolated"] = "yes"
        new["id"] = ids.unique(attrs.get("id") or attrs.get("x") or key or ids.fresh("i"))
    elif kind in OPENERS:
        kind = "sc"
        new["id"] = ids.unique(attrs.get("id") or key or ids.fresh("s"))
        if key in ids.paired and attrs.get("isolated") != "yes":
            ids.started[key] = new["id"]
        else:
            new["isolated"] = "yes"
    elif kind in CLOSERS:
        kind = "ec"
        if key in ids.started and attrs.get("isolated") != "yes":
            new["startRef"] = ids.started.pop(key)
        else:
            new["isolated"] = "yes"
            new["id"] = ids.unique(attrs.get("id") or key or ids.fresh("e"))
    else:
        kind = "ph"
        new["id"] = ids.unique(attrs.get("id") or attrs.get("x") or ids.fresh("p"))
    if kind != "ec":
        _type_20(attrs, new)
    else:
        attrs.pop("type", None)
        attrs.pop("subType", None)
    if attrs.get("equiv-text") and "equiv" not in attrs:
        new["equiv"] = attrs["equiv-text"]
    merged = {**attrs, **new}
    if kind == "ec" and "startRef" in new:
        merged.pop("id", None)
        merged.pop("isolated", None)
    elif kind == "ec":
        merged.pop("startRef", None)
    return [InlineCode(kind, _keep(merged, _ATTRS_20[kind]), Segment.of(*content).parts)]


def _type_20(attrs: dict[str, str], new: dict[str, str]) -> None:
    """2.0 ``type``/``subType`` for a code of any format: 2.0's own values stay; TMX and 1.2
    types become ``fmt`` + ``xlf:b``/``xlf:i``/``xlf:u``... where 2.0 defines one, and
    ``subType="tmkit:<type>"`` otherwise, so :func:`_tmx_type` can give the type back."""
    value = attrs.get("type") or attrs.get("ctype")
    if value in _TYPES_20:
        new["type"] = value
        return
    attrs.pop("type", None)
    attrs.pop("subType", None)
    if not value:
        return
    name = _tmx_type({"ctype": value} if "ctype" in attrs else {"type": value}) or value
    if name in _TYPE_TO_20:
        kind, sub_type = _TYPE_TO_20[name]
        new["type"] = kind
        if sub_type:
            new["subType"] = sub_type
        return
    new["type"] = "fmt" if name in _FMT_TYPES else "other"
    new["subType"] = SUBTYPE_PREFIX + re.sub(r"[\s:]", "_", name)


def _to_tmx(code: InlineCode, ids: _Ids) -> list[Part]:
    attrs = dict(code.attrs)
    kind = code.kind
    key = _pair_key(code)
    if kind in ("sm", "em"):
        return []
    if kind in WRAPPERS:
        inner = tuple(_adapt_parts(code.content, _to_tmx, ids))
        if kind in ("g", "pc"):
            return _wrapper_to_tmx(code, attrs, inner, ids)
        if kind == "hi":
            return [InlineCode("hi", _keep(attrs, _ATTRS_TMX["hi"]), inner)]
        return [InlineCode("hi", (("type", kind),), inner)]
    native = tuple(_sub_to(p, "tmx") for p in _native(code))
    described = _tmx_described(attrs, kind)
    if kind == "it" or (kind in ("sc", "ec") and attrs.get("isolated") == "yes"):
        pos = attrs.get("pos") or ("end" if kind == "ec" else "begin")
        pos = {"open": "begin", "close": "end"}.get(pos, pos)
        return [InlineCode("it", (("pos", pos), *described), native)]
    if kind in OPENERS or kind in CLOSERS:
        pairing = key if key in ids.paired else None
        if pairing is None:
            pos = "begin" if kind in OPENERS else "end"
            return [InlineCode("it", (("pos", pos), *described), native)]
        if kind in CLOSERS:
            return [InlineCode("ept", (("i", _tmx_int(pairing, ids)),), native)]
        return [InlineCode("bpt", (("i", _tmx_int(pairing, ids)), *described), native)]
    if kind == "ut":
        return [InlineCode("ut", _keep(attrs, _ATTRS_TMX["ut"]), native)]
    if not native and kind in _PLACEHOLDERS and attrs and not any(k.startswith("{") for k in attrs):
        # an XLIFF placeholder has no native data for TMX to hold; its own markup is that data
        native = (_placeholder_markup(code),)
    kept = tuple((k, v) for k, v in _keep(attrs, _ATTRS_TMX["ph"]) if k not in ("x", "type"))
    return [InlineCode("ph", (*described, *kept), native)]


def _tmx_described(attrs: dict[str, str], kind: str) -> tuple[tuple[str, str], ...]:
    """TMX ``x`` and ``type`` for a code from XLIFF: ``x`` is a TMX code's own or a whole-number
    XLIFF ``id`` that is not the pairing key (1.2 ``bpt id=x rid=i``, see :func:`_needs_rid`;
    a placeholder's or a ``g``'s id); ``type`` from ctype/subType/type (:func:`_tmx_type`)."""
    found: list[tuple[str, str]] = []
    x = attrs.get("x")
    if x is None and (attrs.get("id") or "").isdigit():
        paired_by_rid = kind in ("bpt", "bx", "sc") and "rid" in attrs
        if paired_by_rid or kind in ("ph", "x", "it", "g", "pc"):
            x = attrs["id"]
    if x is not None:
        found.append(("x", x))
    kind_type = _tmx_type(attrs)
    if kind_type:
        found.append(("type", kind_type))
    return tuple(found)


def _wrapper_to_tmx(code: InlineCode, attrs: dict[str, str], inner: tuple[Part, ...],
                    ids: _Ids) -> list[Part]:
    """XLIFF ``g``/``pc`` as a TMX ``bpt``/``ept`` pair whose native data is the element's own
    tags (what Okapi writes): a formatting code stays a code, not a ``hi`` annotation, and
    :func:`regroup` turns the pair back into the same element with every attribute."""
    number = _tmx_int(attrs.get("id") or ids.fresh("g"), ids)
    own = {k: v for k, v in attrs.items() if not k.startswith(f"{{{TMKIT_NS}}}")}
    start, end = attrs.get(DATA_START), attrs.get(DATA_END)
    if start is None or end is None:
        start, end = _start_tag(code.kind, own), f"</{code.kind}>"
    opening = InlineCode("bpt", (("i", number), *_tmx_described(own, "g")), (start,))
    return [opening, *inner, InlineCode("ept", (("i", number),), (end,))]


def _start_tag(kind: str, attrs: dict[str, str]) -> str:
    attributes = "".join(f' {name}="{escape_attr(value)}"' for name, value in attrs.items()
                         if not name.startswith("{"))
    return f"<{kind}{attributes}>"


_WRAPPER_START = re.compile(r'<(g|pc)((?:\s+[\w.:-]+="[^"<>]*")*)\s*>')


def regroup(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """TMX ``bpt``/``ept`` pairs holding an XLIFF ``<g ...>``/``</g>`` (or ``pc``) as their
    native data (see :func:`_wrapper_to_tmx`) turned back into that wrapping element.

    Only properly nested pairs at one level are joined; anything else stays as it is.
    """
    out: list[Part] = []
    open_codes: list[tuple[int, str, InlineCode]] = []
    for part in parts:
        if isinstance(part, InlineCode) and part.wraps_text:
            part = InlineCode(part.kind, part.attrs, regroup(part.content))
        elif isinstance(part, InlineCode) and part.kind == "bpt":
            element = _wrapper_element(part)
            if element is not None:
                open_codes.append((len(out), part.attr("i") or "", element))
        elif isinstance(part, InlineCode) and part.kind == "ept" and open_codes:
            start, number, element = open_codes[-1]
            if number == part.attr("i") and part.native_text == f"</{element.kind}>":
                open_codes.pop()
                inner = tuple(out[start + 1:])
                del out[start:]
                out.append(InlineCode(element.kind, element.attrs, inner))
                continue
        out.append(part)
    return tuple(out)


def _wrapper_element(code: InlineCode) -> InlineCode | None:
    """The empty ``g``/``pc`` a ``bpt``'s native data spells, or None."""
    if len(code.content) != 1 or not isinstance(code.content[0], str):
        return None
    found = _WRAPPER_START.fullmatch(code.content[0].strip())
    if found is None:
        return None
    attrs = tuple((name, html.unescape(value))
                  for name, value in _MARKUP_ATTRIBUTE.findall(found.group(2)))
    return InlineCode(found.group(1), attrs, ())


_PLACEHOLDERS = ("x", "ph")
_PLACEHOLDER_MARKUP = re.compile(r'<(x|ph)((?:\s+[\w.:-]+="[^"<>]*")*)\s*/>')
_MARKUP_ATTRIBUTE = re.compile(r'([\w.:-]+)="([^"]*)"')


def _placeholder_markup(code: InlineCode) -> str:
    """``<x id="INTERPOLATION" equiv-text="{{ n }}"/>``: an XLIFF placeholder as the native
    data of a TMX ``<ph>`` (how Okapi keeps such codes), so it can come back from a TMX."""
    attributes = "".join(f' {name}="{escape_attr(value)}"' for name, value in code.attrs)
    return f"<{code.kind}{attributes}/>"


def _restored(code: InlineCode) -> InlineCode:
    """The XLIFF placeholder a TMX ``<ph>`` holds as its native data (see
    :func:`_placeholder_markup`), or ``code`` itself."""
    if code.kind != "ph" or len(code.content) != 1 or not isinstance(code.content[0], str):
        return code
    found = _PLACEHOLDER_MARKUP.fullmatch(code.content[0].strip())
    if found is None:
        return code
    attrs = tuple((name, html.unescape(value)) for name, value in _MARKUP_ATTRIBUTE.findall(found.group(2)))
    return InlineCode(found.group(1), attrs, ())


def _tmx_int(key: str, ids: _Ids) -> str:
    """TMX pairs codes with an integer ``i``; other formats allow any token."""
    if key.isdigit():
        return key
    if key not in ids.tmx_numbers:
        ids.tmx_numbers[key] = str(1000 + len(ids.tmx_numbers))
    return ids.tmx_numbers[key]


# --------------------------------------------------------------------------- writing


@dataclass
class OriginalData:
    """The ``originalData`` an XLIFF 2.0 unit (or match) needs for its codes' native markup."""

    entries: dict[str, str] = field(default_factory=dict)

    def reference(self, wanted: str | None, text: str) -> str:
        """An id holding ``text``: ``wanted`` when free or already equal, else a new one."""
        if wanted and self.entries.get(wanted, text) == text:
            self.entries[wanted] = text
            return wanted
        for existing, value in self.entries.items():
            if value == text:
                return existing
        number = len(self.entries) + 1
        while f"d{number}" in self.entries:
            number += 1
        self.entries[f"d{number}"] = text
        return f"d{number}"


def append_segment(parent: etree._Element, segment: Segment, namespace: str,
                   data: OriginalData | None = None) -> None:
    """Append ``segment``'s text and codes to ``parent`` (already adapted to the version)."""
    _append_parts(parent, segment.parts, namespace, data, code_point=data is not None)


def _append_parts(parent: etree._Element, parts: tuple[Part, ...], namespace: str,
                  data: OriginalData | None, code_point: bool) -> None:
    last: etree._Element | None = None
    for part in parts:
        if isinstance(part, str):
            for piece in _text_pieces(part, code_point):
                if isinstance(piece, _Hex):
                    last = etree.SubElement(parent, f"{{{namespace}}}cp", hex=str(piece))
                else:
                    _add_text(parent, last, piece)
            continue
        last = _code_element(parent, part, namespace, data, code_point)


def _text_pieces(text: str, code_point: bool) -> list[str]:
    """Split text around characters XML 1.0 cannot carry; 2.0 writes them as ``cp``."""
    if not _INVALID_XML_CHAR.search(text):
        return [text]
    if not code_point:
        bad = _INVALID_XML_CHAR.search(text).group()  # type: ignore[union-attr]
        raise UsageError(f"character U+{ord(bad):04X} cannot be written to this format "
                         "(XML 1.0 forbids it); use XLIFF 2.0, which has <cp>")
    pieces: list[str] = []
    position = 0
    for found in _INVALID_XML_CHAR.finditer(text):
        pieces.append(text[position:found.start()])
        pieces.append(_Hex(f"{ord(found.group()):04X}"))
        position = found.end()
    pieces.append(text[position:])
    return pieces


class _Hex(str):
    """A code point to be written as ``<cp hex=..>``, kept apart from ordinary text."""


def _add_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _code_element(parent: etree._Element, code: InlineCode, namespace: str,
                  data: OriginalData | None, code_point: bool) -> etree._Element:
    attrs = dict(code.attrs)
    start_data = attrs.pop(DATA_START, None)
    end_data = attrs.pop(DATA_END, None)
    element = etree.SubElement(parent, f"{{{namespace}}}{code.kind}")
    if data is not None and code.kind == "pc":
        if start_data is not None:
            attrs["dataRefStart"] = data.reference(attrs.get("dataRefStart"), start_data)
        if end_data is not None:
            attrs["dataRefEnd"] = data.reference(attrs.get("dataRefEnd"), end_data)
    if data is not None and code.kind in ("ph", "sc", "ec"):
        if code.content:
            attrs["dataRef"] = data.reference(attrs.get("dataRef"), code.native_text)
        else:
            attrs.pop("dataRef", None)
    for key, value in attrs.items():
        element.set(key, value)
    if data is not None and code.kind not in WRAPPERS:
        return element
    if code.kind == "sub" or code.kind in WRAPPERS or data is None:
        _append_parts(element, code.content, namespace, data, code_point)
    return element
