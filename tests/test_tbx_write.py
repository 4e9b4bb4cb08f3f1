"""TBX writer: TBX-Basic output that validates, round-trips and never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tmkit.errors import UsageError
from tmkit.formats.tbx import TBX_NAMESPACE, load_tbx, write_tbx
from tmkit.model import Concept, Term, TermStatus

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"
BASIC_RNG = REALWORLD / "schemas" / "tbx" / "TBXcoreStructV03_TBX-Basic_integrated.rng"
NS = {"t": TBX_NAMESPACE}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
AZERBAIJANI = "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
ALPHABET = CYRILLIC + AZERBAIJANI + "0123456789&<>\"'«»-.,;!?()"


@pytest.fixture(scope="module")
def basic_schema() -> etree.RelaxNG:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    return etree.RelaxNG(etree.parse(str(BASIC_RNG)))


def sample_concepts() -> list[Concept]:
    return [
        Concept("c-parliament", terms=(
            Term("Milli Məclis", "az", part_of_speech="noun", context="Milli Məclis qanunu qəbul etdi.",
                 notes=("rəsmi ad",)),
            Term("парламент", "az", status=TermStatus.DEPRECATED),
            Term("Государственная дума", "ru", term_type="fullForm", definition="нижняя палата"),
            Term("Госдума", "ru", status=TermStatus.ADMITTED, term_type="shortForm"),
            Term("NATO", "en", inflects=False, case_sensitive=True),
            Term("bank", "az", status=TermStatus.SUPERSEDED, softening=True, case_sensitive=False),
        ), definitions=(("tr", "yasama organı"), ("az", "Qanunvericilik orqanı"), ("ru", "орган власти")),
            subject_field="politics", notes=("checked by the desk",)),
    ]


def written(tmp_path: Path, concepts: list[Concept], **options) -> Path:
    path = tmp_path / "out.tbx"
    write_tbx(path, concepts, **options)
    return path


# --------------------------------------------------------------------------- structure


def test_output_validates_against_the_tbx_basic_relax_ng_schema(tmp_path, basic_schema):
    document = etree.parse(str(written(tmp_path, sample_concepts(), title="Newsroom")))
    assert basic_schema.validate(document), basic_schema.error_log


def test_realworld_termbase_rewritten_validates_and_reads_back_equal(tmp_path, basic_schema):
    original = load_tbx(REALWORLD / "tbx" / "ltac_tbx-basic_Example_Astronomy_DCT_VALID.tbx")
    path = written(tmp_path, original)
    assert basic_schema.validate(etree.parse(str(path))), basic_schema.error_log
    assert load_tbx(path) == original


def test_root_declares_tbx_basic_dca_with_source_language(tmp_path):
    root = etree.parse(str(written(tmp_path, sample_concepts(), source_lang="az"))).getroot()
    assert root.tag == f"{{{TBX_NAMESPACE}}}tbx"
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "az")


def test_source_language_defaults_to_the_first_terms_language(tmp_path):
    root = etree.parse(str(written(tmp_path, sample_concepts()))).getroot()
    assert root.get(XML_LANG) == "az"


def test_title_goes_to_the_title_statement(tmp_path):
    root = etree.parse(str(written(tmp_path, sample_concepts(), title="Xəbər lüğəti"))).getroot()
    assert root.findtext("t:tbxHeader/t:fileDesc/t:titleStmt/t:title", namespaces=NS) == "Xəbər lüğəti"


def test_statuses_use_tbx_basic_picklist_values(tmp_path):
    root = etree.parse(str(written(tmp_path, sample_concepts()))).getroot()
    values = {e.text for e in root.iterfind(".//t:termNote[@type='administrativeStatus']", NS)}
    assert values == {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                      "supersededTerm-admn-sts"}


def test_match_options_are_written_only_when_they_differ_from_defaults(tmp_path):
    root = etree.parse(str(written(tmp_path, sample_concepts()))).getroot()
    option_notes = [e.text for e in root.iterfind(".//t:note", NS) if e.text.startswith("x-tmkit-")]
    # "bank" (az section, written first) then "NATO" (en); default-valued terms add none.
    assert option_notes == ["x-tmkit-case: insensitive", "x-tmkit-softening: yes",
                            "x-tmkit-match: exact", "x-tmkit-case: sensitive"]


def test_terms_are_grouped_into_one_language_section_per_language(tmp_path):
    root = etree.parse(str(written(tmp_path, sample_concepts()))).getroot()
    langs = [e.get(XML_LANG) for e in root.iterfind(".//t:langSec", NS)]
    assert langs == ["az", "ru", "en"]


def test_definition_in_a_language_without_terms_stays_on_the_concept_with_its_language(tmp_path):
    concept, = load_tbx(written(tmp_path, sample_concepts()))
    assert concept.definitions[0] == ("tr", "yasama organı")


def test_invalid_and_repeated_concept_ids_become_unique_xml_ids(tmp_path):
    concepts = [Concept(i, terms=(Term("söz", "az"),)) for i in ("1", "tax rate", "a", "a")]
    assert [c.id for c in load_tbx(written(tmp_path, concepts))] == ["c1", "tax_rate", "a", "a-2"]


def test_returns_the_number_of_concepts_written(tmp_path):
    assert write_tbx(tmp_path / "x.tbx", [*sample_concepts(), Concept("c2", terms=(Term("vergi", "az"),))]) == 2


# --------------------------------------------------------------------------- failures


def test_concept_without_terms_is_refused_and_the_old_file_survives(tmp_path):
    path = tmp_path / "glossary.tbx"
    path.write_text("old content", encoding="utf-8")
    with pytest.raises(UsageError, match="'empty' has no terms"):
        write_tbx(path, [*sample_concepts(), Concept("empty")])
    assert path.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.tbx"]


def test_control_characters_are_refused_with_the_concept_id(tmp_path):
    with pytest.raises(UsageError, match="'bad'"):
        write_tbx(tmp_path / "x.tbx", [Concept("bad", terms=(Term("a\x00b", "en"),))])
    assert not (tmp_path / "x.tbx").exists()


def test_missing_output_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="cannot write"):
        write_tbx(tmp_path / "no" / "such" / "x.tbx", sample_concepts())


# --------------------------------------------------------------------------- round trip

words = st.text(ALPHABET, min_size=1, max_size=8)
phrases = st.lists(words, min_size=1, max_size=4).map(" ".join)
optional = st.none() | phrases


@st.composite
def concepts(draw, concept_id: str) -> Concept:
    langs = draw(st.lists(st.sampled_from(["az", "ru", "en", "ru-RU"]), min_size=1, max_size=3,
                          unique=True))
    terms = []
    for lang in langs:
        for _ in range(draw(st.integers(1, 3))):
            terms.append(Term(
                draw(phrases), lang, status=draw(st.sampled_from(TermStatus)),
                part_of_speech=draw(st.none() | st.sampled_from(["noun", "verb", "adjective"])),
                notes=tuple(draw(st.lists(phrases, max_size=2))), context=draw(optional),
                definition=draw(optional), term_type=draw(st.none() | st.sampled_from(["acronym", "phrase"])),
                inflects=draw(st.booleans()), case_sensitive=draw(st.none() | st.booleans()),
                softening=draw(st.booleans())))
    # Definitions in a language without terms come first, then the term languages in order:
    # the order the writer's structure gives them back.
    definitions = [("tr", draw(phrases))] if draw(st.booleans()) else []
    definitions += [(lang, draw(phrases)) for lang in langs if draw(st.booleans())]
    return Concept(concept_id, terms=tuple(terms), definitions=tuple(definitions),
                   subject_field=draw(optional), notes=tuple(draw(st.lists(phrases, max_size=2))))


ids = st.from_regex(r"[a-z][a-z0-9_-]{0,6}", fullmatch=True)
glossaries = st.lists(ids, min_size=1, max_size=4, unique=True).flatmap(
    lambda names: st.tuples(*[concepts(name) for name in names]).map(list))


@settings(max_examples=40, deadline=None)
@given(glossaries)
def test_write_then_load_gives_equal_concepts(original):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "round.tbx"
        write_tbx(path, original)
        assert load_tbx(path) == original


def test_rewriting_keeps_the_existing_files_permissions(tmp_path):
    path = tmp_path / "shared.tbx"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_tbx(path, sample_concepts())
    assert path.stat().st_mode & 0o777 == 0o640


def test_new_file_gets_the_umask_mode_not_mkstemps_private_one(tmp_path):
    previous = os.umask(0o022)
    try:
        path = written(tmp_path, sample_concepts())
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o644
