"""XLIFF 2.0 units <-> bilingual units, one :class:`TranslationUnit` per segment.

A 2.0 ``unit`` may hold several segments; each becomes its own unit with tuid ``unit`` (one
segment) or ``unit#segment-id`` (several; the segment's position when it has no id), and the
writer groups consecutive ``unit#...`` tuids back into one ``unit``. Segment ``state`` maps
onto :class:`tmkit.model.State`; "needs review", which 2.0 has no state for, is written as
``state="translated" subState="tmkit:needs-review"`` (and "needs translation" as
``initial`` + ``tmkit:needs-translation``) and read back. Matches come from the
matches module (``mtc:matches``) and attach to the segment their ``ref`` points at.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from lxml import etree

from tmkit.formats.bilingual import (
    MSGCTXT_PROP,
    form_pairs,
    has_forms,
    make_unit,
    merge_forms,
    pick_pair,
)
from tmkit.formats.xliff_inline import (
    OriginalData,
    adapt_segment,
    append_note,
    append_segment,
    local_name,
    read_original_data,
    read_segment,
)
from tmkit.formats.xmlsafe import XML_LANG, XML_SPACE
from tmkit.model import Match, Note, Prop, Segment, State, TranslationUnit, Variant

NS20 = "urn:oasis:names:tc:xliff:document:2.0"
MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
SUBSTATES = {State.NEEDS_REVIEW: "tmkit:needs-review",
             State.NEEDS_TRANSLATION: "tmkit:needs-translation"}
"""States 2.0 has no value for, written as a ``subState`` beside the nearest 2.0 state."""
PROPS_CATEGORY = "x-tmkit-props"
"""``mda:metaGroup`` category holding props that are not ``category:type`` (PO msgctxt...)."""
PLURAL_TYPE = "tmkit:plurals"
"""``unit`` type of a plural unit: one segment per form, joined back into one unit on reading."""

STATE_FROM_20 = {"initial": State.NEW, "translated": State.TRANSLATED,
                 "reviewed": State.REVIEWED, "final": State.FINAL}
STATE_TO_20 = {State.NEW: "initial", State.NEEDS_TRANSLATION: "initial",
               State.NEEDS_REVIEW: "translated", State.TRANSLATED: "translated",
               State.REVIEWED: "reviewed", State.FINAL: "final"}

_UNIT_ATTRS = ("name", "canResegment", "translate", "srcDir", "trgDir", XML_SPACE, "type")
_TEXT_ATTRS = (XML_LANG, XML_SPACE)
_NOTE_ATTRS = ("id", "appliesTo", "category", "priority")
_MATCH_ATTRS = ("id", "matchSuitability", "reference", "similarity", "subType", "type")


def _children(element: etree._Element, name: str, namespace: str = NS20) -> list[etree._Element]:
    return [c for c in element if c.tag == f"{{{namespace}}}{name}"]


def _child(element: etree._Element, name: str, namespace: str = NS20) -> etree._Element | None:
    found = _children(element, name, namespace)
    return found[0] if found else None


def read_unit(element: etree._Element, src_lang: str, tgt_lang: str | None) -> list[TranslationUnit]:
    """One ``unit`` element (fully parsed) as one bilingual unit per segment."""
    unit_id = element.get("id", "")
    data = read_original_data(_child(element, "originalData"))
    notes_el = _child(element, "notes")
    notes = tuple(Note(n.text or "", n.get(XML_LANG),
                       tuple((k, v) for k, v in n.attrib.items() if k in _NOTE_ATTRS))
                  for n in (_children(notes_el, "note") if notes_el is not None else ()))
    segments = _children(element, "segment")
    segment_ids = [s.get("id") for s in segments]
    matches: dict[int, list[Match]] = {}
    matches_el = _child(element, "matches", MTC_NS)
    for match_el in _children(matches_el, "match", MTC_NS) if matches_el is not None else ():
        ref = (match_el.get("ref") or "").lstrip("#")
        index = segment_ids.index(ref) if ref in segment_ids else 0
        matches.setdefault(index, []).append(_match(match_el, data))
    unit_extra = tuple((k, v) for k, v in element.attrib.items() if k in _UNIT_ATTRS)
    metadata = _child(element, "metadata", MDA_NS)
    props = tuple(_metadata_props(metadata)) if metadata is not None else ()
    units = []
    for index, segment in enumerate(segments):
        tuid = unit_id if len(segments) == 1 else f"{unit_id}#{segment.get('id') or index + 1}"
        source_el = _child(segment, "source")
        target_el = _child(segment, "target")
        state = STATE_FROM_20.get(segment.get("state", ""))
        sub_state = segment.get("subState")
        extra = unit_extra
        tmkit_state = next((s for s, value in SUBSTATES.items() if value == sub_state), None)
        if tmkit_state is not None:
            state = tmkit_state
        elif sub_state:
            extra = (*extra, ("subState", sub_state))
        units.append(make_unit(
            src_lang, read_segment(source_el, data) if source_el is not None else Segment(),
            _target_lang(tgt_lang, target_el),
            read_segment(target_el, data) if target_el is not None else None,
            tuid=tuid, state=state, line=segment.sourceline,
            notes=notes if index == 0 else (), props=props if index == 0 else (),
            matches=tuple(matches.get(index, ())),
            src_extra=_text_attrs(source_el), tgt_extra=_text_attrs(target_el, ("order",)),
            extra=extra))
    if element.get("type") == PLURAL_TYPE and units:
        merged = merge_forms(units, unit_id)
        return [replace(merged, extra=tuple((k, v) for k, v in merged.extra if k != "type"))]
    return units


def _metadata_props(group: etree._Element, category: str = "") -> Iterator[Prop]:
    """``mda:meta`` values as ``category:type`` props (nested groups: innermost category)."""
    for child in group:
        if child.tag == f"{{{MDA_NS}}}metaGroup":
            yield from _metadata_props(child, child.get("category") or category)
        elif child.tag == f"{{{MDA_NS}}}meta" and category == PROPS_CATEGORY:
            yield Prop(child.get("type", ""), child.text or "")
        elif child.tag == f"{{{MDA_NS}}}meta":
            yield Prop(f"{category or 'metadata'}:{child.get('type', '')}", child.text or "")


def metadata_props(props: Iterable[Prop]) -> list[Prop]:
    """The props a 2.0 writer keeps as ``mda:metadata``: all of them; a typed
    ``category:type`` goes into its category, any other (``x-po-msgctxt``) into
    :data:`PROPS_CATEGORY` under its own type, so reading gives back the same props."""
    return list(props)


def _meta_place(prop: Prop) -> tuple[str, str]:
    """The (category, type) a prop is written under."""
    category, sep, meta_type = prop.type.partition(":")
    if sep and category:
        return category, meta_type
    return PROPS_CATEGORY, prop.type


def _target_lang(declared: str | None, target: etree._Element | None) -> str | None:
    """``trgLang`` is optional when a file has no targets; a target without it stays "und"."""
    if declared or target is None:
        return declared
    return target.get(XML_LANG) or "und"


def _text_attrs(element: etree._Element | None, more: tuple[str, ...] = ()
                ) -> tuple[tuple[str, str], ...]:
    if element is None:
        return ()
    return tuple((k, v) for k, v in element.attrib.items() if k in _TEXT_ATTRS or k in more)


def _match(element: etree._Element, unit_data: dict[str, str]) -> Match:
    data = {**unit_data, **read_original_data(_child(element, "originalData"))}
    source_el = _child(element, "source")
    target_el = _child(element, "target")
    quality = element.get("matchQuality")
    try:
        score = float(quality) if quality is not None else None
    except ValueError:
        score = None
    return Match(
        source=read_segment(source_el, data) if source_el is not None else Segment(),
        target=read_segment(target_el, data) if target_el is not None else Segment(),
        score=score, origin=element.get("origin"),
        source_lang=source_el.get(XML_LANG) if source_el is not None else None,
        target_lang=target_el.get(XML_LANG) if target_el is not None else None,
        extra=tuple((k, v) for k, v in element.attrib.items() if k in _MATCH_ATTRS))


# --------------------------------------------------------------------------- writing


@dataclass
class _Pending:
    unit_id: str
    segment_id: str | None
    unit: TranslationUnit
    source: Variant
    target: Variant | None


def unit_elements(units: Iterable[TranslationUnit], src_lang: str, tgt_lang: str | None
                  ) -> Iterator[tuple[etree._Element, int]]:
    """``unit`` elements for ``units`` with how many units (segments) each holds.

    Consecutive ``id#seg`` tuids share one ``unit``; units without a source variant are skipped.
    """
    group: list[_Pending] = []
    seen: set[str] = set()
    for number, unit in enumerate(units, 1):
        source, target = pick_pair(unit, src_lang, tgt_lang)
        if source is None:
            continue
        unit_id, _, segment_id = (unit.tuid or str(number)).partition("#")
        unit_id = nmtoken(unit_id)
        if has_forms(source, target):
            if group:
                yield _unit_element(group, seen), len(group)
                group = []
            yield _unit_element(_plural_pendings(unit_id, unit, source, target), seen,
                                PLURAL_TYPE), 1
            continue
        if group and (not segment_id or group[0].unit_id != unit_id or not group[0].segment_id):
            yield _unit_element(group, seen), len(group)
            group = []
        group.append(_Pending(unit_id, nmtoken(segment_id) if segment_id else None,
                              unit, source, target))
    if group:
        yield _unit_element(group, seen), len(group)


def _plural_pendings(unit_id: str, unit: TranslationUnit, source: Variant,
                     target: Variant | None) -> list[_Pending]:
    """A plural unit as one segment per form (2.0 has no plural forms either); only the
    first segment's unit carries notes, props and matches so they are written once."""
    bare = replace(unit, notes=(), props=(), matches=())
    return [_Pending(unit_id, None, unit if index == 0 else bare, src, tgt)
            for index, (src, tgt) in enumerate(form_pairs(source, target))]


