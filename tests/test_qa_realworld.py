"""tmkit check on third-party files from ../shared/realworld (skipped when that folder is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tmkit.config import Config
from tmkit.workflows.check import CheckOptions, run_check

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"

if not REALWORLD.is_dir():
    pytest.skip("../shared/realworld not present", allow_module_level=True)


def check(name: str, **options):
    return run_check([REALWORLD / name], CheckOptions(**options), Config())


def test_untranslated_comments_are_found_but_untranslated_code_lines_are_not():
    report = check("tmx/lyakhonov_omegat-level2_ru-en_1c-docs.tmx", src_lang="ru")
    copies = {f.source for f in report.findings if f.rule == "target-same-as-source"}
    assert "// Данный фрагмент построен конструктором." in copies
    assert "Движение.Период = Дата;" not in copies
    assert "КонецПроцедуры" not in copies


def test_multilingual_tmx_is_checked_for_every_target_language():
    report = check("tmx/omegat_tmx14_9-langs-uppercase.tmx")
    assert len(report.files[0].tgt_langs) == 7


def test_turkish_word_in_azerbaijani_catalog_is_reported():
    report = check("xliff/symfony_validators.az.xlf")
    turkish = [f for f in report.findings if f.rule == "az-turkish-spelling"]
    assert any("değil" in f.target for f in turkish)


def test_misspelled_placeholder_in_azerbaijani_catalog_is_reported():
    report = check("xliff/symfony_validators.az.xlf")
    assert any(f.rule == "placeholder-mismatch" and "compare_value" in f.target for f in report.findings)


def test_symfony_plural_variants_do_not_trigger_placeholder_or_length_alarms():
    report = check("xliff/symfony_validators.ru.xlf")
    assert not [f for f in report.findings if f.rule in ("placeholder-mismatch", "length-ratio")]
