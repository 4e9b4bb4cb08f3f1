"""Number reading in English, Russian and Azerbaijani text: values, kinds, units, offsets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tmkit.lang.numbers import read_numbers

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


def only(text: str, lang: str):
    mentions = read_numbers(text, lang)
    assert len(mentions) == 1, mentions
    return mentions[0]


def values(text: str, lang: str) -> list[Decimal]:
    return [m.value for m in read_numbers(text, lang)]


# --- separators ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "1,700"),
        ("en", "1 700"),
        ("en", f"1{NBSP}700"),
        ("en", f"1{NNBSP}700"),
        ("en", f"1{THIN}700"),
        ("en", "1700"),
        ("ru", "1 700"),
        ("ru", f"1{NBSP}700"),
        ("ru", f"1{NNBSP}700"),
        ("ru", f"1{THIN}700"),
        ("ru", "1.700"),
        ("ru", "1700"),
        ("az", "1.700"),
        ("az", "1 700"),
        ("az", f"1{NBSP}700"),
        ("az", "1700"),
    ],
)
def test_thousands_separators_of_each_locale_read_as_1700(lang, text):
    assert only(f"Jobs: {text} people", lang).value == Decimal(1700)


@pytest.mark.parametrize(("lang", "text"), [("en", "2.5"), ("ru", "2,5"), ("az", "2,5"), ("ru", "2.5")])
def test_decimal_separator_of_each_locale_reads_as_two_and_a_half(lang, text):
    mention = only(f"up {text} times", lang)
    assert (mention.value, mention.kind) == (Decimal("2.5"), "decimal")


def test_english_comma_before_three_digits_is_firm_thousands():
    mention = only("1,700 people", "en")
    assert (mention.value, mention.alternatives) == (Decimal(1700), ())


def test_russian_comma_before_three_digits_is_decimal_with_thousands_alternative():
    mention = only("1,700 человек", "ru")
    assert (mention.value, mention.alternatives) == (Decimal("1.7"), (Decimal(1700),))


def test_english_dot_before_three_digits_is_decimal_with_thousands_alternative():
    mention = only("grew 1.700 times", "en")
    assert (mention.value, mention.alternatives) == (Decimal("1.7"), (Decimal(1700),))


def test_russian_dot_thousands_keeps_decimal_alternative():
    mention = only("1.700 человек", "ru")
    assert (mention.value, mention.alternatives) == (Decimal(1700), (Decimal("1.7"),))


def test_azerbaijani_dot_thousands_is_firm():
    assert only("1.700 nəfər", "az").alternatives == ()


@pytest.mark.parametrize("text", ["1,700", "1.700"])
def test_unknown_language_guesses_thousands_and_offers_decimal(text):
    mention = only(f"zum {text} mal", "de")
    assert (mention.value, mention.alternatives) == (Decimal(1700), (Decimal("1.7"),))


def test_several_comma_groups_are_thousands_even_in_russian():
    mention = only("1,700,000 рублей", "ru")
    assert (mention.value, mention.alternatives) == (Decimal(1700000), ())


@pytest.mark.parametrize(("lang", "text"), [("az", "1.700,5"), ("en", "1,700.5"), ("ru", "1 700,5")])
def test_grouped_number_with_other_decimal_separator_is_unambiguous(lang, text):
    mention = only(text, lang)
    assert (mention.value, mention.alternatives, mention.kind) == (Decimal("1700.5"), (), "decimal")


def test_english_comma_before_one_digit_reads_as_decimal():
    assert only("2,5", "en").value == Decimal("2.5")


def test_trailing_zero_decimals_normalize():
    assert str(only("5.50", "en").value) == "5.5"


def test_language_code_region_is_ignored():
    assert only("1,700", "ru-RU").value == only("1,700", "ru").value
    assert only("1.700", "az_Latn").alternatives == ()


# --- scale words and currencies ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "USD 5 billion"),
        ("en", "$5bn"),
        ("en", "$5 billion"),
        ("en", "5 billion dollars"),
        ("en", "5bn USD"),
        ("ru", "5 млрд долларов"),
        ("ru", "5 млрд. долларов"),
        ("ru", "5 миллиардов долларов"),
        ("az", "5 milyard dollar"),
        ("az", "5 milyard ABŞ dolları"),
        ("az", "5 mlrd. dollar"),
    ],
)
def test_five_billion_dollars_read_alike_in_every_language(lang, text):
    mention = only(f"Deal: {text} in total", lang)
    assert (mention.value, mention.unit) == (Decimal(5_000_000_000), "usd")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "170,000"),
        ("en", "170 thousand"),
        ("ru", "170 тыс."),
        ("ru", "170 тысяч"),
        ("az", "170 min"),
        ("az", "170.000"),
    ],
)
def test_one_hundred_seventy_thousand_reads_alike(lang, text):
    assert only(f"{text} people", lang).value == Decimal(170_000)


@pytest.mark.parametrize(("lang", "text"), [("en", "$1 trillion"), ("ru", "1 трлн"), ("az", "1 trilyon")])
def test_trillion_words(lang, text):
    assert only(text, lang).value == Decimal(10**12)


def test_million_without_currency_has_no_unit():
    mention = only("5 million people", "en")
    assert (mention.value, mention.unit) == (Decimal(5_000_000), None)


@pytest.mark.parametrize(("text", "unit"), [("$5m", "usd"), ("US$5m", "usd"), ("€5m", "eur")])
def test_m_after_currency_means_million(text, unit):
    mention = only(text, "en")
    assert (mention.value, mention.unit) == (Decimal(5_000_000), unit)


def test_m_after_bare_number_is_not_a_scale():
    assert values("a wall 5 m high and 5m wide", "en") == [Decimal(5), Decimal(5)]


def test_english_min_is_not_azerbaijani_thousand():
    assert only("wait 5 min", "en").value == Decimal(5)


def test_azerbaijani_min_without_number_is_not_read():
    assert read_numbers("Min nəfər gəldi", "az") == []


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("ru", "1,5 млрд руб.", Decimal(1_500_000_000)),
        ("en", "$1.2bn", Decimal(1_200_000_000)),
        ("az", "2,5 milyon manat", Decimal(2_500_000)),
    ],
)
def test_decimal_with_scale_gives_integer_value(lang, text, value):
    mention = only(text, lang)
    assert (mention.value, mention.kind, str(mention.value)) == (value, "plain", str(value))


@pytest.mark.parametrize(
    ("lang", "text", "unit"),
    [
        ("en", "€10", "eur"),
        ("ru", "10 €", "eur"),
        ("ru", "100 ₽", "rub"),
        ("az", "50 ₼", "azn"),
        ("en", "£3", "gbp"),
        ("ru", "10 евро", "eur"),
        ("ru", "20 рублей", "rub"),
        ("ru", "5 долл.", "usd"),
        ("ru", "7 манатов", "azn"),
        ("az", "5 manat", "azn"),
        ("az", "10 avro", "eur"),
        ("az", "3 rubl", "rub"),
        ("en", "5 roubles", "rub"),
        ("en", "AZN 40", "azn"),
        ("en", "40 AZN", "azn"),
        ("en", "8 pounds sterling", "gbp"),
    ],
)
def test_currency_symbols_codes_and_words_set_unit(lang, text, unit):
    assert only(text, lang).unit == unit


def test_number_without_currency_has_no_unit():
    assert only("5 apples", "en").unit is None


# --- percent -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "35%"),
        ("en", "35 %"),
        ("en", f"35{NBSP}%"),
        ("en", "35 per cent"),
        ("en", "35 percent"),
        ("ru", "35%"),
        ("ru", "35 процентов"),
        ("ru", "35 процента"),
        ("ru", "35 процент"),
        ("az", "35 faiz"),
        ("az", "%35"),
        ("az", "35%"),
        ("az", "35 faizə"),
    ],
)
def test_percent_forms_read_as_35_percent(lang, text):
    mention = only(f"rose {text} last year", lang)
    assert (mention.value, mention.kind) == (Decimal(35), "percent")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "2 percentage points"),
        ("en", "2 percentage point"),
        ("en", "2pp"),
        ("en", "two percentage points"),
        ("ru", "2 п. п."),
        ("ru", "2 п.п."),
        ("ru", "2 процентных пункта"),
        ("ru", "2 процентного пункта"),
        ("az", "2 faiz bəndi"),
        ("az", "2 faiz bəndinə"),
    ],
)
def test_percentage_points_are_points_not_percent(lang, text):
    mention = only(f"rose {text}", lang)
    assert (mention.value, mention.kind) == (Decimal(2), "points")


@pytest.mark.parametrize(("lang", "text"), [("ru", "5 процентов"), ("az", "5 faiz")])
def test_percent_word_without_point_stays_percent(lang, text):
    assert only(text, lang).kind == "percent"


def test_decimal_percent_keeps_fraction():
    mention = only("2,5 faiz", "az")
    assert (mention.value, mention.kind) == (Decimal("2.5"), "percent")


# --- years and ordinals --------------------------------------------------------------------


def test_bare_four_digit_number_in_year_range_is_year():
    assert only("in 1992 the", "en").kind == "year"


@pytest.mark.parametrize("text", ["999", "2500", "1,992"])
def test_numbers_outside_year_shape_are_plain(text):
    assert only(text, "en").kind == "plain"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("1992-ci", 1992, "year"),
        ("1990-cı", 1990, "year"),
        ("2000-ci", 2000, "year"),
        ("5-ci", 5, "ordinal"),
        ("3-cü", 3, "ordinal"),
        ("6-cı", 6, "ordinal"),
        ("10-cu", 10, "ordinal"),
        ("5-inci", 5, "ordinal"),
    ],
)
def test_azerbaijani_ordinal_suffixes(text, value, kind):
    mention = only(f"{text} ildə", "az")
    assert (mention.value, mention.kind, mention.text) == (Decimal(value), kind, text)


def test_azerbaijani_case_suffix_is_not_ordinal():
    assert only("5-i gəldi", "az").kind == "plain"
    assert only("2020-də", "az").kind == "year"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("1992-й", 1992, "year"),
        ("1990-х", 1990, "year"),
        ("1990-е", 1990, "year"),
        ("5-го", 5, "ordinal"),
        ("21-го", 21, "ordinal"),
        ("5-е", 5, "ordinal"),
        ("2-х", 2, "plain"),
    ],
)
def test_russian_hyphen_endings(text, value, kind):
    mention = only(f"в {text} годах", "ru")
    assert (mention.value, mention.kind) == (Decimal(value), kind)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("1st", 1, "ordinal"),
        ("2nd", 2, "ordinal"),
        ("3rd", 3, "ordinal"),
        ("21st", 21, "ordinal"),
        ("4th", 4, "ordinal"),
        ("1990s", 1990, "year"),
        ("1990's", 1990, "year"),
    ],
)
def test_english_ordinal_and_decade_suffixes(text, value, kind):
    mention = only(f"the {text} time", "en")
    assert (mention.value, mention.kind) == (Decimal(value), kind)


# --- spelled-out numbers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("one", 1),
        ("two", 2),
        ("five", 5),
        ("nine", 9),
        ("ten", 10),
        ("twelve", 12),
        ("nineteen", 19),
        ("twenty", 20),
        ("ninety", 90),
        ("twenty-five", 25),
        ("forty two", 42),
        ("Seven", 7),
    ],
)
def test_english_number_words(word, value):
    mention = only(f"about {word} people", "en")
    assert (mention.value, mention.kind) == (Decimal(value), "word")


def test_english_one_as_pronoun_is_soft_word_evidence():
    assert only("one of the ministers", "en").kind == "word"


@pytest.mark.parametrize("text", ["someone", "often", "anyone", "tonight", "one-off"])
def test_number_words_inside_other_words_are_not_read(text):
    assert read_numbers(f"{text} said", "en") == []


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("один", 1),
        ("одна", 1),
        ("одного", 1),
        ("два", 2),
        ("две", 2),
        ("двух", 2),
        ("три", 3),
        ("трёх", 3),
        ("трех", 3),
        ("четырьмя", 4),
        ("пяти", 5),
        ("десять", 10),
        ("двадцать пять", 25),
        ("полтора", Decimal("1.5")),
        ("Девяносто", 90),
    ],
)
def test_russian_number_words_in_any_case(word, value):
    assert only(f"около {word} лет", "ru").value == Decimal(value)


def test_russian_semyu_is_family_not_seven():
    assert read_numbers("поддержать семью", "ru") == []


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("bir", 1),
        ("iki", 2),
        ("üç", 3),
        ("dörd", 4),
        ("beş", 5),
        ("altı", 6),
        ("yeddi", 7),
        ("səkkiz", 8),
        ("doqquz", 9),
        ("on", 10),
        ("ikisi", 2),
        ("üçü", 3),
        ("beşə", 5),
        ("İki", 2),
        ("ALTI", 6),
        ("on beş", 15),
        ("iyirmi beş", 25),
    ],
)
def test_azerbaijani_number_words_with_suffixes(word, value):
    assert only(f"{word} nəfər", "az").value == Decimal(value)


@pytest.mark.parametrize("word", ["onu", "ona", "onun"])
def test_azerbaijani_pronoun_forms_of_o_are_not_ten(word):
    assert read_numbers(f"{word} gördüm", "az") == []


@pytest.mark.parametrize(
    ("lang", "text", "value", "kind"),
    [
        ("en", "two million", 2_000_000, "plain"),
        ("ru", "пять процентов", 5, "percent"),
        ("az", "iki milyon", 2_000_000, "plain"),
        ("ru", "полтора миллиона", 1_500_000, "plain"),
    ],
)
def test_number_words_with_scale_or_percent_are_firm(lang, text, value, kind):
    mention = only(text, lang)
    assert (mention.value, mention.kind) == (Decimal(value), kind)


# --- ranges, dates, signs ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2019-2020", "2019–2020", "2019 – 2020"])
def test_year_range_gives_two_years(text):
    mentions = read_numbers(f"in {text}", "en")
    assert [(m.value, m.kind) for m in mentions] == [(Decimal(2019), "year"), (Decimal(2020), "year")]


def test_range_mentions_cover_each_number():
    mentions = read_numbers("5–7 days", "en")
    assert [(m.text, m.start, m.end) for m in mentions] == [("5", 0, 1), ("7", 2, 3)]


def test_percent_after_range_applies_to_both_ends():
    assert [(m.value, m.kind) for m in read_numbers("5–7%", "ru")] == [
        (Decimal(5), "percent"),
        (Decimal(7), "percent"),
    ]


def test_currency_and_scale_apply_to_both_ends_of_range():
    assert [(m.value, m.unit) for m in read_numbers("$5-7bn", "en")] == [
        (Decimal(5_000_000_000), "usd"),
        (Decimal(7_000_000_000), "usd"),
    ]


def test_grouped_range():
    assert values("1,700-2,000 troops", "en") == [Decimal(1700), Decimal(2000)]


@pytest.mark.parametrize("text", ["27.11.2026", "27/11/2026"])
def test_numeric_date_gives_day_month_year(text):
    mentions = read_numbers(f"on {text} at noon", "ru")
    assert [(m.value, m.kind) for m in mentions] == [
        (Decimal(27), "date"),
        (Decimal(11), "date"),
        (Decimal(2026), "year"),
    ]


def test_iso_date_gives_year_month_day():
    assert [m.kind for m in read_numbers("2026-11-27", "en")] == ["year", "date", "date"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "-5"), ("en", "−5"), ("en", "minus 5"), ("ru", "минус 5"), ("az", "mənfi 5")],
)
def test_negative_numbers(lang, text):
    assert only(f"temperature {text} degrees", lang).value == Decimal(-5)


def test_hyphen_after_word_is_not_minus():
    mention = only("COVID-19 cases", "en")
    assert (mention.value, mention.text) == (Decimal(19), "19")


# --- times of day ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "at 12:30", "12.30"),
        ("en", "at 10 p.m.", "22"),
        ("en", "at 10 pm", "22"),
        ("en", "at 10 PM", "22"),
        ("en", "at 10 a.m.", "10"),
        ("en", "at 10:30 p.m.", "22.30"),
        ("en", "at 12 p.m.", "12"),
        ("en", "at 12 a.m.", "0"),
        ("en", "at noon", "12"),
        ("en", "by midnight", "0"),
        ("ru", "в 22:00", "22"),
        ("ru", "в 22.00", "22"),
        ("ru", "в 10 часов вечера", "22"),
        ("ru", "в 10 утра", "10"),
        ("ru", "в 11 часов ночи", "23"),
        ("ru", "в 2 часа ночи", "2"),
        ("ru", "в 3 часа дня", "15"),
        ("ru", "в полночь", "0"),
        ("az", "saat 22:00-da", "22"),
        ("az", "saat 22.00-da", "22"),
        ("az", "günortadan sonra", "12"),
    ],
)
def test_time_of_day_is_one_mention_on_the_24_hour_clock(lang, text, value):
    mention = only(text, lang)
    assert (mention.kind, mention.value) == ("time", Decimal(value))


def test_time_does_not_leave_its_minutes_as_a_number():
    assert [m.text for m in read_numbers("Паром вышел в 22:00 с 56 вагонами.", "ru")] == ["22:00", "56"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "rose 10.30 points", [("10.30", "decimal")]),  # English decimals keep the dot
        ("ru", "цена 1.25 доллара", [("1.25 доллара", "decimal")]),  # a copied English decimal
        ("ru", "рост на 3.15%", [("3.15%", "percent")]),
        ("en", "3 days", [("3", "plain")]),
        ("ru", "за 3 дня", [("3", "plain")]),  # three days, not 3 p.m.
        ("en", "at 1:23:45", [("1", "plain"), ("23", "plain"), ("45", "plain")]),  # a timecode
        ("en", "at 25:70", [("25", "plain"), ("70", "plain")]),
        ("en", "10 amendments", [("10", "plain")]),
    ],
)
def test_what_is_not_a_time_reads_as_before(lang, text, expected):
    assert [(m.text, m.kind) for m in read_numbers(text, lang)] == expected


# --- things that are not numbers -----------------------------------------------------------


@pytest.mark.parametrize("text", ["G7", "MH17", "A4", "4x4", "B2B"])
def test_digits_glued_to_letters_before_are_identifiers(text):
    assert read_numbers(f"the {text} summit", "en") == []


def test_digits_with_glued_unit_letters_are_read():
    assert values("5km and 5G", "en") == [Decimal(5), Decimal(5)]


@pytest.mark.parametrize("text", ["1.2.3", "192.168.0.1", "+994 12 345 67 89", "+7 (495) 123-45-67"])
def test_versions_addresses_and_phone_numbers_are_skipped(text):
    assert read_numbers(f"see {text} now", "en") == []


def test_sentence_final_dot_does_not_make_a_decimal():
    assert only("It happened in 2019.", "en").value == Decimal(2019)


def test_empty_text_has_no_numbers():
    assert read_numbers("", "az") == []


# --- offsets and order ---------------------------------------------------------------------


def test_offsets_slice_the_original_text():
    text = f"Bakı: 1.700 manat, 35 faiz və 1992-ci il, 5{NBSP}000 nəfər"
    mentions = read_numbers(text, "az")
    assert [m.text for m in mentions] == ["1.700 manat", "35 faiz", "1992-ci", f"5{NBSP}000"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_mentions_come_in_text_order():
    mentions = read_numbers("3 then 1 then 2", "en")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert values("3 then 1 then 2", "en") == [Decimal(3), Decimal(1), Decimal(2)]


# --- properties ----------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**15))
def test_english_grouped_integers_round_trip(n):
    assert values(f"total {n:,} units", "en") == [Decimal(n)]


@given(st.integers(min_value=0, max_value=10**15))
def test_russian_nbsp_grouped_integers_round_trip(n):
    text = f"{n:,}".replace(",", NBSP)
    assert values(f"всего {text} единиц", "ru") == [Decimal(n)]


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimals_agree_across_locales(whole, fraction):
    en = f"{whole}.{fraction:02d}"
    az = f"{whole:,}".replace(",", ".") + f",{fraction:02d}"
    assert values(en, "en") == values(az, "az") == [Decimal(en)]


@pytest.mark.parametrize(("text", "value"), [("12 mindən", 12000), ("5 minə", 5000), ("3 mində", 3000)])
def test_azerbaijani_thousand_with_case_suffix_is_a_scale(text, value):
    assert [m.value for m in read_numbers(text, "az")] == [value]


@pytest.mark.parametrize(("number", "suffix"), [
    (1992, "ci"), (1990, "cı"), (2000, "ci"), (2026, "cı"), (2027, "ci"), (3, "cü"), (9, "cu"),
    (10, "cu"), (40, "cı"), (100, "cü"), (1_000_000, "cu"), (0, "cı")])
def test_azerbaijani_ordinal_suffix_follows_the_last_spoken_word(number, suffix):
    from tmkit.lang.az import number_suffix

    assert number_suffix("ci", number) == suffix


@pytest.mark.parametrize(("suffix", "number", "expected"), [
    ("dən", 6, "dan"), ("dan", 7, "dən"), ("a", 50, "yə"), ("yə", 90, "a"), ("ya", 60, "a"),
    ("da", 1000, "də"), ("nin", 3, "ün"), ("ün", 2, "nin")])
def test_azerbaijani_case_suffix_after_a_number_follows_harmony_and_buffer(suffix, number, expected):
    from tmkit.lang.az import number_suffix

    assert number_suffix(suffix, number) == expected


@pytest.mark.parametrize(("text", "months"), [
    ("on 5 March 2025 and 1 May, Sept. 3", [3, 5, 9]), ("5 марта, в мае, 1 декабря", [3, 5, 12]),
    ("5 mart 2025-ci il, avqustun 3-də, mayda", [3, 8, 5]), ("Maybe marching martial Mayor", [])])
def test_month_names_are_read_in_every_language_and_case(text, months):
    from tmkit.lang.months import month_numbers

    assert month_numbers(text) == months


@pytest.mark.parametrize(("text", "ordinals"), [
    ("the third round, the twenty-first meeting, Second", [3, 21, 2]),
    ("на третий раунд, двадцать первое заседание, в третьем, второго, пятая", [3, 21, 3, 2, 5]),
    ("üçüncü raundu, iyirmi birinci iclas, onuncu, birincisi", [3, 21, 10, 1]),
    ("во вторник было пять встреч", [])])
def test_ordinal_words_are_read_with_their_inflections(text, ordinals):
    from tmkit.lang.ordinals import ordinal_words

    assert ordinal_words(text) == ordinals


@pytest.mark.parametrize("digits", [28, 29, 40])
def test_a_figure_longer_than_decimal_precision_is_read_not_a_crash(digits):
    (mention,) = read_numbers(f"It cost {'1' * digits} dollars.", "en")
    # Decimal keeps 28 significant digits: a longer figure is rounded, not refused
    assert abs(mention.value / Decimal("1" * digits) - 1) < Decimal("1e-20")
