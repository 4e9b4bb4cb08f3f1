"""Units turned into store rows: the half of an import that needs no database.

Putting a translation pair into the store is two kinds of work. *Preparing* it (reading
the file, normalizing and hashing both segments, hashing the pair, collecting provenance)
depends on the unit alone; *resolving* it (deduplication against the database, ids,
postings, the INSERTs) needs the store (:class:`tmkit.tm.store._Writer`). Preparation is
about half of a large import, so :func:`prepared_pairs_of_file` runs it in a second
process when the file is big enough to repay starting one, and the store resolves the
batches as they arrive: on two cores a 1M-unit TMX imported in 187 s instead of 261 s
(``bench/fuzzy.py``); the store's own work is then the longer of the two.

The second process is forked (Linux only, and only from a single-threaded program):
forking starts in milliseconds, needs no importable ``__main__`` the way spawning does,
and the child only reads the file and never touches the parent's SQLite connection.
Elsewhere, and for small files, preparation runs inline; the rows are the same either way.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import queue
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tmkit.errors import InputError, UsageError
from tmkit.model import State, TranslationUnit, Variant, base_lang, lang_key, lang_matches
from tmkit.tm.codec import encode_segment
from tmkit.tm.normalize import hash64, lookup_hashes, norm_hash, normalize

SegmentRow = tuple[str, str, str, str | None, str, int, int, int, int]
"""``segments`` columns after the id: lang, base, text, parts (JSON of inline codes), norm,
length of norm, and the hashes of content, normalized text and number-masked text."""
Provenance = tuple[str | None, str | None, str | None, int, str | None, str | None, str | None, str | None,
                   int | None]
"""tuid, props JSON, notes JSON, usage count, created, creation id, changed, change id, context."""
Prepared = tuple[SegmentRow, SegmentRow, int, Provenance]
"""One ordered pair ready for the store: source row, target row, pair hash, provenance."""
Direction = tuple[str, str]

DOCUMENT_START = 0
"""The context of a document's first segment: no segment came before it."""
DOCUMENT_PROPS = ("x-article", "x-source-file", "x-document", "x-file")
"""Unit props naming the document a unit came from (tmkit's aligner writes ``x-article``
and ``x-source-file``; other tools use the others): a memory of many articles starts a new
document wherever the value changes, so each article's first sentence is at its start."""

IMPORTABLE_STATES = (None, State.TRANSLATED, State.REVIEWED, State.FINAL)
"""Bilingual units are imported only when approved (or stateless): drafts stay out."""

PARALLEL_MIN_BYTES = 8 << 20
"""Files smaller than this are prepared inline: a second process would not pay for itself."""
BATCH = 2000
"""Prepared pairs sent from the reading process in one message."""
_QUEUE_BATCHES = 8
"""Batches in flight at most, so a slow store never lets the reader run ahead in memory."""


_STORED_DATE = "%Y-%m-%dT%H:%M:%SZ"


