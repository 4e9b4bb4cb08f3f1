"""The engine on the project's own glossary, glossaries/newsroom.tbx."""

from __future__ import annotations

from pathlib import Path

import pytest

from tmkit.glossary import Glossary
from tmkit.model import TermStatus

NEWSROOM = Path(__file__).resolve().parents[1] / "glossaries" / "newsroom.tbx"


@pytest.fixture(scope="module")
def newsroom() -> Glossary:
    if not NEWSROOM.is_file():
        pytest.skip("glossaries/newsroom.tbx not present")
    return Glossary.load(NEWSROOM)


def _concepts(glossary: Glossary, text: str, lang: str) -> list[tuple[str, str]]:
    return [(hit.concept.id, hit.text) for hit in glossary.find_terms(text, lang)]


def test_newsroom_glossary_has_terms_in_all_three_languages(newsroom):
    assert len(newsroom.concepts) >= 85
    assert set(newsroom.languages) >= {"en", "ru", "az"}


def test_russian_agreement_matches_the_csto_name(newsroom):
    text = "Заявление Организации Договора о коллективной безопасности"
    assert ("c001", "Организации Договора о коллективной безопасности") in _concepts(newsroom, text, "ru")


def test_azerbaijani_acronym_with_suffix_matches_csto(newsroom):
    assert _concepts(newsroom, "KTMT-nin katibi", "az") == [("c001", "KTMT-nin")]


def test_superseded_english_term_is_reported_with_its_status(newsroom):
    [hit] = [h for h in newsroom.find_terms("Flights to Tiflis resumed.", "en") if h.concept.id == "c033"]
    assert hit.term.status is TermStatus.SUPERSEDED
    assert hit.concept.preferred("en").text == "Tbilisi"


def test_russian_adjective_is_not_the_country(newsroom):
    ids = [cid for cid, _ in _concepts(newsroom, "Российская экономика и русский язык", "ru")]
    assert "c021" not in ids


def test_lookup_finds_outpost_from_a_russian_case_form(newsroom):
    assert [c.id for c in newsroom.lookup("форпоста")] == ["c107"]


def test_lookup_finds_outpost_from_an_azerbaijani_suffix_chain(newsroom):
    assert [c.id for c in newsroom.lookup("forpostlarımızda")] == ["c107"]


def test_lookup_finds_the_editorial_from_a_romanized_form(newsroom):
    assert [c.id for c in newsroom.lookup("peredovitsa")] == ["c106"]
