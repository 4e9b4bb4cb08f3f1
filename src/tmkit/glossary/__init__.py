"""Glossary: concepts and terms from TBX or CSV, and term spotting in running text.

``Glossary.find_terms`` finds every inflected or cased form of a term (Russian agreement,
Azerbaijani suffix chains, English inflection, acronyms with attached suffixes);
``Glossary.lookup`` finds the concept behind whatever form an editor types.
"""

from __future__ import annotations

from tmkit.glossary.core import Glossary, GlossaryStats, is_acronym, replacement
from tmkit.glossary.matcher import TermHit, TermMatcher

__all__ = ["Glossary", "GlossaryStats", "TermHit", "TermMatcher", "is_acronym", "replacement"]
