"""Read the numbers a text states, normalized so English, Russian and Azerbaijani compare.

QA checks ask "does the target state the same quantities as the source?" and alignment uses
numbers as anchors. Both need ``$5bn``, ``5 млрд долларов`` and ``5 milyard dollar`` to come
out as the same value (5000000000, unit ``usd``), whatever the locale's separators.

The reader makes one pass of one compiled ``re`` pattern per language over the text; each
match is then interpreted by a few dictionary lookups. Decisions worth knowing (also in
README.md, "Numbers and names"):

* A comma or dot followed by exactly three digits is a thousands separator when the locale
  says so (``1,700`` in English, ``1.700`` in Azerbaijani/Russian) and a decimal separator
  when the locale says so (``1,700`` in Russian -> 1.7). The other reading goes into
  ``alternatives`` except where the locale's convention is firm (English ``1,700``,
  Azerbaijani ``1.700``). Several groups (``1,700,000``), spaces, or a decimal part with the
  other separator (``1.700,5``) are never ambiguous.
* Digits glued to a preceding letter are part of an identifier and are not read (``G7``,
  ``A4``, ``MH17``); after a hyphen they are (``COVID-19`` -> 19, ``Su-27`` -> 27).
  Digits glued to following letters are read (``5km``, ``5G`` -> 5) unless more digits follow
  (``4x4``). Dotted sequences that are neither decimals nor dates (``1.2.3``, IP addresses)
  and international phone numbers (``+994 12 345 67 89``) are skipped.
* Numeric dates (``27.11.2026``, ``27/11/2026``, ``2026-11-27``) give three mentions: day
  and month with kind ``date``, the year with kind ``year``.
* A year written with an ordinal or decade ending (``1992-ci``, ``1992-й``, ``1990-х``,
  ``1990s``) has kind ``year``, so it compares with a bare ``1992`` in another language;
  other ordinals (``5-ci``, ``21-го``, ``21st``) have kind ``ordinal``.
* A range (``2019-2020``, ``5–7%``, ``$5-7bn``) gives two mentions; a percent sign, scale or
  currency after the second number applies to both.
* Spelled-out numbers (1-19, tens, compounds such as ``twenty-five``/``двадцать пять``) have
  kind ``word``: they are soft evidence (English ``one``, Azerbaijani ``bir`` are often not
  numbers). With a scale or percent word they count as ``plain``/``percent``.
* Percentage points (``2 percentage points``, ``2 п. п.``, ``2 faiz bəndi``) have kind
  ``points``, not ``percent``: a change of 2 points and a change of 2 % are different news.
* A time of day (``22:00``, ``10 p.m.``, ``10:30 p.m.``, ``10 часов вечера``, Russian and
  Azerbaijani ``22.00``, ``22:00-da``, ``noon``/``полночь``) is one mention of kind ``time``
  valued on the 24-hour clock as hour.minutes (22:30 -> 22.30), so ``22:00`` yields no
  stray ``00`` and 10 p.m. equals 22:00.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from tmkit.lang import number_words as words
from tmkit.lang.base import NumberMention

_SPACE_SEPARATORS = frozenset(" \u00a0\u202f\u2009")
_SP_CHARS = " \t\u00a0\u202f\u2009"
_SP = f"[{_SP_CHARS}]"
_LETTER = r"[^\W\d_]"
_YEAR_RANGE = (1000, 2100)


@dataclass(frozen=True, slots=True, eq=False)
class _Profile:
    """What the reader needs to know about one language's way of writing numbers."""

    code: str
    decimal_separator: str | None
    """``.`` or ``,`` when the locale's convention is known; None guesses conservatively."""
    firm_thousands: bool
    """True when a single ``.``/``,`` group in the thousands role is the settled convention."""
    units: dict[str, int | Decimal]
    teens: dict[str, int | Decimal]
    tens: dict[str, int | Decimal]
    scales: tuple[tuple[str, int], ...]
    currency_words: tuple[tuple[str, str], ...]
    percent: str
    minus: str
    word_suffix: str
    points: str = "(?!)"
    """Percentage-point words (``percentage points``, ``п. п.``, ``faiz bəndi``)."""
    clock_markers: tuple[tuple[str, str], ...] = ()
    """(pattern, meridiem) that make an hour a time of day: ``10 p.m.``, ``10 часов вечера``."""
    clock_starts: str = ""
    """The lower-case letters those markers begin with, for a quick test before the full one."""
    dot_times: bool = False
    """Whether ``22.00`` is a time: Russian and Azerbaijani write decimals with a comma."""
    noon: tuple[str, ...] = ()
    """Word forms that name noon (``noon``, ``полдень``, ``günorta``) and midnight."""
    midnight: tuple[str, ...] = ()


