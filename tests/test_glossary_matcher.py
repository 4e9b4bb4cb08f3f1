"""Term spotting rules: spans, longest match, contiguity, case, exact terms, caching."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tmkit.glossary import Glossary, TermHit
from tmkit.model import Concept, Term, TermStatus


def _glossary(*concepts: Concept) -> Glossary:
    return Glossary(concepts)


COUNCIL = Concept("council", (Term("Security Council", "en"), Term("Совет безопасности", "ru")))
COUNCIL_WORD = Concept("council-word", (Term("council", "en"), Term("совет", "ru")))
CSTO = Concept("csto", (Term("Collective Security Treaty Organization", "en"),
                        Term("Организация Договора о коллективной безопасности", "ru")))
ORGANIZATION = Concept("organization", (Term("organization", "en"), Term("организация", "ru")))
NATO = Concept("nato", (Term("NATO", "en"), Term("НАТО", "ru"), Term("NATO", "az")))
MFA = Concept("mfa", (Term("МИД", "ru", term_type="acronym"), Term("XİN", "az", term_type="acronym")))
TURKEY = Concept("turkey", (Term("Turkey", "en", case_sensitive=True),))
BRENT = Concept("brent", (Term("Brent", "en", inflects=False),))
BELARUS = Concept("belarus", (Term("Беларусь", "ru"), Term("Белоруссия", "ru", TermStatus.DEPRECATED)))
BAKU = Concept("baku", (Term("Bakı", "az"), Term("Baku", "en-US")))

BIG = _glossary(COUNCIL, COUNCIL_WORD, CSTO, ORGANIZATION, NATO, MFA, TURKEY, BRENT, BELARUS, BAKU)


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(hit.concept.id, hit.text) for hit in BIG.find_terms(text, lang)]


def test_guessed_russian_place_name_is_found_in_a_case_the_dictionary_gives_to_an_adjective():
    # pymorphy3 knows «красноводском» only as a form of the adjective «красноводский»
    krasnovodsk = Concept("c050", (Term("Туркменбаши", "ru"), Term("Красноводск", "ru", TermStatus.SUPERSEDED)))
    glossary = _glossary(krasnovodsk)
    assert [h.text for h in glossary.find_terms("Паром пришёл в порт с Красноводском на борту.", "ru")] == \
        ["Красноводском"]
    assert [h.text for h in glossary.find_terms("В Красноводске открыли порт.", "ru")] == ["Красноводске"]


def test_terms_inside_urls_and_email_addresses_are_not_found():
    glossary = _glossary(Concept("n", (Term("newsroom", "en"),)), Concept("r", (Term("railway", "en"),)))
    text = ("See https://example.org/newsroom/railway, www.railway.az or tips@newsroom.example; "
            "the newsroom [map](https://x.org/railway) railway")
    assert [(h.text, h.start) for h in glossary.find_terms(text, "en")] == [
        ("newsroom", text.index("the newsroom") + 4), ("railway", len(text) - 7)]


def test_hit_spans_point_into_the_original_text():
    text = "  Посол вызван в МИД,\nа Совет безопасности молчит."
    hits = BIG.find_terms(text, "ru")
    assert [text[h.start:h.end] for h in hits] == [h.text for h in hits] == ["МИД", "Совет безопасности"]


def test_hit_is_a_frozen_value():
    hit = BIG.find_terms("NATO", "en")[0]
    assert isinstance(hit, TermHit)
    assert hit == TermHit(NATO, NATO.terms[0], 0, 4, "NATO")


def test_longest_term_wins_over_a_shorter_overlapping_one():
    assert _found("The Security Council met.", "en") == [("council", "Security Council")]


def test_shorter_term_still_matches_outside_the_longer_one():
    assert _found("A council and the Security Council.", "en") == [
        ("council-word", "council"), ("council", "Security Council")]


def test_long_russian_name_beats_its_first_word():
    assert _found("Организации Договора о коллективной безопасности", "ru") == [
        ("csto", "Организации Договора о коллективной безопасности")]


def test_hits_are_sorted_by_start():
    hits = BIG.find_terms("NATO, then the council, then NATO again", "en")
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert len(hits) == 3


def test_multiword_term_does_not_match_across_punctuation():
    assert ("council", "Security, Council") not in _found("Security, Council", "en")


def test_multiword_term_does_not_match_across_a_blank_line():
    assert [cid for cid, _ in _found("Security\n\nCouncil", "en")] == ["council-word"]


def test_multiword_term_matches_across_a_single_line_break():
    assert _found("the Security\nCouncil met", "en") == [("council", "Security\nCouncil")]


def test_hyphenated_word_is_not_its_acronym_part():
    assert _found("an anti-NATO rally", "en") == []


def test_lowercase_acronym_in_running_text_is_not_the_acronym():
    assert _found("the nato spelling", "en") == []


def test_capitalised_word_is_not_the_acronym():
    assert _found("Nato said", "en") == []


def test_acronym_matches_folded_inside_a_headline():
    assert _found("NATO-NUN SAMMİTİ BAŞLADI", "az") == [("nato", "NATO")]


def test_headline_is_decided_per_line():
    text = "XİN-İN BƏYANATI\nxin adlı bir söz"
    assert _found(text, "az") == [("mfa", "XİN")]


def test_russian_acronym_with_attached_case_ending_matches():
    assert _found("Представитель МИДа ответил.", "ru") == [("mfa", "МИДа")]


def test_azerbaijani_acronym_with_hyphenated_suffix_matches_its_base():
    assert _found("XİN-in sözçüsü", "az") == [("mfa", "XİN-in")]


def test_case_sensitive_term_ignores_the_other_case():
    assert _found("roast turkey", "en") == []


def test_case_sensitive_term_still_inflects():
    assert _found("Turkey's parliament", "en") == [("turkey", "Turkey's")]


def test_case_sensitive_term_matches_in_a_headline():
    assert _found("TURKEY VOTES", "en") == [("turkey", "TURKEY")]


def test_exact_term_matches_only_its_folded_form():
    assert _found("brent and Brent", "en") == [("brent", "brent"), ("brent", "Brent")]
    assert _found("Brents", "en") == []


def test_deprecated_hit_reports_the_deprecated_term():
    [hit] = BIG.find_terms("карты Белоруссии", "ru")
    assert hit.term.status is TermStatus.DEPRECATED
    assert hit.concept.preferred("ru").text == "Беларусь"


def test_same_span_in_two_concepts_keeps_both():
    glossary = _glossary(Concept("a", (Term("Caspian", "en"),)), Concept("b", (Term("Caspian", "en"),)))
    assert [h.concept.id for h in glossary.find_terms("the Caspian", "en")] == ["a", "b"]


def test_one_concept_with_two_matching_terms_reports_one_hit():
    concept = Concept("eu", (Term("Euro-union", "en", TermStatus.DEPRECATED), Term("Euro-Union", "en")))
    hits = _glossary(concept).find_terms("the Euro-union", "en")
    assert [(h.term.text, h.term.status) for h in hits] == [("Euro-union", TermStatus.DEPRECATED)]


def test_regional_term_code_is_found_through_its_language():
    assert _found("Flights to Baku", "en") == [("baku", "Baku")]


def test_empty_text_has_no_hits():
    assert BIG.find_terms("", "ru") == []


def test_matcher_is_compiled_once_per_language():
    glossary = _glossary(NATO)
    assert glossary.matcher("ru") is glossary.matcher("RU")


def test_repeated_search_with_a_warm_cache_finds_the_same_hits():
    glossary = _glossary(COUNCIL, NATO)
    text = "НАТО и Совет безопасности; Совета безопасности нет."
    assert glossary.find_terms(text, "ru") == glossary.find_terms(text, "ru")
    assert len(glossary.find_terms(text, "ru")) == 3


def test_same_chunk_twice_on_a_line_gets_both_offsets():
    text = "НАТО, НАТО, НАТО"
    assert [h.start for h in BIG.find_terms(text, "ru")] == [0, 6, 12]


def test_chunk_inside_a_longer_chunk_does_not_misplace_the_hit():
    text = "анти-НАТО НАТО"
    assert [(h.start, h.text) for h in BIG.find_terms(text, "ru")] == [(10, "НАТО")]


WORDS = st.sampled_from(["Совет", "безопасности", "Совета", "НАТО", "и", "МИДа", "дом", "форпост",
                         "Организации", "Договора", "о", "коллективной", "безопасности", "—", "(ОДКБ)"])
SPACES = st.sampled_from([" ", "  ", "\n", "\t", " \u00a0"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(WORDS, SPACES), max_size=14), st.text(alphabet="xyz ", max_size=6))
def test_hits_are_disjoint_exact_spans_and_move_with_a_prefix(pairs, prefix):
    text = "".join(word + space for word, space in pairs)
    hits = BIG.find_terms(text, "ru")
    for left, right in zip(hits, hits[1:], strict=False):
        assert left.end <= right.start or (left.start, left.end) == (right.start, right.end)
    assert all(text[h.start:h.end] == h.text for h in hits)
    shifted = BIG.find_terms(prefix + " " + text, "ru")
    offset = len(prefix) + 1
    assert [(h.concept.id, h.start + offset) for h in hits] == [(h.concept.id, h.start) for h in shifted]


def test_azerbaijani_derived_word_is_not_its_base_term():
    glossary = _glossary(Concept("karabakh", (Term("Qarabağ", "az"),)))
    assert glossary.find_terms("qarabağlılar gəldi", "az") == []


def test_azerbaijani_term_that_is_itself_derived_still_inflects():
    glossary = _glossary(Concept("karabakhi", (Term("qarabağlı", "az"),)))
    assert [h.text for h in glossary.find_terms("Qarabağlılar gəldi", "az")] == ["Qarabağlılar"]


def test_function_word_in_text_is_not_a_form_of_a_content_term():
    glossary = _glossary(Concept("x", (Term("vəm", "az"),)))
    assert glossary.find_terms("bu və o", "az") == []


def test_figure_between_term_words_breaks_the_term():
    assert _found("The Security 2026 Council met.", "en") == [("council-word", "Council")]


def test_term_with_a_figure_matches_when_the_glossary_has_one():
    formula = _glossary(Concept("f1", (Term("Formula 1", "en"),)), COUNCIL)
    assert [(h.concept.id, h.text) for h in formula.find_terms("The Formula 1 race in Baku.", "en")] == \
        [("f1", "Formula 1")]


def test_figures_next_to_a_term_leave_its_span_alone():
    assert _found("Security Council: 15 members, 5 permanent.", "en") == [("council", "Security Council")]


def test_repeated_scans_of_the_same_text_give_the_same_hits():
    text = "The Security Council met on Monday; the council's 15 members voted."
    first = _found(text, "en")
    assert first and _found(text, "en") == first == _found(text, "en")


def test_known_words_then_a_term_still_find_the_term():
    _found("Ministers met in Baku on Monday.", "en")  # every chunk of this text becomes known
    assert _found("Ministers met in Baku on Monday with the Security Council.", "en")[-1] == \
        ("council", "Security Council")
