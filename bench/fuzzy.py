"""Benchmark: fuzzy search of the memory store against a brute-force rapidfuzz scan.

Usage::

    .venv/bin/python bench/fuzzy.py                    # 10k, 100k and 1M segments
    .venv/bin/python bench/fuzzy.py --sizes 10k,100k
    .venv/bin/python bench/fuzzy.py --quick            # 10k only, 50 queries

For each size a deterministic generator writes a bilingual en/ru TMX of news-like sentences
(about a third of them near-duplicates of earlier ones: a number changed, a word swapped,
an inflection, a phrase added or dropped) into bench/data/, and ``tmkit.tm.store``
imports it into a fresh store (timed: the "import" column, both directions indexed). Then
200 queries run (half of them perturbed copies of memory sentences with a planted match of
at least 75, half fresh sentences) through a brute-force scan of every English segment with
the engine's score function (``tmkit.tm.score.scores_at_least``), then through
``tmkit.tm.search.search`` with no limit, once with the default pigeonhole plan and once
with a postings budget (the fast rare-key plan). Recall is the share of brute-force matches
>= 75 the search returns, over all queries.

A second table does the same for short UI-like phrases (one to nine words) queried with one
to three typos, the case word keys handle worst and trigram keys exist for (``--short-sizes``).

Targets at 1M: recall >= 0.99, p50 <= 10 ms, >= 30x faster than brute force, import <= 60 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from tmkit.formats.tmx import write_tmx
from tmkit.model import Header, Segment, TranslationUnit, Variant
from tmkit.tm.normalize import normalize
from tmkit.tm.score import scores_at_least, similarity
from tmkit.tm.search import search
from tmkit.tm.store import Store, import_files

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SEED = 20261127
MIN_SCORE = 75.0

SYLLABLES = ["ba", "ka", "ru", "sta", "mir", "lan", "dor", "vek", "zan", "tor", "gel", "shi", "pol", "nev", "ar", "ish", "ob", "ul", "den", "ros", "kha", "tam", "bek", "sul", "ay", "gul", "nur", "tash", "kent", "abad", "ov", "eva", "in", "ko", "ra", "mo", "li", "te", "su", "na", "vo", "ze"]
NOUNS = ["budget", "pipeline", "tariff", "port", "railway", "corridor", "ferry", "summit", "treaty", "election", "parliament", "ministry", "delegation", "border", "agreement", "investment", "loan", "grain", "cargo", "container", "terminal", "refinery", "reservoir", "drought", "harvest", "court", "verdict", "protest", "newspaper", "broadcaster", "editor", "reporter", "license", "frequency", "satellite", "airport", "runway", "highway", "bridge", "tunnel", "customs", "inflation", "currency", "reserve", "bond", "deficit", "surplus", "export", "import", "quota", "sanction", "embargo", "ceasefire", "negotiation", "commission", "inspection", "hospital", "vaccine", "school", "university", "scholarship", "festival", "exhibition", "museum", "stadium", "tournament", "league", "coalition", "mandate", "referendum", "constitution", "amendment", "regulator", "auction", "tender", "contractor", "consortium", "shipyard", "tanker", "wagon", "locomotive", "substation", "turbine", "dam", "irrigation", "canal"]
VERBS = ["approved", "rejected", "signed", "delayed", "launched", "suspended", "expanded", "inspected", "financed", "announced", "postponed", "criticized", "welcomed", "opened", "closed", "reviewed", "extended", "renewed", "audited", "reported", "confirmed", "denied", "proposed", "completed", "modernized", "privatized"]
ADJECTIVES = ["new", "regional", "national", "joint", "annual", "strategic", "temporary", "disputed", "preliminary", "final", "bilateral", "multilateral", "domestic", "foreign", "private", "public", "independent", "additional", "emergency", "long-term", "record"]
ROLES = ["minister", "deputy", "speaker", "governor", "ambassador", "spokesman", "chairman", "director", "mayor", "prosecutor", "adviser", "envoy"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CLAUSES = (
    "{Person}, the {adj} {role} of {Place}, said on {day}",
    "the {org} {verb} a {adj} {noun} worth {money} million dollars",
    "officials in {City} {verb} plans for {num} kilometres of {adj} {noun}",
    "{noun} traffic through {City} grew by {pct}% in {year}",
    "talks on the {adj} {noun} with {Place} would resume in {month}",
    "the {noun} between {City} and {City2} could carry {num} tonnes of {noun2}",
    "lawmakers in {Place} {verb} an amendment on {noun2} quotas",
    "a delegation led by {Person} visited the {noun} near {City}",
    "the {adj} {noun} would cost {org} about {money} million",
    "{Place} and {Place2} {verb} a {adj} deal on {noun} and {noun2}",
    "{Person} of the {org} {verb} the {noun2} audit",
    "{num} {noun}s were {verb} in {City} last {month}",
    "the {role} warned that {noun} prices in {Place} may rise by {pct}%",
    "{org} shares {verb} after the {adj} {noun} report from {City}",
)
CONNECTORS = (", and ", ", while ", " after ", "; meanwhile ", ", although ", " because ")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


class Vocabulary:
    """Pools of invented names, large enough for a realistic long-tailed vocabulary."""

    def __init__(self, rng: random.Random) -> None:
        def name(parts: int) -> str:
            return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

        self.places = [name(rng.randint(2, 3)) + rng.choice(["", "ia", "stan"]) for _ in range(400)]
        self.cities = [name(rng.randint(2, 4)) for _ in range(3000)]
        self.people = [f"{name(2)} {name(rng.randint(2, 3))}" for _ in range(6000)]
        self.orgs = [f"{name(2)} {rng.choice(['Council', 'Agency', 'Bank', 'Company', 'Fund', 'Union'])}"
                     for _ in range(800)]


def sentence(rng: random.Random, vocab: Vocabulary) -> str:
    """Two or three clauses, each with its own slots, so sentences rarely share a frame."""
    clauses = [_clause(rng, vocab) for _ in range(rng.choice((2, 2, 3)))]
    text = clauses[0]
    for clause in clauses[1:]:
        text += rng.choice(CONNECTORS) + clause
    return text[0].upper() + text[1:] + "."


def _clause(rng: random.Random, vocab: Vocabulary) -> str:
    return rng.choice(CLAUSES).format(
        Person=rng.choice(vocab.people), adj=rng.choice(ADJECTIVES), role=rng.choice(ROLES),
        Place=rng.choice(vocab.places), Place2=rng.choice(vocab.places), day=rng.choice(DAYS),
        org=rng.choice(vocab.orgs), verb=rng.choice(VERBS), noun=rng.choice(NOUNS),
        noun2=rng.choice(NOUNS), City=rng.choice(vocab.cities), City2=rng.choice(vocab.cities),
        money=f"{rng.randint(2, 990)}.{rng.randint(1, 9)}", num=f"{rng.randint(2, 9999):,}",
        year=str(rng.randint(2015, 2031)), pct=rng.randint(2, 80), month=rng.choice(MONTHS))


def perturb(rng: random.Random, text: str, edits: int) -> str:
    """A near-duplicate: numbers changed, words swapped, inflected, inserted or dropped."""
    words = text.split(" ")
    for _ in range(edits):
        at = rng.randrange(len(words))
        action = rng.random()
        if action < 0.25 and any(c.isdigit() for c in words[at]):
            words[at] = "".join(str(rng.randint(0, 9)) if c.isdigit() else c for c in words[at])
        elif action < 0.45:
            words[at] = rng.choice(NOUNS + VERBS + ADJECTIVES)
        elif action < 0.65 and words[at].isalpha():
            words[at] = words[at] + rng.choice(["s", "ed", "ing", "al"])
        elif action < 0.8:
            words.insert(at, rng.choice(ADJECTIVES + ["also", "reportedly", "again", "officially"]))
        elif len(words) > 6:
            del words[at]
    return " ".join(words)


def pseudo_russian(text: str) -> str:
    """A stand-in target: the target side is stored and indexed but never scored here."""
    table = str.maketrans("abcdefghijklmnopqrstuvwxyz", "абцдефгхийклмнопкрстуввхыз")
    return text.lower().translate(table).capitalize()


def memory_sentences(size: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocab = Vocabulary(random.Random(seed + 1))
    out: list[str] = []
    for _ in range(size):
        if out and rng.random() < 0.33:
            out.append(perturb(rng, rng.choice(out[-5000:]), rng.randint(1, 3)))
        else:
            out.append(sentence(rng, vocab))
    return out


def queries(memory: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed + 2)
    vocab = Vocabulary(random.Random(seed + 1))
    out = []
    for number in range(count):
        if number % 2 == 0:
            base = rng.choice(memory)
            for edits in (3, 2, 1, 0):
                candidate = perturb(rng, base, edits) if edits else base
                if similarity(normalize(candidate, "en"), normalize(base, "en")) >= MIN_SCORE:
                    break
            out.append(candidate)
        else:
            out.append(sentence(rng, vocab))
    return out


def write_memory(path: Path, memory: list[str]) -> None:
    units = (TranslationUnit((Variant("en", Segment.of(text)), Variant("ru", Segment.of(pseudo_russian(text)))),
                             tuid=str(number)) for number, text in enumerate(memory, 1))
    write_tmx(path, units, Header(srclang="en"))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


BUDGET = 60_000
"""Postings budget of the fast plan measured beside the default one."""


def fresh_store(db: Path, tmx: Path) -> tuple[Store, float]:
    """A new store at ``db`` with ``tmx`` imported, and the seconds the import took."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = Store(db)
    started = time.perf_counter()
    import_files(store, [tmx])
    return store, time.perf_counter() - started


