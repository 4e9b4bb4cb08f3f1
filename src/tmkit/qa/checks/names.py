"""Names: a person named in a Russian source must be in the target, in an accepted romanization."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from tmkit.lang import get_language
from tmkit.lang.translit import (
    azerbaijani_name_keys,
    cyrillic_name_key,
    name_key,
    name_keys,
    romanize,
    strip_russian_name_case,
)
from tmkit.model import base_lang
from tmkit.qa.registry import Hit, pair_rule
from tmkit.qa.view import PairView

MIN_PREFIX_KEY = 4
"""Keys at least this long may match a target word with a suffix (``Putin`` in ``Putinin``)."""

MAX_SUFFIX = 4
"""Longest case suffix an agglutinating target attaches to a name (Azerbaijani ``-nın``, ``-la``)."""

ENGLISH_SUFFIXES = ("", "s")
"""English adds only the possessive to a name; "Aliyeva" for Алиев is another person."""

_NOT_PERSON = frozenset({"Geox", "Orgn", "Trad"})
_PALLADIUS = ("цз", "чж", "сюй", "сюн")


def _morph():
    from tmkit.lang.ru import morph_analyzer

    return morph_analyzer()


def _person_forms(word: str, sentence_start: bool) -> tuple[str, set[str]] | None:
    """The likeliest nominative and every candidate of ``word`` when it is a surname, else None.

    The Russian dictionary (or its guesser, for foreign surnames such as Пашинян) must offer a
    surname reading, and the best reading must not be a place or organization; at the start of
    a sentence the best reading itself must be the surname. First names and patronymics are
    left out: English writes Лев Толстой as Leo Tolstoy and drops patronymics. Chinese names
    in the Palladius system (Цзиньпин, Чжан) are left out too: English uses Pinyin.
    """
    lower = word.lower()
    if any(cluster in lower for cluster in _PALLADIUS):
        return None
    parses = _morph().parse(word)
    if not parses:
        return None
    best = set(parses[0].tag.grammemes)
    if "Patr" in best or _NOT_PERSON & best:
        return None
    if sentence_start and "Surn" not in best:
        return None
    surnames = [p.normal_form for p in parses if "Surn" in p.tag]
    if not surnames:
        return _surname_by_shape(word, lower, best, sentence_start)
    # Surname readings give reliable nominatives; the case-ending rules add the rest.
    return surnames[0], set(surnames) | strip_russian_name_case(word)


_FEMININE_ENDINGS = {"ов": "ова", "ев": "ева", "ёв": "ёва", "ин": "ина", "ын": "ына"}


@functools.lru_cache(maxsize=4096)
def _womans_surname(word: str, before: str) -> tuple[str, set[str]] | None:
    """The feminine nominative and forms of ``word`` when it is a woman's surname, else None.

    The dictionary lemmatizes Алиева (a woman, or the genitive of Алиев) and Хачатуровой to
    the masculine, so a translation turning Лейла Алиева into Leyla Aliyev would pass. The
    word is taken for a woman's when every surname reading of it is feminine (Хачатуровой),
    or when it may be and the word before it may be a woman's first name (Лейла Алиева).
    """
    surnames = [p for p in _morph().parse(word) if "Surn" in p.tag]
    if not surnames or not any("femn" in p.tag for p in surnames):
        return None
    if not all("femn" in p.tag for p in surnames):
        names = [p for p in _morph().parse(before) if "Name" in p.tag] if before[:1].isupper() else []
        if not any("femn" in p.tag and "nomn" in p.tag for p in names) or \
                not any("femn" in p.tag and "nomn" in p.tag for p in surnames):
            return None
    lemma = surnames[0].normal_form
    ending = next((e for e in _FEMININE_ENDINGS if lemma.endswith(e)), None)
    if ending is None:
        return None  # -ян, -дзе, -заде: one form for women and men
    feminine = (lemma[: -len(ending)] + _FEMININE_ENDINGS[ending]).capitalize()
    return feminine, {feminine}


_SURNAME_SHAPE = re.compile(r"(?:ов|ев|ёв|ова|ева|ёва|овым|евым|овой|евой|заде|зада|ли|ян|янц|дзе|швили)$")
"""Endings of Caucasian and Central Asian surnames the dictionary may not know as surnames:
Гаджизаде (read as a case of гаджизад), Шарифов (read as a plural of the first name Шариф)."""


def _surname_by_shape(word: str, lower: str, best: set[str], sentence_start: bool
                      ) -> tuple[str, set[str]] | None:
    """A capitalized word inside a sentence with a surname's ending, when the dictionary has
    no surname reading for it and does not take it for a place or a first name in the
    singular: a name the newsroom writes every day must not escape the check."""
    if sentence_start or not _SURNAME_SHAPE.search(lower) or "Geox" in best or \
            ("Name" in best and "sing" in best):
        return None
    forms = strip_russian_name_case(word) | {word}
    by_likeness = sorted(forms, key=lambda f: (len(f), f != word))  # the shortest, the word itself first
    nominative = next((f for f in by_likeness if _SURNAME_SHAPE.search(f.lower())), word)
    return nominative, forms


@pair_rule("name-mismatch", "names", "error")
def name_mismatch(pair: PairView) -> Iterator[Hit]:
    """A person's surname is spelled as a different name in the translation (Хачатуров as Khachaturyan).

    Any usual romanization passes (Aliyev/Aliev, Khachaturov/Hachaturov, Azerbaijani Əliyev for
    Алиев) and inflected source forms are reduced first (Путиным is Putin); a different name
    (Khachaturyan for Хачатуров) is reported. Names the glossary knows are left to the
    terminology checks. Into Russian the check is narrower: a Latin-script surname with a
    typical ending (-ov, -yan, -dze...) is reported when the Russian text holds a near
    spelling of it that is a different name (Hasanov as Гасанян, not Гасанов); Russian
    adjectives and place names (Сальянский, Молдавия) are not taken for such spellings.
    In a headline in capitals only words whose likeliest reading is a surname count.
    """
    if base_lang(pair.tgt_lang) == "ru" and base_lang(pair.src_lang) != "ru":
        yield from _latin_names_in_russian(pair)
        return
    if base_lang(pair.src_lang) != "ru" or base_lang(pair.tgt_lang) == "ru":
        return
    # a headline in capitals says nothing by case: each word is read capitalized, and only
    # a word whose likeliest reading is a surname counts (as at the start of a sentence)
    headline = pair.src.is_all_caps(pair.source)
    starts = {start for start, _ in pair.src_sentences}
    glossary_spans = [(h.start, h.end) for h in pair.src_terms]
    azerbaijani = base_lang(pair.tgt_lang) == "az"
    target_keys = [_azerbaijani_target_keys(t.text) if azerbaijani else name_keys(t.text, pair.tgt_lang)
                   for t in pair.tgt_tokens if t.kind in ("word", "acronym")]
    previous = ""
    for token in pair.src_tokens:
        word, before = token.text, previous
        if token.kind in ("word", "acronym"):
            previous = word
        if headline and token.kind == "acronym" and len(word) > 3 and word.isalpha():
            word = word.capitalize()  # МИРЗОЯН: capitals make every word look like an acronym
        elif token.kind != "word":
            continue
        if not word[:1].isupper() or word.isupper():
            continue
        if any(s <= token.start < e for s, e in glossary_spans):
            continue
        after_quote = pair.source[max(0, token.start - 1):token.start] in ("«", "„", '"', "“")
        sentence_start = headline or token.start in starts or after_quote
        found = _person_forms(word, sentence_start)
        if found is None:
            continue
        nominative, forms = _womans_surname(word, before) or found
        wanted = {cyrillic_name_key(f) for f in forms}
        english = base_lang(pair.tgt_lang) == "en"
        if any(_matches(key, keys, english, azerbaijani) for key in wanted for keys in target_keys):
            continue
        expected = romanize(nominative.capitalize())
        yield Hit(f"name {word!r} is not in the target (expected a spelling such as {expected!r})",
                  suggestion=expected)


_KEEP_DIGRAPHS = (("dzh", "i"), ("sh", "S"), ("ch", "C"), ("zh", "Z"))
"""English j (read as i by :func:`name_key`) for Russian дж first, then digraphs whose h stays."""
_SOUND_CLASSES = (("i", ""), ("y", ""), ("kh", "g"), ("h", "g"), ("k", "g"), ("q", "g"), ("e", "a"))


@functools.lru_cache(maxsize=8192)
def _sound_key(key: str) -> str:
    """A coarser name key under which the Russian and the English conventions for Caucasian
    names meet: Гасанов/Hasanov, Мамедов/Mammadov, Джафаров/Jafarov, Кулиев/Guliyev,
    Керимов/Karimov. English writes such names from their Azerbaijani spelling (ə as a, c as
    j, q as g, h kept), Russian by its own rules (ə as е, дж, к, г); the two differ in exactly
    these sounds, doubled letters and the glides i/y aside (Гаджиев/Hajiyev), while
    Khachaturov and Khachaturyan still differ."""
    for digraph, mark in _KEEP_DIGRAPHS:
        key = key.replace(digraph, mark)
    for sound, class_ in _SOUND_CLASSES:
        key = key.replace(sound, class_)
    return re.sub(r"(.)\1+", r"\1", key)


def _matches(source_key: str, target_keys: frozenset[str], english: bool, analysed: bool = False) -> bool:
    """Whether a target word's keys hold the source name. English adds only the possessive;
    an Azerbaijani word's keys already include its stems (``analysed``), so the name must be
    one of them exactly; other targets allow a short case suffix after the name."""
    for key in target_keys:
        if key == source_key or (english and key == source_key + "s"):
            return True
        if english and _sound_key(key) in (_sound_key(source_key), _sound_key(source_key + "s")):
            return True
        if not english and not analysed and len(source_key) >= MIN_PREFIX_KEY and \
                key.startswith(source_key) and len(key) - len(source_key) <= MAX_SUFFIX:
            return True
    return False


@functools.lru_cache(maxsize=8192)
def _azerbaijani_target_keys(word: str) -> frozenset[str]:
    """Name keys of an Azerbaijani word and of each stem its case suffixes leave (``Putinin``
    -> ``Putin``): a name must be one of them, not merely begin the word, or ``Şərifli`` and
    ``Lavrovski`` would pass for Шарифов and Лавров (stripped to Шариф, Лавров)."""
    keys = set(name_keys(word, "az"))
    for stem in get_language("az").keys(word):  # the language layer's suffix analysis, cached
        keys |= name_keys(stem, "az")
    return frozenset(keys)


_SURNAME = regex.compile(
    r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’-]*(?:ov|ova|ev|eva|yev|yeva|yan|yants|dze|shvili|"
    r"enko|ski|sky|skiy|skaya|zade)(?![\p{L}\p{M}])")
"""Latin-script surnames whose Russian spelling is fixed by convention (Caucasus, Central Asia,
Slavic countries). Endings that English places and adjectives share (-in as in Kremlin, -ian
as in Caspian) are left out: Russian translates those, and a near spelling is no error."""

_SURNAME_ENDING = re.compile(r"ov|ev|yan|dze|shvili|enko|ski|sky|skaya|zade", re.IGNORECASE)
"""Every ending :data:`_SURNAME` needs, as a C-speed pre-test (a source without one has no such name)."""

_PLACE_OR_ADJECTIVE = regex.compile(r"(?:ий|ый|ой|ая|яя|ое|ее|ого|ому|ым|им|ом|ую|ия|ии|ию|ией)$")
"""Russian words whose ending makes them adjectives or place names (Сальянский, Новая, Молдавия):
a near spelling of that kind is a translated place, not a misspelled person."""

MIN_SHARED = 4
"""Leading key letters a Russian word must share with a surname to count as a spelling of it."""


def _latin_names_in_russian(pair: PairView) -> Iterator[Hit]:
    """Surnames of a Latin-script source whose Russian rendering is a different name."""
    if not _SURNAME_ENDING.search(pair.source):
        return
    surnames = list(_SURNAME.finditer(_capitalize_caps(pair.source)))
    if not surnames:
        return
    russian = [w for w in _CAPITALIZED.findall(pair.target) if _CYRILLIC.match(w)]
    # under the coarse sound key, so Мамедов is Mammadov and Мамедяров a different name
    spelled = {w: frozenset(map(_sound_key, keys)) for w in russian if (keys := _person_keys(w))}
    if not spelled:
        return
    for match in surnames:
        word = pair.source[match.start():match.end()]
        keys = frozenset(map(_sound_key, _latin_keys(match.group())))
        if any(keys & candidates for candidates in spelled.values()):
            continue
        near = next((w for w, candidates in spelled.items()
                     if any(_shared_prefix(k, c) >= max(MIN_SHARED, len(k) - 3) for k in keys for c in candidates)),
                    None)
        if near is not None:
            yield Hit(f"name {word!r} appears as {near!r} in the target, which is a different name",
                      span=_span_of(pair.target, near))


_CAPITALIZED = regex.compile(r"\p{Lu}[\p{L}\p{M}]+")
_CAPS_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}\p{M}'’-]+(?![\p{L}\p{M}])")


def _capitalize_caps(text: str) -> str:
    """``text`` with words in capitals capitalized (PASHINYAN -> Pashinyan), same length, so a
    headline's surnames show the endings :data:`_SURNAME` looks for."""
    if _TWO_CAPITALS.search(text) is None:  # C-speed pre-test: most sources have no word in capitals
        return text
    return _CAPS_WORD.sub(lambda m: m.group().capitalize(), text)


