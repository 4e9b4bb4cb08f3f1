"""Individual checks on nasty cases the corpus does not spell out."""

from __future__ import annotations

import pytest

from qa_rules import found, only
from tmkit.model import InlineCode, Segment
from tmkit.qa import Engine, Selection, check_pairs
from tmkit.qa.view import CheckContext, PairView

# ----------------------------------------------------------------- numbers

@pytest.mark.parametrize(("source", "target", "tgt"), [
    ("It cost 1,700 dollars.", "Это стоило 1700 долларов.", "ru"),
    ("Growth was 2.5%.", "Рост составил 2,5 процента.", "ru"),
    ("The fund holds USD 5 billion.", "Fondda 5 milyard dollar var.", "az"),
    ("About 170,000 people left.", "Təxminən 170 min nəfər gedib.", "az"),
    ("It happened in 1992.", "Bu, 1992-ci ildə baş verib.", "az"),
    ("Three ministers resigned.", "В отставку ушли 3 министра.", "ru"),
    ("The temperature fell to -5 degrees.", "Температура упала до минус 5 градусов.", "ru"),
])
def test_number_mismatch_accepts_locale_formats(source, target, tgt):
    assert found("number-mismatch", source, target, tgt=tgt) == []


def test_number_mismatch_reports_changed_figure_with_both_spellings():
    assert found("number-mismatch", "It cost 1,700 dollars.", "Это стоило 1 800 долларов.") == \
        ["'1,700 dollars' in the source became '1 800 долларов' in the target"]


def test_number_mismatch_reports_number_added_by_target():
    assert found("number-mismatch", "Prices rose.", "Цены выросли на 5 %.") == \
        ["number '5 %' of the target is not in the source"]


def test_number_mismatch_ignores_spelled_out_number_dropped_in_translation():
    assert found("number-mismatch", "He is one of the leaders.", "Он входит в число лидеров.") == []


def test_number_mismatch_matches_roman_century():
    assert found("number-mismatch", "the 21st century", "XXI век") == []


# ----------------------------------------------------------------- punctuation

def test_end_punctuation_ignores_missing_full_stop_in_headline():
    assert found("end-punctuation", "Talks resume in Geneva.", "Переговоры возобновляются в Женеве") == []


def test_end_punctuation_sees_through_closing_quotes():
    assert found("end-punctuation", 'He asked: "Why?"', "Он спросил: «Почему?»") == []


def test_quote_style_accepts_russian_nested_quotes():
    assert found("quote-style", "x", "Он сказал: «Это „красная линия“ для нас»") == []


def test_quote_style_reports_english_quotes_in_russian():
    assert found("quote-style", "x", "Он сказал: “нет”") == ["quotation mark ” is not used in ru; use «…»"]


def test_quote_style_accepts_azerbaijani_curly_quotes():
    assert found("quote-style", "x", "Nazir “yox” deyib", tgt="az") == []


def test_quote_unpaired_is_quiet_when_source_leaves_quote_open_for_next_paragraph():
    assert found("quote-unpaired", '"We will continue the talks', "«Мы продолжим переговоры") == []


def test_bracket_unbalanced_ignores_numbered_lists_in_both():
    assert found("bracket-unbalanced", "1) roads 2) bridges", "1) дороги 2) мосты") == []


def test_repeated_word_is_quiet_when_source_repeats_too():
    assert found("repeated-word", "Bye bye", "Пока пока") == []


def test_repeated_word_tolerates_english_had_had():
    assert found("repeated-word", "Он ушёл.", "He had had enough.", src="ru", tgt="en") == []


def test_whitespace_edges_reports_lost_trailing_space():
    assert found("whitespace-edges", "Total: ", "Итого:") == \
        ["the source has trailing whitespace, the target does not match"]


# ----------------------------------------------------------------- markup

def _seg(*parts):
    return Segment.of(*parts)


def _codes_check(source, target):
    pair = PairView(source, target, "en", "ru")
    return sorted(f.rule for f in Engine(Selection(frozenset({"code-missing", "code-extra", "code-order"})))
                  .check_pair(pair))


def test_inline_code_moved_with_word_order_is_fine():
    bold = InlineCode("g", (("id", "1"),), ("bold",))
    link = InlineCode("x", (("id", "2"),))
    assert _codes_check(_seg("A ", bold, " and ", link), _seg(link, " и ", InlineCode("g", (("id", "1"),),
                                                                                      ("жирный",)))) == []