_EN = _Profile(
    "en",
    ".",
    True,
    dict(words.EN_UNITS),
    dict(words.EN_TEENS),
    dict(words.EN_TENS),
    words.EN_SCALES,
    words.EN_CURRENCY_WORDS,
    words.EN_PERCENT,
    words.EN_MINUS,
    "(?!)",
    words.EN_POINTS,
    words.EN_CLOCK_MARKERS,
    words.EN_CLOCK_STARTS,
    False,
    words.EN_NOON,
    words.EN_MIDNIGHT,
)
_PROFILES: dict[str, _Profile] = {
    "en": _EN,
    "ru": _Profile(
        "ru",
        ",",
        False,
        words.RU_UNITS,
        words.RU_TEENS,
        words.RU_TENS,
        words.RU_SCALES,
        words.RU_CURRENCY_WORDS,
        words.RU_PERCENT,
        words.RU_MINUS,
        "(?!)",
        words.RU_POINTS,
        words.RU_CLOCK_MARKERS,
        words.RU_CLOCK_STARTS,
        True,
        words.RU_NOON,
        words.RU_MIDNIGHT,
    ),
    "az": _Profile(
        "az",
        ",",
        True,
        words.AZ_UNITS,
        words.AZ_TEENS,
        words.AZ_TENS,
        words.AZ_SCALES,
        words.AZ_CURRENCY_WORDS,
        words.AZ_PERCENT,
        words.AZ_MINUS,
        words.AZ_WORD_SUFFIX,
        words.AZ_POINTS,
        (),
        "",
        True,
        words.AZ_NOON,
        words.AZ_MIDNIGHT,
    ),
}
_GENERIC = _Profile(
    "generic",
    None,
    False,
    _EN.units,
    _EN.teens,
    _EN.tens,
    _EN.scales,
    _EN.currency_words,
    _EN.percent,
    _EN.minus,
    "(?!)",
    _EN.points,
    _EN.clock_markers,
    _EN.clock_starts,
)


@functools.lru_cache(maxsize=256)
def _profile(lang: str) -> _Profile:
    primary = lang.replace("_", "-").split("-")[0].lower()
    return _PROFILES.get(primary, _GENERIC)


def _alternation(patterns: object) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _casings(form: str) -> set[str]:
    """The spellings a word takes in running text, headlines and sentence starts.

    The scan runs case-sensitively (case-insensitive matching made it several times slower),
    so each word is listed lower-case, capitalized and in capitals, the Azerbaijani way too
    (``iki`` -> ``İKİ``, ``altı`` -> ``ALTI``).
    """
    az_upper = form.replace("i", "İ").replace("ı", "I").upper()
    return {form, form.upper(), form[:1].upper() + form[1:], az_upper, az_upper[:1] + form[1:]}


def _words_alternation(forms: object) -> str:
    """Literal word forms in every casing as one trie-shaped alternation.

    ``re`` tries the branches of an alternation one after another at every word start, so
    a flat list of some 400 forms made number reading the slowest step of ``tmkit check``.
    Factoring shared prefixes (``пят(?:ь(?:десят)?|и...)``) leaves a handful of branches per
    character. Longer forms are still preferred: a node's continuation is greedy.
    """
    trie: dict[str, dict] = {}
    for spelling in {variant for form in forms for variant in _casings(form)}:
        node = trie
        for char in spelling:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends_here else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


