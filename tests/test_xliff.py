"""XLIFF 1.2 and 2.0: reading, writing, schema validity, inline codes, states and matches."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tmkit.errors import InputError, UsageError
from tmkit.formats.bilingual import BilingualDocument, make_unit
from tmkit.formats.po import load_po, write_po
from tmkit.formats.xliff import load_xliff, sniff_version, write_xliff
from tmkit.formats.xliff_inline import adapt_segment
from tmkit.model import InlineCode, Match, Note, Prop, Segment, State, TranslationUnit, Variant

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"
SCHEMAS = REALWORLD / "schemas"
XML_XSD = SCHEMAS / "xliff2.0" / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"

EXPECTED_UNITS = {
    "autowp_messages.ru-RU_angular-xliff12.xlf": (1245, 1243),
    "deepin-app-store_messages.az_angular-xliff12.xlf": (226, 226),
    "okapi-xliff2_valid_withReorderedCodes.xlf": (5, 5),
    "omegat_xliff12_tags.xlf": (10, 10),
    "omegat_xliff20_ex.14.5.xlf": (2, 0),
    "omegat_xliff20_ex.9.5.xlf": (8, 1),
    "openxliff_OpenXLIFF_Java_es_xliff20.xlf": (519, 519),
    "symfony_security.az.xlf": (19, 19),
    "symfony_security.ru.xlf": (19, 19),
    "symfony_validators.az.xlf": (116, 116),
    "symfony_validators.ru.xlf": (116, 116),
    "symfony_validators.tr.xlf": (116, 116),
    "weblate_cs.xliff2": (4, 1),
}
"""File -> (units, units with a target), from ../shared/realworld/README.md section 3."""

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="budget.md" source-language="en" target-language="ru" datatype="plaintext">
    <body>
      <trans-unit id="t1" resname="lead">
        <source>Parliament passed the <g id="1" ctype="bold">budget</g> on <x id="2"/>.</source>
        <target state="translated">Парламент принял <g id="1" ctype="bold">бюджет</g> <x id="2"/>.</target>
        <note from="editor">Check the date.</note>
        <alt-trans match-quality="87%" origin="newsroom.tmx">
          <source>Parliament passed the budget.</source>
          <target xml:lang="ru">Парламент принял бюджет.</target>
        </alt-trans>
      </trans-unit>
      <trans-unit id="t2">
        <source>Prices rose by <bpt id="3">&lt;b&gt;</bpt>5%<ept id="3">&lt;/b&gt;</ept>.</source>
        <target state="needs-adaptation">Цены выросли на 5%.</target>
      </trans-unit>
      <trans-unit id="t3" approved="yes">
        <source>Baku</source>
        <target>Баку</target>
      </trans-unit>
      <trans-unit id="t4">
        <source>Untranslated line</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"
       version="2.0" srcLang="en" trgLang="az">
  <file id="f1">
    <unit id="u1">
      <mtc:matches>
        <mtc:match ref="#s2" matchQuality="75" origin="archive">
          <source>The minister resigned.</source>
          <target>Nazir istefa verdi.</target>
        </mtc:match>
      </mtc:matches>
      <notes><note category="context">Politics desk</note></notes>
      <originalData><data id="d1">&lt;br/&gt;</data></originalData>
      <segment id="s1" state="final">
        <source>Elections <pc id="1">were held</pc>.<ph id="2" dataRef="d1"/></source>
        <target>Seçkilər <pc id="1">keçirildi</pc>.<ph id="2" dataRef="d1"/></target>
      </segment>
      <segment id="s2" state="translated" subState="tmkit:needs-review">
        <source>The minister resigned.</source>
        <target>Nazir istefa verdi.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment state="initial">
        <source><sc id="5"/>Breaking<ec startRef="5"/> news</source>
      </segment>
    </unit>
  </file>
</xliff>
"""


class _LocalXmlXsd(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(XML_XSD), context)
        return None


def _schema_parser() -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    return parser


@pytest.fixture(scope="module")
def schema12() -> etree.XMLSchema:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    path = SCHEMAS / "xliff1" / "xliff-core-1.2-strict.xsd"
    return etree.XMLSchema(etree.parse(str(path), _schema_parser()))


