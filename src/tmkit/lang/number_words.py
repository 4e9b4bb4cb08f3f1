"""Word lists the number reader needs, per language, kept apart from the matching code.

Everything here is data: spelled-out numbers with their values, scale words with their
power of ten, currency names with the ISO code tmkit reports, percent words and the word
for "minus". ``numbers.py`` turns these lists into one regular expression per language, so
adding a word is a one-line change here and never touches the reader.

Patterns are regular-expression fragments for Python's ``re`` module (matched
case-insensitively), where "a letter" is spelled as word characters less digits and ``_``.
Word patterns carry their own right boundary where a longer word could start with them.
"""

from __future__ import annotations

from decimal import Decimal

# --- spelled-out numbers -------------------------------------------------------------------

EN_UNITS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
EN_TEENS: dict[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
EN_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def _forms(value: int | Decimal, *forms: str) -> dict[str, int | Decimal]:
    return dict.fromkeys(forms, value)


# Russian numerals inflect for case (and 1-2 for gender). "семью" is left out on purpose:
# it is far more often the noun "family" than "by seven".
RU_UNITS: dict[str, int | Decimal] = {
    **_forms(1, "один", "одного", "одному", "одним", "одном", "одна", "одной", "одну", "одно"),
    **_forms(2, "два", "две", "двух", "двум", "двумя"),
    **_forms(3, "три", "трёх", "трех", "трём", "трем", "тремя"),
    **_forms(4, "четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя"),
    **_forms(5, "пять", "пяти", "пятью"),
    **_forms(6, "шесть", "шести", "шестью"),
    **_forms(7, "семь", "семи"),
    **_forms(8, "восемь", "восьми", "восемью", "восьмью"),
    **_forms(9, "девять", "девяти", "девятью"),
}
RU_TEENS: dict[str, int | Decimal] = {
    **_forms(10, "десять", "десяти", "десятью"),
    **_forms(Decimal("1.5"), "полтора", "полторы", "полутора"),
}
for _stem, _value in (
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
):
    RU_TEENS.update(_forms(_value, _stem + "ь", _stem + "и", _stem + "ью"))
RU_TENS: dict[str, int | Decimal] = {
    **_forms(20, "двадцать", "двадцати", "двадцатью"),
    **_forms(30, "тридцать", "тридцати", "тридцатью"),
    **_forms(40, "сорок", "сорока"),
    **_forms(50, "пятьдесят", "пятидесяти", "пятьюдесятью"),
    **_forms(60, "шестьдесят", "шестидесяти", "шестьюдесятью"),
    **_forms(70, "семьдесят", "семидесяти", "семьюдесятью"),
    **_forms(80, "восемьдесят", "восьмидесяти", "восемьюдесятью"),
    **_forms(90, "девяносто", "девяноста"),
}

AZ_UNITS: dict[str, int | Decimal] = {
    "bir": 1,
    "iki": 2,
    "üç": 3,
    "dörd": 4,
    "beş": 5,
    "altı": 6,
    "yeddi": 7,
    "səkkiz": 8,
    "doqquz": 9,
}
AZ_TEENS: dict[str, int | Decimal] = {"on": 10}
AZ_TENS: dict[str, int | Decimal] = {
    "on": 10,
    "iyirmi": 20,
    "otuz": 30,
    "qırx": 40,
    "əlli": 50,
    "altmış": 60,
    "yetmiş": 70,
    "səksən": 80,
    "doxsan": 90,
}
AZ_WORD_SUFFIX = r"(?:s[ıiuü](?:n[ıiuü]n|n[əa]|nd[əa]n?)?|n[ıiuü]n|y?[əa]|[dt][əa]n?|l[əa]r[ıiuü]?|[ıiuü])"
"""Case and possessive endings an Azerbaijani numeral may carry (``ikisi``, ``üçü``, ``beşə``).
``on`` (ten) never takes them: ``onu``/``ona``/``onun`` are forms of the pronoun ``o``."""
AZ_NO_SUFFIX = frozenset({"on"})

# --- scale words ---------------------------------------------------------------------------
# (pattern, power of ten). "m"/"k"/"tn" only count right after a currency ("$5m"): after a bare
# number they are metres, kilo-anything or tonnes; see CURRENCY_ONLY_SCALES.

EN_SCALES: tuple[tuple[str, int], ...] = (
    (r"thousands?(?![^\W\d_])", 3),
    (r"millions?(?![^\W\d_])", 6),
    (r"billions?(?![^\W\d_])", 9),
    (r"trillions?(?![^\W\d_])", 12),
    (r"bn(?![^\W\d_])", 9),
    (r"mln(?![^\W\d_])", 6),
    (r"mn(?![^\W\d_])", 6),
)
RU_SCALES: tuple[tuple[str, int], ...] = (
    (r"тыс(?:\.|(?![^\W\d_]))", 3),
    (r"тысяч[^\W\d_]*", 3),
    (r"млн(?:\.|(?![^\W\d_]))", 6),
    (r"миллион[^\W\d_]*", 6),
    (r"млрд(?:\.|(?![^\W\d_]))", 9),
    (r"миллиард[^\W\d_]*", 9),
    (r"трлн(?:\.|(?![^\W\d_]))", 12),
    (r"триллион[^\W\d_]*", 12),
)
AZ_SCALES: tuple[tuple[str, int], ...] = (
    (r"min(?:lər)?(?:in|ə|i|də|dən|lə)?(?![^\W\d_])", 3),  # 12 min, 12 mindən, 12 minə: case suffixes
    (r"milyon[^\W\d_]*", 6),
    (r"milyard[^\W\d_]*", 9),
    (r"trilyon[^\W\d_]*", 12),
    (r"mln(?:\.|(?![^\W\d_]))", 6),
    (r"mlrd(?:\.|(?![^\W\d_]))", 9),
    (r"trln(?:\.|(?![^\W\d_]))", 12),
)
CURRENCY_ONLY_SCALES: tuple[tuple[str, int], ...] = (
    (r"tn(?![^\W\d_])", 12),
    (r"m(?![^\W\d_])", 6),
    (r"k(?![^\W\d_])", 3),
)

# --- currencies ----------------------------------------------------------------------------

CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "usd",
    "$": "usd",
    "€": "eur",
    "£": "gbp",
    "₽": "rub",
    "₼": "azn",
    "₺": "try",
}
CURRENCY_CODES: tuple[str, ...] = ("USD", "EUR", "GBP", "RUB", "AZN", "TRY", "CHF", "CNY", "JPY")

