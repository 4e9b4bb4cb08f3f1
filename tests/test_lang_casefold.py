"""Case folding per language and the all-capitals test used for headlines."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tmkit.lang import get_language
from tmkit.lang.casefold import fold_turkic, is_all_caps

az, ru, en = get_language("az"), get_language("ru"), get_language("en")


def test_azerbaijani_folds_dotted_capital_i_to_plain_i():
    assert az.fold("İSRAİL") == "israil"


def test_azerbaijani_folds_dotless_capital_i_to_dotless_i():
    assert az.fold("BAKI") == "bakı"


def test_azerbaijani_fold_does_not_leave_a_combining_dot():
    assert "\u0307" not in az.fold("İsmayıllı İLƏ")


def test_azerbaijani_fold_composes_a_decomposed_dotted_capital_first():
    assert az.fold("I\u0307srail") == "israil"


def test_azerbaijani_fold_keeps_schwa_and_other_letters():
    assert az.fold("ƏLİYEV ŞUŞA ÇÖRƏK ĞÜ") == "əliyev şuşa çörək ğü"


def test_english_fold_uses_unicode_casefold():
    assert en.fold("STRASSE Straße") == "strasse strasse"


def test_english_fold_maps_capital_i_to_dotted_i():
    assert en.fold("IRAN") == "iran"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_english_and_russian_fold_a_turkic_dotted_capital_to_plain_i(lang):
    language = get_language(lang)
    assert language.fold("İstanbul İLHAM") == language.fold("Istanbul ILHAM") == "istanbul ilham"


def test_russian_fold_merges_yo_into_ye():
    assert ru.fold("Королёв ЁЛКА") == "королев елка"


def test_russian_fold_normalizes_decomposed_short_i():
    assert ru.fold("И\u0306ОД") == "йод"


def test_all_caps_headline_with_dotted_capitals_is_detected():
    assert is_all_caps("İSRAİL TƏŞKİLATI")


def test_all_caps_ignores_digits_and_punctuation():
    assert is_all_caps("G7-NİN 2024: «SAMMİT»")


def test_single_capital_letter_is_not_all_caps():
    assert not is_all_caps("A 2024!")


def test_text_with_one_lowercase_letter_is_not_all_caps():
    assert not is_all_caps("NATO-nun")


def test_text_without_letters_is_not_all_caps():
    assert not is_all_caps("2024 — 35%")


def test_language_objects_expose_all_caps():
    assert ru.is_all_caps("ОДКБ И НАТО") and not ru.is_all_caps("ОДКБ и НАТО")


@given(st.text(alphabet="İIıiƏəÖöÜüĞğŞşÇçABCabc \u0307"))
def test_turkic_fold_is_idempotent(text):
    assert fold_turkic(fold_turkic(text)) == fold_turkic(text)


@given(st.text())
def test_fold_gives_the_same_result_for_composed_and_decomposed_text(text):
    assert az.fold(unicodedata.normalize("NFD", text)) == az.fold(unicodedata.normalize("NFC", text))