def english_segments(store: Store) -> tuple[list[int], list[str]]:
    """Ids and normalized texts of every English segment: what the brute force scans."""
    rows = store.conn.execute("SELECT id, norm FROM segments WHERE base='en' ORDER BY id").fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]


def run(size: int, query_count: int) -> list[dict]:
    tmx = DATA / f"fuzzy_{size}.tmx"
    memory = memory_sentences(size, SEED)
    if not tmx.exists():
        write_memory(tmx, memory)
    db = DATA / f"fuzzy_{size}.sqlite"
    store, import_seconds = fresh_store(db, tmx)
    with store:
        index_bytes = store.conn.execute("SELECT sum(length(ids)) FROM postings").fetchone()[0]
        ids, norms = english_segments(store)
        brute_ms, truth = [], []
        asked = queries(memory, query_count, SEED)
        for query in asked:
            started = time.perf_counter()
            truth.append({ids[p] for p, _ in scores_at_least(normalize(query, "en"), norms, MIN_SCORE)})
            brute_ms.append((time.perf_counter() - started) * 1000)
        del ids, norms
        results = []
        for plan_name, budget in (("pigeonhole", None), (f"budget {BUDGET // 1000}k", BUDGET)):
            found = expected = 0
            index_ms = []
            for query, brute in zip(asked, truth, strict=True):
                started = time.perf_counter()
                hits = search(store, query, "en", "ru", min_score=MIN_SCORE, limit=None, budget=budget)
                index_ms.append((time.perf_counter() - started) * 1000)
                expected += len(brute)
                found += len(brute & {hit.segment_id for hit in hits})
            results.append({"plan": plan_name, "p50": statistics.median(index_ms),
                            "p95": percentile(index_ms, 0.95), "recall": found / expected if expected else 1.0,
                            "matches": expected})
    db_bytes = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists())
    common = {"size": size, "import_s": import_seconds, "db_mb": db_bytes / 2**20, "index_mb": index_bytes / 2**20,
              "brute_p50": statistics.median(brute_ms)}
    return [{**common, **r} for r in results]