def _number(p: str) -> str:
    """Digits with optional thousands groups (one consistent separator) and decimal part."""
    return (
        rf"(?P<{p}i>[0-9]{{1,3}}(?P<{p}g>[ \u00a0\u202f\u2009,.])[0-9]{{3}}"
        rf"(?:(?P={p}g)[0-9]{{3}})*(?![0-9])|[0-9]+)"
        rf"(?:(?!(?P={p}g))(?P<{p}d>[.,])(?P<{p}f>[0-9]+))?(?![.,]?[0-9])"
    )


def _time_pattern(profile: _Profile, currency_after: str) -> str:
    """A time of day: ``22:00``, ``10 p.m.``, ``10:30 p.m.``, ``10 часов вечера``, ``22.00``
    in Russian or Azerbaijani (not before a percent, scale or currency: ``1.25 доллара``
    is an English decimal), with an Azerbaijani ending (``22:00-da``).

    Read as one mention, so ``22:00`` states one figure, not 22 and a stray ``00``. Hours
    without minutes or marker, and ``h.mm`` in English, are left to the number reader.
    """
    markers = _alternation(p for p, _ in profile.clock_markers) or "(?!)"
    if profile.dot_times:
        units = _alternation((profile.percent, profile.points, *(p for p, _ in profile.scales)))
        dot_ok = rf"(?!{_SP}?(?:(?i:{units})|{currency_after}))"
    else:
        dot_ok = "(?!)"
    # a cheap guard first: most figures are followed by neither a colon, a dot nor a marker
    starts = profile.clock_starts + profile.clock_starts.upper()
    guard = rf"(?=[0-9]{{1,2}}(?:[:.][0-5]|{_SP}?[{starts or ':'}]))"
    return (
        rf"(?P<time>{guard}(?<![0-9]:)(?P<th>[0-9]{{1,2}})(?:(?:(?P<tc>:)|(?P<td>\.))(?P<tm>[0-5][0-9]))?(?![0-9]|[.,:][0-9])"
        rf"(?:{_SP}?(?P<ap>(?i:{markers})))?"
        rf"(?(ap)|(?(tc)|(?(td){dot_ok}|(?!))))"
        rf"(?:-{_LETTER}+)?(?![\w]))"
    )


def _day_words_pattern(profile: _Profile) -> str:
    """Noon or midnight named by a word, with an Azerbaijani ending where the language has them."""
    ending = rf"(?:{profile.word_suffix})?(?!{_LETTER})"
    noon = _words_alternation(profile.noon) if profile.noon else "(?!)"
    midnight = _words_alternation(profile.midnight) if profile.midnight else "(?!)"
    return rf"(?P<noon>{noon}){ending}|(?P<midnight>{midnight}){ending}"


