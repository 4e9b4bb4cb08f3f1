"""Segmentation on third-party parallel text: Tatoeba az-en and ru-en pairs from ../shared.

Line i of each file translates line i of the other, so a segmenter that splits both sides
correctly finds the same number of sentences on almost every line; the few lines where the
translator merged or split sentences differ for real.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tmkit.lang import get_language

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"
TATOEBA = REALWORLD / "align" / "tatoeba_laser"


def parallel_lines(pair):
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    source = (TATOEBA / f"tatoeba.{pair}.{pair[:3]}").read_text(encoding="utf-8").splitlines()
    english = (TATOEBA / f"tatoeba.{pair}.eng").read_text(encoding="utf-8").splitlines()
    assert len(source) == len(english) == 1000
    return source, english


@pytest.mark.parametrize(("pair", "code", "most_differences"), [("aze-eng", "az", 3), ("rus-eng", "ru", 10)])
def test_parallel_tatoeba_lines_get_the_same_sentence_count(pair, code, most_differences):
    source, english = parallel_lines(pair)
    language, en = get_language(code), get_language("en")
    differing = sum(len(language.sentences(a)) != len(en.sentences(b)) for a, b in zip(source, english, strict=True))
    assert differing <= most_differences


@pytest.mark.parametrize(("pair", "code"), [("aze-eng", "az"), ("rus-eng", "ru")])
def test_every_tatoeba_token_points_at_its_text(pair, code):
    source, _ = parallel_lines(pair)
    language = get_language(code)
    for line in source:
        for token in language.tokenize(line):
            assert line[token.start : token.end] == token.text
