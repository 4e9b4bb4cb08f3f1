"""Benchmark: ``tmkit check`` throughput beside Translate Toolkit's pofilter on the same PO file.

Usage::

    .venv/bin/python bench/check.py                  # 50,000 pairs, 1,000-concept glossary
    .venv/bin/python bench/check.py --pairs 5000     # a quick smoke run

Generates (deterministically, into bench/data/) a PO catalog of news-length en->ru pairs
with figures, glossary terms, names and quotes, about 3 % of them carrying a seeded error,
plus a CSV glossary of 1,000 concepts. Then measures, in this one run:

- tmkit:    the library call behind ``tmkit check`` with every rule, the glossary, and the
            JSON reporter writing to /dev/null (reading the PO and loading the glossary included);
- pofilter: Translate Toolkit's ``pofilter`` with its default checks on the same PO, run as a
            subprocess (translate-toolkit is GPL: tmkit never imports it; install it for the
            bench only with ``pip install translate-toolkit``).

Prints units/s of both and the ratio. Throughput is computed from CPU time (user + system of
each process), which other load on a shared machine disturbs far less than wall-clock time;
wall seconds are printed too. Target: tmkit >= 10x pofilter.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SEED = 20261127

# Head nouns (en, ru nominative, ru gender) and modifiers (en, ru genitive) of the synthetic
# glossary: 40 x 25 = 1,000 two-word concepts such as "energy committee" / "комитет энергетики".
HEADS = [
    ("committee", "комитет"), ("agency", "агентство"), ("council", "совет"), ("fund", "фонд"),
    ("ministry", "министерство"), ("service", "служба"), ("commission", "комиссия"), ("office", "бюро"),
    ("board", "правление"), ("department", "департамент"), ("authority", "ведомство"), ("centre", "центр"),
    ("programme", "программа"), ("strategy", "стратегия"), ("reform", "реформа"), ("policy", "политика"),
    ("market", "рынок"), ("index", "индекс"), ("report", "доклад"), ("forum", "форум"),
    ("summit", "саммит"), ("treaty", "договор"), ("corridor", "коридор"), ("zone", "зона"),
    ("network", "сеть"), ("register", "реестр"), ("tribunal", "трибунал"), ("institute", "институт"),
    ("mission", "миссия"), ("union", "союз"), ("bank", "банк"), ("exchange", "биржа"),
    ("terminal", "терминал"), ("port", "порт"), ("hub", "узел"), ("channel", "канал"),
    ("platform", "платформа"), ("initiative", "инициатива"), ("project", "проект"), ("plan", "план"),
]
MODIFIERS = [
    ("energy", "энергетики"), ("transport", "транспорта"), ("trade", "торговли"), ("security", "безопасности"),
    ("health", "здравоохранения"), ("education", "образования"), ("finance", "финансов"),
    ("agriculture", "сельского хозяйства"), ("water", "водоснабжения"), ("culture", "культуры"),
    ("tourism", "туризма"), ("migration", "миграции"), ("defence", "обороны"), ("justice", "юстиции"),
    ("labour", "труда"), ("housing", "жилья"), ("telecom", "связи"), ("customs", "таможни"),
    ("climate", "климата"), ("aviation", "авиации"), ("railway", "железных дорог"), ("oil", "нефти"),
    ("gas", "газа"), ("grain", "зерна"), ("shipping", "судоходства"),
]
NAMES = [("Aliyev", "Алиев"), ("Pashinyan", "Пашинян"), ("Lavrov", "Лавров"), ("Bayramov", "Байрамов"),
         ("Mirzoyan", "Мирзоян"), ("Ivanov", "Иванов"), ("Kuznetsov", "Кузнецов")]
DAYS = [("Monday", "в понедельник"), ("Tuesday", "во вторник"), ("Wednesday", "в среду"),
        ("Thursday", "в четверг"), ("Friday", "в пятницу")]


def concepts() -> list[tuple[str, str]]:
    return [(f"{mod_en} {head_en}", f"{head_ru} {mod_ru}") for head_en, head_ru in HEADS for mod_en, mod_ru in MODIFIERS]


def write_glossary(path: Path) -> None:
    rows = ["concept,lang,term,status,part_of_speech,note,definition"]
    for index, (en, ru) in enumerate(concepts(), start=1):
        rows.append(f"c{index:04d},en,{en},preferred,noun,,")
        rows.append(f"c{index:04d},ru,{ru},preferred,noun,,")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def _thousands(value: int) -> tuple[str, str]:
    return f"{value:,}", f"{value:,}".replace(",", "\u00a0")


def pair(rng: random.Random, terms: list[tuple[str, str]]) -> tuple[str, str]:
    """One news-length pair (20-35 words) with figures, a term, a name and often a quote."""
    term_en, term_ru = rng.choice(terms)
    name_en, name_ru = rng.choice(NAMES)
    day_en, day_ru = rng.choice(DAYS)
    people = rng.randrange(1_000, 900_000)
    people_en, people_ru = _thousands(people)
    share = f"{rng.randrange(1, 99)}.{rng.randrange(1, 9)}"
    year = rng.randrange(1991, 2026)
    kind = rng.randrange(4)
    if kind == 0:
        return (f"The {term_en} said on {day_en} that {people_en} people had applied for support in {year}, "
                f"about {share}% more than a year earlier, minister {name_en} told reporters.",
                f"{term_ru.capitalize()} {day_ru} сообщил, что в {year} году за поддержкой обратились "
                f"{people_ru} человек, примерно на {share.replace('.', ',')} % больше, чем годом ранее, "
                f"рассказал журналистам министр {name_ru}.")
    if kind == 1:
        billions = rng.randrange(2, 40)
        years_en, years_ru = rng.choice([("three", "три года"), ("five", "пять лет")])
        return (f'Minister {name_en} called the plan of the {term_en} "a reasonable compromise" and said '
                f"it would cost USD {billions} billion over {years_en} years.",
                f"Министр {name_ru} назвал план, который подготовил {term_ru}, «разумным компромиссом» и "
                f"заявил, что он обойдётся в {billions} млрд долларов за {years_ru}.")
    if kind == 2:
        return (f"Will the {term_en} publish its {year} figures before the vote on {day_en}?",
                f"Опубликует ли {term_ru} данные за {year} год до голосования {day_ru}?")
    return (f"According to the {term_en}, inflation slowed to {share}% in {year}, while exports rose "
            f"to {people_en} tonnes, the highest level since records began.",
            f"По данным, которые привёл {term_ru}, инфляция в {year} году замедлилась до "
            f"{share.replace('.', ',')} %, а экспорт вырос до {people_ru} тонн, максимума за всю историю наблюдений.")


def seed_error(rng: random.Random, target: str) -> str:
    """A realistic slip: a changed figure, a dropped question mark, or a doubled word."""
    kind = rng.randrange(3)
    if kind == 0:
        for digit in "123456789":
            if digit in target:
                return target.replace(digit, str((int(digit) % 9) + 1), 1)
    if kind == 1 and target.endswith("?"):
        return target[:-1] + "."
    words = target.split(" ")
    index = rng.randrange(1, len(words) - 1)
    return " ".join(words[:index] + [words[index]] + words[index:])


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(path: Path, count: int) -> None:
    rng = random.Random(SEED)
    terms = concepts()
    lines = ['msgid ""', 'msgstr ""', '"Language: ru\\n"', '"MIME-Version: 1.0\\n"',
             '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"', ""]
    for index in range(count):
        source, target = pair(rng, terms)
        if rng.random() < 0.03:
            target = seed_error(rng, target)
        lines += [f"#: news/{index // 40:05d}.md:{index % 40 + 1}", f"msgctxt \"p{index}\"",
                  f"msgid {_po_string(source)}", f"msgstr {_po_string(target)}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def time_tmkit(po: Path, glossary: Path) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, units, findings) of the library call behind ``tmkit check``."""
    from tmkit.config import Config
    from tmkit.qa.reporters import render
    from tmkit.workflows.check import CheckOptions, run_check

    wall, cpu = time.perf_counter(), time.process_time()
    report = run_check([po], CheckOptions(src_lang="en", tgt_lang="ru", glossary=glossary), Config())
    with open("/dev/null", "w", encoding="utf-8") as sink:
        sink.write(render(report, "json"))
    return (time.perf_counter() - wall, time.process_time() - cpu, report.summary()["units"],
            len(report.findings))