def short_phrases(size: int, seed: int) -> list[str]:
    """Distinct UI-like phrases of one to nine words from the generator's vocabulary."""
    rng = random.Random(seed)
    vocab = NOUNS + VERBS + ADJECTIVES + ROLES + DAYS
    phrases = (" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 9))).capitalize()
               + rng.choice(["", ".", ":", "..."]) for _ in range(size))
    return list(dict.fromkeys(phrases))


def typo(rng: random.Random, text: str, most: int = 3) -> str:
    """One to ``most`` character typos: a letter replaced, dropped or inserted."""
    chars = list(text)
    for _ in range(rng.randint(1, most)):
        if not chars:
            break
        at = rng.randrange(len(chars))
        action = rng.random()
        if action < 0.4:
            chars[at] = rng.choice("abcdefghijklmnopqrstuvwxyz")
        elif action < 0.7 and len(chars) > 1:
            del chars[at]
        else:
            chars.insert(at, rng.choice("abcdefghijklmnopqrstuvwxyz "))
    return "".join(chars)


def run_short(size: int, query_count: int) -> dict:
    """Short phrases, queries with typos: import time, latency and recall against brute force."""
    phrases = short_phrases(size, SEED)
    tmx = DATA / f"fuzzy_short_{size}.tmx"
    if not tmx.exists():
        write_memory(tmx, phrases)
    rng = random.Random(SEED + 3)
    store, import_seconds = fresh_store(DATA / f"fuzzy_short_{size}.sqlite", tmx)
    with store:
        ids, norms = english_segments(store)
        index_ms, brute_ms = [], []
        found = expected = 0
        for _ in range(query_count):
            query = typo(rng, rng.choice(phrases))
            started = time.perf_counter()
            truth = {ids[p] for p, _ in scores_at_least(normalize(query, "en"), norms, MIN_SCORE)}
            brute_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            hits = search(store, query, "en", "ru", min_score=MIN_SCORE, limit=None)
            index_ms.append((time.perf_counter() - started) * 1000)
            expected += len(truth)
            found += len(truth & {hit.segment_id for hit in hits})
    return {"size": len(phrases), "import_s": import_seconds, "p50": statistics.median(index_ms),
            "p95": percentile(index_ms, 0.95), "brute_p50": statistics.median(brute_ms),
            "recall": found / expected if expected else 1.0, "matches": expected}


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1000, "m": 1000000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * factor)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--short-sizes", default="100k", help="sizes of the short-phrase memory")
    parser.add_argument("--quick", action="store_true", help="10k segments, 50 queries")
    args = parser.parse_args(argv)
    DATA.mkdir(parents=True, exist_ok=True)
    sizes = [10000] if args.quick else [parse_size(s) for s in args.sizes.split(",")]
    count = 50 if args.quick else args.queries
    header = (f"{'segments':>9} {'import s':>9} {'TU/s':>8} {'db MB':>7} {'index MB':>9} {'plan':>11} "
              f"{'p50 ms':>7} {'p95 ms':>7} {'brute ms':>9} {'speedup':>8} {'recall':>7} {'matches':>8}")
    print(header)
    print("-" * len(header))
    for size in sizes:
        for r in run(size, count):
            print(f"{r['size']:>9,} {r['import_s']:>9.1f} {r['size'] / r['import_s']:>8,.0f} {r['db_mb']:>7.1f} "
                  f"{r['index_mb']:>9.1f} {r['plan']:>11} {r['p50']:>7.2f} {r['p95']:>7.2f} {r['brute_p50']:>9.1f} "
                  f"{r['brute_p50'] / r['p50']:>7.1f}x {r['recall']:>7.4f} {r['matches']:>8}", flush=True)
    short_sizes = [10000] if args.quick else [parse_size(s) for s in args.short_sizes.split(",")]
    header = (f"\n{'phrases':>9} {'import s':>9} {'p50 ms':>7} {'p95 ms':>7} {'brute ms':>9} {'speedup':>8} "
              f"{'recall':>7} {'matches':>8}")
    print(header)
    print("-" * len(header))
    for size in short_sizes:
        r = run_short(size, count)
        print(f"{r['size']:>9,} {r['import_s']:>9.1f} {r['p50']:>7.2f} {r['p95']:>7.2f} {r['brute_p50']:>9.1f} "
              f"{r['brute_p50'] / r['p50']:>7.1f}x {r['recall']:>7.4f} {r['matches']:>8}", flush=True)
    print(f"\n{count} queries per size (half with a planted match >= {MIN_SCORE:g}); recall counts every "
          "brute-force match >= 75; speedup = brute-force p50 / index p50; plan 'pigeonhole' is the "
          f"default search, 'budget' caps a query at {BUDGET:,} postings (search(..., budget=...)). "
          "Second table: short phrases, each query a stored phrase with one to three typos.",
          file=sys.stderr)


if __name__ == "__main__":
    main()
