"""Azerbaijani nominal suffix chains: tmkit's own analysis, written as data plus a small parser.

Azerbaijani nouns take a chain of suffixes after the stem, in a fixed order::

    stem + plural + possessive + (buffer n) + case + attributive -ki + predicative -dır

Each suffix harmonizes with the last vowel before it: two-way suffixes (written ``A``)
take ``a`` after back vowels (a ı o u) and ``ə`` after front ones (e ə i ö ü); four-way
suffixes (written ``I``) take ``ı`` after a/ı, ``u`` after o/u, ``i`` after e/ə/i and ``ü``
after ö/ü. Buffer consonants depend on what precedes: after a vowel the genitive is
``-nIn``, the accusative ``-nI``, the dative ``-yA``, the 3rd-person possessive ``-sI``;
after a 3rd-person possessive the locative, dative and ablative take ``n``
(``məqalə+si+n+də``).

The parser strips suffixes right to left, checking at every step harmony, the consonant or
vowel the suffix requires before it, and which suffix may stand inside which (a case never
stands inside a possessive, and so on). Only nominal inflection is handled: derivational
suffixes (``-çı``, ``-lıq``, ``-lı``, ``-sız``) and verb endings are deliberately left on, so
``başçı`` stays apart from ``baş`` and ``bakır`` (copper) from ``Bakı``.

A stem must keep two letters and a vowel, and three letters when it ends in a vowel or was
left by a lone-vowel suffix (``-ı``, ``-a``): short words (``ata``, ``atı``, ``dəniz``) would
otherwise collapse onto unrelated short stems (``at``, ``də``). The possessives ``-m`` and
``-n`` after a vowel are read only inside a chain, never word-final (see ``NOT_WORD_FINAL``).
"""

from __future__ import annotations

from dataclasses import dataclass

from tmkit.lang.tokenize import APOSTROPHES, HYPHENS

BACK_VOWELS = frozenset("aıou")
FRONT_VOWELS = frozenset("eəiöü")
VOWELS = BACK_VOWELS | FRONT_VOWELS
VOICELESS = frozenset("pçtkqfsşxh")

_TWO_WAY = {v: ("a" if v in BACK_VOWELS else "ə") for v in VOWELS}
_FOUR_WAY = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}

STEM = "stem"
ANY = "*"
"""In a rule's inner list: every rule except the predicative, and the bare stem."""

# name: (template, what must precede: "C" consonant, "V" vowel, "T" voiceless consonant,
#        "" anything; names allowed immediately inside, STEM meaning the bare stem)
_POSSESSIVE_INNER = (STEM, "plural")
_CASE_INNER = (STEM, "plural", "p1sg", "p2sg", "p1pl", "p2pl")
_AFTER_P3 = ("p3sg", "attributive")
SUFFIX_RULES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "plural": ("lAr", "", (STEM, "attributive")),
    "p1sg": ("Im", "C", _POSSESSIVE_INNER),
    "p1sg_v": ("m", "V", _POSSESSIVE_INNER),
    "p2sg": ("In", "C", _POSSESSIVE_INNER),
    "p2sg_v": ("n", "V", _POSSESSIVE_INNER),
    "p3sg": ("I", "C", _POSSESSIVE_INNER),
    "p3sg_v": ("sI", "V", _POSSESSIVE_INNER),
    "p1pl": ("ImIz", "C", _POSSESSIVE_INNER),
    "p1pl_v": ("mIz", "V", _POSSESSIVE_INNER),
    "p2pl": ("InIz", "C", _POSSESSIVE_INNER),
    "p2pl_v": ("nIz", "V", _POSSESSIVE_INNER),
    "genitive": ("In", "C", _CASE_INNER),
    "genitive_n": ("nIn", "V", (STEM, "p3sg", "attributive")),
    "accusative": ("I", "C", _CASE_INNER),
    "accusative_n": ("nI", "V", (STEM, "p3sg", "attributive")),
    "dative": ("A", "C", _CASE_INNER),
    "dative_y": ("yA", "V", (STEM,)),
    "dative_n": ("nA", "V", _AFTER_P3),
    "locative": ("dA", "", _CASE_INNER),
    "locative_t": ("tA", "T", _CASE_INNER),
    "locative_n": ("ndA", "V", _AFTER_P3),
    "ablative": ("dAn", "", _CASE_INNER),
    "ablative_t": ("tAn", "T", _CASE_INNER),
    "ablative_n": ("ndAn", "V", _AFTER_P3),
    "instrumental": ("lA", "C", _CASE_INNER),
    "instrumental_y": ("ylA", "V", (STEM, "p3sg")),
    "terminative": ("Adək", "C", _CASE_INNER),
    "terminative_y": ("yAdək", "V", (STEM,)),
    "terminative_n": ("nAdək", "V", _AFTER_P3),
    "attributive": ("kI", "", ("locative", "locative_t", "locative_n")),
    "predicative": ("dIr", "", (ANY,)),
}
"""The nominal suffix grammar. Rule names ending in ``_v``/``_n``/``_y``/``_t`` are the
variants after a vowel, with a buffer consonant, or after a voiceless consonant. The
terminative ``-dək`` ("until, as far as") does not harmonize and always follows a dative,
so it is one rule with the dative in it (``il+ə+dək``, ``Bakı+ya+dək``, ``son+u+na+dək``):
read as dative then ``-dək``, the lone-vowel dative would need a three-letter stem and
``ilədək`` would keep no stem."""

