"""The memory store: SQLite (WAL, one writer) holding segments, units, provenance and the index.

Tables
    ``files``       every imported file: path, sha256, size, mtime, format, unit count.
    ``segments``    one row per distinct segment content in one language: plain text,
                    inline codes as JSON (lossless export), normalized text and its length,
                    hashes of the content, the normalized text and its number mask.
    ``units``       one row per ordered language pair (source segment -> target segment);
                    ``pair_hash`` (languages + both normalized texts) is unique, so an
                    identical normalized pair read twice becomes one unit with a higher
                    usage count and one more provenance row.
    ``provenance``  where each unit came from: file (or an origin such as ``tm add``),
                    tuid, props, notes, dates, usage count.
    ``postings``    the fuzzy index (:mod:`tmkit.tm.index`), one row per (language, key).

The TMX files stay the source of truth: ``import_files(..., rebuild=True)`` empties the store
and reads them again. A TU with variants in several languages yields a unit for every ordered
pair of its languages (en->ru, ru->en, en->az, ...), limited to ``langs`` when given, so the
memory serves every direction.

Import is incremental: a file whose size, mtime and sha256 are unchanged is skipped; a
changed file's provenance is removed (and units and segments nothing else refers to) before
it is read again. Postings of removed segments stay until :func:`dedupe` rebuilds the index
(counted as ``stale`` in :func:`store_stats`); search ignores them because their rows are gone.

Every pair is first *prepared* from its unit alone (:mod:`tmkit.tm.prepare`: normalized text,
hashes, provenance; for a large file in a second process) and then *resolved* here by
:class:`_Writer` against what the store holds: ids, deduplication, postings, INSERTs.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tmkit.errors import InputError, UsageError
from tmkit.gc_pause import gc_paused
from tmkit.model import Note, Prop, TranslationUnit, Variant, lang_key, lang_matches
from tmkit.tm.codec import decode_segment
from tmkit.tm.index import PostingBuilder, merge_blobs
from tmkit.tm.normalize import hash64, lookup_hashes, normalize
from tmkit.tm.prepare import (
    Direction,
    Prepared,
    iso,
    memory_format,
    parse_iso,
    prepare_pair,
    prepare_units,
    prepared_pairs_of_file,
)

SCHEMA_VERSION = "4"
BATCH = 5000
"""Pairs buffered before the writer resolves them against the database in one go."""

POSTINGS_TABLE = """CREATE TABLE IF NOT EXISTS postings(
    id INTEGER PRIMARY KEY, lang TEXT NOT NULL, key TEXT NOT NULL, df INTEGER NOT NULL, ids BLOB NOT NULL);"""
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
    mtime REAL NOT NULL, format TEXT NOT NULL, imported TEXT NOT NULL, units INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS segments(
    id INTEGER PRIMARY KEY AUTOINCREMENT, lang TEXT NOT NULL, base TEXT NOT NULL, text TEXT NOT NULL,
    parts TEXT, norm TEXT NOT NULL, length INTEGER NOT NULL, content_hash INTEGER NOT NULL,
    norm_hash INTEGER NOT NULL, shape_hash INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS units(
    id INTEGER PRIMARY KEY AUTOINCREMENT, src_lang TEXT NOT NULL, tgt_lang TEXT NOT NULL,
    src_seg INTEGER NOT NULL, tgt_seg INTEGER NOT NULL, pair_hash INTEGER NOT NULL,
    usage_count INTEGER NOT NULL, created TEXT, changed TEXT);
CREATE TABLE IF NOT EXISTS provenance(
    unit_id INTEGER NOT NULL, file_id INTEGER, origin TEXT NOT NULL, tuid TEXT, props TEXT,
    notes TEXT, usage INTEGER NOT NULL, created TEXT, creation_id TEXT, changed TEXT, change_id TEXT,
    context INTEGER);
""" + POSTINGS_TABLE + """
CREATE UNIQUE INDEX IF NOT EXISTS postings_key ON postings(lang, key);
"""
# Schema 1 kept postings in a WITHOUT ROWID table. Its rows are whole posting lists (megabytes
# on large memories) and SQLite reads an overflowing index-b-tree record in full for every key
# comparison, so looking up 20 keys' df read tens of megabytes (11 ms at 1M segments). Now the
# lists live in rowid rows found through a small (lang, key) index; MIGRATIONS moves them.
MIGRATIONS = {"1": """
ALTER TABLE postings RENAME TO postings_v1;
""" + POSTINGS_TABLE + """
INSERT INTO postings(lang, key, df, ids) SELECT lang, key, df, ids FROM postings_v1 ORDER BY lang, key;
DROP TABLE postings_v1;
""", "2": "", "3": """
ALTER TABLE provenance ADD COLUMN context INTEGER;
UPDATE files SET mtime = -1, sha256 = '';
"""}
REINDEXED = {"2"}
"""Upgrades from these versions change what the index keys are (schema 2 keyed single words,
schema 3 word pairs), so the postings are rebuilt from the stored segments. Schema 4 records
each origin's context (the segment before, for in-context matches); rows from older stores
have none, so the upgrade forgets every file's size and checksum and the next ``tm import``
of a file reads it again instead of skipping it as unchanged."""
INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS segments_content ON segments(content_hash);
CREATE UNIQUE INDEX IF NOT EXISTS units_pair ON units(pair_hash);
CREATE INDEX IF NOT EXISTS segments_norm ON segments(norm_hash);
CREATE INDEX IF NOT EXISTS segments_shape ON segments(shape_hash);
CREATE INDEX IF NOT EXISTS units_src ON units(src_seg);
CREATE INDEX IF NOT EXISTS units_tgt ON units(tgt_seg);
CREATE INDEX IF NOT EXISTS provenance_unit ON provenance(unit_id);
CREATE INDEX IF NOT EXISTS provenance_file ON provenance(file_id);
"""


class Store:
    """An open memory store. Use as a context manager, or call :meth:`close`.

    ``path`` ``":memory:"`` gives a throw-away store (``--tm FILE.tmx`` searches use one).
    """

    def __init__(self, path: str | os.PathLike = ":memory:", *, create: bool = True) -> None:
        self.path = os.fspath(path)
        existing = False
        if self.path != ":memory:":
            file = Path(self.path)
            existing = file.is_file() and file.stat().st_size > 0
            if not existing and not create:  # an empty file is no store either
                raise UsageError("no memory store here; build one with `tmkit tm import FILE.tmx`",
                                 path=self.path)
            file.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA cache_size = -131072")
            # Posting lists are multi-megabyte blobs on large memories; reading them through
            # a memory map instead of the page cache cut the 1M-segment p50 by about a fifth.
            self.conn.execute("PRAGMA mmap_size = 4294967296")
            if existing and self.conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone() is None:
                # another application's database: adding tmkit's tables to it would be vandalism
                self.conn.close()
                raise InputError("not a tmkit memory store (an SQLite database without tmkit's tables)",
                                 path=self.path)
            self.conn.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            version = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if version is not None and version[0] in MIGRATIONS:
                self._migrate(version[0])
            elif version is not None and version[0] != SCHEMA_VERSION:
                raise InputError(f"store schema {version[0]} is not {SCHEMA_VERSION}; rebuild it with "
                                 "`tmkit tm import --rebuild`", path=self.path)
            self.conn.executescript(SCHEMA + INDEXES)
        except sqlite3.DatabaseError as exc:
            raise InputError(f"not a tmkit memory store: {exc}", path=self.path) from None
        if version is None:
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES('schema', ?)", (SCHEMA_VERSION,))
        self.conn.create_function("tm_merge", 2, merge_blobs, deterministic=True)

    def _migrate(self, version: str) -> None:
        """Bring an older store up to :data:`SCHEMA_VERSION` in one transaction (data kept)."""
        old = version
        try:
            with self.transaction():
                reindex = False
                while version != SCHEMA_VERSION:
                    for statement in filter(None, MIGRATIONS[version].strip().split(";\n")):
                        self.conn.execute(statement)
                    reindex = reindex or version in REINDEXED
                    version = str(int(version) + 1)
                if reindex:
                    _rebuild_postings(self)
                self.set_meta("schema", version)
        except InputError as exc:  # read-only file, locked by a long writer, ... (see transaction)
            raise InputError(f"store schema {old} must be upgraded to {SCHEMA_VERSION} by writing to it, "
                             f"which failed: {exc.message}", path=self.path) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, bulk: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: the one writer). ``bulk`` skips fsyncs.

        Inside a transaction already open, the block joins it: a failure anywhere rolls back
        the outer one (``import_files(rebuild=True)`` relies on this). A store that cannot be
        written (read-only file or folder, another writer holding it past the busy timeout)
        is an :class:`InputError` saying so.
        """
        if self.conn.in_transaction:
            yield self.conn
            return
        if bulk:
            self.conn.execute("PRAGMA synchronous = OFF")
        try:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise _store_error(exc, self.path) from None
            try:
                yield self.conn
            except sqlite3.OperationalError as exc:
                self.conn.execute("ROLLBACK")
                raise _store_error(exc, self.path) from None
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
        finally:
            if bulk:
                self.conn.execute("PRAGMA synchronous = NORMAL")

    def meta(self, key: str, default: str = "0") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: object) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (key, str(value)))


