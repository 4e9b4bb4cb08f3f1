"""``tmkit check`` and ``tmkit lint`` from the command line: inputs, formats, exit codes, baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tmkit.cli.main import main

PO = '''msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The pipeline will carry 1,700 tonnes a day."
msgstr "Трубопровод будет перекачивать 1 600 тонн в сутки."

msgid "Inflation slowed to 2.5% in March."
msgstr "Инфляция в марте замедлилась до 2,5 %."
'''

CLEAN_PO = '''msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Inflation slowed to 2.5% in March."
msgstr "Инфляция в марте замедлилась до 2,5 %."
'''

XLIFF = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.md" source-language="en" target-language="az" datatype="plaintext">
  <body>
   <trans-unit id="u1">
    <source>Read the <g id="1">full statement</g> now.</source>
    <target>Bəyanatın tam mətnini indi oxuyun.</target>
   </trans-unit>
   <trans-unit id="u2">
    <source>The war ended in 1994.</source>
    <target>Müharibə 1993-cü ildə başa çatıb.</target>
    <note>tmkit: ignore number-mismatch -- the source is wrong, confirmed with the author</note>
   </trans-unit>
  </body>
 </file>
</xliff>
'''

TMX = '''<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" datatype="plaintext"/><body>
<tu tuid="t1"><tuv xml:lang="en"><seg>Prices rose by 35%.</seg></tuv>
 <tuv xml:lang="ru"><seg>Цены выросли на 35 %.</seg></tuv>
 <tuv xml:lang="az"><seg>Qiymətlər 36 faiz artıb.</seg></tuv></tu>
</body></tmx>
'''


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty folder as working directory, so the repository's tmkit.toml is not picked up."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args, capsys):
    with pytest.raises(SystemExit) as exited:
        main(args)
    out = capsys.readouterr()
    return exited.value.code, out.out, out.err


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path.name)


def test_po_with_seeded_error_exits_1_with_json_fields(workdir, capsys):
    code, out, _ = run(["check", write(workdir / "news.po", PO), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    [finding] = data["findings"]
    assert finding["rule"] == "number-mismatch" and finding["line"] == 6
    assert (finding["file"], finding["src_lang"], finding["tgt_lang"]) == ("news.po", "en", "ru")


def test_clean_file_exits_0(workdir, capsys):
    code, out, _ = run(["check", write(workdir / "ok.po", CLEAN_PO)], capsys)
    assert code == 0 and "0 finding(s)" in out


def test_xliff_missing_code_is_found_and_noted_suppression_holds(workdir, capsys):
    code, out, _ = run(["check", write(workdir / "a.xlf", XLIFF), "--format", "json"], capsys)
    assert code == 1
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["code-missing"]


def test_tmx_checks_every_target_language(workdir, capsys):
    code, out, _ = run(["check", write(workdir / "m.tmx", TMX), "--format", "json"], capsys)
    data = json.loads(out)
    assert data["files"][0]["tgt_langs"] == ["ru", "az"]
    assert [(f["rule"], f["tgt_lang"]) for f in data["findings"]] == [("number-mismatch", "az")]


def test_tsv_pairs_take_languages_from_header(workdir, capsys):
    name = write(workdir / "pairs.tsv", "en\tru\nThe talks ended.\tПереговоры завершились?\n")
    code, out, _ = run(["check", name, "--format", "json", "--fail-on", "warning"], capsys)
    assert code == 1 and json.loads(out)["findings"][0]["rule"] == "end-punctuation"


def test_fail_on_never_exits_0_despite_errors(workdir, capsys):
    code, _, _ = run(["check", write(workdir / "news.po", PO), "--fail-on", "never"], capsys)
    assert code == 0


def test_missing_file_exits_2(workdir, capsys):
    code, _, err = run(["check", "absent.po"], capsys)
    assert code == 2 and "absent.po" in err


def test_unknown_rule_flag_exits_2(workdir, capsys):
    code, _, err = run(["check", write(workdir / "news.po", PO), "--disable", "nonsense"], capsys)
    assert code == 2 and "nonsense" in err


def test_missing_glossary_flag_exits_2(workdir, capsys):
    code, _, err = run(["check", write(workdir / "news.po", PO), "--glossary", "none.tbx"], capsys)
    assert code == 2 and "none.tbx" in err


def test_glossary_flag_enables_terminology(workdir, capsys):
    write(workdir / "g.csv", "concept,lang,term,status\nc1,en,pipeline,preferred\nc1,ru,трубопровод,preferred\n")
    po = PO.replace("Трубопровод", "Газопровод").replace("1 600", "1 700")
    code, out, _ = run(["check", write(workdir / "n.po", po), "--glossary", "g.csv", "--format", "json"], capsys)
    assert code == 1 and [f["rule"] for f in json.loads(out)["findings"]] == ["term-missing"]


def test_russian_preposition_is_not_read_as_a_glossary_noun(workdir, capsys):
    # «после» (after) is also, very rarely, the locative of «посол» (ambassador)
    write(workdir / "g.csv", "concept,lang,term,status\nc1,ru,посол,preferred\nc1,en,ambassador,preferred\n")
    write(workdir / "p.csv", "source,target\nПосле встречи министры уехали.,After the meeting the ministers left.\n")
    code, out, _ = run(["check", "p.csv", "--src-lang", "ru", "--tgt-lang", "en", "--glossary", "g.csv",
                        "--format", "json"], capsys)
    assert json.loads(out)["findings"] == [] and code == 0


def test_tm_flag_reports_deviation_from_memory(workdir, capsys):
    write(workdir / "mem.tmx", TMX.replace("Цены выросли на 35 %.", "Цены поднялись на 35 %."))
    code, out, _ = run(["check", write(workdir / "m.tmx", TMX), "--tm", "mem.tmx", "--tgt-lang", "ru",
                        "--format", "json"], capsys)
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["tm-inconsistent"]


def test_sarif_output_to_file(workdir, capsys):
    code, out, _ = run(["check", write(workdir / "news.po", PO), "--format", "sarif", "-o", "r.sarif"], capsys)
    sarif = json.loads((workdir / "r.sarif").read_text(encoding="utf-8"))
    assert code == 1 and out == ""
    assert sarif["runs"][0]["results"][0]["ruleId"] == "number-mismatch"


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
@pytest.mark.parametrize("where", ["missing/dir/r.out", "existing_dir"])
def test_report_or_baseline_that_cannot_be_written_is_a_usage_error(workdir, capsys, option, where):
    (workdir / "existing_dir").mkdir()
    code, _, err = run(["check", write(workdir / "news.po", CLEAN_PO), option, where], capsys)
    assert code == 2 and "cannot write here" in err and "Traceback" not in err
    assert sorted(p.name for p in (workdir / "existing_dir").iterdir()) == []
    assert [p.name for p in workdir.iterdir() if p.name.endswith(".tmp")] == []


def test_write_baseline_then_baseline_hides_known_findings(workdir, capsys):
    name = write(workdir / "news.po", PO)
    code, _, err = run(["check", name, "--write-baseline", "base.json"], capsys)
    assert code == 0 and "1 finding" in err
    code, out, _ = run(["check", name, "--baseline", "base.json", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["summary"]["baselined"] == 1


def test_configured_baseline_matches_from_a_subfolder(workdir, capsys, monkeypatch):
    write(workdir / "tmkit.toml", '[check]\nbaseline = "base.json"\n')
    (workdir / "desk").mkdir()
    write(workdir / "desk" / "news.po", PO)
    code, _, _ = run(["check", "desk/news.po", "--write-baseline", "base.json"], capsys)
    monkeypatch.chdir(workdir / "desk")
    code, out, _ = run(["check", "news.po", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["summary"]["baselined"] == 1


def test_baseline_still_fails_on_new_findings(workdir, capsys):
    name = write(workdir / "news.po", PO)
    run(["check", name, "--write-baseline", "base.json"], capsys)
    write(workdir / "news.po", PO.replace("2,5 %", "3,5 %"))
    code, out, _ = run(["check", name, "--baseline", "base.json", "--format", "json"], capsys)
    assert code == 1 and json.loads(out)["findings"][0]["target"].startswith("Инфляция")


def test_configured_baseline_and_fail_on_are_used(workdir, capsys):
    name = write(workdir / "news.po", PO)
    write(workdir / "tmkit.toml", '[check]\nfail_on = "never"\n')
    code, _, _ = run(["check", name], capsys)
    assert code == 0


def test_list_prints_catalogue(workdir, capsys):
    code, out, _ = run(["check", "--list"], capsys)
    assert code == 0 and out.splitlines()[0].startswith("term-forbidden")


def test_list_as_json(workdir, capsys):
    _, out, _ = run(["check", "--list", "--format", "json"], capsys)
    assert {"id", "category", "severity", "summary"} <= set(json.loads(out)[0])


def test_github_format_prints_workflow_commands(workdir, capsys):
    _, out, _ = run(["check", write(workdir / "news.po", PO), "--format", "github"], capsys)
    assert out.startswith("::error file=news.po,line=6,title=number-mismatch::")


def test_lint_finds_bilingual_files_and_reports_once(workdir, capsys):
    (workdir / "l10n").mkdir()
    write(workdir / "l10n" / "news.po", PO)
    write(workdir / "l10n" / "a.xlf", XLIFF)
    write(workdir / "l10n" / "notes.txt", "not a translation")
    code, out, _ = run(["lint", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert sorted(f["path"] for f in data["files"]) == ["l10n/a.xlf", "l10n/news.po"]


def test_lint_respects_exclude_and_languages(workdir, capsys):
    (workdir / "old").mkdir()
    write(workdir / "old" / "news.po", PO)
    write(workdir / "a.xlf", XLIFF)
    write(workdir / "tmkit.toml", '[lint]\nexclude = ["old/**"]\nlanguages = ["ru"]\n')
    code, out, _ = run(["lint", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["files"] == []


def test_lint_of_missing_folder_exits_2(workdir, capsys):
    code, _, err = run(["lint", "nowhere"], capsys)
    assert code == 2 and "nowhere" in err


def test_tmx_srclang_wins_over_configured_source_language(workdir, capsys):
    ru_en = TMX.replace('srclang="en"', 'srclang="ru"').replace(
        '<tuv xml:lang="az"><seg>Qiymətlər 36 faiz artıb.</seg></tuv>', '')
    write(workdir / "tmkit.toml", 'source_lang = "en"\n')
    _, out, _ = run(["check", write(workdir / "m.tmx", ru_en), "--format", "json"], capsys)
    assert json.loads(out)["files"][0]["src_lang"] == "ru"


def test_check_without_files_is_a_usage_error(workdir, capsys):
    code, _, err = run(["check"], capsys)
    assert code == 2 and "no input files" in err


def test_lint_passes_by_csv_glossaries(workdir, capsys):
    write(workdir / "terms.csv", "concept,lang,term\nc1,en,pipeline\nc1,ru,трубопровод\n")
    write(workdir / "pairs.csv", "en,ru\nThe talks ended.,Переговоры завершились.\n")
    code, out, _ = run(["lint", "--format", "json"], capsys)
    assert code == 0 and [f["path"] for f in json.loads(out)["files"]] == ["pairs.csv"]


SOURCE_MD = """# Ferry line opens

