"""The writer's XML character check on encoded chunks agrees with the per-character rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tmkit.formats.tmx_markup import check_chars, check_utf8

# Text near the edges that matter: C0 controls, the three allowed ones, the EF BF xx
# neighbourhood of U+FFFE/U+FFFF, Cyrillic and Azerbaijani letters.
EDGY = st.text(st.sampled_from(
    [chr(c) for c in range(0x20)] + ["a", " ", "ə", "İ", "ы", "\ufffd", "\ufffe", "\uffff",
                                      "\uffef", "\uefbf", "<"]), max_size=40)


def _refused(check, value) -> bool:
    try:
        check(value)
    except ValueError:
        return True
    return False


@given(EDGY)
def test_chunk_check_refuses_exactly_what_the_character_check_refuses(text):
    assert _refused(check_utf8, text.encode("utf-8")) == _refused(check_chars, text)


@pytest.mark.parametrize("allowed", ["\t", "\n", "\r"], ids=["tab", "newline", "carriage return"])
def test_chunk_check_accepts_the_three_allowed_controls(allowed):
    check_utf8(f"<seg>a{allowed}b</seg>\n".encode())


@pytest.mark.parametrize("bad", ["\x00", "\x1f", "\uffff"], ids=["NUL", "U+001F", "U+FFFF"])
def test_chunk_check_names_the_forbidden_character(bad):
    with pytest.raises(ValueError, match=f"U\\+{ord(bad):04X}"):
        check_utf8(f"ok {bad} ok".encode())


def test_chunk_check_accepts_empty_markup():
    check_utf8(b"")
