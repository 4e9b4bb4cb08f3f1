"""The :class:`Glossary`: concepts loaded once, one compiled matcher per language on demand.

Compiling a language's matcher asks the language module for the keys of every term word,
which for Russian means a pymorphy3 analysis per word; doing it lazily keeps a lookup in
one language from paying for the other two, and caching it lets a QA run over thousands of
segments pay once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tmkit.glossary.matcher import TermHit, TermMatcher
from tmkit.lang import get_language
from tmkit.model import Concept, Term, TermStatus, base_lang, lang_key


@dataclass(frozen=True)
class GlossaryStats:
    """Counts an editor or CI log wants to see about a glossary."""

    concepts: int
    terms: dict[str, dict[str, int]] = field(default_factory=dict)
    """Language -> status -> number of terms."""
    acronyms: int = 0

    def as_dict(self) -> dict:
        return {"concepts": self.concepts, "terms": self.terms, "acronyms": self.acronyms}


class Glossary:
    """Concepts with their terms in every language, and term spotting over running text.

    >>> from tmkit.model import Concept, Term
    >>> g = Glossary([Concept("c1", (Term("Совет безопасности", "ru"), Term("Security Council", "en")))])
    >>> [hit.text for hit in g.find_terms("заседание Совета безопасности ООН", "ru")]
    ['Совета безопасности']
    """

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self._concepts = tuple(concepts)
        self._matchers: dict[str, TermMatcher] = {}
        self._lookup_cache: dict[str, object] = {}

    @classmethod
    def load(cls, path: str | Path) -> Glossary:
        """Read a TBX (2008 or 2019), CSV or TSV glossary."""
        from tmkit.formats.glossary_io import load_glossary_file

        return cls(load_glossary_file(path))

    @classmethod
    def configured(cls, path: str | Path | None = None, *, required: bool = False) -> Glossary | None:
        """The glossary ``path`` names, else the one ``glossary`` in tmkit.toml names.

        Every command that takes ``--glossary`` resolves it this way; ``required`` turns
        "neither" into a usage error that says how to fix it.
        """
        from tmkit.config import load_config
        from tmkit.errors import UsageError

        chosen = path if path is not None else load_config().glossary
        if chosen is None:
            if required:
                raise UsageError("no glossary: pass --glossary PATH or set glossary in tmkit.toml")
            return None
        return cls.load(chosen)

    @property
    def concepts(self) -> tuple[Concept, ...]:
        return self._concepts

    @property
    def languages(self) -> tuple[str, ...]:
        """Primary language subtags present in the glossary, in order of first appearance."""
        seen: dict[str, None] = {}
        for concept in self._concepts:
            for term in concept.terms:
                primary = base_lang(term.lang)
                if primary:
                    seen.setdefault(primary, None)
        return tuple(seen)

    def matcher(self, lang: str) -> TermMatcher:
        """The compiled matcher of ``lang``, built on first use and kept."""
        key = lang_key(lang)
        matcher = self._matchers.get(key)
        if matcher is None:
            matcher = TermMatcher(get_language(key), self._concepts, key)
            self._matchers[key] = matcher
        return matcher

    def find_terms(self, text: str, lang: str) -> list[TermHit]:
        """Every term of ``lang`` that ``text`` mentions, in any inflected or cased form."""
        return self.matcher(lang).find(text)

    def lookup(self, query: str, lang: str | None = None) -> list[Concept]:
        """Concepts an editor means by ``query``: any form, any case, any glossary language."""
        from tmkit.glossary.lookup import lookup_concepts

        return lookup_concepts(self, query, lang)

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Terms spelled closest to ``query``, for "did you mean" when lookup finds nothing."""
        from tmkit.glossary.suggest import suggest_terms

        return suggest_terms(self, query, limit)

    def concept(self, concept_id: str) -> Concept | None:
        for concept in self._concepts:
            if concept.id == concept_id:
                return concept
        return None

    def terms(self, lang: str | None = None, status: TermStatus | None = None) -> list[tuple[Concept, Term]]:
        """Every (concept, term) pair, optionally limited to one language and one status."""
        pairs = []
        for concept in self._concepts:
            for term in concept.terms_in(lang) if lang else concept.terms:
                if status is None or term.status is status:
                    pairs.append((concept, term))
        return pairs

    def stats(self) -> GlossaryStats:
        """Concept count, terms per language and status, and how many terms are acronyms."""
        per_lang: dict[str, Counter[str]] = {}
        acronyms = 0
        for concept in self._concepts:
            for term in concept.terms:
                per_lang.setdefault(lang_key(term.lang), Counter())[term.status.value] += 1
                if is_acronym(term):
                    acronyms += 1
        terms = {lang: {status.value: counts.get(status.value, 0) for status in TermStatus}
                 for lang, counts in per_lang.items()}
        return GlossaryStats(len(self._concepts), terms, acronyms)

    def __len__(self) -> int:
        return len(self._concepts)

    def __repr__(self) -> str:
        return f"Glossary({len(self._concepts)} concepts, languages={list(self.languages)})"


def is_acronym(term: Term) -> bool:
    """A term typed as an acronym, or written in capitals (see :attr:`Term.is_acronym`)."""
    return term.is_acronym


def replacement(concept: Concept, term: Term) -> Term | None:
    """The term to use instead of a deprecated or superseded one (same language)."""
    if term.status.allowed:
        return None
    preferred = concept.preferred(term.lang)
    return preferred if preferred is not None and preferred is not term else None
