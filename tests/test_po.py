"""PO catalogs: states, plurals, context, comments, languages, errors, writing through polib."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmkit.errors import InputError
from tmkit.formats.bilingual import make_unit
from tmkit.formats.po import load_po, po_language, write_po
from tmkit.model import Note, Segment, State

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"

CATALOG = r'''# Newsroom strings.
msgid ""
msgstr ""
"Project-Id-Version: newsroom 1\n"
"Language: ru\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

# Shown on the front page.
#. Headline kicker
#: templates/front.html:12
msgid "Breaking news"
msgstr "Срочные новости"

#, fuzzy, python-format
msgid "%(count)s article"
msgid_plural "%(count)s articles"
msgstr[0] "%(count)s статья"
msgstr[1] "%(count)s статьи"
msgstr[2] "%(count)s статей"

msgctxt "menu"
msgid "Politics"
msgstr ""

#~ msgid "Old string"
#~ msgstr "Старая строка"
'''

EXPECTED_PO = {
    "iso_3166-1_az.po": (425, 221, 190, 14),
    "iso_3166-1_ru.po": (425, 425, 0, 0),
    "iso_3166-2_az.po": (4891, 67, 2331, 2493),
    "iso_3166-2_ru.po": (4891, 1855, 1902, 1134),
    "iso_3166-3_az.po": (31, 1, 14, 16),
    "iso_639-2_az.po": (488, 24, 163, 301),
}
"""File -> (units, translated, fuzzy, untranslated), from ../shared/realworld/README.md section 4."""


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    path = tmp_path / "news.po"
    path.write_text(CATALOG, encoding="utf-8")
    return path


def _po(name: str) -> Path:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    return REALWORLD / "po" / name


def test_reader_skips_obsolete_entries(catalog):
    assert len(load_po(catalog).units) == 3


def test_reader_maps_flags_to_states(catalog):
    states = [u.state for u in load_po(catalog).units]
    assert states == [State.TRANSLATED, State.NEEDS_REVIEW, State.NEEDS_TRANSLATION]


def test_reader_keeps_plural_entry_as_one_unit_with_forms(catalog):
    unit = load_po(catalog).units[1]
    source, target = unit.variants
    assert [s.text for s in source.all_forms] == ["%(count)s article", "%(count)s articles"]
    assert [s.text for s in target.all_forms] == ["%(count)s статья", "%(count)s статьи",
                                                  "%(count)s статей"]


def test_reader_keeps_context_flags_and_references_as_props(catalog):
    units = load_po(catalog).units
    assert units[2].prop("x-po-msgctxt") == "menu"
    assert units[1].prop("x-po-flag") == "python-format"
    assert units[0].prop("x-po-reference") == "templates/front.html:12"


def test_reader_turns_comments_into_translator_and_developer_notes(catalog):
    assert load_po(catalog).units[0].notes == (
        Note("Shown on the front page.", extra=(("from", "translator"),)),
        Note("Headline kicker", extra=(("from", "developer"),)))


def test_reader_leaves_target_absent_for_untranslated_entry(catalog):
    assert load_po(catalog).units[2].languages == ("en",)


def test_reader_records_line_where_entry_comments_start(catalog):
    assert load_po(catalog).units[0].line == 10


def test_reader_reads_language_header_and_default_source(catalog):
    doc = load_po(catalog)
    assert (doc.src_lang, doc.tgt_lang) == ("en", "ru")


def test_language_falls_back_to_team_name():
    assert po_language({"Language": "", "Language-Team": "Azerbaijani Turkic <x@y.az>"}, "a.po") == "az"


def test_language_falls_back_to_file_name():
    assert po_language({"Language": ""}, "po/iso_3166-1_az.po") == "az"
    assert po_language({}, "ru.po") == "ru"


def test_round_trip_load_write_load_is_equal(catalog, tmp_path):
    doc = load_po(catalog)
    out = tmp_path / "out.po"
    assert write_po(out, doc) == 3
    assert load_po(out).units == doc.units


def test_writer_marks_unapproved_targets_fuzzy(tmp_path):
    unit = make_unit("en", Segment.of("Vote"), "az", Segment.of("Səsvermə"), state=State.NEW)
    out = tmp_path / "o.po"
    write_po(out, [unit], src_lang="en", tgt_lang="az")
    assert load_po(out).units[0].state is State.NEEDS_REVIEW


def test_writer_skips_duplicate_source_strings(tmp_path):
    units = [make_unit("en", Segment.of("Baku"), "ru", Segment.of(t)) for t in ("Баку", "Баку!")]
    out = tmp_path / "o.po"
    assert write_po(out, units, src_lang="en", tgt_lang="ru") == 1


def test_writer_adds_plural_forms_for_known_language(tmp_path):
    unit = make_unit("en", Segment.of("one day"), "ru", Segment.of("день"),
                     src_forms=(Segment.of("days"),), tgt_forms=(Segment.of("дня"), Segment.of("дней")))
    out = tmp_path / "o.po"
    write_po(out, [unit], src_lang="en", tgt_lang="ru")
    assert "nplurals=3" in out.read_text(encoding="utf-8")
    assert load_po(out).units[0].variants[1].forms[1].text == "дней"


def test_missing_file_is_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_po(tmp_path / "nope.po")


def test_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text('msgid "a"\nmsgstr "b"\nthis is not po\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_po(path)
    assert info.value.path == str(path) and info.value.line == 3


def test_undecodable_file_is_input_error_naming_file_charset_and_line(tmp_path):
    path = tmp_path / "latin.po"
    path.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                     b'msgid "Baku"\nmsgstr "Bak\xfc"\n')
    with pytest.raises(InputError, match="cannot decode PO file: .* as UTF-8") as info:
        load_po(path)
    assert (info.value.path, info.value.line) == (str(path), 5)


def test_syntax_error_message_says_what_is_wrong(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text('msgid "a"\nmsgid "b"\nmsgstr "c"\n', encoding="utf-8")
    with pytest.raises(InputError, match="invalid PO file: msgid cannot follow msgid") as info:
        load_po(path)
    assert info.value.line == 2


def test_reading_leaves_the_garbage_collector_as_it_found_it(catalog):
    load_po(catalog)
    assert gc.isenabled()
    gc.disable()
    try:
        load_po(catalog)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reader_reads_plural_context_and_previous_strings_as_props(tmp_path):
    path = tmp_path / "prev.po"
    path.write_text('#| msgid "Old day"\nmsgctxt "date"\nmsgid "day"\nmsgid_plural "days"\n'
                    'msgstr[0] "gün"\nmsgstr[1] "gün"\n', encoding="utf-8")
    unit = load_po(path).units[0]
    assert (unit.prop("x-po-previous-msgid"), unit.prop("x-po-msgctxt")) == ("Old day", "date")
    assert [s.text for s in unit.variants[1].all_forms] == ["gün", "gün"]


def test_windows_1251_drupal_file_gives_input_error_with_line():
    with pytest.raises(InputError, match="invalid PO file") as info:
        load_po(_po("okapi_Test_DrupalRussianCP1251.po"))
    assert info.value.line == 3
    assert "okapi_Test_DrupalRussianCP1251.po" in str(info.value)


@pytest.mark.parametrize("name", sorted(EXPECTED_PO))
def test_real_iso_codes_catalog_has_readme_counts(name):
    doc = load_po(_po(f"iso-codes/{name}"))
    states = [u.state for u in doc.units]
    assert (len(states), states.count(State.TRANSLATED), states.count(State.NEEDS_REVIEW),
            states.count(State.NEEDS_TRANSLATION)) == EXPECTED_PO[name]


def test_real_catalog_without_language_header_is_azerbaijani():
    assert load_po(_po("iso-codes/iso_3166-2_az.po")).tgt_lang == "az"


_po_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(source=_po_text, target=_po_text, fuzzy=st.booleans())
def test_round_trip_arbitrary_strings(tmp_path_factory, source, target, fuzzy):
    unit = make_unit("en", Segment.of(source), "az", Segment.of(target),
                     state=State.NEEDS_REVIEW if fuzzy else State.TRANSLATED)
    out = tmp_path_factory.mktemp("po") / "rt.po"
    write_po(out, [unit], src_lang="en", tgt_lang="az")
    back = load_po(out).units[0]
    assert (back.variants[0].text, back.variants[1].text, back.state) == (source, target, unit.state)
