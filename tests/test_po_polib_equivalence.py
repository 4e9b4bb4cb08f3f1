"""tmkit's PO reader gives exactly what the polib-based reader it replaced gave.

polib stays the reference here, and only here: ``_polib_document`` is the former
``load_po`` (polib's parser plus the old conversion to units), kept verbatim in behaviour.
Three sources of catalogs are compared: every realworld PO file, every PO text embedded in
the test suite, and catalogs generated line by line from PO's whole line grammar,
malformed lines included (where polib fails, tmkit must fail on the same line).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tmkit.errors import InputError
from tmkit.formats import po
from tmkit.formats.bilingual import make_unit
from tmkit.formats.po_parse import parse_po
from tmkit.model import Note, Prop, Segment, State, TranslationUnit

TESTS = Path(__file__).resolve().parent
REALWORLD = TESTS.parents[1] / "shared" / "realworld"
UNREADABLE_BY_POLIB = {"okapi_Test_DrupalRussianCP1251.po"}
"""polib stops at line 3 of this file ('#Abbreviated' has no space after '#'); so must tmkit."""


# --------------------------------------------------------------------------- the reference


def _first_content_line(name: str) -> int:
    with open(name, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                return number
    return 1


def _polib_unit(entry: polib.POEntry, src_lang: str, tgt_lang: str, first_line: int) -> TranslationUnit:
    if entry.msgid_plural:
        strings = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)] or [""]
    else:
        strings = [entry.msgstr]
    has_target = any(strings)
    state = State.TRANSLATED if has_target else State.NEEDS_TRANSLATION
    if entry.fuzzy:
        state = State.NEEDS_REVIEW
    props = [Prop(po.CONTEXT_PROP, entry.msgctxt)] if entry.msgctxt is not None else []
    props += [Prop(po.FLAG_PROP, flag) for flag in entry.flags if flag != "fuzzy"]
    props += [Prop(po.REFERENCE_PROP, f"{file}:{line}" if line else file)
              for file, line in entry.occurrences]
    props += [Prop(kind, getattr(entry, name)) for name, kind in po.PREVIOUS_PROPS.items()
              if getattr(entry, name)]
    notes = [Note(entry.tcomment, extra=po.TRANSLATOR)] if entry.tcomment else []
    notes += [Note(entry.comment, extra=po.DEVELOPER)] if entry.comment else []
    return make_unit(src_lang, Segment.of(entry.msgid), tgt_lang,
                     Segment.of(strings[0]) if has_target else None, state=state,
                     line=entry.linenum or first_line, notes=tuple(notes), props=tuple(props),
                     src_forms=(Segment.of(entry.msgid_plural),) if entry.msgid_plural else (),
                     tgt_forms=tuple(Segment.of(s) for s in strings[1:]) if has_target else ())


def _polib_document(name: str) -> dict:
    catalog = polib.pofile(name)
    tgt_lang = po.po_language(dict(catalog.metadata), name)
    first_line = _first_content_line(name)
    units = [_polib_unit(e, "en", tgt_lang or "und", first_line) for e in catalog if not e.obsolete]
    return {"units": units, "lines": [u.line for u in units], "tgt_lang": tgt_lang,
            "metadata": tuple(catalog.metadata.items()), "comment": catalog.header or None}


def _tmkit_document(name: str) -> dict:
    doc = po.load_po(name)
    return {"units": list(doc.units), "lines": [u.line for u in doc.units], "tgt_lang": doc.tgt_lang,
            "metadata": doc.metadata, "comment": doc.comment}


def _polib_entries(name: str) -> dict:
    """Every parsed field polib has, obsolete entries included, as plain values."""
    catalog = polib.pofile(name)
    first_line = _first_content_line(name)
    entries = [(e.linenum or first_line, e.msgctxt, e.msgid, e.msgid_plural, e.msgstr,
                dict(e.msgstr_plural), tuple(e.flags), tuple(e.occurrences), e.tcomment, e.comment,
                e.previous_msgctxt, e.previous_msgid, e.previous_msgid_plural, bool(e.obsolete))
               for e in catalog]
    return {"entries": entries, "metadata": dict(catalog.metadata), "header": catalog.header}


def _tmkit_entries(name: str) -> dict:
    catalog = parse_po(Path(name).read_bytes())
    entries = [(*e[:5], dict(e.msgstr_plural), *e[6:]) for e in catalog.entries]
    return {"entries": entries, "metadata": catalog.metadata, "header": catalog.header_comment}


def _error_line(read, name: str) -> int | None:
    """The line a reader rejects the file at, or None when it reads it."""
    try:
        read(name)
    except OSError as exc:  # polib's syntax errors: 'Syntax error in po file X (line N)'
        return int(str(exc).split("(line ")[1].split(")")[0])
    except InputError as exc:
        return exc.line
    return None


_CLOSED_STRING = re.compile(r'"(?:[^"\\]|\\.)*"\Z')


def _refused_unclosed_string(name: str) -> bool:
    """Whether tmkit refuses the file for a string line that never closes, the one thing it
    refuses and polib reads (polib drops the line's last character as if it were the quote).
    The refused line is checked independently: it must not end in a closed string."""
    try:
        po.load_po(name)
    except InputError as exc:
        if "string not closed" not in exc.message:
            return False
        text = Path(name).read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        line = text.split("\n")[exc.line - 1].strip()  # lines counted as the parser counts them
        string = line[line.find('"'):]
        assert not _CLOSED_STRING.fullmatch(string), f"refused a closed string: {line!r}"
        return True
    return False


# --------------------------------------------------------------------------- realworld files


def _realworld_po() -> list[Path]:
    if not REALWORLD.is_dir():
        return []
    return sorted(p for p in REALWORLD.rglob("*") if p.suffix in (".po", ".pot"))


@pytest.fixture(scope="module")
def realworld():
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")


def _readable_po() -> list[Path]:
    """The realworld catalogs polib reads (the one it rejects has a test of its own)."""
    return [p for p in _realworld_po() if p.name not in UNREADABLE_BY_POLIB]


@pytest.mark.parametrize("path", _readable_po(), ids=lambda p: p.name)
def test_realworld_catalog_gives_the_same_document_as_polib(realworld, path):
    assert _tmkit_document(str(path)) == _polib_document(str(path))


@pytest.mark.parametrize("path", _readable_po(), ids=lambda p: p.name)
def test_realworld_catalog_gives_the_same_entries_as_polib(realworld, path):
    assert _tmkit_entries(str(path)) == _polib_entries(str(path))


def test_realworld_catalogs_are_all_compared(realworld):
    assert len(_realworld_po()) >= 10


@pytest.mark.parametrize("name", sorted(UNREADABLE_BY_POLIB))
def test_realworld_file_polib_rejects_is_rejected_on_the_same_line(realworld, name):
    path = str(next(p for p in _realworld_po() if p.name == name))
    assert _error_line(po.load_po, path) == _error_line(polib.pofile, path) == 3


# --------------------------------------------------------------------------- the test suite's PO


def _suite_po_texts() -> list[tuple[str, str]]:
    """Every string constant in tests/*.py that holds a PO catalog (fixtures are inline)."""
    found = []
    for module in sorted(TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and 'msgid "' in node.value and "msgstr" in node.value:
                found.append((f"{module.name}:{node.lineno}", node.value))
    return found


SUITE_PO = _suite_po_texts()


@pytest.mark.parametrize(("where", "text"), SUITE_PO, ids=[where for where, _ in SUITE_PO])
def test_test_suite_catalog_reads_as_polib_reads_it(tmp_path, where, text):
    path = tmp_path / "fixture.po"
    path.write_text(text, encoding="utf-8")
    if _refused_unclosed_string(str(path)):
        return
    line = _error_line(polib.pofile, str(path))
    assert _error_line(po.load_po, str(path)) == line
    if line is None:
        assert _tmkit_document(str(path)) == _polib_document(str(path))


def test_test_suite_catalogs_are_found():
    assert len(SUITE_PO) >= 5


# --------------------------------------------------------------------------- generated catalogs

_piece = st.sampled_from(list("ab :,#~|яə\t") + ["\\n", '\\"', "\\\\", "\\t", "\\a", "\u00a0", "\\"])
_text = st.lists(_piece, max_size=6).map("".join)
_string = _text.map(lambda t: f'"{t}"')
_comment = st.one_of(
    st.builds(lambda m, t: m + t.replace('"', ""), st.sampled_from(
        ["#", "# ", "#  ", "##", "#\t", "#. ", "#, ", "#: ", "#.\t", "#~ #"]), _text),
    st.builds(lambda r: "#: " + " ".join(r), st.lists(
        st.sampled_from(["a.md:1", "b.py", "c:d", "e:12", "f:", ":3", "x:٣"]), max_size=3)),
    st.sampled_from(["#, fuzzy", "#, fuzzy, c-format", "#, c-format,", "#.", "#,", "#:"]),
)
_previous = st.builds(lambda k, s, more: [f"#| {k} {s}", *[f"#| {m}" for m in more]],
                      st.sampled_from(["msgid", "msgctxt", "msgid_plural"]), _string,
                      st.lists(_string, max_size=1))
_junk = st.sampled_from(["garbage", "msgid", "msgstr[", 'msgstr[x] "a"', 'msgstr [0] "a"',
                         '#~ #| msgid "a"', "#~", "#~|", "#~| x", '"a"b"', 'msgid "a"b"', 'msgstr "\\""',
                         '"\\"', "#x", "#.x", "#|", "#| x", '#| "a"', '  msgid "indented"  ', ""])


@st.composite
def _field(draw, keyword: str) -> list[str]:
    return [f"{keyword}{draw(st.sampled_from([' ', '  ', chr(9)]))}{draw(_string)}",
            *draw(st.lists(_string, max_size=2))]


@st.composite
def _entry(draw) -> list[str]:
    lines = draw(st.lists(_comment, max_size=3))
    if draw(st.booleans()):
        lines += draw(_previous)
    if draw(st.booleans()):
        lines += draw(_field("msgctxt"))
    lines += draw(_field("msgid"))
    if draw(st.booleans()):
        lines += draw(_field("msgid_plural"))
        for index in range(draw(st.integers(0, 3))):
            lines += draw(_field(f"msgstr[{index}]"))
    else:
        lines += draw(_field("msgstr"))
    if draw(st.integers(0, 5)) == 0:
        lines = [f"#~ {line}" for line in lines]
    if draw(st.integers(0, 9)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(_junk))
    return lines + draw(st.sampled_from([[""], [], ["", "  "]]))


@st.composite
def _everyday_entry(draw) -> list[str]:
    """An entry in the shape gettext tools write, which tmkit reads in one match, or a near miss."""
    lines = [f"#. {t}" for t in draw(st.lists(_text.filter(lambda t: t.strip()), max_size=2))]
    lines += [f"#: {t}" for t in draw(st.lists(st.sampled_from(["a.md:1", "b.py c:2", "x:y"]), max_size=2))]
    lines += draw(st.lists(st.sampled_from(["#, fuzzy", "#, c-format, fuzzy", "#, a,"]), max_size=1))
    if draw(st.booleans()):
        lines.append(f"msgctxt {draw(_string)}")
    lines += [f"msgid {draw(_string)}", f"msgstr {draw(_string)}"]
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = draw(st.sampled_from(["  ", "\t", " "])) + lines[at] + draw(st.sampled_from(["", " "]))
    return lines + draw(st.sampled_from([[""], [], ["", ""], ["", " "], ['"more"']]))


@st.composite
def _catalog(draw) -> list[str]:
    lines = draw(st.lists(_comment, max_size=2))
    if draw(st.booleans()):
        lines += ['msgid ""', 'msgstr ""', '"Language: ru\\n"', '"X-Note: one\\n"', '"two\\n"', ""]
    for entry in draw(st.lists(st.one_of(_entry(), _everyday_entry()), max_size=5)):
        lines += entry
    return lines + draw(st.lists(_comment, max_size=1))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=_catalog(), newline=st.sampled_from(["\n", "\r\n", "\r"]), bom=st.booleans())
def test_generated_catalog_parses_exactly_as_polib_parses_it(tmp_path, lines, newline, bom):
    path = tmp_path / "generated.po"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + newline.join(lines).encode("utf-8"))
    if _refused_unclosed_string(str(path)):
        return
    line = _error_line(polib.pofile, str(path))
    if line is not None:
        assert _error_line(_tmkit_entries, str(path)) == line
        return
    ours, theirs = _tmkit_entries(str(path)), _polib_entries(str(path))
    if newline == "\r":
        # The one deliberate difference: a file without header starts its first entry at
        # its first non-blank line, counted with the same line ends as every other entry.
        ours["entries"] = [e[1:] for e in ours["entries"]]
        theirs["entries"] = [e[1:] for e in theirs["entries"]]
    assert ours == theirs
    if newline != "\r":
        assert _tmkit_document(str(path)) == _polib_document(str(path))
