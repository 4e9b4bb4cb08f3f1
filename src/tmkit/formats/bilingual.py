"""What every bilingual reader returns, and the small helpers the bilingual writers share.

XLIFF, PO and CSV/TSV pairs all describe one source language and one target language, so
their readers return a :class:`BilingualDocument`: the two languages plus ordinary
:class:`tmkit.model.TranslationUnit` values with at most two variants. Writers accept either
such a document or any iterable of units (a multilingual TMX included) and pick the two
variants they need with :func:`pick_pair`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from tmkit.model import (
    Match,
    Note,
    Prop,
    Segment,
    State,
    TranslationUnit,
    Variant,
)

MSGCTXT_PROP = "x-po-msgctxt"
"""The prop a PO ``msgctxt`` travels as (XLIFF writers also name the unit after it)."""
FLAG_PROP = "x-po-flag"
REFERENCE_PROP = "x-po-reference"
PREVIOUS_PREFIX = "x-po-previous-"
"""PO flags, references and previous strings travel as props with these types (prefix)
through every format that keeps props; the writers that cannot hold them name them."""

_PROGRESS = (State.NEW, State.NEEDS_TRANSLATION, State.NEEDS_REVIEW, State.TRANSLATED,
             State.REVIEWED, State.FINAL)


@dataclass(frozen=True, slots=True)
class BilingualDocument:
    """One bilingual file: its languages, its units and what a writer needs to rebuild it.

    ``units`` hold one :class:`TranslationUnit` per translatable segment (an XLIFF 2.0 unit
    with three segments gives three). ``unit_count`` counts the file's own units (XLIFF
    ``trans-unit``/``unit``, PO entries), which is what tools and the samples README report.
    ``metadata`` keeps file-level key/value data such as the PO header, in file order, and
    ``comment`` the file's leading comment (the PO header comment).
    """

    src_lang: str
    tgt_lang: str | None
    units: tuple[TranslationUnit, ...]
    format: str
    version: str | None = None
    original: str | None = None
    files: tuple[str, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    comment: str | None = None
    unit_count: int = field(default=-1)

    def __post_init__(self) -> None:
        if self.unit_count < 0:
            object.__setattr__(self, "unit_count", len(self.units))

    def __iter__(self) -> Iterator[TranslationUnit]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)


def make_unit(src_lang: str, source: Segment, tgt_lang: str | None, target: Segment | None, *,
              tuid: str | None = None, state: State | None = None, line: int | None = None,
              notes: tuple[Note, ...] = (), props: tuple[Prop, ...] = (),
              matches: tuple[Match, ...] = (), src_forms: tuple[Segment, ...] = (),
              tgt_forms: tuple[Segment, ...] = (), src_extra: tuple[tuple[str, str], ...] = (),
              tgt_extra: tuple[tuple[str, str], ...] = (),
              extra: tuple[tuple[str, str], ...] = ()) -> TranslationUnit:
    """A bilingual unit: the source variant first, the target variant only when present."""
    variants = [Variant(lang=src_lang, segment=source, forms=src_forms, extra=src_extra)]
    if target is not None and tgt_lang:
        variants.append(Variant(lang=tgt_lang, segment=target, forms=tgt_forms, extra=tgt_extra))
    return TranslationUnit(variants=tuple(variants), tuid=tuid, srclang=src_lang, state=state,
                           line=line, notes=notes, props=props, matches=matches, extra=extra)


def pick_pair(unit: TranslationUnit, src_lang: str | None,
              tgt_lang: str | None) -> tuple[Variant | None, Variant | None]:
    """The source and target variants of ``unit`` for a bilingual writer.

    With no ``src_lang`` the unit's own source is used; with no ``tgt_lang`` the first other
    variant. A target variant in the source language is never returned as the target.
    """
    source = unit.variant(src_lang) if src_lang else unit.source_variant()
    if source is None:
        return None, None
    target = unit.variant(tgt_lang) if tgt_lang else next((v for v in unit.variants if v is not source), None)
    if target is source:
        target = None
    return source, target


def resolve_langs(units: BilingualDocument | Iterable[TranslationUnit], src_lang: str | None,
                  tgt_lang: str | None) -> tuple[str | None, str | None, Iterable[TranslationUnit]]:
    """Languages to write: explicit values first, then the document's own."""
    if isinstance(units, BilingualDocument):
        return src_lang or units.src_lang, tgt_lang or units.tgt_lang, units.units
    return src_lang, tgt_lang, units


