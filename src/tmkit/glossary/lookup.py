"""Finding the concept an editor means, from whatever form they type.

Editors type what is in front of them: an inflected form («форпоста», "forpostlarımızda"),
a headline in capitals ("İSRAİL"), an acronym with a suffix ("KTMT-nin"), one word of a
longer term («безопасности»), or a Russian word in Latin letters ("peredovitsa"). Lookup
tries, in order, and stops at the first step that finds something:

1. whole terms spotted in the query, case-insensitively, in every glossary language
   (terms covering the whole query first);
2. concepts having, in one term, a word for every content word of the query;
3. Russian terms and their inflected forms romanized by common schemes, compared with a
   Latin query.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import iuliia

from tmkit.lang import get_language
from tmkit.lang.scripts import CYRILLIC_LETTER
from tmkit.model import Concept

if TYPE_CHECKING:
    from tmkit.glossary.core import Glossary

ROMANIZATION_SCHEMES = (iuliia.WIKIPEDIA, iuliia.MOSMETRO, iuliia.BGN_PCGN, iuliia.ICAO_DOC_9303,
                        iuliia.YANDEX_MAPS, iuliia.SCIENTIFIC)
"""Schemes people actually type Russian in: news sites, metro signs, passports, maps."""

_SKIP_IN_ROMAN = re.compile(r"[\'\u2019\u02b9\u02ba\"`\u02bc]")


def lookup_concepts(glossary: Glossary, query: str, lang: str | None = None) -> list[Concept]:
    """The concepts ``query`` names, best first; empty when nothing matches."""
    query = query.strip()
    if not query:
        return []
    langs = (lang,) if lang else glossary.languages
    for variant in (query, *_acronym_spellings(query)):
        for step in (_whole_terms, _all_words):
            found = step(glossary, variant, langs)
            if found:
                return found
    if not CYRILLIC_LETTER.search(query) and any(code.split("-")[0].lower() == "ru" for code in langs):
        return _romanized(glossary, query)
    return []


_SUFFIXED = re.compile(r"(?<![\w-])([^\W\d_]{2,6})([-'\u2019])([^\W\d_]+)")
"""A short word with a suffix after a hyphen or apostrophe: an acronym typed in lower case."""


def _acronym_spellings(query: str) -> list[str]:
    """``ktmt-nin`` as ``KTMT-nin`` (and ``atət-in`` as ``ATƏT-in``, ``xin-in`` as ``XİN-in``
    by Turkic capitals): an acronym is matched in its case, which an editor typing fast
    does not keep. Empty when the query has no such word."""
    if not _SUFFIXED.search(query):
        return []
    plain = _SUFFIXED.sub(lambda m: m.group(1).upper() + m.group(2) + m.group(3), query)
    turkic = _SUFFIXED.sub(lambda m: m.group(1).replace("i", "İ").replace("ı", "I").upper()
                           + m.group(2) + m.group(3), query)
    return list(dict.fromkeys(v for v in (plain, turkic) if v != query))


def _whole_terms(glossary: Glossary, query: str, langs: tuple[str, ...]) -> list[Concept]:
    whole: dict[str, Concept] = {}
    partial: dict[str, Concept] = {}
    for code in langs:
        for hit in glossary.matcher(code).find(query, fold_case=True):
            target = whole if hit.start == 0 and hit.end == len(query) else partial
            target.setdefault(hit.concept.id, hit.concept)
    for concept_id in whole:
        partial.pop(concept_id, None)
    return [*whole.values(), *partial.values()]


def _all_words(glossary: Glossary, query: str, langs: tuple[str, ...]) -> list[Concept]:
    found: dict[str, Concept] = {}
    for code in langs:
        matcher = glossary.matcher(code)
        index = _word_index(glossary, code)
        facts = [matcher.lookup_keys(t) for t in matcher.language.tokenize(query)
                 if t.kind in ("word", "acronym", "number")]
        content = [lookups for _, folded, _, lookups in facts if not matcher.is_function_word(folded)]
        if not content:
            continue
        candidates: set[int] | None = None
        for lookups in content:
            entries: set[int] = set()
            for key in lookups:
                entries |= index.get(key, set())
            candidates = entries if candidates is None else candidates & entries
        for position in sorted(candidates or ()):
            concept = matcher.entries[position].concept
            found.setdefault(concept.id, concept)
    return list(found.values())


def _word_index(glossary: Glossary, code: str) -> dict[str, set[int]]:
    """Index key of every content word of every term -> positions in ``matcher.entries``."""
    cache_key = "words:" + code
    index = glossary._lookup_cache.get(cache_key)
    if index is None:
        matcher = glossary.matcher(code)
        index = {}
        for position, entry in enumerate(matcher.entries):
            for word in entry.words:
                if matcher.is_function_word(word.folded) and len(entry.words) > 1:
                    continue
                for key in matcher.index_keys(word):
                    index.setdefault(key, set()).add(position)
        glossary._lookup_cache[cache_key] = index
    return index  # type: ignore[return-value]


def romanize_keys(text: str) -> set[str]:
    """``text`` in Latin letters by every scheme, folded, without apostrophes or ь/ъ marks."""
    keys = set()
    for scheme in ROMANIZATION_SCHEMES:
        roman = scheme.translate(text).casefold()
        keys.add(_SKIP_IN_ROMAN.sub("", roman))
    return keys


def _romanized(glossary: Glossary, query: str) -> list[Concept]:
    table = _romanization_table(glossary)
    wanted = _SKIP_IN_ROMAN.sub("", query.casefold())
    positions = table.get(wanted, [])
    return [glossary.concepts[p] for p in sorted(set(positions))]


def _romanization_table(glossary: Glossary) -> dict[str, list[int]]:
    """Romanized Russian term or inflected form -> concept positions; built once."""
    table = glossary._lookup_cache.get("roman")
    if table is None:
        table = {}
        forms_of = _inflector()
        for position, concept in enumerate(glossary.concepts):
            for term in concept.terms_in("ru"):
                forms = {term.text}
                if forms_of is not None and " " not in term.text.strip() and term.inflects:
                    forms |= set(forms_of(term.text))
                for form in forms:
                    for key in romanize_keys(form):
                        table.setdefault(key, []).append(position)
        glossary._lookup_cache["roman"] = table
    return table  # type: ignore[return-value]


def _inflector():
    """The Russian module's ``inflect_forms(lemma)`` (None for a module without one)."""
    return getattr(get_language("ru"), "inflect_forms", None)
