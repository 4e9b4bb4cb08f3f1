"""XLIFF 1.x (1.0-1.2) trans-units <-> bilingual units.

One ``trans-unit`` becomes one :class:`TranslationUnit`. Its target ``state`` (or
``approved="yes"`` when no state is given) maps onto :class:`tmkit.model.State`; a state
value the common enum cannot express exactly (``needs-adaptation``...) is kept verbatim in
the target variant's ``extra`` so writing it back restores it. ``alt-trans`` elements become
:class:`tmkit.model.Match` values, ``context-group`` contexts become ``context:<type>`` props.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from urllib.parse import quote, unquote

from lxml import etree

from tmkit.formats.bilingual import MSGCTXT_PROP, form_pairs, has_forms, make_unit, pick_pair
from tmkit.formats.xliff_inline import (
    adapt_segment,
    append_note,
    append_segment,
    local_name,
    read_segment,
)
from tmkit.formats.xmlsafe import XML_LANG
from tmkit.model import Match, Note, Prop, Segment, State, TranslationUnit

NS12 = "urn:oasis:names:tc:xliff:document:1.2"

STATE_FROM_12 = {
    "new": State.NEW,
    "needs-translation": State.NEEDS_TRANSLATION,
    "needs-adaptation": State.NEEDS_TRANSLATION,
    "needs-l10n": State.NEEDS_TRANSLATION,
    "needs-review-translation": State.NEEDS_REVIEW,
    "needs-review-adaptation": State.NEEDS_REVIEW,
    "needs-review-l10n": State.NEEDS_REVIEW,
    "translated": State.TRANSLATED,
    "signed-off": State.REVIEWED,
    "final": State.FINAL,
}
STATE_TO_12 = {
    State.NEW: "new",
    State.NEEDS_TRANSLATION: "needs-translation",
    State.NEEDS_REVIEW: "needs-review-translation",
    State.TRANSLATED: "translated",
    State.REVIEWED: "signed-off",
    State.FINAL: "final",
}

_UNIT_ATTRS = frozenset({
    "approved", "translate", "reformat", "{http://www.w3.org/XML/1998/namespace}space",
    "phase-name", "restype", "resname", "extradata", "help-id", "menu", "menu-option",
    "menu-name", "coord", "font", "css-style", "style", "exstyle", "extype", "maxbytes",
    "minbytes", "size-unit", "maxheight", "minheight", "maxwidth", "minwidth", "charclass"})
_SOURCE_ATTRS = frozenset({XML_LANG, "ts"})
_TARGET_ATTRS = frozenset({XML_LANG, "state", "state-qualifier", "phase-name", "ts", "resname",
                           "restype", "coord", "font", "css-style", "style", "exstyle",
                           "equiv-trans"})
_NOTE_ATTRS = frozenset({"from", "priority", "annotates"})
_QUALITY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%?\s*$")
CONTEXT_PREFIX = "context:"
PROPS_GROUP = "x-tmkit-props"
"""``context-group`` name (``x-tmkit-props:<unit id>``: names are unique per file) holding
the unit's other props (PO msgctxt, flags, references...)."""
ENCODED_TYPE = "x-tmkit-prop:"
"""``context-type`` prefix for a prop type that is not itself a valid ``x-`` value."""
PLURAL_RESTYPE = "x-gettext-plurals"
"""``group`` restype for a plural unit: one ``trans-unit`` per form, as Translate Toolkit writes."""
_XTEND = re.compile(r"x-\S+")


def read_trans_unit(element: etree._Element, src_lang: str, tgt_lang: str | None) -> TranslationUnit:
    """One ``trans-unit`` element (fully parsed) as a bilingual unit."""
    source_el = target_el = None
    notes: list[Note] = []
    props: list[Prop] = []
    matches: list[Match] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = local_name(child.tag)
        if name == "source" and source_el is None:
            source_el = child
        elif name == "target" and target_el is None:
            target_el = child
        elif name == "note":
            notes.append(Note(child.text or "", child.get(XML_LANG),
                              _attrs(child, _NOTE_ATTRS)))
        elif name == "alt-trans":
            matches.append(_match(child, src_lang, tgt_lang))
        elif name == "context-group":
            props.extend(_context_props(child))
    source = read_segment(source_el) if source_el is not None else Segment()
    target = read_segment(target_el) if target_el is not None else None
    state, tgt_extra = _state(element, target_el)
    return make_unit(
        src_lang, source, tgt_lang, target, tuid=element.get("id"), state=state,
        line=element.sourceline, notes=tuple(notes), props=tuple(props), matches=tuple(matches),
        src_extra=_attrs(source_el, _SOURCE_ATTRS) if source_el is not None else (),
        tgt_extra=tgt_extra, extra=_attrs(element, _UNIT_ATTRS))


