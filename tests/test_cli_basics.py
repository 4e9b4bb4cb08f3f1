"""The command-line skeleton: version, help and error conventions."""

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tmkit import __version__
from tmkit.cli.main import cli

GLOSSARY = Path(__file__).resolve().parents[1] / "glossaries" / "newsroom.tbx"


def test_version_option_prints_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_examples_and_exit_codes():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert "Exit codes" in result.output


def test_python_dash_m_runs_the_cli():
    proc = subprocess.run([sys.executable, "-m", "tmkit", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert __version__ in proc.stdout


def test_exit_code_requested_by_a_command_reaches_the_shell(tmp_path):
    missing_term = [sys.executable, "-m", "tmkit", "term", "lookup", "zzzzqqq",
                    "--glossary", str(GLOSSARY)]
    proc = subprocess.run(missing_term, capture_output=True, text=True)
    assert proc.returncode == 1


def test_input_error_is_one_line_and_exit_two(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tmkit", "tm", "stats", str(tmp_path / "absent.tmx")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "absent.tmx" in proc.stderr
