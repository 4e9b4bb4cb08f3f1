"""The reader's fast constructors build exactly what the model's own constructors build."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from tmkit.formats import model_build as build
from tmkit.model import InlineCode, Prop, Segment, State, TranslationUnit, Variant

WHEN = datetime(2026, 11, 27, tzinfo=UTC)


def _all_fields_set(obj) -> bool:
    return all(hasattr(obj, f.name) for f in fields(obj))


def test_fast_segment_and_code_equal_model_constructors():
    code = build.code("ph", (("x", "1"),), ("<br/>",))
    assert code == InlineCode("ph", (("x", "1"),), ("<br/>",))
    assert build.segment(("a", code)) == Segment(("a", code))
    assert hash(build.segment(("a",))) == hash(Segment(("a",)))


def test_fast_variant_sets_every_field_like_the_model():
    fast = build.variant("az", Segment(("ə",)), (), (), WHEN, "ayla", None, "oleg", (("k", "v"),))
    assert _all_fields_set(fast)
    assert fast == Variant("az", Segment(("ə",)), creation_date=WHEN, creation_id="ayla",
                           change_id="oleg", extra=(("k", "v"),))


def test_fast_unit_sets_every_field_like_the_model():
    fast = build.unit((), "n1", "en", (build.prop("t", "v", None, ()),), (), WHEN, None, None,
                      None, 4, None, 12, ())
    assert _all_fields_set(fast)
    assert fast == TranslationUnit((), "n1", "en", props=(Prop("t", "v"),), creation_date=WHEN,
                                   usage_count=4, line=12)


def test_fast_objects_stay_frozen():
    seg = build.segment(("a",))
    try:
        seg.parts = ("b",)
    except AttributeError:
        return
    raise AssertionError("a fast-built Segment accepted an assignment")


def test_fast_unit_and_variant_carry_state_and_forms():
    form = build.segment(("forms",))
    fast = build.unit((build.variant("en", build.segment(("form",)), (), (), None, None, None, None, (),
                                     forms=(form,)),), None, "en", (), (), None, None, None, None,
                      None, None, 3, (), state=State.NEEDS_REVIEW)
    assert fast == TranslationUnit((Variant("en", Segment(("form",)), forms=(Segment(("forms",)),)),),
                                   srclang="en", line=3, state=State.NEEDS_REVIEW)
    assert type(fast) is TranslationUnit and type(fast.variants[0]) is Variant