@pytest.fixture(scope="module")
def schema20() -> etree.XMLSchema:
    """Core 2.0 plus the matches and metadata modules, joined by a wrapper schema."""
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    base = SCHEMAS / "xliff2.0"
    wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
        targetNamespace="urn:tmkit:test-wrapper">
      <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0"
          schemaLocation="{(base / 'xliff_core_2.0.xsd').as_uri()}"/>
      <xs:import namespace="urn:oasis:names:tc:xliff:matches:2.0"
          schemaLocation="{(base / 'modules' / 'matches.xsd').as_uri()}"/>
      <xs:import namespace="urn:oasis:names:tc:xliff:metadata:2.0"
          schemaLocation="{(base / 'modules' / 'metadata.xsd').as_uri()}"/>
    </xs:schema>"""
    root = etree.fromstring(wrapper.encode(), _schema_parser(), base_url=(base / "w.xsd").as_uri())
    return etree.XMLSchema(root)


def _assert_valid(schema: etree.XMLSchema, path: Path) -> None:
    if not schema.validate(etree.parse(str(path))):
        raise AssertionError(str(schema.error_log))


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def doc12(tmp_path: Path) -> BilingualDocument:
    return load_xliff(_write(tmp_path, "in12.xlf", XLIFF12))


@pytest.fixture
def doc20(tmp_path: Path) -> BilingualDocument:
    return load_xliff(_write(tmp_path, "in20.xlf", XLIFF20))


def _realworld(name: str) -> Path:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    return REALWORLD / "xliff" / name


# --------------------------------------------------------------------------- reading 1.2


def test_reader_takes_languages_and_version_from_xliff12_file(doc12):
    assert (doc12.src_lang, doc12.tgt_lang, doc12.version, doc12.original) == ("en", "ru", "1.2",
                                                                              "budget.md")


def test_reader_keeps_g_and_x_codes_with_attributes(doc12):
    source = doc12.units[0].variants[0].segment
    kinds = [(c.kind, c.attr("id")) for c in source.codes]
    assert kinds == [("g", "1"), ("x", "2")]
    assert source.text == "Parliament passed the budget on ."
    assert source.codes[0].attr("ctype") == "bold"


def test_reader_keeps_native_content_of_bpt_ept(doc12):
    codes = doc12.units[1].variants[0].segment.codes
    assert [(c.kind, c.native_text) for c in codes] == [("bpt", "<b>"), ("ept", "</b>")]


def test_reader_maps_xliff12_states_and_approved(doc12):
    states = [u.state for u in doc12.units]
    assert states == [State.TRANSLATED, State.NEEDS_TRANSLATION, State.REVIEWED, None]


def test_reader_keeps_inexact_state_value_verbatim(doc12):
    assert ("state", "needs-adaptation") in doc12.units[1].variants[1].extra


def test_reader_reads_alt_trans_as_match_with_score(doc12):
    match = doc12.units[0].matches[0]
    assert (match.score, match.origin, match.target.text) == (87.0, "newsroom.tmx",
                                                             "Парламент принял бюджет.")


def test_reader_reads_notes_with_their_attributes(doc12):
    assert doc12.units[0].notes == (Note("Check the date.", None, (("from", "editor"),)),)


def test_reader_leaves_target_absent_when_file_has_none(doc12):
    assert doc12.units[3].languages == ("en",)


def test_reader_records_start_line_of_each_unit(doc12):
    assert [u.line for u in doc12.units] == [5, 14, 18, 22]


# --------------------------------------------------------------------------- reading 2.0


def test_reader_splits_xliff20_unit_into_one_unit_per_segment(doc20):
    assert [u.tuid for u in doc20.units] == ["u1#s1", "u1#s2", "u2"]
    assert doc20.unit_count == 2


def test_reader_maps_xliff20_segment_states(doc20):
    assert [u.state for u in doc20.units] == [State.FINAL, State.NEEDS_REVIEW, State.NEW]


def test_reader_resolves_original_data_into_ph_content(doc20):
    ph = [c for c in doc20.units[0].variants[0].segment.codes if c.kind == "ph"][0]
    assert ph.native_text == "<br/>"


def test_reader_keeps_pc_as_wrapping_code(doc20):
    pc = doc20.units[0].variants[1].segment.codes[0]
    assert (pc.kind, pc.text()) == ("pc", "keçirildi")


def test_reader_attaches_mtc_match_to_the_segment_it_refers_to(doc20):
    assert doc20.units[0].matches == ()
    match = doc20.units[1].matches[0]
    assert (match.score, match.origin, match.target.text) == (75.0, "archive", "Nazir istefa verdi.")


def test_reader_keeps_unit_notes_on_first_segment_only(doc20):
    assert [len(u.notes) for u in doc20.units] == [1, 0, 0]


def test_sniff_version_tells_12_from_20(tmp_path):
    assert sniff_version(_write(tmp_path, "a.xlf", XLIFF12)) == "1.2"
    assert sniff_version(_write(tmp_path, "b.xlf", XLIFF20)) == "2.0"


def test_reader_refuses_non_xliff_root_with_line(tmp_path):
    path = _write(tmp_path, "x.xlf", "<?xml version='1.0'?>\n<tmx version='1.4'/>")
    with pytest.raises(InputError, match="not an XLIFF file") as info:
        load_xliff(path)
    assert info.value.line == 2


def test_reader_reports_malformed_xml_with_line_and_column(tmp_path):
    path = _write(tmp_path, "bad.xlf", XLIFF12.replace("</source>\n        <target state", "\n<target state", 1))
    with pytest.raises(InputError, match="malformed XML") as info:
        load_xliff(path)
    assert info.value.line is not None and info.value.column is not None


def test_reader_refuses_entity_declarations(tmp_path):
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaa">]>\n'
            '<xliff version="1.2"><file source-language="en" original="x" datatype="plaintext">'
            '<body><trans-unit id="1"><source>&a;</source></trans-unit></body></file></xliff>')
    with pytest.raises(InputError, match="entity"):
        load_xliff(_write(tmp_path, "bomb.xlf", bomb))


# --------------------------------------------------------------------------- writing


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_writer_round_trips_same_version(tmp_path, version):
    source = _write(tmp_path, "in.xlf", XLIFF12 if version == "1.2" else XLIFF20)
    doc = load_xliff(source)
    out = tmp_path / "out.xlf"
    write_xliff(out, doc, version=version)
    again = load_xliff(out)
    assert again.units == doc.units


def test_writer_output_validates_against_xliff12_strict_schema(tmp_path, doc12, schema12):
    out = tmp_path / "out.xlf"
    write_xliff(out, doc12, version="1.2")
    _assert_valid(schema12, out)


def test_writer_output_validates_against_xliff20_schema_with_matches(tmp_path, doc20, schema20):
    out = tmp_path / "out.xlf"
    write_xliff(out, doc20, version="2.0")
    _assert_valid(schema20, out)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_writer_crosses_versions_validly(tmp_path, doc12, doc20, schema12, schema20, version):
    schema = schema12 if version == "1.2" else schema20
    for doc in (doc12, doc20):
        out = tmp_path / f"cross{version}.xlf"
        write_xliff(out, doc, version=version)
        _assert_valid(schema, out)


def test_writer_keeps_states_across_versions(tmp_path, doc12):
    out = tmp_path / "out.xlf"
    write_xliff(out, doc12, version="2.0")
    assert [u.state for u in load_xliff(out).units] == [u.state for u in doc12.units]


def test_writer_turns_tmx_codes_into_paired_sc_ec():
    segment = Segment.of("Read ", InlineCode("bpt", (("i", "1"),), ("<i>",)), "this",
                         InlineCode("ept", (("i", "1"),), ("</i>",)))
    adapted = adapt_segment(segment, "2.0")
    assert [(c.kind, dict(c.attrs)) for c in adapted.codes] == [
        ("sc", {"id": "1"}), ("ec", {"startRef": "1"})]
    assert [c.native_text for c in adapted.codes] == ["<i>", "</i>"]


def test_writer_marks_unpaired_opening_code_isolated():
    adapted = adapt_segment(Segment.of(InlineCode("bpt", (("i", "4"),), ("<u>",)), "x"), "2.0")
    assert adapted.codes[0].attr("isolated") == "yes"


def test_writer_writes_tmx_units_to_both_versions_validly(tmp_path, schema12, schema20):
    unit = TranslationUnit(variants=(
        Variant("en", Segment.of("Vote on ", InlineCode("ph", (("x", "1"), ("type", "date")), ("{d}",)),
                                 InlineCode("hi", (("type", "bold"),), ("today",)))),
        Variant("ru", Segment.of("Голосование ", InlineCode("ph", (("x", "1"),), ("{d}",)))),
        Variant("az", Segment.of("Səsvermə"))), tuid="tu 7", srclang="en")
    for version, schema in (("1.2", schema12), ("2.0", schema20)):
        out = tmp_path / f"tmx{version}.xlf"
        assert write_xliff(out, [unit], version=version, src_lang="en", tgt_lang="ru") == 1
        _assert_valid(schema, out)
        assert load_xliff(out).units[0].variants[1].text == "Голосование "


def test_writer_groups_hash_tuids_back_into_one_unit(tmp_path, doc20):
    out = tmp_path / "out.xlf"
    write_xliff(out, doc20, version="2.0")
    assert out.read_text(encoding="utf-8").count("<unit ") == 2


def test_writer_makes_duplicate_ids_unique(tmp_path, schema12):
    units = [make_unit("en", Segment.of(t), "ru", Segment.of(t.upper()), tuid="same")
             for t in ("one", "two")]
    out = tmp_path / "dup.xlf"
    write_xliff(out, units, version="1.2", src_lang="en", tgt_lang="ru")
    _assert_valid(schema12, out)
    assert len({u.tuid for u in load_xliff(out).units}) == 2


def test_writer_uses_cp_for_control_characters_in_20(tmp_path, schema20):
    unit = make_unit("en", Segment.of("bell\x07here"), "ru", None)
    out = tmp_path / "cp.xlf"
    write_xliff(out, [unit], version="2.0", src_lang="en")
    assert 'hex="0007"' in out.read_text(encoding="utf-8")
    assert load_xliff(out).units[0].variants[0].text == "bell\x07here"


def test_writer_refuses_control_characters_in_12_and_keeps_old_file(tmp_path):
    out = tmp_path / "keep.xlf"
    out.write_text("old content", encoding="utf-8")
    unit = make_unit("en", Segment.of("bell\x07here"), "ru", None)
    with pytest.raises(UsageError, match="U\\+0007"):
        write_xliff(out, [unit], version="1.2", src_lang="en")
    assert out.read_text(encoding="utf-8") == "old content"
    assert os.listdir(tmp_path) == ["keep.xlf"]


def test_writer_rejects_unknown_version(tmp_path, doc12):
    with pytest.raises(UsageError, match="1.2 or 2.0"):
        write_xliff(tmp_path / "x.xlf", doc12, version="1.1")


def test_writer_writes_matches_as_alt_trans_in_12(tmp_path, doc20, schema12):
    out = tmp_path / "m.xlf"
    write_xliff(out, doc20, version="1.2")
    _assert_valid(schema12, out)
    match = load_xliff(out).units[1].matches[0]
    assert (match.score, match.origin) == (75.0, "archive")


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"),
                max_size=40)


@settings(max_examples=40, deadline=None)
@given(source=_text, target=_text, version=st.sampled_from(["1.2", "2.0"]),
       state=st.sampled_from([None, *State]))
def test_writer_round_trips_arbitrary_text(tmp_path_factory, source, target, version, state):
    unit = make_unit("en", Segment.of(source), "az", Segment.of(target), tuid="u1", state=state,
                     matches=(Match(Segment.of(source), Segment.of(target), 50.0),))
    out = tmp_path_factory.mktemp("rt") / "rt.xlf"
    write_xliff(out, [unit], version=version, src_lang="en", tgt_lang="az")
    back = load_xliff(out).units[0]
    assert (back.variants[0].text, back.variants[1].text, back.state) == (source, target, state)
    assert back.matches[0].target.text == target


# --------------------------------------------------------------------------- real files


@pytest.mark.parametrize("name", sorted(EXPECTED_UNITS))
def test_real_file_loads_with_readme_unit_counts(name):
    doc = load_xliff(_realworld(name))
    assert (doc.unit_count, _units_with_target(doc)) == EXPECTED_UNITS[name]


def _units_with_target(doc: BilingualDocument) -> int:
    """Units of the file (not segments) that have at least one target."""
    seen: dict[tuple[str, str], bool] = {}
    for index, unit in enumerate(doc.units):
        file = unit.prop("x-xliff-file") or ""
        key = (file, unit.tuid.split("#")[0]) if unit.tuid else ("#position", str(index))
        seen[key] = seen.get(key, False) or len(unit.variants) > 1
    return sum(seen.values())


def test_real_autowp_file_has_readme_state_counts():
    doc = load_xliff(_realworld("autowp_messages.ru-RU_angular-xliff12.xlf"))
    counts = {s: sum(1 for u in doc.units if u.state is s) for s in State}
    assert (counts[State.FINAL], counts[State.NEEDS_TRANSLATION], counts[State.TRANSLATED]) == (
        118, 8, 1117)


def test_real_multi_segment_unit_gets_hash_tuids():
    doc = load_xliff(_realworld("okapi-xliff2_valid_withReorderedCodes.xlf"))
    assert [u.tuid for u in doc.units if u.tuid.startswith("3")] == ["3#1", "3#2", "3#3"]


@pytest.mark.parametrize("name", ["symfony_validators.ru.xlf", "openxliff_OpenXLIFF_Java_es_xliff20.xlf",
                                  "omegat_xliff12_tags.xlf", "okapi-xliff2_valid_withReorderedCodes.xlf"])
def test_real_file_rewrites_validly_in_both_versions(tmp_path, schema12, schema20, name):
    doc = load_xliff(_realworld(name))
    for version, schema in (("1.2", schema12), ("2.0", schema20)):
        out = tmp_path / f"{version}.xlf"
        assert write_xliff(out, doc, version=version) == len(doc.units)
        _assert_valid(schema, out)


def test_adapted_20_ids_are_unique_when_tmx_codes_share_numbers():
    segment = Segment.of(InlineCode("it", (("pos", "begin"), ("x", "1")), ("<i>",)),
                         InlineCode("bpt", (("i", "1"),), ("<b>",)), "Go",
                         InlineCode("ept", (("i", "1"),), ("</b>",)))
    codes = adapt_segment(segment, "2.0").codes
    assert [(c.kind, c.attr("id"), c.attr("startRef")) for c in codes] == [
        ("sc", "1", None), ("sc", "1-2", None), ("ec", None, "1-2")]


def test_closing_code_before_its_opening_becomes_isolated():
    segment = Segment.of(InlineCode("ec", (("startRef", "1"),)), "text",
                         InlineCode("sc", (("id", "1"),)))
    codes = adapt_segment(segment, "2.0").codes
    assert [(c.attr("isolated"), c.attr("startRef")) for c in codes] == [("yes", None), ("yes", None)]


def test_tmx_assoc_abbreviation_becomes_xliff12_value():
    code = adapt_segment(Segment.of(InlineCode("ph", (("assoc", "p"),), ("<br>",))), "1.2").codes[0]
    assert code.attr("assoc") == "preceding"


def test_writer_keeps_empty_document_valid_in_20(tmp_path, schema20):
    out = tmp_path / "empty.xlf"
    assert write_xliff(out, [], version="2.0", src_lang="en") == 0
    _assert_valid(schema20, out)
    assert load_xliff(out).units == ()


def test_writer_names_target_language_found_on_the_units(tmp_path):
    doc = BilingualDocument("en", None, (make_unit("en", Segment.of("a"), "pt", Segment.of("b")),),
                            "xliff")
    out = tmp_path / "t.xlf"
    write_xliff(out, doc, version="2.0")
    assert load_xliff(out).tgt_lang == "pt"


MULTI_FILE = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="front.html" source-language="en" target-language="az" datatype="html">
    <body>
      <group id="g1">
        <trans-unit id="a"><source>Weather</source><target>Hava</target>
          <context-group purpose="location"><context context-type="sourcefile">front.html</context>
          <context context-type="linenumber">12</context></context-group>
        </trans-unit>
      </group>
    </body>
  </file>
  <file original="sport.html" source-language="en" target-language="az" datatype="html">
    <body><trans-unit id="a"><source>Football</source><target>Futbol</target></trans-unit></body>
  </file>
</xliff>
"""


