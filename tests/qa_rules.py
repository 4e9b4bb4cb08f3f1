"""Running one QA rule over one sentence pair: the helpers the check tests share."""

from __future__ import annotations

from tmkit.qa import Selection, check_pairs


def only(rule_id: str) -> Selection:
    """A selection of ``rule_id`` alone."""
    return Selection(frozenset({rule_id}))


def found(rule_id: str, source: str, target: str, src: str = "en", tgt: str = "ru") -> list[str]:
    """The messages ``rule_id`` gives for one pair."""
    return [f.message for f in check_pairs([(source, target)], src, tgt, selection=only(rule_id))]
