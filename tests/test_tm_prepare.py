"""Import preparation: rows computed from units alone, inline or in a second (forked) process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tmkit.errors import InputError, UsageError
from tmkit.formats.tmx import write_tmx
from tmkit.model import Header, Prop, Segment, TranslationUnit, Variant
from tmkit.tm import prepare
from tmkit.tm.prepare import prepare_units, prepared_pairs_of_file
from tmkit.tm.store import Store, import_files

needs_fork = pytest.mark.skipif(not prepare._can_fork(), reason="the second reading process needs fork (Linux, 2+ CPUs)")

TABLES = ("segments", "units", "provenance", "postings", "files")


def unit(number: int) -> TranslationUnit:
    return TranslationUnit(
        (Variant("en", Segment.of(f"The ferry {number} left Baku on Sunday with {number * 7} trucks.")),
         Variant("ru", Segment.of(f"Паром {number} вышел из Баку в воскресенье с {number * 7} грузовиками.")),
         Variant("az", Segment.of(f"{number} saylı bərə bazar günü İçərişəhərdən çıxdı."))),
        tuid=str(number), srclang="en", props=(Prop("x-desk", "economy"),))


@pytest.fixture
def memory(tmp_path: Path) -> Path:
    path = tmp_path / "memory.tmx"
    # a few repeats, so deduplication and usage counts take part
    write_tmx(path, [unit(n % 2500) for n in range(2600)], Header(srclang="en"))
    return path


def contents(store: Store) -> dict[str, list[tuple]]:
    """Every table except the files' import dates, in a stable order."""
    out = {}
    for table in TABLES:
        rows = store.conn.execute(f"SELECT * FROM {table}").fetchall()
        if table == "files":
            rows = [row[:6] + row[7:] for row in rows]
        out[table] = sorted(rows, key=repr)
    return out


def imported(path: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, minimum: int) -> dict:
    monkeypatch.setattr(prepare, "PARALLEL_MIN_BYTES", minimum)
    with Store(tmp_path / name) as store:
        import_files(store, [path])
        return contents(store)


@needs_fork
def test_store_built_in_a_second_process_equals_the_inline_build(memory, tmp_path, monkeypatch) -> None:
    inline = imported(memory, tmp_path, "inline.sqlite", monkeypatch, 1 << 40)
    parallel = imported(memory, tmp_path, "parallel.sqlite", monkeypatch, 0)
    assert parallel == inline and len(inline["units"]) == 2500 * 6


@needs_fork
def test_malformed_file_read_in_a_second_process_reports_its_location_and_writes_nothing(tmp_path, monkeypatch
                                                                                        ) -> None:
    broken = tmp_path / "broken.tmx"
    good = "".join(f'<tu><tuv xml:lang="en"><seg>Port {n} opened.</seg></tuv>'
                   f'<tuv xml:lang="ru"><seg>Порт {n} открылся.</seg></tuv></tu>\n' for n in range(5000))
    broken.write_text(f'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n{good}'
                      '<tu><tuv xml:lang="en"><seg>cut off</tuv></tu></body></tmx>\n', encoding="utf-8")
    monkeypatch.setattr(prepare, "PARALLEL_MIN_BYTES", 0)
    with Store(tmp_path / "tm.sqlite") as store:
        with pytest.raises(InputError) as raised:
            import_files(store, [broken])
        assert raised.value.path and raised.value.path.endswith("broken.tmx") and raised.value.line == 5003
        assert all(store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0 for t in TABLES)


@needs_fork
def test_reader_process_that_dies_is_reported_not_waited_for(memory, monkeypatch) -> None:
    def dying(path: Path, *args, **kwargs):
        os._exit(3)

    monkeypatch.setattr(prepare, "read_memory_file", dying)
    with prepared_pairs_of_file(memory, parallel=True) as pairs, \
            pytest.raises(InputError, match="stopped unexpectedly .exit code 3"):
        next(pairs)


def test_small_file_is_prepared_inline_with_the_same_pairs(memory) -> None:
    from tmkit.formats.tmx import iter_units

    with prepared_pairs_of_file(memory) as pairs:
        assert list(pairs) == list(prepare_units(iter_units(memory)))


def test_a_glossary_is_not_a_memory(tmp_path) -> None:
    glossary = tmp_path / "terms.tbx"
    glossary.write_text('<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic">'
                        "<text><body/></text></tbx>", encoding="utf-8")
    with pytest.raises(UsageError, match="not a memory"), prepared_pairs_of_file(glossary):
        pass


def test_each_segment_of_a_unit_is_prepared_once_for_all_its_pairs() -> None:
    prepared = list(prepare_units([unit(4)]))
    assert len(prepared) == 6
    sources = {id(p[0]) for p in prepared}
    assert len(sources) == 3 and {id(p[1]) for p in prepared} == sources


def test_an_exported_trilingual_unit_split_into_pairs_is_not_its_own_context() -> None:
    def unit(*texts: tuple[str, str]) -> TranslationUnit:
        return TranslationUnit(tuple(Variant(lang, Segment.of(text)) for lang, text in texts))

    exported = [unit(("en", "One."), ("ru", "Один.")), unit(("en", "One."), ("az", "Bir.")),
                unit(("ru", "Один."), ("az", "Bir.")), unit(("en", "Two."), ("ru", "Два."))]
    contexts = {(p[0][2], p[1][2]): p[3][8] for p in prepare_units(exported)}
    assert contexts[("One.", "Bir.")] == prepare.DOCUMENT_START
    assert contexts[("Two.", "Два.")] == prepare.context_hash("One.", "en")
