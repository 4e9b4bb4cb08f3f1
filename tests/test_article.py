"""Reading articles: blocks, inline markup as codes, and line numbers for findings."""

import pytest

from tmkit.errors import InputError
from tmkit.formats.article import parse_inline_markdown, parse_markdown, read_article

ARTICLE = """# Caspian ferry line opens

The first ferry left **Baku** for Aktau on Monday.
It carried 1,700 tonnes of cargo.

## Trade

- Transit grew by 35% in 2025.
- See [the ministry site](https://example.org/transit) for data.

> «Мы открываем новый маршрут», said the captain.

![Ferry at the port of Alat](ferry.jpg)

<!-- tmkit: ignore number-mismatch -- figure agreed with the desk -->
```
code that is not prose
```
"""


def test_markdown_blocks_have_kinds_in_order():
    kinds = [b.kind for b in parse_markdown(ARTICLE)]
    assert kinds == ["title", "paragraph", "heading", "list-item", "list-item", "quote", "caption"]


def test_soft_wrapped_paragraph_reads_as_one_block_with_line_mapping():
    paragraph = parse_markdown(ARTICLE)[1]
    assert paragraph.text == "The first ferry left Baku for Aktau on Monday. It carried 1,700 tonnes of cargo."
    assert paragraph.line == 3
    assert paragraph.line_at(paragraph.text.index("It carried")) == 4
    assert paragraph.line_at(0) == 3


def test_emphasis_becomes_a_code_pair_keeping_the_marks():
    paragraph = parse_markdown(ARTICLE)[1]
    codes = paragraph.segment.codes
    assert [(c.kind, c.native_text) for c in codes] == [("bpt", "**"), ("ept", "**")]


def test_link_label_stays_text_and_url_is_protected():
    item = parse_markdown(ARTICLE)[4]
    assert item.text == "See the ministry site for data."
    assert item.segment.codes[1].native_text == "](https://example.org/transit)"


def test_comments_code_fences_and_images_are_not_prose():
    texts = [b.text for b in parse_markdown(ARTICLE)]
    assert "code that is not prose" not in " ".join(texts)
    assert texts[-1] == "Ferry at the port of Alat"


def test_lone_asterisk_stays_literal_text():
    segment, _ = parse_inline_markdown("Prices rose 5 * 2 times", ())
    assert segment.text == "Prices rose 5 * 2 times"
    assert segment.codes == ()


def test_line_breaks_shift_past_removed_markup():
    segment, breaks = parse_inline_markdown("A [link](http://x.org/a) here next", (30,))
    assert segment.text[breaks[0]:] == "next"


def test_plain_text_article_uses_blank_lines(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Title line\n\nFirst paragraph\ncontinues.\n\nSecond.\n", encoding="utf-8")
    article = read_article(path)
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph"]
    assert article.blocks[2].line == 6


def test_html_article_keeps_links_as_codes_and_lines(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>T</title><script>x()</script></head><body>\n"
        "<h1>Saziş imzalandı</h1>\n"
        "<p>Nazir <a href=\"/x\">Bakıda</a> danışıqlar apardı.<br>Son.</p>\n"
        "<figure><img src=a.jpg><figcaption>Liman</figcaption></figure>\n"
        "</body></html>", encoding="utf-8")
    article = read_article(path)
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "caption"]
    paragraph = article.blocks[1]
    assert paragraph.text == "Nazir Bakıda danışıqlar apardı.Son."
    assert paragraph.line == 3
    assert [c.native_text for c in paragraph.segment.codes] == ['<a href="/x">', "</a>", "<br />"]
    assert article.title == "Saziş imzalandı"


def test_empty_article_has_no_blocks(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("", encoding="utf-8")
    assert read_article(path).blocks == ()


def test_non_utf8_article_is_refused_with_line(tmp_path):
    path = tmp_path / "bad.md"
    path.write_bytes("# Заголовок\n\nтекст".encode("cp1251"))
    with pytest.raises(InputError, match="UTF-8") as info:
        read_article(path)
    assert info.value.line == 1


def test_unknown_extension_is_refused(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"x")
    with pytest.raises(InputError, match="not an article"):
        read_article(path)


def test_a_long_line_of_unclosed_links_is_plain_text():
    # each "[" used to scan and backtrack over the rest of the line: minutes for this one
    text = "[a](" * 20000
    segment, _ = parse_inline_markdown(text, ())
    assert segment.text == text and not segment.has_codes
