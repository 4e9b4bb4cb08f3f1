"""Normalization, scoring, difference classification, the index, search and concordance."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tmkit.cli.main import cli
from tmkit.formats.tmx import write_tmx
from tmkit.lang import get_language
from tmkit.model import Header, InlineCode, Segment, TranslationUnit, Variant
from tmkit.tm.concordance import concordance
from tmkit.tm.index import (
    count_candidates,
    index_keys,
    length_bounds,
    pack,
    plan,
    posting,
    segment_keys,
    unpack,
)
from tmkit.tm.normalize import normalize
from tmkit.tm.score import DiffKind, compare, scores_at_least, similarity, substitute_numbers, word_diff
from tmkit.tm.search import fuzzy_segments, search
from tmkit.tm.store import Store, add_units


def candidate_ids(blobs, low: int, high: int, hits: int) -> list[int]:
    return count_candidates(blobs, low, high, hits)[0].tolist()


def pair(en: str, ru: str, changed: datetime | None = None) -> TranslationUnit:
    return TranslationUnit((Variant("en", Segment.of(en)), Variant("ru", Segment.of(ru))), srclang="en",
                           change_date=changed)


@pytest.fixture
def store():
    with Store(":memory:") as opened:
        add_units(opened, [
            pair("The port handled 1,700 trucks in 2025.", "Порт принял 1 700 грузовиков в 2025 году."),
            pair("The ferry left Baku on Sunday with a full load.",
                 "Паром вышел из Баку в воскресенье с полной загрузкой."),
            pair("Shipping companies welcomed the plan.", "Судоходные компании приветствовали план."),
            pair("Our newsroom opens an outpost in Aktau.", "Наша редакция открывает форпост в Актау."),
            pair("From the outpost, correspondents will cover trade.",
                 "Из форпоста корреспонденты будут освещать торговлю."),
        ], langs=("en", "ru"))
        yield opened


# --------------------------------------------------------------------------- normalize / score


def test_normalize_folds_azerbaijani_dotted_capital_i() -> None:
    assert normalize("  İSTANBUL   və  IĞDIR ", "az") == "istanbul və ığdır"


def test_normalize_folds_russian_yo() -> None:
    assert normalize("Королёв", "ru") == "королев"


@given(st.text(alphabet=st.sampled_from("AaİIıiЁёÉéß ẞ\u0307Σσς\u00a0x"), max_size=30),
       st.sampled_from(["en", "ru", "az", "tr", "de"]))
def test_fast_folds_agree_with_the_language_modules(text: str, lang: str) -> None:
    expected = " ".join(get_language(lang).fold(text).split())
    assert normalize(text, lang) == expected


def test_similarity_is_100_only_for_identical_text() -> None:
    assert (similarity("abc", "abc"), similarity("abcd", "abce")) == (100.0, 75.0)


def test_case_and_spacing_only_scores_100_as_case() -> None:
    result = compare(Segment.of("The  council met."), Segment.of("The Council met."), "en")
    assert (result.score, result.kind) == (100.0, DiffKind.CASE)


def test_numbers_only_scores_99() -> None:
    result = compare(Segment.of("Exports rose 12% in 2024."), Segment.of("Exports rose 7% in 2023."), "en")
    assert (result.score, result.kind) == (99.0, DiffKind.NUMBERS)


def test_codes_only_difference_shows_the_codes_in_the_diff() -> None:
    coded = Segment.of("Read the ", InlineCode("bpt", (("i", "1"),), ("<b>",)), "statement",
                       InlineCode("ept", (("i", "1"),), ("</b>",)), ".")
    assert compare(coded, Segment.of("Read the statement."), "en").diff == \
        "[-Read the statement.-] {+Read the {1}statement{/1}.+}"


def test_codes_only_scores_99() -> None:
    bold = Segment.of(InlineCode("bpt", (("i", "1"),), ("<b>",)), "Port",
                      InlineCode("ept", (("i", "1"),), ("</b>",)), " opened.")
    result = compare(bold, Segment.of("Port opened."), "en")
    assert (result.score, result.kind) == (99.0, DiffKind.CODES)


def test_punctuation_only_is_classified() -> None:
    result = compare(Segment.of("Port opened, officials said."), Segment.of("Port opened officials said"), "en")
    assert result.kind is DiffKind.PUNCTUATION and result.score < 100


def test_inflection_only_uses_lemma_keys() -> None:
    result = compare(Segment.of("Совет безопасности собрался"), Segment.of("Совета безопасности собралось"), "ru")
    assert result.kind is DiffKind.INFLECTION


def test_different_words_are_content() -> None:
    result = compare(Segment.of("The ferry left Baku on Monday."), Segment.of("The ferry left Baku on Sunday."),
                     "en")
    assert result.kind is DiffKind.CONTENT


def test_word_diff_marks_removed_and_added_words() -> None:
    assert word_diff("cut from nine days to three", "cut from nine days to two", "en") == (
        "cut from nine days to [-three-] {+two+}")


def test_numbers_are_substituted_in_the_target_convention() -> None:
    repaired = substitute_numbers("Handled 2,300.5 trucks in 2026.", "Handled 1,700 trucks in 2025.",
                                  "Принял 1 700 грузовиков в 2025 году.", "en", "ru")
    assert repaired == "Принял 2 300,5 грузовиков в 2026 году."


def test_azerbaijani_ordinal_suffix_is_reharmonized_after_substitution() -> None:
    repaired = substitute_numbers("The berth opens by the end of 2027.", "The berth opens by the end of 2026.",
                                  "Körpü 2026-cı ilin sonunadək açılacaq.", "en", "az")
    assert repaired == "Körpü 2027-ci ilin sonunadək açılacaq."


@pytest.mark.parametrize(("query", "source", "target", "langs", "expected"), [
    ("Prices rose by 5% in 2024 and by 7% in 2025.", "Prices rose by 5% in 2024 and by 5% in 2025.",
     "Цены выросли на 5 % в 2024 году и на 5 % в 2025 году.", ("en", "ru"),
     "Цены выросли на 5 % в 2024 году и на 7 % в 2025 году."),
    ("Volumes reached 52.000 TEU.", "Volumes reached 48.000 TEU.", "Volumes reached 48,000 TEU.", ("az", "en"),
     "Volumes reached 52,000 TEU."),
    ("Volumes rose to 4,5 million tonnes.", "Volumes rose to 3.8 million tonnes.", "Объём вырос до 3,8 млн тонн.",
     ("en", "ru"), "Объём вырос до 4,5 млн тонн."),
    ("USD 7 billion", "USD 5 billion", "5 млрд долларов", ("en", "ru"), "7 млрд долларов"),
    ("Up to 50 trains.", "Up to 40 trains.", "40-a qədər qatar.", ("en", "az"), "50-yə qədər qatar."),
    ("From 6 July.", "From 7 July.", "İyulun 7-dən.", ("en", "az"), "İyulun 6-dan."),
], ids=["same value twice", "az thousands", "en decimal comma", "scale word", "az dative", "az ablative"])
def test_numbers_are_read_by_the_language_and_placed_by_occurrence(query, source, target, langs, expected) -> None:
    assert substitute_numbers(query, source, target, *langs) == expected


def test_azerbaijani_year_with_its_suffix_changed_is_a_numbers_only_match() -> None:
    comparison = compare(Segment.of("Ermənistanın 2025-ci ildə KTMT-də iştirakı."),
                         Segment.of("Ermənistanın 2024-cü ildə KTMT-də iştirakı."), "az")
    assert (comparison.score, comparison.kind) == (99.0, DiffKind.NUMBERS)


@pytest.mark.parametrize(("query", "source"), [("It costs €3.2 billion.", "It costs $3.2 billion."),
                                               ("Up 35 this year.", "Up 35% this year.")])
def test_currency_or_percent_change_is_content_not_punctuation(query, source) -> None:
    assert compare(Segment.of(query), Segment.of(source), "en").kind is DiffKind.CONTENT


def test_number_missing_from_the_target_is_not_substituted() -> None:
    assert substitute_numbers("Up 5%.", "Up 4%.", "Рост на четыре процента.", "en", "ru") is None


def test_scores_at_least_agrees_with_similarity() -> None:
    texts = ["port opened today", "port closed today", "something else entirely"]
    found = dict(scores_at_least("port opened today", texts, 75))
    assert found == {0: 100.0, 1: similarity("port opened today", "port closed today")}


# --------------------------------------------------------------------------- index


def test_word_keys_skip_numbers_and_truncate_words() -> None:
    from tmkit.tm.index import word_keys

    assert word_keys("форпоста 2025 открывает в") == ["форпо", "откры", "в"]


def test_index_keys_pair_consecutive_words_and_the_last_with_the_end() -> None:
    assert index_keys("форпоста 2025 открывает в") == ["форпо откры", "откры в", "в "]


def test_repeated_pairs_are_one_key() -> None:
    assert index_keys("port to port to port") == ["por to", "to por", "por "]


def test_short_texts_are_also_keyed_by_trigrams() -> None:
    from tmkit.tm.index import SHORT_TEXT

    assert segment_keys("custom") == ["cust ", "\x1fcus", "\x1fust", "\x1fsto", "\x1ftom"]
    assert segment_keys("x" * (SHORT_TEXT + 1)) == index_keys("x" * (SHORT_TEXT + 1))


def test_short_query_is_planned_on_trigrams_and_long_one_on_word_pairs() -> None:
    from tmkit.tm.index import MIN_SHARE, TRIGRAM_SHARE, query_keys

    assert query_keys("custom colours", 75) == (segment_keys("custom colours")[2:], TRIGRAM_SHARE)
    long = "the ferry left baku on sunday with forty trucks and returned on monday with grain"
    assert query_keys(long, 75) == (index_keys(long), MIN_SHARE)


def test_typo_in_a_short_string_still_finds_its_match() -> None:
    # one typo in each word breaks every word pair; the trigrams survive
    with Store(":memory:") as memory:
        add_units(memory, [pair("Custom colours", "Свои цвета"), pair("Custom fonts", "Свои шрифты"),
                           pair("Colour scheme", "Цветовая схема")], langs=("en", "ru"))
        hits = search(memory, "Cuxtom colpurs", "en", "ru")
    assert [hit.target.text for hit in hits] == ["Свои цвета"]


def test_inflected_forms_share_a_key() -> None:
    assert index_keys("bonds rose") == index_keys("bond rose")


def test_postings_pack_round_trip_sorted_by_length() -> None:
    from array import array

    values = array("Q", sorted([posting(40, 7), posting(12, 3), posting(40, 2)]))
    assert list(unpack(pack(values))) == [posting(12, 3), posting(40, 2), posting(40, 7)]


@given(st.sets(st.integers(0, 2**64 - 1), max_size=40), st.sets(st.integers(0, 2**64 - 1), max_size=40))
def test_merging_posting_lists_gives_their_sorted_union(old: set[int], new: set[int]) -> None:
    from array import array

    from tmkit.tm.index import merge_blobs

    merged = merge_blobs(pack(array("Q", sorted(old))), pack(array("Q", sorted(new))))
    assert list(unpack(merged)) == sorted(old | new)


def test_length_bounds_match_levenshtein_limits() -> None:
    assert length_bounds(100, 75) == (75, 133)


def test_candidates_keep_only_lengths_in_range() -> None:
    from array import array

    values = pack(array("Q", [posting(10, 1), posting(20, 2), posting(30, 3)]))
    assert candidate_ids([values], 15, 30, 1) == [2, 3]


def test_candidates_must_appear_in_enough_posting_lists() -> None:
    from array import array

    first = pack(array("Q", [posting(20, 1), posting(20, 2)]))
    second = pack(array("Q", [posting(20, 2), posting(20, 3)]))
    assert candidate_ids([first, second], 0, 100, 2) == [2]


@given(st.lists(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 60)), max_size=30), max_size=8),
       st.integers(0, 40), st.integers(0, 40), st.integers(0, 5))
def test_candidates_equal_a_plain_count_of_ids_in_the_length_window(lists, low, high, hits) -> None:
    from array import array
    from collections import Counter

    blobs = [pack(array("Q", sorted({posting(length, seg) for length, seg in postings})))
             for postings in lists]
    counts = Counter(seg for postings in lists for length, seg in set(postings) if low <= length <= high)
    expected = sorted(seg for seg, count in counts.items() if count >= max(hits, 1))
    assert candidate_ids(blobs, low, high, hits) == expected


@given(st.lists(st.sets(st.integers(1, 60), max_size=30), min_size=1, max_size=8),
       st.integers(0, 40), st.integers(0, 40), st.integers(0, 5))
def test_narrowing_by_one_more_list_equals_counting_all_lists_again(lists, low, high, hits) -> None:
    from array import array

    from tmkit.tm.index import count_candidates, narrow

    # a segment has one length, whatever list it is in
    blobs = [pack(array("Q", sorted(posting(seg * 7 % 41, seg) for seg in segments))) for segments in lists]
    found, counts = count_candidates(blobs[:-1], low, high, hits)
    narrowed, narrowed_counts = narrow(found, counts, blobs[-1], low, high, max(hits, 1) + 1)
    expected, expected_counts = count_candidates(blobs, low, high, max(hits, 1) + 1)
    assert narrowed.tolist() == expected.tolist() and narrowed_counts.tolist() == expected_counts.tolist()


def test_posting_builder_rows_are_sorted_and_keyed_like_index_keys() -> None:
    from tmkit.tm.index import PostingBuilder

    builder = PostingBuilder()
    builder.add("en", "the port 1,700 north-south, the ferry left", 40, 2)
    builder.add("en", "ferries left", 12, 9)
    builder.add("ru", "паром ушёл", 10, 3)
    rows = {(lang, key): (df, list(unpack(blob))) for lang, key, df, blob in builder.rows()}
    assert set(rows) == {("en", k) for k in segment_keys("the port 1,700 north-south, the ferry left")} | {
        ("en", k) for k in segment_keys("ferries left")} | {("ru", k) for k in segment_keys("паром ушёл")}
    assert rows[("en", "lef ")] == (2, [posting(12, 9), posting(40, 2)])
    assert rows[("en", "the fer")] == (1, [posting(40, 2)])
    assert ("en", "por nor") in rows and not any("170" in key for _, key in rows)
    assert len(builder) == sum(df for df, _ in rows.values())


@given(st.lists(st.text(alphabet="ab1 -,ə", max_size=12), min_size=1, max_size=6))
def test_bulk_key_codes_name_exactly_the_query_keys(texts: list[str]) -> None:
    from tmkit.tm.index import KeyTable

    keys = KeyTable()
    for text in texts:  # one table over many texts, as in an import
        codes = keys.codes("az", text)
        assert sorted(keys.name(code) for code in codes) == sorted(("az", key) for key in segment_keys(text))


def test_plan_reads_rarest_keys_first() -> None:
    rare = [(f"k{df:02}", df) for df in range(1, 19)]
    keys, hits, spares = plan([("the", 90000), *rare, ("on", 80000)], 20)
    assert keys == [k for k, _ in rare] and hits == 6 and spares == [("on", 80000), ("the", 90000)]


def test_refining_pays_when_candidates_outweigh_the_next_list() -> None:
    from tmkit.tm.index import VERIFY_COST, refine

    assert refine(100, 100 * VERIFY_COST // 8 - 1)
    assert not refine(100, 100 * VERIFY_COST // 8)


def test_reading_spare_lists_keeps_every_match(monkeypatch) -> None:
    from tmkit.tm import index

    rng = random.Random(7)
    words = ["port", "ferry", "cargo", "budget", "harbour", "customs", "tariff", "railway", "grain", "tanker"]
    units = [pair(" ".join(rng.choice(words) for _ in range(12)) + f" near Zelkent {n % 7}.", f"Текст {n}.")
             for n in range(400)]
    with Store(":memory:") as opened:
        add_units(opened, units, src_lang="en", tgt_lang="ru")
        found = {}
        for cost in (0, 10**9):  # never / always read the spare lists
            monkeypatch.setattr(index, "VERIFY_COST", cost)
            found[cost] = [sorted(hit.unit_id for hit in search(opened, unit.variants[0].text, "en", "ru", limit=None))
                           for unit in units[:40]]
    assert found[0] == found[10**9] and all(found[0])


def test_budget_switches_to_the_rare_key_plan() -> None:
    common = [(f"c{i}", 60000 + i) for i in range(10)]
    rare = [("r1", 10), ("r2", 20), ("r3", 30)]
    keys, hits, spares = plan(common + rare, 13, budget=1000)
    assert keys == ["r1", "r2", "r3", "c0"] and hits == 1 and spares == []


def test_search_with_a_budget_still_finds_near_duplicates(store: Store) -> None:
    hits = search(store, "The ferry left Baku on Monday with a full load.", "en", "ru", budget=1)
    assert hits and hits[0].source.text == "The ferry left Baku on Sunday with a full load."


def test_index_finds_what_a_brute_force_scan_finds() -> None:
    rng = random.Random(7)
    words = ["port", "ferry", "cargo", "tariff", "minister", "border", "talks", "railway", "grain", "summit", "trade", "energy"]
    sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(6, 12))) for _ in range(300)]
    with Store(":memory:") as memory:
        add_units(memory, [pair(s, "x") for s in sentences], langs=("en", "ru"))
        norms = {r[0]: r[1] for r in memory.conn.execute("SELECT id, norm FROM segments WHERE base='en'")}
        ids, texts = list(norms), list(norms.values())
        for query in sentences[:40]:
            brute = {ids[p] for p, _ in scores_at_least(normalize(query, "en"), texts, 75)}
            assert brute <= set(fuzzy_segments(memory, normalize(query, "en"), "en", 75))


# --------------------------------------------------------------------------- search


def test_search_finds_exact_match_first(store: Store) -> None:
    hits = search(store, "Shipping companies welcomed the plan.", "en", "ru")
    assert (hits[0].score, hits[0].kind, hits[0].target.text) == (100.0, DiffKind.EXACT,
                                                                  "Судоходные компании приветствовали план.")


def test_search_offers_numbers_substituted_suggestion(store: Store) -> None:
    (hit,) = search(store, "The port handled 2,050 trucks in 2026.", "en", "ru")
    assert (hit.score, hit.suggestion.text) == (99.0, "Порт принял 2 050 грузовиков в 2026 году.")


def test_search_classifies_fuzzy_match_with_word_diff(store: Store) -> None:
    (hit,) = search(store, "The ferry left Baku on Monday with a full load.", "en", "ru")
    assert hit.kind is DiffKind.CONTENT and "[-Sunday-] {+Monday+}" in hit.diff and 75 <= hit.score < 99


def test_search_respects_the_minimum(store: Store) -> None:
    assert search(store, "The ferry left Baku on Monday with a full load.", "en", "ru", min_score=99) == []


def test_search_in_the_reverse_direction(store: Store) -> None:
    hits = search(store, "Наша редакция открывает форпост в Актау.", "ru", "en")
    assert hits[0].target.text == "Our newsroom opens an outpost in Aktau."


def test_equal_scores_prefer_the_newer_unit() -> None:
    with Store(":memory:") as memory:
        add_units(memory, [pair("Port opened.", "Старый перевод.", datetime(2020, 1, 1, tzinfo=UTC)),
                           pair("Port opened.", "Новый перевод.", datetime(2024, 1, 1, tzinfo=UTC))],
                  langs=("en", "ru"))
        hits = search(memory, "Port opened.", "en", "ru")
    assert [h.target.text for h in hits] == ["Новый перевод.", "Старый перевод."]


def test_empty_query_finds_nothing(store: Store) -> None:
    assert search(store, "   ", "en", "ru") == []


# --------------------------------------------------------------------------- concordance


def test_concordance_finds_inflected_forms_with_translation(store: Store) -> None:
    lines = concordance(store, "форпост", "ru", tgt_lang="en")
    assert [line.source.text[line.spans[0][0]:line.spans[0][1]] for line in lines] == ["форпост", "форпоста"]
    assert lines[1].target.text == "From the outpost, correspondents will cover trade."


def test_concordance_finds_forms_that_change_their_first_letters() -> None:
    with Store(":memory:") as opened:
        add_units(opened, [
            pair("The ferry sails every day.", "Паром ходит каждый день."),
            pair("Two days later the port reopened.", "Через два дня порт снова открылся."),
            pair("The port works day and night.", "Порт работает днём и ночью."),
        ], langs=("en", "ru"))
        lines = concordance(opened, "день", "ru")
    assert [line.source.text[slice(*line.spans[0])] for line in lines] == ["день", "дня", "днём"]


def test_concordance_finds_an_acronym_under_its_azerbaijani_suffixes() -> None:
    with Store(":memory:") as opened:
        add_units(opened, [
            TranslationUnit((Variant("en", Segment.of(en)), Variant("az", Segment.of(az))), srclang="en")
            for en, az in [("The CSTO summit opened.", "KTMT-nin sammiti açıldı."),
                           ("Armenia spoke at the CSTO.", "Ermənistan KTMT-də çıxış etdi."),
                           ("The ferry left.", "Bərə yola düşdü.")]], langs=("en", "az"))
        for query in ("KTMT", "KTMT-nin"):
            lines = concordance(opened, query, "az")
            assert [line.source.text[slice(*line.spans[0])] for line in lines] == ["KTMT-nin", "KTMT-də"]


def test_concordance_marks_occurrences(store: Store) -> None:
    (line,) = concordance(store, "Baku", "en")
    assert line.marked() == "The ferry left [Baku] on Sunday with a full load."


# --------------------------------------------------------------------------- CLI


@pytest.fixture
def memory_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.tmx"
    write_tmx(path, [pair("The ferry left Baku on Sunday with a full load.",
                          "Паром вышел из Баку в воскресенье с полной загрузкой.")], Header(srclang="en"))
    return path


def test_cli_search_prints_json_list(memory_file: Path) -> None:
    result = CliRunner().invoke(cli, ["tm", "search", "The ferry left Baku on Monday with a full load.",
                                      "--src", "en", "--tgt", "ru", "--tm", str(memory_file), "--format", "json"])
    (hit,) = json.loads(result.output)
    assert set(hit) >= {"score", "source", "target", "diff_kind", "origin"} and hit["diff_kind"] == "content"


def test_cli_import_then_search_the_store(memory_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "tm.sqlite"
    runner = CliRunner()
    imported = runner.invoke(cli, ["tm", "import", str(memory_file), "--store", str(db)])
    result = runner.invoke(cli, ["tm", "search", "The ferry left Baku on Sunday with a full load.",
                                 "--src", "en", "--tgt", "ru", "--store", str(db)])
    assert imported.exit_code == 0 and "1. 100 exact" in result.output


def test_cli_search_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["tm", "search", "x", "--src", "en", "--tgt", "ru",
                                      "--store", str(tmp_path / "none.sqlite")])
    assert result.exit_code != 0 and "no memory store" in str(result.exception or result.output)


def test_cli_concordance_shows_translation(memory_file: Path) -> None:
    result = CliRunner().invoke(cli, ["tm", "concordance", "Баку", "--lang", "ru", "--tgt", "en",
                                      "--tm", str(memory_file)])
    assert "ru: Паром вышел из [Баку]" in result.output and "en: The ferry left Baku" in result.output


def test_cli_add_appends_to_tmx_and_store(tmp_path: Path) -> None:
    db, tmx = tmp_path / "tm.sqlite", tmp_path / "new.tmx"
    result = CliRunner().invoke(cli, ["tm", "add", "--src", "en", "--tgt", "ru", "Port reopened.",
                                      "Порт вновь открылся.", "--store", str(db), "--tmx", str(tmx)])
    with Store(db) as opened:
        hits = search(opened, "Port reopened.", "en", "ru")
    assert result.exit_code == 0 and hits[0].target.text == "Порт вновь открылся." and tmx.exists()


def test_sample_memory_returns_classified_matches_for_a_new_article_sentence() -> None:
    from tmkit.tm.store import open_memory

    sample = Path(__file__).resolve().parents[1] / "corpora" / "newsroom.tmx"
    with open_memory(sample) as memory:
        hits = search(memory, "The ministry estimates that traffic between Central Asia and Europe through "
                              "the Caspian will grow by 40% this year.", "en", "ru")
    assert hits[0].kind is DiffKind.NUMBERS and "40" in hits[0].suggestion.text


def test_word_diff_of_a_headline_in_capitals_marks_only_the_changed_word() -> None:
    assert word_diff("Bu dəyər doğru bir ISSN deyil.", "BU DƏYƏR DOĞRU BİR SAAT DEYİL.", "az") == (
        "Bu dəyər doğru bir [-ISSN-] {+SAAT+} deyil .")


def test_concordance_of_a_phrase_finds_it_with_each_word_inflected() -> None:
    with Store(":memory:") as opened:
        add_units(opened, [
            pair("The Middle Corridor grows.", "Средний коридор растёт."),
            pair("Cargo goes by the Middle Corridor.", "Грузы идут Средним коридором."),
            pair("The corridor is in the middle of the map.", "Коридор в середине карты, он средний."),
        ], langs=("en", "ru"))
        lines = concordance(opened, "Средний коридор", "ru")
    assert [line.source.text[slice(*line.spans[0])] for line in lines] == ["Средний коридор", "Средним коридором"]


def test_number_repair_keeps_the_decimals_the_query_writes() -> None:
    assert substitute_numbers("The fare rises to 0.70 manat.", "The fare rises to 0.60 manat.",
                              "Тариф вырастет до 0,60 маната.", "en", "ru") == "Тариф вырастет до 0,70 маната."