def flat_text(segment: Segment) -> str:
    """Text for formats without inline markup (PO, CSV): each code becomes what it stands for.

    A code's ``equiv-text``/``equiv``/``disp`` wins (Angular's ``{{ count }}``), then its
    native content (``<b>``), then a ``{id}`` placeholder so no code silently disappears.
    A TMX ``bpt``/``ept`` pair standing for an XLIFF ``g`` counts as that ``g``.
    """
    if any(not isinstance(p, str) and p.kind == "bpt" for p in segment.parts):
        # imported here: PO and CSV writers need lxml (via xliff_inline) only for such codes
        from tmkit.formats.xliff_inline import regroup
        segment = Segment(regroup(segment.parts))
    out: list[str] = []
    for part in segment.parts:
        if isinstance(part, str):
            out.append(part)
        elif part.wraps_text:
            start = part.attr("equivStart") or ""
            end = part.attr("equivEnd") or ""
            out.append(start + flat_text(Segment(part.content)) + end)
        else:
            shown = (part.attr("equiv-text") or part.attr("equiv") or part.attr("disp")
                     or part.native_text)
            out.append(shown if shown else "{%s}" % (part.code_id or part.kind))
    return "".join(out)


# --------------------------------------------------------------------------- plural forms


def has_forms(source: Variant, target: Variant | None) -> bool:
    """Whether a pair holds plural forms (a PO ``msgid_plural`` entry)."""
    return bool(source.forms or (target is not None and target.forms))


def form_pairs(source: Variant, target: Variant | None) -> list[tuple[Variant, Variant | None]]:
    """One (source, target) pair per plural form, for formats that keep a form per segment.

    Target form ``i`` is paired with source form ``i``, or the last source form when the
    target language has more forms (Russian ``msgstr[2]`` goes with ``msgid_plural``), the
    way gettext's own XLIFF mappings do.
    """
    sources = source.all_forms
    targets = target.all_forms if target is not None else ()
    pairs: list[tuple[Variant, Variant | None]] = []
    for index in range(max(len(sources), len(targets))):
        src = replace(source, segment=sources[min(index, len(sources) - 1)], forms=())
        tgt = None
        if target is not None:
            tgt = replace(target, segment=targets[index] if index < len(targets) else Segment(),
                          forms=())
        pairs.append((src, tgt))
    return pairs


def merge_forms(units: Sequence[TranslationUnit], tuid: str | None) -> TranslationUnit:
    """Units written by :func:`form_pairs` (one per form) joined back into one plural unit.

    The first unit keeps its notes, props and matches; the source forms after the first are
    collapsed when they repeat (every target form past the first pairs with ``msgid_plural``).
    The least advanced state wins, so one form still needing work is never hidden.
    """
    first = units[0]
    sources = [u.variants[0].segment for u in units]
    plural = sources[1:]
    if plural and all(s == plural[0] for s in plural):
        plural = plural[:1]
    variants = [replace(first.variants[0], forms=tuple(plural))]
    with_target = [u for u in units if len(u.variants) > 1]
    if with_target:
        targets = [u.variants[1].segment if len(u.variants) > 1 else Segment() for u in units]
        variants.append(replace(with_target[0].variants[1], segment=targets[0],
                                forms=tuple(targets[1:])))
    states = [u.state for u in units if u.state is not None]
    state = min(states, key=_PROGRESS.index) if states else None
    return replace(first, tuid=tuid or first.tuid, variants=tuple(variants), state=state)
