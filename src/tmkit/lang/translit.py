"""Russian romanization and spelling-tolerant name keys for the names check and alignment.

A newsroom writes the same person as ``Алиев``, ``Aliyev``, ``Aliev`` and ``Əliyev``. The names
check must accept all of them and still tell ``Khachaturyan`` from ``Хачатуров``. Two steps:

1. ``romanize`` turns Cyrillic into Latin with a standard scheme (the ``iuliia`` package's
   tables), made safe: iuliia's BGN/PCGN table leaves ``ё`` in its output and some tables emit
   non-ASCII marks, so every result is folded to plain ASCII letters.
2. ``name_key`` folds a Latin spelling to a key that is the same for every usual
   romanization of one Russian name: ``kh``/``h``/``x`` -> one letter, ``y``/``j``/``i`` ->
   ``i``, ``ye``/``ie``/``e`` -> ``e``, ``yo``/``e`` (ё) -> ``e``, softening after a consonant
   dropped (``Alyat``/``Alat``, ``Lyudmila``/``Ludmila``), ``ts``/``c`` -> one letter,
   ``shch``/``sch``/``shh`` -> one letter, doubled letters collapsed, marks dropped.

``azerbaijani_name_keys`` does the same for the Azerbaijani alphabet (``ə``, ``ş``, ``x``...),
``cyrillic_name_key`` for Russian words, and ``name_keys`` picks the right one for a language.
Gendered surname forms stay different (``Aliyev`` and ``Алиева`` do not match): a translator
who turns a woman into a man has changed the person, which is what the check is for.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata

import iuliia
import regex

SCHEMES: dict[str, iuliia.Schema] = {
    "bgn": iuliia.BGN_PCGN,
    "wikipedia": iuliia.WIKIPEDIA,
    "icao": iuliia.ICAO_DOC_9303,
    "gost": iuliia.GOST_7034,
    "iso": iuliia.ISO_9_1954,
}
"""Scheme names ``romanize`` accepts: BGN/PCGN (``Aliyev``), Wikipedia, the spelling most
English news uses (``Yeltsin``), ICAO passports (``Iuliia``), GOST 7.79-style ASCII
(``Xachaturyan``) and ISO 9 with its diacritics folded (``Hacaturjan`` -> ``Hachaturjan``)."""

_CYRILLIC_WORD = regex.compile(r"[\p{Cyrillic}\u0301]+")
_LATIN_FOLD = str.maketrans(
    {
        "š": "sh",
        "č": "ch",
        "ž": "zh",
        "ŝ": "shch",
        "ĉ": "ch",
        "û": "yu",
        "â": "ya",
        "ë": "e",
        "ё": "e",
        "Ё": "E",
        "ə": "a",
        "ı": "i",
        "ş": "sh",
        "ç": "ch",
        "ğ": "g",
        "ö": "o",
        "ü": "u",
    }
)
_MARKS = regex.compile(r"[\u00b7\u2019\u201d\u02b9\u02ba\u02bc'\"`\u0301]")


def _fold_to_ascii(text: str) -> str:
    """Lower-case Latin with scheme diacritics spelled out (``š`` -> ``sh``) and marks removed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _recase(romanized: str, original: str) -> str:
    if len(original) > 1 and original.isupper():
        return romanized.upper()
    if original[:1].isupper():
        return romanized[:1].upper() + romanized[1:]
    return romanized


@functools.lru_cache(maxsize=65536)
def _romanize_word(word: str, schema: iuliia.Schema, keep_marks: bool) -> str:
    # iuliia decides ``ye``/``e`` from the neighbours, so a word is translated whole, in lower
    # case (its tables mishandle capitals such as ``Ё`` inside all-caps words) and re-cased.
    latin = schema.translate(word.lower())
    if not keep_marks:
        latin = _MARKS.sub("", latin)
    latin = _fold_to_ascii(latin)
    return _recase(latin, word)


def romanize(text: str, scheme: str = "bgn", *, keep_marks: bool = False) -> str:
    """``text`` with every Cyrillic word romanized by ``scheme`` (see ``SCHEMES``).

    Latin text, digits and punctuation pass through unchanged. Soft and hard sign marks
    (``Vasil’yev``) are dropped unless ``keep_marks``, since English news omits them.
    The result never contains Cyrillic or combining marks for Russian input.
    """
    try:
        schema = SCHEMES[scheme]
    except KeyError:
        raise ValueError(
            f"unknown romanization scheme {scheme!r}; choose from {', '.join(SCHEMES)}"
        ) from None
    return _CYRILLIC_WORD.sub(lambda m: _romanize_word(m.group(0), schema, keep_marks), text)