@functools.cache
def _pattern(profile: _Profile) -> re.Pattern[str]:
    symbols = "|".join(re.escape(s) for s in sorted(words.CURRENCY_SYMBOLS, key=len, reverse=True))
    codes = "|".join(words.CURRENCY_CODES)
    prefix_currency = rf"{symbols}|(?:{codes})(?={_SP}?[0-9])"
    currency_after = (
        rf"{symbols}|(?:{codes})(?!{_LETTER})|(?i:{_alternation(p for p, _ in profile.currency_words)})"
    )
    scale = (
        f"(?i:{_alternation(p for p, _ in profile.scales)})"
        f"|(?(pc)(?i:{_alternation(p for p, _ in words.CURRENCY_ONLY_SCALES)})|(?!))"
    )
    tail = (
        rf"{_SP}?(?P<pts>(?i:{profile.points}))"
        rf"|{_SP}?(?P<pct>(?i:{profile.percent}))"
        rf"|{_SP}?(?P<sc>{scale})(?:{_SP}?(?P<cu>{currency_after}))?"
        rf"|{_SP}?(?P<cua>{currency_after})"
    )
    prefix = (
        rf"(?P<sign>[-−+](?=[0-9])|(?:{_words_alternation([profile.minus])}){_SP}+)?"
        rf"(?:(?P<pp>%){_SP}?)?(?:(?P<pc>{prefix_currency}){_SP}?)?"
    )
    all_words = {**profile.units, **profile.teens, **profile.tens}
    spelled = (
        rf"(?:(?P<wt>{_words_alternation(profile.tens)})(?:[{_SP_CHARS}-](?P<wu>{_words_alternation(profile.units)}))?"
        rf"|(?P<wa>{_words_alternation(all_words)}))"
        rf"(?P<ws>{profile.word_suffix})?(?!-?{_LETTER})(?!\d)"
    )
    digits = rf"(?P<a>{_number('a')})(?:(?P<rs>{_SP}?[-–—]{_SP}?)(?P<b>{_number('b')}))?"
    # Digits may end in an ending (-ci, -го), a tail (%, scale, currency) or glued letters
    # (5km, 1990s) and must then end the word; spelled numbers take an optional tail. The tail
    # is tried first for both (stdlib ``re`` allows each group name only once).
    after = (
        rf"(?:{tail})|(?(a)(?:-(?P<hs>{_LETTER}+)(?![\d_])|(?P<gl>{_LETTER}+|['’]s(?!{_LETTER}))(?![\d_])"
        rf"|(?!\w))|)"
    )
    # The engine cannot skip ahead through an optional prefix, so a gate says where a mention
    # can start: a digit, sign or symbol, or a whole word that is a number word, a currency
    # code or "minus" (the trie fails on most words at the first or second letter). A gate of
    # first letters only let through most Russian word starts, and trying the mention there
    # cost about 30 % more instructions per text. The word-start test goes first: it rejects
    # most positions with one character compared.
    singles = {"+", "-", "−", "%", *"0123456789", *(s[0] for s in words.CURRENCY_SYMBOLS)}
    openers = _words_alternation((*words.CURRENCY_CODES, profile.minus, *all_words, *profile.noon,
                                  *profile.midnight))
    gate = (r"(?<!\w)(?=[" + "".join(sorted(re.escape(c) for c in singles)) + "]|" + openers
            + r")(?<!\d[.,])")
    pattern = (
        rf"{gate}(?:(?P<date>(?P<dd>[0-9]{{1,2}})(?P<dsep>[./])(?P<dm>[0-9]{{1,2}})(?P=dsep)(?P<dy>[0-9]{{4}})"
        rf"(?!\w|[.,/][0-9]))"
        rf"|(?P<iso>(?P<iy>[0-9]{{4}})-(?P<im>[0-9]{{2}})-(?P<id>[0-9]{{2}})"
        rf"(?!\w|[-.,/][0-9]))"
        rf"|(?P<phone>\+[0-9](?:[ \-().]{{0,2}}[0-9]){{6,}})"
        rf"|{_time_pattern(profile, currency_after)}"
        rf"|{_day_words_pattern(profile)}"
        rf"|(?P<mention>{prefix}(?:{digits}|{spelled})(?:{after})))"
    )
    return re.compile(pattern)


@functools.cache
def _group_names(profile: _Profile) -> tuple[str, ...]:
    """Group names of the profile's pattern by number, so each match becomes a dict in one step.

    Cached by profile, not by pattern: hashing a compiled ``re`` pattern hashes its source.
    """
    pattern = _pattern(profile)
    names = {index: name for name, index in pattern.groupindex.items()}
    return tuple(names[index] for index in range(1, pattern.groups + 1))


@functools.cache
def _scale_words(profile: _Profile) -> tuple[tuple[re.Pattern[str], int], ...]:
    """Compiled scale patterns with their power of ten, to tell which one matched."""
    pairs = (*profile.scales, *words.CURRENCY_ONLY_SCALES)
    return tuple((re.compile(p, re.IGNORECASE), power) for p, power in pairs)


