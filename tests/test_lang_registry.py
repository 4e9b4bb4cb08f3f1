"""get_language: which module serves which code, and what each Language object carries."""

from __future__ import annotations

import pytest

from tmkit.errors import UsageError
from tmkit.lang import get_language, supported_languages
from tmkit.lang.base import Language


@pytest.mark.parametrize("code", ["en", "ru", "az", "de", "fr"])
def test_every_language_object_satisfies_the_protocol(code):
    assert isinstance(get_language(code), Language)


@pytest.mark.parametrize(("code", "expected"), [("en-US", "en"), ("EN_gb", "en"), ("ru-RU", "ru"),
                                                ("az-Latn-AZ", "az"), ("eng", "en"), ("aze", "az")])
def test_regional_and_three_letter_codes_reach_the_language_module(code, expected):
    assert get_language(code).code == expected


def test_same_code_returns_the_same_cached_object():
    assert get_language("ru") is get_language("ru-RU")


@pytest.mark.parametrize("code", ["de", "fr-CA", "tr"])
def test_unknown_well_formed_code_gets_the_generic_language(code):
    language = get_language(code)
    assert type(language).__name__ == "GenericLanguage"
    assert language.code == code.split("-")[0]


@pytest.mark.parametrize("code", ["tr", "crh", "gag-MD"])
def test_turkic_languages_without_a_module_fold_dotted_and_dotless_i_apart(code):
    assert get_language(code).fold("İSTANBUL IĞDIR") == "istanbul ığdır"


def test_other_languages_without_a_module_fold_by_unicode_default():
    assert get_language("de").fold("IRAN") == "iran"


@pytest.mark.parametrize("code", ["", "   ", None, "e", "12", "en us", "ru--RU", "русский"])
def test_empty_or_malformed_code_is_a_usage_error(code):
    with pytest.raises(UsageError, match="invalid language code"):
        get_language(code)


@pytest.mark.parametrize(("code", "script"), [("en", "Latn"), ("ru", "Cyrl"), ("az", "Latn"), ("de", "Zyyy")])
def test_language_declares_its_script(code, script):
    assert get_language(code).script == script


@pytest.mark.parametrize(("code", "quotes"), [
    ("en", (("“", "”"), ("‘", "’"))),
    ("ru", (("«", "»"), ("„", "“"))),
    ("az", (("«", "»"), ("“", "”"))),
])
def test_language_declares_its_quote_pairs_outermost_first(code, quotes):
    assert get_language(code).quotes == quotes


def test_supported_languages_are_the_three_newsroom_languages():
    assert supported_languages() == ("en", "ru", "az")


def test_generic_language_keys_are_only_the_folded_word():
    assert get_language("de").keys("Häuser") == frozenset({"häuser"})


def test_generic_language_keeps_acronym_base_as_a_key():
    assert get_language("de").keys("NATO-s") == frozenset({"nato-s", "nato"})


def test_numbers_are_read_through_the_numbers_module():
    mentions = get_language("en").numbers("They paid 1,700 dollars.")
    assert [m.value for m in mentions][:1] == [1700]