EN_CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?:US\s)?dollars?(?![^\W\d_])", "usd"),
    (r"euros?(?![^\W\d_])", "eur"),
    (r"r[ou]{1,2}bles?(?![^\W\d_])", "rub"),
    (r"manats?(?![^\W\d_])", "azn"),
    (r"pounds?\ssterling(?![^\W\d_])", "gbp"),
)
RU_CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"доллар[^\W\d_]*", "usd"),
    (r"долл\.", "usd"),
    (r"евро(?![^\W\d_])", "eur"),
    (r"рубл[^\W\d_]*", "rub"),
    (r"руб\.", "rub"),
    (r"манат[^\W\d_]*", "azn"),
    (r"фунт[^\W\d_]*\sстерлинг[^\W\d_]*", "gbp"),
)
AZ_CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?:ABŞ\s)?dollar[^\W\d_]*", "usd"),
    (r"avro[^\W\d_]*", "eur"),
    (r"rubl[^\W\d_]*", "rub"),
    (r"manat[^\W\d_]*", "azn"),
    (r"funt\ssterlinq[^\W\d_]*", "gbp"),
)

# --- percent and sign ----------------------------------------------------------------------

EN_PERCENT = r"%|per\s?cent(?![^\W\d_])|pct(?![^\W\d_])"
RU_PERCENT = r"%|процент[^\W\d_]*|проц\."
AZ_PERCENT = r"%|faiz[^\W\d_]*"

# Percentage points are a difference of two percentages, not a percentage: "rose 2 percentage
# points" (from 5 % to 7 %) and "rose 2 %" (from 5 % to 5.1 %) are different news. The reader
# tries these before the percent words, which they start with in Russian and Azerbaijani.
EN_POINTS = r"percentage[\s-]points?(?![^\W\d_])|ppts?(?![^\W\d_])|pp(?![^\W\d_])"
RU_POINTS = r"п\.\s?п\.|процентн[^\W\d_]*\sпункт[^\W\d_]*|проц\.\sп(?:\.|ункт[^\W\d_]*)"
AZ_POINTS = r"faiz\s(?:bənd|punkt)[^\W\d_]*"

EN_MINUS = "minus"
RU_MINUS = "минус"
AZ_MINUS = "mənfi"

# --- times of day --------------------------------------------------------------------------
# (pattern, meridiem) after an hour: "10 p.m.", "10 часов вечера". Meridiem ``am``/``pm`` as in
# English; ``day`` is after noon (12 часов дня is noon), ``night`` is late evening or small
# hours (11 ночи is 23:00, 2 ночи is 2:00). Russian "дня"/"ночи" need "час": "3 дня" is three days.

EN_CLOCK_MARKERS: tuple[tuple[str, str], ...] = (
    (r"a\.?\s?m\.?(?![^\W\d_])", "am"),
    (r"p\.?\s?m\.?(?![^\W\d_])", "pm"),
)
EN_CLOCK_STARTS = "ap"
"""First letters of the English markers, which the reader tests before the markers themselves."""
RU_CLOCK_MARKERS: tuple[tuple[str, str], ...] = (
    (r"(?:час(?:а|ов)?\s)?утра(?![^\W\d_])", "am"),
    (r"(?:час(?:а|ов)?\s)?вечера(?![^\W\d_])", "pm"),
    (r"час(?:а|ов)?\sдня(?![^\W\d_])", "day"),
    (r"час(?:а|ов)?\sночи(?![^\W\d_])", "night"),
)
RU_CLOCK_STARTS = "чув"

# Noon and midnight as literal word forms (the reader builds a fast trie from them); an
# Azerbaijani form may take the case endings of AZ_WORD_SUFFIX (günortadan, gecəyarısı).
EN_NOON = ("noon", "midday")
EN_MIDNIGHT = ("midnight",)
RU_NOON = ("полдень", "полудня", "полудню", "полуднем", "полудне")
RU_MIDNIGHT = ("полночь", "полуночи", "полуночью")
AZ_NOON = ("günorta",)
AZ_MIDNIGHT = ("gecəyarı", "gecə yarı")

# --- ordinal and decade suffixes after digits ----------------------------------------------

RU_ORDINAL_SUFFIXES = frozenset(
    {"й", "я", "е", "го", "му", "м", "ый", "ий", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ю"}
)
"""``5-го``, ``21-й``, ``3-я``. ``-х``/``-ти``/``-ми`` are cardinal (``2-х`` = ``двух``)."""
RU_DECADE_SUFFIXES = frozenset({"х", "ых", "е", "ые"})
"""After a year: ``1990-х``, ``1990-е`` (the 1990s)."""
AZ_ORDINAL_SUFFIX = r"(?:[ıiuü]?nc[ıiuü]|c[ıiuü])[^\W\d_]*"
"""``1992-ci``, ``3-cü``, ``10-cu``, ``5-inci``, ``5-cisi``."""
EN_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
EN_DECADE_SUFFIXES = frozenset({"s", "'s", "’s"})