@functools.cache
def _currency_words(profile: _Profile) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled currency-name patterns with their code, to tell which one matched."""
    return tuple((re.compile(p, re.IGNORECASE), code) for p, code in profile.currency_words)


def _scale(profile: _Profile, text: str | None) -> Decimal:
    if text is None:
        return Decimal(1)
    power = next(power for compiled, power in _scale_words(profile) if compiled.fullmatch(text))
    return Decimal(10) ** power


def _currency(profile: _Profile, text: str | None) -> str | None:
    if text is None:
        return None
    if text in words.CURRENCY_SYMBOLS:
        return words.CURRENCY_SYMBOLS[text]
    if text in words.CURRENCY_CODES:
        return text.lower()
    return next(code for compiled, code in _currency_words(profile) if compiled.fullmatch(text))


def _clean(value: Decimal) -> Decimal:
    """One spelling per quantity: integers without exponent or trailing zeros (5E+9 -> 5000000000)."""
    if value == value.to_integral_value():
        if value.adjusted() >= _INTEGER_DIGITS:  # quantize would need more digits than Decimal keeps
            return value
        return value.quantize(Decimal(1))
    return value.normalize()


_INTEGER_DIGITS = 28
"""Integers below this exponent (28 digits) are written out in full; a 29-digit figure (a typo, a serial
number) is kept as read instead of failing the default 28-digit precision."""


@dataclass(frozen=True, slots=True)
class _Digits:
    value: Decimal
    alternatives: tuple[Decimal, ...]
    bare: bool
    """No separators or decimal part: the only shape a year has."""


def _read_digits(g: dict[str, str | None], p: str, profile: _Profile) -> _Digits:
    integer, group, dec, frac = g[f"{p}i"], g[f"{p}g"], g[f"{p}d"], g[f"{p}f"]
    assert integer is not None
    fraction = f".{frac}" if dec else ""
    digits = integer if group is None else integer.replace(group, "")
    value = Decimal(digits + fraction)
    alternatives: tuple[Decimal, ...] = ()
    single_group = group is not None and integer.count(group) == 1 and dec is None
    if single_group and group not in _SPACE_SEPARATORS:
        head, tail = integer.split(group)
        as_decimal = Decimal(f"{head}.{tail}")
        if group == profile.decimal_separator:
            value, alternatives = as_decimal, (value,)
        elif not profile.firm_thousands:
            alternatives = (as_decimal,)
    return _Digits(value, alternatives, group is None and dec is None)


def _suffix_kind(profile: _Profile, suffix: str, value: Decimal, bare: bool) -> str | None:
    """Kind implied by an ending after digits (``-ci``, ``-го``, ``st``, ``s``), if any."""
    suffix = suffix.lower()
    is_year = bare and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]
    ordinal = decade = False
    if profile.code == "az":
        ordinal = re.fullmatch(words.AZ_ORDINAL_SUFFIX, suffix) is not None
    elif profile.code == "ru":
        ordinal = suffix in words.RU_ORDINAL_SUFFIXES
        decade = suffix in words.RU_DECADE_SUFFIXES
    else:
        ordinal = suffix in words.EN_ORDINAL_SUFFIXES
        decade = suffix in words.EN_DECADE_SUFFIXES
    if (ordinal or decade) and is_year:
        return "year"
    if ordinal:
        return "ordinal"
    return None


def _kind(value: Decimal, bare: bool, plain_context: bool) -> str:
    if value != value.to_integral_value():
        return "decimal"
    if bare and plain_context and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]:
        return "year"
    return "plain"


def _date_mentions(m: re.Match[str], g: dict[str, str | None]) -> list[NumberMention]:
    text = m.string
    if g["date"]:
        parts = [("dd", "date"), ("dm", "date"), ("dy", "year")]
        day, month = int(g["dd"] or 0), int(g["dm"] or 0)
        valid = 1 <= day <= 31 and 1 <= month <= 12 or 1 <= month <= 31 and 1 <= day <= 12
    else:
        parts = [("iy", "year"), ("im", "date"), ("id", "date")]
        valid = 1 <= int(g["im"] or 0) <= 12 and 1 <= int(g["id"] or 0) <= 31
    mentions = []
    for group, kind in parts:
        start, end = m.span(group)
        mentions.append(
            NumberMention(Decimal(text[start:end]), start, end, text[start:end], kind if valid else "plain")
        )
    return mentions


@functools.cache
def _clock_markers(profile: _Profile) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled clock markers with their meridiem, to tell which one matched."""
    return tuple((re.compile(p, re.IGNORECASE), meridiem) for p, meridiem in profile.clock_markers)


def _meridiem(profile: _Profile, marker: str | None) -> str | None:
    if marker is None:
        return None
    return next(meridiem for compiled, meridiem in _clock_markers(profile) if compiled.fullmatch(marker))


