"""The sample glossary and its CSV export stay in step (the CSV is made with tmkit convert)."""

from pathlib import Path

from tmkit.formats.glossary_io import load_glossary_file
from tmkit.model import TermStatus

GLOSSARIES = Path(__file__).resolve().parents[1] / "glossaries"


def test_csv_export_has_the_same_concepts_as_the_tbx():
    assert load_glossary_file(GLOSSARIES / "newsroom.csv") == load_glossary_file(GLOSSARIES / "newsroom.tbx")


def test_every_concept_has_a_preferred_term_in_each_newsroom_language():
    for concept in load_glossary_file(GLOSSARIES / "newsroom.tbx"):
        for lang in ("en", "ru", "az"):
            assert concept.preferred(lang) is not None, (concept.id, lang)


def test_glossary_marks_deprecated_variants():
    statuses = {t.status for c in load_glossary_file(GLOSSARIES / "newsroom.tbx") for t in c.terms}
    assert {TermStatus.DEPRECATED, TermStatus.SUPERSEDED} <= statuses
