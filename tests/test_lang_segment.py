"""Sentence segmentation: abbreviations, initials, quotes, ellipses, numbers and line breaks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tmkit.lang import get_language
from tmkit.lang.segment import load_abbreviations, normalize_abbreviation


def split(code, text):
    return [text[s:e] for s, e in get_language(code).sentences(text)]


# (language, text, expected sentences): every listed abbreviation and initial case.
CASES = [
    ("ru", "Это, т. е. пример, важно. Далее.", ["Это, т. е. пример, важно.", "Далее."]),
    ("ru", "Это, т.е. пример, важно. Далее.", ["Это, т.е. пример, важно.", "Далее."]),
    ("ru", "Яблоки, груши и т. д. Затем всё.", ["Яблоки, груши и т. д.", "Затем всё."]),
    ("ru", "Он ушёл, т. к. Иван опоздал. Потом.", ["Он ушёл, т. к. Иван опоздал.", "Потом."]),
    ("ru", "Он живёт в г. Москве. Потом.", ["Он живёт в г. Москве.", "Потом."]),
    ("ru", "Это было в 2020 г. Затем всё.", ["Это было в 2020 г.", "Затем всё."]),
    ("ru", "В 1990–1995 гг. Начались реформы.", ["В 1990–1995 гг.", "Начались реформы."]),
    ("ru", "Дом на ул. Ленина стоит. Там.", ["Дом на ул. Ленина стоит.", "Там."]),
    ("ru", "Выделено 5 млн. Это много.", ["Выделено 5 млн.", "Это много."]),
    ("ru", "Выделено 5 млрд. Это много.", ["Выделено 5 млрд.", "Это много."]),
    ("ru", "Пришли 2 тыс. Человек ждали.", ["Пришли 2 тыс.", "Человек ждали."]),
    ("ru", "Цена 300 руб. Это дёшево.", ["Цена 300 руб.", "Это дёшево."]),
    ("ru", "Были министры и др. Встреча прошла.", ["Были министры и др.", "Встреча прошла."]),
    ("ru", "Музей им. Пушкина открыт. Вход свободный.", ["Музей им. Пушкина открыт.", "Вход свободный."]),
    ("ru", "В. В. Путин заявил это. Потом ушёл.", ["В. В. Путин заявил это.", "Потом ушёл."]),
    ("ru", "Стоимость 5 млн руб. в год. Далее.", ["Стоимость 5 млн руб. в год.", "Далее."]),
    ("ru", "Это было в V в. до н. э. Потом.", ["Это было в V в. до н. э.", "Потом."]),
    ("en", "Mr. Smith met Mrs. Jones. They talked.", ["Mr. Smith met Mrs. Jones.", "They talked."]),
    ("en", "Dr. Brown agreed. Others did not.", ["Dr. Brown agreed.", "Others did not."]),
    ("en", "The U.S. economy grew. Prices fell.", ["The U.S. economy grew.", "Prices fell."]),
    ("en", "He moved to the U.S. He works there.", ["He moved to the U.S.", "He works there."]),
    ("en", "The U.N. envoy spoke. Then he left.", ["The U.N. envoy spoke.", "Then he left."]),
    ("en", "The U.S. President spoke. Then.", ["The U.S. President spoke.", "Then."]),
    ("en", "Talks at the U.N. Security Council ended. Next.", ["Talks at the U.N. Security Council ended.", "Next."]),
    ("en", "Fruit, e.g. Apples, sells. Next.", ["Fruit, e.g. Apples, sells.", "Next."]),
    ("en", "Food, i.e. Bread, matters. Next.", ["Food, i.e. Bread, matters.", "Next."]),
    ("en", "They met at 5 p.m. The talks ended.", ["They met at 5 p.m.", "The talks ended."]),
    ("en", "At 9 a.m. police arrived. Then quiet.", ["At 9 a.m. police arrived.", "Then quiet."]),
    ("en", "On Jan. 5 they met. Then they left.", ["On Jan. 5 they met.", "Then they left."]),
    ("en", "He was ranked No. 3 in the poll. Next.", ["He was ranked No. 3 in the poll.", "Next."]),
    ("en", "H. Aliyev spoke. Then he left.", ["H. Aliyev spoke.", "Then he left."]),
    ("en", "J. R. R. Tolkien wrote it. Then more.", ["J. R. R. Tolkien wrote it.", "Then more."]),
    ("az", "Bir neçə, məs. Gəncə şəhəri var. Sonra.", ["Bir neçə, məs. Gəncə şəhəri var.", "Sonra."]),
    ("az", "Kitablar, jurnallar və s. Sonra gəldi.", ["Kitablar, jurnallar və s.", "Sonra gəldi."]),
    ("az", "Bu b.e.ə. 300-cü ildə olub. Sonra.", ["Bu b.e.ə. 300-cü ildə olub.", "Sonra."]),
    ("az", "Bu e.ə. V əsrdə olub. Sonra.", ["Bu e.ə. V əsrdə olub.", "Sonra."]),
    ("az", "Bu, e.ə. Sonra yeni era gəldi.", ["Bu, e.ə.", "Sonra yeni era gəldi."]),
    ("az", "Bax s. 5 və oxu. Sonra.", ["Bax s. 5 və oxu.", "Sonra."]),
    ("az", "Nizami küç. 5 ünvanında. Sonra.", ["Nizami küç. 5 ünvanında.", "Sonra."]),
    ("az", "İ. Əliyev bəyan edib. Sonra getdi.", ["İ. Əliyev bəyan edib.", "Sonra getdi."]),
    ("az", "H. Ə. Əliyev gəlib. Sonra getdi.", ["H. Ə. Əliyev gəlib.", "Sonra getdi."]),
    ("az", "Büdcə 2,5 mlrd. manat olub. Sonra.", ["Büdcə 2,5 mlrd. manat olub.", "Sonra."]),
    ("az", "Gələn Dr. Nino Beridze bildirib. Sonra.", ["Gələn Dr. Nino Beridze bildirib.", "Sonra."]),
    ("az", "Qərar 15 yan. 2026 tarixində qəbul edilib. Sonra.",
     ["Qərar 15 yan. 2026 tarixində qəbul edilib.", "Sonra."]),
    ("ru", "Цены выросли в янв. 2026 г. Рост продолжится.", ["Цены выросли в янв. 2026 г.", "Рост продолжится."]),
    ("ru", "Срок продлён до 31 дек. 2027 г. Решение принято.",
     ["Срок продлён до 31 дек. 2027 г.", "Решение принято."]),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_abbreviation_and_initial_cases_split_as_expected(code, text, expected):
    assert split(code, text) == expected


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("ru", "Он сказал: «Мы победим». Затем ушёл.", ["Он сказал: «Мы победим».", "Затем ушёл."]),
    ("ru", "Он сказал: «Мы победим!» Затем ушёл.", ["Он сказал: «Мы победим!»", "Затем ушёл."]),
    ("ru", "Он сказал: „Да.“ Затем ушёл.", ["Он сказал: „Да.“", "Затем ушёл."]),
    ("en", "He said, “We will win.” Then he left.", ["He said, “We will win.”", "Then he left."]),
    ("en", "She said, ‘No.’ Then silence.", ["She said, ‘No.’", "Then silence."]),
    ("az", "O dedi: «Qalib gələcəyik.» Sonra getdi.", ["O dedi: «Qalib gələcəyik.»", "Sonra getdi."]),
    ("az", "O dedi: “Bəli!” Sonra getdi.", ["O dedi: “Bəli!”", "Sonra getdi."]),
])
def test_sentence_ending_inside_quotes_ends_after_the_closing_quote(code, text, expected):
    assert split(code, text) == expected


def test_question_inside_quotes_followed_by_dash_and_lowercase_continues():
    assert split("ru", "«Кто там?» — спросил он. Никто.") == ["«Кто там?» — спросил он.", "Никто."]


@pytest.mark.parametrize("ellipsis", ["…", "..."])
def test_ellipsis_before_lowercase_word_does_not_end_a_sentence(ellipsis):
    text = f"Wait{ellipsis} she said. Then."
    assert split("en", text) == [f"Wait{ellipsis} she said.", "Then."]


@pytest.mark.parametrize("ellipsis", ["…", "..."])
def test_ellipsis_before_capitalised_word_ends_a_sentence(ellipsis):
    assert split("ru", f"Ну{ellipsis} Потом." ) == [f"Ну{ellipsis}", "Потом."]


def test_question_exclamation_run_ends_a_sentence_once():
    assert split("en", "Really?! Yes!!! No?") == ["Really?!", "Yes!!!", "No?"]


def test_question_mark_before_lowercase_does_not_end_a_sentence():
    assert split("en", "Why? asked nobody. Fine.") == ["Why? asked nobody.", "Fine."]


@pytest.mark.parametrize(("code", "text"), [("en", "Growth was 2.5 percent. Costs rose."),
                                            ("ru", "Рост 2,5 проц. в год. Далее."),
                                            ("az", "Artım 3.7 faiz oldu. Sonra.")])
def test_decimal_numbers_do_not_end_sentences(code, text):
    assert len(split(code, text)) == 2


def test_newline_separated_paragraph_always_ends_a_sentence():
    assert split("en", "Headline without stop\nFirst sentence. Second") == [
        "Headline without stop", "First sentence.", "Second"]


def test_newline_ends_a_sentence_even_before_lowercase():
    assert split("az", "birinci abzas\nikinci abzas") == ["birinci abzas", "ikinci abzas"]


def test_unknown_abbreviation_before_lowercase_does_not_end_a_sentence():
    assert split("en", "It costs approx. ten dollars. Fine.") == ["It costs approx. ten dollars.", "Fine."]


def test_ordinary_period_before_capital_ends_a_sentence():
    assert split("az", "Bakı gözəldir. Gəncə də.") == ["Bakı gözəldir.", "Gəncə də."]


def test_final_abbreviation_before_a_digit_does_not_end_a_sentence():
    assert split("az", "Var və s. 5 nəfər gəldi.") == ["Var və s. 5 nəfər gəldi."]


def test_city_abbreviation_without_a_number_never_ends_a_sentence():
    assert split("ru", "Прибыл в г. Баку утром.") == ["Прибыл в г. Баку утром."]


def test_abbreviation_lookup_ignores_case():
    assert split("en", "MR. SMITH CAME. HE LEFT.") == ["MR. SMITH CAME.", "HE LEFT."]


def test_generic_language_splits_without_abbreviations():
    assert split("de", "Er kam. Sie ging.") == ["Er kam.", "Sie ging."]


def test_blank_text_has_no_sentences():
    assert get_language("en").sentences("  \n ") == []


def test_spans_are_trimmed_of_surrounding_whitespace():
    assert get_language("en").sentences("  Hello.  ") == [(2, 8)]


def test_abbreviation_keys_ignore_spaces_after_inner_periods():
    assert normalize_abbreviation("Т. Е.", str.casefold) == normalize_abbreviation("т.е.", str.casefold) == "т.е"


@pytest.mark.parametrize("code", ["en", "ru", "az"])
def test_abbreviation_data_files_load_with_known_kinds(code):
    entries = load_abbreviations(code)
    assert len(entries) > 25
    assert {kind for _, kind in entries} <= {"never", "final", "after_number", "qualifier"}


@given(st.text(alphabet=st.sampled_from(list("Aaİı т.е г!?…«»“”\n 5,"))))
def test_spans_are_ordered_trimmed_and_cover_all_visible_text(text):
    spans = get_language("ru").sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end
        assert not text[start].isspace() and not text[end - 1].isspace()
        last = end
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == "".join(text.split())


@pytest.mark.parametrize("code", ["en", "ru", "az"])
@given(text=st.text(alphabet=st.sampled_from(list("Aaİı т.е г!?…«»“”)(\"\n 5,Mr")), max_size=40))
def test_one_sentence_shortcut_agrees_with_the_full_scan(code, text):
    segmenter = get_language(code)._segmenter
    quick = segmenter.sentences(text)
    shortcut = segmenter._any_candidate
    segmenter._any_candidate = re.compile("")  # matches everywhere: the full scan always runs
    try:
        assert segmenter.sentences(text) == quick
    finally:
        segmenter._any_candidate = shortcut
