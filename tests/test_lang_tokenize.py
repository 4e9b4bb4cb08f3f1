"""Tokens with offsets: words, acronyms with suffixes, numbers with separators, punctuation."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tmkit.lang import get_language
from tmkit.lang.base import Token
from tmkit.lang.tokenize import tokenize


def kinds(text):
    return [(t.text, t.kind) for t in tokenize(text)]


def only(text):
    tokens = tokenize(text)
    assert len(tokens) == 1, tokens
    return tokens[0]


@pytest.mark.parametrize("word", ["северо-запад", "Cənubi-Qafqaz", "state-owned", "кто‑то"])
def test_hyphenated_word_is_one_word_token(word):
    token = only(word)
    assert (token.kind, token.stem_end) == ("word", None)


@pytest.mark.parametrize(("form", "base"), [("Qarabağ'da", "Qarabağ"), ("Qarabağ’da", "Qarabağ"),
                                            ("Qarabağʼda", "Qarabağ"), ("Şuşa'nın", "Şuşa")])
def test_apostrophe_before_lowercase_suffix_marks_the_stem_end(form, base):
    token = only(form)
    assert (token.kind, token.base) == ("word", base)


def test_apostrophe_before_capital_keeps_a_name_whole():
    token = only("O'Brien")
    assert (token.kind, token.stem_end) == ("word", None)


@pytest.mark.parametrize(("form", "base"), [("KTMT-nin", "KTMT"), ("MDB-yə", "MDB"), ("NATO'ya", "NATO"),
                                            ("NATO’nun", "NATO"), ("ОДКБ-шный", "ОДКБ"), ("ABŞ-ın", "ABŞ")])
def test_acronym_with_suffix_is_one_acronym_token_with_stem_end_at_the_separator(form, base):
    token = only(form)
    assert (token.kind, token.base, token.stem_end) == ("acronym", base, len(base))


@pytest.mark.parametrize("acronym", ["NATO", "G7", "COVID-19", "U.S.", "ООН"])
def test_bare_acronym_is_an_acronym_token(acronym):
    assert only(acronym).kind == "acronym"


@pytest.mark.parametrize("number", ["1,700", "1 700", "1\u00a0700", "1\u202f700", "1\u2009700", "1.700",
                                    "2,5", "3.14", "35%", "35\u00a0%", "1 234 567,89", "1,234,567.5"])
def test_number_with_separators_is_one_number_token(number):
    token = only(number)
    assert (token.kind, token.stem_end) == ("number", None)


@pytest.mark.parametrize(("form", "base"), [("1992-ci", "1992"), ("90-cı", "90"), ("5th", "5"),
                                            ("1990s", "1990"), ("35%-ə", "35%")])
def test_number_with_suffix_marks_where_the_digits_end(form, base):
    token = only(form)
    assert (token.kind, token.base) == ("number", base)


def test_four_digit_number_is_not_joined_with_a_following_number():
    assert kinds("2020 300") == [("2020", "number"), ("300", "number")]


def test_sentence_final_period_is_not_part_of_a_number():
    assert kinds("in 2020.") == [("in", "word"), ("2020", "number"), (".", "punct")]


def test_comma_and_space_between_numbers_split_them():
    assert kinds("1, 300") == [("1", "number"), (",", "punct"), ("300", "number")]


@pytest.mark.parametrize("run", ["...", "?!", "!!!", "?"])
def test_punctuation_runs_stay_together(run):
    assert only(run).kind == "punct"


@pytest.mark.parametrize("symbol", ["$", "€", "№", "+"])
def test_symbols_are_symbol_tokens(symbol):
    assert only(symbol).kind == "symbol"


def test_offsets_point_into_the_original_text():
    text = "  «Bakı»\u00a0— KTMT-nin 1\u202f700 manatı."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_soft_hyphen_and_zero_width_joiner_stay_inside_the_word():
    assert kinds("Azər\u00adbaycan mi\u200dnistr") == [("Azər\u00adbaycan", "word"), ("mi\u200dnistr", "word")]


def test_combining_marks_stay_inside_the_word():
    assert kinds("и\u0306од") == [("и\u0306од", "word")]


def test_language_objects_tokenize_the_same_way():
    text = "İ. Əliyev KTMT-nin sammitində"
    assert get_language("az").tokenize(text) == tokenize(text)


@given(st.text(alphabet=st.sampled_from(list("aİıЁё KTMT-'’.,%0123456789\u00a0\u202f«»!?…\n"))))
def test_tokens_are_ordered_non_overlapping_and_cover_every_visible_character(text):
    tokens = tokenize(text)
    covered = set()
    last_end = 0
    for token in tokens:
        assert token.start >= last_end and text[token.start : token.end] == token.text
        last_end = token.end
        covered.update(range(token.start, token.end))
    visible = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert visible <= covered


def test_tokens_equal_normally_built_tokens_and_stay_frozen():
    token = only("KTMT-nin")
    assert token == Token("KTMT-nin", 0, 8, "acronym", 4) and hash(token) == hash(Token("KTMT-nin", 0, 8, "acronym", 4))
    with pytest.raises(dataclasses.FrozenInstanceError):
        token.start = 1
