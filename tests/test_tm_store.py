"""The memory store: import (incremental, deduplicating), export, rebuild, add, dedupe, merge."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tmkit.errors import InputError, UsageError
from tmkit.formats.tmx import iter_units, write_tmx
from tmkit.model import Header, InlineCode, Prop, Segment, State, TranslationUnit, Variant
from tmkit.tm.intake import append_to_tmx, pair_unit
from tmkit.tm.store import (
    SCHEMA_VERSION,
    Store,
    add_units,
    dedupe,
    export_tmx,
    import_files,
    iter_store_units,
    merge_stores,
    open_memory,
    store_stats,
    units_without_files,
)


def tu(en: str, ru: str, az: str | None = None, *, tuid: str | None = None, usage: int | None = None,
       changed: datetime | None = None, props: tuple[Prop, ...] = ()) -> TranslationUnit:
    variants = [Variant("en", Segment.of(en)), Variant("ru", Segment.of(ru))]
    if az is not None:
        variants.append(Variant("az", Segment.of(az)))
    return TranslationUnit(tuple(variants), tuid=tuid, srclang="en", usage_count=usage,
                           change_date=changed, props=props)


def write(path: Path, units: list[TranslationUnit]) -> Path:
    write_tmx(path, units, Header(srclang="en"))
    return path


def count(store: Store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "tm.sqlite") as opened:
        yield opened


def test_trilingual_unit_yields_every_ordered_pair(store: Store, tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("The port opened.", "Порт открылся.", "Liman açıldı.")])
    import_files(store, [memory])
    assert store_stats(store).units == {f"{a}->{b}": 1 for a in ("az", "en", "ru") for b in ("az", "en", "ru")
                                        if a != b}


def test_langs_option_limits_the_pairs(store: Store, tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("The port opened.", "Порт открылся.", "Liman açıldı.")])
    import_files(store, [memory], langs=("en", "ru"))
    assert set(store_stats(store).units) == {"en->ru", "ru->en"}


def test_store_uses_wal_journal(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_unchanged_file_is_skipped_on_reimport(store: Store, tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("One.", "Один.")])
    first = import_files(store, [memory])
    second = import_files(store, [memory])
    assert [r.status for r in first + second] == ["imported", "skipped"]
    assert count(store, "units") == 2


def test_touched_but_identical_file_is_skipped(store: Store, tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("One.", "Один.")])
    import_files(store, [memory])
    os.utime(memory, (1_000_000, 1_000_000))
    assert import_files(store, [memory])[0].status == "skipped"


def test_changed_file_replaces_its_units(store: Store, tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("Old sentence here.", "Старое предложение.")])
    import_files(store, [memory])
    write(memory, [tu("New sentence here.", "Новое предложение.")])
    os.utime(memory, (2_000_000, 2_000_000))
    report = import_files(store, [memory])[0]
    sources = [u.variants[0].text for u in iter_store_units(store, "en", "ru")]
    assert report.status == "replaced" and sources == ["New sentence here."]
    assert store_stats(store).stale > 0


def test_replacing_a_file_keeps_units_another_file_shares(store: Store, tmp_path: Path) -> None:
    a = write(tmp_path / "a.tmx", [tu("Shared line.", "Общая строка.")])
    b = write(tmp_path / "b.tmx", [tu("Shared line.", "Общая строка.")])
    import_files(store, [a, b])
    write(a, [tu("Other line.", "Другая строка.")])
    os.utime(a, (3_000_000, 3_000_000))
    import_files(store, [a])
    sources = sorted(u.variants[0].text for u in iter_store_units(store, "en", "ru"))
    assert sources == ["Other line.", "Shared line."]


def test_identical_normalized_pairs_are_stored_once_with_usage_and_provenance(store: Store, tmp_path: Path
                                                                             ) -> None:
    memory = write(tmp_path / "m.tmx", [tu("The  port opened.", "Порт открылся.", tuid="a", usage=3),
                                        tu("the port opened.", "ПОРТ открылся.", tuid="b")])
    report = import_files(store, [memory], langs=("en", "ru"))[0].report
    usage = store.conn.execute("SELECT usage_count FROM units WHERE src_lang='en'").fetchone()[0]
    tuids = [r[0] for r in store.conn.execute("SELECT p.tuid FROM provenance p JOIN units u ON u.id = p.unit_id "
                                              "WHERE u.src_lang='en' ORDER BY p.rowid")]
    assert (report.added, report.merged, usage, tuids) == (2, 2, 4, ["a", "b"])


def test_export_keeps_inline_codes_props_and_dates(store: Store, tmp_path: Path) -> None:
    bold = Segment.of("The ", InlineCode("bpt", (("i", "1"),), ("<b>",)), "port",
                      InlineCode("ept", (("i", "1"),), ("</b>",)), " opened.")
    when = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
    unit = TranslationUnit((Variant("en", bold), Variant("ru", Segment.of("Порт открылся."))), tuid="x1",
                           srclang="en", props=(Prop("x-domain", "news"),), change_date=when)
    import_files(store, [write(tmp_path / "m.tmx", [unit])])
    export_tmx(store, tmp_path / "out.tmx", src_lang="en", tgt_lang="ru")
    (back,) = list(iter_units(tmp_path / "out.tmx"))
    assert (back.variants[0].segment, back.tuid, back.prop("x-domain"), back.change_date) == (
        bold, "x1", "news", when)


def test_export_of_a_pair_from_two_files_keeps_both_files_props_and_the_first_tuid(
        store: Store, tmp_path: Path) -> None:
    first = write(tmp_path / "a.tmx", [tu("One.", "Один.", tuid="a1",
                                          props=(Prop("x-section", "politics"), Prop("x-desk", "baku")))])
    second = write(tmp_path / "b.tmx", [tu("One.", "Один.", tuid="b7",
                                           props=(Prop("x-section", "economy"), Prop("x-desk", "baku")))])
    import_files(store, [first, second])
    export_tmx(store, tmp_path / "out.tmx", src_lang="en", tgt_lang="ru")
    (back,) = list(iter_units(tmp_path / "out.tmx"))
    assert (back.tuid, [(p.type, p.value) for p in back.props]) == (
        "a1", [("x-section", "politics"), ("x-desk", "baku"), ("x-section", "economy")])


def test_export_without_languages_writes_each_pair_once(store: Store, tmp_path: Path) -> None:
    import_files(store, [write(tmp_path / "m.tmx", [tu("One.", "Один."), tu("Two.", "Два.")])])
    assert export_tmx(store, tmp_path / "out.tmx") == 2


def test_rebuild_reads_the_known_files_again(store: Store, tmp_path: Path) -> None:
    import_files(store, [write(tmp_path / "m.tmx", [tu("One.", "Один."), tu("Two.", "Два.")])])
    store.conn.execute("DELETE FROM units")
    reports = import_files(store, [], rebuild=True)
    assert [r.status for r in reports] == ["imported"] and count(store, "units") == 4


def test_reimport_with_other_languages_reads_the_file_again(store: Store, tmp_path: Path) -> None:
    memory = write(tmp_path / "tri.tmx", [tu("One.", "Один.", "Bir.")])
    import_files(store, [memory], langs=("en", "ru"))
    assert [r.status for r in import_files(store, [memory], langs=("en", "ru"))] == ["skipped"]
    assert [r.status for r in import_files(store, [memory])] == ["replaced"]
    assert count(store, "units") == 6


def test_rebuild_that_fails_on_a_broken_file_leaves_the_store_as_it_was(store: Store, tmp_path: Path) -> None:
    good = write(tmp_path / "good.tmx", [tu("One.", "Один.")])
    broken = write(tmp_path / "broken.tmx", [tu("Two.", "Два.")])
    import_files(store, [good, broken])
    broken.write_text(broken.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    with pytest.raises(InputError):
        import_files(store, [], rebuild=True)
    assert count(store, "units") == 4 and count(store, "files") == 2


def test_rebuild_naming_a_missing_file_empties_nothing(store: Store, tmp_path: Path) -> None:
    import_files(store, [write(tmp_path / "m.tmx", [tu("One.", "Один.")])])
    with pytest.raises(InputError, match="file not found"):
        import_files(store, [tmp_path / "m.tmx", tmp_path / "gone.tmx"], rebuild=True)
    assert count(store, "units") == 2


def test_units_without_a_memory_file_are_counted_for_the_rebuild_warning(store: Store, tmp_path: Path) -> None:
    import_files(store, [write(tmp_path / "m.tmx", [tu("One.", "Один.")])])
    add_units(store, [pair_unit("Approved.", "Одобрено.", "en", "ru")])
    assert units_without_files(store) == 2


def test_a_store_locked_by_another_writer_is_an_input_error(tmp_path: Path) -> None:
    with Store(tmp_path / "tm.sqlite") as first:
        first.conn.execute("PRAGMA busy_timeout = 0")
        holder = sqlite3.connect(tmp_path / "tm.sqlite", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            first.conn.execute("PRAGMA busy_timeout = 0")
            with pytest.raises(InputError, match="locked by another writer"):
                add_units(first, [pair_unit("One.", "Один.", "en", "ru")])
        finally:
            holder.execute("ROLLBACK")
            holder.close()


@pytest.mark.parametrize("name", ["m.csv", "m.xlf", "m.po"])
def test_bilingual_files_import_only_approved_units(store: Store, tmp_path: Path, name: str) -> None:
    from dataclasses import replace

    from tmkit.formats.registry import write_units

    done = replace(tu("Done.", "Готово."), state=State.TRANSLATED)
    draft = replace(tu("Draft.", "Черновик."), state=State.NEEDS_REVIEW)
    units = [done] if name.endswith(".csv") else [done, draft]
    write_units(tmp_path / name, units, src_lang="en", tgt_lang="ru")
    import_files(store, [tmp_path / name])
    assert [u.variants[0].text for u in iter_store_units(store, "en", "ru")] == ["Done."]


def test_missing_file_is_an_input_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        import_files(store, [tmp_path / "absent.tmx"])


def test_not_a_store_is_an_input_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"this is not sqlite at all, just text" * 20)
    with pytest.raises(InputError, match="not a tmkit memory store"):
        Store(bogus)


def _downgrade_to_schema_1(path: Path) -> None:
    """Rewrite a store's index table the way schema 1 kept it (WITHOUT ROWID, blobs inline)."""
    conn = sqlite3.connect(path)
    conn.executescript("""
        ALTER TABLE postings RENAME TO postings_new;
        DROP INDEX postings_key;
        CREATE TABLE postings(lang TEXT NOT NULL, key TEXT NOT NULL, df INTEGER NOT NULL, ids BLOB NOT NULL,
                              PRIMARY KEY(lang, key)) WITHOUT ROWID;
        INSERT INTO postings SELECT lang, key, df, ids FROM postings_new;
        DROP TABLE postings_new;
        ALTER TABLE provenance DROP COLUMN context;
        UPDATE meta SET value = '1' WHERE key = 'schema';""")
    conn.commit()
    conn.close()