def test_inline_code_missing_and_extra_are_reported():
    assert _codes_check(_seg("A ", InlineCode("x", (("id", "1"),))),
                        _seg("Б ", InlineCode("x", (("id", "9"),)))) == ["code-extra", "code-missing"]


def test_closing_code_before_opening_is_reported():
    open_, close = InlineCode("bx", (("id", "1"), ("rid", "1"))), InlineCode("ex", (("id", "2"), ("rid", "1")))
    assert _codes_check(_seg(open_, "bold", close), _seg(close, "жирный", open_)) == ["code-order"]


def test_placeholder_repeated_in_plural_variants_is_fine():
    assert found("placeholder-mismatch", "{{ n }} file|{{ n }} files",
                 "{{ n }} файл|{{ n }} файла|{{ n }} файлов") == []


def test_placeholder_renamed_is_reported_both_ways():
    assert len(found("placeholder-mismatch", "Hello %(name)s", "Привет %(nom)s")) == 2


def test_percent_sign_before_word_is_not_a_placeholder():
    assert found("placeholder-mismatch", "50% discount", "скидка 50 %") == []


def test_localized_url_of_the_same_page_is_accepted():
    assert found("url-mismatch", "See https://en.example.org/a?lang=en", "См. https://ru.example.org/a?lang=ru") == []


def test_hashtags_may_be_translated():
    assert found("hashtag-mismatch", "#Russia votes", "#Россия голосует") == []


@pytest.mark.parametrize(("source", "target", "src", "tgt"), [
    ("Delegations came for the 3rd round of talks.", "Делегации приехали на третий раунд переговоров.", "en", "ru"),
    ("It was the 21st meeting.", "Это было двадцать первое заседание.", "en", "ru"),
    ("the 3rd round", "üçüncü raundu", "en", "az"),
    ("Соглашение подписано 05.03.2025 в Тбилиси.", "The agreement was signed in Tbilisi on 5 March 2025.", "ru", "en"),
    ("It was signed on 5 May 2025.", "Подписано 05.05.2025.", "en", "ru"),
])
def test_ordinals_and_dates_written_in_words_on_one_side_match(source, target, src, tgt):
    assert found("number-mismatch", source, target, src=src, tgt=tgt) == []


@pytest.mark.parametrize(("source", "target", "src", "tgt", "message"), [
    ("Passengers waited nine hours.", "Пассажиры ждали шесть часов.", "en", "ru",
     "'nine' in the source became 'шесть' in the target"),
    ("Bərə həftədə üç reys edəcək.", "The ferry will make four trips a week.", "az", "en",
     "'üç' in the source became 'four' in the target"),
])
def test_a_spelled_out_number_that_became_another_is_reported(source, target, src, tgt, message):
    assert found("number-mismatch", source, target, src=src, tgt=tgt) == [message]


def test_a_spelled_out_number_rephrased_away_is_not_reported():
    assert found("number-mismatch", "One of the ships left.", "Судно ушло.") == []


@pytest.mark.parametrize(("source", "target", "message"), [
    ("It was the 3rd round.", "Это был четвёртый раунд.", "number '3rd' of the source is missing from the target"),
    ("It cost $30.", "Это стоило 30 евро.", "'$30' in the source is '30 евро' in the target: USD became EUR"),
    ("Prices rose 7%.", "Цены выросли на 7.", "'7%' in the source is '7' in the target: only the source says per cent"),
], ids=["ordinal word of another value", "same figure in another currency", "percentage that lost its percent"])
def test_an_equal_looking_figure_that_means_something_else_is_reported(source, target, message):
    assert found("number-mismatch", source, target) == [message]


@pytest.mark.parametrize(("source", "target", "tgt"), [
    ("$30 and 30 euros", "30 евро и 30 долларов", "ru"),
    ("Prices rose 35%.", "Qiymətlər %35 artıb.", "az"),
    ("USD 5 billion", "5 млрд долларов", "ru"),
    ("The rate rose 2 percentage points to 7%.", "Ставка выросла на 2 процентных пункта, до 7 %.", "ru"),
])
def test_currency_and_percent_written_another_way_or_order_are_accepted(source, target, tgt):
    assert found("number-mismatch", source, target, tgt=tgt) == []


