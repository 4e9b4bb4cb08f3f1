"""Aligning article sets into multilingual units, review output, batch mode and the CLI."""

import subprocess
import sys

import pytest

from tmkit.errors import UsageError
from tmkit.formats.tmx import load_tmx
from tmkit.workflows.align import align_article_set, article_name_and_lang, find_article_sets

EN = """# Ferry line reopens on the Caspian

The ferry line between Baku and Aktau reopened on Monday. The first vessel carried 1,700 tonnes of cargo.

Officials expect traffic to grow by 35% next year. The port of Alat will add two new berths.

Is the Middle Corridor ready for this? Analysts say the answer depends on tariffs.
"""

RU = """# На Каспии возобновилась паромная линия

Паромная линия между Баку и Актау возобновила работу в понедельник. Первое судно перевезло 1 700 тонн груза.

Чиновники ожидают роста перевозок на 35 % в следующем году.

Готов ли к этому Средний коридор? По мнению аналитиков, ответ зависит от тарифов.
"""

AZ = """# Xəzərdə bərə xətti yenidən açıldı

Bakı ilə Aktau arasında bərə xətti bazar ertəsi yenidən işə düşdü. İlk gəmi 1700 ton yük daşıdı.

Rəsmilər gələn il daşımaların 35 faiz artacağını gözləyirlər. Ələt limanında iki yeni körpü tikiləcək.

Orta Dəhliz buna hazırdırmı? Analitiklərin fikrincə, cavab tariflərdən asılıdır.
"""


@pytest.fixture
def article_set(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for lang, text in (("en", EN), ("ru", RU), ("az", AZ)):
        (folder / f"ferry.{lang}.md").write_text(text, encoding="utf-8")
    return folder


def test_file_names_give_article_and_language():
    assert article_name_and_lang("corpora/caspian-ferry.en.md") == ("caspian-ferry", "en")
    assert article_name_and_lang("notes.md") == ("notes", None)


def test_three_versions_give_units_with_three_variants(article_set):
    result = align_article_set(article_set / "ferry.en.md",
                               [article_set / "ferry.ru.md", article_set / "ferry.az.md"])
    full = [u for u in result.units if len(u.variants) == 3]
    assert len(full) >= 5
    first = result.units[0]
    assert [v.lang for v in first.variants] == ["en", "ru", "az"]
    assert first.prop("x-article") == "ferry"
    assert float(first.prop("x-confidence")) >= 0.5


def test_sentence_missing_in_one_translation_is_reported_with_its_line(article_set):
    result = align_article_set(article_set / "ferry.en.md", [article_set / "ferry.ru.md"])
    omissions = [item for item in result.review if item.kind == "omission"]
    assert [item.source for item in omissions] == ["The port of Alat will add two new berths."]
    assert omissions[0].src_line == 5


def test_unknown_source_language_is_a_usage_error(tmp_path):
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "b.ru.md").write_text("# Б\n", encoding="utf-8")
    with pytest.raises(UsageError, match="source language"):
        align_article_set(tmp_path / "a.md", [tmp_path / "b.ru.md"])


def test_batch_mode_finds_sets_by_name(article_set):
    (article_set / "lonely.en.md").write_text("# Alone\n", encoding="utf-8")
    sets = find_article_sets(article_set, "en")
    assert [(s.name, [t.name for t in ts]) for s, ts in sets] == [("ferry.en.md", ["ferry.az.md", "ferry.ru.md"])]


def test_cli_writes_tmx_and_review(article_set, tmp_path):
    out, review = tmp_path / "ferry.tmx", tmp_path / "review.tsv"
    proc = subprocess.run(
        [sys.executable, "-m", "tmkit", "align", str(article_set / "ferry.en.md"),
         str(article_set / "ferry.ru.md"), str(article_set / "ferry.az.md"), "-o", str(out),
         "--review", str(review), "--no-glossary"],
        capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    units = load_tmx(out).units
    assert any(len(u.variants) == 3 for u in units)
    assert "omission" in review.read_text(encoding="utf-8")
    assert "units written" in proc.stdout


REORDERED_EN = """# Baku port handles record cargo

The Port of Baku handled 7.2 million tonnes of cargo in 2025. Container traffic grew by 18%.

Most of the cargo came from Kazakhstan and Turkmenistan. Ferries to Aktau now leave every day.

The port plans to double its capacity by 2030. The expansion will cost $400 million.
"""
REORDERED_RU = """# Бакинский порт перевалил рекордный объём грузов

В 2025 году Бакинский порт перевалил 7,2 млн тонн грузов. Контейнерные перевозки выросли на 18 %.

Порт планирует удвоить мощность к 2030 году. Расширение обойдётся в 400 млн долларов.

Большая часть грузов поступила из Казахстана и Туркменистана. Паромы в Актау теперь отправляются ежедневно.
"""


def test_swapped_paragraphs_go_to_review_instead_of_pairing_unrelated_sentences(tmp_path):
    (tmp_path / "port.en.md").write_text(REORDERED_EN, encoding="utf-8")
    (tmp_path / "port.ru.md").write_text(REORDERED_RU, encoding="utf-8")
    result = align_article_set(tmp_path / "port.en.md", [tmp_path / "port.ru.md"], src_lang="en")
    pairs = {unit.variants[0].text: unit.variants[1].text for unit in result.units}
    assert pairs["Ferries to Aktau now leave every day."] == "Паромы в Актау теперь отправляются ежедневно."
    assert "The port plans to double its capacity by 2030." not in pairs  # an omission, for review
    assert all(not (src.startswith("Most of") and "2030" in tgt) for src, tgt in pairs.items())
