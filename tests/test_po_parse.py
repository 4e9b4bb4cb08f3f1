"""tmkit's own PO parser: syntax, escapes, comments, header, charsets, line numbers, errors."""

from __future__ import annotations

import pytest

from tmkit.errors import InputError
from tmkit.formats.po_parse import detect_encoding, parse_po, unescape


def _entries(text: str, **kwargs):
    return parse_po(text.encode("utf-8"), **kwargs).entries


def _error(text: str | bytes) -> InputError:
    with pytest.raises(InputError) as info:
        parse_po(text.encode("utf-8") if isinstance(text, str) else text)
    return info.value


# --------------------------------------------------------------------------- strings


def test_unescape_turns_known_escapes_into_characters():
    assert unescape(r"a\nb\tc\rd\ve\bf\fg\"h\\i") == 'a\nb\tc\rd\x0be\x08f\x0cg"h\\i'


def test_unescape_keeps_unknown_escapes_verbatim():
    assert unescape(r"\a \x41 \' \u0041") == r"\a \x41 \' \u0041"


def test_unescape_reads_escaped_backslash_before_letter_as_backslash_and_letter():
    assert unescape(r"C:\\new") == "C:\\new"


def test_continuation_lines_are_joined_after_each_is_unescaped():
    entry, = _entries('msgid ""\n"first line\\n"\n"second"\nmsgstr "x"\n')
    assert entry.msgid == "first line\nsecond"


def test_a_piece_ending_in_an_escaped_quote_is_a_string_that_never_closes():
    # polib read it as 'a\' and joined the next piece; GNU msgfmt refuses it, and so does tmkit
    with pytest.raises(InputError, match="string not closed") as caught:
        _entries('msgid "a\\"\n"nb"\nmsgstr "x"\n')
    assert caught.value.line == 1


def test_escaped_quotes_are_kept_as_quotes():
    entry, = _entries('msgid "say \\"hi\\""\nmsgstr "скажи «привет»"\n')
    assert (entry.msgid, entry.msgstr) == ('say "hi"', "скажи «привет»")


# --------------------------------------------------------------------------- keywords


def test_context_source_and_translation_are_read():
    entry, = _entries('msgctxt "menu"\nmsgid "Politics"\nmsgstr "Siyasət"\n')
    assert (entry.msgctxt, entry.msgid, entry.msgstr) == ("menu", "Politics", "Siyasət")


def test_missing_context_is_none_and_empty_context_is_empty_string():
    plain, empty = _entries('msgid "a"\nmsgstr "b"\n\nmsgctxt ""\nmsgid "c"\nmsgstr "d"\n')
    assert (plain.msgctxt, empty.msgctxt) == (None, "")


def test_plural_forms_are_kept_by_index_in_file_order():
    entry, = _entries('msgid "day"\nmsgid_plural "days"\nmsgstr[0] "день"\n'
                      'msgstr[1] "дня"\n"!"\nmsgstr[2] "дней"\n')
    assert entry.msgid_plural == "days"
    assert dict(entry.msgstr_plural) == {0: "день", 1: "дня!", 2: "дней"}


def test_plural_index_is_the_single_character_after_the_bracket_as_in_polib():
    entry, = _entries('msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[10] "y"\n')
    assert dict(entry.msgstr_plural) == {0: "x", 1: "y"}


def test_entries_without_blank_lines_between_them_are_separate():
    first, second = _entries('msgid "a"\nmsgstr "b"\nmsgid "c"\nmsgstr "d"\n')
    assert (first.msgid, second.msgid) == ("a", "c")


def test_indented_lines_and_tabs_after_keywords_are_accepted():
    entry, = _entries('  msgid\t"a"\n\tmsgstr   "b"  \n')
    assert (entry.msgid, entry.msgstr) == ("a", "b")


# --------------------------------------------------------------------------- comments


def test_reference_comment_is_split_into_file_and_line():
    entry, = _entries('#: news/a.md:12 lib/b.py:3\nmsgid "a"\nmsgstr "b"\n')
    assert entry.references == (("news/a.md", "12"), ("lib/b.py", "3"))


def test_reference_without_numeric_line_is_all_file_name():
    entry, = _entries('#: README news/a.md:intro C:\\x:7\nmsgid "a"\nmsgstr "b"\n')
    assert entry.references == (("README", ""), ("news/a.md:intro", ""), ("C:\\x", "7"))