# ----------------------------------------------------------------- script, completeness, names

def test_mixed_script_spans_the_offending_word():
    finding = check_pairs([("CSTO", "Саммит OДКБ")], "en", "ru", selection=only("mixed-script"))[0]
    assert finding.span == (7, 11)


def test_az_turkish_spelling_ignores_other_target_languages():
    assert found("az-turkish-spelling", "and", "ve", tgt="en") == []


def test_az_turkish_spelling_is_for_azerbaijani_not_for_codes_that_merely_start_with_az():
    # azb is South Azerbaijani (Arabic script): its own orthography, not North Azerbaijani's
    assert found("az-turkish-spelling", "and", "ve", tgt="azb") == []
    assert found("az-turkish-spelling", "and", "ve", tgt="az-Latn-AZ") != []


def test_az_turkish_spelling_knows_turkish_news_words():
    assert found("az-turkish-spelling", "Exports rose 35%.", "İxrac yüzde 35 artıb.", tgt="az") == \
        ["'yüzde' is Turkish; Azerbaijani writes 'faiz'"]


def test_az_turkish_spelling_leaves_a_foreign_name_with_a_circumflex():
    assert found("az-turkish-spelling", "Ion Brâncoveanu arrived.", "Ion Brâncoveanu Bakıya gəlib.", tgt="az") == []


def test_az_turkish_spelling_folds_dotted_capital_i():
    assert found("az-turkish-spelling", "With him", "İLE onunla", tgt="az") == \
        ["'İLE' is Turkish; Azerbaijani writes 'ilə'"]


@pytest.mark.parametrize(("source", "target", "src", "tgt", "left"), [
    ("Officials in Astana confirmed the date. The ministry declined to comment.",
     "Официальные лица в Астане подтвердили дату. The ministry declined to comment on the report.", "en", "ru",
     "The ministry declined to comment on the report."),
    ("Гасанов прибыл в Актау. Делегации обменялись документами.",
     "Hasanov arrived in Aktau. Делегации обменялись документами.", "ru", "en", "Делегации обменялись документами."),
])
def test_one_untranslated_sentence_among_translated_ones_is_reported(source, target, src, tgt, left):
    [finding] = check_pairs([(source, target)], src, tgt, selection=only("target-wrong-language"))
    assert target[slice(*finding.span)].strip() == left


def test_a_quoted_foreign_title_is_not_an_untranslated_sentence():
    assert found("target-wrong-language", "The festival “Caspian Oil and Gas” opened. It lasts a week.",
                 "Открылся фестиваль «Caspian Oil and Gas». Он продлится неделю.") == []


def test_wrong_language_reads_the_branches_of_an_icu_plural_not_its_keywords():
    source = "{VAR_PLURAL, plural, one {topic} few {topics} many {topics} other {topics}}"
    target = "{VAR_PLURAL, plural, one { тема} few { темы} many { тем} other { темы}}"
    assert found("target-wrong-language", source, target) == []
    untranslated = "{VAR_PLURAL, plural, one {one topic left} other {all the topics left here}}"
    assert found("target-wrong-language", source, untranslated) != []


def test_a_short_dropped_sentence_is_found_against_the_expected_russian_length():
    source = ("Azerbaijan and Kazakhstan will open a new ferry line between Alat and Aktau in March, "
              "officials said on Tuesday. Tickets go on sale next week.")
    target = ("Азербайджан и Казахстан в марте откроют новую паромную линию между Алятом и Актау, "
              "сообщили во вторник официальные лица.")
    assert found("sentence-dropped", source, target) != []


def test_two_sentences_merged_into_one_of_full_length_are_not_a_drop():
    source = "The ferry left Baku at noon. It carried 40 trucks."
    target = "Паром вышел из Баку в полдень и увёз 40 грузовиков."
    assert found("sentence-dropped", source, target) == []


def test_wrong_language_ignores_brands_identifiers_and_urls():
    assert found("target-wrong-language", "Google Translate (no API key)",
                 "Google Translate (без ключа API), см. https://example.org/docs/api") == []


def test_target_same_as_source_accepts_names_and_acronyms():
    assert found("target-same-as-source", "Ilham Aliyev", "Ilham Aliyev", tgt="az") == []