def romanizations(word: str) -> set[str]:
    """Every accepted Latin spelling of a Russian name: each scheme plus news habits.

    News writers end ``-ий``/``-ый`` in ``-y`` (``Dmitry``, ``Navalny``) and ``-ей`` in ``-ei``
    (``Sergei``); both variants are added. Compare spellings with ``name_key``.
    """
    spellings = {romanize(word, scheme) for scheme in SCHEMES}
    for spelling in list(spellings):
        spellings.add(regex.sub(r"(?<=\p{L}{2})(?:iy|yy|ii)$", "y", spelling))
        spellings.add(regex.sub(r"(?<=\p{L})ey$", "ei", spelling))
    return spellings


# Rewrites applied in order to a lower-case ASCII word. Upper-case letters are placeholders
# for one Russian sound however it was spelled; they are spelled out again at the end.
_KEY_RULES: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (regex.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch|shh|sch", "Q"),
        (r"tch|ch", "C"),
        (r"sh", "S"),
        (r"zh", "Z"),
        (r"gh", "g"),
        (r"kh|h", "H"),
        (r"ts|tz|c(?=[eiy])", "T"),
        (r"^x", "H"),
        (r"x", "ks"),
        (r"ck|c", "k"),
        (r"w", "v"),
        (r"[yj]", "i"),
        (r"i{2,}", "i"),
        (r"i[eo]", "e"),
        (r"(?<=[^aeiou])i(?=[au])", ""),
        (r"(?<=[QCSZ])o", "e"),
        (r"(\p{L})\1+", r"\1"),
    )
)
_KEY_SPELL_OUT = str.maketrans({"Q": "shch", "C": "ch", "S": "sh", "Z": "zh", "H": "kh", "T": "ts"})


@functools.lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    for pattern, replacement in _KEY_RULES:
        word = pattern.sub(replacement, word)
    return word.translate(_KEY_SPELL_OUT)


@functools.lru_cache(maxsize=65536)
def name_key(latin: str) -> str:
    """Spelling-tolerant comparison key of a Latin-script name (``Aliyev`` -> ``alev``).

    Every usual romanization of one Russian name gives the same key (``Aliyev``/``Aliev``/
    ``Alijev``, ``Khachaturov``/``Hachaturov``, ``Yeltsin``/``El'cin``); different names keep
    different keys (``Khachaturyan`` vs ``Khachaturov``). Hyphens and marks are dropped
    (``Ter-Petrosyan``), several words stay separated by one space. The key is lower-case
    ASCII and meant for comparison only.
    """
    words = regex.findall(r"[\p{L}\p{M}'’\-]+", latin)
    keys = []
    for word in words:
        letters = regex.sub(
            r"[^a-z]", "", _fold_to_ascii(unicodedata.normalize("NFC", word).replace("İ", "i").lower())
        )
        if letters:
            keys.append(_word_key(letters))
    return " ".join(keys)


def cyrillic_name_key(ru_word: str) -> str:
    """``name_key`` of a Russian name (``Путин`` -> the key of ``Putin``)."""
    return name_key(romanize(ru_word, "bgn"))


# Azerbaijani letters whose Russian and English renderings vary: each position may take any
# of these spellings (the first is the usual one). "ə" is "а" in Əliyev/Алиев but "е" in
# Rəsulzadə/Расулзаде; "c" is "дж" in Russian and "j" in English; initial "h" is Russian "г"
# (Heydər/Гейдар); "q" is "г" or "к" (Qəbələ/Габала, Qarabağ/Карабах).
_AZ_OPTIONS: dict[str, tuple[str, ...]] = {
    "ə": ("a", "e"),
    "c": ("dzh", "j"),
    "ç": ("ch",),
    "ş": ("sh",),
    "x": ("kh",),
    "ğ": ("g",),
    "q": ("g", "k"),
    "ı": ("y",),
    "ö": ("o", "yo"),
    "ü": ("u", "yu"),
    "j": ("zh",),
}
_AZ_MAX_VARIANTS = 64


