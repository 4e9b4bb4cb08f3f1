"""TMX statistics: the library function and ``tmkit tm stats``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmkit.cli.main import cli
from tmkit.formats.tmx_stats import tmx_stats, total_stats

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "tmx"

MEMORY = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en"
        srclang="EN-US" datatype="plaintext">
  <prop type="x-desk">politics</prop><note>header note</note>
</header>
<body>
  <tu><prop type="x-section">economy</prop><note>unit note</note>
    <tuv xml:lang="EN-US"><prop type="x-origin">wire</prop>
      <seg>Oil <bpt i="1">&lt;b&gt;</bpt>rose<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
    <tuv xml:lang="ru-RU"><note>checked</note>
      <seg>Нефть <hi>подорожала <ph x="1">&lt;img alt="<sub>графика</sub>"&gt;</ph></hi>.</seg></tuv>
  </tu>
  <tu><prop type="x-section">sport</prop>
    <tuv xml:lang="en-us"><seg>Goal.</seg></tuv>
    <tuv xml:lang="RU-ru"><seg>Гол.</seg></tuv>
    <tuv xml:lang="az"><seg>Qol.</seg></tuv>
  </tu>
</body>
</tmx>
"""


@pytest.fixture
def memory(tmp_path) -> Path:
    path = tmp_path / "desk.tmx"
    path.write_text(MEMORY, encoding="utf-8")
    return path


def test_stats_count_units_version_and_srclang(memory):
    stats = tmx_stats(memory)
    assert (stats.units, stats.version, stats.srclang) == (2, "1.4", "EN-US")


def test_stats_merge_language_spellings_under_the_first_seen(memory):
    assert tmx_stats(memory).languages == {"EN-US": 2, "ru-RU": 2, "az": 1}


def test_stats_count_props_by_type_at_every_level(memory):
    assert tmx_stats(memory).props == {"x-desk": 1, "x-section": 2, "x-origin": 1}


def test_stats_count_nested_inline_codes_by_kind(memory):
    assert tmx_stats(memory).inline_codes == {"bpt": 1, "ept": 1, "hi": 1, "ph": 1, "sub": 1}


def test_stats_count_notes_at_every_level(memory):
    assert tmx_stats(memory).notes == 3


def test_total_adds_files_and_merges_languages(memory, tmp_path):
    other = tmp_path / "other.tmx"
    other.write_text(MEMORY.replace('xml:lang="az"', 'xml:lang="AZ"'), encoding="utf-8")
    total = total_stats([tmx_stats(memory), tmx_stats(other)])
    assert total.units == 4
    assert total.languages == {"EN-US": 4, "ru-RU": 4, "az": 2}


def test_cli_json_for_one_file_has_top_level_units_and_languages(memory):
    result = CliRunner().invoke(cli, ["tm", "stats", str(memory), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["units"] == 2
    assert data["languages"] == {"EN-US": 2, "ru-RU": 2, "az": 1}
    assert data["files"][0]["inline_codes"]["sub"] == 1
    assert data["total"]["files"] == 1


def test_cli_json_for_several_files_has_a_total_and_no_top_level_units(memory, tmp_path):
    other = tmp_path / "copy.tmx"
    other.write_text(MEMORY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", "stats", str(memory), str(other), "--format", "json"])
    data = json.loads(result.output)
    assert [f["units"] for f in data["files"]] == [2, 2]
    assert data["total"]["units"] == 4
    assert "units" not in data


def test_cli_text_shows_a_row_per_figure(memory):
    result = CliRunner().invoke(cli, ["tm", "stats", str(memory)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == str(memory)
    assert "  units            2" in lines
    assert any(line.startswith("  languages") and "EN-US 2, ru-RU 2, az 1" in line for line in lines)


def test_cli_malformed_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text('<tmx version="1.4"><header/><body><tu></body></tmx>')
    result = CliRunner().invoke(cli, ["tm", "stats", str(bad)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "bad.tmx:1:" in result.output


def test_cli_realworld_file_counts_match_the_readme():
    path = REALWORLD / "nushell-docs-ru_level2_en-ru_tmx14.tmx"
    if not REALWORLD.parent.is_dir():
        pytest.skip("../shared/realworld not present")
    result = CliRunner().invoke(cli, ["tm", "stats", str(path), "--format", "json"])
    data = json.loads(result.output)
    assert data["units"] == 201
    assert data["languages"] == {"en-US": 201, "ru-RU": 201}


def test_stats_of_a_po_file_says_it_is_not_tmx(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", "stats", str(po)])
    assert result.exit_code == 2 and "is PO, not TMX" in result.output


def test_stats_of_a_glossary_does_not_offer_a_conversion_to_tmx(tmp_path):
    tbx = tmp_path / "g.tbx"
    tbx.write_text("<tbx/>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", "stats", str(tbx)])
    assert result.exit_code == 2 and "is TBX, not TMX" in result.output and "convert" not in result.output
