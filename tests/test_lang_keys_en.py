"""English keys: inflected forms share a key with their lemma; derivations do not."""

from __future__ import annotations

import pytest

from tmkit.lang import get_language
from tmkit.lang.en import inflectional_bases, only_inflection_removed, strip_possessive

en = get_language("en")

SHARE = [
    ("editorials", "editorial"), ("Editorial", "editorial"), ("presidents", "president"),
    ("President's", "president"), ("presidents'", "president"), ("NATO's", "NATO"), ("NATO’s", "NATO"),
    ("sanctions", "sanction"), ("sanctioned", "sanction"), ("negotiations", "negotiation"),
    ("negotiating", "negotiate"), ("elections", "election"), ("elected", "elect"),
    ("ministries", "ministry"), ("countries", "country"), ("agreements", "agreement"),
    ("ceasefires", "ceasefire"), ("troops", "troop"), ("refugees", "refugee"),
    ("parliaments", "parliament"), ("CEASEFIRE", "ceasefire"), ("talks", "talk"), ("talked", "talk"),
    ("meetings", "meeting"), ("pipelines", "pipeline"), ("peacekeepers", "peacekeeper"),
    ("borders", "border"), ("bordering", "border"), ("delegations", "delegation"),
    ("embassies", "embassy"), ("ambassadors", "ambassador"), ("tariffs", "tariff"),
    ("investments", "investment"), ("invested", "invest"), ("protests", "protest"),
    ("protesters", "protester"), ("allies", "ally"), ("allied", "ally"), ("corridors", "corridor"),
    ("Azerbaijan's", "Azerbaijan"), ("U.S.", "U.S."), ("state-owned", "state-owned"),
    ("reported", "report"), ("reporting", "report"), ("stopped", "stop"), ("planning", "plan"),
]

APART = [
    ("editorialist", "editorial"), ("nationalism", "nation"), ("national", "nation"),
    ("presidency", "president"), ("nations", "nationality"), ("policy", "police"),
    ("organ", "organization"), ("general", "generous"), ("universe", "university"),
    ("universal", "universe"), ("arm", "army"), ("port", "portion"), ("state", "statement"),
    ("minister", "mint"), ("border", "boredom"), ("execute", "executive"),
    ("defense", "defensive"), ("secure", "securities"), ("ally", "all"), ("court", "courteous"),
    ("import", "important"),
]


@pytest.mark.parametrize(("form", "lemma"), SHARE)
def test_inflected_form_shares_a_key_with_its_lemma(form, lemma):
    assert en.keys(form) & en.keys(lemma)


@pytest.mark.parametrize(("word", "other"), APART)
def test_near_miss_shares_no_key(word, other):
    assert not en.keys(word) & en.keys(other)


def test_keys_include_the_folded_word_itself():
    assert "ceasefire" in en.keys("Ceasefire")


def test_possessive_with_curly_apostrophe_is_removed():
    assert strip_possessive("nato’s") == "nato"


def test_plural_possessive_apostrophe_is_removed():
    assert strip_possessive("leaders'") == "leaders"


def test_inflectional_bases_undo_a_doubled_consonant():
    assert "stop" in inflectional_bases("stopped")


def test_inflectional_bases_leave_double_s_words_alone():
    assert inflectional_bases("congress") == set()


def test_stem_that_cut_a_derivational_suffix_is_refused():
    assert not only_inflection_removed("national", "nation")


def test_stem_that_removed_a_plural_with_spelling_change_is_accepted():
    assert only_inflection_removed("countries", "countri")


def test_empty_word_has_no_keys():
    assert en.keys("  ") == frozenset()