def test_schema_1_store_is_migrated_on_open_with_its_index_intact(tmp_path: Path) -> None:
    from tmkit.tm.search import search

    path = tmp_path / "old.sqlite"
    with Store(path) as fresh:
        add_units(fresh, [tu("The ferry left Baku on Sunday.", "Паром вышел из Баку в воскресенье.")])
        before = fresh.conn.execute("SELECT lang, key, df, ids FROM postings ORDER BY lang, key").fetchall()
    _downgrade_to_schema_1(path)
    with Store(path) as migrated:
        assert migrated.meta("schema") == SCHEMA_VERSION
        assert migrated.conn.execute("SELECT lang, key, df, ids FROM postings ORDER BY lang, key").fetchall() == before
        hits = search(migrated, "The ferry left Baku on Monday.", "en", "ru")
        assert [hit.target.text for hit in hits] == ["Паром вышел из Баку в воскресенье."]


def test_failed_upgrade_of_a_schema_1_store_is_an_input_error_and_keeps_the_data(tmp_path: Path,
                                                                                monkeypatch) -> None:
    from tmkit.tm import store as store_module

    path = tmp_path / "old.sqlite"
    with Store(path) as fresh:
        add_units(fresh, [tu("The port opened.", "Порт открылся.")])
    _downgrade_to_schema_1(path)
    # stands in for a read-only file or a lock held too long: the step fails halfway
    monkeypatch.setitem(store_module.MIGRATIONS, "1", store_module.MIGRATIONS["1"] + ";\nSELECT * FROM gone")
    with pytest.raises(InputError, match=f"schema 1 must be upgraded to {SCHEMA_VERSION}"):
        Store(path)
    monkeypatch.undo()
    with Store(path) as upgraded:
        assert upgraded.meta("schema") == SCHEMA_VERSION and count(upgraded, "units") == 2


