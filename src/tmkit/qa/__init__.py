"""Quality checks of translations: a registry of rules, an engine, and reporters.

>>> from tmkit.qa import check_pairs
>>> [f.rule for f in check_pairs([("Close the door.", "Закройте дверь?")], "en", "ru")]
['end-punctuation']
"""

from __future__ import annotations

from tmkit.qa.engine import Engine, Selection, check_pairs
from tmkit.qa.registry import Hit, Rule, all_rules, catalogue_markdown, document_rule, get_rule, pair_rule
from tmkit.qa.view import CheckContext, DocumentView, PairView

__all__ = ["CheckContext", "DocumentView", "Engine", "Hit", "PairView", "Rule", "Selection", "all_rules",
           "catalogue_markdown", "check_pairs", "document_rule", "get_rule", "pair_rule"]
