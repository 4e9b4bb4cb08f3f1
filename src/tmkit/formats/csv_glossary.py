"""CSV/TSV glossaries: one row per term, columns named by a header row.

Spreadsheets are how editors actually maintain terminology, so the layout is meant to be
typed by hand and checked strictly: a misspelt column or status is an error with its line
number rather than a silently ignored value.

Columns (header names are case-insensitive, spaces and hyphens count as underscores, any
order; ``concept``, ``lang`` and ``term`` are required):

=============== ==========================================================================
concept         concept id; rows with the same id form one concept
lang            language code of the term (``en``, ``ru``, ``az``)
term            the term itself
status          preferred, admitted, deprecated or superseded (TBX spellings accepted);
                empty: preferred when it is the only usable term of its language in
                the concept, admitted otherwise
part_of_speech  free text (noun, verb...)
term_type       free text (fullForm, acronym...)
context         an example sentence
note            notes on the term, one per line inside the cell
definition      definition of the concept in this row's language
subject         subject field of the concept (``subject_field`` also accepted)
concept_note    notes on the concept, one per line inside the cell
match           ``inflects`` (default) or ``exact``
case            ``sensitive`` or ``insensitive`` (default: decided from the term)
softening       ``yes`` or ``no`` (default): Azerbaijani final k->y / q->ğ
=============== ==========================================================================

The delimiter follows the extension: ``.tsv`` and ``.txt`` use tabs, anything else commas.
Files are UTF-8 with or without a byte-order mark; quoting follows RFC 4180 (the
:mod:`csv` module), so cells may hold delimiters, quotes and line breaks.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tmkit.errors import InputError, UsageError
from tmkit.formats.atomic import atomic_path
from tmkit.formats.pairs import is_lang_code, sniff_delimiter
from tmkit.formats.term_conventions import option_value, resolve_statuses
from tmkit.model import Concept, Term, TermStatus, lang_key

COLUMNS = ("concept", "lang", "term", "status", "part_of_speech", "term_type", "context", "note",
           "definition", "subject", "concept_note", "match", "case", "softening")
"""Every column tmkit knows, in the order the writer uses."""

REQUIRED = ("concept", "lang", "term")
_ALIASES = {"language": "lang", "subject_field": "subject"}
_TAB_EXTENSIONS = frozenset({".tsv", ".txt"})
_STATUS_NAMES = ", ".join(status.value for status in TermStatus)


def delimiter_for(path: str | os.PathLike[str]) -> str:
    """Tab for ``.tsv``/``.txt`` files, comma otherwise."""
    return "\t" if Path(path).suffix.lower() in _TAB_EXTENSIONS else ","


def has_concept_column(path: str | os.PathLike[str]) -> bool:
    """True when the first non-blank row names a ``concept`` column: a glossary, not pairs."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        head = handle.read(65536)
    for row in csv.reader(io.StringIO(head, newline=""), delimiter=sniff_delimiter(head, delimiter_for(path))):
        if any(cell.strip() for cell in row):
            return any(cell.strip().lower() == "concept" for cell in row)
    return False


# --------------------------------------------------------------------------- reading


def load_csv_glossary(path: str | os.PathLike[str], *, delimiter: str | None = None) -> list[Concept]:
    """Read a header-driven CSV/TSV glossary into concepts, in order of first appearance.

    Raises :class:`InputError` (with the line number) for a missing or unrecognizable
    header, an unknown or repeated column, a row without concept/lang/term, an unknown
    status or option value, conflicting subjects, bad quoting or non-UTF-8 bytes.
    """
    name = os.fspath(path)
    text = _read_text(name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or sniff_delimiter(text, delimiter_for(name)),
                        strict=True)
    concepts: dict[str, _ConceptRows] = {}
    columns: list[str] | None = None
    for line, row in _numbered_rows(reader, name):
        if columns is None:
            columns = _header(row, name, line)
            continue
        values = _row_values(row, columns, name, line)
        concept_id = values["concept"]
        rows = concepts.setdefault(concept_id, _ConceptRows(concept_id))
        rows.add(values, name, line)
    if columns is None:
        raise InputError("empty glossary: no header row", path=name, line=1,
                         hint="the first row names the columns, e.g. concept,lang,term")
    return [rows.concept() for rows in concepts.values()]


