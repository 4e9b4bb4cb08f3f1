"""Format detection, bilingual reading of any format, and the ``tmkit convert`` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmkit.cli.main import cli
from tmkit.errors import InputError, UsageError
from tmkit.formats.bilingual import make_unit
from tmkit.formats.registry import convert_file, detect_format, read_units, write_units
from tmkit.formats.tmx import write_tmx
from tmkit.model import Header, InlineCode, Segment, State, TranslationUnit, Variant

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"


@pytest.fixture
def trilingual_tmx(tmp_path: Path) -> Path:
    units = [TranslationUnit(variants=(
        Variant("en", Segment.of("The ", InlineCode("bpt", (("i", "1"),), ("<b>",)), "budget",
                                 InlineCode("ept", (("i", "1"),), ("</b>",)), " passed.")),
        Variant("ru-RU", Segment.of("Бюджет принят.")),
        Variant("az", Segment.of("Büdcə qəbul edildi."))), tuid="1", srclang="en"),
        TranslationUnit(variants=(Variant("en", Segment.of("Baku")), Variant("az", Segment.of("Bakı"))),
                        tuid="2", srclang="en")]
    path = tmp_path / "news.tmx"
    write_tmx(path, units, Header(srclang="en"))
    return path


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tmkit", *args], capture_output=True, text=True,
                          cwd=cwd)


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(("name", "fmt"), [("a.tmx", "tmx"), ("a.xlf", "xliff"), ("a.XLIFF", "xliff"),
                                           ("a.xliff2", "xliff"), ("a.po", "po"), ("a.pot", "po"),
                                           ("a.tbx", "tbx")])
def test_detect_format_by_extension(name, fmt):
    assert detect_format(name) == fmt


def test_detect_format_tells_glossary_csv_by_concept_column(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term\n1,en,budget\n", encoding="utf-8")
    pairs = tmp_path / "p.csv"
    pairs.write_text("en,ru\na,b\n", encoding="utf-8")
    assert (detect_format(glossary), detect_format(pairs)) == ("glossary-csv", "pairs")


def test_explicit_format_overrides_extension():
    assert detect_format("memory.dat", "xliff12") == "xliff"


def test_unknown_extension_lists_supported_formats():
    with pytest.raises(UsageError, match=r"supported: tmx \(\.tmx\)"):
        detect_format("article.docx")


def test_read_units_reports_missing_file():
    with pytest.raises(InputError, match="file not found"):
        read_units("no/such/file.tmx")


# --------------------------------------------------------------------------- multilingual TMX


def test_tmx_with_three_languages_needs_tgt_lang(trilingual_tmx):
    with pytest.raises(UsageError, match=r"more than two languages \(en, ru-RU, az\)"):
        read_units(trilingual_tmx)


def test_tmx_target_is_picked_by_tgt_lang(trilingual_tmx):
    doc = read_units(trilingual_tmx, tgt_lang="ru")
    assert [u.languages for u in doc.units] == [("en", "ru-RU"), ("en",)]


def test_tmx_source_language_must_exist(trilingual_tmx):
    with pytest.raises(UsageError, match="no de variants"):
        read_units(trilingual_tmx, src_lang="de", tgt_lang="ru")


def test_tmx_target_language_must_exist_or_every_translation_would_be_dropped(trilingual_tmx):
    with pytest.raises(UsageError, match=r"no fr variants; its languages: en, ru-RU, az"):
        read_units(trilingual_tmx, tgt_lang="fr")


def test_source_only_tmx_may_name_the_target_to_translate_into(tmp_path):
    path = tmp_path / "todo.tmx"
    write_tmx(path, [TranslationUnit((Variant("en", Segment.of("Baku")),), tuid="1")], Header(srclang="en"))
    assert read_units(path, tgt_lang="fr").tgt_lang == "fr"


# --------------------------------------------------------------------------- conversions


def test_notes_of_other_formats_lose_attributes_tmx_has_not(tmp_path):
    xliff = tmp_path / "n.xlf"
    xliff.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
        'source-language="en" target-language="ru" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Hi</source><target>Привет</target>'
        '<note from="developer" priority="1">greeting</note></trans-unit></body></file></xliff>',
        encoding="utf-8")
    convert_file(xliff, tmp_path / "n.tmx")
    written = (tmp_path / "n.tmx").read_text(encoding="utf-8")
    assert "<note>greeting</note>" in written and "priority" not in written


def test_tmx_to_xliff_keeps_codes_as_sc_ec(trilingual_tmx, tmp_path):
    out = tmp_path / "news.xlf"
    result = convert_file(trilingual_tmx, out, tgt_lang="az")
    assert (result.count, result.fmt) == (2, "xliff 2.0")
    kinds = [c.kind for c in read_units(out).units[0].variants[0].segment.codes]
    assert kinds == ["sc", "ec"]


def test_xliff_state_survives_a_trip_through_tmx(tmp_path):
    units = [make_unit("en", Segment.of("Vote"), "az", Segment.of("Səsvermə"), tuid="v",
                       state=State.NEEDS_REVIEW)]
    first = tmp_path / "a.xlf"
    write_units(first, units, src_lang="en", tgt_lang="az")
    convert_file(first, tmp_path / "b.tmx")
    convert_file(tmp_path / "b.tmx", tmp_path / "c.xlf")
    assert read_units(tmp_path / "c.xlf").units[0].state is State.NEEDS_REVIEW


@pytest.mark.parametrize("chain", [("xlf", "po", "csv", "tsv", "tmx", "xlf"),
                                   ("po", "tmx", "csv", "xlf")])
def test_text_and_languages_survive_conversion_chains(tmp_path, chain):
    units = [make_unit("en", Segment.of(f"Line {i}, with «quotes»"), "ru", Segment.of(f"Строка {i}"),
                       tuid=f"t{i}", state=State.TRANSLATED) for i in range(3)]
    current = tmp_path / f"start.{chain[0]}"
    write_units(current, units, src_lang="en", tgt_lang="ru")
    for step, ext in enumerate(chain[1:]):
        nxt = tmp_path / f"step{step}.{ext}"
        convert_file(current, nxt)
        current = nxt
    doc = read_units(current)
    assert (doc.src_lang, doc.tgt_lang) == ("en", "ru")
    assert [tuple(v.text for v in u.variants) for u in doc.units] == [
        (f"Line {i}, with «quotes»", f"Строка {i}") for i in range(3)]


def test_xliff12_input_stays_12_by_default(tmp_path):
    first = tmp_path / "a.xlf"
    write_units(first, [make_unit("en", Segment.of("a"), "ru", Segment.of("б"))], src_lang="en",
                tgt_lang="ru", version="1.2")
    result = convert_file(first, tmp_path / "b.xlf")
    assert result.fmt == "xliff 1.2"


def test_glossary_and_segments_do_not_mix(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term\n1,en,budget\n1,ru,бюджет\n", encoding="utf-8")
    with pytest.raises(UsageError, match="do not mix"):
        convert_file(glossary, tmp_path / "g.xlf")


def test_glossary_csv_converts_to_tbx_and_back(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term\nc1,en,budget\nc1,ru,бюджет\nc1,az,büdcə\n", encoding="utf-8")
    assert convert_file(glossary, tmp_path / "g.tbx").count == 1
    back = convert_file(tmp_path / "g.tbx", tmp_path / "g2.csv")
    assert (back.count, back.fmt, back.noun) == (1, "glossary-csv", "concepts")


# --------------------------------------------------------------------------- CLI


def test_cli_convert_prints_one_summary_line(trilingual_tmx, tmp_path):
    out = tmp_path / "news.po"
    result = CliRunner().invoke(cli, ["convert", str(trilingual_tmx), str(out), "--tgt-lang", "ru"])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote 2 units to {out} (po)\n"
    assert [u.state for u in read_units(out).units] == [State.TRANSLATED, State.NEEDS_TRANSLATION]


def test_cli_convert_to_po_says_how_many_duplicate_units_were_left_out(tmp_path):
    pairs = tmp_path / "p.csv"
    pairs.write_text("en,ru\nYes,Да\nYes,Конечно\nNo,Нет\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(pairs), str(tmp_path / "p.po")])
    assert result.exit_code == 0, result.output
    assert "wrote 2 units" in result.output and "1 of the 3 units read were not written" in result.output


def test_cli_convert_honours_xliff_version(trilingual_tmx, tmp_path):
    out = tmp_path / "news.xlf"
    result = CliRunner().invoke(cli, ["convert", str(trilingual_tmx), str(out), "--tgt-lang", "az",
                                      "--xliff-version", "1.2"])
    assert "(xliff 1.2)" in result.output
    assert 'version="1.2"' in out.read_text(encoding="utf-8")


def test_cli_convert_bad_input_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff version='1.2'><file>", encoding="utf-8")
    out = tmp_path / "out.po"
    proc = _run("convert", str(bad), str(out))
    assert proc.returncode == 2
    assert "bad.xlf:1:" in proc.stderr and "malformed XML" in proc.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlf"]


def test_cli_convert_missing_file_exits_2(tmp_path):
    proc = _run("convert", str(tmp_path / "none.tmx"), str(tmp_path / "x.po"))
    assert proc.returncode == 2 and "file not found" in proc.stderr


def test_cli_convert_three_language_tmx_lists_languages(trilingual_tmx, tmp_path):
    proc = _run("convert", str(trilingual_tmx), str(tmp_path / "x.xlf"))
    assert proc.returncode == 2 and "en, ru-RU, az" in proc.stderr


def test_cli_convert_real_po_to_xliff(tmp_path):
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    out = tmp_path / "az.xlf"
    result = CliRunner().invoke(cli, ["convert", str(REALWORLD / "po/iso-codes/iso_3166-1_az.po"),
                                      str(out)])
    assert result.output == f"wrote 425 units to {out} (xliff 2.0)\n"
    states = [u.state for u in read_units(out).units]
    assert states.count(State.NEEDS_REVIEW) == 190


def test_from_option_reads_an_unusual_extension(tmp_path):
    path = tmp_path / "export.dat"
    path.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
                    'trgLang="ru"><file id="f"><unit id="u"><segment><source>Hi</source>'
                    "<target>Привет</target></segment></unit></file></xliff>", encoding="utf-8")
    result = convert_file(path, tmp_path / "out.csv", from_fmt="xliff")
    assert result.count == 1
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == "id,en,ru\nu,Hi,Привет\n"


def test_xliff_placeholders_survive_a_trip_through_tmx(tmp_path):
    xliff = tmp_path / "messages.xlf"
    xliff.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="ng" '
        'source-language="en" target-language="ru" datatype="plaintext"><body>'
        '<trans-unit id="u1"><source>Hello <x id="INTERPOLATION" equiv-text="{{ name &amp; co }}"/>!</source>'
        '<target>Привет, <x id="INTERPOLATION" equiv-text="{{ name &amp; co }}"/>!</target></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    convert_file(xliff, tmp_path / "m.tmx")
    assert "<ph>" in (tmp_path / "m.tmx").read_text(encoding="utf-8")
    convert_file(tmp_path / "m.tmx", tmp_path / "back.xlf", xliff_version="1.2")
    [unit] = read_units(tmp_path / "back.xlf").units
    [code] = unit.variants[0].segment.codes
    assert (code.kind, dict(code.attrs)) == ("x", {"id": "INTERPOLATION", "equiv-text": "{{ name & co }}"})


def test_xliff_bpt_with_an_id_is_written_to_tmx_with_an_i(tmp_path):
    xliff = tmp_path / "b.xlf"
    xliff.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
        'source-language="en" target-language="ru" datatype="plaintext"><body><trans-unit id="1">'
        '<source><bpt id="1">&lt;b&gt;</bpt>Port<ept id="1">&lt;/b&gt;</ept> opened.</source>'
        '<target><bpt id="1">&lt;b&gt;</bpt>Порт<ept id="1">&lt;/b&gt;</ept> открыт.</target>'
        '</trans-unit></body></file></xliff>', encoding="utf-8")
    convert_file(xliff, tmp_path / "b.tmx")
    written = (tmp_path / "b.tmx").read_text(encoding="utf-8")
    assert '<bpt i="1">' in written and ' id="1"' not in written


def test_converting_a_file_onto_itself_is_refused_and_leaves_it_untouched(tmp_path):
    path = tmp_path / "m.tmx"
    write_tmx(path, [TranslationUnit((Variant("en", Segment.of("One.")), Variant("ru", Segment.of("Один.")),
                                      Variant("az", Segment.of("Bir."))))], Header(srclang="en"))
    before = path.read_bytes()
    with pytest.raises(UsageError, match="output is the input"):
        convert_file(path, path, tgt_lang="ru")
    assert path.read_bytes() == before


PO_WITH_CONTEXTS = r'''msgid ""
msgstr ""
"Language: ru\n"
"Content-Type: text/plain; charset=UTF-8\n"

#: nav.html:12
msgctxt "menu"
msgid "Lead editorial"
msgstr "Передовица"

msgctxt "heading"
msgid "Lead editorial"
msgstr "Главная статья"

#, fuzzy
msgid "One story"
msgid_plural "%d stories"
msgstr[0] "%d статья"
msgstr[1] "%d статьи"
msgstr[2] "%d статей"

msgid "Plain"
msgstr "Простой"
'''


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_po_entries_differing_only_by_msgctxt_survive_po_xliff_po(tmp_path, version):
    po = tmp_path / "ru.po"
    po.write_text(PO_WITH_CONTEXTS, encoding="utf-8")
    xlf, back = tmp_path / "ru.xlf", tmp_path / "back.po"
    runner = CliRunner()
    first = runner.invoke(cli, ["convert", str(po), str(xlf), "--xliff-version", version])
    second = runner.invoke(cli, ["convert", str(xlf), str(back)])
    assert second.output == f"wrote 4 units to {back} (po)\n", first.output
    assert [(u.prop("x-po-msgctxt"), u.variants[1].text) for u in read_units(back).units][:2] == [
        ("menu", "Передовица"), ("heading", "Главная статья")]
    assert read_units(back).units[2].variants[1].forms == (Segment.of("%d статьи"),
                                                           Segment.of("%d статей"))


def test_cli_convert_po_to_csv_warns_what_csv_cannot_hold(tmp_path):
    po = tmp_path / "ru.po"
    po.write_text(PO_WITH_CONTEXTS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(po), str(tmp_path / "ru.csv")])
    assert result.exit_code == 0, result.output
    assert ("tmkit: warning: 3 unit(s) had msgctxt, plural forms or references that CSV cannot "
            "hold") in result.output


def test_cli_convert_plain_pairs_to_csv_gives_no_warning(tmp_path):
    pairs = tmp_path / "p.csv"
    pairs.write_text("id,en,ru,note\n1,Yes,Да,short\n", encoding="utf-8")
    out = tmp_path / "q.tsv"
    result = CliRunner().invoke(cli, ["convert", str(pairs), str(out)])
    assert result.output == f"wrote 1 units to {out} (pairs)\n"


def test_cli_convert_po_plurals_to_tmx_warns_only_the_first_form_is_kept(tmp_path):
    po = tmp_path / "ru.po"
    po.write_text(PO_WITH_CONTEXTS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(po), str(tmp_path / "ru.tmx")])
    assert "warning: 1 unit(s) had plural forms that TMX cannot hold" in result.output


G_XLIFF12 = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
    'source-language="en" target-language="ru" datatype="plaintext"><body><trans-unit id="1">'
    '<source>The <g id="1" ctype="bold">outpost</g> fell, <g id="2" ctype="x-color">'
    '<g id="3" ctype="italic">again</g></g>.</source>'
    '<target>Пал <g id="1" ctype="bold">форпост</g>, <g id="2" ctype="x-color">'
    '<g id="3" ctype="italic">снова</g></g>.</target></trans-unit></body></file></xliff>')

TYPED_TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
    'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
    'datatype="plaintext"/><body><tu tuid="1"><tuv xml:lang="en"><seg>'
    '<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Port<ept i="1">&lt;/b&gt;</ept> and '
    '<bpt i="2" type="color">&lt;font&gt;</bpt>sea<ept i="2">&lt;/font&gt;</ept> '
    '<ph x="3" type="image">&lt;img/&gt;</ph> <bpt i="4" x="9" type="ulined">&lt;u&gt;</bpt>u'
    '<ept i="4">&lt;/u&gt;</ept></seg></tuv><tuv xml:lang="ru"><seg>Порт</seg></tuv></tu>'
    '</body></tmx>')


def _tmx_dtd():
    from lxml import etree
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    return etree.DTD(str(REALWORLD / "schemas" / "tmx" / "tmx14.dtd"))


def _source_codes(path: Path) -> list[tuple[str, dict[str, str]]]:
    [unit] = read_units(path).units
    found = []

    def walk(parts):
        for part in parts:
            if isinstance(part, InlineCode):
                found.append((part.kind, dict(part.attrs)))
                if part.wraps_text:
                    walk(part.content)
    walk(unit.variants[0].segment.parts)
    return found


def test_xliff12_g_becomes_a_tmx_bpt_ept_pair_that_validates_against_the_dtd(tmp_path):
    from lxml import etree
    xliff = tmp_path / "g.xlf"
    xliff.write_text(G_XLIFF12, encoding="utf-8")
    convert_file(xliff, tmp_path / "g.tmx")
    written = (tmp_path / "g.tmx").read_text(encoding="utf-8")
    assert '<bpt i="1" x="1" type="bold">&lt;g id="1" ctype="bold"&gt;</bpt>outpost' in written
    assert "<hi" not in written
    assert _tmx_dtd().validate(etree.parse(str(tmp_path / "g.tmx")))


def test_xliff12_g_round_trips_through_tmx_with_id_and_ctype(tmp_path):
    xliff = tmp_path / "g.xlf"
    xliff.write_text(G_XLIFF12, encoding="utf-8")
    convert_file(xliff, tmp_path / "g.tmx")
    convert_file(tmp_path / "g.tmx", tmp_path / "back.xlf", xliff_version="1.2")
    assert read_units(tmp_path / "back.xlf").units[0].variants == read_units(xliff).units[0].variants


def test_xliff12_g_through_tmx_becomes_pc_with_format_subtype_in_20(tmp_path):
    xliff = tmp_path / "g.xlf"
    xliff.write_text(G_XLIFF12, encoding="utf-8")
    convert_file(xliff, tmp_path / "g.tmx")
    convert_file(tmp_path / "g.tmx", tmp_path / "g20.xlf", xliff_version="2.0")
    assert _source_codes(tmp_path / "g20.xlf")[:2] == [
        ("pc", {"id": "1", "type": "fmt", "subType": "xlf:b"}),
        ("pc", {"id": "2", "type": "fmt", "subType": "tmkit:color"})]


def test_tmx_code_type_and_x_survive_xliff12(tmp_path):
    tmx = tmp_path / "t.tmx"
    tmx.write_text(TYPED_TMX, encoding="utf-8")
    convert_file(tmx, tmp_path / "t.xlf", xliff_version="1.2")
    convert_file(tmp_path / "t.xlf", tmp_path / "back.tmx")
    assert _source_codes(tmp_path / "back.tmx") == _source_codes(tmx)


def test_tmx_code_type_survives_xliff20_as_type_and_subtype(tmp_path):
    tmx = tmp_path / "t.tmx"
    tmx.write_text(TYPED_TMX, encoding="utf-8")
    convert_file(tmx, tmp_path / "t.xlf", xliff_version="2.0")
    assert [(k, a.get("type"), a.get("subType")) for k, a in _source_codes(tmp_path / "t.xlf")
            if k != "ec"] == [("sc", "fmt", "xlf:b"), ("sc", "fmt", "tmkit:color"),
                              ("ph", "image", None), ("sc", "fmt", "xlf:u")]
    convert_file(tmp_path / "t.xlf", tmp_path / "back.tmx")
    assert [a.get("type") for k, a in _source_codes(tmp_path / "back.tmx") if k != "ept"] == [
        "bold", "color", "image", "ulined"]


def test_xliff12_g_through_tmx_to_po_writes_only_the_text(tmp_path):
    xliff = tmp_path / "g.xlf"
    xliff.write_text(G_XLIFF12, encoding="utf-8")
    convert_file(xliff, tmp_path / "g.tmx")
    convert_file(tmp_path / "g.tmx", tmp_path / "g.po")
    assert 'msgid "The outpost fell, again."' in (tmp_path / "g.po").read_text(encoding="utf-8")


def test_unknown_extension_in_convert_points_to_the_flag_naming_the_format(tmp_path):
    source = tmp_path / "pairs.dat"
    source.write_text("en,ru\nOne,Один\n", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot tell the format") as caught:
        convert_file(source, tmp_path / "out.po")
    assert caught.value.hint == "name the format with --from"


def test_tbx_to_tbx_keeps_the_title_and_source_description(tmp_path):
    from tmkit.formats.tbx import read_tbx_header

    source = tmp_path / "in.tbx"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><titleStmt><title>Desk terms</title>'
        '</titleStmt><sourceDesc><p>x-tmkit-match notes mean exact form.</p><p>Kept by the desk.</p>'
        '</sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id="c1"><langSec xml:lang="en">'
        '<termSec><term>outpost</term></termSec></langSec></conceptEntry></body></text></tbx>\n', encoding="utf-8")
    convert_file(source, tmp_path / "out.tbx")
    header = read_tbx_header(tmp_path / "out.tbx")
    assert (header.title, header.source_desc) == ("Desk terms", ("x-tmkit-match notes mean exact form.",
                                                                 "Kept by the desk."))
