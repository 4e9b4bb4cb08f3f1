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

    ``word`` may be a phrase (``Средний коридор``): each of its words may take any form
    (``Среднего коридора``, ``Средним коридором``), in that order and next to each other.
    ``tgt_lang`` picks the translation shown; without it the first stored one is used.
    """
    language = get_language(lang)
    base = base_lang(lang)
    words = [t.text for t in language.tokenize(word.strip()) if t.kind in ("word", "acronym")]
    if not words:
        words = [word.strip()] if language.fold(word.strip()) else []
    if not words:
        return []
    wanted = [_wanted(language, one) for one in words]
    ids = set.intersection(*(_candidates(store, base, language, keys) for keys in wanted))
    ordered = sorted(ids)
    key_cache: list[dict[str, bool]] = [{} for _ in wanted]
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


def _wanted(language, word: str) -> set[str]:
    """The keys a form of ``word`` may have. Taken from the word as typed: folding first
    would hide an acronym's shape (``KTMT-nin`` -> ``ktmt``)."""
    return set(language.keys(word)) | {language.fold(word)}


def _candidates(store: Store, base: str, language, wanted: set[str]) -> set[int]:
    """Segments whose index keys begin like a form of the word (see the module docstring)."""
    prefixes = sorted({form[:PREFIX] for form in wanted | _forms(language, wanted) if form})
    ids: set[int] = set()
    for prefix in prefixes:
        for (blob,) in store.conn.execute(
                "SELECT ids FROM postings WHERE lang=? AND key >= ? AND key < ?",
                (base, prefix, prefix + "\U0010ffff")):
            ids.update(value & 0xFFFFFFFF for value in unpack(blob))
    return ids


def _forms(language, lemmas: set[str]) -> set[str]:
    """Every inflected form of ``lemmas`` the language module can generate (none without a lexicon)."""
    inflect = getattr(language, "inflect_forms", None)
    if inflect is None:
        return set()
    return {form for lemma in lemmas for form in inflect(lemma)}


def _spans(language, text: str, wanted: list[set[str]], cache: list[dict[str, bool]]
           ) -> tuple[tuple[int, int], ...]:
    """Where the words occur in ``text``, in order and adjacent (punctuation between them
    allowed), each in any of its forms."""
    tokens = [t for t in language.tokenize(text) if t.kind in ("word", "acronym")]
    found = []
    count = len(wanted)
    position = 0
    while position + count <= len(tokens):
        if all(_is_form(language, tokens[position + k].text, wanted[k], cache[k]) for k in range(count)):
            found.append((tokens[position].start, tokens[position + count - 1].end))
            position += count
        else:
            position += 1
    return tuple(found)


def _is_form(language, token: str, wanted: set[str], cache: dict[str, bool]) -> bool:
    hit = cache.get(token)
    if hit is None:
        hit = cache[token] = language.fold(token) in wanted or bool(language.keys(token) & wanted)
    return hit


def _translation(store: Store, seg_id: int, tgt_lang: str | None) -> tuple[str | None, Segment | None]:
    rows = store.conn.execute(
        "SELECT u.tgt_lang, t.text, t.parts FROM units u JOIN segments t ON t.id = u.tgt_seg "
        "WHERE u.src_seg = ? ORDER BY u.id", (seg_id,)).fetchall()
    for lang, text, parts in rows:
        if tgt_lang is None or lang_matches(lang, tgt_lang):
            return lang, decode_segment(text, parts)
    return None, None