def nmtoken(value: str) -> str:
    """``value`` made a valid XML name token (ids in XLIFF 2.0 must be)."""
    cleaned = "".join(ch if ch.isalnum() or ch in "._-:" else "_" for ch in value)
    return cleaned or "_"


def _q(name: str, namespace: str = NS20) -> str:
    return f"{{{namespace}}}{name}"


def _unit_element(group: list[_Pending], seen: set[str], unit_type: str | None = None
                  ) -> etree._Element:
    unit_id = group[0].unit_id
    base, suffix = unit_id, 1
    while unit_id in seen:
        suffix += 1
        unit_id = f"{base}-{suffix}"
    seen.add(unit_id)
    first = group[0].unit
    with_matches = any(p.unit.matches for p in group)
    nsmap = {None: NS20, "mtc": MTC_NS} if with_matches else {None: NS20}
    element = etree.Element(_q("unit"), nsmap=nsmap)
    element.set("id", unit_id)
    for key, value in first.extra:
        if key in _UNIT_ATTRS:
            element.set(key, value)
    if unit_type:
        element.set("type", unit_type)
    context = first.prop(MSGCTXT_PROP)
    if context is not None and element.get("name") is None:
        element.set("name", context)  # the unit's resource name, as 1.2 resname
    need_ids = len(group) > 1 or any(p.unit.matches for p in group)
    segment_ids = []
    for index, pending in enumerate(group, 1):
        wanted = pending.segment_id or f"s{index}"
        segment_ids.append(wanted if wanted not in segment_ids else f"s{index}-{unit_id}")
    if with_matches:
        matches_el = etree.SubElement(element, _q("matches", MTC_NS))
        for pending, segment_id in zip(group, segment_ids, strict=True):
            for match in pending.unit.matches:
                _match_element(matches_el, match, segment_id)
    meta = metadata_props(p for pending in group for p in pending.unit.props)
    if meta:
        _metadata_element(element, meta)
    notes = [n for p in group for n in p.unit.notes]
    if notes:
        notes_el = etree.SubElement(element, _q("notes"))
        for note in notes:
            append_note(notes_el, _q("note"), _note_for_20(note), _NOTE_ATTRS)
    data = OriginalData()
    segment_elements = []
    for pending, segment_id in zip(group, segment_ids, strict=True):
        segment_elements.append(_segment_element(pending, segment_id if need_ids else None, data))
    if data.entries:
        original = etree.SubElement(element, _q("originalData"))
        for data_id, text in data.entries.items():
            data_el = etree.SubElement(original, _q("data"), id=data_id)
            append_segment(data_el, Segment.of(text), NS20, OriginalData())
    element.extend(segment_elements)
    _indent(element, "\n      ", "\n    ")
    return element


