"""Editors' lookup from any form, spelling suggestions, listing and statistics."""

from __future__ import annotations

import pytest

from tmkit.errors import InputError, UsageError
from tmkit.glossary import Glossary, is_acronym, replacement
from tmkit.model import Concept, Term, TermStatus

OUTPOST = Concept("outpost", (Term("outpost", "en"), Term("форпост", "ru"), Term("forpost", "az")))
EDITORIAL = Concept("editorial", (Term("editorial", "en"), Term("передовица", "ru"), Term("baş məqalə", "az")))
COUNCIL = Concept("council", (Term("Security Council", "en"), Term("Совет безопасности", "ru"),
                              Term("Təhlükəsizlik Şurası", "az")))
CSTO = Concept("csto", (Term("Организация Договора о коллективной безопасности", "ru"),
                        Term("KTMT", "az", TermStatus.ADMITTED, term_type="acronym"),
                        Term("CSTO", "en", TermStatus.ADMITTED)))
ISRAEL = Concept("israel", (Term("Israel", "en"), Term("Израиль", "ru"), Term("İsrail", "az")))
NATO = Concept("nato", (Term("NATO", "en"), Term("НАТО", "ru")))
KARABAKH = Concept("karabakh", (Term("Karabakh", "en"), Term("Карабах", "ru"), Term("Qarabağ", "az")),
                   subject_field="geography")
BELARUS = Concept("belarus", (Term("Беларусь", "ru"), Term("Белоруссия", "ru", TermStatus.DEPRECATED),
                              Term("Belarus", "en")))

GLOSSARY = Glossary([OUTPOST, EDITORIAL, COUNCIL, CSTO, ISRAEL, NATO, KARABAKH, BELARUS])


def _ids(query: str, lang: str | None = None) -> list[str]:
    return [concept.id for concept in GLOSSARY.lookup(query, lang)]


@pytest.mark.parametrize(("query", "expected"), [
    ("форпоста", "outpost"),
    ("forpostlarımızda", "outpost"),
    ("İSRAİL", "israel"),
    ("KTMT-nin", "csto"),
    ("Editorials", "editorial"),
    ("Белоруссии", "belarus"),
])
def test_lookup_finds_the_concept_from_an_inflected_or_cased_form(query, expected):
    assert _ids(query) == [expected]


def test_lookup_finds_an_acronym_typed_in_lowercase():
    assert _ids("nato") == ["nato"]


@pytest.mark.parametrize("query", ["ktmt-nin", "ktmt'nin", "ktmt-də"])
def test_lookup_finds_a_lowercase_acronym_with_a_suffix(query):
    assert _ids(query) == ["csto"]


def test_lookup_finds_a_russian_term_typed_in_latin_letters():
    assert _ids("peredovitsa") == ["editorial"]


def test_lookup_finds_an_inflected_russian_form_typed_in_latin_letters():
    assert _ids("peredovitsy") == ["editorial"]


def test_lookup_by_one_word_of_a_multiword_term_finds_every_concept_using_it():
    assert _ids("безопасности") == ["council", "csto"]


def test_lookup_puts_the_concept_covering_the_whole_query_first():
    assert _ids("Совет безопасности и НАТО")[0:2] == ["council", "nato"]
    assert _ids("Совета безопасности") == ["council"]


def test_lookup_limited_to_one_language_ignores_the_others():
    assert _ids("Israel", "ru") == []
    assert _ids("Израиля", "ru") == ["israel"]


def test_lookup_of_blank_or_unknown_text_is_empty():
    assert _ids("   ") == []
    assert _ids("xyzzy") == []


def test_suggest_offers_the_term_for_a_typo():
    assert GLOSSARY.suggest("Karabach")[:2] == ["Karabakh", "Карабах"]


def test_suggest_ignores_missing_diacritics():
    assert GLOSSARY.suggest("Tehlukesizlik Surasi") == ["Təhlükəsizlik Şurası"]


def test_suggest_matches_a_romanized_russian_misspelling():
    assert "передовица" in GLOSSARY.suggest("peredovica")


def test_suggest_returns_nothing_for_unrelated_text():
    assert GLOSSARY.suggest("qwertyuiop") == []


def test_suggest_respects_the_limit():
    assert len(GLOSSARY.suggest("Belarus", limit=1)) == 1


def test_terms_filter_by_language_and_status():
    pairs = GLOSSARY.terms("ru", TermStatus.DEPRECATED)
    assert [(c.id, t.text) for c, t in pairs] == [("belarus", "Белоруссия")]


def test_stats_count_terms_per_language_and_status_and_acronyms():
    stats = GLOSSARY.stats()
    assert stats.concepts == 8
    assert stats.terms["ru"] == {"preferred": 8, "admitted": 0, "deprecated": 1, "superseded": 0}
    assert stats.acronyms == 4


def test_acronym_is_recognised_by_type_or_capitals():
    assert is_acronym(Term("KTMT", "az"))
    assert is_acronym(Term("Benelux", "en", term_type="acronym"))
    assert not is_acronym(Term("Karabakh", "en"))


def test_replacement_of_a_deprecated_term_is_the_preferred_one():
    assert replacement(BELARUS, BELARUS.terms[1]).text == "Беларусь"
    assert replacement(BELARUS, BELARUS.terms[0]) is None


def test_load_of_a_missing_file_names_the_file(tmp_path):
    with pytest.raises(InputError, match="not found") as caught:
        Glossary.load(tmp_path / "absent.tbx")
    assert caught.value.path.endswith("absent.tbx")


def test_load_of_an_unknown_extension_is_a_usage_error(tmp_path):
    path = tmp_path / "terms.docx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError):
        Glossary.load(path)


def test_load_reads_a_csv_glossary(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("concept,lang,term,status\nc1,ru,форпост,preferred\nc1,en,outpost,preferred\n",
                    encoding="utf-8")
    glossary = Glossary.load(path)
    assert [h.text for h in glossary.find_terms("у форпостов", "ru")] == ["форпостов"]
