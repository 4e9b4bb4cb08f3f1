"""Azerbaijani keys: suffix chains stripped under vowel harmony, distinct words kept apart."""

from __future__ import annotations

import pytest

from tmkit.lang import get_language

az = get_language("az")

SHARE = [
    ("Bakıda", "Bakı"), ("Bakının", "Bakı"), ("BAKIDA", "Bakı"), ("Bakıya", "Bakı"), ("Bakıdan", "Bakı"),
    ("Bakıdakı", "Bakı"), ("Bakıdır", "Bakı"), ("məqaləsində", "məqalə"), ("məqalələr", "məqalə"),
    ("forpostlarımızda", "forpost"), ("forpostu", "forpost"), ("KTMT-nin", "KTMT"), ("MDB-yə", "MDB"),
    ("NATO'ya", "NATO"), ("NATO’nun", "NATO"), ("İSRAİL", "İsrail"), ("İsrailin", "İsrail"),
    ("başçısının", "başçı"), ("başçısının", "başçısı"), ("bayrağı", "bayraq"), ("bayrağımızı", "bayraq"),
    ("ittifaqı", "ittifaq"), ("ittifaqın", "ittifaq"), ("Azərbaycanın", "Azərbaycan"),
    ("Azərbaycana", "Azərbaycan"), ("AZƏRBAYCANDA", "Azərbaycan"), ("prezidentinin", "prezident"),
    ("Prezidenti", "prezident"), ("nazirliyi", "nazirlik"), ("nazirliyinin", "nazirlik"),
    ("ölkələrin", "ölkə"), ("ölkəmizdə", "ölkə"), ("dövlətlərinin", "dövlət"), ("dövlətlə", "dövlət"),
    ("Qarabağ'da", "Qarabağ"), ("Qarabağda", "Qarabağ"), ("Qarabağın", "Qarabağ"),
    ("sülhməramlıları", "sülhməramlı"), ("Ermənistanla", "Ermənistan"), ("Ermənistandan", "Ermənistan"),
    ("Rusiyanın", "Rusiya"), ("Rusiyaya", "Rusiya"), ("Rusiyayla", "Rusiya"), ("Türkiyəyə", "Türkiyə"),
    ("Türkiyədədir", "Türkiyə"), ("Cənubi-Qafqazda", "Cənubi-Qafqaz"), ("danışıqlarda", "danışıq"),
    ("danışıqları", "danışıq"), ("sərhədində", "sərhəd"), ("1992-ci", "1992"),
    ("nümayəndəliyi", "nümayəndəlik"), ("evimə", "ev"), ("kitablarından", "kitab"),
    ("ordusunun", "ordu"), ("çörəyi", "çörək"), ("ölkədəki", "ölkə"), ("Gəncəyə", "Gəncə"),
    ("fikri", "fikir"), ("oğlu", "oğul"), ("şəklində", "şəkil"), ("ağzı", "ağız"),
    ("ilədək", "il"), ("Mersinədək", "Mersin"), ("Bakıyadək", "Bakı"), ("sonunadək", "son"),
    ("Türkiyəyədək", "Türkiyə"), ("xətlər", "xətt"), ("xətti", "xətt"), ("haqlar", "haqq"),
    ("hədlərində", "hədd"),
]

APART = [
    ("bakır", "Bakı"), ("bakırdan", "Bakı"), ("başçı", "baş"), ("başçısı", "baş"), ("dostluq", "dost"),
    ("millət", "milli"), ("Bakılı", "Bakı"), ("bayraqdar", "bayraq"), ("nazir", "nazirlik"),
    ("ölkəli", "ölkə"), ("dövlətçilik", "dövlət"), ("sülh", "sülhməramlı"), ("İsrailli", "İsrail"),
    ("qanunsuz", "qanun"), ("silahlı", "silah"), ("rusca", "Rusiya"), ("ermənilər", "Ermənistan"),
    ("prezidentlik", "prezident"), ("Azərbaycanlı", "Azərbaycan"), ("danışıqçı", "danışıq"),
    ("xalqçı", "xalq"), ("İran", "İraq"), ("ata", "at"), ("atı", "ata"),
]


@pytest.mark.parametrize(("form", "lemma"), SHARE)
def test_inflected_form_shares_a_key_with_its_lemma(form, lemma):
    assert az.keys(form) & az.keys(lemma)


@pytest.mark.parametrize(("word", "other"), APART)
def test_near_miss_shares_no_key(word, other):
    assert not az.keys(word) & az.keys(other)


def test_capital_dotted_and_dotless_i_fold_before_analysis():
    assert az.keys("BAKININ") == az.keys("Bakının")


def test_acronym_with_suffix_has_the_bare_acronym_as_key():
    assert "ktmt" in az.keys("KTMT-nin")


def test_headline_capitals_match_the_lemma_key():
    assert "israil" in az.keys("İSRAİL")


def test_soft_hyphen_inside_a_word_does_not_change_its_keys():
    assert az.keys("Azər\u00adbaycanın") == az.keys("Azərbaycanın")


def test_non_breaking_hyphen_gives_the_same_keys_as_ascii_hyphen():
    assert az.keys("Cənubi\u2011Qafqazda") == az.keys("Cənubi-Qafqazda")


def test_typographic_apostrophe_gives_the_same_keys_as_ascii_apostrophe():
    assert az.keys("NATO’ya") == az.keys("NATO'ya")