_ALL = tuple(SUFFIX_RULES)
NOT_WORD_FINAL = frozenset({"p1sg_v", "p2sg_v"})
"""``-m``/``-n`` after a vowel are read only inside a chain (``ölkəmdə``), never at the end
of a word: there they would cut every ``-an``/``-am`` word (``alman`` -> ``alma``, ``qalan``
-> ``qala``), while "my X"/"your X" without a case is rare in news copy."""
# A name in an inner list also admits its after-vowel variant: "p3sg" covers "p3sg_v".
_FAMILY = {name: tuple(other for other in _ALL if other in (name, f"{name}_v")) for name in _ALL}
_FAMILY[ANY] = (STEM, *(name for name in _ALL if name != "predicative"))


_MAX_VOWEL_DROP_STEM = 5
"""Only short stems lose a vowel (ağız, burun, fikir, oğul, şəkil, sinif, ömür)."""

_SOFTENED = {"ğ": "q", "y": "k"}
"""Stem-final consonants that soften before a vowel: ``bayraq -> bayrağı``, ``çörək -> çörəyi``."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """One way to read a word: ``stem`` followed by ``suffixes`` (surface forms, in order)."""

    stem: str
    suffixes: tuple[str, ...]
    rules: tuple[str, ...]


def _surfaces(template: str) -> dict[str, str]:
    """Surface form of a template after each possible last vowel."""
    return {
        vowel: "".join(_TWO_WAY[vowel] if ch == "A" else _FOUR_WAY[vowel] if ch == "I" else ch for ch in template)
        for vowel in VOWELS
    }


_COMPILED = {
    name: (frozenset(_surfaces(template).values()), _surfaces(template), before, inner)
    for name, (template, before, inner) in SUFFIX_RULES.items()
}


def _last_vowel(text: str) -> str | None:
    """The vowel that decides harmony for a suffix added to ``text``."""
    for ch in reversed(text):
        if ch in VOWELS:
            return ch
    return None


def _expand(names: tuple[str, ...]) -> tuple[str, ...]:
    """Inner names with their variants; a misspelt name fails here, at import."""
    expanded: list[str] = []
    for name in names:
        expanded.extend((STEM,) if name == STEM else _FAMILY[name])
    return tuple(dict.fromkeys(expanded))


_INNER = {name: _expand(inner) for name, (_, _, _, inner) in _COMPILED.items()}


def _valid_stem(stem: str, innermost: str) -> bool:
    """A vowel and two letters; three when the stem ends in a vowel or lost only a lone vowel.

    Two-letter nouns end in a consonant (``ev``, ``il``, ``iş``, ``öz``); letting ``də`` or
    ``ye`` stand as stems would join ``dəniz`` to the particle ``də`` and ``yeni`` to ``ye``.
    """
    if _last_vowel(stem) is None:
        return False
    minimum = 3 if innermost in VOWELS or stem[-1] in VOWELS else 2
    return len(stem) >= minimum


def analyses(folded: str) -> list[Analysis]:
    """Every reading of an already case-folded word, the unanalysed word first."""
    found = [Analysis(folded, (), ())]
    for name in _ALL:
        if name in NOT_WORD_FINAL:
            continue
        for stem, suffixes, rules in _strip(folded, name):
            found.append(Analysis(stem, suffixes, rules))
    return found


def _strip(word: str, name: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Readings of ``word`` whose outermost suffix is rule ``name``."""
    surfaces, by_vowel, before, _ = _COMPILED[name]
    results: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    for surface in surfaces:
        if not word.endswith(surface) or len(word) <= len(surface):
            continue
        rest = word[: -len(surface)]
        vowel = _last_vowel(rest)
        if vowel is None or by_vowel[vowel] != surface:
            continue
        last = rest[-1]
        if (before == "C" and last in VOWELS) or (before == "V" and last not in VOWELS):
            continue
        if before == "T" and last not in VOICELESS:
            continue
        for inner in _INNER[name]:
            if inner == STEM:
                if _valid_stem(rest, surface):
                    results.append((rest, (surface,), (name,)))
                continue
            for stem, suffixes, rules in _strip(rest, inner):
                results.append((stem, (*suffixes, surface), (*rules, name)))
    return results


