"""XLIFF 1.2 and 2.0: one streaming reader that detects the version, one writer for both.

Reading streams the file with the hardened parser, handing each finished ``trans-unit`` (1.x)
or ``unit`` (2.0) to the version module and clearing it, so memory stays flat. Writing
streams through ``lxml.etree.xmlfile`` into a temporary file that replaces the target only
when complete.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from lxml import etree

from tmkit.errors import InputError, UsageError
from tmkit.formats import xliff12, xliff20, xmlsafe
from tmkit.formats.atomic import atomic_path
from tmkit.formats.bilingual import BilingualDocument, merge_forms, resolve_langs
from tmkit.formats.xliff_inline import local_name
from tmkit.formats.xmlsafe import XML_LANG
from tmkit.model import Prop, TranslationUnit

VERSIONS = ("1.2", "2.0")
FILE_PROP = "x-xliff-file"
"""Prop naming the ``file`` (its ``original`` or id) a unit came from, set when there are several."""


def sniff_version(path: str | os.PathLike) -> str:
    """The XLIFF version of a file from its root element ("1.2" covers 1.0-1.2)."""
    for _event, element in xmlsafe.iterparse(path, events=("start",)):
        return _version_of(element, os.fspath(path))
    raise InputError("empty XML document", path=os.fspath(path))


def _version_of(root: etree._Element, name: str) -> str:
    if local_name(root.tag) != "xliff":
        raise InputError(f"not an XLIFF file: root element is <{local_name(root.tag)}>",
                         path=name, line=root.sourceline)
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    declared = root.get("version", "")
    if namespace == xliff20.NS20 or declared.startswith("2."):
        return "2.0"
    return "1.2"


def load_xliff(path: str | os.PathLike) -> BilingualDocument:
    """Read an XLIFF 1.x or 2.0 file into a :class:`BilingualDocument`.

    Raises :class:`InputError` (file, line, column) for malformed XML or a root that is not
    ``xliff``. Languages come from the first ``file`` (1.x) or the root (2.0).
    """
    name = os.fspath(path)
    events = xmlsafe.iterparse(path, events=("start", "end"))
    root = None
    for _event, element in events:
        root = element
        break
    if root is None:
        raise InputError("empty XML document", path=name)
    version = _version_of(root, name)
    if version == "2.0":
        return _read_20(events, root, name)
    return _read_12(events, root, name)


def _read_12(events, root: etree._Element, name: str) -> BilingualDocument:
    units: list[TranslationUnit] = []
    files: list[str] = []
    src_lang = tgt_lang = None
    file_src = file_tgt = None
    unit_files: list[str] = []
    plurals: list[int] = []
    for event, element in events:
        tag = local_name(element.tag)
        if event == "start":
            if tag == "file":
                file_src = element.get("source-language")
                file_tgt = element.get("target-language")
                src_lang = src_lang or file_src
                tgt_lang = tgt_lang or file_tgt
                files.append(element.get("original") or str(len(files) + 1))
            elif _is_plural_group(element):
                plurals.append(len(units))
            continue
        if _is_plural_group(element):
            _merge_plural(units, unit_files, plurals.pop(), element.get("id"))
            continue
        if tag != "trans-unit":
            continue
        source_lang = file_src or _first_lang(element, "source") or src_lang or "und"
        has_target = any(isinstance(c.tag, str) and local_name(c.tag) == "target" for c in element)
        target_lang = (file_tgt or _first_lang(element, "target") or tgt_lang
                       or ("und" if has_target else None))
        src_lang = src_lang or source_lang
        tgt_lang = tgt_lang or target_lang
        units.append(xliff12.read_trans_unit(element, source_lang, target_lang))
        unit_files.append(files[-1] if files else "")
        element.clear(keep_tail=True)
    units = _mark_files(units, unit_files, files)
    return BilingualDocument(src_lang=src_lang or "und", tgt_lang=tgt_lang, units=tuple(units),
                             format="xliff", version=root.get("version") or "1.2",
                             original=files[0] if files else None, files=tuple(files))


def _is_plural_group(element: etree._Element) -> bool:
    return (local_name(element.tag) == "group"
            and element.get("restype") == xliff12.PLURAL_RESTYPE)


def _merge_plural(units: list[TranslationUnit], unit_files: list[str], start: int,
                  group_id: str | None) -> None:
    """The trans-units of a plural group (one per form) become one unit with forms again."""
    if len(units) - start < 1:
        return
    units[start:] = [merge_forms(units[start:], group_id)]
    del unit_files[start + 1:]


def _first_lang(unit: etree._Element, child: str) -> str | None:
    for element in unit:
        if isinstance(element.tag, str) and local_name(element.tag) == child:
            return element.get(XML_LANG)
    return None


def _read_20(events, root: etree._Element, name: str) -> BilingualDocument:
    src_lang = root.get("srcLang") or "und"
    tgt_lang = root.get("trgLang")
    units: list[TranslationUnit] = []
    unit_files: list[str] = []
    files: list[str] = []
    originals: list[str] = []
    count = 0
    for event, element in events:
        tag = local_name(element.tag)
        if event == "start":
            if tag == "file" and element.tag == f"{{{xliff20.NS20}}}file":
                files.append(element.get("id") or str(len(files) + 1))
                if element.get("original"):
                    originals.append(element.get("original"))
            continue
        if element.tag != f"{{{xliff20.NS20}}}unit":
            continue
        count += 1
        found = xliff20.read_unit(element, src_lang, tgt_lang)
        units.extend(found)
        unit_files.extend([files[-1] if files else ""] * len(found))
        element.clear(keep_tail=True)
    units = _mark_files(units, unit_files, files)
    return BilingualDocument(src_lang=src_lang, tgt_lang=tgt_lang, units=tuple(units),
                             format="xliff", version=root.get("version") or "2.0",
                             original=originals[0] if originals else None, files=tuple(files),
                             unit_count=count)


def _mark_files(units: list[TranslationUnit], unit_files: list[str],
                files: list[str]) -> list[TranslationUnit]:
    """With several ``file`` elements, remember each unit's file so a writer can regroup."""
    if len(files) < 2:
        return units
    return [replace(u, props=(*u.props, Prop(FILE_PROP, f))) for u, f in zip(units, unit_files,
                                                                            strict=True)]


