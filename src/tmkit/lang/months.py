"""Month names of the newsroom's languages, for comparing dates written two ways.

``05.03.2025`` in a Russian text and "5 March 2025" in its English translation are the same
date, but only the first writes the month as a number. :func:`month_numbers` says which
months a text names in words (English names and abbreviations, Russian and Azerbaijani
names in any case form: «марта», "martın"), so a check can accept a numeric month whose
name stands on the other side.
"""

from __future__ import annotations

import regex

_ENGLISH = ("january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul",
            "august|aug", "september|sept|sep", "october|oct", "november|nov", "december|dec")
_RUSSIAN = ("январ", "феврал", "март", "апрел", "ма[йяюе]", "июн", "июл", "август", "сентябр",
            "октябр", "ноябр", "декабр")
_AZERBAIJANI = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
                "oktyabr", "noyabr", "dekabr")
_AZ_ENDING = r"(?:ın|in|un|ün|ında|ində|ından|indən|ınadək|inədək|da|də|dan|dən|a|ə|ı|i|u|ü)?"
"""Case endings an Azerbaijani month name takes in dates (``martın 5-i``, ``mayda``)."""


def _month(number: int) -> str:
    english = rf"(?:{_ENGLISH[number - 1]})\.?(?![\p{{L}}\p{{M}}])"
    russian = rf"{_RUSSIAN[number - 1]}[\p{{Cyrillic}}]*"
    azerbaijani = rf"{_AZERBAIJANI[number - 1]}{_AZ_ENDING}(?![\p{{L}}\p{{M}}])"
    return rf"(?P<m{number}>{english}|{russian}|{azerbaijani})"


_PATTERN = regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(_month(n) for n in range(1, 13)) + ")",
                         regex.IGNORECASE)


def month_numbers(text: str) -> list[int]:
    """The months ``text`` names in words, as numbers 1-12, in order (repeats kept)."""
    return [int(match.lastgroup[1:]) for match in _PATTERN.finditer(text)]