def _metadata_element(parent: etree._Element, props: list[Prop]) -> None:
    metadata = etree.SubElement(parent, _q("metadata", MDA_NS), nsmap={"mda": MDA_NS})
    groups: dict[str, etree._Element] = {}
    for prop in props:
        category, meta_type = _meta_place(prop)
        if category not in groups:
            groups[category] = etree.SubElement(metadata, _q("metaGroup", MDA_NS), category=category)
        etree.SubElement(groups[category], _q("meta", MDA_NS), type=meta_type).text = prop.value


def _note_for_20(note: Note) -> Note:
    """1.2 ``from`` (PO: translator or developer comment) becomes ``category``: 2.0 notes
    have no ``from``, and the PO writer reads either."""
    extra = dict(note.extra)
    if "category" in extra or "from" not in extra:
        return note
    return replace(note, extra=(*note.extra, ("category", extra["from"])))


def _segment_element(pending: _Pending, segment_id: str | None, data: OriginalData
                     ) -> etree._Element:
    unit = pending.unit
    segment = etree.Element(_q("segment"))
    if segment_id:
        segment.set("id", segment_id)
    if unit.state is not None:
        segment.set("state", STATE_TO_20[unit.state])
        if unit.state in SUBSTATES:
            segment.set("subState", SUBSTATES[unit.state])
        else:
            sub_state = dict(unit.extra).get("subState")
            if sub_state:
                segment.set("subState", sub_state)
    source = etree.SubElement(segment, _q("source"))
    _set_attrs(source, pending.source.extra, _TEXT_ATTRS)
    append_segment(source, adapt_segment(pending.source.segment, "2.0"), NS20, data)
    if pending.target is not None:
        target = etree.SubElement(segment, _q("target"))
        _set_attrs(target, pending.target.extra, (*_TEXT_ATTRS, "order"))
        append_segment(target, adapt_segment(pending.target.segment, "2.0"), NS20, data)
    return segment


