"""The quick script tests must never miss a letter the exact script properties would see."""

from __future__ import annotations

import sys

import pytest
import regex

from tmkit.lang.scripts import CYRILLIC_LETTER, LATIN_LETTER, may_hold


@pytest.mark.parametrize(("quick", "exact"), [(LATIN_LETTER, r"\p{Latin}"), (CYRILLIC_LETTER, r"\p{Cyrillic}")],
                         ids=["latin", "cyrillic"])
def test_quick_class_covers_every_code_point_of_the_script(quick, exact):
    prop = regex.compile(exact)
    missed = [hex(cp) for cp in range(sys.maxunicode + 1)
              if not 0xD800 <= cp <= 0xDFFF and prop.match(chr(cp)) and not quick.match(chr(cp))]
    assert missed == []


def test_russian_sentence_may_not_hold_latin():
    assert not may_hold("latin", "Совет Безопасности собрался в понедельник.")


def test_azerbaijani_schwa_counts_as_latin():
    assert may_hold("latin", "ə")


def test_latin_o_inside_cyrillic_acronym_is_seen():
    assert may_hold("latin", "OДКБ") and may_hold("cyrillic", "OДКБ")