def _read_text(name: str) -> str:
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=name) from None
    if b"\x00" in data:  # UTF-16 without a byte order mark decodes as text full of NULs
        raise InputError("NUL bytes in the text: not a UTF-8 CSV (UTF-16 without a byte order mark?)",
                         path=name, line=data[:data.index(b"\x00")].count(b"\n") + 1,
                         hint="save the glossary as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded", path=name,
                         line=line, column=column, hint="save the glossary as UTF-8") from None


def _numbered_rows(reader: Iterator[list[str]], name: str) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on (a quoted cell may span lines)."""
    consumed = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"bad CSV quoting: {exc}", path=name, line=consumed + 1) from None
        start, consumed = consumed + 1, reader.line_num
        if any(cell.strip() for cell in row):
            yield start, row


def _header(row: list[str], name: str, line: int) -> list[str]:
    columns = [_ALIASES.get(key, key) for key in (_column_key(cell) for cell in row)]
    if not any(column in COLUMNS for column in columns):
        shown = ", ".join(repr(cell) for cell in row[:3])
        raise InputError(f"no header row: the first row ({shown}) names none of the glossary "
                         f"columns {', '.join(COLUMNS)}", path=name, line=line,
                         hint="add a first row such as concept,lang,term")
    for index, column in enumerate(columns):
        if column not in COLUMNS:
            raise InputError(f"unknown column '{row[index].strip()}' (allowed: {', '.join(COLUMNS)})",
                             path=name, line=line, column=index + 1)
        if column in columns[:index]:
            raise InputError(f"column '{column}' appears twice", path=name, line=line,
                             column=index + 1)
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        raise InputError(f"missing required column(s): {', '.join(missing)}", path=name, line=line)
    return columns


def _column_key(cell: str) -> str:
    return cell.strip().lower().replace(" ", "_").replace("-", "_")


def _row_values(row: list[str], columns: list[str], name: str, line: int) -> dict[str, str]:
    if any(cell.strip() for cell in row[len(columns):]):
        raise InputError(f"row has {len(row)} cells but the header names {len(columns)} columns",
                         path=name, line=line)
    values = dict.fromkeys(COLUMNS, "")
    values.update((column, cell.strip()) for column, cell in zip(columns, row, strict=False))
    missing = [column for column in REQUIRED if not values[column]]
    if missing:
        raise InputError(f"row has no {', '.join(missing)}", path=name, line=line)
    return values


@dataclass
class _ConceptRows:
    """The rows of one concept gathered so far."""

    id: str
    terms: list[tuple[Term, TermStatus | None]] = field(default_factory=list)
    definitions: list[tuple[str, str]] = field(default_factory=list)
    subject: str | None = None
    subject_line: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, values: dict[str, str], name: str, line: int) -> None:
        lang = values["lang"]
        if not is_lang_code(lang):
            raise InputError(f"{lang!r} is not a language code; write en, ru, az or a tag such as en-GB",
                             path=name, line=line)
        term = Term(text=values["term"], lang=lang,
                    part_of_speech=values["part_of_speech"] or None,
                    term_type=values["term_type"] or None,
                    context=values["context"] or None,
                    notes=tuple(_lines(values["note"])),
                    inflects=bool(_option("match", values["match"], True, name, line)),
                    case_sensitive=_option("case", values["case"], None, name, line),
                    softening=bool(_option("softening", values["softening"], False, name, line)))
        self.terms.append((term, _status(values["status"], name, line)))
        definition = values["definition"]
        if definition and (lang, definition) not in self.definitions:
            self.definitions.append((lang, definition))
        self._set_subject(values["subject"], name, line)
        self.notes.extend(note for note in _lines(values["concept_note"]) if note not in self.notes)

    def _set_subject(self, subject: str, name: str, line: int) -> None:
        if not subject or subject == self.subject:
            return
        if self.subject is not None:
            raise InputError(f"concept '{self.id}' has subject '{self.subject}' (line "
                             f"{self.subject_line}) and '{subject}'", path=name, line=line)
        self.subject, self.subject_line = subject, line

    def concept(self) -> Concept:
        statuses = resolve_statuses([(term.lang, status) for term, status in self.terms])
        terms = tuple(replace(term, status=status)
                      for (term, _), status in zip(self.terms, statuses, strict=True))
        return Concept(id=self.id, terms=terms, definitions=tuple(self.definitions),
                       subject_field=self.subject, notes=tuple(self.notes))


def _lines(cell: str) -> list[str]:
    return [part.strip() for part in cell.splitlines() if part.strip()]


def _status(value: str, name: str, line: int) -> TermStatus | None:
    if not value:
        return None
    status = TermStatus.lookup(value)
    if status is None:
        raise InputError(f"unknown status '{value}' (allowed: {_STATUS_NAMES})", path=name, line=line)
    return status


def _option(column: str, value: str, default: bool | None, name: str, line: int) -> bool | None:
    if not value:
        return default
    parsed = option_value(column, value)
    if parsed is None:
        allowed = {"match": "exact, inflects", "case": "sensitive, insensitive",
                   "softening": "yes, no"}[column]
        raise InputError(f"unknown {column} value '{value}' (allowed: {allowed})", path=name,
                         line=line)
    return parsed


# --------------------------------------------------------------------------- writing


def write_csv_glossary(path: str | os.PathLike[str], concepts: Iterable[Concept], *,
                       delimiter: str | None = None) -> int:
    """Write concepts one row per term and return how many concepts were written.

    Only columns some row uses are written (``concept,lang,term,status`` always). Each
    definition goes on a row of its language; :class:`UsageError` if a concept has no
    terms or a definition in a language without a term to carry it. Atomic: on error the
    target is left as it was.
    """
    concepts = _distinct_ids(list(concepts))
    rows = [row for concept in concepts for row in _concept_rows(concept)]
    used = [c for c in COLUMNS if c in REQUIRED or c == "status" or any(r.get(c) for r in rows)]
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter or delimiter_for(path), lineterminator="\n")
        writer.writerow(used)
        writer.writerows([row.get(column, "") for column in used] for row in rows)
    return len(concepts)


def _distinct_ids(concepts: list[Concept]) -> list[Concept]:
    """Concepts with ids made distinct (``c1``, ``c1-2``): the CSV groups rows by id, so two
    concepts sharing one (allowed by some TBX files) would read back as one concept whose
    terms all became synonyms."""
    seen: set[str] = set()
    out = []
    for concept in concepts:
        new_id, number = concept.id, 1
        while new_id in seen:
            number += 1
            new_id = f"{concept.id}-{number}"
        seen.add(new_id)
        out.append(concept if new_id == concept.id else replace(concept, id=new_id))
    return out


def _concept_rows(concept: Concept) -> list[dict[str, str]]:
    if not concept.terms:
        raise UsageError(f"concept '{concept.id}' has no terms; every CSV row needs a term")
    rows = [_term_row(concept.id, term) for term in concept.terms]
    for lang, text in concept.definitions:
        free = next((row for row, term in zip(rows, concept.terms, strict=True)
                     if lang_key(term.lang) == lang_key(lang) and not row.get("definition")), None)
        if free is None:
            raise UsageError(f"concept '{concept.id}' has a definition in '{lang}' but no "
                             "term in that language left to carry it")
        free["definition"] = text
    for row, term in zip(rows, concept.terms, strict=True):
        # CSV has no term-level definition: it goes in its row's free definition cell (read
        # back as the concept's definition in that language), else into the term's note
        if term.definition and not row.get("definition"):
            row["definition"] = term.definition
        elif term.definition:
            row["note"] = "\n".join(filter(None, (row["note"], f"definition: {term.definition}")))
    rows[0]["subject"] = concept.subject_field or ""
    rows[0]["concept_note"] = "\n".join(concept.notes)
    return rows


def _term_row(concept_id: str, term: Term) -> dict[str, str]:
    case = "" if term.case_sensitive is None else ("sensitive" if term.case_sensitive else "insensitive")
    return {
        "concept": concept_id, "lang": term.lang, "term": term.text, "status": term.status.value,
        "part_of_speech": term.part_of_speech or "", "term_type": term.term_type or "",
        "context": term.context or "", "note": "\n".join(term.notes),
        "match": "" if term.inflects else "exact", "case": case,
        "softening": "yes" if term.softening else "",
    }