def _store_error(exc: sqlite3.OperationalError, path: str) -> InputError:
    """What a failed write to the store means for the user."""
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return InputError("the store cannot be written: the file or its folder is read-only", path=path)
    if "locked" in text or "busy" in text:
        return InputError("the store is locked by another writer (an import or tm add still running?)",
                          path=path)
    return InputError(f"the store cannot be written: {text}", path=path)


def default_store_path() -> Path:
    """The store the configuration names (``.tmkit/tm.sqlite`` beside tmkit.toml)."""
    from tmkit.config import load_config

    return load_config().store_path()


# --------------------------------------------------------------------------- writing


@dataclass
class AddReport:
    """What one import or add did: pairs read, new units, pairs merged into existing units."""

    read: int = 0
    added: int = 0
    merged: int = 0


@dataclass
class FileReport:
    path: str
    status: str
    """``imported`` (new file), ``replaced`` (changed file), ``skipped`` (unchanged)."""
    report: AddReport = field(default_factory=AddReport)


def _min(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


class _Writer:
    """Buffers pairs and writes them in batches: segments, units, provenance, postings."""

    def __init__(self, store: Store, file_id: int | None, origin: str) -> None:
        self.conn = store.conn
        self.file_id = file_id
        self.origin = origin
        self.report = AddReport()
        self.fresh = self.conn.execute("SELECT 1 FROM segments LIMIT 1").fetchone() is None
        self.seg_ids: dict[int, int] = {}
        self.unit_ids: dict[int, int] = {}
        self.next_seg = self._next_id("segments")
        self.next_unit = self._next_id("units")
        self.buffer: list[tuple] = []
        self.postings = PostingBuilder()

    def _next_id(self, table: str) -> int:
        row = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name=?", (table,)).fetchone()
        return (row[0] if row else 0) + 1

    def add(self, prepared: Prepared, origin: str | None = None) -> None:
        """Buffer one prepared pair (:mod:`tmkit.tm.prepare`); ``origin`` overrides the writer's."""
        self.buffer.append((*prepared, origin or self.origin))
        if len(self.buffer) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        prepared, self.buffer = self.buffer, []
        self._resolve_segments(prepared)
        self._write_units(prepared)

    def _lookup(self, table: str, column: str, hashes: list[int]) -> dict[int, int]:
        if self.fresh or not hashes:
            return {}
        found: dict[int, int] = {}
        for start in range(0, len(hashes), 20000):
            chunk = json.dumps(hashes[start:start + 20000])
            found.update(self.conn.execute(
                f"SELECT {column}, id FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))",
                (chunk,)))
        return found

    def _resolve_segments(self, prepared: list) -> None:
        known = self.seg_ids  # membership per hash: `set - dict.keys()` would walk every known id
        wanted = {row[6] for p in prepared for row in (p[0], p[1]) if row[6] not in known}
        self.seg_ids.update(self._lookup("segments", "content_hash", sorted(wanted)))
        new_rows = []
        for p in prepared:
            for row in (p[0], p[1]):
                if row[6] in self.seg_ids:
                    continue
                seg_id = self.next_seg
                self.next_seg += 1
                self.seg_ids[row[6]] = seg_id
                new_rows.append((seg_id, *row))
                self.postings.add(row[1], row[4], row[5], seg_id)
        self.conn.executemany("INSERT INTO segments VALUES(?,?,?,?,?,?,?,?,?,?)", new_rows)

    def _write_units(self, prepared: list) -> None:
        wanted = {p[2] for p in prepared if p[2] not in self.unit_ids}
        self.unit_ids.update(self._lookup("units", "pair_hash", sorted(wanted)))
        new_units: dict[int, list] = {}
        updates: dict[int, list] = {}
        provenance = []
        for src_row, tgt_row, pair, (tuid, props, notes, usage, created, creation_id, changed, change_id,
                                     context), origin in prepared:
            unit_id = self.unit_ids.get(pair)
            self.report.read += 1
            if unit_id is None:
                unit_id = self.next_unit
                self.next_unit += 1
                self.unit_ids[pair] = unit_id
                new_units[unit_id] = [unit_id, src_row[0], tgt_row[0], self.seg_ids[src_row[6]],
                                      self.seg_ids[tgt_row[6]], pair, usage, created, changed]
                self.report.added += 1
            else:
                row = new_units.get(unit_id) or updates.setdefault(unit_id, [0, None, None])
                if unit_id in new_units:
                    row[6] += usage
                    row[7], row[8] = _min(row[7], created), _max(row[8], changed)
                else:
                    row[0] += usage
                    row[1], row[2] = _min(row[1], created), _max(row[2], changed)
                self.report.merged += 1
            provenance.append((unit_id, self.file_id, origin, tuid, props, notes, usage, created, creation_id,
                               changed, change_id, context))
        self.conn.executemany("INSERT INTO units VALUES(?,?,?,?,?,?,?,?,?)", list(new_units.values()))
        self.conn.executemany(
            "UPDATE units SET usage_count = usage_count + ?1, "
            "created = CASE WHEN created IS NULL THEN ?2 WHEN ?2 IS NULL THEN created ELSE min(created, ?2) END, "
            "changed = CASE WHEN changed IS NULL THEN ?3 WHEN ?3 IS NULL THEN changed ELSE max(changed, ?3) END "
            "WHERE id = ?4", [(v[0], v[1], v[2], k) for k, v in updates.items()])
        self.conn.executemany("INSERT INTO provenance VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", provenance)

    def finish(self) -> AddReport:
        self.flush()
        self.conn.executemany(
            "INSERT INTO postings(lang, key, df, ids) VALUES(?,?,?,?) ON CONFLICT(lang, key) DO UPDATE SET "
            "ids = tm_merge(ids, excluded.ids), df = length(tm_merge(ids, excluded.ids)) / 8",
            self.postings.rows())
        self.postings = PostingBuilder()
        return self.report


def add_units(store: Store, units: Iterable[TranslationUnit], *, src_lang: str | None = None,
              tgt_lang: str | None = None, origin: str = "tm add", langs: tuple[str, ...] | None = None,
              both_directions: bool = True, in_document: bool = True) -> AddReport:
    """Put ``units`` into the store, deduplicating identical normalized pairs; one transaction.

    This is the entry point for approved translations coming back (``tmkit tm add``,
    ``tmkit check --update-tm``). With ``src_lang`` and ``tgt_lang`` only that direction is
    added (plus its reverse when ``both_directions``); otherwise every ordered pair of the
    unit's languages (limited to ``langs``). Units whose ``state`` is a draft (new,
    needs-translation, needs-review) are skipped. ``origin`` is recorded as the provenance
    of every unit added; a pair already held from the same origin with the same tuid is
    not counted again, so re-running the same approval changes nothing. ``in_document`` says ``units`` are one document in order, so each
    records the segment before it as its context (in-context matches); units picked out of
    documents (a pair typed in, the error-free part of a checked file) are not.
    """
    directions: tuple[Direction, ...] | None = None
    if src_lang and tgt_lang:
        directions = ((src_lang, tgt_lang), (tgt_lang, src_lang)) if both_directions else ((src_lang, tgt_lang),)
    with store.transaction():
        writer = _Writer(store, None, origin)
        pairs = list(prepare_units(units, langs, directions, in_document=in_document))
        # the same approval again (check --update-tm on every CI run) is not another use
        held = _held_origins(store, [p[2] for p in pairs])
        for prepared in pairs:
            if (origin, prepared[3][0], prepared[2]) in held:
                writer.report.read += 1
                continue
            writer.add(prepared)
        return writer.finish()


def _held_origins(store: Store, pair_hashes: list[int]) -> set[tuple[str, str | None, int]]:
    """(origin, tuid, pair hash) of every origin the store holds for these pairs: what
    adding or merging them again must skip. Only the given pairs' rows are read (through
    the pair-hash index), not the store's whole provenance."""
    return set(store.conn.execute(
        "SELECT p.origin, p.tuid, u.pair_hash FROM units u JOIN provenance p ON p.unit_id = u.id "
        "WHERE u.pair_hash IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(pair_hashes))),)))


# --------------------------------------------------------------------------- import


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_files(store: Store, paths: Iterable[str | os.PathLike], *, langs: tuple[str, ...] | None = None,
                 rebuild: bool = False, progress: Callable[[str], None] | None = None) -> list[FileReport]:
    """Import memory files incrementally; each file is one transaction.

    With ``rebuild`` the store is emptied first and, when ``paths`` is empty, every file it
    knew is read again (the TMX files are the source of truth).
    """
    given = [Path(p) for p in paths]
    wanted = given
    if rebuild:
        wanted = given or [Path(r[0]) for r in store.conn.execute("SELECT path FROM files ORDER BY id")]
    for path in wanted:  # every file is checked before anything is written or emptied
        if not path.is_file():
            hint = (f"if it was deleted or moved, `tmkit tm forget {path}` removes it from the store"
                    if rebuild and not given else None)
            raise InputError("file not found" if not path.exists() else "not a regular file", path=str(path),
                             hint=hint)
    if not rebuild:
        return [_import_path(store, path, langs, progress) for path in wanted]
    # one transaction: a file that fails to parse halfway leaves the store as it was
    with store.transaction(bulk=True):
        for table in ("files", "segments", "units", "provenance", "postings"):
            store.conn.execute(f"DELETE FROM {table}")
        store.set_meta("stale", 0)
        return [_import_path(store, path, langs, progress) for path in wanted]


def _import_path(store: Store, path: Path, langs: tuple[str, ...] | None,
                 progress: Callable[[str], None] | None) -> FileReport:
    if progress:
        progress(str(path))
    # an import allocates millions of short-lived rows; the cyclic collector would keep
    # traversing the writer's growing tables for nothing (12 % of a 100k-unit import)
    with gc_paused():
        return _import_one(store, path, langs)


def units_without_files(store: Store) -> int:
    """Units only ``tm add``, ``check --update-tm`` or ``tm merge`` put in (no memory file
    behind them): a rebuild from the files drops them."""
    return store.conn.execute(
        "SELECT count(DISTINCT unit_id) FROM provenance p WHERE p.file_id IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM provenance q WHERE q.unit_id = p.unit_id AND q.file_id IS NOT NULL)").fetchone()[0]


def _import_one(store: Store, path: Path, langs: tuple[str, ...] | None) -> FileReport:
    name = str(path.resolve())
    stat = path.stat()
    # the languages asked for are part of what was imported: other --langs re-read the file
    chosen = ",".join(sorted({lang_key(code) for code in langs})) if langs else "*"
    same_langs = store.meta("langs:" + name, "*") == chosen
    row = store.conn.execute("SELECT id, sha256, size, mtime FROM files WHERE path=?", (name,)).fetchone()
    if row is not None and same_langs and row[2] == stat.st_size and row[3] == stat.st_mtime:
        return FileReport(str(path), "skipped")
    sha = _sha256(path)
    if row is not None and same_langs and row[1] == sha:
        store.conn.execute("UPDATE files SET mtime=? WHERE id=?", (stat.st_mtime, row[0]))
        return FileReport(str(path), "skipped")
    kind = memory_format(path)
    with store.transaction(bulk=True):
        store.set_meta("langs:" + name, chosen)
        if row is not None:
            _forget_file(store, row[0])
            store.conn.execute("DELETE FROM files WHERE id=?", (row[0],))
        cursor = store.conn.execute(
            "INSERT INTO files(path, sha256, size, mtime, format, imported, units) VALUES(?,?,?,?,?,?,0)",
            (name, sha, stat.st_size, stat.st_mtime, kind, iso(datetime.now(UTC))))
        file_id = cursor.lastrowid
        writer = _Writer(store, file_id, name)
        if writer.fresh:
            _drop_indexes(store)
        with prepared_pairs_of_file(path, langs, kind=kind) as pairs:
            for prepared in pairs:
                writer.add(prepared)
        report = writer.finish()
        for statement in INDEXES.strip().splitlines():
            store.conn.execute(statement)
        store.conn.execute("UPDATE files SET units=? WHERE id=?", (report.read, file_id))
    return FileReport(str(path), "replaced" if row is not None else "imported", report)


def forget_files(store: Store, paths: Iterable[str | os.PathLike]) -> list[str]:
    """Remove imported files from the store, whether or not they still exist: their
    provenance, and the units and segments only they held. Returns the paths forgotten.

    A memory file deleted or renamed would otherwise stay in the store for good, and make
    every ``import --rebuild`` fail on it. A path the store never imported is an
    :class:`InputError` naming what it holds, and nothing is removed.
    """
    known = {row[1]: row[0] for row in store.conn.execute("SELECT id, path FROM files")}
    wanted: list[tuple[str, int]] = []
    for path in paths:
        name = str(Path(path).resolve())
        if name not in known:
            held = ", ".join(sorted(known)) or "none"
            raise InputError(f"the store holds no file {name} (files held: {held})", path=os.fspath(path))
        wanted.append((name, known[name]))
    with store.transaction():
        for name, file_id in wanted:
            _forget_file(store, file_id)
            store.conn.execute("DELETE FROM files WHERE id=?", (file_id,))
            store.conn.execute("DELETE FROM meta WHERE key=?", ("langs:" + name,))
    return [name for name, _ in wanted]


def _drop_indexes(store: Store) -> None:
    """Secondary indexes are cheaper to build once after a bulk load than row by row."""
    for line in INDEXES.strip().splitlines():
        words = line.split()
        store.conn.execute("DROP INDEX IF EXISTS " + words[words.index("EXISTS") + 1])


def _forget_file(store: Store, file_id: int) -> None:
    """Remove a file's provenance and whatever only it kept alive; recount the rest."""
    conn = store.conn
    _reset_touched(conn)
    conn.execute("INSERT OR IGNORE INTO touched SELECT unit_id FROM provenance WHERE file_id=?", (file_id,))
    conn.execute("DELETE FROM provenance WHERE file_id=?", (file_id,))
    _drop_orphans(store)


def _reset_touched(conn: sqlite3.Connection) -> None:
    """An empty temp table ``touched`` for the ids of units :func:`_drop_orphans` must recount."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched(id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM touched")


def _drop_orphans(store: Store) -> None:
    conn = store.conn
    conn.execute("DELETE FROM units WHERE id IN (SELECT id FROM touched) AND NOT EXISTS "
                 "(SELECT 1 FROM provenance p WHERE p.unit_id = units.id)")
    conn.execute("UPDATE units SET usage_count = (SELECT sum(usage) FROM provenance p WHERE p.unit_id = units.id),"
                 " created = (SELECT min(created) FROM provenance p WHERE p.unit_id = units.id),"
                 " changed = (SELECT max(changed) FROM provenance p WHERE p.unit_id = units.id)"
                 " WHERE id IN (SELECT id FROM touched)")
    removed = conn.execute(
        "DELETE FROM segments WHERE NOT EXISTS (SELECT 1 FROM units WHERE src_seg = segments.id) "
        "AND NOT EXISTS (SELECT 1 FROM units WHERE tgt_seg = segments.id)").rowcount
    store.set_meta("stale", int(store.meta("stale")) + removed)


# --------------------------------------------------------------------------- reading back


def iter_store_units(store: Store, src_lang: str | None = None, tgt_lang: str | None = None, *,
                     every_direction: bool = False) -> Iterator[TranslationUnit]:
    """Units as bilingual TMX-ready values, lossless (codes, props, notes, dates, usage).

    Without languages, a pair stored in both directions comes out once (the direction
    stored first) unless ``every_direction``.
    """
    sql = ("SELECT u.id, u.src_lang, u.tgt_lang, s.text, s.parts, t.text, t.parts, u.usage_count,"
           " u.created, u.changed FROM units u JOIN segments s ON s.id = u.src_seg"
           " JOIN segments t ON t.id = u.tgt_seg")
    rows = store.conn.execute(sql + " ORDER BY u.id")
    for unit_id, src, tgt, s_text, s_parts, t_text, t_parts, usage, created, changed in rows:
        if src_lang or tgt_lang:
            if (src_lang and not lang_matches(src, src_lang)) or (tgt_lang and not lang_matches(tgt, tgt_lang)):
                continue
        elif not every_direction and store.conn.execute("SELECT 1 FROM units r WHERE r.src_seg = (SELECT tgt_seg FROM units WHERE id=?1)"
                                " AND r.tgt_seg = (SELECT src_seg FROM units WHERE id=?1) AND r.id < ?1",
                                (unit_id,)).fetchone():
            continue
        tuid, props, notes, creation_id, change_id = _merged_provenance(store, unit_id)
        yield TranslationUnit(
            variants=(Variant(src, decode_segment(s_text, s_parts)), Variant(tgt, decode_segment(t_text, t_parts))),
            tuid=tuid, srclang=src, props=props, notes=notes,
            creation_date=parse_iso(created), creation_id=creation_id,
            change_date=parse_iso(changed), change_id=change_id, usage_count=usage)


def _merged_provenance(store: Store, unit_id: int
                       ) -> tuple[str | None, tuple[Prop, ...], tuple[Note, ...], str | None, str | None]:
    """What a unit merged from several origins carries out of the store: tuid, props, notes,
    creation id and change id.

    The tuid and the ids are the first origin's that has one (a TMX unit holds one of
    each); props and notes are those of every origin in import order, each distinct one
    once, so a pair two files held with different ``x-section`` props keeps both.
    """
    tuid = creation_id = change_id = None
    props: dict[tuple, None] = {}
    notes: dict[tuple, None] = {}
    for p_tuid, p_props, p_notes, p_creation_id, p_change_id in store.conn.execute(
            "SELECT tuid, props, notes, creation_id, change_id FROM provenance WHERE unit_id=? ORDER BY rowid",
            (unit_id,)):
        tuid = tuid if tuid is not None else p_tuid
        creation_id = creation_id if creation_id is not None else p_creation_id
        change_id = change_id if change_id is not None else p_change_id
        props.update(dict.fromkeys(tuple(prop) for prop in json.loads(p_props or "[]")))
        notes.update(dict.fromkeys(tuple(note) for note in json.loads(p_notes or "[]")))
    return (tuid, tuple(Prop(t, v, lang) for t, v, lang in props),
            tuple(Note(text, lang) for text, lang in notes), creation_id, change_id)


def export_tmx(store: Store, path: str | os.PathLike, *, src_lang: str | None = None,
               tgt_lang: str | None = None) -> int:
    """Write the store (or one direction of it) as TMX 1.4; returns the number of TUs.

    ``path`` must end in ``.tmx``: a TMX written under another format's name would be
    read back as that format.
    """
    target = Path(path)
    if target.suffix.lower() != ".tmx":
        raise UsageError(f"tm export writes TMX: name the output .tmx, not {target.name!r}",
                         hint=f"then `tmkit convert {target.with_suffix('.tmx').name} {target.name}`")
    from tmkit.formats.registry import tmx_ready
    from tmkit.formats.tmx import write_tmx
    from tmkit.model import Header

    header = Header(srclang=src_lang or "*all*", creation_tool="tmkit")
    units = iter_store_units(store, src_lang, tgt_lang)
    first = next(units, None)
    if first is None and (src_lang or tgt_lang):
        # an empty file would overwrite whatever is there and say nothing about the typo
        held = ", ".join(store_stats(store).units) or "none"
        raise UsageError(f"the store holds no {src_lang or '*'}->{tgt_lang or '*'} units (directions held: {held})",
                         path=os.fspath(path))
    # the store keeps segments as imported: codes read from XLIFF become TMX codes here
    everything = units if first is None else itertools.chain((first,), units)
    return write_tmx(path, map(tmx_ready, everything), header)


# --------------------------------------------------------------------------- maintenance


@dataclass(frozen=True)
class StoreStats:
    path: str
    size: int
    files: int
    segments: dict[str, int]
    units: dict[str, int]
    provenance: int
    keys: int
    postings: int
    stale: int

    def as_dict(self) -> dict:
        return {"path": self.path, "size": self.size, "files": self.files, "segments": self.segments,
                "units": self.units, "provenance": self.provenance, "index_keys": self.keys,
                "postings": self.postings, "stale_postings": self.stale}


def store_stats(store: Store) -> StoreStats:
    """Counts for ``tmkit tm stats --store``: segments per language, units per direction, index size."""
    conn = store.conn
    size = os.path.getsize(store.path) if store.path != ":memory:" else 0
    keys, postings = conn.execute("SELECT count(*), coalesce(sum(df), 0) FROM postings").fetchone()
    return StoreStats(
        path=store.path, size=size,
        files=conn.execute("SELECT count(*) FROM files").fetchone()[0],
        segments=dict(conn.execute("SELECT lang, count(*) FROM segments GROUP BY lang ORDER BY lang")),
        units=dict(conn.execute("SELECT src_lang || '->' || tgt_lang, count(*) FROM units "
                                "GROUP BY src_lang, tgt_lang ORDER BY 1")),
        provenance=conn.execute("SELECT count(*) FROM provenance").fetchone()[0],
        keys=keys, postings=postings, stale=int(store.meta("stale")))


@dataclass(frozen=True)
class DedupeReport:
    merged: int
    segments_removed: int
    postings: int


def dedupe(store: Store) -> DedupeReport:
    """Re-normalize every segment, merge units whose pairs now coincide, rebuild the index.

    Pairs are deduplicated on insert, so this matters after normalization rules change
    (a tmkit upgrade, a new case-folding rule) and to drop the postings of removed segments.
    """
    conn = store.conn
    with store.transaction(bulk=True):
        updates = []
        for seg_id, base, text in conn.execute("SELECT id, base, text FROM segments").fetchall():
            norm = normalize(text, base)
            updates.append((norm, len(norm), *lookup_hashes(norm, base), seg_id))
        conn.executemany("UPDATE segments SET norm=?, length=?, norm_hash=?, shape_hash=? WHERE id=?", updates)
        seen: dict[int, int] = {}
        merged = 0
        rows = conn.execute("SELECT u.id, u.src_lang, u.tgt_lang, s.norm, t.norm FROM units u "
                            "JOIN segments s ON s.id=u.src_seg JOIN segments t ON t.id=u.tgt_seg "
                            "ORDER BY u.id").fetchall()
        _reset_touched(conn)
        conn.execute("UPDATE units SET pair_hash = -id - 1")
        for unit_id, src, tgt, s_norm, t_norm in rows:
            pair = hash64(src, tgt, s_norm, t_norm)
            keeper = seen.get(pair)
            if keeper is None:
                seen[pair] = unit_id
                conn.execute("UPDATE units SET pair_hash=? WHERE id=?", (pair, unit_id))
                continue
            conn.execute("UPDATE provenance SET unit_id=? WHERE unit_id=?", (keeper, unit_id))
            conn.execute("INSERT OR IGNORE INTO touched VALUES(?)", (keeper,))
            conn.execute("DELETE FROM units WHERE id=?", (unit_id,))
            merged += 1
        before = conn.execute("SELECT count(*) FROM segments").fetchone()[0]
        _drop_orphans(store)
        removed = before - conn.execute("SELECT count(*) FROM segments").fetchone()[0]
        postings = _rebuild_postings(store)
        store.set_meta("stale", 0)
    return DedupeReport(merged, removed, postings)


def _rebuild_postings(store: Store) -> int:
    builder = PostingBuilder()
    for seg_id, base, norm, length in store.conn.execute("SELECT id, base, norm, length FROM segments"):
        builder.add(base, norm, length, seg_id)
    store.conn.execute("DELETE FROM postings")
    store.conn.executemany("INSERT INTO postings(lang, key, df, ids) VALUES(?,?,?,?)", builder.rows())
    return len(builder)


def merge_stores(store: Store, other_path: str | os.PathLike) -> AddReport:
    """Add every unit of another store with its first origin, tuid and ids, and every origin's
    props and notes (see :func:`iter_store_units`).

    Merging a store into itself is refused: every unit would count its usage and
    provenance twice. Units already held from the same origin (and tuid) are skipped, so
    merging the same store again, or a store built from the same files, adds nothing.
    """
    if store.path != ":memory:" and Path(other_path).exists() and Path(store.path).exists() \
            and os.path.samefile(store.path, other_path):
        raise UsageError("cannot merge a store into itself", path=os.fspath(other_path))
    with Store(other_path, create=False) as other:
        origins: dict[int, str] = {}
        for unit_id, origin in other.conn.execute("SELECT unit_id, origin FROM provenance ORDER BY rowid"):
            origins.setdefault(unit_id, origin)
        ids = [r[0] for r in other.conn.execute("SELECT id FROM units ORDER BY id")]
        units = list(iter_store_units(other, every_direction=True))
    pairs = [prepare_pair(unit.variants[0], unit.variants[1], unit) for unit in units]
    # a unit this store already holds from the same origin (an earlier merge of the same
    # store, or both stores imported the same file) is not counted again
    held = _held_origins(store, [p[2] for p in pairs])
    with store.transaction(bulk=True):
        writer = _Writer(store, None, os.fspath(other_path))
        for unit_id, prepared in zip(ids, pairs, strict=True):
            origin = origins.get(unit_id) or os.fspath(other_path)
            if (origin, prepared[3][0], prepared[2]) in held:
                writer.report.read += 1
                continue
            writer.add(prepared, origin)
        return writer.finish()


STORE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def open_memory(tm: str | os.PathLike | None = None, store_path: str | os.PathLike | None = None) -> Store:
    """The memory a command should search.

    ``tm`` names a store (``.sqlite``/``.db``) or a memory file (TMX, XLIFF, PO, CSV),
    which is imported into a throw-away in-memory store. Without it, ``store_path`` (or the
    configured store) is opened when it exists, else the configured ``tm`` file is imported.
    """
    from tmkit.config import load_config

    if tm is not None:
        path = Path(tm)
        if path.suffix.lower() in STORE_SUFFIXES:
            return Store(path, create=False)
        if not path.is_file():
            raise InputError("memory file not found", path=str(path))
        store = Store(":memory:")
        import_files(store, [path])
        return store
    config = load_config()
    chosen = Path(store_path) if store_path is not None else config.store_path()
    if chosen.exists() or store_path is not None:
        return Store(chosen, create=False)
    if config.tm is not None:
        return open_memory(config.tm)
    raise UsageError("no translation memory: pass --tm FILE (TMX or store), or build the store with "
                     f"`tmkit tm import FILE.tmx` (expected at {chosen})")
