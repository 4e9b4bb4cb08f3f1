"""gettext PO catalogs <-> bilingual units: read by :mod:`tmkit.formats.po_parse`, written by polib.

One PO entry is one unit, plural entries included: ``msgid``/``msgstr[0]`` are the variants'
segments and ``msgid_plural``/``msgstr[1..n]`` their ``forms``. Flags map onto
:class:`tmkit.model.State` (fuzzy is *needs review*, never approved), other flags, the
context and references become ``x-po-*`` props, translator and extracted comments become
notes (``from`` = translator/developer, as XLIFF 1.2 notes say). Obsolete entries are skipped.

PO has no target language field that tools reliably fill, so the reader falls back from
``Language`` to the ``Language-Team`` name and then to the file name (``az.po``,
``iso_3166-1_az.po``).

Reading builds the units straight from the parser's plain entries, with no polib objects in
between: polib's parser and that conversion were a large share of a ``tmkit check`` run
on a 20,000-entry catalog (``bench/po_read.py`` compares both readers).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import polib

from tmkit.errors import InputError, UsageError
from tmkit.formats import model_build as build
from tmkit.formats.atomic import atomic_path
from tmkit.formats.bilingual import (
    FLAG_PROP,
    MSGCTXT_PROP,
    PREVIOUS_PREFIX,
    REFERENCE_PROP,
    BilingualDocument,
    flat_text,
    pick_pair,
    resolve_langs,
)
from tmkit.formats.po_parse import PoEntry, parse_po
from tmkit.gc_pause import gc_paused
from tmkit.model import Note, Prop, Segment, State, TranslationUnit, Variant, base_lang

CONTEXT_PROP = MSGCTXT_PROP
PREVIOUS_PROPS = {"previous_msgctxt": PREVIOUS_PREFIX + "msgctxt",
                  "previous_msgid": PREVIOUS_PREFIX + "msgid",
                  "previous_msgid_plural": PREVIOUS_PREFIX + "msgid-plural"}
TRANSLATOR = (("from", "translator"),)
DEVELOPER = (("from", "developer"),)

LANGUAGE_NAMES = {
    "english": "en", "russian": "ru", "azerbaijani": "az", "azeri": "az",
    "azerbaijani turkic": "az", "turkish": "tr", "ukrainian": "uk", "belarusian": "be",
    "kazakh": "kk", "uzbek": "uz", "german": "de", "french": "fr", "spanish": "es",
    "italian": "it", "portuguese": "pt", "czech": "cs", "polish": "pl", "georgian": "ka",
    "armenian": "hy", "persian": "fa", "arabic": "ar", "uyghur": "ug", "turkmen": "tk",
    "kyrgyz": "ky", "tatar": "tt", "bashkir": "ba", "chinese": "zh", "japanese": "ja",
}
"""Language-Team names seen in the wild (the part before the e-mail address) -> code."""

PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "az": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
}
"""Plural-Forms written when a catalog has plurals and no header of its own says how."""

_FILE_LANG = re.compile(r"(?:^|[._-])([a-z]{2,3}(?:[_@-][A-Za-z]{2,8})?)$")


def load_po(path: str | os.PathLike, *, src_lang: str = "en",
            tgt_lang: str | None = None) -> BilingualDocument:
    """Read a PO/POT file; syntax and encoding errors become :class:`InputError` with a line.

    ``tgt_lang`` overrides the language found in the header or file name.
    """
    name = os.fspath(path)
    if not os.path.isfile(name):
        raise InputError("file not found", path=name)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read PO file: {exc.strerror or exc}", path=name) from None
    # Every object built here lives as long as the document: on 50,000 entries the cyclic
    # collector's passes over the growing heap took more time than the parsing itself.
    try:
        with gc_paused():
            catalog = parse_po(data, obsolete=False)
            tgt_lang = tgt_lang or po_language(catalog.metadata, name)
            units = _units(catalog.entries, src_lang, tgt_lang or "und")
    except InputError as exc:
        raise InputError(exc.message, path=name, line=exc.line) from None
    metadata = tuple(catalog.metadata.items())
    return BilingualDocument(src_lang=src_lang, tgt_lang=tgt_lang, units=units, format="po",
                             original=Path(name).name, metadata=metadata,
                             comment=catalog.header_comment or None)


def po_language(metadata: dict[str, str], filename: str) -> str | None:
    """The catalog's language: ``Language``, else the ``Language-Team`` name, else the file name."""
    declared = (metadata.get("Language") or "").strip()
    if declared:
        return declared
    team = (metadata.get("Language-Team") or "").split("<")[0].strip().lower()
    if team in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[team]
    first = team.split(" ")[0] if team else ""
    if first in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[first]
    found = _FILE_LANG.search(Path(filename).stem)
    return found.group(1) if found else None


