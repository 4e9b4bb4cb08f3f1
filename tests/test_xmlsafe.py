"""The hardened XML entry point refuses entity tricks and reports syntax errors precisely."""

import resource

import pytest

from tmkit.errors import InputError, UnsafeXmlError
from tmkit.formats import xmlsafe

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&h;</seg></tuv></tu></body></tmx>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&secret;</seg></tuv></tu></body></tmx>
"""


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_billion_laughs_is_refused_before_expansion(tmp_path):
    path = _write(tmp_path, "bomb.tmx", BILLION_LAUGHS)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(UnsafeXmlError, match="entity"):
        list(xmlsafe.iterparse(path))
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 50_000


def test_external_entity_is_refused_and_never_read(tmp_path):
    path = _write(tmp_path, "xxe.tmx", XXE)
    with pytest.raises(UnsafeXmlError, match="external entity"):
        xmlsafe.parse(path)


def test_whole_document_parse_also_refuses_entities(tmp_path):
    with pytest.raises(UnsafeXmlError):
        xmlsafe.parse_bytes(BILLION_LAUGHS, "bomb.tmx")


def test_syntax_error_names_file_line_and_column(tmp_path):
    path = _write(tmp_path, "broken.tmx", b"<tmx>\n<header>\n</tmx>\n")
    with pytest.raises(InputError) as info:
        list(xmlsafe.iterparse(path))
    assert info.value.path == str(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3:")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        xmlsafe.parse(tmp_path / "absent.tmx")


def test_external_dtd_reference_is_allowed_but_not_loaded(tmp_path):
    data = b'<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n<tmx version="1.4"/>'
    tree = xmlsafe.parse(_write(tmp_path, "ok.tmx", data))
    assert tree.getroot().tag == "tmx"


def test_streaming_an_empty_file_says_it_is_empty_at_line_one(tmp_path):
    path = tmp_path / "empty.xlf"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="the document is empty") as caught:
        list(xmlsafe.iterparse(path))
    assert (caught.value.line, caught.value.column) == (1, None)


def test_single_byte_file_declaring_utf16_names_the_false_declaration(tmp_path):
    path = tmp_path / "lie.tmx"
    path.write_bytes(b'<?xml version="1.0" encoding="utf-16"?>\r\n<tmx version="1.4"><body/></tmx>')
    with pytest.raises(InputError, match='declaration says encoding="utf-16" but the file is not UTF-16') as caught:
        list(xmlsafe.iterparse(path))
    assert caught.value.line == 1
