"""gettext PO syntax -> plain entries, in one pass over the decoded lines.

tmkit used to read PO through polib, whose line parser spends most of its time in a generic
state-machine dispatch (a method lookup, a dict lookup and a regular expression per line).
This module reads the same syntax with the same results about three times faster
(``bench/po_read.py``): the file is decoded once and split once, the common line shapes
(``msgid "``, ``"...``, ``#: ``) are recognised by their first characters before any
splitting happens, the entry being read lives in local variables, and strings are unescaped
only when they contain a backslash.

"The same results" is deliberate and precise, because catalogs read before this change must
give the same units after it: the accepted grammar, the order in which entries end, how the
header entry is found and turned into metadata, which lines are syntax errors, and the
charset detection all follow polib 1.2's reader, quirks included (a comment after
``msgctxt`` is an error; ``msgstr[N]`` takes one digit; a trailing empty ``#,`` line drops
the last entry). ``tests/test_po_polib_equivalence.py`` holds tmkit to that, polib being
the reference. A string line that never closes (``msgstr "b``) is refused, where polib
reads it and drops its last character as if it were the quote. The other difference is
the ``line`` of a file's first entry when no header
precedes it, which polib numbers 0: it is the file's first non-blank line counted like every
other line, where tmkit's polib-based reader counted LF bytes only (the two differ only for
lone-CR line ends, or a first line holding nothing but a BOM or non-ASCII spaces).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from tmkit.errors import InputError

DEFAULT_ENCODING = "utf-8"

_CHARSET = re.compile(rb'"?Content-Type:.+? charset=([\w_\-:\.]+)')
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPES = {"\\": "\\", "n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", '"': '"'}
_BARE_QUOTE = re.compile(r'(?:[^\\]|^)"')

_KEYWORDS = {"msgctxt": "ct", "msgid": "mi", "msgstr": "ms", "msgid_plural": "mp"}
_PREVIOUS = {"msgctxt": "pc", "msgid": "pm", "msgid_plural": "pp"}

# Parser states and line symbols (two letters, as in polib): st start, he header comment,
# tc translator comment, gc extracted comment, oc reference, fl flags, ct msgctxt, mi msgid,
# mp msgid_plural, ms msgstr, mx msgstr[N], pc/pm/pp previous msgctxt/msgid/msgid_plural,
# mc a continuation string (it extends the current field and keeps the state).
_ANY = frozenset({"st", "he", "tc", "gc", "oc", "fl", "ct", "pc", "pm", "pp", "mi", "mp", "ms", "mx"})
_FOLLOWS = {
    "tc": _ANY - {"ct"},
    "gc": _ANY, "oc": _ANY, "fl": _ANY, "pc": _ANY, "pm": _ANY, "pp": _ANY,
    "ct": frozenset({"st", "he", "gc", "oc", "fl", "tc", "pc", "pm", "pp", "ms", "mx"}),
    "mi": frozenset({"st", "he", "gc", "oc", "fl", "ct", "tc", "pc", "pm", "pp", "ms", "mx"}),
    "mp": frozenset({"tc", "gc", "pc", "pm", "pp", "mi"}),
    "ms": frozenset({"mi", "mp", "tc"}),
    "mx": frozenset({"mi", "mx", "mp", "tc"}),
    "mc": frozenset({"ct", "mi", "mp", "ms", "mx", "pm", "pp", "pc"}),
}
"""Which states each symbol may follow; anything else is a syntax error."""

_NAMES = {"st": "the start of the file", "he": "the header comment", "tc": "a translator comment",
          "gc": "an extracted comment", "oc": "a reference comment", "fl": "a flags comment",
          "ct": "msgctxt", "mi": "msgid", "mp": "msgid_plural", "ms": "msgstr", "mx": "msgstr[N]",
          "pc": "#| msgctxt", "pm": "#| msgid", "pp": "#| msgid_plural",
          "mc": "a continuation string"}
_STARTS_ENTRY = frozenset({"tc", "gc", "oc", "fl", "ct", "mi", "pc", "pm", "pp"})
"""After a translation (msgstr or msgstr[N]) these lines start the next entry."""
_STRINGS = frozenset({"mc", "mi", "ms", "ct", "mp", "pc", "pm", "pp"})
"""Symbols whose value is a quoted string, to be unescaped (msgstr[N] does its own)."""
_NO_PLURALS: Mapping[int, str] = MappingProxyType({})

_SKIP = ("", "")


class PoEntry(NamedTuple):
    """One PO entry as written, strings unescaped; the fields polib's ``POEntry`` has.

    ``line`` is where the entry starts (its first comment or keyword line), 1-based.
    ``msgstr_plural`` maps ``N`` of ``msgstr[N]`` to its string, in file order.
    ``references`` are ``(file, line)`` pairs with ``line`` empty when the reference has no
    numeric line. Comments keep their line breaks. A tuple, because a catalog has tens of
    thousands of entries and a tuple is the cheapest record Python builds.
    """

    line: int
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: str = ""
    msgstr_plural: Mapping[int, str] = MappingProxyType({})
    flags: tuple[str, ...] = ()
    references: tuple[tuple[str, str], ...] = ()
    translator_comment: str = ""
    extracted_comment: str = ""
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


@dataclass(slots=True)
class PoCatalog:
    """A parsed catalog: entries in file order (header entry removed), the header's
    ``Key: Value`` metadata in file order, and the comment above the header."""

    entries: list[PoEntry]
    metadata: dict[str, str]
    header_comment: str
    encoding: str


def unescape(text: str) -> str:
    r"""Undo PO string escapes: ``\\ \n \t \r \v \b \f \"``; any other backslash stays."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda found: _ESCAPES[found.group(1)], text)


