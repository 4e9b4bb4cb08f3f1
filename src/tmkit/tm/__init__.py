"""The memory engine: a SQLite store of segment pairs, a persisted fuzzy index, scoring.

Modules, from the bottom up: :mod:`normalize` (what "identical" means), :mod:`score` (match
score and the classified difference), :mod:`index` (index keys and packed postings),
:mod:`store` (schema, import, export, maintenance), :mod:`search` (fuzzy lookup) and
:mod:`concordance` (every segment with any form of a word).
"""

from __future__ import annotations
