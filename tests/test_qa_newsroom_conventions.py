"""Newsroom conventions the checks accept or catch: clock times, percentage points, broken
Markdown links, Turkish spellings in Azerbaijani and surname forms in Russian."""

from __future__ import annotations

import pytest

from qa_rules import found, only
from tmkit.qa import check_pairs

# ----------------------------------------------------------------- times of day

@pytest.mark.parametrize(("source", "target", "tgt"), [
    ("The ferry left Baku at 10 p.m.", "Паром вышел из Баку в 22:00.", "ru"),
    ("The ferry left Baku at 10 p.m.", "Паром вышел из Баку в 22.00.", "ru"),
    ("The ferry left Baku at 10 p.m.", "Bərə saat 22:00-da Bakıdan yola düşüb.", "az"),
    ("The ferry left Baku at 10 p.m.", "Bərə saat 22.00-da Bakıdan yola düşüb.", "az"),
    ("The ferry left Baku at 10 p.m.", "Паром вышел из Баку в 10 часов вечера.", "ru"),
    ("The meeting starts at 10 a.m.", "Встреча начнётся в 10:00.", "ru"),
    ("The ferry left at 10:30 p.m.", "Паром вышел в 22:30.", "ru"),
    ("The talks ended at 12 a.m.", "Переговоры завершились в 00:00.", "ru"),
    ("The talks ended at midnight.", "Переговоры завершились в полночь.", "ru"),
    ("The talks ended at noon.", "Переговоры завершились в 12:00.", "ru"),
    ("The ferry left at 22:00 with 56 wagons.", "Паром вышел в 22:00 с 56 вагонами.", "ru"),
])
def test_a_time_in_another_clock_notation_is_the_same_time(source, target, tgt):
    assert found("number-mismatch", source, target, tgt=tgt) == []


@pytest.mark.parametrize(("source", "target", "message"), [
    ("The ferry left Baku at 10 p.m.", "Паром вышел из Баку в 10:00.",
     "'10 p.m.' in the source became '10:00' in the target"),
    ("The ferry left at 10:30 p.m.", "Паром вышел в 22:00.",
     "'10:30 p.m.' in the source became '22:00' in the target"),
    ("The ferry left at noon.", "Паром вышел в 13:00.", "number '13:00' of the target is not in the source"),
], ids=["a.m. for p.m.", "minutes lost", "another hour for noon"])
def test_a_different_time_is_reported(source, target, message):
    assert found("number-mismatch", source, target) == [message]


def test_a_time_does_not_stand_for_another_figure_of_equal_value():
    # 22 wagons are not the 22 of 22:00: each figure needs its own counterpart
    assert found("number-mismatch", "The ferry left at 10 p.m. with 22 wagons.", "Паром вышел в 22:00.") == \
        ["number '22' of the source is missing from the target"]


def test_a_time_named_by_a_word_may_be_rephrased_away():
    assert found("number-mismatch", "The talks ran past midnight.", "Переговоры затянулись до ночи.") == []


# ----------------------------------------------------------------- percentage points

@pytest.mark.parametrize(("source", "target", "tgt"), [
    ("Turnout rose by 2 percentage points.", "Явка выросла на 2 п. п.", "ru"),
    ("Turnout rose by 2 percentage points.", "Явка выросла на 2 п.п.", "ru"),
    ("Turnout rose by 2 percentage points.", "Явка выросла на 2 процентных пункта.", "ru"),
    ("Turnout rose by 2 percentage points.", "Seçici fəallığı 2 faiz bəndi artıb.", "az"),
    ("Turnout rose by 2pp to 7%.", "Явка выросла на 2 п. п., до 7 %.", "ru"),
])
def test_percentage_points_match_percentage_points(source, target, tgt):
    assert found("number-mismatch", source, target, tgt=tgt) == []


@pytest.mark.parametrize(("source", "target", "message"), [
    ("Turnout rose by 2 percentage points.", "Явка выросла на 2 %.",
     "'2 percentage points' in the source is '2 %' in the target: percentage points became per cent"),
    ("Turnout rose by 2%.", "Явка выросла на 2 п. п.",
     "'2%' in the source is '2 п. п.' in the target: per cent became percentage points"),
    ("Turnout rose by 2 percentage points.", "Явка выросла на 2.",
     "'2 percentage points' in the source is '2' in the target: only the source says percentage points"),
], ids=["points as per cent", "per cent as points", "points dropped"])
def test_percentage_points_are_not_per_cent(source, target, message):
    assert found("number-mismatch", source, target) == [message]


# ----------------------------------------------------------------- a Markdown link left unclosed

