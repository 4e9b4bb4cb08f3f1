"""Fast construction of the frozen model classes bulk readers create by the million (TMX, PO).

A frozen dataclass ``__init__`` assigns each field through ``object.__setattr__``, and
even setting the slots through their descriptors costs a C-level call per field: for a
unit with three variants that was most of the reader's own time (bench/tmx_read.py).

The reader instead fills a *blank*: a plain class with exactly the model class's slots, so
each field is one ordinary attribute store, then turns it into the model class by
assigning ``__class__`` (Python allows that between classes with identical slot layouts).
The result is indistinguishable from a normally built instance (same type, equality,
hash, frozenness) at about a third of the cost. :func:`_blank_of` proves it at import
for every class, and :func:`_require_fields` checks the field lists these functions set,
so a model change fails loudly here instead of leaving a slot unset.

Hot loops (:mod:`tmx_read`) fill blanks inline; the functions below are the same recipe
for the less frequent objects and for the PO reader.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

from tmkit.model import Attrs, InlineCode, Note, Part, Prop, Segment, State, TranslationUnit, Variant


def _require_fields(cls: type, names: str) -> None:
    actual = tuple(f.name for f in fields(cls))
    if actual != tuple(names.split()):
        raise ImportError(f"tmkit.formats.model_build is out of date with model.{cls.__name__}: "
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


def _blank_of(cls: type) -> type:
    """A mutable class with ``cls``'s slots, whose instances may become ``cls`` instances.

    Checked here, at import: if Python refused the ``__class__`` assignment (a model class
    gaining ``__dict__`` or ``__weakref__``, say) the reader would fail on its first unit.
    """
    blank = type(f"Blank{cls.__name__}", (), {"__slots__": cls.__slots__,
                                                "__module__": __name__})
    probe = blank()
    for field in fields(cls):
        setattr(probe, field.name, None)
    try:
        probe.__class__ = cls
    except TypeError as exc:
        raise ImportError(f"tmkit.formats.model_build cannot build model.{cls.__name__} "
                          f"from a blank: {exc}") from None
    return blank


BlankSegment = _blank_of(Segment)
BlankCode = _blank_of(InlineCode)
BlankVariant = _blank_of(Variant)
BlankUnit = _blank_of(TranslationUnit)
BlankProp = _blank_of(Prop)


def segment(parts: tuple[Part, ...]) -> Segment:
    """``Segment(parts)``; ``parts`` must already be merged (no adjacent or empty strings)."""
    obj = BlankSegment()
    obj.parts = parts
    obj.__class__ = Segment
    return obj


def code(kind: str, attrs: Attrs, content: tuple[Part, ...]) -> InlineCode:
    obj = BlankCode()
    obj.kind = kind
    obj.attrs = attrs
    obj.content = content
    obj.__class__ = InlineCode
    return obj


def variant(lang: str, seg: Segment, props: tuple[Prop, ...], notes: tuple[Note, ...],
            creation_date: datetime | None, creation_id: str | None,
            change_date: datetime | None, change_id: str | None, extra: Attrs,
            forms: tuple[Segment, ...] = ()) -> Variant:
    obj = BlankVariant()
    obj.lang = lang
    obj.segment = seg
    obj.props = props
    obj.notes = notes
    obj.creation_date = creation_date
    obj.creation_id = creation_id
    obj.change_date = change_date
    obj.change_id = change_id
    obj.forms = forms
    obj.extra = extra
    obj.__class__ = Variant
    return obj


def unit(variants: tuple[Variant, ...], tuid: str | None, srclang: str | None,
         props: tuple[Prop, ...], notes: tuple[Note, ...], creation_date: datetime | None,
         creation_id: str | None, change_date: datetime | None, change_id: str | None,
         usage_count: int | None, last_usage_date: datetime | None, line: int | None,
         extra: Attrs, state: State | None = None) -> TranslationUnit:
    obj = BlankUnit()
    obj.variants = variants
    obj.tuid = tuid
    obj.srclang = srclang
    obj.props = props
    obj.notes = notes
    obj.creation_date = creation_date
    obj.creation_id = creation_id
    obj.change_date = change_date
    obj.change_id = change_id
    obj.usage_count = usage_count
    obj.last_usage_date = last_usage_date
    obj.state = state
    obj.matches = ()
    obj.line = line
    obj.extra = extra
    obj.__class__ = TranslationUnit
    return obj


def prop(type_: str, value: str, lang: str | None, extra: Attrs) -> Prop:
    obj = BlankProp()
    obj.type = type_
    obj.value = value
    obj.lang = lang
    obj.extra = extra
    obj.__class__ = Prop
    return obj
