"""Markup: inline codes, placeholders, Markdown links and emphasis, URLs, e-mail addresses, hashtags."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from tmkit.model import PAIRED_CLOSE_KINDS, PAIRED_OPEN_KINDS, InlineCode
from tmkit.qa.registry import Hit, pair_rule
from tmkit.qa.view import PairView

# --------------------------------------------------------------------------- inline codes

_KIND_GROUPS = {**dict.fromkeys(PAIRED_OPEN_KINDS, "open"), **dict.fromkeys(PAIRED_CLOSE_KINDS, "close")}


def _identity(code: InlineCode) -> tuple[str, str]:
    """What makes a source code and a target code "the same": kind group plus id or content.

    XLIFF target codes repeat the source ids; TMX codes are matched by their native content
    (``i`` only pairs codes inside one segment).
    """
    group = _KIND_GROUPS.get(code.kind, "wrap" if code.wraps_text else "standalone")
    ident = code.attr("id") or code.attr("x") or code.native_text or code.attr("i") or ""
    return group, ident


def _describe(code: InlineCode) -> str:
    label = code.attr("id") or code.attr("x") or code.attr("i")
    native = code.native_text
    return f"<{code.kind}{' ' + label if label else ''}>" + (f" ({native})" if native else "")


def _unmatched(codes: tuple[InlineCode, ...], others: tuple[InlineCode, ...]) -> Iterator[InlineCode]:
    """The first code of each identity in ``codes`` that ``others`` lacks."""
    if not codes:
        return
    present = {_identity(c) for c in others}
    reported: set[tuple[str, str]] = set()
    for code in codes:
        key = _identity(code)
        if key not in present and key not in reported:
            reported.add(key)
            yield code


@pair_rule("code-missing", "markup", "error")
def code_missing(pair: PairView) -> Iterator[Hit]:
    """An inline code (tag, placeholder) of the source is missing from the target.

    A lost code breaks formatting or links when the translation is published. Codes are
    compared by identity, not count: ICU plural variants repeat a code once per form.
    A Markdown link of the source that the target writes out but leaves unclosed
    (``[label](url`` without ``)``) is reported once, by ``bracket-unbalanced``, not here too.
    """
    written_out = _links_written_out_broken(pair)
    for code in _unmatched(pair.src_codes, pair.tgt_codes):
        if _pair_id(code) not in written_out:
            yield Hit(f"inline code {_describe(code)} is missing from the target")


def _links_written_out_broken(pair: PairView) -> set[str | None]:
    """Pair ids of the source's Markdown link codes whose address the target has in a broken link."""
    if "](" not in pair.target:
        return set()
    broken = {trim_url(link.url) for link in broken_links(pair.target)}
    ids: set[str | None] = set()
    for code in pair.src_codes:
        url = _link_code_url(code)
        if url is not None and trim_url(url) in broken:
            ids.add(_pair_id(code))
    return ids


def _link_code_url(code: InlineCode) -> str | None:
    """The address of a Markdown link's closing code (native ``](url)``), else None."""
    native = code.native_text or ""
    match = _LINK_CLOSE.match(native)
    return match.group(1) if match and code.kind in PAIRED_CLOSE_KINDS else None


@pair_rule("code-extra", "markup", "error")
def code_extra(pair: PairView) -> Iterator[Hit]:
    """The target has an inline code the source does not have."""
    for code in _unmatched(pair.tgt_codes, pair.src_codes):
        yield Hit(f"inline code {_describe(code)} is not in the source")


def _pair_id(code: InlineCode) -> str | None:
    return code.attr("rid") or code.attr("startRef") or code.attr("i") or code.attr("id")


def _broken_pairs(codes: tuple[InlineCode, ...]) -> list[InlineCode]:
    """Closing codes that come before their opening code."""
    opened: set[str | None] = set()
    broken = []
    for code in codes:
        if code.kind in PAIRED_OPEN_KINDS:
            opened.add(_pair_id(code))
        elif code.kind in PAIRED_CLOSE_KINDS and _pair_id(code) not in opened:
            broken.append(code)
    return broken


@pair_rule("code-order", "markup", "error")
def code_order(pair: PairView) -> Iterator[Hit]:
    """A closing inline code comes before its opening code in the target.

    Codes may move with the word order of a translation, but a pair turned inside out
    produces broken markup. Only paired codes whose partner exists in the target are judged.
    """
    if not pair.tgt_codes or _broken_pairs(pair.src_codes):
        return
    opens = {_pair_id(c) for c in pair.tgt_codes if c.kind in PAIRED_OPEN_KINDS}
    for code in _broken_pairs(pair.tgt_codes):
        if _pair_id(code) in opens:
            yield Hit(f"closing code {_describe(code)} comes before its opening code")


