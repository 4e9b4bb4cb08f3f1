"""The streaming TMX reader: versions, encodings, languages, attributes, inline codes, errors."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tmkit.errors import InputError
from tmkit.formats.tmx import TmxDocument, iter_units, load_tmx, read_header
from tmkit.model import InlineCode, Segment, lang_key

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "tmx"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEADER = ('<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
          'adminlang="en" srclang="en" datatype="plaintext"/>')


def realworld(name: str) -> Path:
    if not REALWORLD.parent.is_dir():
        pytest.skip("../shared/realworld not present")
    return REALWORLD / name


def write_tmx_text(tmp_path: Path, body: str, *, header: str = HEADER, version: str = "1.4",
                   name: str = "m.tmx") -> Path:
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="{version}">'
                    f"{header}<body>{body}</body></tmx>", encoding="utf-8")
    return path


def one_unit(tmp_path: Path, tu: str, **kwargs):
    units = list(iter_units(write_tmx_text(tmp_path, tu, **kwargs)))
    assert len(units) == 1
    return units[0]


# --------------------------------------------------------------------------- encodings


def test_reader_keeps_utf16le_bom_file_units():
    units = list(iter_units(realworld("lisa-kit_ImportTest1A_utf16le-bom.tmx")))
    assert len(units) == 2
    assert {lang_key(lang) for u in units for lang in u.languages} == {"en-us", "fr-ca"}


def test_reader_decodes_utf16be_bom_file_with_mixed_char_refs():
    units = list(iter_units(realworld("lisa-kit_ImportTest1G_utf16be-bom.tmx")))
    text = " ".join(v.text for u in units for v in u.variants)
    assert len(units) == 3
    assert "à" in text and "é" in text


def test_reader_resolves_char_refs_in_us_ascii_file():
    units = list(iter_units(realworld("lisa-kit_ImportTest1H_us-ascii-charrefs.tmx")))
    text = " ".join(v.text for u in units for v in u.variants)
    assert "\u2122" in text and "\u201c" in text


def test_reader_skips_utf8_bom(tmp_path):
    path = tmp_path / "bom.tmx"
    path.write_bytes(b"\xef\xbb\xbf" + f'<tmx version="1.4">{HEADER}<body><tu><tuv xml:lang="az">'
                     "<seg>İldırım ılıq Əli ə</seg></tuv></tu></body></tmx>".encode())
    assert [u.variants[0].text for u in iter_units(path)] == ["İldırım ılıq Əli ə"]


def test_reader_keeps_astral_plane_characters():
    unit = next(iter_units(realworld("omegat_tmx11_astral-plane-chars.tmx")))
    assert any(ord(ch) > 0xFFFF for v in unit.variants for ch in v.text)


# --------------------------------------------------------------------------- versions, srclang


@pytest.mark.parametrize("version", ["1.1", "1.2", "1.3", "1.4", "1.4b"])
def test_header_keeps_the_declared_version(tmp_path, version):
    path = write_tmx_text(tmp_path, "", version=version)
    assert read_header(path).version == version


def test_root_without_version_still_reads_header_and_units(tmp_path):
    path = tmp_path / "nov.tmx"
    path.write_text(f'<tmx>{HEADER}<body><tu><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>')
    assert read_header(path).version == ""
    assert read_header(path).creation_tool == "t"
    assert len(list(iter_units(path))) == 1


def test_header_version_14b_of_a_real_file_without_xml_declaration():
    path = realworld("okapi_simple_version-1.4b_no-xmldecl.tmx")
    assert read_header(path).version == "1.4b"
    assert len(list(iter_units(path))) == 1


def test_unit_without_srclang_takes_the_header_one(tmp_path):
    unit = one_unit(tmp_path, '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>')
    assert unit.srclang == "en"


def test_unit_srclang_overrides_the_header():
    path = realworld("lisa-kit_ImportTest1J_tu-srclang-override.tmx")
    assert read_header(path).srclang == "es-es"
    assert [u.srclang for u in iter_units(path)] == ["en-us", "en-us", "es-es"]


def test_unit_srclang_all_is_kept():
    units = list(iter_units(realworld("tmx14b-spec-example_srclang-all.tmx")))
    assert [u.srclang for u in units] == ["EN", "*all*"]


def test_header_srclang_all_reaches_units(tmp_path):
    header = HEADER.replace('srclang="en"', 'srclang="*all*"')
    unit = one_unit(tmp_path, '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>', header=header)
    assert unit.srclang == "*all*"


def test_file_without_header_gets_model_defaults(tmp_path):
    path = write_tmx_text(tmp_path, '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>', header="")
    assert read_header(path).srclang == "*all*"
    assert next(iter_units(path)).srclang == "*all*"


# --------------------------------------------------------------------------- languages


def test_legacy_lang_attribute_is_read_as_the_language(tmp_path):
    unit = one_unit(tmp_path, '<tu><tuv lang="ru-RU"><seg>да</seg></tuv></tu>', version="1.1")
    assert unit.variants[0].lang == "ru-RU"
    assert unit.variants[0].extra == ()


def test_mixed_lang_and_xml_lang_attributes_are_both_read():
    units = list(iter_units(realworld("omegat_tmx11_invalid_mixed-lang-attrs.tmx")))
    assert len(units) == 4
    assert all(v.lang for u in units for v in u.variants)


def test_language_codes_keep_their_spelling_and_compare_case_insensitively():
    units = list(iter_units(realworld("omegat_tmx14_9-langs-uppercase.tmx")))
    big = max(units, key=lambda u: len(u.variants))
    assert "ES-AR" in big.languages
    assert big.variant("es-ar").lang == "ES-AR"


# --------------------------------------------------------------------------- attributes, props, notes


def test_unit_dates_become_aware_utc_datetimes(tmp_path):
    unit = one_unit(tmp_path, '<tu creationdate="20261127T093000Z" changedate="20261128T101112Z" '
                              'lastusagedate="20261129T000000Z"><tuv xml:lang="en" '
                              'creationdate="20250101T120000Z"><seg>a</seg></tuv></tu>')
    assert unit.creation_date == datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    assert unit.change_date == datetime(2026, 11, 28, 10, 11, 12, tzinfo=UTC)
    assert unit.last_usage_date == datetime(2026, 11, 29, tzinfo=UTC)
    assert unit.variants[0].creation_date == datetime(2025, 1, 1, 12, tzinfo=UTC)


def test_unparsable_date_stays_verbatim_in_extra(tmp_path):
    unit = one_unit(tmp_path, '<tu creationdate="2026-11-27 09:30" changedate="20261340T000000Z">'
                              '<tuv xml:lang="en"><seg>a</seg></tuv></tu>')
    assert unit.creation_date is None and unit.change_date is None
    assert unit.extra == (("creationdate", "2026-11-27 09:30"), ("changedate", "20261340T000000Z"))


def test_ids_and_usage_count_are_fields(tmp_path):
    unit = one_unit(tmp_path, '<tu tuid="n7" creationid="ayla" changeid="oleg" usagecount="12">'
                              '<tuv xml:lang="en" creationid="x" changeid="y"><seg>a</seg></tuv></tu>')
    assert (unit.tuid, unit.creation_id, unit.change_id, unit.usage_count) == ("n7", "ayla", "oleg", 12)
    assert (unit.variants[0].creation_id, unit.variants[0].change_id) == ("x", "y")


def test_non_numeric_usage_count_stays_in_extra(tmp_path):
    unit = one_unit(tmp_path, '<tu usagecount="many"><tuv xml:lang="en"><seg>a</seg></tuv></tu>')
    assert unit.usage_count is None
    assert unit.extra == (("usagecount", "many"),)


def test_other_attributes_go_to_extra_in_document_order():
    unit = next(iter_units(realworld("lisa-kit_ImportTest1L_all-attrs-ude-notes-props-comments.tmx")))
    assert [key for key, _ in unit.extra] == ["o-encoding", "datatype", "creationtool",
                                              "creationtoolversion", "segtype", "o-tmf"]
    assert unit.usage_count == 100
    assert ("usagecount", "100") in unit.variants[0].extra


def test_props_and_notes_at_unit_and_variant_level_keep_lang_and_encoding():
    unit = next(iter_units(realworld("lisa-kit_ImportTest1L_all-attrs-ude-notes-props-comments.tmx")))
    assert [n.text for n in unit.notes] == ["Text of tu note 1", "Text of tu note 2"]
    assert unit.notes[0].lang == "en-us"
    assert unit.notes[0].extra == (("o-encoding", "iso-8859-1"),)
    prop = unit.variants[1].props[0]
    assert (prop.type, prop.value, prop.lang, prop.extra) == (
        "myPropeType", "Data", "en-us", (("o-encoding", "iso-8859-1"),))
    assert len(unit.variants[1].notes) == 2


def test_header_keeps_ude_maps_props_and_notes():
    header = read_header(realworld("lisa-kit_ImportTest1L_all-attrs-ude-notes-props-comments.tmx"))
    assert header.udes[0].name == "MacRoman" and header.udes[0].base == "Macintosh"
    assert header.udes[0].maps[0].attrs == (("unicode", "#xF8FF"), ("code", "#xF0"),
                                            ("ent", "AppleLogo"), ("subst", "[Apple]"))
    assert [n.text for n in header.notes] == ["Text of header note 1", "Text of header note 2"]
    assert header.props[0].type == "myPropeType"
    assert header.o_encoding == "iso-8859-1"
    assert header.creation_date == datetime(2002, 5, 23, 9, 12, tzinfo=UTC)


def test_foreign_namespace_attributes_are_kept_in_clark_notation():
    path = realworld("python-tmx_namespaces.tmx")
    header = read_header(path)
    unit = next(iter_units(path))
    assert header.extra == (("{http://example.com/ns}custom-attr", "value"),)
    assert header.notes[0].extra == (("{http://example.com/ns}id", "1"),)
    assert unit.variants[1].extra == (("{http://example.com/ns}status", "draft"),)


# --------------------------------------------------------------------------- inline codes


def test_inline_codes_keep_kind_attributes_order_and_nested_sub():
    unit = next(iter_units(realworld("lisa-kit_ImportTest2C_sub-nested-inline.tmx")))
    parts = unit.variant("en-us").segment.parts
    assert [p.kind if isinstance(p, InlineCode) else p for p in parts] == [
        "it", "bpt", "Click ", "ph", " to ", "hi", ".", "ept"]
    it, ph, hi = parts[0], parts[3], parts[5]
    assert it.attrs == (("x", "1"), ("pos", "begin"), ("type", "italic"))
    assert it.content == ("<I>",)
    assert ph.content == ('<IMG SRC="here.png" ALT="', InlineCode("sub", (), ("Start Here!",)), '">')
    assert hi.text() == "start"
    assert unit.variant("en-us").text == "Click  to start."


def test_deprecated_ut_element_is_an_inline_code():
    units = list(iter_units(realworld("okapi_Paragraph_TM_ut-element.tmx")))
    assert any(c.kind == "ut" for u in units for v in u.variants for c in v.segment.codes)


def test_comment_inside_a_segment_is_dropped_and_text_joined(tmp_path):
    unit = one_unit(tmp_path, '<tu><tuv xml:lang="en"><seg>Bakı <!-- x -->xəbər<ph x="1"/>'
                              '<!-- y --></seg></tuv></tu>')
    assert unit.variants[0].segment == Segment.of("Bakı xəbər", InlineCode("ph", (("x", "1"),)))


def test_segment_made_only_of_codes_has_no_text():
    unit = next(iter_units(realworld("omegat_invalid_misordered-bpt-ept.tmx")))
    assert any(v.segment.has_codes and not v.text.strip() for v in unit.variants)


def test_variant_without_segment_keeps_its_note(tmp_path):
    unit = one_unit(tmp_path, '<tu><tuv xml:lang="en"><note>seg lost</note></tuv></tu>')
    assert unit.variants[0].segment == Segment()
    assert unit.variants[0].notes[0].text == "seg lost"


def test_empty_segment_is_the_empty_segment(tmp_path):
    unit = one_unit(tmp_path, '<tu><tuv xml:lang="en"><seg/></tuv><tuv xml:lang="ru"><seg></seg>'
                              "</tuv></tu>")
    assert [v.segment for v in unit.variants] == [Segment(), Segment()]


# --------------------------------------------------------------------------- API shape and errors


def test_load_tmx_returns_a_frozen_document_with_header_and_units():
    document = load_tmx(realworld("okapi_sample14b.tmx"))
    assert isinstance(document, TmxDocument) and len(document.units) == 25
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.units = []  # type: ignore[misc]


def test_units_report_their_line(tmp_path):
    path = write_tmx_text(tmp_path, '\n<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>\n<tu>'
                                    '<tuv xml:lang="en"><seg>b</seg></tuv></tu>')
    assert [u.line for u in iter_units(path)] == [3, 4]


def test_iter_units_yields_units_before_a_later_syntax_error(tmp_path):
    path = tmp_path / "cut.tmx"
    path.write_text(f'<tmx version="1.4">{HEADER}<body><tu><tuv xml:lang="en"><seg>one</seg>'
                    "</tuv></tu>\n<tu><tuv xml:lang='en'><seg>two</tuv></tu></body></tmx>")
    units = iter_units(path)
    assert next(units).variants[0].text == "one"
    with pytest.raises(InputError) as caught:
        next(units)
    assert caught.value.line == 2


def test_malformed_memoq_file_raises_input_error_with_line():
    with pytest.raises(InputError) as caught:
        list(iter_units(realworld("memoq_sample_declared-utf16-but-utf8.tmx")))
    assert caught.value.line is not None
    assert "memoq_sample" in str(caught.value)


def test_root_other_than_tmx_is_refused_by_name(tmp_path):
    path = tmp_path / "x.xlf"
    path.write_text('<xliff version="1.2"><file/></xliff>')
    with pytest.raises(InputError, match="<xliff>"):
        list(iter_units(path))


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_header(tmp_path / "absent.tmx")


def test_empty_body_gives_no_units():
    assert list(iter_units(realworld("omegat_tmx11_empty-body.tmx"))) == []