def test_flags_are_split_on_commas_keeping_an_empty_trailing_flag():
    entry, = _entries('#, fuzzy, python-format,\nmsgid "a"\nmsgstr "b"\n')
    assert entry.flags == ("fuzzy", "python-format", "")
    assert entry.fuzzy


def test_translator_comment_lines_are_joined_without_marker_and_one_space():
    entry, = _entries('msgid "x"\nmsgstr "y"\n\n# first\n##  second\n#\tthird\nmsgid "a"\nmsgstr "b"\n')[1:]
    assert entry.translator_comment == "first\n second\n\tthird"


def test_empty_leading_translator_comment_adds_no_line_break():
    entry, = _entries('msgid "x"\nmsgstr "y"\n\n#\n# only\nmsgid "a"\nmsgstr "b"\n')[1:]
    assert entry.translator_comment == "only"


def test_extracted_comments_keep_their_line_breaks():
    entry, = _entries('#. Headline kicker.\n#. Max 20 characters.\nmsgid "a"\nmsgstr "b"\n')
    assert entry.extracted_comment == "Headline kicker.\nMax 20 characters."


def test_empty_reference_flag_and_extracted_comment_lines_are_ignored():
    entry, = _entries('#:\n#,\n#.\nmsgid "a"\nmsgstr "b"\n')
    assert (entry.references, entry.flags, entry.extracted_comment) == ((), (), "")


def test_previous_context_source_and_plural_are_read_with_continuations():
    entry, = _entries('#| msgctxt "old"\n#| msgid "Old "\n#| "text"\n#| msgid_plural "olds"\n'
                      'msgid "a"\nmsgstr "b"\n')
    assert (entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural) == (
        "old", "Old text", "olds")


def test_comments_before_the_first_entry_of_a_file_without_header_are_the_header_comment():
    catalog = parse_po(b'# Newsroom strings.\n# Second line.\nmsgid "a"\nmsgstr "b"\n')
    assert catalog.header_comment == "Newsroom strings.\nSecond line."
    assert catalog.entries[0].translator_comment == ""


# --------------------------------------------------------------------------- obsolete


def test_obsolete_entries_are_flagged_or_left_out():
    text = 'msgid "a"\nmsgstr "b"\n\n#~ msgid "old"\n#~ msgstr "старое"\n'
    assert [(e.msgid, e.obsolete) for e in _entries(text)] == [("a", False), ("old", True)]
    assert [e.msgid for e in _entries(text, obsolete=False)] == ["a"]


def test_obsolete_previous_lines_are_ignored():
    entry, = _entries('#~| msgid "older"\n#~ msgid "old"\n#~ msgstr "x"\n')
    assert (entry.msgid, entry.previous_msgid, entry.obsolete) == ("old", None, True)


# --------------------------------------------------------------------------- header


HEADER = ('# Header comment.\nmsgid ""\nmsgstr ""\n"Project-Id-Version: news 1\\n"\n'
          '"Language: az\\n"\n"X-Note: first\\n"\n"continued\\n"\n\n')


def test_header_entry_becomes_metadata_and_leaves_the_entries():
    catalog = parse_po((HEADER + 'msgid "a"\nmsgstr "b"\n').encode())
    assert [e.msgid for e in catalog.entries] == ["a"]
    assert catalog.metadata["Language"] == "az"


def test_header_line_without_colon_continues_the_previous_value():
    assert parse_po(HEADER.encode()).metadata["X-Note"] == "first\ncontinued"


def test_header_comment_is_kept():
    assert parse_po(HEADER.encode()).header_comment == "Header comment."


def test_second_entry_with_empty_msgid_stays_an_entry():
    catalog = parse_po(b'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgctxt "c"\nmsgid ""\nmsgstr "x"\n')
    assert [(e.msgctxt, e.msgstr) for e in catalog.entries] == [("c", "x")]
    assert catalog.metadata == {"Language": "ru"}


# --------------------------------------------------------------------------- lines


def test_entry_line_is_its_first_comment_or_keyword_line():
    entries = _entries(HEADER + '\n#. note\n#: a.md:1\nmsgid "a"\nmsgstr "b"\nmsgid "c"\nmsgstr "d"\n')
    assert [e.line for e in entries] == [10, 14]