def test_reader_finds_trans_units_inside_groups_of_every_file(tmp_path):
    doc = load_xliff(_write(tmp_path, "m.xlf", MULTI_FILE))
    assert [u.variants[1].text for u in doc.units] == ["Hava", "Futbol"]
    assert doc.files == ("front.html", "sport.html")


def test_reader_turns_context_groups_into_props(tmp_path):
    unit = load_xliff(_write(tmp_path, "m.xlf", MULTI_FILE)).units[0]
    assert (unit.prop("context:sourcefile"), unit.prop("context:linenumber")) == ("front.html", "12")


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_writer_keeps_units_in_their_files(tmp_path, version):
    doc = load_xliff(_write(tmp_path, "m.xlf", MULTI_FILE))
    out = tmp_path / "out.xlf"
    write_xliff(out, doc, version=version)
    again = load_xliff(out)
    assert again.units == doc.units
    assert len(again.files) == 2


# --------------------------------------------------------------------------- PO through XLIFF

PO_CATALOG = r'''msgid ""
msgstr ""
"Language: ru\n"
"Content-Type: text/plain; charset=UTF-8\n"

#. Section heading
#: templates/nav.html:12
msgctxt "menu"
msgid "Lead editorial"
msgstr "Передовица"

# Chosen by the desk
#: templates/home.html:40 templates/home.html:41
msgctxt "heading"
msgid "Lead editorial"
msgstr "Главная статья"

#, python-format
msgid "%(n)s readers"
msgstr "%(n)s читателей"

#, fuzzy
#| msgid "One article"
msgid "One story"
msgid_plural "%d stories"
msgstr[0] "%d статья"
msgstr[1] "%d статьи"
msgstr[2] "%d статей"

#, c-format, no-wrap
msgctxt "x"
msgid "Two"
msgstr ""
'''


