"""The README's examples run: the Python API block executes, and documented commands exist."""

import os
import re
from pathlib import Path

import pytest

from tmkit.cli.main import COMMANDS
from tmkit.cli.tm import SUBCOMMANDS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _python_block(heading: str) -> str:
    section = re.split(rf"^## {re.escape(heading)}$", README, maxsplit=1, flags=re.M)[1]
    section = re.split(r"^## ", section, maxsplit=1, flags=re.M)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_python_api_example_runs_against_the_sample_data(monkeypatch):
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(_python_block("Python API overview"), "README.md", "exec"), namespace)
    assert namespace["report"].summary()["units"] == len(namespace["units"])
    assert namespace["best"].score >= 75


def test_top_level_names_resolve_to_the_library_functions():
    import tmkit

    for name in tmkit.__all__:
        assert getattr(tmkit, name) is not None
    assert tmkit.check.__name__ == "run_check"


@pytest.mark.parametrize("command", sorted(set(re.findall(r"^\$ tmkit (\w+)", README, re.M))))
def test_every_command_shown_in_the_readme_is_registered(command):
    assert command in COMMANDS


@pytest.mark.parametrize("sub", sorted(set(re.findall(r"^\$ tmkit tm (\w+)", README, re.M))))
def test_every_tm_subcommand_shown_in_the_readme_is_registered(sub):
    assert sub in SUBCOMMANDS


def test_readme_names_the_two_commands():
    assert "make demo" in README and "make test" in README
    assert os.access(ROOT / "demo" / "run.sh", os.X_OK)