def detect_encoding(data: bytes) -> str:
    """The charset named by the first ``Content-Type: ... charset=`` the codecs know.

    Like gettext tools, only the bytes are searched (the text cannot be decoded yet). A
    codec that is not a text encoding (``rot13``) or no charset at all gives UTF-8.
    """
    found = _CHARSET.search(data)
    if found is None:
        return DEFAULT_ENCODING
    name = _known_codec(found.group(1))
    if name is None:
        name = next((n for n in map(_line_charset, data.split(b"\n")) if n), None)
    if name is None:
        return DEFAULT_ENCODING
    return name if codecs.lookup(name)._is_text_encoding else DEFAULT_ENCODING


def _line_charset(line: bytes) -> str | None:
    found = _CHARSET.search(line)
    return _known_codec(found.group(1)) if found else None


def _known_codec(raw: bytes) -> str | None:
    name = raw.strip().decode("ascii")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def decode_po(data: bytes) -> tuple[str, str]:
    """The text of a PO file and the encoding used; :class:`InputError` (with a line) when
    the bytes are not valid in that encoding."""
    encoding = detect_encoding(data)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        declared = _CHARSET.search(data) is not None
        why = ("the declared charset does not match the bytes" if declared
               else "no charset is declared, so UTF-8 was assumed")
        raise InputError(f"cannot decode PO file: {exc.reason} at byte {exc.start} as {encoding} "
                         f"({why})", line=data.count(b"\n", 0, exc.start) + 1) from None