def iso(value: datetime | None) -> str | None:
    """A date as stored: UTC, second precision, ISO 8601 (``2026-11-27T10:00:00Z``)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime(_STORED_DATE)


def parse_iso(value: str | None) -> datetime | None:
    """A stored date back as an aware UTC datetime (the inverse of :func:`iso`)."""
    if not value:
        return None
    return datetime.strptime(value, _STORED_DATE).replace(tzinfo=UTC)


def segment_row(variant: Variant) -> SegmentRow:
    lang = lang_key(variant.lang)
    base = base_lang(lang)
    parts = encode_segment(variant.segment)
    text = variant.segment.text
    norm = normalize(text, base)
    return (lang, base, text, parts, norm, len(norm), hash64(lang, parts or text), *lookup_hashes(norm, base))


def provenance(unit: TranslationUnit, source: Variant, target: Variant,
               context: int | None = None) -> Provenance:
    """Where a pair came from; the target's dates and ids win over the unit's, then the source's.

    ``context`` is the normalized-text hash (:func:`context_hash`) of the segment that came
    before the source in its document, :data:`DOCUMENT_START` for a first segment, or None
    for a pair that came without a document (``tmkit tm add "SOURCE" "TARGET"``).
    """
    usage = unit.usage_count if unit.usage_count and unit.usage_count > 0 else 1
    created = iso(target.creation_date or unit.creation_date or source.creation_date)
    changed = iso(target.change_date or unit.change_date or source.change_date) or created
    props = (json.dumps([[p.type, p.value, p.lang] for p in unit.props], ensure_ascii=False)
             if unit.props else None)
    notes = json.dumps([[n.text, n.lang] for n in unit.notes], ensure_ascii=False) if unit.notes else None
    return (unit.tuid, props, notes, usage, created, target.creation_id or unit.creation_id,
            changed, target.change_id or unit.change_id, context)


def context_hash(text: str, lang: str) -> int:
    """The hash an in-context match compares: the stored norm hash of ``text`` in ``lang``."""
    base = base_lang(lang_key(lang))
    return norm_hash(normalize(text, base), base)


def prepare_pair(source: Variant, target: Variant, unit: TranslationUnit,
                 rows: dict[int, SegmentRow] | None = None, context: int | None = None) -> Prepared:
    """One ordered pair; ``rows`` caches segment rows by variant within one unit;
    ``context`` is as for :func:`provenance`."""
    if rows is None:
        rows = {}
    src_row = rows.get(id(source))
    if src_row is None:
        src_row = rows[id(source)] = segment_row(source)
    tgt_row = rows.get(id(target))
    if tgt_row is None:
        tgt_row = rows[id(target)] = segment_row(target)
    pair = hash64(src_row[0], tgt_row[0], src_row[4], tgt_row[4])
    return src_row, tgt_row, pair, provenance(unit, source, target, context)


def language_pairs(unit: TranslationUnit, langs: tuple[str, ...] | None,
                   directions: tuple[Direction, ...] | None) -> Iterator[tuple[Variant, Variant]]:
    """The ordered (source, target) variant pairs a unit contributes."""
    chosen: dict[str, Variant] = {}
    for variant in unit.variants:
        key = lang_key(variant.lang)
        if not variant.segment.text.strip() or key in chosen:
            continue
        if langs and not any(lang_matches(key, wanted) for wanted in langs):
            continue
        chosen[key] = variant
    for src_key, source in chosen.items():
        for tgt_key, target in chosen.items():
            if base_lang(tgt_key) == base_lang(src_key):
                continue
            if directions and not any(lang_matches(src_key, a) and lang_matches(tgt_key, b)
                                      for a, b in directions):
                continue
            yield source, target


def prepare_units(units: Iterable[TranslationUnit], langs: tuple[str, ...] | None = None,
                  directions: tuple[Direction, ...] | None = None, *,
                  in_document: bool = True) -> Iterator[Prepared]:
    """Every pair of every approved (or stateless) unit, each segment prepared once per unit.

    ``units`` are taken to be one document in order (a TMX built from articles, an XLIFF
    file), so each pair records its source's context: the segment before it in the source's
    language (drafts included, since they were in the document too), or
    :data:`DOCUMENT_START` where a unit names another document than the one before (see
    :data:`DOCUMENT_PROPS`). A unit repeating the segment before it in that language does
    not count as its own context: an export writes a trilingual unit as several bilingual
    ones in a row (en-ru, en-az, ru-az), and the en of the second is no sentence of its own.
    With ``in_document`` False the units are unrelated pairs and record no context.
    """
    # per language: the last segment's hash and the one before it that differs
    previous: dict[str, tuple[int, int]] = {}
    document: str | None = None
    start = (DOCUMENT_START, DOCUMENT_START)
    for unit in units:
        rows: dict[int, SegmentRow] = {}
        named = _document_of(unit)
        if named is not None and named != document:
            previous, document = {}, named
        if unit.state in IMPORTABLE_STATES:
            for source, target in language_pairs(unit, langs, directions):
                context = None
                if in_document:
                    row = rows.get(id(source))
                    if row is None:
                        row = rows[id(source)] = segment_row(source)
                    last, before = previous.get(row[0], start)
                    context = before if last == row[7] else last
                yield prepare_pair(source, target, unit, rows, context)
        if in_document:
            for variant in unit.variants:
                if variant.segment.text.strip():
                    row = rows.get(id(variant))
                    lang = lang_key(variant.lang)
                    own = row[7] if row is not None else context_hash(variant.segment.text, variant.lang)
                    last = previous.get(lang, start)[0]
                    if own != last:
                        previous[lang] = (own, last)


def _document_of(unit: TranslationUnit) -> str | None:
    """The document ``unit`` says it came from (see :data:`DOCUMENT_PROPS`), if it says."""
    if not unit.props:
        return None
    for prop in unit.props:
        if prop.type.lower() in DOCUMENT_PROPS:
            return f"{prop.type.lower()}={prop.value}"
    return None


def memory_format(path: Path) -> str:
    """The file's format, refusing those that hold no translations (TBX, Markdown, ...)."""
    from tmkit.formats.registry import detect_format

    if path.suffix.lower() in (".md", ".markdown", ".html", ".htm", ".txt"):
        raise UsageError(f"{path.name} is an article, not a memory (use TMX, XLIFF, PO or CSV)",
                         path=str(path), hint="`tmkit align SOURCE TARGET -o pairs.tmx` makes a memory "
                                              "from an article and its translation")
    kind = detect_format(path)
    if kind not in ("tmx", "xliff", "po", "pairs"):
        raise UsageError(f"{path.name} is a {kind} file, not a memory (use TMX, XLIFF, PO or CSV)",
                         path=str(path))
    return kind