def _po_view(units) -> list[tuple]:
    """What a PO entry is: everything but the line and the unit id."""
    return [(u.props, u.notes, u.variants, u.state) for u in units]


@pytest.fixture
def po_doc(tmp_path: Path) -> BilingualDocument:
    return load_po(_write(tmp_path, "ru.po", PO_CATALOG))


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_po_context_flags_references_comments_and_plurals_survive_xliff(tmp_path, po_doc, version):
    out = tmp_path / "ru.xlf"
    write_xliff(out, po_doc, version=version)
    back = tmp_path / "back.po"
    assert write_po(back, load_xliff(out)) == len(po_doc.units)
    assert _po_view(load_po(back).units) == _po_view(po_doc.units)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_xliff_reader_gives_back_po_props_as_written(tmp_path, po_doc, version):
    out = tmp_path / "ru.xlf"
    write_xliff(out, po_doc, version=version)
    again = load_xliff(out)
    assert [u.props for u in again.units] == [u.props for u in po_doc.units]
    assert [u.variants for u in again.units] == [u.variants for u in po_doc.units]


def test_po_units_written_as_xliff12_validate_against_strict_schema(tmp_path, po_doc, schema12):
    out = tmp_path / "ru.xlf"
    write_xliff(out, po_doc, version="1.2")
    _assert_valid(schema12, out)