def _units(entries: list[PoEntry], src_lang: str, tgt_lang: str) -> tuple[TranslationUnit, ...]:
    """Entries as units: msgid/msgstr[0] are the segments, the other plural forms ``forms``.

    One loop with the entry unpacked into locals, because this runs once per entry of
    catalogs with tens of thousands of them.
    """
    units = []
    for (line, msgctxt, msgid, msgid_plural, msgstr, plurals, flags, references, translator,
         developer, previous_msgctxt, previous_msgid, previous_msgid_plural, _) in entries:
        if msgid_plural:
            src_forms: tuple[Segment, ...] = (Segment((msgid_plural,)),)
            strings = [plurals[k] for k in sorted(plurals)] if plurals else [""]
        else:
            src_forms = ()
            strings = [msgstr]
        has_target = any(strings)
        if "fuzzy" in flags:
            state = State.NEEDS_REVIEW
        elif has_target:
            state = State.TRANSLATED
        else:
            state = State.NEEDS_TRANSLATION
        props: list[Prop] = [] if msgctxt is None else [build.prop(CONTEXT_PROP, msgctxt, None, ())]
        for flag in flags:
            if flag != "fuzzy":
                props.append(build.prop(FLAG_PROP, flag, None, ()))
        for file, number in references:
            props.append(build.prop(REFERENCE_PROP, f"{file}:{number}" if number else file, None, ()))
        if previous_msgctxt or previous_msgid or previous_msgid_plural:
            props.extend(build.prop(PREVIOUS_PROPS[name], value, None, ()) for name, value in (
                ("previous_msgctxt", previous_msgctxt), ("previous_msgid", previous_msgid),
                ("previous_msgid_plural", previous_msgid_plural)) if value)
        notes: tuple[Note, ...] = ()
        if translator or developer:
            notes = tuple(Note(text, extra=extra) for text, extra in (
                (translator, TRANSLATOR), (developer, DEVELOPER)) if text)
        source = build.variant(src_lang, _segment(msgid), (), (), None, None, None, None, (),
                               forms=src_forms)
        if has_target:
            target = build.variant(tgt_lang, _segment(strings[0]), (), (), None, None, None, None, (),
                                   forms=tuple(map(_segment, strings[1:])) if len(strings) > 1 else ())
            variants: tuple[Variant, ...] = (source, target)
        else:
            variants = (source,)
        units.append(build.unit(variants, None, src_lang, tuple(props), notes, None, None, None, None,
                                None, None, line, (), state=state))
    return tuple(units)


def _segment(text: str) -> Segment:
    """``Segment.of`` for plain text, without its merging loop: PO strings have no codes."""
    return build.segment((text,)) if text else _EMPTY


_EMPTY = Segment()


# --------------------------------------------------------------------------- writing


