"""Consistency: one source, one translation, within a document and against the memory."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from tmkit.model import base_lang
from tmkit.qa.registry import Hit, document_rule, pair_rule
from tmkit.qa.view import DocumentView, PairView

MIN_WORDS_SAME_TARGET = 3
"""Short targets ("Yes", "Close") legitimately translate several source wordings."""


@document_rule("inconsistent-translation", "consistency", "warning")
def inconsistent_translation(document: DocumentView) -> Iterator[tuple[PairView, Hit]]:
    """The same source text is translated differently within one document.

    Pairs are compared case-insensitively with whitespace collapsed, within one PO
    ``msgctxt``; the units that deviate from the most frequent translation are reported,
    with that translation as suggestion.
    """
    groups: dict[tuple[str | None, str], list[PairView]] = defaultdict(list)
    for pair in document.pairs:
        groups[(pair.msg_context, pair.src_key)].append(pair)
    for pairs in groups.values():
        counts = Counter(p.tgt_key for p in pairs)
        if len(counts) < 2:
            continue
        usual_key = max(counts, key=lambda k: (counts[k], -_first(pairs, k).index))
        usual = _first(pairs, usual_key)
        for pair in pairs:
            if pair.tgt_key != usual_key:
                yield pair, Hit(f"the same source is translated as {usual.target!r} in {usual.where}",
                                suggestion=usual.target)


@document_rule("inconsistent-source", "consistency", "warning")
def inconsistent_source(document: DocumentView) -> Iterator[tuple[PairView, Hit]]:
    """The same target text translates different sources within one document.

    Usually a translation pasted into the wrong unit. Targets under three words are not
    judged: short labels legitimately cover several source wordings.
    """
    groups: dict[str, list[PairView]] = defaultdict(list)
    for pair in document.pairs:
        if pair.tgt_key.count(" ") >= MIN_WORDS_SAME_TARGET - 1:  # the key has single spaces
            groups[pair.tgt_key].append(pair)
    for pairs in groups.values():
        first = pairs[0]
        for pair in pairs[1:]:
            if pair.src_key != first.src_key:
                yield pair, Hit(f"this target also translates a different source in {first.where}: "
                                f"{first.source!r}")


@pair_rule("tm-inconsistent", "consistency", "warning")
def tm_inconsistent(pair: PairView) -> Iterator[Hit]:
    """The translation differs from the translation memory's for the same source (``--tm``)."""
    known = pair.context.memory.get(base_lang(pair.tgt_lang), {}).get(pair.src_key)
    if not known or pair.tgt_key in known:
        return
    suggestion = known[min(known)]
    where = f" ({pair.context.memory_name})" if pair.context.memory_name else ""
    yield Hit(f"the memory{where} translates this source differently: {suggestion!r}", suggestion=suggestion)


def _first(pairs: list[PairView], key: str) -> PairView:
    return next(p for p in pairs if p.tgt_key == key)
