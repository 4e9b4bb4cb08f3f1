"""Bilingual CSV/TSV: one segment pair per row.

The header row names its columns: language codes for the text columns (``en,ru``) plus any
of ``id``, ``note`` and ``state``; ``id,en,ru,note`` is typical. ``source,target`` headers
are accepted when the caller names the two languages. A file without a header is
read as two columns, source then target, when the caller says which languages they are. A
``concept`` column marks a glossary CSV instead, which belongs to the glossary reader.
Rows keep their starting line number (quoted cells may span lines) for findings.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path

from tmkit.errors import InputError, UsageError
from tmkit.formats.atomic import atomic_path
from tmkit.formats.bilingual import (
    FLAG_PROP,
    MSGCTXT_PROP,
    PREVIOUS_PREFIX,
    REFERENCE_PROP,
    BilingualDocument,
    flat_text,
    has_forms,
    make_unit,
    pick_pair,
    resolve_langs,
)
from tmkit.model import Note, Segment, State, TranslationUnit, lang_key, lang_matches

ID_COLUMNS = frozenset({"id", "tuid", "key"})
NOTE_COLUMNS = frozenset({"note", "notes", "comment", "comments"})
STATE_COLUMNS = frozenset({"state", "status"})
_LOST_PROPS = ((MSGCTXT_PROP, "msgctxt"), (FLAG_PROP, "flags"),
               (REFERENCE_PROP, "references"), (PREVIOUS_PREFIX, "previous msgid"))
"""Prop types (prefixes) CSV cannot hold, named the way a PO user knows them."""
_LOST_ORDER = ("msgctxt", "plural forms", "flags", "references", "previous msgid", "other props",
               "matches")
_LANG_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def delimiter_for(path: str | os.PathLike) -> str:
    """Tab for ``.tsv``/``.tab``, comma otherwise."""
    return "\t" if Path(path).suffix.lower() in (".tsv", ".tab") else ","


def sniff_delimiter(text: str, expected: str) -> str:
    """The delimiter of a CSV text: ``expected`` unless its header line has none of it but
    has semicolons (what spreadsheet programs write in Russian and Azerbaijani locales,
    where the comma is the decimal sign) or tabs."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    if expected in header:
        return expected
    for candidate in (";", "\t", ","):
        if candidate in header:
            return candidate
    return expected


def is_lang_code(value: str) -> bool:
    """Syntactically a language tag (``en``, ``ru-RU``, ``az_Latn``) and not a known column."""
    key = value.strip().lower()
    reserved = ID_COLUMNS | NOTE_COLUMNS | STATE_COLUMNS | {"concept"}
    return bool(_LANG_CODE.match(value.strip())) and key not in reserved


def read_rows(path: str | os.PathLike) -> list[tuple[int, list[str]]]:
    """Rows with the line each starts on; decoding problems name the line."""
    name = os.fspath(path)
    if not os.path.isfile(name):
        raise InputError("file not found", path=name)
    with open(name, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded",
                         path=name, line=line, hint="save the file as UTF-8") from None
    if "\x00" in text:  # UTF-16 without a byte order mark decodes as "valid" text full of NULs
        line = text[:text.index("\x00")].count("\n") + 1
        raise InputError("NUL bytes in the text: not a UTF-8 CSV (UTF-16 without a byte order mark?)",
                         path=name, line=line, hint="save the file as UTF-8")
    # strict: an unclosed quote is an error, not a cell that silently swallows every row after it
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text, delimiter_for(path)),
                        strict=True)
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(f"malformed CSV in the row starting here: {exc}", path=name, line=start,
                             hint="a quoted cell must end with a quote; write a quote inside one as \"\"") from None
        if row and any(cell.strip() for cell in row):
            rows.append((start, row))
    return rows


def load_pairs(path: str | os.PathLike, src_lang: str | None = None,
               tgt_lang: str | None = None) -> BilingualDocument:
    """Read a bilingual CSV/TSV file into a :class:`BilingualDocument`."""
    name = os.fspath(path)
    rows = read_rows(path)
    header = rows[0][1] if rows else []
    names = [cell.strip() for cell in header]
    if any(n.lower() == "concept" for n in names):
        raise InputError("this is a glossary CSV (it has a 'concept' column), not segment pairs",
                         path=name, line=rows[0][0], hint="use it as a glossary, or --from glossary-csv")
    langs = [i for i, n in enumerate(names) if is_lang_code(n)]
    width = 0
    lowered = [n.lower() for n in names]
    if "source" in lowered and "target" in lowered:
        if not (src_lang and tgt_lang):
            raise InputError("the header says 'source' and 'target' but not which languages; "
                             "pass --src-lang and --tgt-lang", path=name, line=rows[0][0])
        names = [src_lang if n == "source" else tgt_lang if n == "target" else n for n in lowered]
        langs = [lowered.index("source"), lowered.index("target")]
    if len(langs) >= 2:
        if not _header_fits(names, langs, src_lang, tgt_lang):
            raise UsageError(f"the header names languages {', '.join(names[i] for i in langs)}, "
                             f"not {src_lang or '?'} and {tgt_lang or '?'}", path=name, line=rows[0][0])
        columns = _columns(names, langs, src_lang, tgt_lang, name)
        body = rows[1:]
        src = names[columns["src"]]
        tgt = names[columns["tgt"]]
        width = len(names)
    else:
        if not (src_lang and tgt_lang):
            raise InputError("no header row naming the languages (e.g. 'en,ru'); pass "
                             "--src-lang and --tgt-lang to read two columns without a header",
                             path=name, line=rows[0][0] if rows else None)
        columns = {"src": 0, "tgt": 1}
        body = rows
        src, tgt = src_lang, tgt_lang
    units = tuple(_unit(line, row, columns, src, tgt, width, name)
                  for line, row in body)
    return BilingualDocument(src_lang=src, tgt_lang=tgt, units=units, format="pairs",
                             original=Path(name).name)


