"""CI integration files: the pre-commit hook runs tmkit lint on the files pre-commit passes."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOKS = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")


def _hook_value(key: str) -> str:
    return re.search(rf"^\s+{key}:\s*(.+)$", HOOKS, re.M).group(1).strip()


def test_pre_commit_hook_declares_tmkit_lint():
    assert re.search(r"^- id: tmkit-lint$", HOOKS, re.M)
    assert _hook_value("entry") == "tmkit lint"
    assert _hook_value("language") == "python"


def test_hook_file_pattern_takes_translations_and_articles_only():
    pattern = re.compile(_hook_value("files"))
    assert all(pattern.search(name) for name in ("a.ru.xlf", "messages.po", "memory.tmx", "ferry.az.md"))
    assert not any(pattern.search(name) for name in ("setup.py", "tmkit.toml", "logo.png"))


def test_hook_entry_runs_on_passed_files_like_pre_commit_does(tmp_path):
    (tmp_path / "tmkit.toml").write_text('source_lang = "en"\n', encoding="utf-8")
    (tmp_path / "ferry.en.md").write_text("# Ferry\n\nThe ferry carried 1,700 tonnes.\n", encoding="utf-8")
    (tmp_path / "ferry.ru.md").write_text("# Паром\n\nПаром перевёз 1 500 тонн.\n", encoding="utf-8")
    entry = shlex.split(_hook_value("entry"))
    proc = subprocess.run([sys.executable, "-m", "tmkit", *entry[1:], "ferry.en.md", "ferry.ru.md"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert "number-mismatch" in proc.stdout


def test_github_workflow_example_uploads_sarif():
    workflow = (ROOT / "docs" / "github-actions-tmkit.yml").read_text(encoding="utf-8")
    assert "upload-sarif" in workflow and "--format sarif" in workflow and "--format github" in workflow