def test_po_units_written_as_xliff20_validate_with_metadata_module(tmp_path, po_doc, schema20):
    out = tmp_path / "ru.xlf"
    write_xliff(out, po_doc, version="2.0")
    _assert_valid(schema20, out)


def test_xliff12_keeps_props_in_a_tmkit_context_group_and_msgctxt_as_resname(tmp_path, po_doc):
    out = tmp_path / "ru.xlf"
    write_xliff(out, po_doc, version="1.2")
    root = etree.parse(str(out)).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    unit = root.find(".//x:trans-unit", ns)
    assert unit.get("resname") == "menu"
    group = unit.find("x:context-group", ns)
    assert group.get("name").startswith("x-tmkit-props") and group.get("purpose") == "information"
    assert [(c.get("context-type"), c.text) for c in group] == [
        ("x-po-msgctxt", "menu"), ("x-po-reference", "templates/nav.html:12")]


def test_xliff20_keeps_props_as_metadata_and_msgctxt_as_unit_name(tmp_path, po_doc):
    out = tmp_path / "ru.xlf"
    write_xliff(out, po_doc, version="2.0")
    root = etree.parse(str(out)).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0", "mda": "urn:oasis:names:tc:xliff:metadata:2.0"}
    unit = root.find(".//x:unit", ns)
    assert unit.get("name") == "menu"
    group = unit.find("mda:metadata/mda:metaGroup", ns)
    assert group.get("category") == "x-tmkit-props"
    assert [(m.get("type"), m.text) for m in group] == [
        ("x-po-msgctxt", "menu"), ("x-po-reference", "templates/nav.html:12")]