# --------------------------------------------------------------------------- text placeholders

_PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?(?:\([\w.]+\))?[-+#0]*(?:\d+|\*)?(?:\.\d+)?[sdiufFeEgGxXoc]"  # printf
    r"|\{(?<!\{\{)[\w.:!\[\]]*\}(?!\})"  # str.format / ICU simple argument
    r"|\{\{\s*[\w.]+\s*\}\}"  # {{ template }}
)
"""Every branch starts with a literal character, so ``re`` skips to the next ``%`` or ``{`` in C."""


@pair_rule("placeholder-mismatch", "markup", "error")
def placeholder_mismatch(pair: PairView) -> Iterator[Hit]:
    """printf, ``{name}`` or ``{{ name }}`` placeholders differ between source and target.

    A missing or misspelled placeholder crashes or garbles the software that formats the text.
    Placeholders are compared as sets: plural variants (``one|many``) repeat them legitimately,
    and a target may use the placeholders of the source's plural form (PO ``msgid_plural``).
    """
    if not _may_hold_placeholder(pair.source) and not _may_hold_placeholder(pair.target):
        return
    source = set(_PLACEHOLDER.findall(pair.source))
    target = set(_PLACEHOLDER.findall(pair.target))
    if source == target:
        return
    # A plural translation may use the plural source's placeholder in every form
    # ("an hour ago" / "%(count)s hours ago": Russian form 0 also needs %(count)s).
    plural = {p for form in pair.source_forms for p in _PLACEHOLDER.findall(form)}
    missing, extra = sorted(source - target), sorted(target - source - plural)
    if not missing and not extra:
        return
    if missing:
        yield Hit(f"placeholder(s) missing from the target: {', '.join(missing)}", suggestion=" ".join(missing))
    if extra:
        start = pair.target.find(extra[0])
        yield Hit(f"placeholder(s) not in the source: {', '.join(extra)}",
                  span=(start, start + len(extra[0])) if start >= 0 else None)


def _may_hold_placeholder(text: str) -> bool:
    return "%" in text or "{" in text


# --------------------------------------------------------------------------- Markdown

_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK_CLOSE = re.compile(r"\]\(\s*<?([^)\s>]+)")
_BROKEN_LINK = re.compile(r'\[([^\[\]\n]*)\]\(\s*<?([^\s()<>]++)>?(?=\s|$)(?!\s*\)|\s+"[^"]*"\s*\))')
"""``[label](url`` whose ``)`` never comes: the address is followed by a space or the end of
the text. An address with parentheses of its own (``/wiki/Foo_(bar)``) is not taken for one."""


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """A Markdown link left unclosed in a text: where it is, its label and its address."""

    start: int
    end: int
    label: str
    url: str

    @property
    def repaired(self) -> str:
        """The link closed after its address, a sentence's full stop kept outside."""
        url = trim_url(self.url)
        return f"[{self.label}]({url}){self.url[len(url):]}"


def broken_links(text: str) -> list[BrokenLink]:
    """Markdown links of ``text`` whose closing parenthesis is missing.

    Shared by ``bracket-unbalanced`` (which reports them) and the markup rules (which then
    stay quiet about the same mistake): one typo should give one finding.
    """
    if "](" not in text:
        return []
    return [BrokenLink(m.start(), m.end(), m.group(1), m.group(2)) for m in _BROKEN_LINK.finditer(text)]
_STRONG = re.compile(r"\*\*|__")
_CODE_SPAN = re.compile(r"`+")


@pair_rule("markdown-mismatch", "markup", "warning")
def markdown_mismatch(pair: PairView) -> Iterator[Hit]:
    """Markdown links, bold markers or code spans differ between source and target.

    Link targets must be the same addresses (their text is translated); ``**``/``__`` and
    backtick counts must match so emphasis and code spans survive.
    """
    if not any(c in text for text in (pair.source, pair.target) for c in "[*_`"):
        return
    src_links, tgt_links = Counter(_LINK.findall(pair.source)), Counter(_LINK.findall(pair.target))
    if src_links != tgt_links:
        missing = sorted((src_links - tgt_links).elements())
        extra = sorted((tgt_links - src_links).elements())
        parts = ([f"link target(s) missing: {', '.join(missing)}"] if missing else []) + \
                ([f"link target(s) added: {', '.join(extra)}"] if extra else [])
        yield Hit("; ".join(parts))
    for pattern, what in ((_STRONG, "bold markers (** or __)"), (_CODE_SPAN, "code span backticks")):
        src, tgt = len(pattern.findall(pair.source)), len(pattern.findall(pair.target))
        if src != tgt:
            yield Hit(f"{what}: {src} in the source, {tgt} in the target")


