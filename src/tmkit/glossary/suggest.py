"""Close spellings for "did you mean": when lookup finds nothing, the editor probably mistyped.

Editors mistype in three typical ways: a wrong or missing letter ("sanktions"), letters typed
without their diacritics on a keyboard that lacks them ("Tehlukesizlik", "forpostlarimizda"),
and a Russian word in Latin letters by some ad-hoc scheme ("peredovica"). So every term is
compared as a *skeleton* (case-folded, diacritics and ə/ı flattened to e/i) and Russian
terms are also compared romanized; the score is rapidfuzz's plain ratio, or, when one string
is much longer than the other (an inflected query, a long multi-word term), the ratio against
the other's prefix of the same length minus a small penalty. Scores under the cutoff are
noise and are not offered; rapidfuzz's WRatio was tried and rejected because it rates any
two-letter acronym inside a query as a near-perfect partial match.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from tmkit.glossary.lookup import romanize_keys
from tmkit.model import base_lang

if TYPE_CHECKING:
    from tmkit.glossary.core import Glossary

SCORE_CUTOFF = 75.0
PREFIX_PENALTY = 8.0
_FLATTEN = str.maketrans({"ə": "e", "ı": "i", "ё": "е", "й": "и"})


def skeleton(text: str) -> str:
    """Case-folded ``text`` without diacritics: ``Təhlükəsizlik`` -> ``tehlukesizlik``."""
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_FLATTEN))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_FLATTEN).split())


def spelling_score(query: str, choice: str, *, score_cutoff: float | None = None, **_: object) -> float:
    """Similarity 0..100 of two skeletons, tolerant of a suffix on either side."""
    score = fuzz.ratio(query, choice)
    short, long_ = (query, choice) if len(query) <= len(choice) else (choice, query)
    if len(short) >= 4 and len(long_) > len(short) + 2:
        score = max(score, fuzz.ratio(short, long_[:len(short)]) - PREFIX_PENALTY)
    return score


def suggest_terms(glossary: Glossary, query: str, limit: int = 5) -> list[str]:
    """Up to ``limit`` term texts spelled like ``query``, best first."""
    wanted = skeleton(query)
    if not wanted or limit <= 0:
        return []
    choices = _choices(glossary)
    scored: dict[str, float] = {}
    for choice, score, _ in process.extract(wanted, list(choices), scorer=spelling_score,
                                            limit=limit * 3, score_cutoff=SCORE_CUTOFF):
        for text in choices[choice]:
            if score > scored.get(text, -1.0):
                scored[text] = score
    ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
    return [text for text, _ in ranked[:limit]]


def _choices(glossary: Glossary) -> dict[str, list[str]]:
    """Skeleton (or romanized skeleton of a Russian term) -> term texts; built once."""
    table = glossary._lookup_cache.get("suggest")
    if table is None:
        table = {}
        for concept in glossary.concepts:
            for term in concept.terms:
                spellings = {skeleton(term.text)}
                if base_lang(term.lang) == "ru":
                    spellings |= {skeleton(roman) for roman in romanize_keys(term.text)}
                for spelling in spellings:
                    texts = table.setdefault(spelling, [])
                    if term.text not in texts:
                        texts.append(term.text)
        glossary._lookup_cache["suggest"] = table
    return table  # type: ignore[return-value]
