"""Structural validation (library and ``tmkit validate``): precise problems and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmkit.cli.main import cli
from tmkit.errors import InputError, UsageError
from tmkit.formats.validate import Problem, is_valid, validate_file
from tmkit.model import Severity

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"

GOOD_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en"
          srclang="en" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>vote<ept i="1">&lt;/b&gt;</ept></seg></tuv>
        <tuv xml:lang="az"><seg>Səsvermə</seg></tuv></tu>
  </body>
</tmx>
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _messages(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in problems]


def _real(relative: str) -> Path:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    return REALWORLD / relative


def test_valid_tmx_has_no_problems(tmp_path):
    assert validate_file(_file(tmp_path, "ok.tmx", GOOD_TMX)) == []


def test_malformed_xml_is_one_problem_with_line_and_column(tmp_path):
    problems = validate_file(_file(tmp_path, "bad.tmx", GOOD_TMX.replace("</body>", "")))
    assert len(problems) == 1
    assert problems[0].line == 9 and problems[0].column is not None
    assert problems[0].message.startswith("malformed XML")


def test_tmx_header_missing_attribute_is_reported(tmp_path):
    problems = validate_file(_file(tmp_path, "h.tmx", GOOD_TMX.replace(' segtype="sentence"', "")))
    assert _messages(problems) == [(4, "<header> lacks required attribute 'segtype'")]


def test_tmx_ept_without_bpt_is_reported(tmp_path):
    text = GOOD_TMX.replace('<bpt i="1">&lt;b&gt;</bpt>', "")
    assert _messages(validate_file(_file(tmp_path, "p.tmx", text))) == [
        (6, '<ept i="1"> has no <bpt i="1"> before it in the segment')]


def test_tmx_xliff_code_inside_seg_is_reported(tmp_path):
    text = GOOD_TMX.replace("<seg>Səsvermə</seg>", '<seg>Səsvermə <x id="INTERPOLATION"/></seg>')
    assert _messages(validate_file(_file(tmp_path, "x.tmx", text))) == [
        (7, "<x> is not a TMX inline element (TMX 1.4 has bpt, ept, hi, it, ph, sub, ut)")]


def test_tmx_note_with_xliff_attributes_is_reported(tmp_path):
    text = GOOD_TMX.replace("<tu>", '<tu><note from="developer" xml:lang="en">check</note>')
    assert _messages(validate_file(_file(tmp_path, "n.tmx", text))) == [
        (6, "<note> has attribute 'from', which TMX 1.4 does not define (only xml:lang and o-encoding)")]


def test_tmx_tu_without_tuv_and_tuv_without_seg_are_reported(tmp_path):
    text = GOOD_TMX.replace("<tuv xml:lang=\"az\"><seg>Səsvermə</seg></tuv>", "<tuv xml:lang=\"az\"/>")
    text = text.replace("</body>", "<tu tuid=\"empty\"/></body>")
    messages = [m for _, m in _messages(validate_file(_file(tmp_path, "t.tmx", text)))]
    assert messages == ["<tuv> has no <seg>", "<tu tuid='empty'> has no <tuv>"]


def test_tmx_invalid_language_code_is_reported(tmp_path):
    text = GOOD_TMX.replace('xml:lang="az"', 'xml:lang="az latn"')
    assert "'az latn' is not a valid language code" in validate_file(_file(tmp_path, "l.tmx", text))[0].message


def test_wrong_root_element_is_reported(tmp_path):
    problems = validate_file(_file(tmp_path, "y.tmx", "<html/>"))
    assert _messages(problems) == [(1, "root element is <html>, expected <tmx>")]


def test_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        validate_file(tmp_path / "none.tmx")


def test_unknown_extension_raises_usage_error(tmp_path):
    with pytest.raises(UsageError, match="cannot validate"):
        validate_file(_file(tmp_path, "a.docx", "x"))


def test_warning_alone_keeps_file_valid():
    assert is_valid([Problem("f", 1, None, "odd", Severity.WARNING)])
    assert not is_valid([Problem("f", 1, None, "bad")])


def test_po_syntax_error_is_a_problem_with_line(tmp_path):
    problems = validate_file(_file(tmp_path, "x.po", 'msgid "a"\nmsgstr "b"\ngarbage\n'))
    assert problems[0].line == 3


def test_po_duplicate_message_is_reported(tmp_path):
    text = 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n'
    assert _messages(validate_file(_file(tmp_path, "d.po", text))) == [
        (4, "duplicate message definition (first on line 1)")]


def test_tbx_language_section_without_term_is_reported(tmp_path):
    text = """<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body><conceptEntry id="c1"><langSec xml:lang="en"></langSec></conceptEntry></body></text></tbx>"""
    assert _messages(validate_file(_file(tmp_path, "g.tbx", text))) == [
        (2, '<langSec xml:lang="en"> has no <term>')]


# --------------------------------------------------------------------------- real files


def test_real_xliff2_duplicate_file_ids_are_reported():
    problems = validate_file(_real("xliff/okapi-xliff2_invalid_bad_FileIdNotUnique.xlf"))
    assert _messages(problems) == [
        (11, "duplicate <file> id '1twice' (first used on line 3); file ids must be unique")]


def test_real_xliff2_ec_before_sc_is_reported():
    problems = validate_file(_real("xliff/okapi-xliff2_invalid_bad_EcBeforeSc.xlf"))
    assert (6, '<ec startRef="1"> in the source comes before its <sc id="1"> (or has none)') in \
        _messages(problems)


def test_real_xliff2_inconsistent_xml_space_is_reported():
    problems = validate_file(_real("xliff/okapi-xliff2_invalid_bad_DifferentXmlSpace.xlf"))
    assert _messages(problems) == [(7, "xml:space of <target> ('default') differs from its <source> "
                                       "('preserve'); they must be the same")]


@pytest.mark.parametrize("name", ["xliff/okapi-xliff2_valid_withReorderedCodes.xlf",
                                  "xliff/weblate_cs.xliff2", "xliff/symfony_validators.az.xlf",
                                  "tmx/nushell-docs-ru_level2_en-ru_tmx14.tmx",
                                  "tbx/ltac_test_basic_good.tbx", "tbx/ltac_test_core_structure_good.tbx",
                                  "tbx/ltac_tbx-basic_Example_Astronomy_DCT_VALID.tbx",
                                  "po/iso-codes/iso_3166-1_az.po"])
def test_real_valid_files_have_no_errors(name):
    assert is_valid(validate_file(_real(name)))


def test_real_misordered_bpt_ept_memory_is_invalid():
    problems = validate_file(_real("tmx/omegat_invalid_misordered-bpt-ept.tmx"))
    assert '<ept i="1"> has no <bpt i="1"> before it in the segment' in [p.message for p in problems]


def test_real_tbx_breaking_the_core_structure_is_reported_at_each_break():
    problems = validate_file(_real("tbx/ltac_test_core_structure_bad.tbx"))
    assert [p.line for p in problems if p.severity is Severity.ERROR] == [15, 21, 27, 27, 32, 46]


def test_tbx_term_section_with_two_terms_is_reported(tmp_path):
    text = TBX_WITH.format(entries='<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term>'
                                   '<term>b</term></termSec></langSec></conceptEntry>')
    assert [p.message for p in validate_file(_file(tmp_path, "g.tbx", text))] == [
        "<termSec> holds 2 <term>s: one term per <termSec>"]


def test_real_poorly_formed_tbx_points_at_line_42():
    problems = validate_file(_real("tbx/ltac_test_poorly_formed_xml.tbx"))
    assert [(p.line, p.column) for p in problems] == [(42, 16)]


# --------------------------------------------------------------------------- CLI


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tmkit", *args], capture_output=True, text=True)


def test_cli_exit_0_when_all_valid(tmp_path):
    path = _file(tmp_path, "ok.tmx", GOOD_TMX)
    proc = _run("validate", str(path))
    assert (proc.returncode, proc.stdout) == (0, f"{path}: valid\n")


def test_cli_exit_1_and_file_line_message_when_invalid(tmp_path):
    ok = _file(tmp_path, "ok.tmx", GOOD_TMX)
    bad = _file(tmp_path, "bad.tmx", GOOD_TMX.replace(' segtype="sentence"', ""))
    proc = _run("validate", str(ok), str(bad))
    assert proc.returncode == 1
    assert f"{bad}:4: error: <header> lacks required attribute 'segtype'" in proc.stdout


def test_cli_exit_2_when_a_file_is_missing(tmp_path):
    ok = _file(tmp_path, "ok.tmx", GOOD_TMX)
    proc = _run("validate", str(ok), str(tmp_path / "gone.tmx"))
    assert proc.returncode == 2
    assert "gone.tmx: file not found" in proc.stderr
    assert f"{ok}: valid" in proc.stdout


def test_cli_json_output_lists_problems(tmp_path):
    bad = _file(tmp_path, "bad.tmx", GOOD_TMX.replace(' segtype="sentence"', ""))
    result = CliRunner().invoke(cli, ["validate", str(bad), "--format", "json"])
    payload = json.loads(result.output)
    assert payload[0]["valid"] is False
    assert payload[0]["problems"][0] == {"path": str(bad), "line": 4, "column": None,
                                         "severity": "error",
                                         "message": "<header> lacks required attribute 'segtype'"}


def test_source_target_csv_without_language_names_is_structurally_valid(tmp_path):
    path = _file(tmp_path, "pairs.csv", 'source,target\n"Hello","Salam"\n')
    assert validate_file(path) == []



TBX_WITH = """<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>{entries}</body></text></tbx>"""
ENTRY = ('<conceptEntry id="{id}"><langSec xml:lang="ru"><termSec><term>{term}</term>'
         '<termNote type="{kind}">{status}</termNote></termSec></langSec></conceptEntry>')


def test_tbx_misspelled_status_value_is_reported(tmp_path):
    text = TBX_WITH.format(entries=ENTRY.format(id="c1", term="Тифлис", kind="administrativeStatus",
                                                status="depricatedTerm-admn-sts"))
    [problem] = validate_file(_file(tmp_path, "s.tbx", text))
    assert "administrative status 'depricatedTerm-admn-sts' is not one TBX defines" in problem.message


def test_tbx_misspelled_status_category_is_reported(tmp_path):
    text = TBX_WITH.format(entries=ENTRY.format(id="c1", term="Тифлис", kind="administrativStatus",
                                                status="deprecatedTerm-admn-sts"))
    [problem] = validate_file(_file(tmp_path, "s.tbx", text))
    assert "looks like a misspelled 'administrativeStatus'" in problem.message


def test_tbx_repeated_concept_id_is_reported(tmp_path):
    entry = ENTRY.format(id="c1", term="паром", kind="administrativeStatus", status="preferredTerm-admn-sts")
    [problem] = validate_file(_file(tmp_path, "d.tbx", TBX_WITH.format(entries=entry + entry.replace("паром", "саммит"))))
    assert "repeats a concept id" in problem.message


def test_po_string_that_never_closes_is_reported_at_its_line(tmp_path):
    problems = validate_file(_file(tmp_path, "x.po", 'msgid "a"\nmsgstr "b\n\nmsgid "c"\nmsgstr "d\\\\"\n'))
    assert [(p.line, p.message) for p in problems] == [
        (2, "invalid PO file: string not closed (the line ends before its closing quote)")]


def test_po_strings_with_escaped_quotes_and_backslashes_are_closed(tmp_path):
    assert validate_file(_file(tmp_path, "x.po", 'msgid "say \\"hi\\""\nmsgstr "путь C:\\\\"\n')) == []


def test_csv_pairs_without_a_language_header_are_valid_with_a_warning_naming_the_flags(tmp_path):
    (problem,) = validate_file(_file(tmp_path, "x.csv", "The port,Порт\nThe ferry,Паром\n"))
    assert problem.severity is Severity.WARNING and "--src-lang and --tgt-lang" in problem.message
    assert "pass" not in problem.message