def _header_fits(names: list[str], langs: list[int], src: str | None, tgt: str | None) -> bool:
    """A header is one whose language columns include the languages asked for."""
    present = [names[i] for i in langs]
    return all(any(lang_matches(p, wanted) for p in present) for wanted in (src, tgt) if wanted)


def _columns(names: list[str], langs: list[int], src: str | None, tgt: str | None,
             path: str) -> dict[str, int]:
    def find(wanted: str) -> int:
        exact = [i for i in langs if lang_key(names[i]) == lang_key(wanted)]
        loose = [i for i in langs if lang_matches(names[i], wanted)]
        return (exact or loose)[0]

    src_col = find(src) if src else langs[0]
    others = [i for i in langs if i != src_col]
    if tgt:
        tgt_col = find(tgt)
    elif len(others) == 1:
        tgt_col = others[0]
    else:
        listed = ", ".join(names[i] for i in langs)
        raise UsageError(f"the file has {len(langs)} language columns ({listed}); "
                         "choose one with --tgt-lang", path=path)
    columns = {"src": src_col, "tgt": tgt_col}
    for index, column in enumerate(names):
        key = column.lower()
        if key in ID_COLUMNS:
            columns.setdefault("id", index)
        elif key in NOTE_COLUMNS:
            columns.setdefault("note", index)
        elif key in STATE_COLUMNS:
            columns.setdefault("state", index)
    return columns


def _unit(line: int, row: list[str], columns: dict[str, int], src: str, tgt: str, width: int,
          path: str) -> TranslationUnit:
    if width and len(row) > width:
        raise InputError(f"row has {len(row)} cells but the header names {width} columns "
                         "(unquoted delimiter in a cell?)", path=path, line=line)

    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else ""

    target_text = cell("tgt")
    state_text = cell("state").strip().lower()
    state = None
    if state_text:
        try:
            state = State(state_text)
        except ValueError:
            raise InputError(f"unknown state '{state_text}' (use one of: "
                             f"{', '.join(s.value for s in State)})", path=path, line=line) from None
    note = cell("note")
    return make_unit(src, Segment.of(cell("src")), tgt,
                     Segment.of(target_text) if target_text else None,
                     tuid=cell("id") or None, state=state, line=line,
                     notes=(Note(note),) if note else ())


def write_pairs(path: str | os.PathLike, doc_or_units: BilingualDocument | Iterable[TranslationUnit],
                *, src_lang: str | None = None, tgt_lang: str | None = None) -> int:
    """Write ``id?,src,tgt,note?,state?`` rows (optional columns only when used); returns rows."""
    src, tgt, units = resolve_langs(doc_or_units, src_lang, tgt_lang)
    if not src or not tgt:
        raise UsageError("CSV/TSV pairs need both languages: pass --src-lang and --tgt-lang",
                         path=os.fspath(path))
    rows = []
    for unit in units:
        source, target = pick_pair(unit, src, tgt)
        if source is None:
            continue
        rows.append((unit.tuid or "", flat_text(source.segment),
                     flat_text(target.segment) if target is not None else "",
                     "\n".join(n.text for n in unit.notes), unit.state.value if unit.state else ""))
    with_id = any(r[0] for r in rows)
    with_note = any(r[3] for r in rows)
    with_state = any(r[4] for r in rows)
    header = (["id"] if with_id else []) + [src, tgt] + (["note"] if with_note else []) \
        + (["state"] if with_state else [])
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter_for(path), lineterminator="\n")
        writer.writerow(header)
        for tuid, source_text, target_text, note, state in rows:
            writer.writerow(([tuid] if with_id else []) + [source_text, target_text]
                            + ([note] if with_note else []) + ([state] if with_state else []))
    return len(rows)


def unheld(doc_or_units: BilingualDocument | Iterable[TranslationUnit], src_lang: str | None = None,
           tgt_lang: str | None = None) -> str | None:
    """A warning naming what writing these units as CSV pairs drops, or None when nothing is.

    CSV keeps id, source, target, note and state only. A PO catalog's msgctxt, plural forms,
    flags, references and previous msgid (or any other prop, or XLIFF matches) are lost, and
    two entries that differ only by msgctxt become indistinguishable: the user must hear it.
    """
    src, tgt, units = resolve_langs(doc_or_units, src_lang, tgt_lang)
    count = 0
    kinds: set[str] = set()
    for unit in units:
        source, target = pick_pair(unit, src, tgt)
        if source is None:
            continue
        found = _lost_kinds(unit, has_forms(source, target))
        if found:
            count += 1
            kinds |= found
    if not count:
        return None
    named = [k for k in _LOST_ORDER if k in kinds]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"
    return (f"{count} unit(s) had {listed} that CSV cannot hold; only id, text, note and state "
            "are written (XLIFF keeps them)")


def _lost_kinds(unit: TranslationUnit, plural: bool) -> set[str]:
    kinds = {"plural forms"} if plural else set()
    if unit.matches:
        kinds.add("matches")
    for prop in unit.props:
        kinds.add(next((label for prefix, label in _LOST_PROPS if prop.type.startswith(prefix)),
                       "other props"))
    return kinds
