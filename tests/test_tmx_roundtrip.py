"""Read, write, read again: every real-world memory and generated units come back equal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tmkit.errors import InputError
from tmkit.formats.tmx import iter_units, load_tmx, write_tmx
from tmkit.model import Header, InlineCode, Note, Prop, Segment, TranslationUnit, Variant

TMX_DIR = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "tmx"
MALFORMED = "memoq_sample_declared-utf16-but-utf8.tmx"

EXPECTED_UNITS = {
    "lisa-kit_ImportTest1A_utf16le-bom.tmx": 2,
    "lisa-kit_ImportTest1G_utf16be-bom.tmx": 3,
    "lisa-kit_ImportTest1H_us-ascii-charrefs.tmx": 3,
    "lisa-kit_ImportTest1J_tu-srclang-override.tmx": 3,
    "lisa-kit_ImportTest1L_all-attrs-ude-notes-props-comments.tmx": 1,
    "lisa-kit_ImportTest2A_utf16le_html-inline.tmx": 7,
    "lisa-kit_ImportTest2B_utf16le_rtf-inline.tmx": 7,
    "lisa-kit_ImportTest2C_sub-nested-inline.tmx": 1,
    "lyakhonov_omegat-level2_ru-en_1c-docs.tmx": 64,
    "nushell-docs-ru_level1_en-ru_tmx11.tmx": 201,
    "nushell-docs-ru_level2_en-ru_tmx14.tmx": 201,
    "okapi_Paragraph_TM_ut-element.tmx": 7,
    "okapi_html_test_utf16le.tmx": 11,
    "okapi_sample14b.tmx": 25,
    "okapi_simple_version-1.4b_no-xmldecl.tmx": 1,
    "okapi_tmxtest-attributes_utf8-bom_props.tmx": 9,
    "okapi_trados-ed8_test01_utf16le.tmx": 4,
    "omegat-l10n-ru_project_save_en-ru_tmx11.tmx": 3029,
    "omegat-l10n-uk_project_save_en-uk_tmx11.tmx": 5908,
    "omegat_invalid_misordered-bpt-ept.tmx": 1,
    "omegat_tmx11_astral-plane-chars.tmx": 1,
    "omegat_tmx11_empty-body.tmx": 0,
    "omegat_tmx11_invalid_mixed-lang-attrs.tmx": 4,
    "omegat_tmx11_missing-source-tuv.tmx": 4,
    "omegat_tmx14_9-langs-uppercase.tmx": 3,
    "openxliff_OpenXLIFF_Java_es.tmx": 519,
    "python-tmx_namespaces.tmx": 1,
    "tmx14b-spec-example_srclang-all.tmx": 2,
    "weblate_memory_3langs-per-tu.tmx": 1,
}
"""Units per well-formed file, from ../shared/realworld/README.md section 1."""


@pytest.fixture(scope="module")
def tmx_dir() -> Path:
    if not TMX_DIR.parent.is_dir():
        pytest.skip("../shared/realworld not present")
    return TMX_DIR


def test_every_well_formed_realworld_file_has_an_expected_count(tmx_dir):
    present = {p.name for p in tmx_dir.glob("*.tmx")} - {MALFORMED}
    assert present == set(EXPECTED_UNITS)


@pytest.mark.parametrize("name", sorted(EXPECTED_UNITS))
def test_realworld_unit_count_matches_the_readme(tmx_dir, name):
    assert sum(1 for _ in iter_units(tmx_dir / name)) == EXPECTED_UNITS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_UNITS))
def test_realworld_file_round_trips_unchanged(tmx_dir, tmp_path, name):
    first = load_tmx(tmx_dir / name)
    out = tmp_path / name
    assert write_tmx(out, first.units, first.header) == EXPECTED_UNITS[name]
    second = load_tmx(out)
    assert second.units == first.units
    assert (second.header.props, second.header.notes, second.header.udes) == (
        first.header.props, first.header.notes, first.header.udes)


def test_malformed_memoq_sample_raises_input_error_with_line(tmx_dir):
    with pytest.raises(InputError) as caught:
        load_tmx(tmx_dir / MALFORMED)
    assert caught.value.line is not None and caught.value.line >= 1


# --------------------------------------------------------------------------- generated units

_XML_CHARS = st.characters(blacklist_categories=("Cs",),
                           blacklist_characters="\x00\ufffe\uffff",
                           min_codepoint=0x20) | st.sampled_from("\t\n\r")
_NEWSROOM = st.sampled_from(["İ", "ı", "Ə", "ə", "ğ", "ş", "ё", "Й", "«", "»", "&", "<", ">",
                             '"', "'", "]]>", "𝐀", "😀", "\r\n", "  "])
TEXT = st.lists(_XML_CHARS | _NEWSROOM, max_size=12).map("".join)
NAMES = st.sampled_from(["i", "x", "type", "pos", "assoc", "{urn:x-desk}mark"])
ATTRS = st.dictionaries(NAMES, TEXT, max_size=3).map(lambda d: tuple(d.items()))


def _codes(children):
    native = st.builds(InlineCode, st.sampled_from(["bpt", "ept", "it", "ph", "ut"]), ATTRS,
                       st.lists(TEXT.filter(bool) | st.builds(InlineCode, st.just("sub"), ATTRS,
                                                              children), max_size=2)
                       .map(lambda parts: Segment.of(*parts).parts))
    wrapping = st.builds(InlineCode, st.just("hi"), ATTRS, children)
    return native | wrapping


SEGMENT_PARTS = st.recursive(
    st.lists(TEXT.filter(bool), max_size=1).map(tuple),
    lambda inner: st.lists(TEXT | _codes(inner), max_size=4).map(lambda p: Segment.of(*p).parts),
    max_leaves=8)
DATES = st.none() | st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
                                 timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0))
LANGS = st.sampled_from(["en", "ru", "az", "EN-US", "ru-RU", "az-Latn-AZ"])
OPT_TEXT = st.none() | TEXT
PROPS = st.lists(st.builds(Prop, TEXT, TEXT, st.none() | LANGS), max_size=2).map(tuple)
NOTES = st.lists(st.builds(Note, TEXT, st.none() | LANGS), max_size=2).map(tuple)
VARIANTS = st.builds(Variant, LANGS, SEGMENT_PARTS.map(Segment), PROPS, NOTES, DATES, OPT_TEXT,
                     DATES, OPT_TEXT)
UNITS = st.builds(TranslationUnit, st.lists(VARIANTS, min_size=1, max_size=3).map(tuple),
                  OPT_TEXT, st.sampled_from(["en", "*all*", "ru"]), PROPS, NOTES, DATES, OPT_TEXT,
                  DATES, OPT_TEXT, st.none() | st.integers(0, 10**6), DATES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=st.lists(UNITS, max_size=4))
def test_generated_units_round_trip(tmp_path, units):
    path = tmp_path / "gen.tmx"
    write_tmx(path, units, Header(srclang="en"))
    assert list(iter_units(path)) == units


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=st.lists(UNITS, min_size=1, max_size=2))
def test_generated_units_round_trip_through_utf16(tmp_path, units):
    path = tmp_path / "gen16.tmx"
    write_tmx(path, units, Header(srclang="ru"), encoding="utf-16")
    assert list(iter_units(path)) == units
