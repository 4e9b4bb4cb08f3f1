"""The command-line skeleton: version, help and error conventions."""

import subprocess
import sys

from click.testing import CliRunner

from tmkit import __version__
from tmkit.cli.main import cli


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