# --------------------------------------------------------------------------- URLs, e-mail, hashtags

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"«»“”()\[\]]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HASHTAG = re.compile(r"(?<![\w&#/])#(?=\w*[^\W\d_])\w+")


def _may_hold_url(text: str) -> bool:
    lowered = text.lower()
    return "http" in lowered or "www." in lowered


def trim_url(url: str) -> str:
    """The address without the punctuation of the sentence around it (``…/plan.`` is ``…/plan``).

    Applied the same way on both sides, so a full stop inside or outside a link's parentheses
    makes no difference.
    """
    return url.rstrip(".,;:!?'’")


def _urls(text: str) -> list[str]:
    return [trim_url(u) for u in _URL.findall(text)]


def _code_urls(codes: tuple[InlineCode, ...]) -> set[str]:
    """Addresses held in inline codes (a Markdown link's ``](url)``, an HTML ``href``)."""
    return {url for code in codes if code.native_text and _may_hold_url(code.native_text)
            for url in _urls(code.native_text)}


def _url_key(url: str, langs: tuple[str, ...]) -> str:
    """The URL with language markers removed, so ``/en/report`` and ``/ru/report`` compare equal.

    A path segment or ``lang=`` value equal to one of the pair's languages is a localized
    version of the same page; anything else (``/report`` vs ``/reports``) stays different.
    """
    parts = urlsplit(url if "://" in url else "http://" + url)
    segments = [s for s in parts.path.split("/") if s.lower() not in langs]
    query = "&".join(q for q in parts.query.split("&") if q.split("=")[0].lower() not in ("lang", "hl", "locale"))
    host = parts.netloc.lower().removeprefix("www.")
    for lang in langs:
        host = host.removeprefix(lang + ".")
    return f"{host}{'/'.join(segments)}?{query}"


@pair_rule("url-mismatch", "markup", "error")
def url_mismatch(pair: PairView) -> Iterator[Hit]:
    """A URL of the source is missing from the target, or the target adds one.

    A localized address of the same page (``/en/`` to ``/ru/``, ``en.site`` to ``ru.site``,
    ``?lang=ru``) counts as the same link; any other difference is reported. An address the
    other side holds in an inline code (a link whose markup broke on one side only) counts
    as present: the broken markup is what to report, not the address.
    """
    if not _may_hold_url(pair.source) and not _may_hold_url(pair.target):
        return
    langs = tuple({pair.src_lang.split("-")[0].lower(), pair.tgt_lang.split("-")[0].lower()})
    src, tgt = set(_urls(pair.source)), set(_urls(pair.target))
    src_keys = {_url_key(u, langs) for u in src | _code_urls(pair.src_codes)}
    tgt_keys = {_url_key(u, langs) for u in tgt | _code_urls(pair.tgt_codes)}
    for url in sorted(src - tgt):
        if _url_key(url, langs) not in tgt_keys:
            yield Hit(f"URL {url} is missing from the target", suggestion=url)
    for url in sorted(tgt - src):
        if _url_key(url, langs) not in src_keys:
            start = pair.target.find(url)
            yield Hit(f"URL {url} is not in the source", span=(start, start + len(url)) if start >= 0 else None)


@pair_rule("email-mismatch", "markup", "error")
def email_mismatch(pair: PairView) -> Iterator[Hit]:
    """An e-mail address differs between source and target (compared case-insensitively)."""
    if "@" not in pair.source and "@" not in pair.target:
        return
    src = Counter(a.lower() for a in _EMAIL.findall(pair.source))
    tgt = Counter(a.lower() for a in _EMAIL.findall(pair.target))
    for address in sorted((src - tgt).elements()):
        yield Hit(f"e-mail address {address} is missing from the target", suggestion=address)
    for address in sorted((tgt - src).elements()):
        yield Hit(f"e-mail address {address} is not in the source")


@pair_rule("hashtag-mismatch", "markup", "warning")
def hashtag_mismatch(pair: PairView) -> Iterator[Hit]:
    """The number of hashtags differs between source and target.

    Hashtags may be translated (#Russia to #Россия), so only their count is compared.
    """
    if "#" not in pair.source and "#" not in pair.target:
        return
    src, tgt = _HASHTAG.findall(pair.source), _HASHTAG.findall(pair.target)
    if len(src) != len(tgt):
        yield Hit(f"{len(src)} hashtag(s) in the source ({' '.join(src) or 'none'}), "
                  f"{len(tgt)} in the target ({' '.join(tgt) or 'none'})")
