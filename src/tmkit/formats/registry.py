"""Which format a file is, and reading or writing segment pairs in any of them.

Segment formats (TMX, XLIFF 1.2/2.0, PO, CSV/TSV pairs) meet in one bilingual view: a
:class:`BilingualDocument` of units holding a source and (maybe) a target variant. A TMX
memory may hold many languages per unit; reading it bilingually picks the two asked for and
refuses to guess when there are more than two. Glossary formats (TBX, CSV glossaries) hold
concepts, not segments, and convert only among themselves (:func:`convert_file`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from tmkit.errors import InputError, UsageError
from tmkit.formats.bilingual import BilingualDocument, has_forms, pick_pair
from tmkit.formats.csv_glossary import has_concept_column, load_csv_glossary, write_csv_glossary
from tmkit.formats.pairs import load_pairs, unheld, write_pairs
from tmkit.formats.po import load_po, write_po
from tmkit.formats.tbx import TbxHeader, load_tbx, read_tbx_header, write_tbx
from tmkit.formats.tmx import iter_units, read_header, write_tmx
from tmkit.formats.xliff import load_xliff, write_xliff
from tmkit.formats.xliff_inline import adapt_segment, is_tmx_code
from tmkit.model import Header, Note, Prop, State, TranslationUnit, base_lang, lang_key, lang_matches

SEGMENT_FORMATS = ("tmx", "xliff", "po", "pairs")
GLOSSARY_FORMATS = ("tbx", "glossary-csv")
FORMATS = SEGMENT_FORMATS + GLOSSARY_FORMATS

EXTENSIONS = {
    ".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".xlf2": "xliff", ".xliff2": "xliff",
    ".po": "po", ".pot": "po", ".csv": "csv", ".tsv": "csv", ".tbx": "tbx", ".txt": "glossary-csv",
}
ALIASES = {
    "tmx": "tmx", "xliff": "xliff", "xlf": "xliff", "xliff12": "xliff", "xliff1.2": "xliff",
    "xliff20": "xliff", "xliff2": "xliff", "xliff2.0": "xliff", "po": "po", "pot": "po",
    "gettext": "po", "pairs": "pairs", "csv": "pairs", "tsv": "pairs", "tbx": "tbx",
    "glossary-csv": "glossary-csv", "glossary": "glossary-csv", "csv-glossary": "glossary-csv",
}
"""Names accepted by ``--from``/``--to``; values are the canonical format names."""

DEFAULT_XLIFF_VERSION = "2.0"
"""Written unless ``--xliff-version`` says otherwise or the input is XLIFF 1.x (kept)."""

STATE_PROP = "x-tmkit-state"
"""TMX has no workflow state; a bilingual state survives a trip through TMX as this prop."""


def supported() -> str:
    """One line listing the formats and extensions, for error messages and help."""
    return ("tmx (.tmx), xliff (.xlf .xliff .xlf2 .xliff2), po (.po .pot), "
            "pairs (.csv .tsv), tbx (.tbx), glossary-csv (.csv .tsv .txt with a 'concept' column)")


def canonical_format(name: str) -> str:
    """The canonical name of a ``--from``/``--to`` value; unknown names are a usage error."""
    found = ALIASES.get(name.strip().lower())
    if found is None:
        raise UsageError(f"unknown format '{name}'; supported: {supported()}")
    return found


def xliff_version_hint(name: str | None) -> str | None:
    """``--to xliff12`` and friends name a version too."""
    key = (name or "").strip().lower()
    if key in ("xliff12", "xliff1.2"):
        return "1.2"
    if key in ("xliff20", "xliff2", "xliff2.0"):
        return "2.0"
    return None


def detect_format(path: str | os.PathLike, explicit: str | None = None, *,
                  for_output: bool = False, prefer_glossary: bool = False,
                  flag: str | None = None) -> str:
    """The format of ``path``: ``explicit`` when given, else from the extension.

    A ``.csv``/``.tsv`` input is a glossary when its header has a ``concept`` column and
    segment pairs otherwise; an output ``.csv`` is a glossary when ``prefer_glossary``
    (the input was one). ``flag`` is the caller's option that names a format (``--from``),
    suggested for an unknown extension; commands without one are told to rename the file.
    """
    if explicit:
        return canonical_format(explicit)
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    found = EXTENSIONS.get(suffix)
    if found is None:
        shown = f"'{suffix}'" if suffix else "no extension"
        raise UsageError(f"cannot tell the format of {Path(name).name} ({shown}); supported: "
                         f"{supported()}", path=name,
                         hint=f"name the format with {flag}" if flag else "rename the file with one of those extensions")
    if found != "csv":
        return found
    if for_output:
        return "glossary-csv" if prefer_glossary else "pairs"
    _require_file(name)
    return "glossary-csv" if has_concept_column(name) else "pairs"


def _require_file(name: str) -> None:
    if not os.path.exists(name):
        raise InputError("file not found", path=name)
    if not os.path.isfile(name):
        raise InputError("not a regular file", path=name)


# --------------------------------------------------------------------------- reading


def read_units(path: str | os.PathLike, *, fmt: str | None = None, src_lang: str | None = None,
               tgt_lang: str | None = None) -> BilingualDocument:
    """Read any segment format bilingually.

    ``src_lang``/``tgt_lang`` choose the variants of a multilingual TMX and override the
    guessed language of PO and headerless CSV files.
    """
    name = os.fspath(path)
    _require_file(name)
    kind = detect_format(name, fmt)
    if kind in GLOSSARY_FORMATS:
        raise UsageError(f"{Path(name).name} is a glossary ({kind}), not segment pairs; "
                         "glossaries convert only to tbx or glossary-csv", path=name)
    if kind == "tmx":
        return _read_tmx(name, src_lang, tgt_lang)
    if kind == "xliff":
        return _checked_langs(load_xliff(name), src_lang, tgt_lang, name)
    if kind == "po":
        return load_po(name, src_lang=src_lang or "en", tgt_lang=tgt_lang)
    return load_pairs(name, src_lang, tgt_lang)


def _checked_langs(doc: BilingualDocument, src_lang: str | None, tgt_lang: str | None,
                   name: str) -> BilingualDocument:
    for wanted, have, flag in ((src_lang, doc.src_lang, "--src-lang"),
                               (tgt_lang, doc.tgt_lang, "--tgt-lang")):
        if wanted and have and not lang_matches(have, wanted):
            raise UsageError(f"{flag} {wanted} does not match the file's language {have}",
                             path=name)
    return doc


def tmx_languages(units: Iterable[TranslationUnit]) -> list[str]:
    """Distinct languages of a memory in first-seen order (``en-US`` and ``EN-us`` are one)."""
    seen: dict[str, str] = {}
    for unit in units:
        for variant in unit.variants:
            seen.setdefault(lang_key(variant.lang), variant.lang)
    return list(seen.values())


def _read_tmx(name: str, src_lang: str | None, tgt_lang: str | None) -> BilingualDocument:
    header = read_header(name)
    units = list(iter_units(name, header=header))
    languages = tmx_languages(units)
    src = src_lang or (header.srclang if header.srclang != "*all*" else None)
    if src is None:
        src = languages[0] if languages else "und"
    if not any(lang_matches(lang, src) for lang in languages) and languages:
        raise UsageError(f"the memory has no {src} variants; its languages: "
                         f"{', '.join(languages)}", path=name)
    others = [lang for lang in languages if not lang_matches(lang, src)]
    bases = {base_lang(lang) for lang in others}
    if tgt_lang is None:
        if len(bases) > 1:
            raise UsageError(f"the memory has more than two languages ({', '.join(languages)}); "
                             "choose the target with --tgt-lang", path=name)
        tgt = others[0] if others else None
    else:
        if others and not any(lang_matches(lang, tgt_lang) for lang in others):
            # every target would come out empty: a silent loss of all translations
            raise UsageError(f"the memory has no {tgt_lang} variants; its languages: "
                             f"{', '.join(languages)}", path=name)
        tgt = tgt_lang
    picked = []
    for unit in units:
        source, target = pick_pair(unit, src, tgt)
        if source is None:
            continue
        variants = (source,) if target is None else (source, target)
        state_value = unit.prop(STATE_PROP)
        picked.append(replace(unit, variants=variants, srclang=source.lang,
                              state=State(state_value) if state_value in set(State) else None,
                              props=tuple(p for p in unit.props if p.type != STATE_PROP)))
    return BilingualDocument(src_lang=src, tgt_lang=tgt, units=tuple(picked), format="tmx",
                             version=header.version, original=Path(name).name,
                             unit_count=len(units))


# --------------------------------------------------------------------------- writing


def write_units(path: str | os.PathLike, units: BilingualDocument | Iterable[TranslationUnit], *,
                fmt: str | None = None, src_lang: str | None = None, tgt_lang: str | None = None,
                version: str | None = None) -> int:
    """Write units in ``fmt`` (default: from the extension); returns the number written."""
    name = os.fspath(path)
    kind = detect_format(name, fmt, for_output=True)
    if kind in GLOSSARY_FORMATS:
        raise UsageError(f"cannot write segment pairs as a glossary ({kind})", path=name)
    if isinstance(units, BilingualDocument):
        src_lang = src_lang or units.src_lang
        tgt_lang = tgt_lang or units.tgt_lang
    if kind == "tmx":
        header = Header(srclang=src_lang or "*all*", creation_tool="tmkit")
        native = isinstance(units, BilingualDocument) and units.format == "tmx"
        return write_tmx(name, (_for_tmx(u, native) for u in units), header)
    if kind == "xliff":
        chosen = version or xliff_version_hint(fmt) or DEFAULT_XLIFF_VERSION
        return write_xliff(name, units, version=chosen, src_lang=src_lang, tgt_lang=tgt_lang)
    if kind == "po":
        return write_po(name, units, src_lang=src_lang, tgt_lang=tgt_lang)
    return write_pairs(name, units, src_lang=src_lang, tgt_lang=tgt_lang)


def _for_tmx(unit: TranslationUnit, native: bool) -> TranslationUnit:
    """A unit as TMX can hold it: units read from TMX pass through, others are made
    :func:`tmx_ready`; a workflow state becomes the :data:`STATE_PROP` prop."""
    ready = unit if native else tmx_ready(unit)
    if ready.state is None:
        return ready
    return replace(ready, props=(*ready.props, Prop(STATE_PROP, ready.state.value)), state=None)


TMX_TU_ATTRIBUTES = frozenset({"tuid", "o-encoding", "datatype", "usagecount", "lastusagedate",
                               "creationtool", "creationtoolversion", "creationdate", "creationid",
                               "changedate", "segtype", "changeid", "o-tmf", "srclang"})
"""Attributes TMX 1.4 defines on ``<tu>`` (``<tuv>`` has the same but tuid, segtype and srclang)."""


def tmx_ready(unit: TranslationUnit) -> TranslationUnit:
    """``unit`` as a TMX 1.4 ``<tu>`` may hold it, whatever format it was read from: inline
    codes adapted, attributes other formats put in ``extra`` (XLIFF ``approved``, ``resname``)
    and note attributes TMX lacks dropped, TMX's own attributes kept. For writers that mix
    units of unknown origin into a TMX (``tm add --tmx``, ``check --update-tmx``)."""
    variants = tuple(replace(v, segment=adapt_segment(v.segment, "tmx") if not _tmx_native(v.segment) else v.segment,
                             forms=(), notes=_tmx_notes(v.notes),
                             extra=tuple((k, x) for k, x in v.extra if k in TMX_TU_ATTRIBUTES))
                     for v in unit.variants)
    return replace(unit, variants=variants, matches=(), notes=_tmx_notes(unit.notes),
                   extra=tuple((k, x) for k, x in unit.extra if k in TMX_TU_ATTRIBUTES))


def _tmx_notes(notes: tuple[Note, ...]) -> tuple[Note, ...]:
    """Notes of another format without the attributes TMX's ``<note>`` does not have
    (XLIFF ``from``/``priority``/``annotates``, PO's comment kinds): text and language stay."""
    return tuple(Note(note.text, note.lang) if note.extra else note for note in notes)


def _tmx_native(segment) -> bool:
    return all(is_tmx_code(code) for code in segment.codes)


# --------------------------------------------------------------------------- converting


@dataclass(frozen=True, slots=True)
class Conversion:
    """What :func:`convert_file` did: how many units or concepts, written in which format."""

    count: int
    fmt: str
    noun: str
    read: int | None = None
    """Units read, when fewer were written (PO keeps one entry per context and source)."""
    warnings: tuple[str, ...] = ()
    """What the output format could not hold, one sentence each, for the user to see."""


def convert_file(source: str | os.PathLike, target: str | os.PathLike, *,
                 from_fmt: str | None = None, to_fmt: str | None = None,
                 src_lang: str | None = None, tgt_lang: str | None = None,
                 xliff_version: str | None = None) -> Conversion:
    """Convert one file to another format. Everything is read before anything is written."""
    in_name, out_name = os.fspath(source), os.fspath(target)
    _require_file(in_name)
    if os.path.exists(out_name) and os.path.samefile(in_name, out_name):
        # a conversion keeps what the output format holds: writing over the input would
        # lose the rest of it for good (other languages, header, format-only fields)
        raise UsageError("the output is the input file; write the conversion to another file",
                         path=out_name)
    in_kind = detect_format(in_name, from_fmt, flag="--from")
    out_kind = detect_format(out_name, to_fmt, for_output=True, prefer_glossary=in_kind in GLOSSARY_FORMATS,
                             flag="--to")
    if (in_kind in GLOSSARY_FORMATS) != (out_kind in GLOSSARY_FORMATS):
        raise UsageError(f"cannot convert {in_kind} to {out_kind}: glossaries (tbx, glossary-csv) "
                         "and segment files (tmx, xliff, po, pairs) do not mix", path=out_name)
    if in_kind in GLOSSARY_FORMATS:
        concepts = _load_glossary(in_name, in_kind)
        header = read_tbx_header(in_name) if in_kind == out_kind == "tbx" else TbxHeader()
        return Conversion(_save_glossary(out_name, out_kind, concepts, src_lang, header), out_kind,
                          "concepts")
    doc = read_units(in_name, fmt=in_kind, src_lang=src_lang, tgt_lang=tgt_lang)
    version = xliff_version or xliff_version_hint(to_fmt)
    if out_kind == "xliff" and version is None:
        same_family = doc.format == "xliff" and (doc.version or "").startswith("1")
        version = "1.2" if same_family else DEFAULT_XLIFF_VERSION
    count = write_units(out_name, doc, fmt=out_kind, src_lang=src_lang, tgt_lang=tgt_lang,
                        version=version)
    shown = f"xliff {version}" if out_kind == "xliff" else out_kind
    return Conversion(count, shown, "units", len(doc.units) if count < len(doc.units) else None,
                      _unheld(doc, out_kind, src_lang, tgt_lang))


def _unheld(doc: BilingualDocument, out_kind: str, src_lang: str | None,
            tgt_lang: str | None) -> tuple[str, ...]:
    """Warnings for what ``out_kind`` drops: silence would pass a lossy conversion as a good one."""
    if out_kind == "pairs":
        found = unheld(doc, src_lang, tgt_lang)
        return (found,) if found else ()
    if out_kind == "tmx" and doc.format != "tmx":
        plural = sum(1 for unit in doc.units if _plural(unit, src_lang, tgt_lang))
        if plural:
            return (f"{plural} unit(s) had plural forms that TMX cannot hold; only the first "
                    "form of each is written",)
    return ()


def _plural(unit: TranslationUnit, src_lang: str | None, tgt_lang: str | None) -> bool:
    source, target = pick_pair(unit, src_lang, tgt_lang)
    return source is not None and has_forms(source, target)


def _load_glossary(name: str, kind: str):
    if kind == "tbx":
        return load_tbx(name)
    return load_csv_glossary(name)


def _save_glossary(name: str, kind: str, concepts, src_lang: str | None, header: TbxHeader) -> int:
    if kind == "tbx":
        return write_tbx(name, concepts, source_lang=src_lang, title=header.title,
                         source_desc=header.source_desc)
    return write_csv_glossary(name, concepts)
