"""Fast constructors for the frozen model classes the TMX reader creates by the million.

A frozen dataclass ``__init__`` assigns each field through ``object.__setattr__``; for a
unit with three variants that is over half of the reader's own time (bench/tmx_read.py).
Setting the slots directly through their descriptors gives identical objects at about half
the cost. Each constructor sets every field, and :func:`_require_fields` checks at import
that the model still has exactly these fields, so a model change fails loudly here
instead of leaving a slot unset.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

from tmkit.model import Attrs, InlineCode, Note, Part, Prop, Segment, TranslationUnit, Variant


def _require_fields(cls: type, names: str) -> None:
    actual = tuple(f.name for f in fields(cls))
    if actual != tuple(names.split()):
        raise ImportError(f"tmkit.formats.tmx_build is out of date with model.{cls.__name__}: "
                          f"fields are {actual}")


_require_fields(Segment, "parts")
_require_fields(InlineCode, "kind attrs content")
_require_fields(Variant, "lang segment props notes creation_date creation_id change_date "
                         "change_id forms extra")
_require_fields(TranslationUnit, "variants tuid srclang props notes creation_date "
                                 "creation_id change_date change_id usage_count "
                                 "last_usage_date state matches line extra")
_require_fields(Prop, "type value lang extra")
_require_fields(Note, "text lang extra")

_new = object.__new__
_seg_parts = Segment.parts.__set__
_c_kind, _c_attrs, _c_content = (getattr(InlineCode, f.name).__set__ for f in fields(InlineCode))
(_v_lang, _v_segment, _v_props, _v_notes, _v_cdate, _v_cid, _v_mdate, _v_mid, _v_forms,
 _v_extra) = (getattr(Variant, f.name).__set__ for f in fields(Variant))
(_u_variants, _u_tuid, _u_srclang, _u_props, _u_notes, _u_cdate, _u_cid, _u_mdate, _u_mid,
 _u_count, _u_used, _u_state, _u_matches, _u_line,
 _u_extra) = (getattr(TranslationUnit, f.name).__set__ for f in fields(TranslationUnit))
_p_type, _p_value, _p_lang, _p_extra = (getattr(Prop, f.name).__set__ for f in fields(Prop))


def segment(parts: tuple[Part, ...]) -> Segment:
    """``Segment(parts)``; ``parts`` must already be merged (no adjacent or empty strings)."""
    obj = _new(Segment)
    _seg_parts(obj, parts)
    return obj


def code(kind: str, attrs: Attrs, content: tuple[Part, ...]) -> InlineCode:
    obj = _new(InlineCode)
    _c_kind(obj, kind)
    _c_attrs(obj, attrs)
    _c_content(obj, content)
    return obj


def variant(lang: str, seg: Segment, props: tuple[Prop, ...], notes: tuple[Note, ...],
            creation_date: datetime | None, creation_id: str | None,
            change_date: datetime | None, change_id: str | None, extra: Attrs) -> Variant:
    obj = _new(Variant)
    _v_lang(obj, lang)
    _v_segment(obj, seg)
    _v_props(obj, props)
    _v_notes(obj, notes)
    _v_cdate(obj, creation_date)
    _v_cid(obj, creation_id)
    _v_mdate(obj, change_date)
    _v_mid(obj, change_id)
    _v_forms(obj, ())
    _v_extra(obj, extra)
    return obj


def unit(variants: tuple[Variant, ...], tuid: str | None, srclang: str | None,
         props: tuple[Prop, ...], notes: tuple[Note, ...], creation_date: datetime | None,
         creation_id: str | None, change_date: datetime | None, change_id: str | None,
         usage_count: int | None, last_usage_date: datetime | None, line: int | None,
         extra: Attrs) -> TranslationUnit:
    obj = _new(TranslationUnit)
    _u_variants(obj, variants)
    _u_tuid(obj, tuid)
    _u_srclang(obj, srclang)
    _u_props(obj, props)
    _u_notes(obj, notes)
    _u_cdate(obj, creation_date)
    _u_cid(obj, creation_id)
    _u_mdate(obj, change_date)
    _u_mid(obj, change_id)
    _u_count(obj, usage_count)
    _u_used(obj, last_usage_date)
    _u_state(obj, None)
    _u_matches(obj, ())
    _u_line(obj, line)
    _u_extra(obj, extra)
    return obj


def prop(type_: str, value: str, lang: str | None, extra: Attrs) -> Prop:
    obj = _new(Prop)
    _p_type(obj, type_)
    _p_value(obj, value)
    _p_lang(obj, lang)
    _p_extra(obj, extra)
    return obj
