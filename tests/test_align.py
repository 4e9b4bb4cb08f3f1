"""Sentence alignment: beads, omissions, merges, anchors, confidence and scoring."""

from tmkit.align import align_sentences
from tmkit.align.score import score

EN = [
    "The ferry line between Baku and Aktau reopened on Monday.",
    "The first vessel carried 1,700 tonnes of cargo.",
    "Officials expect traffic to grow by 35% next year.",
    "The port of Alat will add two new berths.",
    "Is the Middle Corridor ready for this?",
    "Analysts say the answer depends on tariffs.",
]
RU = [
    "Паромная линия между Баку и Актау возобновила работу в понедельник.",
    "Первое судно перевезло 1 700 тонн груза.",
    "Чиновники ожидают роста перевозок на 35 % в следующем году.",
    "В порту Алят появятся два новых причала.",
    "Готов ли к этому Средний коридор?",
    "По мнению аналитиков, ответ зависит от тарифов.",
]


def links(beads):
    return [(b.src, b.tgt) for b in beads]


def test_parallel_sentences_align_one_to_one():
    beads = align_sentences(EN, RU, "en", "ru")
    assert links(beads) == [((k,), (k,)) for k in range(6)]


def test_every_sentence_appears_in_exactly_one_bead():
    beads = align_sentences(EN, RU[:3] + RU[4:], "en", "ru")
    assert sorted(i for b in beads for i in b.src) == list(range(6))
    assert sorted(j for b in beads for j in b.tgt) == list(range(5))


def test_dropped_sentence_becomes_an_omission():
    beads = align_sentences(EN, RU[:3] + RU[4:], "en", "ru")
    omissions = [b for b in beads if b.is_omission]
    assert [b.src for b in omissions] == [(3,)]


def test_two_sentences_merged_in_translation_form_a_two_to_one_bead():
    merged = RU[:1] + [RU[1] + " " + RU[2]] + RU[3:]
    beads = align_sentences(EN, merged, "en", "ru")
    assert ((1, 2), (1,)) in links(beads)


def test_confidence_is_high_for_anchored_pairs_and_bounded():
    beads = align_sentences(EN, RU, "en", "ru")
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)
    assert beads[1].confidence > 0.7


def test_empty_inputs_give_no_beads():
    assert align_sentences([], [], "en", "ru") == []


def test_one_empty_side_gives_only_additions():
    beads = align_sentences([], RU[:2], "en", "ru")
    assert all(b.is_addition for b in beads) and len(beads) == 2


def test_strict_and_lax_scores_follow_the_vecalign_definitions():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ())]
    result = score([gold], [test])
    assert result.precision_strict == 2 / 4
    assert result.precision_lax == 3 / 4
    assert result.recall_strict == 1 / 2
    assert result.recall_lax == 1.0


def test_anchors_on_one_side_only_lower_confidence_less_than_anchors_that_clash():
    from tmkit.align.aligner import confidence
    from tmkit.align.dp import Scored

    rendered_otherwise = confidence(Scored((0,), (0,), 0.9, 0.0, clash=False))
    clashing = confidence(Scored((0,), (0,), 0.9, 0.0, clash=True))
    assert clashing < 0.5 <= rendered_otherwise
