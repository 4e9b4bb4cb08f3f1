"""The streaming, atomic TMX writer: valid TMX 1.4, exact inline codes, nothing half-written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from tmkit.errors import UsageError
from tmkit.formats.tmx import iter_units, load_tmx, read_header, write_tmx
from tmkit.model import Header, InlineCode, Note, Prop, Segment, TranslationUnit, Ude, UdeMap, Variant

DTD_PATH = (Path(__file__).resolve().parents[2] / "shared" / "realworld" / "schemas" / "tmx"
            / "tmx14.dtd")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WHEN = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def bold(text: str) -> tuple:
    return (InlineCode("bpt", (("i", "1"), ("x", "1"), ("type", "bold")), ("<b>",)), text,
            InlineCode("ept", (("i", "1"),), ("</b>",)))


def rich_unit() -> TranslationUnit:
    """A unit using every feature the writer has to serialize."""
    link = InlineCode("ph", (("x", "2"), ("type", "link")),
                      ('<a title="', InlineCode("sub", (("type", "x-title"),), ("Xəbər & <şərh>",)),
                       '">'))
    return TranslationUnit(
        variants=(
            Variant("en", Segment.of("The ", *bold("minister"), " said ", link, "."),
                    props=(Prop("x-origin", "desk"),), notes=(Note("checked", "en"),),
                    creation_date=WHEN, creation_id="ayla"),
            Variant("ru", Segment.of("Министр ", InlineCode("hi", (("type", "x-name"),),
                                                           ("заявил", InlineCode("ph", (("x", "3"),)))),
                                     " «да»."), change_date=WHEN, change_id="oleg"),
            Variant("az", Segment.of("Nazir İldırım ılıq Əli dedi.")),
        ),
        tuid="n1", srclang="en", props=(Prop("x-section", "politics", "en"),),
        notes=(Note("from the wire"),), creation_date=WHEN, creation_id="ayla",
        change_date=WHEN, change_id="oleg", usage_count=3, last_usage_date=WHEN)


def rich_header() -> Header:
    return Header(srclang="en", creation_date=WHEN, notes=(Note("memory of the news desk", "en"),),
                  props=(Prop("x-desk", "politics"),),
                  udes=(Ude("MacRoman", "Macintosh", (UdeMap((("unicode", "#xF8FF"),
                                                              ("code", "#xF0"))),)),))


@pytest.fixture
def dtd():
    if not DTD_PATH.is_file():
        pytest.skip("../shared/realworld not present")
    return etree.DTD(str(DTD_PATH))


def test_output_validates_against_the_tmx14_dtd(tmp_path, dtd):
    path = tmp_path / "out.tmx"
    write_tmx(path, [rich_unit(), rich_unit()], rich_header())
    assert dtd.validate(etree.parse(str(path))), dtd.error_log.filter_from_errors()


def test_xliff_codes_are_written_as_tmx_codes_and_validate(tmp_path, dtd):
    # units imported from XLIFF keep their x/g codes in the store; tm export must not copy them
    segment = Segment.of("Read ", InlineCode("g", (("id", "1"),), ("the statement",)), " of ",
                         InlineCode("x", (("id", "INTERPOLATION"),)), ".")
    path = tmp_path / "out.tmx"
    write_tmx(path, [TranslationUnit((Variant("en", segment), Variant("ru", Segment.of("Прочтите."))))])
    assert dtd.validate(etree.parse(str(path))), dtd.error_log.filter_from_errors()
    written = next(iter_units(path)).variants[0].segment
    assert written.text == segment.text and [c.kind for c in written.codes] == ["bpt", "ept", "ph"]


def test_output_with_default_header_validates_against_the_dtd(tmp_path, dtd):
    path = tmp_path / "out.tmx"
    write_tmx(path, [TranslationUnit((Variant("en", Segment.of("a")),))])
    assert dtd.validate(etree.parse(str(path))), dtd.error_log.filter_from_errors()


def test_writer_returns_the_number_of_units(tmp_path):
    assert write_tmx(tmp_path / "o.tmx", (rich_unit() for _ in range(7))) == 7


def test_default_header_has_every_required_attribute(tmp_path):
    path = tmp_path / "o.tmx"
    write_tmx(path, [])
    header = etree.parse(str(path)).getroot().find("header")
    for name in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
                 "srclang", "datatype"):
        assert header.get(name), name


def test_output_version_is_14_whatever_the_header_says(tmp_path):
    path = tmp_path / "o.tmx"
    write_tmx(path, [], Header(version="1.1"))
    assert read_header(path).version == "1.4"


def test_dates_are_written_in_tmx_basic_format(tmp_path):
    baku = timezone(timedelta(hours=4))
    unit = TranslationUnit((Variant("en", Segment.of("a"), creation_date=datetime(2026, 1, 2, 3, 4, 5)),),
                           change_date=datetime(2026, 11, 27, 13, 30, tzinfo=baku))
    path = tmp_path / "o.tmx"
    write_tmx(path, [unit])
    tu = etree.parse(str(path)).getroot().find("body/tu")
    assert tu.get("changedate") == "20261127T093000Z"
    assert tu.find("tuv").get("creationdate") == "20260102T030405Z"


def test_unparsable_date_kept_in_extra_is_written_back_verbatim(tmp_path):
    unit = TranslationUnit((Variant("en", Segment.of("a")),), extra=(("creationdate", "yesterday"),))
    path = tmp_path / "o.tmx"
    write_tmx(path, [unit])
    assert next(iter_units(path)).extra == (("creationdate", "yesterday"),)


def test_utf16_output_has_a_bom_and_reads_back(tmp_path):
    path = tmp_path / "o.tmx"
    write_tmx(path, [rich_unit()], encoding="utf-16")
    data = path.read_bytes()
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert 'encoding="UTF-16"' in data.decode("utf-16")
    assert list(iter_units(path)) == [rich_unit()]


def test_unknown_encoding_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="latin-1"):
        write_tmx(tmp_path / "o.tmx", [], encoding="latin-1")


def test_inline_codes_are_written_back_exactly(tmp_path):
    path = tmp_path / "o.tmx"
    write_tmx(path, [rich_unit()])
    text = path.read_text(encoding="utf-8")
    assert ('<seg>The <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>minister<ept i="1">&lt;/b&gt;'
            '</ept> said <ph x="2" type="link">&lt;a title="<sub type="x-title">Xəbər &amp; '
            '&lt;şərh&gt;</sub>"&gt;</ph>.</seg>') in text
    assert '<hi type="x-name">заявил<ph x="3"/></hi>' in text


def test_replacing_a_target_leaves_no_old_codes_or_text(tmp_path):
    unit = rich_unit()
    ru = unit.variant("ru").with_segment(Segment.of("Министр ничего не сказал."))
    path = tmp_path / "o.tmx"
    write_tmx(path, [unit.with_variant(ru)])
    again = next(iter_units(path))
    assert again.variant("ru").segment == Segment.of("Министр ничего не сказал.")
    assert again.variant("ru").segment.codes == ()
    assert "заявил" not in path.read_text(encoding="utf-8")
    assert again.languages == ("en", "ru", "az")


def test_unit_srclang_is_written_only_when_it_differs_from_the_header(tmp_path):
    same = TranslationUnit((Variant("en", Segment.of("a")),), srclang="en")
    other = TranslationUnit((Variant("ru", Segment.of("б")),), srclang="ru")
    path = tmp_path / "o.tmx"
    write_tmx(path, [same, other], Header(srclang="en"))
    tus = etree.parse(str(path)).getroot().findall("body/tu")
    assert [tu.get("srclang") for tu in tus] == [None, "ru"]
    assert [u.srclang for u in iter_units(path)] == ["en", "ru"]


def test_xml_special_characters_survive_in_text_and_attributes(tmp_path):
    nasty = 'a & b < c > d " e \' f\r\ng\th'
    unit = TranslationUnit((Variant("en", Segment.of(nasty), notes=(Note(nasty),),
                                    extra=(("x-note", nasty),)),),
                           tuid=nasty, srclang="en", props=(Prop("x-raw", nasty),))
    path = tmp_path / "o.tmx"
    write_tmx(path, [unit])
    assert next(iter_units(path)) == unit


def test_foreign_namespace_attributes_round_trip(tmp_path):
    unit = TranslationUnit((Variant("en", Segment.of("a"),
                                    extra=(("{urn:x-desk}status", "draft"),)),))
    path = tmp_path / "o.tmx"
    write_tmx(path, [unit])
    assert next(iter_units(path)).variants[0].extra == (("{urn:x-desk}status", "draft"),)


def test_control_character_is_a_usage_error_naming_the_unit(tmp_path):
    bad = TranslationUnit((Variant("en", Segment.of("bell \x07")),), tuid="n42")
    with pytest.raises(UsageError, match="n42.*U\\+0007"):
        write_tmx(tmp_path / "o.tmx", [bad])


def test_invalid_attribute_name_is_a_usage_error(tmp_path):
    bad = TranslationUnit((Variant("en", Segment.of("a"), extra=(("two words", "x"),)),), tuid="n9")
    with pytest.raises(UsageError, match="n9.*two words"):
        write_tmx(tmp_path / "o.tmx", [bad])


def test_failure_midway_leaves_the_old_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "memory.tmx"
    write_tmx(path, [rich_unit()])
    before = path.read_bytes()

    def units():
        yield rich_unit()
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_tmx(path, units())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["memory.tmx"]


def test_bad_unit_leaves_no_new_file_behind(tmp_path):
    path = tmp_path / "new.tmx"
    with pytest.raises(UsageError):
        write_tmx(path, [TranslationUnit((Variant("en", Segment.of("\x00")),))])
    assert list(tmp_path.iterdir()) == []


def test_header_round_trips_props_notes_and_udes(tmp_path):
    path = tmp_path / "o.tmx"
    write_tmx(path, [], rich_header())
    header = load_tmx(path).header
    expected = rich_header()
    assert (header.props, header.notes, header.udes, header.srclang, header.creation_date) == (
        expected.props, expected.notes, expected.udes, expected.srclang, expected.creation_date)


@pytest.mark.parametrize("bad", ["\ufffe", "\ud800", "\x0b"], ids=["U+FFFE", "lone surrogate", "vertical tab"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_forbidden_character_in_the_middle_of_a_chunk_names_its_unit_and_the_character(tmp_path, bad, encoding):
    units = [TranslationUnit((Variant("en", Segment.of(f"unit {n}" + (bad if n == 3 else ""))),), tuid=f"t{n}")
             for n in range(1, 6)]
    with pytest.raises(UsageError, match=rf"unit .*t3.*U\+{ord(bad):04X}"):
        write_tmx(tmp_path / "o.tmx", units, encoding=encoding)


def test_forbidden_character_in_the_header_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"header .*U\+D800"):
        write_tmx(tmp_path / "o.tmx", [], Header(creation_id="ed\ud800"))


def test_forbidden_character_in_a_prop_names_its_unit(tmp_path):
    unit = TranslationUnit((Variant("en", Segment.of("a")),), tuid="p1", props=(Prop("x-note", "bad\x01"),))
    with pytest.raises(UsageError, match=r"unit .*p1"):
        write_tmx(tmp_path / "o.tmx", [TranslationUnit((Variant("en", Segment.of("ok")),)), unit])


def test_utf16_output_is_little_endian_with_bom(tmp_path):
    path = tmp_path / "o.tmx"
    write_tmx(path, [rich_unit()], encoding="utf-16")
    assert path.read_bytes()[:2] == b"\xff\xfe"
