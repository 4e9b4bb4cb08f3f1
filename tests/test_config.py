"""Loading tmkit.toml / [tool.tmkit]: wrong types and unreadable files are usage or input
errors with the file named, never tracebacks."""

from __future__ import annotations

import pytest

from tmkit.config import load_config
from tmkit.errors import InputError, UsageError


@pytest.mark.parametrize(("line", "message"), [
    ('glossary = ["a.tbx"]', "glossary must be a string"),
    ("tm = 5", "tm must be a string"),
    ("store = {a = 1}", "store must be a string"),
    ('source_lang = ["en"]', "source_lang must be a string"),
    ("target_langs = [1]", "target_langs must be a list of language codes"),
])
def test_a_setting_of_the_wrong_type_is_a_usage_error_naming_it(tmp_path, line, message):
    (tmp_path / "tmkit.toml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_config(tmp_path / "tmkit.toml")


def test_tool_tmkit_that_is_not_a_table_is_a_usage_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool]\ntmkit = "x"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"\[tool.tmkit\] must be a table"):
        load_config(start=tmp_path)


def test_a_configuration_that_is_not_utf8_is_an_input_error(tmp_path):
    (tmp_path / "tmkit.toml").write_bytes(b"\x00\xff\xfe garbage")
    with pytest.raises(InputError, match="not UTF-8"):
        load_config(tmp_path / "tmkit.toml")


def test_arrays_nested_too_deeply_are_an_input_error(tmp_path):
    (tmp_path / "tmkit.toml").write_text("a = " + "[" * 10000 + "]" * 10000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        load_config(tmp_path / "tmkit.toml")