_TWO_CAPITALS = re.compile(r"[^\W\d_a-z]{2}")
"""Two letters in a row that are not lower-case ASCII: what a word in capitals must have."""


@functools.lru_cache(maxsize=8192)
def _person_keys(word: str) -> frozenset[str]:
    """Name keys of the nominatives a Russian word may be a surname form of, or none.

    Surnames share some case endings with adjectives (Пашининым, Гасановой, Пашиняном), so
    such a word counts when it is a form of a nominative with a surname ending; Сальянском
    (whose stripped Сальянск is no surname) and Молдавией have nothing left.
    """
    adjectival = _PLACE_OR_ADJECTIVE.search(word.lower()) is not None
    forms = [c for c in strip_russian_name_case(word)
             if not _PLACE_OR_ADJECTIVE.search(c.lower()) and (not adjectival or _RU_SURNAME_END.search(c.lower()))]
    return frozenset(cyrillic_name_key(c) for c in forms)


_RU_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ян)а?$")
"""Nominative endings of Russian and Caucasian surnames whose other cases look like adjectives."""
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


@functools.lru_cache(maxsize=8192)
def _latin_keys(word: str) -> frozenset[str]:
    """Name keys of a Latin-script surname under the English and Azerbaijani spellings."""
    return frozenset({name_key(word), *azerbaijani_name_keys(word)})


@functools.lru_cache(maxsize=8192)
def _russian_keys(word: str) -> frozenset[str]:
    """Name keys of every nominative a Russian word form may come from (news repeats names)."""
    return frozenset(cyrillic_name_key(c) for c in strip_russian_name_case(word))


def _shared_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _span_of(text: str, word: str) -> tuple[int, int] | None:
    start = text.find(word)
    return (start, start + len(word)) if start >= 0 else None
