"""The sample glossary and its CSV export stay in step (the CSV is made with tmkit convert)."""

from pathlib import Path

import pytest
from lxml import etree

from tmkit.formats.glossary_io import load_glossary_file
from tmkit.model import TermStatus

ROOT = Path(__file__).resolve().parents[1]
GLOSSARIES = ROOT / "glossaries"


def test_csv_export_has_the_same_concepts_as_the_tbx():
    assert load_glossary_file(GLOSSARIES / "newsroom.csv") == load_glossary_file(GLOSSARIES / "newsroom.tbx")


def test_every_concept_has_a_preferred_term_in_each_newsroom_language():
    for concept in load_glossary_file(GLOSSARIES / "newsroom.tbx"):
        for lang in ("en", "ru", "az"):
            assert concept.preferred(lang) is not None, (concept.id, lang)


def test_glossary_marks_deprecated_variants():
    statuses = {t.status for c in load_glossary_file(GLOSSARIES / "newsroom.tbx") for t in c.terms}
    assert {TermStatus.DEPRECATED, TermStatus.SUPERSEDED} <= statuses


def test_sample_glossary_validates_against_the_tbx_basic_schema():
    schema_path = ROOT.parent / "shared" / "realworld" / "schemas" / "tbx" / "TBXcoreStructV03_TBX-Basic_integrated.rng"
    if not schema_path.is_file():
        pytest.skip("../shared/realworld not present")
    schema = etree.RelaxNG(etree.parse(str(schema_path)))
    assert schema.validate(etree.parse(str(GLOSSARIES / "newsroom.tbx"))), schema.error_log.last_error
