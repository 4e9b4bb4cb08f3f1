"""Fuzzy search of the store: exact and number-shape lookups, then the index, then scoring.

A query goes through three doors, none of them a scan:

1. the normalized-text hash (exact and case/whitespace-only matches, score 100, or 99 when
   only inline codes differ);
2. the number-mask hash (only numbers differ: 99 however many digits changed);
3. the persisted index (:mod:`tmkit.tm.index`): the rarest keys' postings, sliced to the
   lengths that can reach the threshold, counted, then verified with rapidfuzz.

Every source segment found is joined to its units in the wanted target language, scored
and classified (:func:`tmkit.tm.score.compare`), and ordered deterministically: score
descending, then the smaller length difference, then the newer change date, then unit id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from tmkit.model import Segment, base_lang, lang_matches
from tmkit.tm.codec import decode_segment
from tmkit.tm.index import count_candidates, length_bounds, narrow, plan, query_keys, refine
from tmkit.tm.normalize import lookup_hashes, normalize
from tmkit.tm.score import Comparison, DiffKind, compare, scores_at_least, substitute_numbers
from tmkit.tm.store import Store

DEFAULT_MIN = 75.0


@dataclass(frozen=True, slots=True)
class Hit:
    """One memory unit matching a query, with its score and what differs."""

    score: float
    kind: DiffKind
    diff: str
    source: Segment
    target: Segment
    suggestion: Segment
    """The target to offer: with the query's numbers substituted for a numbers-only match."""
    src_lang: str
    tgt_lang: str
    unit_id: int
    segment_id: int
    origin: str
    changed: str | None
    usage_count: int
    repaired: bool = False
    """A numbers-only match whose numbers were all placed in ``suggestion``: it is the
    memory's target with the query's figures, ready to fill (and equal to ``target`` when
    the figures differ only in how they are written, ``1700`` for ``1,700``)."""

    def as_dict(self) -> dict:
        return {"score": self.score, "source": self.source.text, "target": self.target.text,
                "diff_kind": self.kind.value, "origin": self.origin, "diff": self.diff,
                "suggestion": self.suggestion.text}


def _json_ids(ids) -> str:
    return json.dumps(sorted(ids))


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


def fuzzy_segments(store: Store, query_norm: str, lang: str, min_score: float,
                   budget: int | None = None) -> dict[int, float]:
    """Source segments of base language ``lang`` scoring at least ``min_score``: id -> edit score.

    Reads only the postings the query plan chooses (:func:`tmkit.tm.index.plan`; a
    ``budget`` of postings trades recall for speed) and only the candidates' rows.
    """
    base = base_lang(lang)
    keys, share = query_keys(query_norm, min_score)
    if not keys:
        return {}
    conn = store.conn
    present = conn.execute(f"SELECT key, df FROM postings WHERE lang=? AND key IN ({_marks(keys)})",
                           (base, *keys)).fetchall()
    chosen, hits, spares = plan(present, len(keys), budget, share)
    if not chosen:
        return {}
    low, high = length_bounds(len(query_norm), min_score)
    blobs = [blob for (blob,) in conn.execute(f"SELECT ids FROM postings WHERE lang=? AND key IN ({_marks(chosen)})",
                                              (base, *chosen))]
    found, counts = count_candidates(blobs, low, high, hits)
    for key, df in spares:  # too many candidates: one more list, one more hit required
        if not refine(len(found), df):
            break
        (blob,) = conn.execute("SELECT ids FROM postings WHERE lang=? AND key=?", (base, key)).fetchone()
        hits += 1
        found, counts = narrow(found, counts, blob, low, high, hits)
    candidates = found.tolist()
    if not candidates:
        return {}
    rows = conn.execute("SELECT id, norm FROM segments WHERE id IN (SELECT value FROM json_each(?)) AND base=?",
                        (_json_ids(candidates), base)).fetchall()
    scored = scores_at_least(query_norm, [r[1] for r in rows], min_score)
    return {rows[position][0]: score for position, score in scored}


