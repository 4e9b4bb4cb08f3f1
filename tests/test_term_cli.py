"""``tmkit term``: lookup, find, list and stats through the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tmkit.cli.main import cli
from tmkit.errors import InputError, UsageError

GLOSSARY_CSV = """\
concept,lang,term,status,term_type,definition,subject,note
c-outpost,en,outpost,preferred,,A small permanent office far away.,media,
c-outpost,ru,форпост,preferred,,,media,
c-outpost,az,forpost,preferred,,,media,
c-belarus,en,Belarus,preferred,,,geography,
c-belarus,ru,Беларусь,preferred,,,geography,
c-belarus,ru,Белоруссия,deprecated,,,geography,Soviet-era name; do not use.
c-belarus,az,Belarus,preferred,,,geography,
c-csto,ru,Организация Договора о коллективной безопасности,preferred,,,organizations,
c-csto,ru,ОДКБ,admitted,acronym,,organizations,
c-csto,az,KTMT,admitted,acronym,,organizations,
"""


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text(GLOSSARY_CSV, encoding="utf-8")
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, ["term", *args], standalone_mode=False)


def test_lookup_prints_every_language_with_statuses(glossary):
    result = _run("lookup", "форпоста", "--glossary", str(glossary))
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "c-outpost  [media]"
    assert "  en  outpost  (preferred)" in result.output
    assert "  az  forpost  (preferred)" in result.output
    assert "definition (en): A small permanent office far away." in result.output


def test_lookup_shows_the_replacement_of_a_deprecated_term(glossary):
    result = _run("lookup", "Беларуси", "-g", str(glossary))
    assert "Белоруссия  (deprecated -> use Беларусь)" in result.output
    assert "note: Soviet-era name; do not use." in result.output


def test_lookup_json_lists_concepts_with_terms_by_language(glossary):
    result = _run("lookup", "KTMT-nin", "-g", str(glossary), "--format", "json")
    [concept] = json.loads(result.output)
    assert concept["id"] == "c-csto"
    assert concept["subject"] == "organizations"
    assert concept["terms"]["az"] == [{"term": "KTMT", "status": "admitted"}]
    assert set(concept) == {"id", "subject", "terms", "definitions", "notes"}


def test_lookup_json_keeps_each_terms_house_style_notes(tmp_path):
    glossary = tmp_path / "g.tbx"
    glossary.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">'
        '<langSec xml:lang="az"><termSec><term>KTMT</term>'
        '<note>Write the acronym with a hyphenated suffix.</note></termSec></langSec>'
        '</conceptEntry></body></text></tbx>', encoding="utf-8")
    [concept] = json.loads(_run("lookup", "KTMT", "-g", str(glossary), "--format", "json").output)
    assert concept["terms"]["az"][0]["notes"] == ["Write the acronym with a hyphenated suffix."]


def test_lookup_restricted_to_another_language_says_the_term_exists_elsewhere(glossary):
    result = _run("lookup", "KTMT", "-g", str(glossary), "--lang", "ru")
    assert result.return_value == 1 and "in ru; it is a term in another language" in result.output
    assert "did you mean: KTMT" not in result.output


def test_lookup_without_a_match_suggests_spellings_and_exits_1(glossary):
    result = _run("lookup", "forpst", "-g", str(glossary))
    assert result.return_value == 1  # ctx.exit(1); tmkit's main() turns it into the exit status
    assert result.output.strip() == "no term matches 'forpst'; did you mean: forpost, форпост?"


def test_find_lists_hits_with_line_and_column(glossary, tmp_path):
    article = tmp_path / "a.ru.md"
    article.write_text("# Новости\n\nВ ОДКБ и у форпостов тихо.\n", encoding="utf-8")
    result = _run("find", str(article), "--lang", "ru", "-g", str(glossary))
    lines = result.output.splitlines()
    assert lines[0].startswith("3:3   ОДКБ  = ОДКБ  (admitted; preferred: Организация")
    assert lines[1] == "3:12  форпостов  = форпост  (preferred)  [c-outpost]"
    assert lines[-1].startswith("2 term hit(s), 0 deprecated or superseded")


def test_find_takes_the_language_from_the_article_name(glossary, tmp_path):
    article = tmp_path / "a.ru.md"
    article.write_text("У форпостов тихо.\n", encoding="utf-8")
    result = _run("find", str(article), "-g", str(glossary))
    assert result.output.splitlines()[0] == "1:3  форпостов  = форпост  (preferred)  [c-outpost]"


def test_find_marks_deprecated_hits(glossary, tmp_path):
    article = tmp_path / "b.ru.txt"
    article.write_text("Визит в Белоруссию.", encoding="utf-8")
    result = _run("find", str(article), "-l", "ru", "-g", str(glossary))
    assert "Белоруссию  = Белоруссия  (deprecated -> use Беларусь)  [c-belarus]" in result.output


def test_find_json_gives_offsets_and_status(glossary, tmp_path):
    article = tmp_path / "c.ru.txt"
    article.write_text("Белоруссия", encoding="utf-8")
    result = _run("find", str(article), "-l", "ru", "-g", str(glossary), "--format", "json")
    assert json.loads(result.output) == [{
        "line": 1, "column": 1, "start": 0, "end": 10, "text": "Белоруссия", "concept": "c-belarus",
        "term": "Белоруссия", "status": "deprecated", "preferred": "Беларусь", "deprecated": True}]


def test_find_of_a_missing_article_is_an_input_error(glossary, tmp_path):
    result = _run("find", str(tmp_path / "none.md"), "-l", "ru", "-g", str(glossary))
    assert isinstance(result.exception, InputError)


def test_list_filters_by_language_and_status(glossary):
    result = _run("list", "-g", str(glossary), "--lang", "ru", "--status", "deprecated")
    assert result.output == "c-belarus\tru\tdeprecated\tБелоруссия\n"


def test_stats_counts_concepts_terms_and_acronyms(glossary):
    result = _run("stats", "-g", str(glossary), "--format", "json")
    data = json.loads(result.output)
    assert data["concepts"] == 3
    assert data["acronyms"] == 2
    assert data["terms"]["ru"]["deprecated"] == 1


def test_stats_text_has_a_row_per_language(glossary):
    result = _run("stats", "-g", str(glossary))
    assert result.output.splitlines()[0] == "concepts: 3"
    assert any(line.startswith("ru ") for line in result.output.splitlines())


def test_glossary_comes_from_tmkit_toml(glossary, tmp_path, monkeypatch):
    (tmp_path / "tmkit.toml").write_text(f'glossary = "{glossary.name}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _run("lookup", "форпост")
    assert result.exit_code == 0
    assert "c-outpost" in result.output


def test_missing_glossary_setting_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _run("stats")
    assert isinstance(result.exception, UsageError)
    assert "no glossary: pass --glossary PATH or set glossary in tmkit.toml" in str(result.exception)


def test_missing_glossary_file_exits_2_with_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tmkit", "term", "stats", "-g", str(tmp_path / "x.tbx")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "x.tbx: file not found" in proc.stderr


def test_no_glossary_exits_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tmkit", "term", "list"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2
    assert "no glossary" in proc.stderr


def test_lookup_without_a_match_exits_1_from_the_shell(glossary, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tmkit", "term", "lookup", "zzzz", "-g", str(glossary)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == "no term matches 'zzzz'\n"
