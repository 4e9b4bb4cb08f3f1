"""Read news articles (Markdown, plain text, HTML) into blocks of translatable text.

An article is what the newsroom archives: a title, headings, paragraphs, list items, block
quotes and captions. Alignment, pre-translation and article-pair checking all need the same
view of it, so it lives here once. Inline markup (links, emphasis, inline code, line breaks)
becomes :class:`~tmkit.model.InlineCode` values holding the original markup, so it survives
into the memory and back. Every block remembers the line it came from, and where its soft
line breaks were, so a finding can point at the exact line of a sentence.

Sentence segmentation is not done here: it is language knowledge (``tmkit.lang``).
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path

from tmkit.errors import InputError
from tmkit.model import InlineCode, Part, Segment


@dataclass(frozen=True, slots=True)
class Block:
    """One block of an article: ``kind`` is title, heading, paragraph, list-item, quote or caption.

    ``breaks`` are offsets into ``segment.text`` where a new source line starts (soft line
    breaks inside a paragraph, which are read as spaces). :meth:`line_at` maps a text offset
    back to its line in the file.
    """

    kind: str
    segment: Segment
    line: int
    breaks: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        return self.segment.text

    def line_at(self, offset: int) -> int:
        return self.line + bisect.bisect_right(self.breaks, offset)


@dataclass(frozen=True, slots=True)
class Article:
    """An article as an ordered list of blocks, with the file it came from."""

    path: str
    blocks: tuple[Block, ...]
    format: str

    @property
    def title(self) -> str | None:
        for block in self.blocks:
            if block.kind == "title":
                return block.text
        return None


ARTICLE_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text",
                    ".html": "html", ".htm": "html"}


def read_article(path: str | os.PathLike, fmt: str | None = None) -> Article:
    """Read an article file; the format comes from the extension unless ``fmt`` is given."""
    file = Path(path)
    kind = fmt or ARTICLE_SUFFIXES.get(file.suffix.lower())
    if kind is None:
        raise InputError(f"not an article file (expected one of {', '.join(sorted(ARTICLE_SUFFIXES))})",
                         path=str(file))
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=str(file)) from None
    if kind == "html":
        from tmkit.formats.article_html import parse_html

        return Article(str(file), tuple(parse_html(data, str(file))), "html")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("article is not valid UTF-8", path=str(file), line=line) from None
    blocks = parse_markdown(text) if kind == "markdown" else parse_plain_text(text)
    return Article(str(file), tuple(blocks), kind)


# --------------------------------------------------------------------------- plain text


def parse_plain_text(text: str) -> list[Block]:
    """Paragraphs separated by blank lines; the first paragraph of one line is the title."""
    blocks: list[Block] = []
    for first_line, lines in _paragraphs(text.splitlines()):
        joined, breaks = _join_lines(lines)
        kind = "title" if not blocks and len(lines) == 1 else "paragraph"
        blocks.append(Block(kind, Segment.from_text(joined), first_line, breaks))
    return blocks


def _paragraphs(lines: list[str]):
    start, current = 0, []
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            yield start, current
            current = []
    if current:
        yield start, current


def _join_lines(lines: list[str]) -> tuple[str, tuple[int, ...]]:
    """Join soft-wrapped lines with single spaces, remembering where each line began."""
    parts: list[str] = []
    breaks: list[int] = []
    length = 0
    for index, line in enumerate(lines):
        piece = line.strip()
        if index:
            parts.append(" ")
            length += 1
            breaks.append(length)
        parts.append(piece)
        length += len(piece)
    return "".join(parts), tuple(breaks)


# --------------------------------------------------------------------------- Markdown

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_IMAGE_LINE = re.compile(r"^\s*!\[([^\]]*)\]\(([^)]*)\)\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def parse_markdown(text: str) -> list[Block]:
    """Blocks of a CommonMark-style article: the subset newsrooms write.

    Fenced code, HTML comments (where suppressions live) and horizontal rules are skipped:
    they are not translatable prose. The first level-1 heading is the title.
    """
    blocks: list[Block] = []
    lines = text.splitlines()
    pending: list[str] = []
    pending_kind = "paragraph"
    pending_line = 0
    in_fence = False

    def flush() -> None:
        nonlocal pending
        if pending:
            joined, breaks = _join_lines(pending)
            segment, breaks = parse_inline_markdown(joined, breaks)
            if segment.text.strip():
                blocks.append(Block(pending_kind, segment, pending_line, breaks))
            pending = []

    for number, line in enumerate(lines, 1):
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence or _HTML_COMMENT.match(line) or _RULE.match(line):
            flush()
            continue
        if not line.strip():
            flush()
            continue
        heading = _HEADING.match(line)
        image = _IMAGE_LINE.match(line)
        item = _LIST_ITEM.match(line)
        quote = _QUOTE.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            has_title = any(b.kind == "title" for b in blocks)
            kind = "title" if level == 1 and not has_title else "heading"
            segment, _ = parse_inline_markdown(heading.group(2), ())
            blocks.append(Block(kind, segment, number))
        elif image:
            flush()
            if image.group(1).strip():
                segment, _ = parse_inline_markdown(image.group(1).strip(), ())
                blocks.append(Block("caption", segment, number))
        elif item:
            flush()
            pending, pending_kind, pending_line = [item.group(1)], "list-item", number
        elif quote:
            if not pending or pending_kind != "quote":
                flush()
                pending_kind, pending_line = "quote", number
            pending.append(quote.group(1))
        else:
            if not pending:
                pending_kind, pending_line = "paragraph", number
            pending.append(line)
    flush()
    return blocks


# Label and address are possessive and bounded: an unclosed "[a](" repeated along a line
# made every "[" scan (and backtrack over) the rest of the line, quadratic in its length
# (a 64 KB line took over a minute). No real label or URL is near these bounds.
_INLINE = re.compile(
    r"(?P<link>\[(?P<label>[^\]\n]{1,1000}+)\]\((?P<href>[^)\s]{1,2048}+)(?:\s+\"[^\"\n]{0,1000}+\")?\))"
    r"|(?P<code>`[^`\n]+`)"
    r"|(?P<strong>\*\*|__)"
    r"|(?P<em>(?<![\w*])[*_](?=\S))|(?P<em_close>(?<=\S)[*_](?![\w*]))"
    r"|(?P<autolink><https?://[^>\s]+>)"
)


def parse_inline_markdown(text: str, breaks: tuple[int, ...]) -> tuple[Segment, tuple[int, ...]]:
    """Turn Markdown inline markup into codes; shift line-break offsets to the plain text.

    Links become a ``bpt``/``ept`` pair whose native content is ``[`` and ``](url)``, so the
    label stays translatable while the URL is protected. Emphasis becomes a pair around its
    text; inline code and autolinks become ``ph`` placeholders. An unmatched ``*`` stays text.
    """
    parts: list[Part] = []
    pos = 0
    pair_id = 0
    open_marks: list[tuple[str, int]] = []
    removed: list[tuple[int, int, int]] = []  # (offset in source, characters removed, pair id)

    def code(kind: str, content: str, **attrs: str) -> InlineCode:
        return InlineCode(kind, tuple(attrs.items()), (content,))

    for match in _INLINE.finditer(text):
        parts.append(text[pos:match.start()])
        group = match.lastgroup
        if group == "link":
            pair_id += 1
            label = match.group("label")
            parts.append(code("bpt", "[", i=str(pair_id), type="link"))
            parts.extend(parse_inline_markdown(label, ())[0].parts)
            parts.append(code("ept", f"]({match.group('href')})", i=str(pair_id)))
            removed.append((match.start(), 1, 0))
            removed.append((match.start() + 1 + len(label), len(match.group(0)) - len(label) - 1, 0))
        elif group in ("code", "autolink"):
            parts.append(code("ph", match.group(0), type="code" if group == "code" else "link"))
            removed.append((match.start(), len(match.group(0)), 0))
        else:
            mark = match.group(0)
            style = "bold" if group == "strong" else "italic"
            if open_marks and open_marks[-1][0] == mark:
                _, opened_id = open_marks.pop()
                parts.append(code("ept", mark, i=str(opened_id)))
                removed.append((match.start(), len(mark), opened_id))
            elif group == "em_close":
                parts.append(mark)
                pos = match.end()
                continue
            else:
                pair_id += 1
                open_marks.append((mark, pair_id))
                parts.append(code("bpt", mark, i=str(pair_id), type=style))
                removed.append((match.start(), len(mark), pair_id))
        pos = match.end()
    parts.append(text[pos:])
    unclosed = {pid for _, pid in open_marks}
    segment = _unpair_unclosed(Segment.of(*parts), unclosed)
    kept = [(start, length) for start, length, pid in removed if pid not in unclosed]
    return segment, _shift_breaks(breaks, kept)


def _unpair_unclosed(segment: Segment, unclosed: set[int]) -> Segment:
    """An emphasis mark that never closed was a literal asterisk: put it back as text."""
    if not unclosed:
        return segment
    parts: list[Part] = []
    for part in segment.parts:
        if isinstance(part, InlineCode) and part.kind == "bpt" and int(part.attr("i") or 0) in unclosed:
            parts.append(part.native_text)
        else:
            parts.append(part)
    return Segment.of(*parts)


def _shift_breaks(breaks: tuple[int, ...], removed: list[tuple[int, int]]) -> tuple[int, ...]:
    shifted = []
    for offset in breaks:
        gone = sum(length for start, length in removed if start < offset)
        shifted.append(offset - gone)
    return tuple(shifted)