def test_names_accepts_scheme_variants_and_inflection():
    assert found("name-mismatch", "Переговоры с Алиевым и Хачатуровым.", "Talks with Aliev and Hachaturov.",
                 src="ru", tgt="en") == []


def test_names_reports_a_different_name():
    assert found("name-mismatch", "Встреча с Хачатуровым.", "Meeting with Khachaturyan.", src="ru", tgt="en") == \
        ["name 'Хачатуровым' is not in the target (expected a spelling such as 'Khachaturov')"]


@pytest.mark.parametrize(("russian", "english"), [
    ("Гасановым", "Hasanov"), ("Мамедовым", "Mammadov"), ("Джафаровым", "Jafarov"),
    ("Кулиевым", "Guliyev"), ("Керимовым", "Karimov"), ("Гусейновым", "Huseynov"), ("Гаджиевым", "Hajiyev")])
def test_names_accept_the_english_spelling_of_azerbaijani_surnames(russian, english):
    assert found("name-mismatch", f"Встреча с {russian}.", f"Meeting with {english}.", src="ru", tgt="en") == []


def test_names_in_a_capitals_headline_are_checked():
    assert found("name-mismatch", "ГЛАВА МИД АРМЕНИИ МИРЗОЯН ПРИБЫЛ В ТБИЛИСИ",
                 "ARMENIAN FOREIGN MINISTER MIRZAYAN ARRIVES IN TBILISI", src="ru", tgt="en") == [
        "name 'Мирзоян' is not in the target (expected a spelling such as 'Mirzoyan')"]
    assert found("name-mismatch", "АЛИЕВ И ПАШИНЯН ВСТРЕТИЛИСЬ В ВАШИНГТОНЕ",
                 "ALIYEV AND PASHINYAN MET IN WASHINGTON", src="ru", tgt="en") == []


def test_names_accepts_azerbaijani_spelling_with_suffix():
    assert found("name-mismatch", "Алиев принял Пашиняна.", "Əliyev Paşinyanı qəbul edib.", src="ru", tgt="az") == []


# ----------------------------------------------------------------- consistency against a memory

def test_tm_inconsistent_suggests_the_memory_translation():
    memory = {"ru": {"talks resumed.": {"переговоры возобновились.": "Переговоры возобновились."}}}
    context = CheckContext(memory=memory, memory_name="news.tmx")
    pair = PairView("Talks resumed.", "Переговоры продолжились.", "en", "ru", context=context)
    finding = Engine(only("tm-inconsistent")).check_pair(pair)[0]
    assert finding.suggestion == "Переговоры возобновились."


def test_repeated_word_is_found_next_to_punctuation():
    assert found("repeated-word", "It was late.", "«Было было» поздно.") == ["repeated word 'было'"]


def test_repeated_word_ignores_words_separated_by_a_comma():
    assert found("repeated-word", "Yes, yes", "Нет, нет") == []


def test_names_into_russian_report_a_near_spelling_of_another_name():
    assert found("name-mismatch", "Minister Ramil Hasanov spoke.", "Выступил министр Рамиль Гасанян.") == \
        ["name 'Hasanov' appears as 'Гасанян' in the target, which is a different name"]


def test_names_into_russian_rules_are_not_applied_to_other_languages_with_ru_prefixed_codes():
    # rue is Rusyn: Russian surname spellings are not its rules
    assert found("name-mismatch", "Minister Ramil Hasanov spoke.", "Выступил министр Рамиль Гасанян.",
                 tgt="rue") == []
    assert found("name-mismatch", "Minister Ramil Hasanov spoke.", "Выступил министр Рамиль Гасанян.",
                 tgt="ru-RU") != []


def test_names_into_russian_compare_azerbaijani_surnames_by_sound():
    assert found("name-mismatch", "Minister Elnur Mammadov arrived.", "Прибыл министр Эльнур Мамедов.") == []
    assert found("name-mismatch", "Minister Elnur Mammadov arrived.", "Прибыл министр Эльнур Мамедяров.") == [
        "name 'Mammadov' appears as 'Мамедяров' in the target, which is a different name"]


def test_names_into_russian_accept_inflected_spelling():
    assert found("name-mismatch", "Talks with Hasanov ended.", "Переговоры с Гасановым завершились.") == []
