"""The errors a newcomer meets first: one clear line naming the problem, exit code 2."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tmkit(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "tmkit", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize(("args", "expected"), [
    (["tm", "stats", "missing.tmx"], "missing.tmx: file not found"),
    (["check", "corpora/newsroom.tmx", "--glossary", "glossaries/missing.tbx"], "missing.tbx: file not found"),
    (["check", "corpora/newsroom.tmx", "--src-lang", "english"], "invalid language code 'english'"),
    (["convert", "corpora/newsroom.tmx", "out.docx"], "cannot tell the format of out.docx"),
    (["term", "lookup", "x", "--glossary", "README.md"], "unsupported glossary format"),
])
def test_common_mistakes_get_one_line_and_exit_two(args, expected):
    proc = tmkit(*args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("tmkit: error: ") and expected in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_malformed_file_reports_line_and_column(tmp_path):
    (tmp_path / "broken.tmx").write_text("<tmx version='1.4'><body>\n<tu>", encoding="utf-8")
    proc = tmkit("tm", "stats", "broken.tmx", cwd=tmp_path)
    assert proc.returncode == 2
    assert "broken.tmx:2:" in proc.stderr and "malformed XML" in proc.stderr


def test_missing_glossary_configuration_says_how_to_fix_it(tmp_path):
    proc = tmkit("term", "lookup", "форпост", cwd=tmp_path)
    assert proc.returncode == 2
    assert "pass --glossary PATH or set glossary in tmkit.toml" in proc.stderr


def test_nothing_is_written_when_the_input_is_bad(tmp_path):
    (tmp_path / "broken.tmx").write_text("<tmx>", encoding="utf-8")
    proc = tmkit("convert", "broken.tmx", "out.xlf", cwd=tmp_path)
    assert proc.returncode == 2
    assert not (tmp_path / "out.xlf").exists()
