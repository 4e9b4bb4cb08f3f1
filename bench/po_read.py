"""Benchmark: PO reading, tmkit's own parser beside polib's (parse + conversion to units).

Usage::

    .venv/bin/python bench/po_read.py               # 20k and 50k news catalogs + realworld PO
    .venv/bin/python bench/po_read.py --quick       # 5k catalog only, for smoke runs
    .venv/bin/python bench/po_read.py --repeat 5    # best of 5 on a busy box

The generated catalogs are the ones ``bench/check.py`` writes into bench/data/ (created
here when missing, with the same generator); the realworld files are read from
``../shared/realworld/po`` when that folder exists. Each measurement runs in a fresh
subprocess so neither side inherits the other's heap, and reports CPU seconds (user +
system of that process, best of ``--repeat``), which other load on a shared machine
disturbs less than wall-clock time:

- polib:  ``polib.pofile`` plus the conversion tmkit did before its own parser (every live
          entry to a TranslationUnit, the same fields) - the old ``load_po``;
- tmkit:  ``tmkit.formats.po.load_po``, units included;
- parse:  the parsers alone (``polib.pofile`` beside ``tmkit.formats.po_parse.parse_po``).

Both run once with Python's cyclic garbage collector on (a library call) and once with it
paused (how ``tmkit check`` reads, inside ``gc_paused``). Target: ratio >= 4x on 20k.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
REALWORLD = HERE.parents[1] / "shared" / "realworld" / "po"

_CHILD = r'''
import gc, json, sys, time
which, path, gc_on = sys.argv[1], sys.argv[2], sys.argv[3] == "on"
from tmkit.formats import po
if which == "polib":
    import polib
    from tmkit.formats.bilingual import make_unit
    from tmkit.model import Note, Prop, Segment, State

    def first_line(name):
        with open(name, "rb") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    return number
        return 1

    def unit(entry, src, tgt, first):
        plural = entry.msgid_plural
        strings = ([entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)] or [""]
                   if plural else [entry.msgstr])
        has = any(strings)
        state = (State.NEEDS_REVIEW if entry.fuzzy else
                 State.TRANSLATED if has else State.NEEDS_TRANSLATION)
        props = [Prop(po.CONTEXT_PROP, entry.msgctxt)] if entry.msgctxt is not None else []
        props += [Prop(po.FLAG_PROP, f) for f in entry.flags if f != "fuzzy"]
        props += [Prop(po.REFERENCE_PROP, f"{f}:{n}" if n else f) for f, n in entry.occurrences]
        props += [Prop(t, getattr(entry, a)) for a, t in po.PREVIOUS_PROPS.items()
                  if getattr(entry, a)]
        notes = [Note(entry.tcomment, extra=po.TRANSLATOR)] if entry.tcomment else []
        notes += [Note(entry.comment, extra=po.DEVELOPER)] if entry.comment else []
        return make_unit(src, Segment.of(entry.msgid), tgt, Segment.of(strings[0]) if has else None,
                         state=state, line=entry.linenum or first, notes=tuple(notes),
                         props=tuple(props),
                         src_forms=(Segment.of(plural),) if plural else (),
                         tgt_forms=tuple(Segment.of(s) for s in strings[1:]) if has else ())

    def read(name):
        catalog = polib.pofile(name)
        tgt = po.po_language(dict(catalog.metadata), name) or "und"
        first = first_line(name)
        return [unit(e, "en", tgt, first) for e in catalog if not e.obsolete]
elif which == "polib-parse":
    import polib

    def read(name):
        return [e for e in polib.pofile(name) if not e.obsolete]
elif which == "tmkit-parse":
    from tmkit.formats.po_parse import parse_po

    def read(name):
        with open(name, "rb") as handle:
            return parse_po(handle.read(), obsolete=False).entries
else:
    def read(name):
        return po.load_po(name).units
if not gc_on:
    gc.disable()
start = time.process_time()
units = read(path)
print(json.dumps({"seconds": time.process_time() - start, "units": len(units)}))
'''


def measure(which: str, path: Path, gc_on: bool, repeat: int) -> tuple[float, int]:
    """Best CPU seconds of ``repeat`` fresh-process reads, and the unit count."""
    best, units = float("inf"), 0
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _CHILD, which, str(path), "on" if gc_on else "off"],
                             check=True, capture_output=True, text=True).stdout
        result = json.loads(out)
        best, units = min(best, result["seconds"]), result["units"]
    return best, units


def bench_files(quick: bool) -> list[Path]:
    sys.path.insert(0, str(HERE))
    from check import write_po  # the catalog generator bench/check.py uses

    DATA.mkdir(exist_ok=True)
    files = []
    for count in ((5_000,) if quick else (20_000, 50_000)):
        path = DATA / f"bench_check_{count}.po"
        if not path.exists():
            write_po(path, count)
        files.append(path)
    if not quick and REALWORLD.is_dir():
        readable = sorted(REALWORLD.glob("iso-codes/*.po"), key=lambda p: p.stat().st_size)
        files += readable[-2:] + readable[:1]
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'file':<22} {'units':>6} {'gc':>3} {'polib s':>8} {'tmkit s':>8} {'ratio':>6}"
          f"   {'parse only: polib s':>19} {'tmkit s':>8} {'ratio':>6}")
    for path in bench_files(args.quick):
        for gc_on in (True, False):
            old, old_units = measure("polib", path, gc_on, args.repeat)
            new, units = measure("tmkit", path, gc_on, args.repeat)
            old_parse, _ = measure("polib-parse", path, gc_on, args.repeat)
            new_parse, _ = measure("tmkit-parse", path, gc_on, args.repeat)
            if units != old_units:
                raise SystemExit(f"{path.name}: polib path gave {old_units} units, tmkit {units}")
            print(f"{path.name:<22} {units:>6} {'on' if gc_on else 'off':>3} {old:>8.3f} "
                  f"{new:>8.3f} {old / new:>5.1f}x   {old_parse:>19.3f} {new_parse:>8.3f} "
                  f"{old_parse / new_parse:>5.1f}x")


if __name__ == "__main__":
    main()