def clock_hour(hour: int, meridiem: str | None) -> int | None:
    """The hour on the 24-hour clock (0-23), or None when ``hour`` is no hour of that marker.

    12 a.m. is midnight and 12 p.m. noon; Russian "11 часов ночи" is 23:00 but "2 часа ночи"
    2:00. An hour past 12 ignores the marker ("22:00 p.m." is still 22:00); 24:00 is midnight.
    """
    if meridiem is None or hour > 12:
        return hour % 24 if 0 <= hour <= 24 else None
    if hour == 0:
        return None
    if meridiem == "am":
        return hour % 12
    if meridiem == "night":
        return 0 if hour == 12 else hour + 12 if hour >= 6 else hour
    return 12 if hour == 12 else hour + 12


def _time_mentions(m: re.Match[str], g: dict[str, str | None], profile: _Profile) -> list[NumberMention]:
    """One ``time`` mention, valued hour.minutes (22:30 -> 22.30, 10 p.m. -> 22), so equal times
    compare equal in any notation and a full hour keeps its value for the memory's number repair.
    An impossible time (``25:70``) is read the way plain digits are."""
    text = m.string
    hour, minutes = int(g["th"] or 0), g["tm"]
    hour24 = clock_hour(hour, _meridiem(profile, g["ap"]))
    if hour24 is not None:
        value = _clean(Decimal(hour24) + Decimal(int(minutes or 0)) / 100)
        return [NumberMention(value, m.start(), m.end(), m.group(0), "time")]
    start, end = m.span("th")
    mentions = [NumberMention(Decimal(hour), start, end, text[start:end], "plain")]
    if minutes is not None and g["td"]:
        return [NumberMention(_clean(Decimal(f"{hour}.{minutes}")), start, m.end("tm"),
                              text[start:m.end("tm")], "decimal")]
    if minutes is not None:
        mstart, mend = m.span("tm")
        mentions.append(NumberMention(Decimal(minutes), mstart, mend, minutes, "plain"))
    return mentions


def _fold_word(word: str) -> str:
    """Lookup form of a number word: lower case, ё as е, Azerbaijani ı and dotted İ as i."""
    return word.lower().replace("\u0307", "").replace("ı", "i").replace("ё", "е")


@functools.cache
def _word_values(profile: _Profile) -> dict[str, Decimal]:
    table = {**profile.units, **profile.teens, **profile.tens}
    return {_fold_word(form): Decimal(value) for form, value in table.items()}


def _spelled_value(g: dict[str, str | None], profile: _Profile) -> Decimal | None:
    """Value of ``twenty-five``/``двадцать пять``/``iyirmi beş``; None for a suffixed ``on``."""
    tens, unit, alone = (_fold_word(w) if w else None for w in (g["wt"], g["wu"], g["wa"]))
    if g["ws"] and (unit or tens or alone) in words.AZ_NO_SUFFIX:
        return None
    values = _word_values(profile)
    if alone:
        return values[alone]
    assert tens is not None
    return values[tens] + (values[unit] if unit else Decimal(0))


def _mention(m: re.Match[str], g: dict[str, str | None], profile: _Profile) -> list[NumberMention]:
    text = m.string
    pct = g["pct"] is not None or g["pp"] is not None
    points = g["pts"] is not None
    unit = _currency(profile, g["cu"] or g["cua"]) or _currency(profile, g["pc"])
    scale_word = g["sc"]
    scale = _scale(profile, scale_word)
    sign = Decimal(-1) if g["sign"] and g["sign"] != "+" else Decimal(1)
    plain_context = not (pct or points or unit or scale_word or g["sign"])

    if g["a"] is None:
        spelled = _spelled_value(g, profile)
        if spelled is None:
            return []
        kind = "points" if points else "percent" if pct else ("plain" if scale_word else "word")
        value = _clean(sign * spelled * scale)
        return [NumberMention(value, m.start(), m.end(), m.group(0), kind, unit)]

    suffix = g["hs"] or g["gl"]
    reads = [_read_digits(g, "a", profile)]
    if g["b"] is not None:
        reads.append(_read_digits(g, "b", profile))
    spans = [(m.start(), m.end())] if len(reads) == 1 else [(m.start(), m.end("a")), (m.start("b"), m.end())]
    mentions = []
    for index, (read, (start, end)) in enumerate(zip(reads, spans, strict=True)):
        factor = (sign if index == 0 else Decimal(1)) * scale
        value = _clean(read.value * factor)
        alternatives = tuple(_clean(a * factor) for a in read.alternatives)
        is_last = index == len(reads) - 1
        kind = None
        if points:
            kind = "points"
        elif pct:
            kind = "percent"
        elif suffix and is_last:
            kind = _suffix_kind(profile, suffix, read.value, read.bare)
        if kind is None:
            kind = _kind(value, read.bare, plain_context)
        mentions.append(NumberMention(value, start, end, text[start:end], kind, unit, alternatives))
    return mentions


