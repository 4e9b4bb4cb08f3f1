"""The TMX reader's text scanner gives exactly the element reader's units, or steps aside.

Every test here reads the same file both ways: with the scanner (``scan_units``) and with the
lxml element reader it speeds up (``iter_units(..., scan=False)``). Where the scanner declines a file it
must say so with :class:`Unsupported` (and ``iter_units`` must still give the element
reader's units); it must never give different units.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tmkit.errors import InputError
from tmkit.formats import tmx_scan
from tmkit.formats.tmx import iter_units, read_header, write_tmx
from tmkit.formats.tmx_scan import Unsupported, scan_units
from tmkit.model import Header, InlineCode, Segment, TranslationUnit, Variant

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "tmx"
CORPORA = Path(__file__).resolve().parents[1] / "corpora"
HEADER = '<header srclang="en" creationtool="t" segtype="sentence" adminlang="en" datatype="plaintext"/>'


@pytest.fixture(autouse=True)
def fresh_scanner():
    """Each test reads as a fresh process would: no glue or code remembered from another."""
    tmx_scan.clear_caches()


def tmx(tmp_path: Path, body: str, *, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>\n',
        root: str = '<tmx version="1.4">', newline: str = "\n", name: str = "m.tmx") -> Path:
    path = tmp_path / name
    text = f"{prolog}{root}\n{HEADER}\n<body>\n{body}\n</body>\n</tmx>\n"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def element_units(path: Path) -> list[TranslationUnit]:
    return list(iter_units(path, scan=False))


def scanned(path: Path) -> list[TranslationUnit]:
    return list(scan_units(path, read_header(path).srclang))


def assert_same(path: Path) -> list[TranslationUnit]:
    units, expected = scanned(path), element_units(path)
    assert units == expected
    assert [unit.line for unit in units] == [unit.line for unit in expected]  # not compared by ==
    return units


def assert_declined(path: Path) -> Unsupported:
    with pytest.raises(Unsupported) as caught:
        scanned(path)
    assert list(iter_units(path)) == element_units(path)
    return caught.value


# --------------------------------------------------------------------------- the usual shapes


def test_scanner_reads_plain_units_like_the_element_reader(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu tuid="1" creationdate="20260101T120000Z">\n'
                                      '  <tuv xml:lang="en"><seg>Hello</seg></tuv>\n'
                                      '  <tuv xml:lang="az"><seg>Salam, İlham</seg></tuv>\n</tu>'))
    assert units[0].variants[1].segment == Segment.of("Salam, İlham")


def test_scanner_reads_unit_and_variant_props_and_notes(tmp_path):
    assert_same(tmx(tmp_path, '<tu tuid="1"><note>checked</note><prop type="x-article">a1</prop>'
                              '<tuv xml:lang="en" creationid="desk"><prop type="x-src">wire</prop>'
                              '<note xml:lang="en">n</note><seg>One</seg></tuv>'
                              '<tuv xml:lang="ru"><seg>Один</seg></tuv>'
                              '<prop type="x-late">after variants</prop></tu>'))


def test_scanner_reads_empty_segments_variants_and_units(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu tuid="1"><tuv xml:lang="en"><seg/></tuv>'
                                      '<tuv xml:lang="ru"><seg></seg></tuv><tuv xml:lang="az"/></tu>'
                                      '<tu tuid="2"/><tu></tu>'))
    assert [len(unit.variants) for unit in units] == [3, 0, 0]


def test_scanner_keeps_whitespace_only_prop_values(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu><prop type="x"> </prop><tuv xml:lang="en"><seg>a</seg></tuv></tu>'))
    assert units[0].props[0].value == " "


def test_scanner_reads_variants_without_segment_between_others(tmp_path):
    assert_same(tmx(tmp_path, '<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="ru"/>'
                              '<tuv xml:lang="de"><note>none yet</note></tuv>'
                              '<tuv xml:lang="az"><seg>b</seg></tuv></tu>'))


def test_scanner_reads_legacy_lang_and_unparsable_dates(tmp_path):
    assert_same(tmx(tmp_path, '<tu creationdate="yesterday" usagecount="3"><tuv lang="EN-US" '
                              'changedate="2026-01-01"><seg>a</seg></tuv>'
                              '<tuv xml:lang="ru" lang="ru"><seg>b</seg></tuv></tu>'))


# --------------------------------------------------------------------------- XML details


def test_scanner_decodes_entities_and_character_references(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu tuid="a&amp;b"><tuv xml:lang="en"><seg>AT&amp;T &lt;b&gt; '
                                      '&#1025;&#x259; &quot;q&quot; &apos;</seg></tuv></tu>'))
    assert units[0].tuid == "a&b"
    assert units[0].variants[0].segment.text == "AT&T <b> Ёə \"q\" '"


def test_scanner_normalizes_line_ends_but_keeps_a_referenced_carriage_return(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu>\n<tuv xml:lang="en"><seg>one\ntwo&#13;three</seg></tuv>\n</tu>\n'
                                      '<tu>\n<tuv xml:lang="en"><seg>last</seg></tuv></tu>', newline="\r\n"))
    assert units[0].variants[0].segment.text == "one\ntwo\rthree"
    assert [unit.line for unit in units] == [5, 9]


def test_scanner_turns_lone_carriage_returns_into_line_feeds(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu><tuv xml:lang="en"><seg>a\rb</seg></tuv></tu>\r<tu/>'))
    assert units[0].variants[0].segment.text == "a\nb"


def test_scanner_normalizes_white_space_in_attribute_values(tmp_path):
    units = assert_same(tmx(tmp_path, "<tu tuid='single quoted'\n    x-a=\"tab\there\nline\" x-b = \"&#10;kept\">"
                                      '<tuv xml:lang="en"><seg>a</seg></tuv></tu>'))
    assert dict(units[0].extra) == {"x-a": "tab here line", "x-b": "\nkept"}
    assert units[0].line == 7  # where the start tag ends, as libxml2 counts


def test_scanner_reads_start_tags_whose_values_hold_a_greater_than_sign(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu x-rule="a>b" tuid="1"><tuv xml:lang="en"><seg>a</seg></tuv></tu>'
                                      '<tu x-rule="c>/" tuid="2"/><tu tuid="3" x-path="/"/>'))
    assert [dict(unit.extra) for unit in units] == [{"x-rule": "a>b"}, {"x-rule": "c>/"}, {"x-path": "/"}]


def test_scanner_reads_utf8_with_byte_order_mark(tmp_path):
    path = tmx(tmp_path, '<tu><tuv xml:lang="ru"><seg>Передовица</seg></tuv></tu>')
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert_same(path)


def test_scanner_skips_comments_and_instructions_between_units(tmp_path):
    units = assert_same(tmx(tmp_path, '<!-- <tu tuid="ghost"><tuv xml:lang="en"><seg>no</seg></tuv></tu> -->'
                                      '<tu tuid="1"><tuv xml:lang="en"><seg>yes</seg></tuv></tu><?pi data?>'))
    assert [unit.tuid for unit in units] == ["1"]


# --------------------------------------------------------------------------- inline codes


def test_scanner_reads_inline_codes_with_their_attributes_and_content(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu><tuv xml:lang="en"><seg>A <bpt i="1" type="bold">&lt;b&gt;</bpt>'
                                      'word<ept i="1">&lt;/b&gt;</ept> <ph x="2"/> <it pos="begin">&lt;i&gt;</it>'
                                      '<ut>{\\f1}</ut>.</seg></tuv></tu>'))
    parts = units[0].variants[0].segment.parts
    assert parts[1] == InlineCode("bpt", (("i", "1"), ("type", "bold")), ("<b>",))
    assert parts[5] == InlineCode("ph", (("x", "2"),), ())


def test_scanner_reads_nested_codes(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu><tuv xml:lang="en"><seg><bpt i="1">&lt;a title="<sub>Tip '
                                      '<ph x="1"/></sub>"&gt;</bpt>link<ept i="1">&lt;/a&gt;</ept> '
                                      '<hi type="b">bold <ph x="2"/></hi></seg></tuv></tu>'))
    bpt = units[0].variants[0].segment.parts[0]
    assert bpt.content[1].kind == "sub"


def test_scanner_reads_codes_repeated_across_units_from_its_cache(tmp_path):
    tu = '<tu><tuv xml:lang="en"><seg>x <ph x="1">{1}</ph> y</seg></tuv></tu>'
    units = assert_same(tmx(tmp_path, tu * 3))
    assert units[0] == units[2]


# --------------------------------------------------------------------------- where it steps aside


@pytest.mark.parametrize("body", [
    '<tu><!-- note --><tuv xml:lang="en"><seg>a</seg></tuv></tu>',
    '<tu><tuv xml:lang="en"><seg>a<!-- </seg> --></seg></tuv></tu>',
    '<tu><tuv xml:lang="en"><seg><![CDATA[<b>]]></seg></tuv></tu>',
    '<tu><tuv xml:lang="en"><seg>a<?pi x?></seg></tuv></tu>',
    '<tu><tuv xml:lang="en"><seg>a</seg><prop type="x">late</prop></tuv></tu>',
    '<tu><tuv xml:lang="en"><seg>a</seg><seg>b</seg></tuv></tu>',
    '<tu><seg>outside a variant</seg></tu>',
    '<tu><tuv xml:lang="en"><seg>a <x:code xmlns:x="urn:x"/></seg></tuv></tu>',
    '<tu><tuv xml:lang="en" xmlns:x="urn:x" x:a="1"><seg>a</seg></tuv></tu>',
    '<tu><tuv xml:lang="en"><seg>nested <tu><tuv xml:lang="fr"><seg>b</seg></tuv></tu></seg></tuv></tu>',
    '<tu><tuv xml:lang="en"><unknown/><seg>a</seg></tuv></tu>',
], ids=["comment-in-unit", "comment-hiding-end", "cdata", "instruction", "prop-after-seg", "two-segs",
        "seg-in-tu", "namespaced-code", "namespaced-attribute", "nested-unit", "unknown-element"])
def test_scanner_declines_what_it_does_not_read_and_the_element_reader_takes_over(tmp_path, body):
    assert_declined(tmx(tmp_path, body))


@pytest.mark.parametrize("prolog,root", [
    ('<?xml version="1.0" encoding="ISO-8859-1"?>\n', '<tmx version="1.4">'),
    ('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ELEMENT tmx ANY>]>\n', '<tmx version="1.4">'),
    ('<?xml version="1.0"?>\n', '<tmx version="1.4" xmlns:x="urn:x">'),
    ('<?xml version="1.0"?>\n', '<tmx version="1.4"><![CDATA[<body>]]>'),
], ids=["latin-1", "internal-subset", "namespace-on-root", "cdata-before-body"])
def test_scanner_declines_prologs_it_does_not_read(tmp_path, prolog, root):
    assert_declined(tmx(tmp_path, '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>', prolog=prolog, root=root))


def test_scanner_reads_past_comments_and_a_doctype_before_the_body(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu tuid="1"><tuv xml:lang="en"><seg>a</seg></tuv></tu>',
                            prolog='<?xml version="1.0" encoding="us-ascii"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
                                   '<!-- an old <body> of work, <tu tuid="0"/> -->\n<?tool x?>\n'))
    assert [unit.tuid for unit in units] == ["1"]


def test_scanner_declines_utf16(tmp_path):
    path = tmp_path / "u16.tmx"
    path.write_bytes(f'<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4">{HEADER}<body><tu>'
                     '<tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>'.encode("utf-16"))
    assert_declined(path)


def test_scanner_declines_units_after_the_body(tmp_path):
    path = tmp_path / "after.tmx"
    path.write_text(f'<tmx version="1.4">{HEADER}<body><tu tuid="1"/></body><tu tuid="2"/></tmx>',
                    encoding="utf-8")
    assert assert_declined(path).produced == 1
    assert [unit.tuid for unit in iter_units(path)] == ["1", "2"]


def test_reader_continues_with_elements_after_the_units_already_scanned(tmp_path):
    body = "".join(f'<tu tuid="{n}"><tuv xml:lang="en"><seg>s{n}</seg></tuv></tu>' for n in range(5))
    path = tmx(tmp_path, body.replace('<tu tuid="3">', '<tu tuid="3"><!-- odd -->'))
    assert assert_declined(path).produced == 3
    assert [unit.tuid for unit in iter_units(path)] == ["0", "1", "2", "3", "4"]


def test_malformed_file_is_still_refused_where_the_element_reader_says(tmp_path):
    path = tmx(tmp_path, '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>\n<tu><tuv xml:lang="en">'
                         '<seg>b</sg></tuv></tu>')
    with pytest.raises(InputError) as scanning:
        list(iter_units(path))
    with pytest.raises(InputError) as walking:
        element_units(path)
    assert str(scanning.value) == str(walking.value)
    assert (scanning.value.line, scanning.value.column) == (6, 35)


def test_duplicate_attribute_is_refused(tmp_path):
    path = tmx(tmp_path, '<tu tuid="1" tuid="2"><tuv xml:lang="en"><seg>a</seg></tuv></tu>')
    with pytest.raises(InputError, match="redefined"):
        list(iter_units(path))


def test_truncated_file_is_refused(tmp_path):
    path = tmx(tmp_path, '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>')
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(InputError, match="malformed XML"):
        list(iter_units(path))


def test_invalid_utf8_is_refused(tmp_path):
    path = tmx(tmp_path, '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>')
    path.write_bytes(path.read_bytes().replace(b">a<", b">\xff<"))
    with pytest.raises(InputError, match="malformed XML"):
        list(iter_units(path))


# --------------------------------------------------------------------------- found in review

H = b'<tmx version="1.4"><header srclang="en"/><body>'
E = b"</body></tmx>"


def reads_alike(tmp_path: Path, data: bytes) -> Path:
    """Both readers give the same units and lines, or refuse with the same message."""
    path = tmp_path / "r.tmx"
    path.write_bytes(data)

    def outcome(scan: bool):
        try:
            units = list(iter_units(path, scan=scan))
        except InputError as exc:
            return str(exc)
        return units, [unit.line for unit in units]

    assert outcome(True) == outcome(False)
    return path


@pytest.mark.parametrize("data", [
    H + b'<tu tuid\xe1\x9a\x80="x"/>' + E,
    H + b'<tu><tuv\xe1\x9a\x80 xml:lang="en"><seg>a</seg></tuv\xe1\x9a\x80></tu>' + E,
    H + b'<tu><tuv xml:lang="en"><seg><ph\xe1\x9a\x80/></seg></tuv></tu>' + E,
], ids=["attribute", "variant", "code"])
def test_a_unicode_space_inside_a_name_is_part_of_the_name(tmp_path, data):
    reads_alike(tmp_path, data)


def test_a_character_reference_with_thousands_of_digits_reads_alike(tmp_path):
    reads_alike(tmp_path, H + b'<tu x-a="&#' + b"0" * 4300 + b'66;"><tuv xml:lang="en"><seg>&#'
                + b"0" * 4300 + b"65;</seg></tuv></tu>" + E)


def test_a_text_node_over_libxml2s_limit_is_refused_by_both(tmp_path):
    path = reads_alike(tmp_path, H + b'<tu><tuv xml:lang="en"><seg>' + b"x" * 10_000_001
                       + b"</seg></tuv></tu>" + E)
    with pytest.raises(InputError, match="Text node too long"):
        list(iter_units(path))


def test_a_long_unit_is_left_to_the_element_reader(tmp_path, monkeypatch):
    monkeypatch.setattr(tmx_scan, "MAX_UNIT", 100)
    path = tmx(tmp_path, '<tu tuid="1"/>' + "\n" * 150 + f'<tu><tuv xml:lang="en"><seg>{"x" * 150}</seg></tuv></tu>')
    assert "too long" in str(assert_declined(path))


def test_codes_nested_past_libxml2s_depth_limit_are_refused_by_both(tmp_path):
    reads_alike(tmp_path, H + b'<tu><tuv xml:lang="en"><seg>' + b"<hi>" * 252 + b"</hi>" * 252
                + b"</seg></tuv></tu>" + E)


@pytest.mark.parametrize("units", [b'<tu xml:id="1"/>', b'<tu xml:id="a"/><tu xml:id="a"/>'],
                         ids=["not-a-name", "twice"])
def test_xml_id_values_are_checked_as_the_element_reader_checks_them(tmp_path, units):
    reads_alike(tmp_path, H + units + E)


def test_an_internal_subset_behind_a_system_literal_naming_tmx_is_found(tmp_path):
    path = reads_alike(tmp_path, b'<!DOCTYPE tmx SYSTEM "<tmx" [<!ATTLIST tu tuid NMTOKENS #IMPLIED>]>'
                       + H + b'<tu tuid=" a  b "/>' + E)
    assert [unit.tuid for unit in iter_units(path)] == ["a b"]


def test_an_encoding_declared_past_the_first_chunk_is_honoured(tmp_path, monkeypatch):
    monkeypatch.setattr(tmx_scan, "CHUNK", 3)
    path = reads_alike(tmp_path, b'<?xml version="1.0"' + b" " * 50 + b' encoding="ISO-8859-1"?>' + H
                       + b'<tu><tuv xml:lang="en"><seg>\xc3\xa9</seg></tuv></tu>' + E)
    assert next(iter_units(path)).variants[0].segment.text == "Ã©"


def test_a_body_with_attributes_is_declined_at_once(tmp_path):
    path = reads_alike(tmp_path, H.replace(b"<body>", b'<body xml:space="default">')
                       + b'<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>' + E)
    assert "attributes" in str(assert_declined(path))


def test_cdata_before_the_body_is_declined_at_once(tmp_path):
    path = reads_alike(tmp_path, H.replace(b'<header srclang="en"/>',
                                           b'<header srclang="en"><note><![CDATA[' + b"<!--" * 3000
                                           + b"]]></note></header>") + b'<tu tuid="1"/>' + E)
    assert "CDATA" in str(assert_declined(path))


def test_a_header_longer_than_the_scanner_reads_is_left_to_the_element_reader(tmp_path, monkeypatch):
    monkeypatch.setattr(tmx_scan, "CHUNK", 100)
    monkeypatch.setattr(tmx_scan, "MAX_PROLOG", 1000)
    path = reads_alike(tmp_path, H.replace(b'<header srclang="en"/>', b'<header srclang="en"><note>'
                                           + b"n" * 3000 + b"</note></header>") + b'<tu tuid="1"/>' + E)
    assert "long header" in str(assert_declined(path))


@pytest.mark.parametrize("after", [b"<!--a-->" * 40 + b"x</tmx>", b"<?a?>" * 40 + b"<x/></tmx>",
                                   b"</tmx><!--a-->" * 2, b"<!-- c --></tmx>\n<?pi?>\n"],
                         ids=["text-after-comments", "element-after-instructions", "two-roots", "fine"])
def test_what_follows_the_body_is_judged_in_linear_time(tmp_path, after):
    reads_alike(tmp_path, H + b'<tu tuid="1"/></body>' + after)


def test_long_markup_is_read_but_not_remembered(tmp_path):
    note = "n" * (tmx_scan._CACHEABLE + 1)
    units = assert_same(tmx(tmp_path, f'<tu><note>{note}</note><tuv xml:lang="en"><seg>a <ph x="{note}"/>'
                                      f'</seg></tuv></tu>'))
    assert units[0].notes[0].text == note
    remembered = [*tmx_scan._first_glue, *tmx_scan._code_cache]
    assert not any(note in text for text in remembered)


def test_markup_that_never_repeats_is_left_to_the_element_reader(tmp_path):
    body = "".join(f'<tu><tuv xml:lang="en" changeid="u{n}"><seg>s</seg></tuv>'
                   f'<tuv xml:lang="ru" changeid="u{n}"><seg>с</seg></tuv></tu>' for n in range(300))
    path = tmx(tmp_path, body)
    declined = assert_declined(path)
    assert declined.produced == tmx_scan.PROBE_UNITS
    assert "differs from unit to unit" in str(declined)


def test_markup_that_repeats_is_scanned_to_the_end(tmp_path):
    body = "".join(f'<tu tuid="{n}"><tuv xml:lang="en"><seg>s{n}</seg></tuv></tu>' for n in range(300))
    assert len(assert_same(tmx(tmp_path, body))) == 300


def test_predefined_entities_decode_by_replacement_and_others_by_reference(tmp_path):
    units = assert_same(tmx(tmp_path, '<tu><tuv xml:lang="en"><seg>&amp;lt; &lt;b&gt; &quot;&apos;&amp;amp;</seg>'
                                      '</tuv><tuv xml:lang="az"><seg>&amp; &#x259;</seg></tuv></tu>'))
    assert [variant.segment.text for variant in units[0].variants] == ["&lt; <b> \"'&amp;", "& ə"]


def test_a_usage_count_int_does_not_take_stays_verbatim(tmp_path):
    path = reads_alike(tmp_path, H + '<tu usagecount="²"/><tu usagecount="7"/>'.encode() + E)
    assert [(unit.usage_count, unit.extra) for unit in iter_units(path)] == [
        (None, (("usagecount", "²"),)), (7, ())]


# --------------------------------------------------------------------------- chunks and lines


def test_units_split_across_chunks_read_the_same(tmp_path, monkeypatch):
    body = "\r\n".join(f'<tu tuid="{n}"><tuv xml:lang="az"><seg>İlham Əliyev {n} '
                       f'<ph x="1">&lt;br/&gt;</ph> şəhər</seg></tuv></tu>' for n in range(40))
    path = tmx(tmp_path, body, newline="\r\n")
    expected = element_units(path)
    for chunk in (7, 64, 333):
        monkeypatch.setattr(tmx_scan, "CHUNK", chunk)
        units = scanned(path)
        assert units == expected
        assert [unit.line for unit in units] == [unit.line for unit in expected]


def test_scanner_counts_lines_exactly_past_65535(tmp_path):
    body = "\n".join(f'<tu tuid="{n}">\n<tuv xml:lang="en"><seg>s</seg></tuv>\n</tu>' for n in range(22_000))
    path = tmx(tmp_path, body)
    lines = path.read_bytes().split(b"\n")
    starts = [number for number, line in enumerate(lines, 1) if line.startswith(b"<tu ")]
    assert [unit.line for unit in scanned(path)] == starts


# --------------------------------------------------------------------------- real files and round trips


def tmx_files() -> list[Path]:
    files = sorted(CORPORA.glob("*.tmx"))
    if REALWORLD.is_dir():
        files += sorted(REALWORLD.glob("*.tmx"))
    return files


@pytest.mark.parametrize("path", tmx_files(), ids=lambda path: path.name)
def test_reader_gives_the_element_readers_units_for_every_tmx_at_hand(path):
    def outcome(scan: bool):
        try:
            units = list(iter_units(path, scan=scan))
        except InputError as exc:  # the same refusal either way (a lying XML declaration...)
            return str(exc)
        return units, [unit.line for unit in units]

    assert outcome(True) == outcome(False)


def test_realworld_utf8_files_are_mostly_scanned():
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")
    outcomes = {}
    for path in sorted(REALWORLD.glob("*.tmx")):
        try:
            outcomes[path.name] = len(scanned(path))
        except (Unsupported, InputError):
            outcomes[path.name] = None
    assert outcomes["openxliff_OpenXLIFF_Java_es.tmx"] == 519
    assert outcomes["lisa-kit_ImportTest1J_tu-srclang-override.tmx"] == 3  # a comment in the header
    assert outcomes["omegat-l10n-uk_project_save_en-uk_tmx11.tmx"] is None  # new dates on every variant
    assert sum(count is not None for count in outcomes.values()) >= 17


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("&<>\"'\t\r\n"),
               max_size=30)
PARTS = st.lists(TEXT | st.builds(lambda x, t: InlineCode("ph", (("x", x),), (t,) if t else ()),
                                  st.sampled_from(["1", "2", "&"]), TEXT), max_size=4)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=st.lists(st.tuples(TEXT, PARTS, PARTS), min_size=1, max_size=4))
def test_written_memories_read_the_same_both_ways(tmp_path, units):
    model = [TranslationUnit(variants=(Variant("en", Segment.of(*src)), Variant("ru", Segment.of(*tgt))),
                             tuid=tuid or None) for tuid, src, tgt in units]
    path = tmp_path / "written.tmx"
    write_tmx(path, model, Header(srclang="en"))
    assert_same(path)