def _az_lower(word: str) -> str:
    return unicodedata.normalize("NFC", word).replace("İ", "i").replace("I", "ı").lower()


def azerbaijani_name_keys(az_word: str) -> frozenset[str]:
    """Name keys of every usual Russian/English rendering of an Azerbaijani name.

    ``Əliyev`` gives the key of ``Aliyev``; ``Məmmədov`` the keys of ``Mammadov`` and
    ``Mamedov``; ``Cəlil`` those of ``Dzhalil`` and ``Jalil``. At most 64 variants are tried:
    past that, later letters keep only their usual spelling.
    """
    keys: set[str] = set()
    for word in regex.findall(r"[\p{L}\p{M}'’\-]+", az_word):
        lower = _az_lower(word)
        options: list[tuple[str, ...]] = []
        budget = 1
        for index, ch in enumerate(lower):
            choices = _AZ_OPTIONS.get(ch, (ch,))
            if ch == "h" and index == 0:
                choices = ("h", "g")
            if budget * len(choices) > _AZ_MAX_VARIANTS:
                choices = choices[:1]
            budget *= len(choices)
            options.append(choices)
        keys.update(name_key("".join(parts)) for parts in itertools.product(*options))
    return frozenset(keys)


def azerbaijani_name_key(az_word: str) -> str:
    """The usual-spelling key of an Azerbaijani name (``Əliyev`` -> key of ``Aliyev``)."""
    lower = _az_lower(az_word)
    spelled = "".join(_AZ_OPTIONS.get(ch, (ch,))[0] for ch in lower)
    return name_key(spelled)


@functools.lru_cache(maxsize=4096)
def name_keys(word: str, lang: str) -> frozenset[str]:
    """All name keys of ``word`` as written in ``lang`` (Cyrillic script is always Russian).

    Two spellings denote the same name when their key sets intersect.
    """
    if _CYRILLIC_WORD.search(word):
        return frozenset({cyrillic_name_key(word)})
    if lang.replace("_", "-").split("-")[0].lower() == "az":
        return azerbaijani_name_keys(word)
    return frozenset({name_key(word)})


# Case endings of Russian surnames and first names: (ending, nominative endings to try).
_RU_CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ий", "ый", "ой")),
    ("ому", ("ий", "ый", "ой")),
    ("ским", ("ский",)),
    ("цким", ("цкий",)),
    ("ском", ("ский",)),
    ("цком", ("цкий",)),
    ("ской", ("ская",)),
    ("цкой", ("цкая",)),
    ("скую", ("ская",)),
    ("цкую", ("цкая",)),
    ("ым", ("",)),
    ("им", ("",)),
    ("ом", ("",)),
    ("ем", ("", "ь", "й")),
    ("ём", ("ь",)),
    ("ой", ("а",)),
    ("ою", ("а",)),
    ("ей", ("ь", "я")),
    ("ии", ("ия",)),
    ("ию", ("ия",)),
    ("ией", ("ия",)),
    ("у", ("", "а")),
    ("ю", ("ь", "й", "я")),
    ("а", ("",)),
    ("я", ("ь", "й")),
    ("е", ("", "а", "я", "ь", "й")),
    ("ы", ("а",)),
    ("и", ("а", "я", "ь")),
)
_MIN_STEM = 3
_IMPOSSIBLE_ENDING = regex.compile(r"[аеёиоуыэюяь]ь$|[кгхжшчщ]ы\p{L}?$")
"""Spellings Russian orthography rules out (``Мариь``, ``Чайковскый``): never a nominative."""


def strip_russian_name_case(word: str) -> set[str]:
    """Candidate nominative forms of an inflected Russian name, the word itself included.

    A fallback for names the morphological dictionary does not know: ``Путиным`` ->
    ``Путин``, ``Алиеву`` -> ``Алиев`` (and ``Алиева``), ``Пашиняна`` -> ``Пашинян``,
    ``Чайковского`` -> ``Чайковский``. Indeclinable names such as ``Шойгу`` stay in the set;
    callers keep the candidates that match something.
    """
    lower = word.lower()
    candidates = {lower}
    for ending, replacements in _RU_CASE_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= _MIN_STEM:
            stem = lower[: -len(ending)]
            candidates.update(
                stem + replacement
                for replacement in replacements
                if not _IMPOSSIBLE_ENDING.search(stem + replacement)
            )
    return {_recase(candidate, word) for candidate in candidates}