def check_article(tmp_path, monkeypatch, source_md: str, target_md: str) -> list[tuple[str, str]]:
    """(rule, message) of ``tmkit check NAME.ru.md`` on an article pair in a project folder."""
    from tmkit.workflows.check import CheckOptions, run_check

    (tmp_path / "tmkit.toml").write_text('source_lang = "en"\n', encoding="utf-8")
    (tmp_path / "port.en.md").write_text(source_md, encoding="utf-8")
    (tmp_path / "port.ru.md").write_text(target_md, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = run_check(["port.ru.md"], CheckOptions())
    return [(f.rule, f.message) for f in report.findings]


SOURCE_MD = "# Port plan\n\nThe port published its plan on the [port's website]({url}). The plan covers five years.\n"
TARGET_MD = "# План порта\n\nПорт опубликовал свой план на [сайте порта]({url}. План рассчитан на пять лет.\n"


@pytest.mark.parametrize("source_url", ["https://example.org/port/plan", "https://example.org/port/plan."])
def test_an_unclosed_markdown_link_is_one_finding_without_a_false_url_mismatch(tmp_path, monkeypatch, source_url):
    findings = check_article(tmp_path, monkeypatch, SOURCE_MD.format(url=source_url),
                             TARGET_MD.format(url="https://example.org/port/plan"))
    assert findings == [("bracket-unbalanced", "Markdown link '[сайте порта](https://example.org/port/plan.' "
                                               "is not closed: ')' is missing after the address")]


def test_the_closed_markdown_link_stays_quiet(tmp_path, monkeypatch):
    url = "https://example.org/port/plan"
    target = TARGET_MD.format(url=url + ")")
    assert check_article(tmp_path, monkeypatch, SOURCE_MD.format(url=url), target) == []


def test_an_unclosed_link_to_another_address_still_reports_the_address(tmp_path, monkeypatch):
    findings = check_article(tmp_path, monkeypatch, SOURCE_MD.format(url="https://example.org/port/plan"),
                             TARGET_MD.format(url="https://example.org/port/old-plan"))
    rules = [rule for rule, _ in findings]
    assert "url-mismatch" in rules and "code-missing" in rules


def test_unclosed_markdown_link_suggests_the_closed_link():
    from tmkit.qa.checks.markup import broken_links

    [link] = broken_links("на [сайте порта](https://example.org/port/plan. План")
    assert link.repaired == "[сайте порта](https://example.org/port/plan)."


@pytest.mark.parametrize("text", [
    "see [the page](https://example.org/a) now",
    'see [the page](https://example.org/a "Title") now',
    "see [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) now",
])
def test_closed_markdown_links_are_not_broken(text):
    from tmkit.qa.checks.markup import broken_links

    assert broken_links(text) == []


@pytest.mark.parametrize(("source", "target"), [
    ("Read it at https://example.org/port/plan.", "Читайте на https://example.org/port/plan."),
    ("Read it at https://example.org/port/plan.", "Читайте на https://example.org/port/plan"),
])
def test_url_compared_without_the_sentence_full_stop(source, target):
    assert found("url-mismatch", source, target) == []


# ----------------------------------------------------------------- Turkish spellings in Azerbaijani

@pytest.mark.parametrize(("target", "message"), [
    ("Dışişleri bəyanat yayıb.", "'Dışişleri' is Turkish; Azerbaijani writes 'Xarici İşlər'"),
    ("Dışişleri Bakanlığı bəyanat yayıb.",
     "'Dışişleri Bakanlığı' is Turkish; Azerbaijani writes 'Xarici İşlər Nazirliyi'"),
    ("Avrupa Birliği bəyanat yayıb.", "'Avrupa Birliği' is Turkish; Azerbaijani writes 'Avropa İttifaqı'"),
    ("AVRUPA BİRLİĞİ TOPLANIR", "'AVRUPA BİRLİĞİ' is Turkish; Azerbaijani writes 'Avropa İttifaqı'"),
    ("Avrupa ölkələri bəyanat yayıb.", "'Avrupa' is Turkish; Azerbaijani writes 'Avropa'"),
    ("Türkiyə ve Azərbaycan saziş imzalayıb.", "'ve' is Turkish; Azerbaijani writes 'və'"),
    ("Tərəflər işbirliği barədə danışıblar.",
     "'işbirliği' is spelled the Turkish way (ğ between front vowels); Azerbaijani writes y or k there, "
     "as in 'işbirliyi'"),
])
def test_az_turkish_spelling_catches_turkish_institution_words(target, message):
    assert found("az-turkish-spelling", "The statement.", target, tgt="az") == [message]


@pytest.mark.parametrize("target", [
    "Xarici İşlər Nazirliyi bəyanat yayıb.",
    "Avropa İttifaqı və Azərbaycan saziş imzalayıb.",
    "AVROPA İTTİFAQI TOPLANIR",
    "Lüğət, müğənni, dağ, oğlu, İğdır, məğlubiyyət, birliyi, deyil.",
])
def test_az_turkish_spelling_leaves_correct_azerbaijani_alone(target):
    assert found("az-turkish-spelling", "The statement.", target, tgt="az") == []


# ----------------------------------------------------------------- surnames into Russian

@pytest.mark.parametrize(("source", "target", "message"), [
    ("Ilham Aliyev met Nikol Pashinyan.", "Ильхам Алиев встретился с Николом Пашининым.",
     "name 'Pashinyan' appears as 'Пашининым' in the target, which is a different name"),
    ("Pashinyan meets Aliyev", "ПАШИНИН ВСТРЕТИЛСЯ С АЛИЕВЫМ",
     "name 'Pashinyan' appears as 'ПАШИНИН' in the target, which is a different name"),
    ("PASHINYAN MEETS ALIYEV", "ПАШИНИН ВСТРЕТИЛСЯ С АЛИЕВЫМ",
     "name 'PASHINYAN' appears as 'ПАШИНИН' in the target, which is a different name"),
], ids=["oblique case", "headline in capitals", "both in capitals"])
def test_misspelled_surname_in_an_oblique_case_or_in_capitals_is_reported(source, target, message):
    assert found("name-mismatch", source, target) == [message]


@pytest.mark.parametrize(("source", "target"), [
    ("Ilham Aliyev met Nikol Pashinyan.", "Ильхам Алиев встретился с Николом Пашиняном."),
    ("PASHINYAN MEETS ALIYEV", "ПАШИНЯН ВСТРЕТИЛСЯ С АЛИЕВЫМ"),
    ("The minister met Elmar Mammadyarov.", "Министр встретился с Эльмаром Мамедьяровым."),
    ("Hasanov visited the Salyan district.", "Гасанов посетил Сальянский район."),
    ("Hasanova spoke in the Salyan district.", "Гасановой дали слово в Сальянском районе."),
])
def test_correct_surnames_in_any_case_or_capitals_stay_quiet(source, target):
    assert found("name-mismatch", source, target) == []


@pytest.mark.parametrize(("source", "target", "tgt"), [
    ("Вице-премьер Самир Шарифов прибыл в Москву.", "Baş nazirin müavini Samir Şərifli Moskvaya gəlib.", "az"),
    ("Министр Сергей Лавров встретился с коллегой.", "Nazir Sergey Lavrovski həmkarı ilə görüşüb.", "az"),
    ("Пресс-секретарь МИД Айхан Гаджизаде ответил на вопросы.",
     "Foreign Ministry spokesperson Aykhan Hajiyev answered questions.", "en"),
    ("Депутат Мамедзаде выступил в парламенте.", "MP Mammadov spoke in parliament.", "en"),
])
def test_another_surname_that_begins_alike_or_a_zade_surname_changed_is_reported(source, target, tgt):
    assert found("name-mismatch", source, target, src="ru", tgt=tgt)


@pytest.mark.parametrize(("source", "target", "tgt"), [
    ("Пресс-секретарь МИД Айхан Гаджизаде ответил на вопросы.",
     "Foreign Ministry spokesperson Aykhan Hajizada answered questions.", "en"),
    ("Пресс-секретарь МИД Айхан Гаджизаде ответил на вопросы.",
     "XİN-in mətbuat katibi Ayxan Hacızadə sualları cavablandırıb.", "az"),
    ("Встреча Лаврова и Байрамова прошла в Баку.", "Lavrovun və Bayramovun görüşü Bakıda keçib.", "az"),
    ("Встреча с Шарифовым прошла в Баку.", "The meeting with Sharifov took place in Baku.", "en"),
])
def test_surnames_in_azerbaijani_cases_and_zade_surnames_rendered_right_pass(source, target, tgt):
    assert found("name-mismatch", source, target, src="ru", tgt=tgt) == []


@pytest.mark.parametrize(("source", "target", "src", "tgt"), [
    ("Nazir deyib ki, qiymətlər ilin sonuna qədər sabitləşəcək.",
     "Nazir deyib ki, qiymətlər ilin sonuna qədər sabitləşə bilər.", "az", "en"),
    ("Пресс-секретарь МИД Азербайджана ответил на вопросы журналистов.",
     "Пресс-секретарь МИД Азербайджана ответил на вопросы journalists.", "ru", "en"),
])
def test_a_target_left_in_the_source_language_with_few_markers_is_reported(source, target, src, tgt):
    assert found("target-wrong-language", source, target, src=src, tgt=tgt)


def test_an_english_target_quoting_one_russian_word_is_not_wrong_language():
    assert found("target-wrong-language", "Газета «Правда» вышла.", "The newspaper Pravda («правда») came out.",
                 src="ru", tgt="en") == []


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("Депутат Лейла Алиева выступила в парламенте.", "MP Leyla Aliyev spoke in parliament.", "Aliyeva"),
    ("Он встретился с Эльмирой Хачатуровой.", "He met Elmira Khachaturyan.", "Khachaturova"),
])
def test_a_womans_surname_turned_masculine_or_changed_is_reported_with_the_feminine_spelling(
        source, target, expected):
    (finding,) = check_pairs([(source, target)], "ru", "en", selection=only("name-mismatch"))
    assert finding.suggestion == expected


@pytest.mark.parametrize(("source", "target"), [
    ("Депутат Лейла Алиева выступила.", "MP Leyla Aliyeva spoke."),
    ("Заявление Алиева прозвучало в Баку.", "Aliyev made the statement in Baku."),
    ("Он встретился с Эльмирой Хачатуровой.", "He met Elmira Khachaturova."),
])
def test_womens_surnames_and_mens_genitives_rendered_right_pass(source, target):
    assert found("name-mismatch", source, target, src="ru", tgt="en") == []
