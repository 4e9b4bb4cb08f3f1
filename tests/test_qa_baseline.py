"""Baselines: stable fingerprints, counted acceptance, clear errors for broken files."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tmkit.errors import InputError
from tmkit.model import Finding, Severity
from tmkit.qa.baseline import apply_baseline, fingerprint, load_baseline, write_baseline


def finding(**changes) -> Finding:
    base = Finding("number-mismatch", "numbers", Severity.ERROR, "'5' became '6'", file="news.po", unit=None,
                   line=7, src_lang="en", tgt_lang="ru", source="5 cats", target="6 кошек")
    return replace(base, **changes)


def test_fingerprint_ignores_line_numbers():
    assert fingerprint(finding(line=7)) == fingerprint(finding(line=70))


def test_fingerprint_changes_when_target_changes():
    assert fingerprint(finding()) != fingerprint(finding(target="7 кошек"))


def test_fingerprint_uses_unit_id_when_present():
    assert fingerprint(finding(unit="u1", source="a")) == fingerprint(finding(unit="u1", source="b"))


def test_fingerprint_uses_source_text_without_unit_id():
    assert fingerprint(finding(source="5  Cats")) == fingerprint(finding(source="5 cats"))
    assert fingerprint(finding(source="5 dogs")) != fingerprint(finding())


def test_fingerprint_of_an_article_finding_survives_a_line_shift():
    before = finding(file="ferry.ru.md", unit="ferry.en.md:3", message="sentence lost (ferry.en.md:3)")
    after = finding(file="ferry.ru.md", unit="ferry.en.md:5", message="sentence lost (ferry.en.md:5)")
    assert fingerprint(before) == fingerprint(after)


def test_two_article_findings_on_different_sentences_differ():
    one = finding(file="ferry.ru.md", unit="ferry.en.md:3", source="The port opened.")
    two = finding(file="ferry.ru.md", unit="ferry.en.md:3", source="The ferry left.")
    assert fingerprint(one) != fingerprint(two)


def test_baseline_round_trip_hides_known_findings_only(tmp_path):
    path = tmp_path / "baseline.json"
    assert write_baseline(path, [finding()]) == 1
    new = finding(target="9 кошек")
    remaining, hidden = apply_baseline([finding(line=99), new], load_baseline(path))
    assert remaining == [new] and hidden == 1


def test_baseline_counts_identical_findings(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(path, [finding()])
    remaining, hidden = apply_baseline([finding(), finding()], load_baseline(path))
    assert (len(remaining), hidden) == (1, 1)


def test_missing_baseline_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_baseline(tmp_path / "none.json")


def test_malformed_baseline_reports_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"findings": [\n  oops]}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_baseline(path)
    assert caught.value.line == 2


def test_baseline_of_wrong_shape_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"results": []}', encoding="utf-8")
    with pytest.raises(InputError, match="not a tmkit baseline"):
        load_baseline(path)