The ferry will carry 1,700 tonnes. It sails on Monday.

The port said the ferry was ready.
"""

TARGET_MD = """# Паромная линия открывается

Паром будет перевозить 1 500 тонн.

<!-- tmkit: ignore end-punctuation -- the desk asked for a question here -->
В порту сообщили, что паром готов?
"""


def test_article_pair_is_aligned_and_checked(workdir, capsys):
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    code, out, _ = run(["check", "ferry.ru.md", "--src-lang", "en", "--format", "json"], capsys)
    found = [(f["rule"], f["line"]) for f in json.loads(out)["findings"]]
    assert code == 1
    assert ("number-mismatch", 3) in found and ("sentence-omitted", 3) in found
    assert not [rule for rule, _ in found if rule in ("end-punctuation", "target-empty")]


def test_article_pair_with_source_option(workdir, capsys):
    (workdir / "src").mkdir()
    write(workdir / "src" / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD.replace("1 500", "1 700"))
    code, out, _ = run(["check", "--source", "src/ferry.en.md", "--target", "ferry.ru.md", "--format", "json"],
                       capsys)
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["sentence-omitted"]


def test_sentence_only_the_translation_has_is_reported_as_added_with_its_line(workdir, capsys):
    write(workdir / "ferry.en.md", SOURCE_MD)
    added = TARGET_MD.replace("1 500 тонн.", "1 700 тонн. Он отправится в понедельник.").replace(
        "готов?", "готов. Пассажиров пока не будет: билеты поступят в продажу весной.")
    write(workdir / "ferry.ru.md", added.replace("<!-- tmkit: ignore end-punctuation -- the desk asked for a question here -->\n", ""))
    code, out, _ = run(["check", "ferry.ru.md", "--src-lang", "en", "--format", "json", "--fail-on", "warning"], capsys)
    found = [(f["rule"], f["line"]) for f in json.loads(out)["findings"]]
    assert found == [("sentence-added", 5)] and code == 1


def test_article_without_source_beside_it_is_a_usage_error(workdir, capsys):
    write(workdir / "ferry.ru.md", TARGET_MD)
    code, _, err = run(["check", "ferry.ru.md", "--src-lang", "en"], capsys)
    assert code == 2 and "ferry.en.md" in err


def test_lint_finds_translated_articles_but_not_sources_or_readmes(workdir, capsys):
    write(workdir / "tmkit.toml", 'source_lang = "en"\n')
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    write(workdir / "README.md", "# Notes\n")
    write(workdir / "draft.az.md", "# Qaralama\n")
    _, out, _ = run(["lint", "--format", "json"], capsys)
    assert [f["path"] for f in json.loads(out)["files"]] == ["ferry.ru.md"]


def test_lint_without_a_source_language_refuses_rather_than_passing_articles_unchecked(workdir, capsys):
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    code, _, err = run(["lint"], capsys)
    assert code == 2 and "source language is not configured" in err and "--src-lang" in err
    code, out, _ = run(["lint", "--src-lang", "en", "--format", "json"], capsys)
    assert [f["path"] for f in json.loads(out)["files"]] == ["ferry.ru.md"]


def test_lint_without_a_source_language_still_passes_a_lone_readme(workdir, capsys):
    write(workdir / "README.md", "# Notes\n")
    code, _, _ = run(["lint"], capsys)
    assert code == 0


def test_lint_with_a_source_language_that_is_no_language_code_is_a_usage_error(workdir, capsys):
    write(workdir / "tmkit.toml", 'source_lang = "english"\n')
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    code, _, err = run(["lint"], capsys)
    assert code == 2 and "english" in err


def test_lint_with_a_regional_source_language_finds_the_articles_named_by_its_base(workdir, capsys):
    write(workdir / "tmkit.toml", 'source_lang = "en-US"\n')
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    _, out, _ = run(["lint", "--format", "json"], capsys)
    assert [f["path"] for f in json.loads(out)["files"]] == ["ferry.ru.md"]


def test_lint_refuses_articles_none_of_whose_versions_is_in_the_source_language(workdir, capsys):
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    code, _, err = run(["lint", "--src-lang", "fr"], capsys)
    assert code == 2 and "source language fr" in err


def test_lint_given_only_an_edited_source_article_checks_its_translations(workdir, capsys):
    write(workdir / "tmkit.toml", 'source_lang = "en"\n')
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    _, out, _ = run(["lint", "ferry.en.md", "--format", "json"], capsys)
    assert [f["path"] for f in json.loads(out)["files"]] == ["ferry.ru.md"]


def test_po_translator_comment_suppresses_with_reason(workdir, capsys):
    po = PO.replace('msgid "The pipeline', '# tmkit: ignore number-mismatch -- the desk corrected the figure\nmsgid "The pipeline')
    code, out, _ = run(["check", write(workdir / "news.po", po), "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["findings"] == []


def test_tmx_note_suppresses_for_that_unit_only(workdir, capsys):
    tmx = TMX.replace('<tu tuid="t1">', '<tu tuid="t1"><note>tmkit: ignore * -- figures checked by the desk</note>')
    code, out, _ = run(["check", write(workdir / "m.tmx", tmx), "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["findings"] == []


def test_configured_baseline_is_applied_when_present(workdir, capsys):
    name = write(workdir / "news.po", PO)
    run(["check", name, "--write-baseline", "known.json"], capsys)
    write(workdir / "tmkit.toml", '[check]\nbaseline = "known.json"\n')
    code, out, _ = run(["check", name, "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["summary"]["baselined"] == 1


def test_path_override_changes_severity_for_matching_files(workdir, capsys):
    (workdir / "legacy").mkdir()
    write(workdir / "legacy" / "news.po", PO)
    write(workdir / "tmkit.toml", '[[check.overrides]]\npaths = ["legacy/**"]\nseverity = {"number-mismatch" = "info"}\n')
    code, out, _ = run(["check", "legacy/news.po", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["findings"][0]["severity"] == "info"


def test_invalid_language_code_is_a_usage_error_before_reading(workdir, capsys):
    code, _, err = run(["check", write(workdir / "m.tmx", TMX), "--src-lang", "english"], capsys)
    assert code == 2 and "invalid language code 'english'" in err


def test_memory_without_the_requested_languages_is_refused_not_passed(workdir, capsys):
    code, _, err = run(["check", write(workdir / "m.tmx", TMX), "--src-lang", "fr"], capsys)
    assert code == 2 and "no unit pairs" in err


def test_lint_given_files_as_pre_commit_passes_them_skips_sources_and_glossaries(workdir, capsys):
    write(workdir / "tmkit.toml", 'source_lang = "en"\n[lint]\nexclude = ["reports/**"]\n')
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    write(workdir / "terms.csv", "concept,lang,term\nc1,en,pipeline\nc1,ru,трубопровод\n")
    (workdir / "reports").mkdir()
    write(workdir / "reports" / "review.tsv", "kind\tsource\n")
    _, out, _ = run(["lint", "ferry.en.md", "ferry.ru.md", "terms.csv", "reports/review.tsv", "--format", "json"],
                    capsys)
    assert [f["path"] for f in json.loads(out)["files"]] == ["ferry.ru.md"]


def test_update_tm_adds_only_approved_units_without_errors(workdir, capsys):
    from tmkit.formats.tmx import load_tmx
    from tmkit.tm.search import search
    from tmkit.tm.store import Store

    po = PO + '\n#, fuzzy\nmsgid "The talks ended."\nmsgstr "Переговоры завершились."\n'
    code, _, err = run(["check", write(workdir / "news.po", po), "--update-tm", "--store", "tm.sqlite",
                        "--update-tmx", "approved.tmx"], capsys)
    assert code == 1 and "1 approved unit(s) without errors" in err
    assert [u.variants[0].text for u in load_tmx(workdir / "approved.tmx").units] == ["Inflation slowed to 2.5% in March."]
    with Store(workdir / "tm.sqlite") as store:
        assert search(store, "Inflation slowed to 2.5% in March.", "en", "ru")[0].score == 100
        assert search(store, "The pipeline will carry 1,700 tonnes a day.", "en", "ru") == []


def test_update_tm_from_an_article_pair_stores_the_pairs_aligned_with_the_glossary(workdir, capsys, monkeypatch):
    import shutil

    from tmkit.tm.store import Store, iter_store_units
    from tmkit.workflows import align

    corpus = Path(__file__).resolve().parents[1] / "corpora" / "articles"
    for name in ("caspian-ferry.en.md", "caspian-ferry.ru.md"):
        shutil.copy(corpus / name, workdir / name)
    glossary = Path(__file__).resolve().parents[1] / "glossaries" / "newsroom.tbx"
    used = []
    aligner = align.align_article_set

    def recording(*args, **kwargs):
        used.append(kwargs.get("glossary"))
        return aligner(*args, **kwargs)

    monkeypatch.setattr(align, "align_article_set", recording)
    code, _, err = run(["check", "caspian-ferry.ru.md", "--src-lang", "en", "--glossary", str(glossary), "--update-tm",
                        "--store", "tm.sqlite"], capsys)
    assert code in (0, 1) and "approved unit(s) without errors went into" in err
    assert len(used) == 1 and used[0] is not None and used[0].concepts
    with Store(workdir / "tm.sqlite") as store:
        stored = list(iter_store_units(store, "en", "ru"))
    assert stored and all(unit.variants[1].text for unit in stored)


def test_check_of_a_folder_points_to_lint(workdir, capsys):
    (workdir / "articles").mkdir()
    code, _, err = run(["check", "articles"], capsys)
    assert code == 2 and "this is a folder" in err and "tmkit lint articles" in err


def test_check_of_a_glossary_points_to_the_glossary_option(workdir, capsys):
    write(workdir / "g.csv", "concept,lang,term\nc1,en,pipeline\nc1,ru,трубопровод\n")
    code, _, err = run(["check", "g.csv"], capsys)
    assert code == 2 and "this is a glossary" in err and "--glossary g.csv" in err


def test_missing_configured_glossary_is_said_on_stderr_in_ci_formats(workdir, capsys):
    write(workdir / "tmkit.toml", 'glossary = "nope.tbx"\n')
    _, _, err = run(["check", write(workdir / "news.po", PO), "--format", "github"], capsys)
    assert "tmkit: note: glossary " in err and "nope.tbx from the configuration does not exist" in err


def test_missing_configured_glossary_is_a_sarif_tool_notification(workdir, capsys):
    write(workdir / "tmkit.toml", 'glossary = "nope.tbx"\n')
    _, out, _ = run(["check", write(workdir / "news.po", PO), "--format", "sarif"], capsys)
    (invocation,) = json.loads(out)["runs"][0]["invocations"]
    assert "nope.tbx" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_override_without_paths_names_the_setting_and_the_file(workdir, capsys):
    write(workdir / "tmkit.toml", '[[check.overrides]]\nseverity = {"number-mismatch" = "info"}\n')
    code, _, err = run(["check", write(workdir / "news.po", PO)], capsys)
    assert code == 2 and "check.overrides[0] in " in err and "tmkit.toml needs a non-empty 'paths'" in err


def test_lint_target_language_picks_the_translations_to_check(workdir, capsys):
    write(workdir / "tmkit.toml", 'source_lang = "en"\n')
    write(workdir / "ferry.en.md", SOURCE_MD)
    write(workdir / "ferry.ru.md", TARGET_MD)
    write(workdir / "ferry.az.md", "# Bərə\n\nBərə yola düşdü.\n")
    _, out, _ = run(["lint", "--tgt-lang", "ru", "--format", "json"], capsys)
    assert [(f["path"], f["tgt_langs"]) for f in json.loads(out)["files"]] == [("ferry.ru.md", ["ru"])]


def test_suppression_naming_no_rule_is_reported_with_the_likely_rule(workdir, capsys):
    po = PO.replace('msgid "The pipeline', '# tmkit: ignore number-mismatchh -- checked\nmsgid "The pipeline')
    code, out, _ = run(["check", write(workdir / "news.po", po), "--format", "json"], capsys)
    (note,) = json.loads(out)["summary"]["notes"]
    assert code == 1 and "'number-mismatchh'" in note and "did you mean number-mismatch?" in note