def read_memory_file(path: Path, src_lang: str | None = None, tgt_lang: str | None = None, *,
                     kind: str | None = None) -> Iterable[TranslationUnit]:
    """The units of a memory file; a TMX streams, other formats are small and read whole.

    ``src_lang``/``tgt_lang`` name the languages of a bilingual file that does not (CSV);
    ``kind`` is the file's :func:`memory_format` when the caller has already sniffed it.
    """
    if (kind or memory_format(path)) == "tmx":
        from tmkit.formats.tmx import iter_units

        return iter_units(path)
    from tmkit.formats.registry import read_units

    return read_units(path, src_lang=src_lang, tgt_lang=tgt_lang).units


# --------------------------------------------------------------------------- second process


def _can_fork() -> bool:
    return (sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1 and (os.cpu_count() or 1) > 1)


@contextmanager
def prepared_pairs_of_file(path: Path, langs: tuple[str, ...] | None = None, *, parallel: bool | None = None,
                           kind: str | None = None) -> Iterator[Iterator[Prepared]]:
    """The file's prepared pairs, read in a second process when that is faster.

    ``parallel`` None decides by size (:data:`PARALLEL_MIN_BYTES`) and platform; True asks
    for the second process where forking is possible. Errors raised while reading (a
    malformed file, say) come out of the iterator as if read here. Leaving the block stops
    the reader, also when the caller fails halfway. ``kind`` is as for :func:`read_memory_file`.
    """
    kind = kind or memory_format(path)
    if parallel is None:
        parallel = path.stat().st_size >= PARALLEL_MIN_BYTES
    if not (parallel and _can_fork()):
        yield prepare_units(read_memory_file(path, kind=kind), langs)
        return
    context = multiprocessing.get_context("fork")
    channel = context.Queue(maxsize=_QUEUE_BATCHES)
    reader = context.Process(target=_produce, args=(path, kind, langs, channel),
                             name="tmkit-tm-reader", daemon=True)
    reader.start()
    try:
        yield _consume(reader, channel)
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join()
        channel.close()


class _Failure:
    """An exception raised in the reading process, carried to the importing one."""

    def __init__(self, error: BaseException) -> None:
        try:
            pickle.dumps(error)
        except Exception:  # an unpicklable error still reaches the user, as text
            error = RuntimeError(f"reading failed: {error!r}")
        self.error = error


def _produce(path: Path, kind: str, langs: tuple[str, ...] | None, channel) -> None:
    """The reading process: prepare the file's pairs and send them in batches, then None."""
    try:
        batch: list[Prepared] = []
        for prepared in prepare_units(read_memory_file(path, kind=kind), langs):
            batch.append(prepared)
            if len(batch) >= BATCH:
                channel.put(batch)
                batch = []
        if batch:
            channel.put(batch)
        channel.put(None)
    except BaseException as error:  # noqa: BLE001 - every failure must reach the importing process
        channel.put(_Failure(error))
    finally:
        channel.close()
        channel.join_thread()


def _consume(reader, channel) -> Iterator[Prepared]:
    while True:
        try:
            message = channel.get(timeout=1.0)
        except queue.Empty:
            if reader.is_alive():
                continue
            try:  # a reader that finished flushed its last messages before exiting
                message = channel.get(timeout=1.0)
            except queue.Empty:
                raise InputError("the process reading the file stopped unexpectedly "
                                 f"(exit code {reader.exitcode})") from None
        if message is None:
            return
        if isinstance(message, _Failure):
            raise message.error
        yield from message
