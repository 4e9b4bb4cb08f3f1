"""Ordinal numbers written as words, for comparing ``3rd`` with «третий» and "üçüncü".

Translations move freely between ``the 3rd round``, «третий раунд» and "üçüncü raund":
:func:`ordinal_words` reads the ordinal words of a text (1 to 99; Russian in any case and
gender, Azerbaijani with its suffixes) so a check can accept a digit ordinal whose words
stand on the other side.
"""

from __future__ import annotations

import regex

_EN_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_EN_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth")
_EN_TENS = ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
            "ninetieth")
_EN_TENS_CARDINAL = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

_RU_UNITS = ("перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят")
_RU_TEENS = ("десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат",
             "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат")
_RU_TENS = ("двадцат", "тридцат", "сороков", "пятидесят", "шестидесят", "семидесят", "восьмидесят",
            "девяност")
_RU_TENS_CARDINAL = ("двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
                     "восемьдесят", "девяносто")
_RU_ENDING = r"(?:ий|ый|ой|ая|ое|ье|ья|ьи|ьего|ьей|ьему|ьим|ьем|ью|его|ого|ей|ему|ому|им|ым|ем|ом|ую|ые|ых|ыми|ие|их|ими)"

_AZ_UNITS = ("birinci", "ikinci", "üçüncü", "dördüncü", "beşinci", "altıncı", "yeddinci",
             "səkkizinci", "doqquzuncu")
_AZ_TENS = ("onuncu", "iyirminci", "otuzuncu", "qırxıncı", "əllinci", "altmışıncı", "yetmişinci",
            "səksəninci", "doxsanıncı")
_AZ_TENS_CARDINAL = ("on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan")

_END = r"(?![\p{L}\p{M}])"
_AZ_SUFFIX = r"[\p{Ll}]*"


def _alternatives(forms: dict[str, int]) -> str:
    return "|".join(f"(?P<n{value}_{index}>{form})" for index, (form, value) in enumerate(forms.items()))


def _table() -> dict[str, int]:
    """Pattern -> value, compound forms first so "twenty-first" is not read as "first"."""
    forms: dict[str, int] = {}
    for tens, cardinal in enumerate(_EN_TENS_CARDINAL, 2):
        for unit, word in enumerate(_EN_UNITS, 1):
            forms[rf"{cardinal}[- ]{word}{_END}"] = tens * 10 + unit
    for tens, cardinal in enumerate(_RU_TENS_CARDINAL, 2):
        for unit, stem in enumerate(_RU_UNITS, 1):
            forms[rf"{cardinal}\s+{stem}{_RU_ENDING}{_END}"] = tens * 10 + unit
    for tens, cardinal in enumerate(_AZ_TENS_CARDINAL, 1):
        for unit, word in enumerate(_AZ_UNITS, 1):
            forms[rf"{cardinal}\s+{word}{_AZ_SUFFIX}{_END}"] = tens * 10 + unit
    for value, word in enumerate((*_EN_UNITS, *_EN_TEENS), 1):
        forms[rf"{word}{_END}"] = value
    for tens, word in enumerate(_EN_TENS, 2):
        forms[rf"{word}{_END}"] = tens * 10
    for value, stem in enumerate((*_RU_UNITS, *_RU_TEENS), 1):
        forms[rf"{stem}{_RU_ENDING}{_END}"] = value
    for tens, stem in enumerate(_RU_TENS, 2):
        forms[rf"{stem}{_RU_ENDING}{_END}"] = tens * 10
    for value, word in enumerate(_AZ_UNITS, 1):
        forms[rf"{word}{_AZ_SUFFIX}{_END}"] = value
    for tens, word in enumerate(_AZ_TENS, 1):
        forms[rf"{word}{_AZ_SUFFIX}{_END}"] = tens * 10
    return forms


_FORMS = _table()
_VALUES = {f"n{value}_{index}": value for index, value in enumerate(_FORMS.values())}
_PATTERN = regex.compile(r"(?<![\p{L}\p{M}])(?:" + _alternatives(_FORMS) + ")", regex.IGNORECASE)


def ordinal_words(text: str) -> list[int]:
    """The ordinal numbers ``text`` writes in words (1-99), in order."""
    return [_VALUES[match.lastgroup] for match in _PATTERN.finditer(text)]
