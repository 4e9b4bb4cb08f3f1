"""CSV/TSV segment pairs: headers, headerless files, quoting, line numbers, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmkit.errors import InputError, UsageError
from tmkit.formats.bilingual import make_unit
from tmkit.formats.pairs import load_pairs, write_pairs
from tmkit.model import Note, Segment, State


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_header_with_language_codes_names_the_languages(tmp_path):
    doc = load_pairs(_file(tmp_path, "p.csv", "en,ru\nBaku,Баку\n"))
    assert (doc.src_lang, doc.tgt_lang) == ("en", "ru")
    assert [v.text for v in doc.units[0].variants] == ["Baku", "Баку"]


def test_id_and_note_columns_become_tuid_and_note(tmp_path):
    doc = load_pairs(_file(tmp_path, "p.csv", "id,en,az,note\nh1,Budget,Büdcə,headline\n"))
    unit = doc.units[0]
    assert (unit.tuid, unit.notes) == ("h1", (Note("headline"),))


def test_quoted_cells_keep_commas_quotes_and_newlines(tmp_path):
    text = 'en,ru\n"Yes, he said ""no""","Да, он сказал «нет»\nвчера"\n'
    unit = load_pairs(_file(tmp_path, "p.csv", text)).units[0]
    assert unit.variants[0].text == 'Yes, he said "no"'
    assert unit.variants[1].text == "Да, он сказал «нет»\nвчера"


def test_rows_keep_the_line_they_start_on(tmp_path):
    text = 'en,ru\n"two\nlines",x\nthird,y\n'
    assert [u.line for u in load_pairs(_file(tmp_path, "p.csv", text)).units] == [2, 4]


def test_tsv_uses_tabs(tmp_path):
    doc = load_pairs(_file(tmp_path, "p.tsv", "en\taz\nOne, two\tBir, iki\n"))
    assert doc.units[0].variants[1].text == "Bir, iki"


def test_headerless_file_needs_languages(tmp_path):
    path = _file(tmp_path, "p.csv", "Baku,Bakı\n")
    with pytest.raises(InputError, match="--src-lang"):
        load_pairs(path)
    doc = load_pairs(path, "en", "az")
    assert (doc.units[0].variants[1].lang, doc.units[0].line) == ("az", 1)


def test_source_target_header_takes_languages_from_caller(tmp_path):
    doc = load_pairs(_file(tmp_path, "p.csv", "source,target\nnews,xəbər\n"), "en", "az")
    assert (len(doc.units), doc.tgt_lang) == (1, "az")


def test_empty_target_cell_means_no_target(tmp_path):
    assert load_pairs(_file(tmp_path, "p.csv", "en,ru\nBaku,\n")).units[0].languages == ("en",)


def test_third_language_column_requires_tgt_lang(tmp_path):
    path = _file(tmp_path, "p.csv", "en,ru,az\na,б,c\n")
    with pytest.raises(UsageError, match="--tgt-lang"):
        load_pairs(path)
    assert load_pairs(path, tgt_lang="az").units[0].variants[1].text == "c"


def test_header_languages_other_than_requested_are_refused(tmp_path):
    with pytest.raises(UsageError, match="en, ru"):
        load_pairs(_file(tmp_path, "p.csv", "en,ru\na,b\n"), "en", "az")


def test_glossary_csv_is_refused_with_hint(tmp_path):
    with pytest.raises(InputError, match="glossary"):
        load_pairs(_file(tmp_path, "g.csv", "concept,lang,term\n1,en,budget\n"))


def test_row_with_extra_cells_names_its_line(tmp_path):
    with pytest.raises(InputError, match="3 cells") as info:
        load_pairs(_file(tmp_path, "p.csv", "en,ru\nok,да\na,b,c\n"))
    assert info.value.line == 3


def test_non_utf8_bytes_name_the_line(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(b"en,ru\nBaku," + "Баку".encode("cp1251") + b"\n")
    with pytest.raises(InputError, match="UTF-8") as info:
        load_pairs(path)
    assert info.value.line == 2


def test_unknown_state_value_is_refused(tmp_path):
    with pytest.raises(InputError, match="unknown state 'done'"):
        load_pairs(_file(tmp_path, "p.csv", "en,ru,state\na,b,done\n"))


def test_writer_adds_optional_columns_only_when_used(tmp_path):
    out = tmp_path / "o.csv"
    write_pairs(out, [make_unit("en", Segment.of("a"), "ru", Segment.of("б"))], src_lang="en",
                tgt_lang="ru")
    assert out.read_text(encoding="utf-8") == "en,ru\na,б\n"


def test_writer_needs_both_languages(tmp_path):
    with pytest.raises(UsageError, match="both languages"):
        write_pairs(tmp_path / "o.csv", [], src_lang="en")


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(st.tuples(_cell, _cell, st.sampled_from([None, *State])), min_size=1, max_size=5),
       tsv=st.booleans())
def test_round_trip_preserves_text_and_state(tmp_path_factory, rows, tsv):
    units = [make_unit("en", Segment.of(s), "az", Segment.of(t), tuid=f"u{i}", state=state)
             for i, (s, t, state) in enumerate(rows)]
    out = tmp_path_factory.mktemp("pairs") / ("rt.tsv" if tsv else "rt.csv")
    write_pairs(out, units, src_lang="en", tgt_lang="az")
    back = load_pairs(out).units
    assert [(u.variants[0].text, u.variants[1].text, u.state, u.tuid) for u in back] == [
        (s, t, state, f"u{i}") for i, (s, t, state) in enumerate(rows)]


def test_unclosed_quote_is_an_error_at_the_row_it_opens_instead_of_swallowing_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text('id,en,ru\np1,"He said ""hi"" and,Он сказал\np2,Second row,Вторая строка\n', encoding="utf-8")
    with pytest.raises(InputError, match="malformed CSV") as caught:
        load_pairs(path)
    assert caught.value.line == 2


def test_utf16_without_a_byte_order_mark_is_refused_not_read_as_nul_text(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("en,ru\nhello,привет\n".encode("utf-16-le"))
    with pytest.raises(InputError, match="NUL bytes"):
        load_pairs(path)