# --------------------------------------------------------------------------- writing


def write_xliff(path: str | os.PathLike, doc_or_units: BilingualDocument | Iterable[TranslationUnit],
                *, version: str = "2.0", src_lang: str | None = None, tgt_lang: str | None = None,
                original: str | None = None) -> int:
    """Write units as XLIFF ``version`` ("1.2" or "2.0"); returns the number of units written.

    Units may come from any format: the variants in ``src_lang``/``tgt_lang`` are used
    (defaulting to the document's languages) and inline codes are adapted to the version.
    The file appears only once complete.
    """
    if version not in VERSIONS:
        raise UsageError(f"unsupported XLIFF version '{version}' (choose 1.2 or 2.0)",
                         path=os.fspath(path))
    src, tgt, units = resolve_langs(doc_or_units, src_lang, tgt_lang)
    if tgt is None and isinstance(doc_or_units, BilingualDocument):
        # targets in a file that never named their language (2.0 trgLang is then required)
        tgt = next((u.variants[1].lang for u in doc_or_units.units if len(u.variants) > 1), None)
    if not src:
        raise UsageError("XLIFF needs a source language: pass src_lang (--src-lang)",
                         path=os.fspath(path))
    if original is None:
        original = getattr(doc_or_units, "original", None) or Path(path).stem
    groups = _group_by_file(units)
    written = 0
    with atomic_path(path) as temporary, etree.xmlfile(str(temporary), encoding="utf-8") as xf:
        xf.write_declaration()
        if version == "2.0":
            written = _write_20(xf, groups, src, tgt, original)
        else:
            written = _write_12(xf, groups, src, tgt, original)
    return written


def _group_by_file(units: Iterable[TranslationUnit]):
    """Consecutive units that share their file prop, as (file name or None, units)."""
    current: str | None = None
    batch: list[TranslationUnit] = []
    for unit in units:
        name = unit.prop(FILE_PROP)
        if batch and name != current:
            yield current, batch
            batch = []
        current = name
        batch.append(unit)
    if batch or current is None:
        yield current, batch


def _write_12(xf, groups, src: str, tgt: str | None, original: str) -> int:
    written = 0
    with xf.element(f"{{{xliff12.NS12}}}xliff", nsmap={None: xliff12.NS12}, version="1.2"):
        for file_name, units in groups:
            attrs = {"original": file_name or original, "source-language": src,
                     "datatype": "plaintext"}
            if tgt:
                attrs["target-language"] = tgt
            xf.write("\n  ")
            with xf.element(f"{{{xliff12.NS12}}}file", attrs):
                xf.write("\n    ")
                with xf.element(f"{{{xliff12.NS12}}}body"):
                    for element in xliff12.trans_unit_elements(_without_file_prop(units), src, tgt):
                        xf.write("\n    ", element)
                        written += 1
                    xf.write("\n    ")
                xf.write("\n  ")
        xf.write("\n")
    return written


def _write_20(xf, groups, src: str, tgt: str | None, original: str) -> int:
    root_attrs = {"version": "2.0", "srcLang": src}
    if tgt:
        root_attrs["trgLang"] = tgt
    written = 0
    nsmap = {None: xliff20.NS20, "mtc": xliff20.MTC_NS}
    with xf.element(f"{{{xliff20.NS20}}}xliff", root_attrs, nsmap=nsmap):
        used: set[str] = set()
        for number, (file_name, units) in enumerate(groups, 1):
            file_id = xliff20.nmtoken(file_name) if file_name else f"f{number}"
            if file_id in used:
                file_id = f"{file_id}-{number}"
            used.add(file_id)
            attrs = {"id": file_id, "original": original if file_name is None else file_name}
            xf.write("\n  ")
            with xf.element(f"{{{xliff20.NS20}}}file", attrs):
                empty = True
                for element, segments in xliff20.unit_elements(_without_file_prop(units), src, tgt):
                    xf.write("\n    ", element)
                    written += segments
                    empty = False
                if empty:
                    # a 2.0 <file> needs a unit or group; an empty group keeps the file valid
                    xf.write("\n    ", etree.Element(f"{{{xliff20.NS20}}}group", id="empty"))
                xf.write("\n  ")
        xf.write("\n")
    return written


def _without_file_prop(units: Iterable[TranslationUnit]):
    for unit in units:
        if unit.prop(FILE_PROP) is None:
            yield unit
        else:
            yield replace(unit, props=tuple(p for p in unit.props if p.type != FILE_PROP))
