"""Glossary files by extension: TBX or CSV/TSV, with clear errors for the rest."""

from __future__ import annotations

import pytest

from tmkit.errors import InputError, UsageError
from tmkit.formats.glossary_io import load_glossary_file, save_glossary_file
from tmkit.model import Concept, Term, TermStatus

CONCEPTS = [Concept("president", terms=(Term("prezident", "az"), Term("президент", "ru"),
                                        Term("глава государства", "ru", status=TermStatus.ADMITTED)),
                    definitions=(("az", "dövlət başçısı"),), subject_field="politics")]


@pytest.mark.parametrize("name", ["g.tbx", "g.csv", "g.tsv", "g.txt", "G.TBX"])
def test_save_then_load_by_extension_round_trips(tmp_path, name):
    path = tmp_path / name
    assert save_glossary_file(path, CONCEPTS) == 1
    assert load_glossary_file(path) == CONCEPTS


@pytest.mark.parametrize(("name", "marker"), [("g.tbx", "<tbx"), ("g.csv", "concept,lang,term"),
                                              ("g.txt", "concept\tlang\tterm")])
def test_extension_chooses_the_written_format(tmp_path, name, marker):
    path = tmp_path / name
    save_glossary_file(path, CONCEPTS)
    assert marker in path.read_text(encoding="utf-8")


def test_unknown_extension_is_a_usage_error_listing_supported_ones(tmp_path):
    with pytest.raises(UsageError, match=r"'\.xlsx'.*\.tbx, \.csv, \.tsv, \.txt"):
        load_glossary_file(tmp_path / "terms.xlsx")


def test_saving_with_unknown_extension_writes_nothing(tmp_path):
    with pytest.raises(UsageError, match="no extension"):
        save_glossary_file(tmp_path / "terms", CONCEPTS)
    assert list(tmp_path.iterdir()) == []


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found") as info:
        load_glossary_file(tmp_path / "absent.tbx")
    assert info.value.path.endswith("absent.tbx")


def test_folder_named_like_a_glossary_is_an_input_error(tmp_path):
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(InputError, match="not a regular file"):
        load_glossary_file(tmp_path / "dir.csv")