def test_schema_2_store_keyed_by_single_words_is_reindexed_by_word_pairs_on_open(tmp_path: Path) -> None:
    from tmkit.tm.search import search

    path = tmp_path / "old.sqlite"
    with Store(path) as fresh:
        add_units(fresh, [tu("The ferry left Baku on Sunday with forty trucks aboard.",
                             "Паром вышел из Баку в воскресенье с сорока грузовиками.")])
        before = fresh.conn.execute("SELECT lang, key, df, ids FROM postings ORDER BY lang, key").fetchall()
    conn = sqlite3.connect(path)
    with conn:  # what schema 2 held: one list per single word key
        conn.execute("DELETE FROM postings WHERE substr(key, 1, 1) = char(31)")  # trigrams
        conn.execute("UPDATE postings SET key = substr(key, 1, instr(key, ' ') - 1)")
        conn.execute("ALTER TABLE provenance DROP COLUMN context")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    conn.close()
    with Store(path) as upgraded:
        assert upgraded.meta("schema") == SCHEMA_VERSION
        assert upgraded.conn.execute("SELECT lang, key, df, ids FROM postings ORDER BY lang, key").fetchall() == before
        assert search(upgraded, "The ferry left Baku on Monday with forty trucks aboard.", "en", "ru")


def _downgrade_to_schema_3(path: Path) -> None:
    """Make a store look as schema 3 left it: no context column in provenance."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE provenance DROP COLUMN context")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    conn.close()


def test_schema_3_store_gains_an_empty_context_per_origin_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Store(path) as fresh:
        add_units(fresh, [tu("The port opened.", "Порт открылся.")])
    _downgrade_to_schema_3(path)
    with Store(path) as upgraded:
        contexts = [row[0] for row in upgraded.conn.execute("SELECT context FROM provenance")]
        assert (upgraded.meta("schema"), contexts) == (SCHEMA_VERSION, [None, None])


def test_reimport_after_the_schema_4_upgrade_reads_the_file_again_for_its_contexts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    memory = write(tmp_path / "m.tmx", [tu("One.", "Один."), tu("Two.", "Два.")])
    with Store(path) as fresh:
        import_files(fresh, [memory])
    _downgrade_to_schema_3(path)
    with Store(path) as upgraded:
        (report,) = import_files(upgraded, [memory])
        missing = upgraded.conn.execute("SELECT count(*) FROM provenance WHERE context IS NULL").fetchone()[0]
    assert (report.status, missing) == ("replaced", 0)


def test_import_records_the_segment_before_each_source_as_its_context(store: Store, tmp_path: Path) -> None:
    from tmkit.tm.prepare import DOCUMENT_START, context_hash

    import_files(store, [write(tmp_path / "m.tmx", [tu("One.", "Один."), tu("Two.", "Два.")])])
    rows = store.conn.execute("SELECT s.text, p.context FROM provenance p JOIN units u ON u.id = p.unit_id "
                              "JOIN segments s ON s.id = u.src_seg ORDER BY p.rowid").fetchall()
    assert rows == [("One.", DOCUMENT_START), ("Один.", DOCUMENT_START),
                    ("Two.", context_hash("One.", "en")), ("Два.", context_hash("Один.", "ru"))]


def test_a_pair_typed_in_records_no_context(store: Store) -> None:
    add_units(store, [tu("One.", "Один.")], src_lang="en", tgt_lang="ru", in_document=False)
    assert {row[0] for row in store.conn.execute("SELECT context FROM provenance")} == {None}


def test_store_from_a_newer_tmkit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="schema 99"):
        Store(path)


def test_missing_store_is_a_usage_error_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no memory store"):
        Store(tmp_path / "none.sqlite", create=False)


def test_add_units_adds_both_directions_of_the_pair(store: Store) -> None:
    report = add_units(store, [pair_unit("The port reopened.", "Порт вновь открылся.", "en", "ru")],
                       src_lang="en", tgt_lang="ru")
    assert report.added == 2 and set(store_stats(store).units) == {"en->ru", "ru->en"}


def test_add_units_skips_drafts(store: Store) -> None:
    draft = TranslationUnit((Variant("en", Segment.of("Draft.")), Variant("ru", Segment.of("Черновик."))),
                            state=State.NEEDS_REVIEW)
    approved = TranslationUnit((Variant("en", Segment.of("Done.")), Variant("ru", Segment.of("Готово."))),
                               state=State.TRANSLATED)
    add_units(store, [draft, approved], src_lang="en", tgt_lang="ru", both_directions=False)
    assert [u.variants[0].text for u in iter_store_units(store, "en", "ru")] == ["Done."]


def test_add_units_records_the_origin(store: Store) -> None:
    add_units(store, [pair_unit("A.", "А.", "en", "ru")], origin="check --update-tm news.xlf")
    assert store.conn.execute("SELECT DISTINCT origin FROM provenance").fetchall() == [
        ("check --update-tm news.xlf",)]


def test_dedupe_merges_pairs_that_normalize_alike_and_clears_stale_postings(store: Store) -> None:
    add_units(store, [pair_unit("Port opened.", "Порт открылся.", "en", "ru"),
                      pair_unit("Port reopened.", "Порт открылся.", "en", "ru")],
              src_lang="en", tgt_lang="ru", both_directions=False)
    # a store written under older rules: the text changed, its normalized form did not
    store.conn.execute("UPDATE segments SET text='PORT OPENED.' WHERE text='Port reopened.'")
    report = dedupe(store)
    assert (report.merged, report.segments_removed, count(store, "units"), store_stats(store).stale) == (
        1, 1, 1, 0)


def test_merge_stores_copies_units_with_their_origin(tmp_path: Path) -> None:
    with Store(tmp_path / "other.sqlite") as other:
        import_files(other, [write(tmp_path / "m.tmx", [tu("One.", "Один.", tuid="t1")])])
    with Store(tmp_path / "main.sqlite") as main:
        report = merge_stores(main, tmp_path / "other.sqlite")
        origins = {r[0] for r in main.conn.execute("SELECT origin FROM provenance")}
    assert report.added == 2 and origins == {str((tmp_path / "m.tmx").resolve())}


def test_reading_an_empty_file_as_a_store_is_refused_and_leaves_it_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(UsageError, match="no memory store here"):
        Store(empty, create=False)
    assert empty.stat().st_size == 0


def test_another_applications_database_is_not_taken_over(tmp_path: Path) -> None:
    other = tmp_path / "app.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE users(id INTEGER)")
    conn.close()
    with pytest.raises(InputError, match="not a tmkit memory store"):
        Store(other)
    with sqlite3.connect(other) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    conn.close()
    assert tables == ["users"]


def test_merging_the_same_store_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    with Store(tmp_path / "other.sqlite") as other:
        import_files(other, [write(tmp_path / "m.tmx", [tu("One.", "Один.", tuid="t1")])])
    with Store(tmp_path / "main.sqlite") as main:
        merge_stores(main, tmp_path / "other.sqlite")
        second = merge_stores(main, tmp_path / "other.sqlite")
        usage = main.conn.execute("SELECT sum(usage_count) FROM units").fetchone()[0]
    assert (second.added, second.merged, usage) == (0, 0, 2)


def test_merging_a_store_built_from_the_same_file_adds_nothing(tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("One.", "Один.", tuid="t1")])
    with Store(tmp_path / "other.sqlite") as other:
        import_files(other, [memory])
    with Store(tmp_path / "main.sqlite") as main:
        import_files(main, [memory])
        report = merge_stores(main, tmp_path / "other.sqlite")
        assert main.conn.execute("SELECT count(*) FROM provenance").fetchone()[0] == 2
    assert report.added == report.merged == 0


def test_merging_a_store_into_itself_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "main.sqlite") as main:
        import_files(main, [write(tmp_path / "m.tmx", [tu("One.", "Один.", tuid="t1")])])
        with pytest.raises(UsageError, match="into itself"):
            merge_stores(main, tmp_path / "." / "main.sqlite")
        assert main.conn.execute("SELECT count(*), sum(usage_count) FROM units").fetchone() == (2, 2)


def test_open_memory_imports_a_tmx_into_a_throwaway_store(tmp_path: Path) -> None:
    with open_memory(write(tmp_path / "m.tmx", [tu("One.", "Один.")])) as memory:
        assert memory.path == ":memory:" and count(memory, "units") == 2


def test_append_to_tmx_keeps_existing_units(tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("One.", "Один.")])
    append_to_tmx(memory, [pair_unit("Two.", "Два.", "en", "ru")])
    assert [u.variants[0].text for u in iter_units(memory)] == ["One.", "Two."]


def test_append_to_tmx_skips_units_the_file_already_holds(tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("One.", "Один.")])
    batch = [pair_unit("One.", "Один.", "en", "ru"), pair_unit("Two.", "Два.", "en", "ru"),
             pair_unit("Two.", "Два.", "en", "ru")]
    assert append_to_tmx(memory, batch) == 1
    assert append_to_tmx(memory, batch) == 0
    assert [u.variants[0].text for u in iter_units(memory)] == ["One.", "Two."]


def test_append_to_tmx_writes_valid_tmx_from_xliff_units_and_skips_empty_targets(tmp_path: Path) -> None:
    from dataclasses import replace

    from lxml import etree

    from_xliff = replace(pair_unit("Done.", "Готово.", "en", "ru"), extra=(("approved", "yes"), ("resname", "k1")))
    untranslated = pair_unit("Open.", "", "en", "ru")
    memory = tmp_path / "m.tmx"
    assert append_to_tmx(memory, [from_xliff, untranslated]) == 1
    written = memory.read_text(encoding="utf-8")
    assert "approved" not in written and "resname" not in written and "Open." not in written
    etree.parse(str(memory))  # well-formed; the DTD check runs in test_tmx_write


def test_append_to_tmx_keeps_a_changed_translation(tmp_path: Path) -> None:
    memory = write(tmp_path / "m.tmx", [tu("One.", "Один.")])
    assert append_to_tmx(memory, [pair_unit("One.", "Одно.", "en", "ru")]) == 1


def test_concurrent_reader_sees_committed_units(store: Store, tmp_path: Path) -> None:
    add_units(store, [pair_unit("One.", "Один.", "en", "ru")])
    reader = sqlite3.connect(store.path)
    assert reader.execute("SELECT count(*) FROM units").fetchone()[0] == 2
    reader.close()


# --------------------------------------------------------------------------- CLI


def _cli(*args: str):
    from click.testing import CliRunner

    from tmkit.cli.main import cli

    return CliRunner().invoke(cli, list(args))


def test_cli_import_reports_skipped_on_second_run(tmp_path: Path) -> None:
    memory, db = write(tmp_path / "m.tmx", [tu("One.", "Один.")]), str(tmp_path / "tm.sqlite")
    _cli("tm", "import", str(memory), "--store", db)
    second = _cli("tm", "import", str(memory), "--store", db)
    assert second.exit_code == 0 and second.output.startswith("skipped")


def test_cli_import_without_files_is_a_usage_error(tmp_path: Path) -> None:
    result = _cli("tm", "import", "--store", str(tmp_path / "tm.sqlite"))
    assert result.exit_code != 0 and "give memory files" in str(result.exception)


def test_cli_stats_store_counts_units_per_direction(tmp_path: Path) -> None:
    memory, db = write(tmp_path / "m.tmx", [tu("One.", "Один.")]), str(tmp_path / "tm.sqlite")
    _cli("tm", "import", str(memory), "--store", db)
    result = _cli("tm", "stats", "--store", db, "--format", "json")
    assert json.loads(result.output)["units"] == {"en->ru": 1, "ru->en": 1}


def test_cli_export_dedupe_and_merge(tmp_path: Path) -> None:
    memory, db, other = write(tmp_path / "m.tmx", [tu("One.", "Один.")]), tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    _cli("tm", "import", str(memory), "--store", str(db))
    exported = _cli("tm", "export", str(tmp_path / "out.tmx"), "--store", str(db), "--src", "en", "--tgt", "ru")
    deduped = _cli("tm", "dedupe", "--store", str(db))
    merged = _cli("tm", "merge", str(db), "--store", str(other))
    assert [r.exit_code for r in (exported, deduped, merged)] == [0, 0, 0]
    assert exported.output.startswith("1 units") and "2 new" in merged.output


def test_export_writes_codes_read_from_xliff_as_tmx_codes(store: Store, tmp_path: Path) -> None:
    from lxml import etree

    bold = Segment.of(InlineCode("bpt", (("id", "1"),), ("<b>",)), "Port",
                      InlineCode("ept", (("id", "1"),), ("</b>",)), " opened.")
    add_units(store, [TranslationUnit((Variant("en", bold), Variant("ru", Segment.of("Порт открыт."))))])
    export_tmx(store, tmp_path / "out.tmx", src_lang="en", tgt_lang="ru")
    codes = etree.parse(str(tmp_path / "out.tmx")).xpath("//bpt | //ept")
    assert codes and all(code.get("i") and code.get("id") is None for code in codes)


def test_cli_export_to_another_format_name_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    _cli("tm", "import", str(write(tmp_path / "m.tmx", [tu("One.", "Один.")])), "--store", str(db))
    result = _cli("tm", "export", str(tmp_path / "out.xlf"), "--store", str(db))
    assert isinstance(result.exception, UsageError) and "tm export writes TMX" in str(result.exception)
    assert not (tmp_path / "out.xlf").exists()


def test_store_approved_fills_a_new_store_and_appends_to_the_tmx(tmp_path: Path) -> None:
    from tmkit.workflows.approve import store_approved

    units = [tu("The port reopened.", "Порт вновь открылся.")]
    stored = store_approved(units, tmp_path / "new" / "tm.sqlite", origin="test", tmx=tmp_path / "memory.tmx")
    assert (stored.report.added, stored.appended) == (2, 1)
    assert [u.variants[1].text for u in iter_units(tmp_path / "memory.tmx")] == ["Порт вновь открылся."]
    with Store(stored.store, create=False) as store:
        assert store.conn.execute("SELECT DISTINCT origin FROM provenance").fetchall() == [("test",)]
    assert store_approved(units, stored.store, origin="again").appended is None


def test_a_unit_naming_another_article_starts_a_new_document_context(store: Store, tmp_path: Path) -> None:
    from tmkit.tm.prepare import DOCUMENT_START, context_hash

    units = [tu("One.", "Один.", props=(Prop("x-article", "a"),)), tu("Two.", "Два.", props=(Prop("x-article", "a"),)),
             tu("Three.", "Три.", props=(Prop("x-article", "b"),))]
    import_files(store, [write(tmp_path / "m.tmx", units)], langs=("en", "ru"))
    rows = store.conn.execute("SELECT s.text, p.context FROM provenance p JOIN units u ON u.id = p.unit_id "
                              "JOIN segments s ON s.id = u.src_seg WHERE u.src_lang = 'en' ORDER BY p.rowid").fetchall()
    assert rows == [("One.", DOCUMENT_START), ("Two.", context_hash("One.", "en")), ("Three.", DOCUMENT_START)]


def test_importing_an_article_says_it_is_not_a_memory_and_points_to_align(store: Store, tmp_path: Path) -> None:
    article = tmp_path / "ferry.en.md"
    article.write_text("# Ferry\n\nThe ferry left.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="is an article, not a memory") as caught:
        import_files(store, [article])
    assert "tmkit align" in caught.value.hint


def test_export_of_a_direction_the_store_lacks_is_refused_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    import_files(store, [write(tmp_path / "m.tmx", [tu("One.", "Один.")])])
    with pytest.raises(UsageError, match="no en->fr units .*en->ru"):
        export_tmx(store, tmp_path / "out.tmx", src_lang="en", tgt_lang="fr")
    assert not (tmp_path / "out.tmx").exists()


def test_adding_the_same_approval_again_does_not_count_it_twice(store: Store) -> None:
    for _ in range(3):
        add_units(store, [tu("One.", "Один.", tuid="t1")], origin="check --update-tm")
    usage = store.conn.execute("SELECT usage_count FROM units").fetchall()
    assert (usage, count(store, "provenance")) == ([(1,), (1,)], 2)


def test_forgetting_a_deleted_file_removes_its_units_and_lets_the_rebuild_run(store: Store, tmp_path: Path) -> None:
    from tmkit.tm.store import forget_files

    kept = write(tmp_path / "kept.tmx", [tu("One.", "Один.")])
    gone = write(tmp_path / "gone.tmx", [tu("Two.", "Два.")])
    import_files(store, [kept, gone])
    gone.unlink()
    forget_files(store, [gone])
    import_files(store, [], rebuild=True)
    assert [u.variants[0].text for u in iter_store_units(store, "en", "ru")] == ["One."]


def test_forgetting_a_file_the_store_never_imported_is_an_input_error(store: Store, tmp_path: Path) -> None:
    from tmkit.tm.store import forget_files

    with pytest.raises(InputError, match="holds no file"):
        forget_files(store, [tmp_path / "never.tmx"])


def test_rebuild_missing_a_known_file_points_to_tm_forget(store: Store, tmp_path: Path) -> None:
    gone = write(tmp_path / "gone.tmx", [tu("Two.", "Два.")])
    import_files(store, [gone])
    gone.unlink()
    with pytest.raises(InputError, match="file not found") as caught:
        import_files(store, [], rebuild=True)
    assert "tmkit tm forget" in caught.value.hint
