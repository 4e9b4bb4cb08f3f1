"""[check] and [lint] settings: validation, per-path overrides, globs."""

from __future__ import annotations

import pytest

from tmkit.config import load_config
from tmkit.errors import UsageError
from tmkit.model import Severity
from tmkit.qa.config import check_settings, glob_match, lint_settings
from tmkit.qa.suppress import markdown_suppressions, parse


def config(tmp_path, text):
    (tmp_path / "tmkit.toml").write_text(text, encoding="utf-8")
    return load_config(tmp_path / "tmkit.toml")


def test_check_section_disables_rules_and_overrides_severity(tmp_path):
    settings = check_settings(config(tmp_path, '[check]\ndisable = ["length"]\nseverity = {"quote-style" = "error"}\n'))
    selection = settings.selection()
    assert "length-ratio" not in selection.enabled
    assert selection.severities["quote-style"] is Severity.ERROR


def test_override_applies_only_to_matching_paths(tmp_path):
    settings = check_settings(config(tmp_path, '[[check.overrides]]\npaths = ["archive/**"]\ndisable = ["punctuation"]\n'))
    assert "double-space" not in settings.selection(tmp_path / "archive" / "2019" / "a.po").enabled
    assert "double-space" in settings.selection(tmp_path / "current" / "a.po").enabled


def test_flags_win_over_configuration(tmp_path):
    settings = check_settings(config(tmp_path, '[check]\ndisable = ["double-space"]\n'))
    assert "double-space" in settings.selection(enable=("double-space",)).enabled


def test_unknown_rule_in_config_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown rule"):
        check_settings(config(tmp_path, '[check]\ndisable = ["no-such-rule"]\n'))


def test_invalid_fail_on_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="fail_on"):
        check_settings(config(tmp_path, '[check]\nfail_on = "sometimes"\n'))


def test_override_without_paths_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="paths"):
        check_settings(config(tmp_path, '[[check.overrides]]\ndisable = ["length"]\n'))


def test_lint_settings_default_to_every_bilingual_format(tmp_path):
    settings = lint_settings(config(tmp_path, 'target_langs = ["ru"]\n'))
    assert "**/*.po" in settings.include and settings.languages == ("ru",)


def test_double_star_glob_matches_top_level_files():
    assert glob_match("news.po", "**/*.po") and glob_match("a/b/news.po", "**/*.po")
    assert not glob_match("news.pot", "**/*.po")


def test_suppression_parses_rules_and_reason():
    [marker] = parse(["tmkit: ignore number-mismatch, quote-style -- quoting the source verbatim"])
    assert marker.rules == {"number-mismatch", "quote-style"} and marker.reason == "quoting the source verbatim"


def test_markdown_suppression_applies_to_next_nonblank_line():
    text = "# Title\n<!-- tmkit: ignore number-mismatch -- rounded -->\n\nPrices rose 5%.\n"
    found = markdown_suppressions(text)
    assert list(found) == [4] and found[4][0].reason == "rounded"


@pytest.mark.parametrize(("toml", "message"), [
    ('[chek]\nfail_on = "never"\n', "unknown setting 'chek' in the top level"),
    ('[check]\nfail-on = "never"\n', "unknown setting 'fail-on' in \\[check\\].*did you mean 'fail_on'"),
    ('[check]\ndisabled = ["length"]\n', "unknown setting 'disabled' in \\[check\\].*did you mean 'disable'"),
    ('[[check.overrides]]\npaths = ["a/**"]\nseverities = {}\n', "unknown setting 'severities'"),
    ('[lint]\ninclude_paths = []\n', "unknown setting 'include_paths' in \\[lint\\]"),
])
def test_unknown_setting_is_a_usage_error_naming_it(tmp_path, toml, message):
    (tmp_path / "tmkit.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_config(tmp_path / "tmkit.toml")