def write_po(path: str | os.PathLike, doc_or_units: BilingualDocument | Iterable[TranslationUnit],
             *, src_lang: str | None = None, tgt_lang: str | None = None) -> int:
    """Write units as a UTF-8 PO file; returns the number of entries written.

    Inline codes become the text they stand for (see :func:`flat_text`). A second unit with
    the same context and source text is skipped: gettext refuses duplicate definitions.
    """
    src, tgt, units = resolve_langs(doc_or_units, src_lang, tgt_lang)
    catalog = polib.POFile(wrapwidth=0)
    catalog.encoding = "utf-8"
    metadata = dict(getattr(doc_or_units, "metadata", ()) or ())
    original = getattr(doc_or_units, "original", None)
    catalog.header = getattr(doc_or_units, "comment", None) or (
        f"Written by tmkit from {original}." if original else "Written by tmkit.")
    entries: list[polib.POEntry] = []
    seen: set[tuple[str | None, str]] = set()
    plural_count = 0
    for unit in units:
        source, target = pick_pair(unit, src, tgt)
        if source is None:
            continue
        entry = _entry(unit, source, target)
        key = (entry.msgctxt, entry.msgid)
        if key in seen or not entry.msgid:
            continue
        seen.add(key)
        if entry.msgid_plural:
            plural_count = max(plural_count, len(entry.msgstr_plural))
        entries.append(entry)
    catalog.metadata = _metadata(metadata, tgt, plural_count)
    for entry in entries:
        if entry.msgid_plural and not any(entry.msgstr_plural.values()):
            slots = _nplurals(catalog.metadata.get("Plural-Forms", "")) or 2
            entry.msgstr_plural = {i: "" for i in range(slots)}
        catalog.append(entry)
    try:
        with atomic_path(path) as temporary:
            catalog.save(str(temporary))
    except OSError as exc:
        raise UsageError(f"cannot write PO file: {exc.strerror or exc}",
                         path=os.fspath(path)) from None
    return len(entries)


def _entry(unit: TranslationUnit, source, target) -> polib.POEntry:
    msgstrs = [flat_text(s) for s in target.all_forms] if target is not None else []
    entry = polib.POEntry(msgid=flat_text(source.segment))
    if source.forms:
        entry.msgid_plural = flat_text(source.forms[0])
        entry.msgstr_plural = dict(enumerate(msgstrs)) if msgstrs else {}
    else:
        entry.msgstr = msgstrs[0] if msgstrs else ""
    context = unit.prop(CONTEXT_PROP)
    if context is not None:
        entry.msgctxt = context
    flags = [p.value for p in unit.props if p.type == FLAG_PROP]
    not_approved = unit.state in (State.NEEDS_REVIEW, State.NEW, State.NEEDS_TRANSLATION)
    if unit.state is State.NEEDS_REVIEW or (not_approved and any(msgstrs)):
        flags.insert(0, "fuzzy")
    entry.flags = flags
    entry.occurrences = [_occurrence(p.value) for p in unit.props if p.type == REFERENCE_PROP]
    for attribute, prop_type in PREVIOUS_PROPS.items():
        value = unit.prop(prop_type)
        if value:
            setattr(entry, attribute, value)
    translator = [n.text for n in unit.notes if not is_developer_note(n)]
    developer = [n.text for n in unit.notes if is_developer_note(n)]
    entry.tcomment = "\n".join(translator)
    entry.comment = "\n".join(developer)
    return entry


def is_developer_note(note: Note) -> bool:
    """An extracted (``#.``) comment: ``from="developer"`` in XLIFF 1.2, ``category`` in 2.0
    (the 2.0 writer moves ``from`` there, as 2.0 notes have no ``from``)."""
    extra = dict(note.extra)
    return "developer" in (extra.get("from"), extra.get("category"))


def _occurrence(value: str) -> tuple[str, str]:
    file, sep, line = value.rpartition(":")
    if sep and line.isdigit():
        return file, line
    return value, ""


def _metadata(existing: dict[str, str], tgt_lang: str | None, plural_count: int) -> dict[str, str]:
    metadata = dict(existing)
    if not metadata:
        metadata = {"Project-Id-Version": "tmkit", "MIME-Version": "1.0"}
    if tgt_lang and not metadata.get("Language"):
        metadata["Language"] = tgt_lang
    metadata["Content-Type"] = "text/plain; charset=UTF-8"
    metadata.setdefault("Content-Transfer-Encoding", "8bit")
    if plural_count and "Plural-Forms" not in metadata:
        known = PLURAL_FORMS.get(base_lang(tgt_lang))
        if known and _nplurals(known) >= plural_count:
            metadata["Plural-Forms"] = known
        else:
            metadata["Plural-Forms"] = f"nplurals={plural_count}; plural=(n != 1);"
    return metadata


def _nplurals(header: str) -> int:
    found = re.search(r"nplurals\s*=\s*(\d+)", header)
    return int(found.group(1)) if found else 0
