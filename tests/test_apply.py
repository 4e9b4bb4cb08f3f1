"""``tmkit apply``: pre-translation of a new article into XLIFF 2.0/1.2 and Markdown drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tmkit.cli.main import cli
from tmkit.errors import UsageError
from tmkit.formats.tmx import write_tmx
from tmkit.formats.xliff import load_xliff
from tmkit.glossary import Glossary
from tmkit.model import Header, State
from tmkit.tm.store import Store, import_files
from tmkit.workflows.align import align_article_set
from tmkit.workflows.apply import BANDS, band_of, pretranslate, render_analysis, write_draft

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpora" / "articles"
NEW = ROOT / "corpora" / "new" / "caspian-ferry-launch.en.md"
GLOSSARY = ROOT / "glossaries" / "newsroom.tbx"
REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"
SCHEMAS = REALWORLD / "schemas" / "xliff2.0"


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample memory of the article the new one reuses (en, ru, az)."""
    result = align_article_set(ARTICLES / "caspian-ferry.en.md",
                               [ARTICLES / "caspian-ferry.ru.md", ARTICLES / "caspian-ferry.az.md"])
    path = tmp_path_factory.mktemp("memory") / "newsroom.tmx"
    write_tmx(path, result.units, Header(srclang="en"))
    return path


@pytest.fixture(scope="module")
def draft(memory: Path):
    with Store(":memory:") as store:
        import_files(store, [memory])
        return pretranslate(NEW, store, "en", "ru", glossary=Glossary.load(GLOSSARY))