def _set_attrs(element: etree._Element, extra, allowed) -> None:
    for key, value in extra:
        if key in allowed:
            element.set(key, value)


def _match_element(parent: etree._Element, match: Match, segment_id: str) -> None:
    element = etree.SubElement(parent, _q("match", MTC_NS))
    element.set("ref", f"#{segment_id}")
    if match.score is not None:
        element.set("matchQuality", f"{min(max(match.score, 0.0), 100.0):g}")
    if match.origin:
        element.set("origin", match.origin)
    _set_attrs(element, match.extra, _MATCH_ATTRS)
    data = OriginalData()
    source = etree.Element(_q("source"))
    append_segment(source, adapt_segment(match.source, "2.0"), NS20, data)
    target = etree.Element(_q("target"))
    append_segment(target, adapt_segment(match.target, "2.0"), NS20, data)
    if data.entries:
        original = etree.SubElement(element, _q("originalData"))
        for data_id, text in data.entries.items():
            etree.SubElement(original, _q("data"), id=data_id).text = text
    element.extend([source, target])


def _indent(element: etree._Element, inner: str, outer: str) -> None:
    """Line breaks between structural elements; source/target/data content is left alone."""
    children = [c for c in element if isinstance(c.tag, str)]
    if not children or local_name(element.tag) in ("source", "target", "data", "note"):
        return
    element.text = inner
    for child in children:
        child.tail = inner
        _indent(child, inner + "  ", inner)
    children[-1].tail = outer