def units_in_context(store: Store, unit_ids: list[int], context: int) -> set[int]:
    """Those of ``unit_ids`` with an origin whose preceding segment had the context hash
    ``context`` (:func:`tmkit.tm.prepare.context_hash`, or ``DOCUMENT_START``): the exact
    matches that are in-context (101) for a sentence coming after that segment."""
    return {unit_id for (unit_id,) in store.conn.execute(
        "SELECT DISTINCT unit_id FROM provenance WHERE unit_id IN (SELECT value FROM json_each(?)) AND context=?",
        (_json_ids(unit_ids), context))}


def search(store: Store, query: str | Segment, src_lang: str, tgt_lang: str, *,
           min_score: float = DEFAULT_MIN, limit: int | None = 5, budget: int | None = None) -> list[Hit]:
    """Units whose source matches ``query`` at ``min_score`` or better, best first.

    ``limit`` None returns every match. ``min_score`` above 99 skips the fuzzy index
    (exact lookups only). ``budget`` caps the postings a query reads, switching to the
    faster rare-key plan that can miss template-like matches (see :func:`tmkit.tm.index.plan`).
    """
    segment = query if isinstance(query, Segment) else Segment.of(query)
    base = base_lang(src_lang)
    query_norm = normalize(segment.text, base)
    if not query_norm:
        return []
    conn = store.conn
    found: dict[int, float | None] = {}
    for column, value in zip(("norm_hash", "shape_hash"), lookup_hashes(query_norm, base), strict=True):
        for (seg_id,) in conn.execute(f"SELECT id FROM segments WHERE {column}=? AND base=?", (value, base)):
            found.setdefault(seg_id, None)
    if min_score <= 99:
        for seg_id, score in fuzzy_segments(store, query_norm, base, min_score, budget).items():
            found[seg_id] = score
    if not found:
        return []
    rows = conn.execute(
        "SELECT u.id, u.src_seg, u.src_lang, u.tgt_lang, u.usage_count, u.changed, s.text, s.parts, s.length,"
        " t.text, t.parts FROM units u JOIN segments s ON s.id = u.src_seg JOIN segments t ON t.id = u.tgt_seg"
        " WHERE u.src_seg IN (SELECT value FROM json_each(?))", (_json_ids(found),)).fetchall()
    hits: list[tuple[int, Hit]] = []
    # one comparison (word diff, lemma check) per source segment, shared by all its units
    compared: dict[int, tuple[Segment, Comparison]] = {}
    for unit_id, seg_id, u_src, u_tgt, usage, changed, s_text, s_parts, s_len, t_text, t_parts in rows:
        if not (lang_matches(u_src, src_lang) and lang_matches(u_tgt, tgt_lang)):
            continue
        known = compared.get(seg_id)
        if known is None:
            source = decode_segment(s_text, s_parts)
            known = compared[seg_id] = (source, compare(segment, source, base, edit_score=found[seg_id]))
        source, comparison = known
        if comparison.score < min_score:
            continue
        target = decode_segment(t_text, t_parts)
        suggestion, placed = target, False
        if comparison.kind is DiffKind.NUMBERS:
            repaired = substitute_numbers(segment.text, source.text, target.text, u_src, u_tgt)
            if repaired is not None and not target.has_codes:
                suggestion, placed = Segment.of(repaired), True
        hit = Hit(comparison.score, comparison.kind, comparison.diff, source, target, suggestion,
                  u_src, u_tgt, unit_id, seg_id, "", changed, usage, placed)
        hits.append((abs(s_len - len(query_norm)), hit))
    # stable sorts, least significant key first: unit id, newer date, length gap, score
    hits.sort(key=lambda pair: pair[1].unit_id)
    hits.sort(key=lambda pair: pair[1].changed or "", reverse=True)
    hits.sort(key=lambda pair: (-pair[1].score, pair[0]))
    chosen = [hit for _, hit in (hits if limit is None else hits[:limit])]
    return [_with_origin(store, hit) for hit in chosen]


def _with_origin(store: Store, hit: Hit) -> Hit:
    row = store.conn.execute("SELECT origin, tuid FROM provenance WHERE unit_id=? ORDER BY rowid LIMIT 1",
                             (hit.unit_id,)).fetchone()
    if row is None:
        return hit
    return replace(hit, origin=row[0] + (f"#{row[1]}" if row[1] else ""))