def time_pofilter(po: Path) -> tuple[float, float, int] | None:
    """(wall seconds, CPU seconds of the child, units flagged) of pofilter's default checks."""
    exe = shutil.which("pofilter") or str(Path(sys.executable).with_name("pofilter"))
    if not Path(exe).exists():
        return None
    out = DATA / "bench_check_pofilter_out.po"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run([exe, "--progress=none", str(po), str(out)], check=True, capture_output=True)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    flagged = out.read_text(encoding="utf-8").count("(pofilter)") if out.exists() else 0
    return wall, cpu, flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=50_000)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    po = DATA / f"bench_check_{args.pairs}.po"
    glossary = DATA / "bench_check_glossary.csv"
    if not po.exists():
        write_po(po, args.pairs)
    write_glossary(glossary)
    tm_wall, tm_cpu, units, findings = time_tmkit(po, glossary)
    print(f"{'tool':<10} {'units':>8} {'wall s':>8} {'CPU s':>8} {'units/s (CPU)':>14}  notes")
    print(f"{'tmkit':<10} {units:>8} {tm_wall:>8.2f} {tm_cpu:>8.2f} {units / tm_cpu:>14.0f}  "
          f"{findings} findings, all rules, 1,000-concept glossary, JSON to /dev/null")
    result = time_pofilter(po)
    if result is None:
        print("pofilter   not installed: pip install translate-toolkit (bench-only, GPL, never imported)")
        return
    pf_wall, pf_cpu, flagged = result
    print(f"{'pofilter':<10} {units:>8} {pf_wall:>8.2f} {pf_cpu:>8.2f} {units / pf_cpu:>14.0f}  "
          f"{flagged} test failures, default checks")
    print(f"ratio tmkit/pofilter throughput (CPU time): {pf_cpu / tm_cpu:.1f}x (target >= 10x)")


if __name__ == "__main__":
    main()
