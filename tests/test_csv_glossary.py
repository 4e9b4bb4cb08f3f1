"""CSV/TSV glossaries: header-driven reading with precise errors, quoting, round trips."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmkit.errors import InputError, UsageError
from tmkit.formats.csv_glossary import load_csv_glossary, write_csv_glossary
from tmkit.model import Concept, Term, TermStatus

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"


def glossary(tmp_path: Path, text: str, name: str = "g.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --------------------------------------------------------------------------- reading


def test_rows_with_the_same_concept_id_form_one_concept(tmp_path):
    path = glossary(tmp_path, "concept,lang,term\n1,en,parliament\n2,en,tax\n1,az,parlament\n")
    concepts = load_csv_glossary(path)
    assert [c.id for c in concepts] == ["1", "2"]
    assert [(t.lang, t.text) for t in concepts[0].terms] == [("en", "parliament"), ("az", "parlament")]


def test_header_names_are_case_insensitive_in_any_order_with_spaces(tmp_path):
    path = glossary(tmp_path, "Term,LANG,Part of Speech,Concept\nвыборы,ru,noun,c1\n")
    term = load_csv_glossary(path)[0].terms[0]
    assert (term.text, term.lang, term.part_of_speech) == ("выборы", "ru", "noun")


def test_all_optional_columns_map_onto_the_model(tmp_path):
    path = glossary(tmp_path, (
        "concept,lang,term,status,part_of_speech,term_type,context,note,definition,subject,"
        "concept_note,match,case,softening\n"
        "c,az,NATO,admitted,noun,acronym,NATO sammiti,qısaltma,Hərbi ittifaq,siyasət,yoxlanıb,"
        "exact,sensitive,yes\n"))
    concept, = load_csv_glossary(path)
    term, = concept.terms
    assert term == Term("NATO", "az", status=TermStatus.ADMITTED, part_of_speech="noun",
                        notes=("qısaltma",), context="NATO sammiti", term_type="acronym",
                        inflects=False, case_sensitive=True, softening=True)
    assert concept.definitions == (("az", "Hərbi ittifaq"),)
    assert (concept.subject_field, concept.notes) == ("siyasət", ("yoxlanıb",))


def test_definition_belongs_to_the_language_of_its_row(tmp_path):
    path = glossary(tmp_path, "concept,lang,term,definition\nc,ru,дума,палата\nc,az,məclis,palata\n"
                              "c,az,parlament,palata\n")
    assert load_csv_glossary(path)[0].definitions == (("ru", "палата"), ("az", "palata"))


def test_quoted_cells_keep_commas_quotes_and_line_breaks(tmp_path):
    path = glossary(tmp_path, 'concept,lang,term,context\nc,ru,"Сбербанк, ПАО","Он сказал: ""да"",\n'
                              'и ушёл."\n')
    term = load_csv_glossary(path)[0].terms[0]
    assert term.text == "Сбербанк, ПАО"
    assert term.context == 'Он сказал: "да",\nи ушёл.'


def test_byte_order_mark_is_ignored(tmp_path):
    path = glossary(tmp_path, "\ufeffconcept,lang,term\nc,az,İlham\n")
    assert load_csv_glossary(path)[0].terms[0].text == "İlham"


def test_tsv_extension_means_tab_delimited(tmp_path):
    path = glossary(tmp_path, "concept\tlang\tterm\nc\tru\tналог, сбор\n", name="g.tsv")
    assert load_csv_glossary(path)[0].terms[0].text == "налог, сбор"


def test_blank_lines_are_skipped(tmp_path):
    path = glossary(tmp_path, "\nconcept,lang,term\n\n,,\nc,en,tax\n\n")
    assert len(load_csv_glossary(path)[0].terms) == 1


def test_unmarked_status_follows_the_shared_rule(tmp_path):
    path = glossary(tmp_path, "concept,lang,term,status\nc,ru,налог,\nc,ru,сбор,deprecated\n"
                              "c,az,vergi,\nc,az,rüsum,\n")
    statuses = [t.status for t in load_csv_glossary(path)[0].terms]
    assert statuses == [TermStatus.PREFERRED, TermStatus.DEPRECATED, TermStatus.ADMITTED,
                        TermStatus.ADMITTED]


def test_tbx_status_spellings_are_accepted(tmp_path):
    path = glossary(tmp_path, "concept,lang,term,status\nc,en,a,preferredTerm-admn-sts\nc,en,b,Obsolete\n")
    assert [t.status for t in load_csv_glossary(path)[0].terms] == [TermStatus.PREFERRED,
                                                                     TermStatus.DEPRECATED]


def test_several_notes_are_one_per_line_in_the_cell(tmp_path):
    path = glossary(tmp_path, 'concept,lang,term,note\nc,en,a,"first\n\nsecond "\n')
    assert load_csv_glossary(path)[0].terms[0].notes == ("first", "second")


# --------------------------------------------------------------------------- errors


def test_file_without_header_is_refused_with_a_clear_message(tmp_path):
    path = glossary(tmp_path, "parliament,парламент\ntax,налог\n")
    with pytest.raises(InputError, match="no header row") as info:
        load_csv_glossary(path)
    assert info.value.line == 1


def test_realworld_headerless_omegat_csv_is_refused(tmp_path):
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    with pytest.raises(InputError, match="no header row"):
        load_csv_glossary(REALWORLD / "glossaries" / "omegat_test.csv")


def test_unknown_column_is_named_with_the_allowed_ones(tmp_path):
    path = glossary(tmp_path, "concept,lang,term,colour\nc,en,a,red\n")
    with pytest.raises(InputError, match=r"unknown column 'colour' \(allowed: concept, lang, term") as info:
        load_csv_glossary(path)
    assert (info.value.line, info.value.column) == (1, 4)


def test_missing_required_column_is_an_error(tmp_path):
    path = glossary(tmp_path, "concept,term\nc,a\n")
    with pytest.raises(InputError, match="missing required column.*lang"):
        load_csv_glossary(path)


def test_repeated_column_is_an_error(tmp_path):
    path = glossary(tmp_path, "concept,lang,term,Term\nc,en,a,b\n")
    with pytest.raises(InputError, match="'term' appears twice"):
        load_csv_glossary(path)


def test_row_missing_a_required_cell_reports_its_line_after_multiline_cells(tmp_path):
    path = glossary(tmp_path, 'concept,lang,term,context\nc,en,a,"two\nlines"\nd,,b,\n')
    with pytest.raises(InputError, match="row has no lang") as info:
        load_csv_glossary(path)
    assert info.value.line == 4


def test_unknown_status_reports_line_and_allowed_values(tmp_path):
    path = glossary(tmp_path, "concept,lang,term,status\nc,en,a,preferred\nc,en,b,prefered\n")
    with pytest.raises(InputError, match="unknown status 'prefered'.*preferred, admitted") as info:
        load_csv_glossary(path)
    assert info.value.line == 3


def test_unknown_match_value_is_an_error(tmp_path):
    path = glossary(tmp_path, "concept,lang,term,match\nc,en,a,fuzzy\n")
    with pytest.raises(InputError, match="unknown match value 'fuzzy'.*exact, inflects"):
        load_csv_glossary(path)


def test_extra_cells_beyond_the_header_are_an_error(tmp_path):
    path = glossary(tmp_path, "concept,lang,term\nc,en,a,surprise\n")
    with pytest.raises(InputError, match="4 cells but the header names 3"):
        load_csv_glossary(path)


def test_conflicting_subjects_of_one_concept_are_an_error(tmp_path):
    path = glossary(tmp_path, "concept,lang,term,subject\nc,en,a,politics\nc,ru,б,economy\n")
    with pytest.raises(InputError, match="'politics' \\(line 2\\) and 'economy'") as info:
        load_csv_glossary(path)
    assert info.value.line == 3


def test_non_utf8_bytes_report_line_and_column(tmp_path):
    path = glossary(tmp_path, "concept,lang,term\nc,ru,налог\n", encoding="cp1251")
    with pytest.raises(InputError, match="not UTF-8") as info:
        load_csv_glossary(path)
    assert (info.value.line, info.value.column) == (2, 6)


def test_bad_quoting_is_an_input_error(tmp_path):
    path = glossary(tmp_path, 'concept,lang,term\nc,en,"a"b\n')
    with pytest.raises(InputError, match="bad CSV quoting") as info:
        load_csv_glossary(path)
    assert info.value.line == 2


def test_empty_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no header row"):
        load_csv_glossary(glossary(tmp_path, ""))


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_csv_glossary(tmp_path / "absent.csv")


# --------------------------------------------------------------------------- writing


def test_writer_uses_only_columns_some_row_needs(tmp_path):
    path = tmp_path / "out.csv"
    write_csv_glossary(path, [Concept("c", terms=(Term("vergi", "az", part_of_speech="noun"),))])
    assert path.read_text(encoding="utf-8") == "concept,lang,term,status,part_of_speech\nc,az,vergi,preferred,noun\n"


def test_writer_picks_tabs_for_tsv(tmp_path):
    path = tmp_path / "out.tsv"
    write_csv_glossary(path, [Concept("c", terms=(Term("a, b", "en"),))])
    assert path.read_text(encoding="utf-8").splitlines()[1] == "c\ten\ta, b\tpreferred"


def test_term_level_definitions_are_kept_in_the_definition_cell_or_the_note(tmp_path):
    concept = Concept("c", terms=(Term("ceasefire", "en", definition="A halt in fighting."),
                                  Term("truce", "en", definition="A short halt.")),
                      definitions=(("en", "Agreement to stop fighting."),))
    write_csv_glossary(tmp_path / "g.csv", [concept])
    [back] = load_csv_glossary(tmp_path / "g.csv")
    assert ("en", "Agreement to stop fighting.") in back.definitions
    assert ("en", "A short halt.") in back.definitions
    assert back.terms[0].notes == ("definition: A halt in fighting.",)


def test_definition_without_a_term_in_its_language_cannot_be_written(tmp_path):
    concept = Concept("c", terms=(Term("tax", "en"),), definitions=(("ru", "налог"),))
    with pytest.raises(UsageError, match="definition in 'ru'"):
        write_csv_glossary(tmp_path / "out.csv", [concept])
    assert not (tmp_path / "out.csv").exists()


def test_concept_without_terms_cannot_be_written(tmp_path):
    with pytest.raises(UsageError, match="'c' has no terms"):
        write_csv_glossary(tmp_path / "out.csv", [Concept("c")])


# --------------------------------------------------------------------------- round trip

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЙəğıöüçşİƏĞÖÜÇŞqxAZ0189"
words = st.text(LETTERS + "\",;'«»&", min_size=1, max_size=6)
phrases = st.lists(words, min_size=1, max_size=4).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", ", ", "\t", "\n", " \"", "\r\n"]),
                           min_size=len(parts) - 1, max_size=len(parts) - 1).map(
        lambda seps: parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True))))
one_line = st.lists(words, min_size=1, max_size=4).map(" ".join)
optional = st.none() | phrases


@st.composite
def concepts(draw, concept_id: str) -> Concept:
    langs = draw(st.lists(st.sampled_from(["az", "ru", "en"]), min_size=1, max_size=3, unique=True))
    terms = []
    for lang in langs:
        for _ in range(draw(st.integers(1, 3))):
            terms.append(Term(
                draw(phrases), lang, status=draw(st.sampled_from(TermStatus)),
                part_of_speech=draw(st.none() | one_line), notes=tuple(draw(st.lists(one_line, max_size=2))),
                context=draw(optional), term_type=draw(st.none() | one_line),
                inflects=draw(st.booleans()), case_sensitive=draw(st.none() | st.booleans()),
                softening=draw(st.booleans())))
    definitions = tuple((lang, draw(phrases)) for lang in langs if draw(st.booleans()))
    return Concept(concept_id, terms=tuple(terms), definitions=definitions,
                   subject_field=draw(optional),
                   notes=tuple(draw(st.lists(one_line, max_size=2, unique=True))))


ids = st.text(LETTERS + " ,-", min_size=1, max_size=6).filter(lambda s: s == s.strip())
glossaries = st.lists(ids, min_size=1, max_size=4, unique=True).flatmap(
    lambda names: st.tuples(*[concepts(name) for name in names]).map(list))


@settings(max_examples=40, deadline=None)
@given(glossaries, st.sampled_from(["g.csv", "g.tsv"]))
def test_write_then_load_gives_equal_concepts(original, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        write_csv_glossary(path, original)
        assert load_csv_glossary(path) == original


def test_concepts_sharing_an_id_stay_two_concepts_through_csv(tmp_path):
    ferry = Concept("c1", (Term("ferry", "en"), Term("паром", "ru")))
    summit = Concept("c1", (Term("summit", "en"), Term("саммит", "ru")))
    path = tmp_path / "g.csv"
    assert write_csv_glossary(path, [ferry, summit]) == 2
    back = load_csv_glossary(path)
    assert [(c.id, [t.text for t in c.terms]) for c in back] == [
        ("c1", ["ferry", "паром"]), ("c1-2", ["summit", "саммит"])]


def test_semicolon_separated_glossary_from_a_spreadsheet_is_read(tmp_path):
    path = glossary(tmp_path, "concept;lang;term;status\nc1;en;parliament;preferred\nc1;ru;парламент;admitted\n")
    [concept] = load_csv_glossary(path)
    assert [(t.lang, t.text, t.status) for t in concept.terms] == [
        ("en", "parliament", TermStatus.PREFERRED), ("ru", "парламент", TermStatus.ADMITTED)]


def test_a_language_name_instead_of_a_code_is_refused_with_its_line(tmp_path):
    with pytest.raises(InputError, match=r"g\.csv:2: 'english' is not a language code"):
        load_csv_glossary(glossary(tmp_path, "concept,lang,term\nc1,english,parliament\n"))


def test_a_utf16_glossary_without_a_byte_order_mark_is_refused(tmp_path):
    path = tmp_path / "g.csv"
    path.write_bytes("concept,lang,term\nc1,en,ferry\n".encode("utf-16-le"))
    with pytest.raises(InputError, match="NUL bytes"):
        load_csv_glossary(path)