def _context_props(group: etree._Element) -> Iterator[Prop]:
    """A context group's contexts as props: tmkit's own group gives back the props it was
    written from, any other ``context:<type>``."""
    ours = (group.get("name") or "").partition(":")[0] == PROPS_GROUP
    for context in group:
        if not isinstance(context.tag, str) or local_name(context.tag) != "context":
            continue
        kind = context.get("context-type", "")
        if not ours:
            yield Prop(CONTEXT_PREFIX + kind, context.text or "")
        elif kind.startswith(ENCODED_TYPE):
            yield Prop(unquote(kind[len(ENCODED_TYPE):]), context.text or "")
        else:
            yield Prop(kind, context.text or "")


def _attrs(element: etree._Element, allowed: frozenset[str]) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in element.attrib.items() if k in allowed or foreign(k))


def foreign(name: str) -> bool:
    """An attribute from another vocabulary (kept: every XLIFF version allows them)."""
    return name.startswith("{") and not name.startswith(("{urn:oasis:names:tc:xliff",
                                                          "{http://www.w3.org/XML/1998"))


def _state(unit: etree._Element, target: etree._Element | None
           ) -> tuple[State | None, tuple[tuple[str, str], ...]]:
    """The unit's state and the target attributes worth keeping verbatim."""
    if target is None:
        return (State.REVIEWED if unit.get("approved") == "yes" else None), ()
    raw = target.get("state")
    extra = tuple((k, v) for k, v in _attrs(target, _TARGET_ATTRS) if k != "state")
    if raw is None:
        return (State.REVIEWED if unit.get("approved") == "yes" else None), extra
    state = STATE_FROM_12.get(raw, State.NEEDS_REVIEW if raw.startswith("x-") else None)
    if state is None or STATE_TO_12[state] != raw:
        extra = (*extra, ("state", raw))
    return state, extra


def _match(element: etree._Element, src_lang: str, tgt_lang: str | None) -> Match:
    source_el = next((c for c in element if isinstance(c.tag, str)
                      and local_name(c.tag) == "source"), None)
    target_el = next((c for c in element if isinstance(c.tag, str)
                      and local_name(c.tag) == "target"), None)
    raw_quality = element.get("match-quality")
    found = _QUALITY.match(raw_quality or "")
    extra = tuple((k, v) for k, v in element.attrib.items() if k not in ("origin",))
    return Match(
        source=read_segment(source_el) if source_el is not None else Segment(),
        target=read_segment(target_el) if target_el is not None else Segment(),
        score=float(found.group(1)) if found else None, origin=element.get("origin"),
        source_lang=source_el.get(XML_LANG) if source_el is not None else None,
        target_lang=target_el.get(XML_LANG) if target_el is not None else None,
        extra=extra)


# --------------------------------------------------------------------------- writing


def trans_unit_elements(units: Iterable[TranslationUnit], src_lang: str, tgt_lang: str | None
                        ) -> Iterator[etree._Element]:
    """``trans-unit`` elements for ``units``, ids made unique, codes adapted to 1.2."""
    seen: set[str] = set()
    for number, unit in enumerate(units, 1):
        source, target = pick_pair(unit, src_lang, tgt_lang)
        if source is None:
            continue
        unit_id = unit.tuid or str(number)
        while unit_id in seen:
            unit_id = f"{unit_id}-{number}"
        seen.add(unit_id)
        if has_forms(source, target):
            yield _plural_group(unit, unit_id, source, target, tgt_lang)
        else:
            yield _trans_unit(unit, unit_id, source, target, tgt_lang)


def _plural_group(unit: TranslationUnit, unit_id: str, source, target, tgt_lang
                  ) -> etree._Element:
    """A plural unit as ``<group restype="x-gettext-plurals">`` with one trans-unit per form
    (ids ``id[0]``, ``id[1]``...): 1.2 has no plural forms, and this keeps every form
    translatable in a CAT tool. The first trans-unit carries the notes, props and matches."""
    group = etree.Element(_q("group"), nsmap={None: NS12})
    group.set("id", unit_id)
    group.set("restype", PLURAL_RESTYPE)
    bare = replace(unit, notes=(), props=(), matches=(), extra=())
    for index, (src, tgt) in enumerate(form_pairs(source, target)):
        child = _trans_unit(unit if index == 0 else bare, f"{unit_id}[{index}]", src, tgt, tgt_lang)
        group.append(child)
        child.tail = "\n      "
        _indent_children(child, "        ", "      ")
    group.text = "\n      "
    group[-1].tail = "\n    "
    return group


def _q(name: str) -> str:
    return f"{{{NS12}}}{name}"


