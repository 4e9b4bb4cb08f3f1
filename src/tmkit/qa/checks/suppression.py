"""tmkit's own meta-rules about inline suppressions."""

from __future__ import annotations

from collections.abc import Iterator

from tmkit.qa.registry import Hit, pair_rule
from tmkit.qa.view import PairView


@pair_rule("suppression-missing-reason", "suppression", "warning")
def suppression_missing_reason(pair: PairView) -> Iterator[Hit]:
    """A ``tmkit: ignore`` marker does not say why.

    Write ``tmkit: ignore RULE -- reason``; the marker still silences the rule, but a
    reviewer should see why the finding was accepted.
    """
    for marker in pair.suppressions:
        if not marker.reason:
            yield Hit(f"suppression without a reason: {marker.text!r}",
                      suggestion=f"{marker.text} -- <why this is correct>")