def test_plural_unit_is_a_gettext_plurals_group_in_12_and_one_unit_of_segments_in_20(tmp_path, po_doc):
    out12, out20 = tmp_path / "a.xlf", tmp_path / "b.xlf"
    write_xliff(out12, po_doc, version="1.2")
    write_xliff(out20, po_doc, version="2.0")
    ns12 = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    group = etree.parse(str(out12)).getroot().find(".//x:group", ns12)
    assert group.get("restype") == "x-gettext-plurals"
    assert [t.findtext("x:target", namespaces=ns12) for t in group] == [
        "%d статья", "%d статьи", "%d статей"]
    ns20 = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    unit = etree.parse(str(out20)).getroot().find(".//x:unit[@type='tmkit:plurals']", ns20)
    assert [s.findtext("x:source", namespaces=ns20) for s in unit.findall("x:segment", ns20)] == [
        "One story", "%d stories", "%d stories"]


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_untranslated_plural_unit_comes_back_without_target(tmp_path, version):
    unit = make_unit("en", Segment.of("a file"), "ru", None, src_forms=(Segment.of("%d files"),),
                     state=State.NEEDS_TRANSLATION)
    out = tmp_path / "p.xlf"
    assert write_xliff(out, BilingualDocument("en", "ru", (unit,), "po"), version=version) == 1
    (again,) = load_xliff(out).units
    assert again.variants == unit.variants


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_any_prop_type_survives_xliff(tmp_path, version, schema12, schema20):
    props = (Prop("x-po-flag", "c-format"), Prop("Txt::Domain", "politics"),
             Prop("free form type", "v"), Prop("context:sourcefile", "a.html"))
    unit = TranslationUnit(variants=(Variant("en", Segment.of("a")), Variant("ru", Segment.of("б"))),
                           tuid="1", props=props)
    out = tmp_path / "p.xlf"
    write_xliff(out, [unit], version=version, src_lang="en", tgt_lang="ru")
    _assert_valid(schema12 if version == "1.2" else schema20, out)
    assert sorted(load_xliff(out).units[0].props, key=lambda p: p.type) == sorted(
        props, key=lambda p: p.type)


