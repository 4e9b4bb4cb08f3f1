"""Model values: segments with codes, language keys, term statuses."""

import dataclasses

import pytest

from tmkit.model import (
    Concept,
    InlineCode,
    Segment,
    Term,
    TermStatus,
    TranslationUnit,
    Variant,
    lang_key,
    lang_matches,
)


def test_language_codes_compare_case_insensitively():
    assert lang_key("EN-US") == lang_key("en-us") == lang_key("En_uS")


def test_base_language_matches_regional_variant():
    assert lang_matches("ru-RU", "ru")
    assert not lang_matches("rue", "ru")


def test_segment_text_skips_native_code_content_but_keeps_wrapped_text():
    bold = InlineCode("bpt", (("i", "1"),), ("<b>",))
    end = InlineCode("ept", (("i", "1"),), ("</b>",))
    hi = InlineCode("hi", (("type", "x"),), ("important",))
    seg = Segment.of("A ", bold, "bold", end, " and ", hi, ".")
    assert seg.text == "A bold and important."
    assert seg.placeholder_text() == "A {1}bold{/1} and {3}important{/3}."


def test_segment_of_merges_adjacent_strings():
    assert Segment.of("a", "", "b") == Segment.from_text("ab")


def test_replacing_a_variant_leaves_no_old_codes():
    code = InlineCode("ph", (("x", "1"),), ("<br/>",))
    unit = TranslationUnit((Variant("en", Segment.of("a", code)), Variant("ru", Segment.of("б", code))))
    replaced = unit.with_variant(Variant("RU", Segment.from_text("новый")))
    assert replaced.variant("ru").segment.codes == ()
    assert replaced.languages == ("en", "RU")


def test_values_are_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Segment.from_text("x").parts = ()


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("preferredTerm-admn-sts", TermStatus.PREFERRED),
        ("admittedTerm-admn-sts", TermStatus.ADMITTED),
        ("deprecatedTerm-admn-sts", TermStatus.DEPRECATED),
        ("supersededTerm-admn-sts", TermStatus.SUPERSEDED),
        ("obsolete", TermStatus.DEPRECATED),
        ("forbidden", TermStatus.DEPRECATED),
        ("Preferred", TermStatus.PREFERRED),
    ],
)
def test_term_status_parses_tbx_and_legacy_values(raw, status):
    assert TermStatus.parse(raw) is status


def test_concept_preferred_falls_back_to_admitted():
    concept = Concept("c1", (Term("ОДКБ", "ru", TermStatus.ADMITTED), Term("CSTO", "en")))
    assert concept.preferred("ru").text == "ОДКБ"
    assert concept.preferred("az") is None


def test_slicing_a_segment_keeps_code_pairs_with_their_sentence():
    bold = InlineCode("bpt", (("i", "1"),), ("**",))
    end = InlineCode("ept", (("i", "1"),), ("**",))
    seg = Segment.of("One. ", bold, "Two", end, ". Three.")
    text = seg.text
    second = seg.slice(text.index("Two"), text.index(" Three"))
    assert second == Segment.of(bold, "Two", end, ".")
    assert seg.slice(0, 5) == Segment.from_text("One. ")


def test_an_acronym_is_rendered_by_the_target_languages_acronym():
    csto = Concept("c001", (Term("ОДКБ", "ru", TermStatus.ADMITTED, term_type="acronym"),
                            Term("Организация Договора о коллективной безопасности", "ru"),
                            Term("Collective Security Treaty Organization", "en"),
                            Term("CSTO", "en", TermStatus.ADMITTED)))
    assert csto.rendering(csto.terms[0], "en").text == "CSTO"
    assert csto.rendering(csto.terms[1], "en").text == "Collective Security Treaty Organization"


def test_an_acronym_without_a_target_acronym_is_rendered_by_the_preferred_term():
    concept = Concept("c", (Term("МИД", "ru"), Term("Ministry of Foreign Affairs", "en")))
    assert concept.rendering(concept.terms[0], "en").text == "Ministry of Foreign Affairs"
