"""Russian romanization and spelling-tolerant name keys (en / ru / az)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from tmkit.lang.translit import (
    SCHEMES,
    azerbaijani_name_key,
    azerbaijani_name_keys,
    cyrillic_name_key,
    name_key,
    name_keys,
    romanizations,
    romanize,
    strip_russian_name_case,
)

RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"


# --- romanize ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("bgn", "Khachaturyan"),
        ("wikipedia", "Khachaturyan"),
        ("icao", "Khachaturian"),
        ("gost", "Xachaturyan"),
        ("iso", "Hachaturjan"),
    ],
)
def test_each_scheme_romanizes_a_surname(scheme, expected):
    assert romanize("Хачатурян", scheme) == expected


def test_bgn_output_never_keeps_cyrillic_yo():
    assert romanize("Щёкин Ёлкин", "bgn") == "Shchekin Yelkin"


def test_all_caps_word_with_yo_is_romanized_in_caps():
    assert romanize("ЩЁКИН", "wikipedia") == "SHCHYOKIN"


def test_soft_and_hard_sign_marks_are_dropped_by_default():
    assert romanize("Васильев Подъячев", "bgn") == "Vasilyev Podyachev"


def test_marks_can_be_kept():
    assert romanize("Васильев", "bgn", keep_marks=True) == "Vasil’yev"


def test_latin_and_punctuation_pass_through():
    assert romanize("Путин (Putin), 2024!", "bgn") == "Putin (Putin), 2024!"


def test_unknown_scheme_is_rejected_with_the_choices():
    with pytest.raises(ValueError, match="bgn"):
        romanize("Путин", "klingon")


@given(st.text(alphabet=RUSSIAN_LETTERS + " -", max_size=30), st.sampled_from(sorted(SCHEMES)))
def test_romanized_russian_is_plain_ascii(text, scheme):
    assert romanize(text, scheme).isascii()


def test_romanizations_include_scheme_and_news_spellings():
    spellings = romanizations("Чайковский")
    assert {"Chaykovskiy", "Chaykovsky", "Chaikovskii"} <= spellings


def test_romanizations_add_news_ei_ending():
    assert {"Sergey", "Sergei", "Sergej"} <= romanizations("Сергей")


def test_every_romanization_of_a_name_shares_one_key():
    for word in ("Хачатурян", "Ельцин", "Горбачёв", "Юлия", "Щёкин", "Чайковский", "Алексей"):
        assert len({name_key(s) for s in romanizations(word)}) == 1, word


# --- name keys: pairs that must match ------------------------------------------------------

LATIN_PAIRS = [
    ("Aliyev", "Aliev"),
    ("Aliyev", "Alijev"),
    ("Khachaturov", "Hachaturov"),
    ("Khachaturov", "Xachaturov"),
    ("Khachaturyan", "Khachaturian"),
    ("Yeltsin", "El'cin"),
    ("Yeltsin", "Eltsin"),
    ("Tchaikovsky", "Chaykovskiy"),
    ("Gorbachev", "Gorbachyov"),
    ("Gorbachev", "Gorbachov"),
    ("Fyodor", "Fedor"),
    ("Yulia", "Iuliia"),
    ("Yuliya", "Julija"),
    ("Sergei", "Sergey"),
    ("Alexei", "Aleksey"),
    ("Dmitry", "Dmitrii"),
    ("Shoigu", "Shoygu"),
    ("Khrushchev", "Hrushchov"),
    ("Shchekin", "Shhyokin"),
    ("Vasilyev", "Vasil’ev"),
    ("Zhukov", "Žukov"),
    ("Natalya", "Natalia"),
    ("Ter-Petrosyan", "Terpetrosian"),
    ("Mikhail", "Mihail"),
    ("Baghirov", "Bagirov"),
]


@pytest.mark.parametrize(("a", "b"), LATIN_PAIRS)
def test_latin_spellings_of_one_name_share_a_key(a, b):
    assert name_key(a) == name_key(b)


CYRILLIC_PAIRS = [
    ("Putin", "Путин"),
    ("Aliyev", "Алиев"),
    ("Aliev", "Алиев"),
    ("Pashinyan", "Пашинян"),
    ("Khachaturyan", "Хачатурян"),
    ("Khachaturov", "Хачатуров"),
    ("Yeltsin", "Ельцин"),
    ("Gorbachev", "Горбачёв"),
    ("Shoigu", "Шойгу"),
    ("Lavrov", "Лавров"),
    ("Peskov", "Песков"),
    ("Zelensky", "Зеленский"),
    ("Navalny", "Навальный"),
    ("Prigozhin", "Пригожин"),
    ("Tchaikovsky", "Чайковский"),
    ("Aleksandr", "Александр"),
    ("Aliyeva", "Алиева"),
    ("Yevgeny", "Евгений"),
    ("Alat", "Алят"),
    ("Ludmila", "Людмила"),
    ("Tatiana", "Татьяна"),
]


@pytest.mark.parametrize(("latin", "cyrillic"), CYRILLIC_PAIRS)
def test_english_spelling_matches_russian_name(latin, cyrillic):
    assert name_key(latin) == cyrillic_name_key(cyrillic)


AZERBAIJANI_PAIRS = [
    ("Əliyev", "Aliyev"),
    ("İlham", "Ilham"),
    ("Paşinyan", "Pashinyan"),
    ("Xaçaturov", "Khachaturov"),
    ("Məmmədov", "Mammadov"),
    ("Cəlil", "Jalil"),
    ("Qasımov", "Gasimov"),
    ("Şuşa", "Shusha"),
]


@pytest.mark.parametrize(("az", "latin"), AZERBAIJANI_PAIRS)
def test_azerbaijani_spelling_matches_english(az, latin):
    assert name_key(latin) in azerbaijani_name_keys(az)


AZERBAIJANI_RUSSIAN_PAIRS = [
    ("Əliyev", "Алиев"),
    ("Məmmədov", "Мамедов"),
    ("Heydər", "Гейдар"),
    ("Rəsulzadə", "Расулзаде"),
    ("Cəlil", "Джалил"),
    ("Qəbələ", "Габала"),
    ("İlham", "Ильхам"),
]


@pytest.mark.parametrize(("az", "ru"), AZERBAIJANI_RUSSIAN_PAIRS)
def test_azerbaijani_spelling_matches_russian(az, ru):
    assert cyrillic_name_key(ru) in azerbaijani_name_keys(az)


def test_azerbaijani_name_key_is_the_usual_spelling():
    assert azerbaijani_name_key("Əliyev") == name_key("Aliyev")


def test_azerbaijani_capital_dotless_i_is_handled():
    assert name_key("KASIMOV") in azerbaijani_name_keys("QASIMOV")


def test_name_keys_dispatches_on_script_and_language():
    assert name_keys("Путин", "en") & name_keys("Putin", "en")
    assert name_keys("Əliyev", "az") & name_keys("Алиев", "ru")


# --- name keys: pairs that must not match --------------------------------------------------

NON_MATCHING = [
    ("Khachaturyan", "Хачатуров"),
    ("Aliyev", "Алиева"),
    ("Aliyeva", "Алиев"),
    ("Pashinyan", "Пашков"),
    ("Putin", "Путина"),
    ("Ivanov", "Иванова"),
    ("Lavrov", "Лавренов"),
    ("Peskov", "Пескова"),
    ("Shoigu", "Шойга"),
    ("Sergeyev", "Сергеева"),
    ("Medvedev", "Медведчук"),
    ("Popov", "Попова"),
    ("Zakharov", "Захарченко"),
    ("Kim", "Ким Чен Ын"),
    ("Mamedov", "Мамедова"),
]


@pytest.mark.parametrize(("latin", "cyrillic"), NON_MATCHING)
def test_different_names_or_genders_keep_different_keys(latin, cyrillic):
    assert name_key(latin) != cyrillic_name_key(cyrillic)


@pytest.mark.parametrize(
    ("a", "b"), [("Khachaturyan", "Khachaturov"), ("Aliev", "Alieva"), ("Sasha", "Sacha")]
)
def test_latin_different_names_differ(a, b):
    assert name_key(a) != name_key(b)


def test_azerbaijani_different_surname_does_not_match():
    assert name_key("Pashkov") not in azerbaijani_name_keys("Paşinyan")


def test_name_key_keeps_words_apart():
    assert name_key("Ilham  Aliyev") == "ilkham alev"


def test_name_key_is_lowercase_ascii():
    key = name_key("Ščëkin-Hačaturjan")
    assert key.isascii() and key == key.lower()


def test_name_key_of_non_letters_is_empty():
    assert name_key("2024 — !") == ""


# --- inflected Russian names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("Путиным", "Путин"),
        ("Алиеву", "Алиев"),
        ("Пашиняна", "Пашинян"),
        ("Чайковского", "Чайковский"),
        ("Алиевой", "Алиева"),
        ("Игорем", "Игорь"),
        ("Сергея", "Сергей"),
        ("Марии", "Мария"),
        ("Путине", "Путин"),
        ("Лавровым", "Лавров"),
    ],
)
def test_case_forms_give_the_nominative_candidate(form, lemma):
    assert lemma in strip_russian_name_case(form)


def test_indeclinable_name_stays_a_candidate():
    assert "Шойгу" in strip_russian_name_case("Шойгу")


@pytest.mark.parametrize(("form", "impossible"), [("Марии", "Мариь"), ("Чайковского", "Чайковскый")])
def test_stripping_never_yields_impossible_spellings(form, impossible):
    assert impossible not in strip_russian_name_case(form)


def test_stripping_keeps_all_caps():
    assert "ПУТИН" in strip_russian_name_case("ПУТИНЫМ")


def test_short_words_are_not_stripped():
    assert strip_russian_name_case("Ира") == {"Ира"}


def test_stripped_candidate_matches_english_name():
    keys = {cyrillic_name_key(c) for c in strip_russian_name_case("Пашиняном")}
    assert name_key("Pashinyan") in keys


def test_romanized_text_has_no_cyrillic_left():
    assert not regex.search(r"\p{Cyrillic}", romanize("Ёжик в тумане", "bgn"))