def test_xliff20_note_category_and_12_note_from_carry_po_comment_kinds(tmp_path, po_doc):
    out12, out20 = tmp_path / "a.xlf", tmp_path / "b.xlf"
    write_xliff(out20, po_doc, version="2.0")
    write_xliff(out12, load_xliff(out20), version="1.2")
    back = tmp_path / "back.po"
    write_po(back, load_xliff(out12))
    text = back.read_text(encoding="utf-8")
    assert "#. Section heading" in text and "# Chosen by the desk" in text


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_typed_tmx_codes_and_g_pairs_write_valid_xliff(tmp_path, version, schema12, schema20):
    segment = Segment.of(
        InlineCode("bpt", (("i", "1"), ("x", "9"), ("type", "ulined")), ("<u>",)), "a",
        InlineCode("ept", (("i", "1"),), ("</u>",)), " ",
        InlineCode("bpt", (("i", "2"), ("type", "color")), ("<font>",)), "b",
        InlineCode("ept", (("i", "2"),), ("</font>",)), " ",
        InlineCode("ph", (("x", "3"), ("type", "image")), ("<img/>",)), " ",
        InlineCode("bpt", (("i", "4"), ("type", "bold")), ('<g id="4" ctype="bold">',)), "c",
        InlineCode("ept", (("i", "4"),), ("</g>",)))
    unit = TranslationUnit(variants=(Variant("en", segment), Variant("ru", segment)), tuid="1")
    out = tmp_path / "t.xlf"
    write_xliff(out, [unit], version=version, src_lang="en", tgt_lang="ru")
    _assert_valid(schema12 if version == "1.2" else schema20, out)
    kinds = [c.kind for c in load_xliff(out).units[0].variants[0].segment.codes]
    assert kinds[-1] == ("g" if version == "1.2" else "pc")