def parse_po(data: bytes, *, obsolete: bool = True) -> PoCatalog:
    r"""Parse the bytes of a PO/POT file; :class:`InputError` with a line for bad syntax.

    ``obsolete=False`` leaves ``#~`` entries out. Lines are counted the way a text editor
    shows them (``\n``, ``\r\n`` or a lone ``\r`` end a line). An entry that starts the
    file without a header before it (polib gives it line 0) gets the file's first
    non-blank line.
    """
    text, encoding = decode_po(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _parse_lines(text.split("\n"), encoding, obsolete)


def _parse_lines(lines: list[str], encoding: str, keep_obsolete: bool) -> PoCatalog:
    """The line loop. The entry being read lives in local variables, not in an object:
    that and testing the common line shapes first is where the speed comes from."""
    entries: list[PoEntry] = []
    empty_ids: list[int] = []  # positions of live entries whose msgid is "" (header candidates)
    header_comment = ""
    state = "st"
    plural_index = 0
    last_is_comment = True
    number = 0
    start = _first_content_line(lines)
    msgctxt = previous_msgctxt = previous_msgid = previous_msgid_plural = None
    msgid = msgid_plural = msgstr = translator_comment = extracted_comment = ""
    plurals: dict[int, str] | None = None
    flags: tuple[str, ...] = ()
    references: tuple[tuple[str, str], ...] = ()
    obsolete = False
    for raw in lines:
        number += 1
        line = raw.strip()
        if not line:
            continue
        # Each line becomes a symbol and a value: the still-escaped text between the quotes
        # for string lines, the whole line for comments. The common shapes are recognised
        # by their first characters; _classify handles the rest with polib's token rules.
        first = line[0]
        line_obsolete = False
        last_is_comment = first == "#"
        if first == '"':
            _check_closed(line, number)
            symbol, value = "mc", line[1:-1]
            if '"' in value:
                _check_quotes(value, number)
        elif last_is_comment:
            pair = line[1:3]
            if pair == ": ":
                symbol, value = "oc", line
            elif pair[:1] == " " or len(line) == 1:
                symbol, value = "tc", line
            elif pair == ", ":
                symbol, value = "fl", line
            elif pair == ". ":
                symbol, value = "gc", line
            else:
                symbol, value, line_obsolete, line = _classify(line, number)
                last_is_comment = line[0] == "#"
        elif line.startswith("msgid "):
            _check_closed(line, number)
            symbol, value = "mi", line[6:].lstrip()[1:-1]
            if '"' in value:
                _check_quotes(value, number)
        elif line.startswith("msgstr "):
            _check_closed(line, number)
            symbol, value = "ms", line[7:].lstrip()[1:-1]
            if '"' in value:
                _check_quotes(value, number)
        elif line.startswith("msgctxt "):
            _check_closed(line, number)
            symbol, value = "ct", line[8:].lstrip()[1:-1]
            if '"' in value:
                _check_quotes(value, number)
        else:
            symbol, value, line_obsolete, line = _classify(line, number)
            last_is_comment = line[0] == "#"
        if not symbol:
            continue
        if state not in _FOLLOWS[symbol]:
            raise InputError(f"invalid PO file: {_NAMES[symbol]} cannot follow {_NAMES[state]}",
                             line=number)
        if "\\" in value and symbol in _STRINGS:
            value = unescape(value)
        if symbol == "mc":
            if state == "mi":
                msgid += value
            elif state == "ms":
                msgstr += value
            elif state == "mx":
                plurals[plural_index] += value  # type: ignore[index]  # set by msgstr[N]
            elif state == "ct":
                msgctxt += value  # type: ignore[operator]  # set by the msgctxt line
            elif state == "mp":
                msgid_plural += value
            elif state == "pm":
                previous_msgid += value  # type: ignore[operator]
            elif state == "pp":
                previous_msgid_plural += value  # type: ignore[operator]
            else:
                previous_msgctxt += value  # type: ignore[operator]
            continue
        if symbol == "tc" and (state == "st" or state == "he"):
            if header_comment:
                header_comment += "\n"
            header_comment += value[2:]
            state = "he"
            continue
        if (state == "ms" or state == "mx") and symbol in _STARTS_ENTRY:
            if keep_obsolete or not obsolete:
                if not msgid and not obsolete:
                    empty_ids.append(len(entries))
                entries.append(PoEntry(
                    start, msgctxt, msgid, msgid_plural, msgstr,
                    plurals or _NO_PLURALS, flags, references, translator_comment,
                    extracted_comment, previous_msgctxt, previous_msgid, previous_msgid_plural,
                    obsolete))
            start = number
            msgctxt = previous_msgctxt = previous_msgid = previous_msgid_plural = plurals = None
            msgid = msgid_plural = msgstr = translator_comment = extracted_comment = ""
            flags = references = ()
            obsolete = False
        if symbol == "mi":
            obsolete = line_obsolete
            msgid = value
        elif symbol == "ms":
            msgstr = value
        elif symbol == "oc":
            # "file:line" splits at its last colon; without a numeric line it is all file.
            for reference in value[3:].split():
                file, colon, file_line = reference.rpartition(":")
                if colon and file_line.isdigit():
                    references += ((file, file_line),)
                else:
                    references += ((reference, ""),)
        elif symbol == "ct":
            msgctxt = value
        elif symbol == "tc":
            comment = value.lstrip("#")
            if comment.startswith(" "):
                comment = comment[1:]
            if translator_comment:
                translator_comment += "\n"
            translator_comment += comment
        elif symbol == "gc":
            if extracted_comment:
                extracted_comment += "\n"
            extracted_comment += value[3:]
        elif symbol == "fl":
            flags += tuple(flag.strip() for flag in value[3:].split(","))
        elif symbol == "mx":
            plural_index = _plural_index(value, number)
            if plurals is None:
                plurals = {}
            plurals[plural_index] = unescape(value[value.find('"') + 1:-1])
        elif symbol == "mp":
            msgid_plural = value
        elif symbol == "pm":
            previous_msgid = value
        elif symbol == "pp":
            previous_msgid_plural = value
        else:
            previous_msgctxt = value
        state = symbol
    if not last_is_comment and (keep_obsolete or not obsolete):
        # The last entry has no successor to close it; polib keeps it only when the file
        # does not end on a comment line.
        if not msgid and not obsolete:
            empty_ids.append(len(entries))
        entries.append(PoEntry(
            start, msgctxt, msgid, msgid_plural, msgstr, plurals or _NO_PLURALS, flags,
            references, translator_comment, extracted_comment, previous_msgctxt,
            previous_msgid, previous_msgid_plural, obsolete))
    header = _take_header(entries, empty_ids)
    metadata = _metadata(header.msgstr) if header is not None else {}
    return PoCatalog(entries, metadata, header_comment, encoding)


def _classify(line: str, number: int) -> tuple[str, str, bool, str]:
    """(symbol, value, obsolete, effective line) of a line the fast paths did not take.

    An empty symbol means "ignore this line". The value is what the main loop expects for
    the symbol (for ``msgstr[N]`` the whole line). The effective line is the line without
    its ``#~`` marker: it decides whether the file ends on a comment.
    """
    tokens = line.split(None, 2)
    head = tokens[0]
    if head == "#~|":
        return (*_SKIP, False, line)
    obsolete = head == "#~" and len(tokens) > 1
    if obsolete:
        line = line[2:].strip()
        tokens = tokens[1:]
        head = tokens[0]
    count = len(tokens)
    if head in _KEYWORDS and count > 1:
        _check_closed(line, number)
        value = line[len(head):].lstrip()[1:-1]
        _check_quotes(value, number)
        return _KEYWORDS[head], value, obsolete, line
    if head == "#:":
        return ("oc", line, obsolete, line) if count > 1 else (*_SKIP, obsolete, line)
    if line[0] == '"':
        _check_closed(line, number)
        _check_quotes(line[1:-1], number)
        return "mc", line[1:-1], obsolete, line
    if line.startswith("msgstr["):
        return "mx", line, obsolete, line
    if head == "#,":
        return ("fl", line, obsolete, line) if count > 1 else (*_SKIP, obsolete, line)
    if head == "#" or head.startswith("##"):
        return "tc", line, obsolete, line
    if head == "#.":
        return ("gc", line, obsolete, line) if count > 1 else (*_SKIP, obsolete, line)
    if head == "#|":
        return (*_previous(line, tokens, number), obsolete, line)
    if head.startswith("#"):
        raise InputError(f"invalid PO file: unknown comment marker {_excerpt(head)} "
                         "('#' is followed by a space, '.', ':', ',', '|' or '~')", line=number)
    raise InputError(f"invalid PO file: expected a keyword, a quoted string or a comment, "
                     f"found {_excerpt(line)}", line=number)


def _previous(line: str, tokens: list[str], number: int) -> tuple[str, str]:
    """A ``#|`` line: a previous msgctxt/msgid/msgid_plural or its continuation string.

    polib does not look for unescaped quotes on these lines, so neither does this.
    """
    if len(tokens) < 2:
        raise InputError("invalid PO file: '#|' without a keyword or string", line=number)
    rest = line[2:].lstrip()
    if tokens[1].startswith('"'):
        return "mc", rest[1:-1]
    if len(tokens) == 2:
        raise InputError(f"invalid PO file: '#|' line {_excerpt(rest)} is neither a keyword "
                         "with a string nor a continuation string", line=number)
    if tokens[1] not in _PREVIOUS:
        raise InputError(f"invalid PO file: unknown keyword {_excerpt(tokens[1])} after '#|'",
                         line=number)
    return _PREVIOUS[tokens[1]], rest[len(tokens[1]):].lstrip()[1:-1]


def _check_closed(line: str, number: int) -> None:
    """A string line must end with its closing quote (``msgstr "b`` does not).

    polib takes such a line to its end and drops the last character as if it were the
    quote (``"The ship`` became ``The shi``); GNU msgfmt refuses it, and so does tmkit.
    Two characters are looked at on the usual line, so the check costs next to nothing.
    """
    if line[-1] == '"' and line[-2:-1] != "\\" and line.find('"') < len(line) - 1:
        return
    string = line[line.find('"'):]
    escapes = len(string) - 1 - len(string[:-1].rstrip("\\"))
    if len(string) < 2 or string[-1] != '"' or escapes % 2:
        raise InputError("invalid PO file: string not closed (the line ends before its closing quote)",
                         line=number)


def _check_quotes(value: str, number: int) -> None:
    """A ``"`` inside a string must be escaped (polib's rule: preceded by a backslash)."""
    if _BARE_QUOTE.search(value):
        raise InputError("invalid PO file: unescaped double quote inside a string", line=number)


def _plural_index(token: str, number: int) -> int:
    """The index of ``msgstr[N]``: polib reads the one character after the bracket."""
    try:
        return int(token[7])
    except (IndexError, ValueError):
        raise InputError(f"invalid PO file: {_excerpt(token[:12])} needs a one-digit index",
                         line=number) from None


def _excerpt(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _first_content_line(lines: list[str]) -> int:
    for number, line in enumerate(lines, 1):
        if line.strip():
            return number
    return 1


def _take_header(entries: list[PoEntry], empty_ids: list[int]) -> PoEntry | None:
    """Remove and return the header entry, chosen and removed exactly as polib does.

    The header is the live entry with an empty msgid (the last context-free one when there
    are several, else the first). Removal takes the first entry *equal* to it under polib's
    entry comparison, which ignores comments and flags. ``empty_ids`` are the positions of
    the live entries with an empty msgid.
    """
    if not empty_ids:
        return None
    candidates = [entries[i] for i in empty_ids]
    header = candidates[0]
    if len(candidates) > 1:
        plain = [e for e in candidates if not e.msgctxt]
        header = plain[-1] if plain else candidates[0]
    key = _comparison_key(header)
    del entries[next(i for i in empty_ids if _comparison_key(entries[i]) == key)]
    return header


def _comparison_key(entry: PoEntry) -> tuple:
    return (bool(entry.obsolete), sorted(entry.references), entry.msgctxt or "0",
            entry.msgid_plural or "0", list(entry.msgstr_plural.values()), entry.msgid,
            entry.msgstr)


def _metadata(header: str) -> dict[str, str]:
    """``Key: Value`` lines of the header; a line without a colon continues the last value."""
    metadata: dict[str, str] = {}
    key = None
    for line in header.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            key = name
            metadata[key] = value.strip()
        elif key is not None:
            metadata[key] += "\n" + line.strip()
    return metadata