@pytest.fixture(scope="module")
def schema20() -> etree.XMLSchema:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld not present")

    class LocalXml(etree.Resolver):
        def resolve(self, url, pubid, context):
            if url and url.endswith("xml.xsd"):
                return self.resolve_filename(str(SCHEMAS / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"),
                                             context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalXml())
    wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:tmkit:apply-test">
      <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0"
          schemaLocation="{(SCHEMAS / 'xliff_core_2.0.xsd').as_uri()}"/>
      <xs:import namespace="urn:oasis:names:tc:xliff:matches:2.0"
          schemaLocation="{(SCHEMAS / 'modules' / 'matches.xsd').as_uri()}"/>
    </xs:schema>"""
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser, base_url=(SCHEMAS / "w.xsd").as_uri()))


def test_exact_matches_are_filled_as_translated(draft) -> None:
    exact = [s for s in draft.segments if s.band in ("100", "101")]
    assert exact and all(s.state is State.TRANSLATED and s.target is not None for s in exact)


OPENING = ("Azerbaijan and Kazakhstan will open a new ferry line between the Port of Baku at Alat and the "
           "Kazakh port of Aktau in March, officials said on Tuesday.")
SHIPS = "The two ships on the route will each carry up to 1,700 tonnes of cargo and 56 rail wagons."
TARIFFS = "Shipping companies welcomed the plan but warned that tariffs on the Kazakh railway remain high."


def _bands(memory: Path, article: Path) -> list[str]:
    with Store(":memory:") as store:
        import_files(store, [memory])
        return [s.band for s in pretranslate(article, store, "en", "ru").segments]


def test_exact_match_after_the_same_sentence_as_in_the_memory_is_in_context(memory: Path, tmp_path: Path) -> None:
    article = tmp_path / "again.en.md"
    article.write_text(f"# Not in the memory at all\n\n{OPENING} {SHIPS}\n", encoding="utf-8")
    assert _bands(memory, article) == ["no match", "100", "101"]


def test_exact_matches_that_were_not_neighbours_in_the_memory_stay_100(memory: Path, tmp_path: Path) -> None:
    article = tmp_path / "again.en.md"
    article.write_text(f"# Not in the memory at all\n\n{SHIPS} {TARIFFS}\n", encoding="utf-8")
    assert _bands(memory, article) == ["no match", "100", "100"]


def test_first_sentence_matching_the_first_of_a_memory_document_is_in_context(memory: Path, tmp_path: Path) -> None:
    article = tmp_path / "again.en.md"
    article.write_text(f"# New ferry line to link Alat and Aktau from March\n\n{TARIFFS}\n", encoding="utf-8")
    assert _bands(memory, article) == ["101", "100"]


def test_in_context_match_is_written_as_an_icm_match(memory: Path, tmp_path: Path) -> None:
    article = tmp_path / "again.en.md"
    article.write_text(f"# Not in the memory at all\n\n{OPENING} {SHIPS}\n", encoding="utf-8")
    with Store(":memory:") as store:
        import_files(store, [memory])
        write_draft(pretranslate(article, store, "en", "ru"), tmp_path / "draft.xlf")
    types = [dict(unit.matches[0].extra).get("type") for unit in load_xliff(tmp_path / "draft.xlf").units
             if unit.matches]
    assert types == ["tm", "icm"]


def test_numbers_only_match_is_filled_with_new_numbers_for_review(draft) -> None:
    segment = next(s for s in draft.segments if "40%" in s.sentence.text)
    assert segment.state is State.NEEDS_REVIEW and "40" in segment.target.text


def test_numbers_only_match_is_attached_as_the_memorys_own_pair(draft, tmp_path) -> None:
    write_draft(draft, tmp_path / "draft.xlf")
    unit = next(u for u in load_xliff(tmp_path / "draft.xlf").units if "40%" in u.variants[0].text)
    match = unit.matches[0]
    assert "40" in unit.variants[1].text and "40" not in match.target.text
    assert match.source.text != unit.variants[0].text  # the memory's old figure, for the diff


def test_fuzzy_matches_are_suggestions_with_empty_target(draft) -> None:
    fuzzy = [s for s in draft.segments if s.band in ("95-99", "85-94", "75-84") and s.state is not State.NEEDS_REVIEW]
    assert fuzzy and all(s.target is None and s.hits and s.state is State.NEEDS_TRANSLATION for s in fuzzy)


def test_glossary_terms_are_annotated(draft) -> None:
    notes = [t.text for s in draft.segments for t in s.terms]
    assert any("ferry -> паром" in note for note in notes)


def test_analysis_counts_every_word_once(draft) -> None:
    rows = draft.analysis()
    assert [band for band, _, _ in rows] == list(BANDS)
    assert sum(words for _, _, words in rows) == sum(s.words for s in draft.segments) > 0


def test_render_analysis_has_a_total_line(draft) -> None:
    assert render_analysis(draft).splitlines()[-1].startswith("total")


@pytest.mark.parametrize(("score", "band"), [(None, "no match"), (101, "101"), (100, "100"), (99, "95-99"),
                                             (94.99, "85-94"), (75, "75-84"), (74.9, "no match")])
def test_band_of_score(score, band) -> None:
    assert band_of(score) == band


def test_xliff20_draft_reads_back_with_targets_and_matches(draft, tmp_path: Path) -> None:
    write_draft(draft, tmp_path / "draft.xlf")
    doc = load_xliff(tmp_path / "draft.xlf")
    filled = [u for u in doc.units if u.state is State.TRANSLATED]
    assert len(doc.units) == len(draft.segments) and filled and all(u.variant("ru") for u in filled)
    assert any(u.matches and u.variant("ru") is None for u in doc.units)


def test_xliff20_draft_is_schema_valid(draft, tmp_path: Path, schema20: etree.XMLSchema) -> None:
    write_draft(draft, tmp_path / "draft.xlf")
    document = etree.parse(str(tmp_path / "draft.xlf"))
    assert schema20.validate(document), str(schema20.error_log)


def test_xliff12_draft_has_alt_trans_with_match_quality(draft, tmp_path: Path) -> None:
    write_draft(draft, tmp_path / "draft.xlf", xliff_version="1.2")
    root = etree.parse(str(tmp_path / "draft.xlf")).getroot()
    qualities = root.findall(".//{urn:oasis:names:tc:xliff:document:1.2}alt-trans")
    assert qualities and all(q.get("match-quality") for q in qualities)


def test_markdown_draft_is_side_by_side(draft, tmp_path: Path) -> None:
    write_draft(draft, tmp_path / "draft.md")
    text = (tmp_path / "draft.md").read_text(encoding="utf-8")
    assert "| # | en | ru | match |" in text and "| band | segments | words |" in text


def test_unknown_draft_suffix_is_a_usage_error(draft, tmp_path: Path) -> None:
    from tmkit.errors import UsageError

    with pytest.raises(UsageError, match="draft format"):
        write_draft(draft, tmp_path / "draft.docx")


def test_cli_apply_into_the_articles_own_language_is_a_usage_error(memory: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["apply", str(NEW), "--tgt", "en", "--tm", str(memory), "-o",
                                      str(tmp_path / "d.md")])
    assert isinstance(result.exception, UsageError) and "is the article's own language" in str(result.exception)
    assert not (tmp_path / "d.md").exists()


def test_cli_apply_writes_draft_and_prints_bands(memory: Path, tmp_path: Path) -> None:
    output = tmp_path / "draft.xlf"
    result = CliRunner().invoke(cli, ["apply", str(NEW), "--src", "en", "--tgt", "ru", "--tm", str(memory),
                                      "--glossary", str(GLOSSARY), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "no match" in result.output and "101" in result.output and output.exists()


def test_numbers_written_differently_with_the_same_value_fill_the_memorys_target_for_review(
        memory: Path, tmp_path: Path) -> None:
    article = tmp_path / "again.en.md"
    article.write_text("# Not in the memory at all\n\n" + SHIPS.replace("1,700", "1700") + "\n", encoding="utf-8")
    with Store(":memory:") as store:
        import_files(store, [memory])
        segment = pretranslate(article, store, "en", "ru").segments[1]
    assert (segment.state, segment.target) == (State.NEEDS_REVIEW, segment.hits[0].target)
