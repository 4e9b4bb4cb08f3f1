"""Term spotting accuracy per language, on the cases of tests/test_glossary_accuracy.py.

Usage::

    .venv/bin/python bench/term_accuracy.py

"found" counts sentences in which the expected concept is found with exactly the expected
matched text; "avoided" counts near-miss sentences in which the concept is not found at
all. The test module asserts every case; this script turns the same cases into figures
(and lists failures) so a report can quote them. Prints a table; asserts nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_glossary_accuracy import GLOSSARY, NEAR_MISS, POSITIVE  # noqa: E402

KNOWN_HARD = [
    ("en", "He flagged the problem.", "flag", False, "Snowball gives the verb 'flagged' the noun's stem"),
    ("en", "The cease-fire held.", "ceasefire", True, "hyphenated spelling is one other token"),
    ("en", "Nato said no.", "nato", False, "acronym written as a name"),
    ("ru", "Совбез ООН собрался.", "council", True, "colloquial clipping is not in the glossary"),
    ("ru", "Ценные бумаги Брента подешевели.", "brent", False, "exact-form term: a case form is refused"),
    ("az", "Təhlükəsizlik Şurasındakı müzakirələr.", "council", True, "relative -dakı after the case"),
    ("az", "Türkiyəli jurnalist.", "turkey", False, "derived -li adjective is not the country"),
]
"""(lang, sentence, concept, should match, why it is hard): not asserted by the tests."""


def main() -> None:
    rows = [("lang", "found", "expected", "recall", "avoided", "near misses", "rejection")]
    failures: list[str] = []
    for lang in POSITIVE:
        found = 0
        for sentence, concept, expected in POSITIVE[lang]:
            hits = [(h.concept.id, h.text) for h in GLOSSARY.find_terms(sentence, lang)]
            if (concept, expected) in hits:
                found += 1
            else:
                failures.append(f"{lang} miss: {sentence!r} expected {expected!r} ({concept}), got {hits}")
        avoided = 0
        for sentence, concept in NEAR_MISS[lang]:
            wrong = [h.text for h in GLOSSARY.find_terms(sentence, lang) if h.concept.id == concept]
            if wrong:
                failures.append(f"{lang} false hit: {sentence!r} matched {wrong} as {concept}")
            else:
                avoided += 1
        positives, misses = len(POSITIVE[lang]), len(NEAR_MISS[lang])
        rows.append((lang, str(found), str(positives), f"{found / positives:.1%}",
                     str(avoided), str(misses), f"{avoided / misses:.1%}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    for failure in failures:
        print(failure)
    print("\nknown hard cases (not asserted by the tests):")
    for lang, sentence, concept, should, why in KNOWN_HARD:
        got = any(h.concept.id == concept for h in GLOSSARY.find_terms(sentence, lang))
        verdict = "ok" if got == should else "WRONG"
        print(f"  {verdict:<5} {lang} {sentence!r}: {concept} {'found' if got else 'not found'} ({why})")


if __name__ == "__main__":
    main()
