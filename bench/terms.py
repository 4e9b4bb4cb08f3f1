"""Benchmark: morphology-aware term spotting against a plain lowercase scan.

Usage::

    .venv/bin/python bench/terms.py                    # 20,000 concepts, ~1 MB of text per language
    .venv/bin/python bench/terms.py --concepts 5000 --megabytes 0.25 --repeat 5

For each language the script generates a glossary and a text, then measures:

* compile: building ``Glossary(concepts)`` and its matcher for the language (the keys of
  every term word, the first-word index);
* first pass: ``find_terms`` over the whole text with empty caches (every chunk of text
  tokenized and analysed once);
* warm: the best of ``--repeat`` further passes, in words per second (``str.split`` words);
* baseline: a plain scan without morphology, the kind of check a spreadsheet macro or
  a grep script does: lower-case the text, split it into word tokens with one regular
  expression, and look every 1..N-word window up in a dict of lower-cased term texts
  (N = the longest term). It finds only the citation forms, which the "hits" columns show.

Generated data, deterministic for a given ``--seed``:

* en: pseudo-words from syllables with real English suffixes (-tion, -ment, -ity...), so
  the Snowball stemmer treats them as it treats real words; forms: plural, possessive;
* ru: real nouns and adjectives from the pymorphy3 dictionary; terms are single nouns,
  adjective + noun and noun + noun in the genitive; the text declines them with pymorphy3
  (case and number, adjective agreeing with its noun);
* az: harmonic pseudo-stems (back or front vowels only) with real suffix chains: plural,
  genitive, dative, locative, ablative, and izafet terms whose head takes possessive + case;
* every language: about 10 % acronyms, used bare or with a suffix.

Times are CPU seconds of this process (``time.process_time``), not wall-clock: on a shared
machine another job's load would otherwise decide the figure; on an idle machine the two
agree. Target: >= 200,000 words/s warm. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from tmkit.glossary import Glossary
from tmkit.lang import get_language
from tmkit.model import Concept, Term

Form = Callable[[random.Random], str]


@dataclass
class Corpus:
    concepts: list[Concept]
    forms: list[Form]
    filler: list[str]


# --------------------------------------------------------------------------- English

EN_CONS = "bcdfghklmnprstvz"
EN_VOWELS = "aeiou"
EN_NOUN_SUFFIXES = ("tion", "ment", "ness", "ity", "er", "ist", "ance", "ure", "ism", "ship")
EN_ADJ_SUFFIXES = ("al", "ic", "ive", "ous", "ary", "ent")
EN_FILLER = ["the", "a", "of", "to", "and", "in", "on", "for", "with", "that", "this", "was", "is", "were", "said", "will", "after", "before", "between", "government", "minister", "officials", "talks", "week", "year", "country", "new", "first", "last", "two", "three", "reported", "according", "also", "however", "while", "during", "capital", "region", "agreed", "statement"]


def _en_stem(rng: random.Random) -> str:
    return "".join(rng.choice(EN_CONS) + rng.choice(EN_VOWELS) for _ in range(rng.randint(1, 2))) + rng.choice(EN_CONS)


def _en_plural(noun: str) -> str:
    if noun.endswith("y"):
        return noun[:-1] + "ies"
    return noun + "es" if noun.endswith(("s", "x", "z", "ch", "sh")) else noun + "s"


def build_en(rng: random.Random, count: int) -> Corpus:
    nouns = _apart("en", {_en_stem(rng) + rng.choice(EN_NOUN_SUFFIXES) for _ in range(count)}, EN_FILLER)
    adjectives = _apart("en", {_en_stem(rng) + rng.choice(EN_ADJ_SUFFIXES) for _ in range(count // 2)},
                        EN_FILLER)

    def noun_form(noun: str) -> Form:
        return lambda r: r.choice((noun, _en_plural(noun), noun + "'s"))

    def single():
        noun = rng.choice(nouns)
        return noun, noun_form(noun)

    def adjective_noun():
        adjective, noun = rng.choice(adjectives), rng.choice(nouns)
        return f"{adjective} {noun}", lambda r: f"{adjective} {noun_form(noun)(r)}"

    def noun_of_noun():
        head, dependent = rng.choice(nouns), rng.choice(nouns)
        return f"{head} of {dependent}", lambda r: f"{r.choice((head, _en_plural(head)))} of {dependent}"

    return _assemble(rng, count, "en", EN_FILLER, [(0.25, single), (0.40, adjective_noun), (0.25, noun_of_noun)],
                     acronym_letters="BCDFGKLMNPRSTVZ", acronym_suffixes=("", "'s"))


# --------------------------------------------------------------------------- Russian

RU_FILLER = ["и", "в", "на", "что", "это", "как", "он", "она", "они", "был", "была", "было", "будет", "сказал", "заявил", "отметил", "сегодня", "вчера", "также", "однако", "после", "перед", "между", "около", "более", "менее", "год", "года", "году", "страны", "правительство", "министр", "встреча", "переговоры", "новый", "первый", "второй", "по", "словам", "его", "её", "их"]
RU_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _ru_dictionary(limit: int) -> tuple[list, list]:
    """Nouns and adjectives (pymorphy3 parses of normal forms), sampled across the dictionary."""
    from tmkit.lang.ru import morph_analyzer

    morph = morph_analyzer()
    skip = {"Name", "Surn", "Patr", "Geox", "Abbr", "Orgn", "Trad", "Init", "Pltm", "Sgtm", "Fixd"}
    nouns, adjectives = {}, {}
    for first, second in itertools.product("абвгдежзиклмнопрстуфхцчшэя", "аеиоуяылнрст"):
        for taken, (word, tag, _normal, _para, index) in enumerate(
                morph.dictionary.iter_known_words(first + second)):
            if taken > limit:
                break
            if index != 0 or len(word) < 4 or "-" in word or skip & set(tag.grammemes):
                continue
            if tag.POS == "NOUN" and word not in nouns:
                nouns[word] = morph.parse(word)[0]
            elif tag.POS == "ADJF" and word not in adjectives:
                adjectives[word] = morph.parse(word)[0]
    return list(nouns.values()), list(adjectives.values())


def _ru_inflect(parse, grammemes: set[str]) -> str:
    form = parse.inflect(grammemes)
    return form.word if form is not None else parse.word


def build_ru(rng: random.Random, count: int) -> Corpus:
    nouns, adjectives = _ru_dictionary(1200)
    kept = set(_apart("ru", {parse.word for parse in nouns + adjectives}, RU_FILLER))
    nouns = [parse for parse in nouns if parse.word in kept]
    adjectives = [parse for parse in adjectives if parse.word in kept]

    def noun_form(noun) -> Form:
        return lambda r: _ru_inflect(noun, {r.choice(RU_CASES), r.choice(("sing", "sing", "plur"))})

    def adj_noun_form(adj, noun) -> Form:
        def form(r: random.Random) -> str:
            case, number = r.choice(RU_CASES), r.choice(("sing", "sing", "plur"))
            head = noun.inflect({case, number})
            if head is None:
                return f"{adj.word} {noun.word}"
            agree = {case, "plur"} if number == "plur" else {case, head.tag.gender or "masc"}
            return f"{_ru_inflect(adj, agree)} {head.word}"
        return form

    def genitive_pair(head, dependent):
        genitive = _ru_inflect(dependent, {"gent"})
        return f"{head.word} {genitive}", lambda r: f"{_ru_inflect(head, {r.choice(RU_CASES)})} {genitive}"

    def single():
        noun = rng.choice(nouns)
        return noun.word, noun_form(noun)

    def adjective_noun():
        adjective, noun = rng.choice(adjectives), rng.choice(nouns)
        return f"{adjective.word} {noun.word}", adj_noun_form(adjective, noun)

    return _assemble(rng, count, "ru", RU_FILLER,
                     [(0.25, single), (0.40, adjective_noun),
                      (0.25, lambda: genitive_pair(rng.choice(nouns), rng.choice(nouns)))],
                     acronym_letters="БВГДКЛМНПРСТФ", acronym_suffixes=("",))


# --------------------------------------------------------------------------- Azerbaijani

AZ_CONS = "bcçdfghjlmnprsştvxyz"
AZ_END = "bcçdfglmnprsştvxz"
AZ_BACK, AZ_FRONT = "aıou", "əeiöü"
AZ_FILLER = ["və", "bu", "ki", "o", "bir", "ilə", "üçün", "sonra", "əvvəl", "dedi", "bildirdi", "qeyd", "etdi", "bu", "gün", "dünən", "həmçinin", "lakin", "il", "ildə", "ölkə", "hökumət", "nazir", "görüş", "danışıqlar", "yeni", "birinci", "ikinci", "onun", "onların"]


def _az_stem(rng: random.Random) -> str:
    vowels = rng.choice((AZ_BACK, AZ_FRONT))
    return "".join(rng.choice(AZ_CONS) + rng.choice(vowels) for _ in range(rng.randint(1, 2))) + rng.choice(AZ_END)


def _harmony(word: str) -> tuple[str, str]:
    """(two-way vowel a/ə, four-way vowel ı/i/u/ü) for a suffix after ``word``."""
    last = next(c for c in reversed(word) if c in AZ_BACK + AZ_FRONT)
    two = "a" if last in AZ_BACK else "ə"
    four = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "ə": "i", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[last]
    return two, four


def _az_case(word: str, rng: random.Random) -> str:
    """``word`` (ending in a consonant) with a random plural and/or case suffix."""
    two, four = _harmony(word)
    if rng.random() < 0.3:
        word += "l" + two + "r"
        two, four = _harmony(word)
    return word + rng.choice(("", "", four + "n", two, "d" + two, "d" + two + "n"))


def _az_possessed(word: str, rng: random.Random) -> str:
    """Izafet head: ``word`` + possessive (+ plural before it) + a case after the possessive."""
    two, four = _harmony(word)
    if rng.random() < 0.3:
        word += "l" + two + "r"
        two, four = _harmony(word)
    return word + four + rng.choice(("", "n" + four + "n", "n" + two, "nd" + two, "nd" + two + "n"))


def build_az(rng: random.Random, count: int) -> Corpus:
    nouns = _apart("az", {_az_stem(rng) for _ in range(count)}, AZ_FILLER)

    def izafet():
        modifier, head = rng.choice(nouns), rng.choice(nouns)
        return f"{modifier} {head}{_harmony(head)[1]}", lambda r: f"{modifier} {_az_possessed(head, r)}"

    def single():
        noun = rng.choice(nouns)
        return noun, lambda r: _az_case(noun, r)

    def modifier_noun():
        modifier, noun = rng.choice(nouns), rng.choice(nouns)
        return f"{modifier} {noun}", lambda r: f"{modifier} {_az_case(noun, r)}"

    return _assemble(rng, count, "az", AZ_FILLER, [(0.30, single), (0.40, izafet), (0.20, modifier_noun)],
                     acronym_letters="BÇDGKLMNPQRSTVX", acronym_suffixes=("", "-nin", "-da", "-ya", "'ya"))


# --------------------------------------------------------------------------- shared


def _apart(lang: str, words: set[str], filler: list[str]) -> list[str]:
    """``words`` whose keys share nothing with the filler's: a random stem such as "yen"
    would otherwise be a real form of the filler word "yeni" and every hit on it noise."""
    language = get_language(lang)
    taken = set().union(*(language.keys(word) for word in filler))
    return sorted(word for word in words if taken.isdisjoint(language.keys(word)))


def _assemble(rng: random.Random, count: int, lang: str, filler: list[str], kinds, *,
              acronym_letters: str, acronym_suffixes: tuple[str, ...]) -> Corpus:
    """``count`` concepts from the weighted term kinds plus the remaining share of acronyms."""
    concepts: list[Concept] = []
    forms: list[Form] = []
    seen: set[str] = set()
    weights = [weight for weight, _ in kinds]
    acronym_share = 1.0 - sum(weights)
    while len(concepts) < count:
        if rng.random() < acronym_share:
            text = "".join(rng.choice(acronym_letters) for _ in range(rng.randint(3, 4)))
            def form(r, t=text):
                return t + r.choice(acronym_suffixes)
        else:
            make = rng.choices([make for _, make in kinds], weights)[0]
            text, form = make()
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        concepts.append(Concept(f"{lang}{len(concepts):05d}", (Term(text, lang),)))
        forms.append(form)
    return Corpus(concepts, forms, filler)


def make_text(corpus: Corpus, rng: random.Random, megabytes: float) -> tuple[str, int]:
    """Sentences of filler words with one or two inflected terms each; returns (text, planted)."""
    parts: list[str] = []
    size = 0
    planted = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        words = rng.choices(corpus.filler, k=rng.randint(6, 14))
        for _ in range(rng.choice((1, 1, 2))):
            words.insert(rng.randrange(len(words) + 1), rng.choice(corpus.forms)(rng))
            planted += 1
        sentence = " ".join(words)
        sentence = sentence[0].upper() + sentence[1:] + rng.choice((". ", ". ", ", ", "; ")) \
            + ("\n" if rng.random() < 0.2 else "")
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts), planted


WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def baseline_index(concepts: list[Concept]) -> tuple[dict[str, str], int]:
    index = {}
    for concept in concepts:
        for term in concept.terms:
            index[" ".join(WORD.findall(term.text.lower()))] = concept.id
    return index, max(key.count(" ") + 1 for key in index)


def baseline_scan(text: str, index: dict[str, str], longest: int) -> int:
    """Count of windows of 1..``longest`` lowercase word tokens that equal a term."""
    tokens = WORD.findall(text.lower())
    hits = 0
    for i in range(len(tokens)):
        for n in range(1, longest + 1):
            if " ".join(tokens[i:i + n]) in index:
                hits += 1
    return hits


def timed(function: Callable[[], object]) -> tuple[float, object]:
    """CPU seconds of this process spent in ``function`` (see the module docstring), and its result."""
    start = time.process_time()
    result = function()
    return time.process_time() - start, result


def run(lang: str, builder, concepts: int, megabytes: float, repeat: int, seed: int) -> list[str]:
    rng = random.Random(f"{seed}-{lang}")
    corpus = builder(rng, concepts)
    text, planted = make_text(corpus, rng, megabytes)
    words = len(text.split())
    compile_s, glossary = timed(lambda: Glossary(corpus.concepts))
    compile_m, _ = timed(lambda: glossary.matcher(lang))
    first_s, hits = timed(lambda: glossary.find_terms(text, lang))
    warm_s = min(timed(lambda: glossary.find_terms(text, lang))[0] for _ in range(repeat))
    index_s, (index, longest) = timed(lambda: baseline_index(corpus.concepts))
    base_s = min(timed(lambda: baseline_scan(text, index, longest))[0] for _ in range(repeat))
    base_hits = baseline_scan(text, index, longest)
    return [lang, f"{len(corpus.concepts):,}", f"{len(text.encode('utf-8')) / 1e6:.2f}", f"{words:,}",
            f"{compile_s + compile_m:.2f}", f"{first_s:.2f}", f"{words / warm_s:,.0f}",
            f"{len(hits):,}", f"{planted:,}", f"{words / base_s:,.0f}", f"{base_hits:,}",
            f"{base_s / warm_s:.2f}"]


BUILDERS = {"en": build_en, "ru": build_ru, "az": build_az}
HEADER = ["lang", "concepts", "MB", "words", "compile s", "1st pass s", "warm words/s",
          "hits", "planted", "baseline w/s", "base hits", "speed vs base"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concepts", type=int, default=20_000)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lang", action="append", choices=list(BUILDERS))
    args = parser.parse_args()
    rows = [HEADER]
    for lang in args.lang or list(BUILDERS):
        rows.append(run(lang, BUILDERS[lang], args.concepts, args.megabytes, args.repeat, args.seed))
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    for row in rows:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    print("\nwarm = best of --repeat passes after the first; speed vs base > 1 means faster than the "
          "plain lowercase window scan, which finds only citation forms (base hits).")


if __name__ == "__main__":
    main()