def test_first_entry_without_header_starts_at_first_non_blank_line():
    assert _entries('\n\n#: a.md:1\nmsgid "a"\nmsgstr "b"\n')[0].line == 3


def test_crlf_and_lone_cr_line_ends_count_as_one_line_each():
    text = 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n'
    assert [e.line for e in _entries(text.replace("\n", "\r\n"))] == [1, 4]
    assert [e.line for e in _entries(text.replace("\n", "\r"))] == [1, 4]


def test_utf8_byte_order_mark_is_dropped():
    entry, = parse_po(b'\xef\xbb\xbfmsgid "a"\nmsgstr "b"\n').entries
    assert (entry.msgid, entry.line) == ("a", 1)


def test_file_ending_with_a_comment_keeps_the_last_complete_entry():
    assert [e.msgid for e in _entries('msgid "a"\nmsgstr "b"\n# trailing\n')] == ["a"]


def test_empty_file_has_no_entries():
    catalog = parse_po(b"")
    assert (catalog.entries, catalog.metadata, catalog.header_comment) == ([], {}, "")


# --------------------------------------------------------------------------- charsets


def _declaring(charset: str) -> bytes:
    return f'msgid ""\nmsgstr "Content-Type: text/plain; charset={charset}\\n"\n'.encode("ascii")


def test_declared_charset_is_used_to_decode():
    data = _declaring("windows-1251") + 'msgid "a"\nmsgstr "Баку"\n'.encode("cp1251")
    catalog = parse_po(data)
    assert (catalog.encoding, catalog.entries[0].msgstr) == ("windows-1251", "Баку")


def test_missing_or_unknown_charset_means_utf8():
    assert detect_encoding(b'msgid "a"\nmsgstr "b"\n') == "utf-8"
    assert detect_encoding(_declaring("CHARSET")) == "utf-8"


def test_charset_that_is_not_a_text_encoding_means_utf8():
    assert detect_encoding(_declaring("rot13")) == "utf-8"


def test_first_known_charset_wins_over_an_unknown_one_before_it():
    assert detect_encoding(_declaring("no-such-charset") + _declaring("koi8-r")) == "koi8-r"


def test_bytes_invalid_in_declared_charset_are_an_input_error_with_line():
    error = _error(_declaring("UTF-8") + 'msgid "a"\nmsgstr "Bak\xfc"\n'.encode("latin-1"))
    assert error.message.startswith("cannot decode PO file:")
    assert "utf-8" in error.message.lower() and error.line == 4


# --------------------------------------------------------------------------- errors


def test_unescaped_quote_is_an_error_on_its_line():
    error = _error('msgid "a"\nmsgstr "say "hi""\n')
    assert (error.line, "unescaped double quote" in error.message) == (2, True)


def test_msgid_after_msgid_is_an_error_naming_both():
    error = _error('msgid "a"\nmsgid "b"\nmsgstr "c"\n')
    assert (error.line, error.message) == (2, "invalid PO file: msgid cannot follow msgid")


def test_comment_after_msgctxt_is_an_error_as_in_polib():
    assert _error('msgctxt "c"\n# note\nmsgid "a"\nmsgstr "b"\n').line == 2


def test_comment_marker_without_space_is_an_error():
    error = _error('msgid "a"\nmsgstr "b"\n#Abbreviated here\n')
    assert error.line == 3 and "'#Abbreviated'" in error.message


def test_text_outside_strings_is_an_error():
    error = _error('msgid "a"\nmsgstr "b"\nthis is not po\n')
    assert error.line == 3 and "found 'this is not po'" in error.message


def test_keyword_without_string_is_an_error():
    assert _error('msgid\nmsgstr "b"\n').line == 1


def test_plural_translation_without_digit_index_is_an_error():
    error = _error('msgid "a"\nmsgid_plural "b"\nmsgstr[n] "x"\n')
    assert error.line == 3 and "one-digit index" in error.message


def test_previous_marker_with_unknown_keyword_is_an_error():
    error = _error('#| msgstr "old"\nmsgid "a"\nmsgstr "b"\n')
    assert error.line == 1 and "'msgstr'" in error.message


def test_a_string_that_never_closes_is_refused_not_cut_by_a_character():
    with pytest.raises(InputError, match="string not closed") as caught:
        _entries('msgid "The ship\nmsgstr "Судно"\n')
    assert caught.value.line == 1