def _trans_unit(unit: TranslationUnit, unit_id: str, source, target, tgt_lang) -> etree._Element:
    element = etree.Element(_q("trans-unit"), nsmap={None: NS12})
    element.set("id", unit_id)
    for key, value in unit.extra:
        if key in _UNIT_ATTRS:
            element.set(key, value)
    context = unit.prop(MSGCTXT_PROP)
    if context is not None and element.get("resname") is None:
        element.set("resname", context)  # how 1.2 tools (Okapi) name a gettext context
    _segment_child(element, "source", source.segment, source.extra, _SOURCE_ATTRS)
    if target is not None:
        target_attrs = [(k, v) for k, v in target.extra if k in _TARGET_ATTRS]
        if unit.state is not None and not any(k == "state" for k, _ in target_attrs):
            implied = unit.state is State.REVIEWED and element.get("approved") == "yes"
            if not implied:
                target_attrs.append(("state", STATE_TO_12[unit.state]))
        _segment_child(element, "target", target.segment, tuple(target_attrs), _TARGET_ATTRS)
    elif unit.state is State.REVIEWED and element.get("approved") is None:
        element.set("approved", "yes")
    contexts = [p for p in unit.props if p.type.startswith(CONTEXT_PREFIX)]
    if contexts:
        group = etree.SubElement(element, _q("context-group"))
        for prop in contexts:
            context = etree.SubElement(group, _q("context"))
            context.set("context-type", prop.type[len(CONTEXT_PREFIX):] or "x-unknown")
            context.text = prop.value
    others = [p for p in unit.props if not p.type.startswith(CONTEXT_PREFIX)]
    if others:
        _props_group(element, others, f"{PROPS_GROUP}:{unit_id}")
    for note in unit.notes:
        append_note(element, _q("note"), _note_for_12(note), _NOTE_ATTRS)
    for match in unit.matches:
        _alt_trans(element, match, tgt_lang)
    _indent_children(element, "      ", "    ")
    return element


def _props_group(parent: etree._Element, props: list[Prop], name: str) -> None:
    """Props 1.2 has no place for, as ``<context-group name="x-tmkit-props">``: the strict
    schema allows any ``x-`` context-type, so a PO unit's msgctxt, flags, references and
    previous msgid survive a trip through 1.2 (:func:`_context_props` reads them back)."""
    group = etree.SubElement(parent, _q("context-group"), name=name, purpose="information")
    for prop in props:
        context = etree.SubElement(group, _q("context"))
        context.set("context-type", prop.type if _XTEND.fullmatch(prop.type)
                    else ENCODED_TYPE + quote(prop.type, safe=""))
        context.text = prop.value


def _note_for_12(note: Note) -> Note:
    """A 2.0 note's ``category`` becomes 1.2 ``from`` when it has none (PO comment kinds)."""
    extra = dict(note.extra)
    if "from" in extra or "category" not in extra:
        return note
    return replace(note, extra=(*note.extra, ("from", extra["category"])))


def _segment_child(parent: etree._Element, name: str, segment: Segment,
                   extra, allowed: frozenset[str]) -> etree._Element:
    child = etree.SubElement(parent, _q(name))
    for key, value in extra:
        if key in allowed:
            child.set(key, value)
    append_segment(child, adapt_segment(segment, "1.2"), NS12)
    return child


def _alt_trans(parent: etree._Element, match: Match, tgt_lang: str | None) -> None:
    alt = etree.SubElement(parent, _q("alt-trans"))
    raw = dict(match.extra).get("match-quality")
    found = _QUALITY.match(raw or "")
    if raw is not None and (match.score is None or (found and float(found.group(1)) == match.score)):
        alt.set("match-quality", raw)
    elif match.score is not None:
        alt.set("match-quality", f"{match.score:g}")
    if match.origin:
        alt.set("origin", match.origin)
    for key, value in match.extra:
        if key in ("tool-id", "crc", "alttranstype", "phase-name", "datatype", "extradata",
                   "restype", "resname", "menu", "menu-option", "menu-name", "coord", "font",
                   "css-style", "style", "exstyle", "help-id"):
            alt.set(key, value)
    if match.source.parts:
        source = etree.SubElement(alt, _q("source"))
        if match.source_lang:
            source.set(XML_LANG, match.source_lang)
        append_segment(source, adapt_segment(match.source, "1.2"), NS12)
    target = etree.SubElement(alt, _q("target"))
    if match.target_lang or tgt_lang:
        target.set(XML_LANG, match.target_lang or tgt_lang or "")
    append_segment(target, adapt_segment(match.target, "1.2"), NS12)


def _indent_children(element: etree._Element, inner: str, outer: str) -> None:
    """Line breaks between structural children only: inline content is never touched."""
    children = [c for c in element if isinstance(c.tag, str)]
    element.text = "\n" + inner
    for child in children:
        child.tail = "\n" + inner
        if local_name(child.tag) in ("alt-trans", "context-group"):
            _indent_children(child, inner + "  ", inner)
    if children:
        children[-1].tail = "\n" + outer