def stems(folded: str) -> frozenset[str]:
    """Match keys of a folded word: the word, every stem, and every partial chain on the way.

    ``forpostlarımızda`` gives ``forpostlarımızda``, ``forpostlarımız``, ``forpostlar`` and
    ``forpost``; a stem whose final ``ğ``/``y`` may be a softened ``q``/``k`` also yields the
    hard spelling (``bayrağı`` -> ``bayrağ`` and ``bayraq``), and a short stem that may have
    dropped a vowel yields the full form (``fikri`` -> ``fikir``). A word written with an
    apostrophe before its suffix (``qarabağ'da``) is analysed without the suffix, and the
    last part of a hyphenated compound is analysed with the first part kept
    (``cənubi-qafqazda`` -> ``cənubi-qafqaz``). A word ending in a doubled consonant also
    yields it single (``xətt`` -> ``xət``, the stem of ``xətlər``).
    """
    keys = {folded}
    for mark in APOSTROPHES:
        if mark in folded:
            base, _, tail = folded.partition(mark)
            if base and tail.isalpha():
                keys |= stems(base)
            return frozenset(keys)
    hyphen = max(folded.rfind(mark) for mark in HYPHENS)
    if hyphen >= 0:
        head, last = folded[: hyphen + 1], folded[hyphen + 1 :]
        if last:
            keys.update(head + stem for stem in stems(last))
        return frozenset(keys)
    for analysis in analyses(folded):
        stem = analysis.stem
        keys.add(stem)
        for count in range(1, len(analysis.suffixes)):
            keys.add(stem + "".join(analysis.suffixes[:count]))
        if analysis.suffixes and analysis.suffixes[0][0] in VOWELS:
            keys.update(_before_vowel_changes(stem))
    if _double_final_consonant(folded):
        keys.add(folded[:-1])
    return frozenset(keys)


def dictionary_keys(folded: str, phrase_end: bool = False) -> frozenset[str]:
    """Match keys of a word given in its dictionary form (a glossary term's word).

    The text side is analysed (:func:`stems`), so every inflected form of the term reaches
    the term itself as a stem or a partial chain (``bərəni``, ``bərələr`` -> ``bərə``). The
    term needs no analysis of its own, and one would only add false stems: ``bərə`` (ferry)
    read as ``bər`` + dative would match ``bəri`` (since), read as ``bər`` + accusative.
    The one suffix a dictionary form carries is the 3rd-person possessive that ends a
    compound (``dövlət başçısı``, ``boru kəməri``): with ``phrase_end`` (the last word of a
    several-word term) that reading's stem is a key too, so ``başçıları`` still matches.
    """
    keys = {folded}
    if _double_final_consonant(folded):
        keys.add(folded[:-1])
    if phrase_end:
        keys.update(a.stem for a in analyses(folded) if a.rules in (("p3sg",), ("p3sg_v",)))
    return frozenset(keys)


def _double_final_consonant(stem: str) -> bool:
    """Whether ``stem`` ends in a doubled consonant (``xətt``, ``hədd``, ``haqq``, ``fənn``).

    Such stems, Arabic loans mostly, write it single before a consonant (``xətlər``,
    ``hədlər``, ``haqlar``) and double before a vowel (``xətti``): the dictionary form also
    gets the single-consonant key, which is what the consonant-suffixed forms reduce to.
    Only the word itself, not a stem the parser cut out of it: ``israilli`` (Israeli) reads
    as ``israill`` + ``-i`` too, and must not reach ``israil``.
    """
    return len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in VOWELS and stem[-1].isalpha()


def _before_vowel_changes(stem: str) -> set[str]:
    """Dictionary forms a stem may have had before a vowel-initial suffix changed it.

    Softening: ``bayrağ`` (from ``bayrağı``) was ``bayraq``, ``çörəy`` was ``çörək``.
    Dropped high vowel in short words: ``fikr`` (from ``fikri``) was ``fikir``, ``oğl``
    was ``oğul``, ``şəkl`` was ``şəkil``; the restored vowel follows four-way harmony.
    """
    found: set[str] = set()
    hard = _SOFTENED.get(stem[-1])
    if hard is not None and stem[-2:-1] in VOWELS:
        found.add(stem[:-1] + hard)
    if (
        3 <= len(stem) <= _MAX_VOWEL_DROP_STEM
        and stem[-1] not in VOWELS
        and stem[-2] not in VOWELS
        and stem[-3] in VOWELS
    ):
        found.add(stem[:-1] + _FOUR_WAY[stem[-3]] + stem[-1])
    return found
