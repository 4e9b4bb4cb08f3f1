"""Concordance: every stored segment containing any inflected form of a word, with its translation.

The word's match keys come from the language module (Russian lemmas via pymorphy3, English
Snowball stems, Azerbaijani suffix analysis), so ``форпост`` finds ``форпоста`` and
``форпостов``, and ``dəhliz`` finds ``Dəhlizin``. Candidates come from the index, never a
scan: every index key is a prefix of its word (:mod:`tmkit.tm.index`), so an index-key range
scan on the first three letters of the word and of each of its lemma keys reaches every
form that keeps those letters. Where the language module can list a lemma's forms (Russian,
through pymorphy3), their first letters are scanned too, so ``день`` also reaches ``дня``
and ``днём`` (fleeting vowels) and ``человек`` reaches ``люди``. English and Azerbaijani
forms that change their first three letters (``go``/``went``) are not found; search each
form then.
"""

from __future__ import annotations

from dataclasses import dataclass

from tmkit.lang import get_language
from tmkit.model import Segment, base_lang, lang_matches
from tmkit.tm.codec import decode_segment
from tmkit.tm.index import unpack
from tmkit.tm.store import Store

PREFIX = 3
CHUNK = 500


@dataclass(frozen=True, slots=True)
class ConcordanceLine:
    """A segment in the asked language, where the word occurs in it, and one translation."""

    segment_id: int
    lang: str
    source: Segment
    spans: tuple[tuple[int, int], ...]
    target_lang: str | None
    target: Segment | None

    def marked(self) -> str:
        """The source text with each occurrence in [brackets]."""
        text, out, last = self.source.text, [], 0
        for start, end in self.spans:
            out += [text[last:start], "[", text[start:end], "]"]
            last = end
        out.append(text[last:])
        return "".join(out)

    def as_dict(self) -> dict:
        return {"lang": self.lang, "source": self.source.text, "spans": [list(s) for s in self.spans],
                "target_lang": self.target_lang, "target": self.target.text if self.target else None}


def concordance(store: Store, word: str, lang: str, *, tgt_lang: str | None = None,
                limit: int | None = 50) -> list[ConcordanceLine]:
    """Segments of ``lang`` containing any form of ``word`` (in id order), with a translation.

    ``tgt_lang`` picks the translation shown; without it the first stored one is used.
    """
    language = get_language(lang)
    base = base_lang(lang)
    folded = language.fold(word.strip())
    if not folded:
        return []
    # keys of the word as typed: folding first would hide an acronym's shape (KTMT-nin -> ktmt)
    wanted = set(language.keys(word.strip())) | {folded}
    prefixes = sorted({form[:PREFIX] for form in wanted | _forms(language, wanted) if form})
    ids: set[int] = set()
    for prefix in prefixes:
        for (blob,) in store.conn.execute(
                "SELECT ids FROM postings WHERE lang=? AND key >= ? AND key < ?",
                (base, prefix, prefix + "\U0010ffff")):
            ids.update(value & 0xFFFFFFFF for value in unpack(blob))
    ordered = sorted(ids)
    key_cache: dict[str, bool] = {}
    lines: list[ConcordanceLine] = []
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT id, lang, text, parts FROM segments WHERE id IN ({marks}) AND base=? ORDER BY id",
            (*chunk, base)).fetchall()
        for seg_id, seg_lang, text, parts in rows:
            spans = _spans(language, text, wanted, key_cache)
            if not spans:
                continue
            target_lang, target = _translation(store, seg_id, tgt_lang)
            if tgt_lang and target is None:
                continue
            lines.append(ConcordanceLine(seg_id, seg_lang, decode_segment(text, parts), spans,
                                         target_lang, target))
            if limit is not None and len(lines) >= limit:
                return lines
    return lines


def _forms(language, lemmas: set[str]) -> set[str]:
    """Every inflected form of ``lemmas`` the language module can generate (none without a lexicon)."""
    inflect = getattr(language, "inflect_forms", None)
    if inflect is None:
        return set()
    return {form for lemma in lemmas for form in inflect(lemma)}


def _spans(language, text: str, wanted: set[str], cache: dict[str, bool]) -> tuple[tuple[int, int], ...]:
    found = []
    for token in language.tokenize(text):
        if token.kind not in ("word", "acronym"):
            continue
        hit = cache.get(token.text)
        if hit is None:
            hit = cache[token.text] = language.fold(token.text) in wanted or bool(
                language.keys(token.text) & wanted)
        if hit:
            found.append((token.start, token.end))
    return tuple(found)


def _translation(store: Store, seg_id: int, tgt_lang: str | None) -> tuple[str | None, Segment | None]:
    rows = store.conn.execute(
        "SELECT u.tgt_lang, t.text, t.parts FROM units u JOIN segments t ON t.id = u.tgt_seg "
        "WHERE u.src_seg = ? ORDER BY u.id", (seg_id,)).fetchall()
    for lang, text, parts in rows:
        if tgt_lang is None or lang_matches(lang, tgt_lang):
            return lang, decode_segment(text, parts)
    return None, None
