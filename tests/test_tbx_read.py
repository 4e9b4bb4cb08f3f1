"""TBX reader: real-world termbases of both TBX generations and styles, plus crafted edge cases."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from tmkit.errors import InputError, UnsafeXmlError
from tmkit.formats.tbx import load_tbx
from tmkit.model import TermStatus

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"
TBX_DIR = REALWORLD / "tbx"

# (concepts, terms) from ../shared/realworld/README.md section 2.
EXPECTED_COUNTS = {
    "ltac_tbx-basic_Example_Astronomy_DCA_VALID.tbx": (45, 113),
    "ltac_tbx-basic_Example_Astronomy_DCT_VALID.tbx": (45, 113),
    "ltac_tbx-core_Example_Astronomy_DCA_VALID.tbx": (45, 113),
    "ltac_test_basic_bad.tbx": (45, 113),
    "ltac_test_basic_good.tbx": (45, 113),
    "ltac_test_core_structure_bad.tbx": (45, 114),
    "ltac_test_core_structure_good.tbx": (45, 113),
    "ltac_test_min_bad.tbx": (45, 113),
    "ltac_test_min_good.tbx": (45, 113),
    "microsoft_MicrosoftTermCollection_en-US_ug-CN.tbx": (5783, 11699),
    "okapi_ibm_tbx.tbx": (5, 11),
    "okapi_maryland.tbx": (1, 13),
    "okapi_medtronic_TBX.tbx": (3, 62),
    "okapi_oracle_TBX.tbx": (2, 6),
    # The README counts 516 <term> elements; 44 of them are empty and tmkit drops empty terms.
    "okapi_sdl_tbx.tbx": (223, 516 - 44),
    "okapi_test01.tbx": (1, 2),
    "okapi_test02_win1254.tbx": (1, 2),
    "omegat_sampleTBXfile.tbx": (1, 2),
    "weblate_fr-extended-metadata.tbx": (2, 4),
}


@pytest.fixture(scope="module")
def tbx_dir() -> Path:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    return TBX_DIR


@functools.cache
def load_realworld(name: str) -> list:
    """Each real-world file is parsed once per session; the values are immutable."""
    return load_tbx(TBX_DIR / name)


def write(tmp_path: Path, body: str, name: str = "t.tbx", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


def martif(entries: str, *, namespace: str = "", lang: str = "en") -> str:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="{lang}"{xmlns}>'
            f"<martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>"
            f"<text><body>{entries}</body></text></martif>")


def tbx2019(entries: str, *, namespace: str = "urn:iso:std:iso:30042:ed:3.0", style: str = "dca",
            extra_ns: str = "") -> str:
    return (f'<tbx type="TBX-Basic" style="{style}" xml:lang="en" xmlns="{namespace}"{extra_ns}>'
            f"<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>"
            f"<text><body>{entries}</body></text></tbx>")


# --------------------------------------------------------------------------- real-world files


@pytest.mark.parametrize("name", sorted(EXPECTED_COUNTS))
def test_realworld_termbase_loads_with_expected_concept_and_term_counts(tbx_dir, name):
    concepts = load_realworld(name)
    assert (len(concepts), sum(len(c.terms) for c in concepts)) == EXPECTED_COUNTS[name]


def test_every_wellformed_realworld_tbx_is_covered_by_the_counts(tbx_dir):
    present = {p.name for p in tbx_dir.glob("*.tbx")} - {"ltac_test_poorly_formed_xml.tbx"}
    assert present == set(EXPECTED_COUNTS)


def test_windows_1254_declared_file_gives_correct_turkish_letters(tbx_dir):
    concept, = load_tbx(tbx_dir / "okapi_test02_win1254.tbx")
    turkish = concept.terms_in("tr")[0].text
    assert {"İ", "ı", "é", "á"} <= set(turkish)
    assert "\ufffd" not in turkish


def test_malformed_realworld_file_reports_line_and_column(tbx_dir):
    with pytest.raises(InputError) as info:
        load_tbx(tbx_dir / "ltac_test_poorly_formed_xml.tbx")
    assert info.value.line == 42
    assert info.value.column is not None
    assert "ltac_test_poorly_formed_xml.tbx:42:" in str(info.value)


def test_dca_and_dct_styles_of_the_same_termbase_read_identically(tbx_dir):
    dca = load_tbx(tbx_dir / "ltac_tbx-basic_Example_Astronomy_DCA_VALID.tbx")
    dct = load_tbx(tbx_dir / "ltac_tbx-basic_Example_Astronomy_DCT_VALID.tbx")

    def fields(concepts):  # the DCT sample lacks three language-level notes the DCA one has
        return [(c.id, c.terms, c.definitions, c.subject_field) for c in concepts]

    assert fields(dca) == fields(dct)
    assert any(c.definitions for c in dca)
    assert any(t.part_of_speech for c in dca for t in c.terms)


def test_microsoft_export_keeps_langset_definitions_and_part_of_speech(tbx_dir):
    concepts = load_realworld("microsoft_MicrosoftTermCollection_en-US_ug-CN.tbx")
    first = concepts[0]
    assert [lang for lang, _ in first.definitions] == ["en-US"]
    assert {t.lang for t in first.terms} == {"en-US", "ug-CN"}
    assert all(t.part_of_speech for t in first.terms)


def test_legacy_obsolete_status_reads_as_deprecated(tbx_dir):
    concepts = load_tbx(tbx_dir / "weblate_fr-extended-metadata.tbx")
    assert {t.status for t in concepts[0].terms} == {TermStatus.DEPRECATED}


def test_tbx_min_usage_status_is_read_as_status(tbx_dir):
    concepts = load_tbx(tbx_dir / "ltac_test_min_good.tbx")
    statuses = {t.status for c in concepts for t in c.terms}
    assert TermStatus.DEPRECATED in statuses


# --------------------------------------------------------------------------- crafted files


def test_tbx2008_tig_and_ntig_terms_with_part_of_speech_and_context(tmp_path):
    path = write(tmp_path, martif(
        '<termEntry id="e1"><descrip type="subjectField">siyasət</descrip>'
        '<langSet xml:lang="az"><tig><term>seçki</term><termNote type="partOfSpeech">noun</termNote>'
        '</tig></langSet><langSet xml:lang="ru"><ntig><termGrp><term>выборы</term>'
        '<termNote type="partOfSpeech">noun</termNote><termCompList type="termElement">'
        "<termCompSec><termComp>выбор</termComp></termCompSec></termCompList></termGrp>"
        '<descrip type="context">Выборы прошли спокойно.</descrip></ntig></langSet></termEntry>'))
    concept, = load_tbx(path)
    assert concept.id == "e1" and concept.subject_field == "siyasət"
    assert [(t.lang, t.text, t.part_of_speech) for t in concept.terms] == [
        ("az", "seçki", "noun"), ("ru", "выборы", "noun")]
    assert concept.terms[1].context == "Выборы прошли спокойно."


def test_tbx2019_dct_module_elements_map_like_dca_types(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="ru"><descripGrp><basic:definition>Глава '
        "государства.</basic:definition><basic:source>словарь</basic:source></descripGrp>"
        "<termSec><term>президент</term><min:partOfSpeech>noun</min:partOfSpeech>"
        "<min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus>"
        "<basic:termType>fullForm</basic:termType></termSec></langSec></conceptEntry>",
        style="dct", extra_ns=' xmlns:min="http://www.tbxinfo.net/ns/min"'
                              ' xmlns:basic="http://www.tbxinfo.net/ns/basic"'))
    concept, = load_tbx(path)
    term, = concept.terms
    assert concept.definitions == (("ru", "Глава государства."),)
    assert (term.part_of_speech, term.status, term.term_type) == ("noun", TermStatus.ADMITTED, "fullForm")


@pytest.mark.parametrize("namespace", ["urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed:3.0", ""])
def test_both_iso_namespaces_and_no_namespace_are_accepted(tmp_path, namespace):
    entry = '<conceptEntry id="c1"><langSec xml:lang="az"><termSec><term>nazir</term></termSec></langSec></conceptEntry>'
    body = tbx2019(entry, namespace=namespace).replace(' xmlns=""', "")
    concept, = load_tbx(write(tmp_path, body))
    assert concept.terms[0].text == "nazir"


def test_term_level_definition_goes_to_the_term_and_langsec_one_to_the_concept(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><descrip type="definition">concept level</descrip>'
        '<langSec xml:lang="az"><descrip type="definition">dil səviyyəsi</descrip><termSec>'
        '<term>parlament</term><descrip type="definition">termin səviyyəsi</descrip></termSec>'
        "</langSec></conceptEntry>"))
    concept, = load_tbx(path)
    assert concept.definitions == (("en", "concept level"), ("az", "dil səviyyəsi"))
    assert concept.terms[0].definition == "termin səviyyəsi"


def test_concept_notes_and_term_notes_are_kept_apart(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><note>about the concept</note><langSec xml:lang="ru"><termSec>'
        "<term>министр</term><note>о термине</note></termSec></langSec></conceptEntry>"))
    concept, = load_tbx(path)
    assert concept.notes == ("about the concept",)
    assert concept.terms[0].notes == ("о термине",)


def test_unmarked_term_alone_in_its_language_is_preferred(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="ru"><termSec><term>мэр</term></termSec>'
        "</langSec></conceptEntry>"))
    assert load_tbx(path)[0].terms[0].status is TermStatus.PREFERRED


def test_unmarked_synonyms_are_admitted(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="ru"><termSec><term>ООН</term></termSec>'
        "<termSec><term>Организация Объединённых Наций</term></termSec></langSec></conceptEntry>"))
    assert {t.status for t in load_tbx(path)[0].terms} == {TermStatus.ADMITTED}


def test_unmarked_term_next_to_a_deprecated_one_is_preferred(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="az"><termSec><term>Azərbaycan Respublikası'
        '</term></termSec><termSec><term>AzSSR</term><termNote type="administrativeStatus">'
        "deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry>"))
    statuses = [t.status for t in load_tbx(path)[0].terms]
    assert statuses == [TermStatus.PREFERRED, TermStatus.DEPRECATED]


def test_tmkit_match_options_are_read_from_termnotes(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="az"><termSec><term>NATO</term>'
        '<termNote type="x-tmkit-match">exact</termNote><termNote type="x-tmkit-case">sensitive'
        '</termNote><termNote type="x-tmkit-softening">yes</termNote></termSec></langSec></conceptEntry>'))
    term = load_tbx(path)[0].terms[0]
    assert (term.inflects, term.case_sensitive, term.softening) == (False, True, True)
    assert term.notes == ()


def test_unknown_or_oddly_cased_option_termnotes_are_tolerated(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="az"><termSec><term>AzTV</term>'
        '<termNote type="x-tmkit-Match">Exact</termNote><termNote type="x-tmkit-colour">red'
        "</termNote></termSec></langSec></conceptEntry>"))
    assert load_tbx(path)[0].terms[0].inflects is False


def test_tmkit_match_options_are_read_from_prefixed_notes(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="az"><termSec><term>bank</term>'
        "<note>x-tmkit-case: insensitive</note><note>x-tmkit-softening: sometimes</note>"
        "<note>see x-tmkit-match: exact in the docs</note></termSec></langSec></conceptEntry>"))
    term = load_tbx(path)[0].terms[0]
    assert term.case_sensitive is False
    assert term.notes == ("x-tmkit-softening: sometimes", "see x-tmkit-match: exact in the docs")


def test_second_child_of_a_descripgrp_does_not_become_a_field(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="ru"><termSec><term>бюджет</term><descripGrp>'
        '<descrip type="context">Бюджет принят.</descrip><note>source of the context</note>'
        "</descripGrp></termSec></langSec></conceptEntry>"))
    term = load_tbx(path)[0].terms[0]
    assert term.context == "Бюджет принят."
    assert term.notes == ()


def test_transaction_history_is_not_read_as_notes(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><transacGrp><transac type="transactionType">origination</transac>'
        '<note>created by import</note></transacGrp><langSec xml:lang="ru"><termSec><term>налог'
        "</term></termSec></langSec></conceptEntry>"))
    assert load_tbx(path)[0].notes == ()


def test_two_terms_in_one_term_section_share_its_fields(tmp_path):
    path = write(tmp_path, tbx2019(
        '<conceptEntry id="c1"><langSec xml:lang="az"><termSec><term>vergi</term><term>rüsum</term>'
        '<termNote type="partOfSpeech">noun</termNote></termSec></langSec></conceptEntry>'))
    terms = load_tbx(path)[0].terms
    assert [(t.text, t.part_of_speech) for t in terms] == [("vergi", "noun"), ("rüsum", "noun")]


def test_empty_term_elements_are_dropped(tmp_path):
    path = write(tmp_path, martif(
        '<termEntry id="e1"><langSet xml:lang="en"><tig><term>tax</term></tig></langSet>'
        '<langSet xml:lang="az"><tig><term>  </term></tig></langSet></termEntry>'))
    assert [t.text for t in load_tbx(path)[0].terms] == ["tax"]


def test_wrapped_text_is_whitespace_normalized(tmp_path):
    path = write(tmp_path, martif(
        '<termEntry id="e1"><langSet xml:lang="ru"><tig><term>\n  Государственная\n\t  дума '
        "</term></tig></langSet></termEntry>"))
    assert load_tbx(path)[0].terms[0].text == "Государственная дума"


def test_entry_without_id_gets_its_position_as_id(tmp_path):
    path = write(tmp_path, martif(
        '<termEntry id="x"><langSet xml:lang="en"><tig><term>a</term></tig></langSet></termEntry>'
        '<termEntry><langSet xml:lang="en"><tig><term>b</term></tig></langSet></termEntry>'))
    assert [c.id for c in load_tbx(path)] == ["x", "entry-2"]


def test_language_section_inherits_the_file_language(tmp_path):
    path = write(tmp_path, martif('<termEntry id="e"><langSet><tig><term>a</term></tig></langSet>'
                                  "</termEntry>", lang="az"))
    assert load_tbx(path)[0].terms[0].lang == "az"


def test_language_section_without_any_language_is_an_input_error(tmp_path):
    body = martif('<termEntry id="e"><langSet><tig><term>a</term></tig></langSet></termEntry>')
    path = write(tmp_path, body.replace(' xml:lang="en"', ""))
    with pytest.raises(InputError, match="no xml:lang"):
        load_tbx(path)


def test_root_that_is_not_a_termbase_is_an_input_error(tmp_path):
    path = write(tmp_path, '<tmx version="1.4"><header/><body/></tmx>', name="memory.tbx")
    with pytest.raises(InputError, match="not a TBX termbase.*<tmx>") as info:
        load_tbx(path)
    assert info.value.line == 1


def test_tbx_root_in_a_foreign_namespace_is_an_input_error(tmp_path):
    path = write(tmp_path, '<tbx xmlns="urn:example:other"><text/></tbx>')
    with pytest.raises(InputError, match="urn:example:other"):
        load_tbx(path)


def test_malformed_xml_reports_file_line_and_column(tmp_path):
    path = write(tmp_path, martif('<termEntry id="e">\n<langSet xml:lang="en"><tig><term>a</tig>'
                                  "</langSet></termEntry>"))
    with pytest.raises(InputError) as info:
        load_tbx(path)
    assert info.value.path == str(path) and info.value.line == 3 and info.value.column


def test_entity_declarations_are_refused(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x "boom">]>'
                 + martif("").split("?>", 1)[1])
    with pytest.raises(UnsafeXmlError):
        load_tbx(path)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_tbx(tmp_path / "absent.tbx")


def test_utf16_file_with_bom_is_read(tmp_path):
    body = martif('<termEntry id="e"><langSet xml:lang="az"><tig><term>İqtisadiyyat</term></tig>'
                  "</langSet></termEntry>").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = write(tmp_path, body, encoding="utf-16")
    assert load_tbx(path)[0].terms[0].text == "İqtisadiyyat"