_Shape = tuple[Decimal, int, int, str, "str | None", tuple[Decimal, ...]]
"""A mention relative to the start of its match: (value, start, end, kind, unit, alternatives)."""

_SHAPES: dict[tuple[_Profile, tuple[str | None, ...]], tuple[_Shape, ...]] = {}
_SHAPES_LIMIT = 100_000


def _shapes(m: re.Match[str], profile: _Profile) -> tuple[_Shape, ...]:
    """What one match states, cached by its groups.

    The same figures recur all through a newsroom's texts (years, "5 %", "$2bn"); a match
    with the same groups always means the same, so its interpretation (group dict, Decimal
    arithmetic, kind and unit decisions) is made once per spelling, not once per sentence.
    """
    groups = m.groups()
    key = (profile, groups)
    shapes = _SHAPES.get(key)
    if shapes is not None:
        return shapes
    g = dict(zip(_group_names(profile), groups, strict=True))
    if g["phone"]:
        mentions = []
    elif g["time"]:
        mentions = _time_mentions(m, g, profile)
    elif g["noon"] or g["midnight"]:
        value = Decimal(12) if g["noon"] else Decimal(0)
        mentions = [NumberMention(value, m.start(), m.end(), m.group(0), "time")]
    elif g["date"] or g["iso"]:
        mentions = _date_mentions(m, g)
    else:
        mentions = _mention(m, g, profile)
    base = m.start()
    shapes = tuple((n.value, n.start - base, n.end - base, n.kind, n.unit, n.alternatives) for n in mentions)
    if len(_SHAPES) >= _SHAPES_LIMIT:
        _SHAPES.clear()
    _SHAPES[key] = shapes
    return shapes


def read_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number ``text`` states, in order, with scale words, percent and currency applied.

    ``lang`` is a language code (``en``, ``ru``, ``az``, ``ru-RU``...); any other language is
    read with English words and both separator conventions guessed (``alternatives`` set).
    """
    profile = _profile(lang)
    mentions: list[NumberMention] = []
    for m in _pattern(profile).finditer(text):
        base = m.start()
        for value, start, end, kind, unit, alternatives in _shapes(m, profile):
            start += base
            end += base
            mentions.append(NumberMention(value, start, end, text[start:end], kind, unit, alternatives))
    return mentions


def value_key(value: Decimal) -> Decimal:
    """A value as figures are compared: "минус 5" and "-5" are the same figure, 2.50 and 2.5 too."""
    return abs(value).normalize()


_MENTION_KEYS: dict[tuple[Decimal, tuple[Decimal, ...]], frozenset[Decimal]] = {}


def mention_keys(mention: NumberMention) -> frozenset[Decimal]:
    """The :func:`value_key` of a mention's value and of every other value its ambiguous
    separators allow (``1,700`` in Russian). Two mentions state the same figure when their
    keys meet; QA and the memory's number repair both compare this way.

    Cached by value: the same figures recur across a document and Decimal arithmetic is not free.
    """
    cache_key = (mention.value, mention.alternatives)
    keys = _MENTION_KEYS.get(cache_key)
    if keys is None:
        if len(_MENTION_KEYS) >= 100_000:
            _MENTION_KEYS.clear()
        keys = _MENTION_KEYS[cache_key] = frozenset(
            {value_key(mention.value), *(value_key(v) for v in mention.alternatives)})
    return keys
