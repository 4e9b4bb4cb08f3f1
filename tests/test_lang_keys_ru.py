"""Russian keys: pymorphy3 normal forms, ё folded, unknown words keep themselves."""

from __future__ import annotations

import pytest

from tmkit.lang import get_language

ru = get_language("ru")

SHARE = [
    ("совета", "совет"), ("Совету", "совет"), ("советом", "совет"), ("советы", "совет"),
    ("министра", "министр"), ("министров", "министр"), ("министерству", "министерство"),
    ("президентом", "президент"), ("Президенту", "президент"), ("переговоров", "переговоры"),
    ("переговорах", "переговоры"), ("санкций", "санкция"), ("санкциями", "санкция"),
    ("выборах", "выборы"), ("границе", "граница"), ("границ", "граница"), ("ёлки", "ёлка"),
    ("елки", "ёлка"), ("Королёва", "Королёв"), ("всё", "все"), ("Азербайджана", "Азербайджан"),
    ("Азербайджаном", "Азербайджан"), ("Москвы", "Москва"), ("Москве", "Москва"),
    ("Россией", "Россия"), ("России", "Россия"), ("соглашения", "соглашение"),
    ("соглашением", "соглашение"), ("беженцев", "беженец"), ("беженцами", "беженец"),
    ("посольства", "посольство"), ("послом", "посол"), ("войсками", "войска"),
    ("северо-запада", "северо-запад"), ("стороны", "сторона"), ("сторонами", "сторона"),
    ("заявил", "заявить"), ("заявила", "заявить"), ("НАТО", "НАТО"), ("ОДКБ-шный", "ОДКБ"),
    ("Пашиняна", "Пашинян"), ("Алиева", "Алиев"), ("трубопровода", "трубопровод"),
]

APART = [
    ("советник", "совет"), ("советника", "совет"), ("советский", "совет"),
    ("министерство", "министр"), ("президентский", "президент"), ("граничный", "граница"),
    ("Россиянин", "Россия"), ("государство", "государь"), ("мирный", "мир"),
    ("выборочный", "выборы"), ("посольство", "посол"), ("сторонник", "сторона"),
    ("заявка", "заявить"), ("стол", "столица"), ("армия", "армянин"), ("война", "воин"),
    ("союзник", "союз"), ("народный", "народ"), ("газета", "газ"), ("нефтяник", "нефть"),
    ("беженство", "беженец"),
    # a reading pymorphy3 all but never sees must not join words (after/ambassador, day/affairs)
    ("после", "посол"), ("день", "дел"), ("при", "переть"),
]


@pytest.mark.parametrize(("form", "lemma"), SHARE)
def test_inflected_form_shares_a_key_with_its_lemma(form, lemma):
    assert ru.keys(form) & ru.keys(lemma)


@pytest.mark.parametrize(("word", "other"), APART)
def test_near_miss_shares_no_key(word, other):
    assert not ru.keys(word) & ru.keys(other)


def test_ambiguous_form_keeps_every_normal_form():
    assert {"сталь", "стать"} <= ru.keys("стали")


def test_rare_reading_is_dropped_but_the_words_own_form_stays():
    assert ru.keys("после") == {"после"}


def test_keys_never_contain_yo():
    assert all("ё" not in key for key in ru.keys("Ёлкой"))


def test_unknown_word_keeps_itself_beside_the_guesses():
    assert "зюзюкала" in ru.keys("Зюзюкала")


def test_inflect_forms_lists_case_and_number_forms():
    assert {"совета", "советом", "советам", "советах"} <= ru.inflect_forms("совет")


def test_inflect_forms_of_a_non_lemma_is_empty():
    assert ru.inflect_forms("советом") == set()


def test_inflect_forms_are_folded_without_yo():
    assert "елкой" in ru.inflect_forms("Ёлка")
