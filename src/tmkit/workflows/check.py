"""``tmkit check`` and ``tmkit lint`` as library calls: read inputs, load resources, run the QA engine.

Inputs become :class:`PairDocument` values (one per file and target language) through
*input kinds*: bilingual files (XLIFF, PO, CSV/TSV) and multilingual TMX are built in, and
any other source of pairs (article pairs ``NAME.en.md`` + ``NAME.ru.md`` once aligned) plugs
in by producing ``PairDocument`` values and handing them to :func:`check_documents`.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tmkit.config import Config, load_config
from tmkit.errors import InputError, UsageError
from tmkit.formats.po import CONTEXT_PROP
from tmkit.gc_pause import gc_paused
from tmkit.model import Finding, Segment, Severity, TranslationUnit, Variant, base_lang, lang_key
from tmkit.qa.baseline import apply_baseline, load_baseline
from tmkit.qa.config import (
    CheckSettings,
    LintSettings,
    check_settings,
    glob_match,
    lint_settings,
    relative_to_root,
)
from tmkit.qa.engine import Engine
from tmkit.qa.report import CheckedFile, Report
from tmkit.qa.suppress import markdown_suppressions
from tmkit.qa.view import CheckContext, DocumentView, PairView, language, normalize

TMX_SUFFIXES = (".tmx",)
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
_ARTICLE_NAME = re.compile(r"^(?P<name>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)"
                           r"\.(?P<ext>md|markdown|txt|html?)$")


@dataclass(frozen=True, slots=True)
class PairInput:
    """One segment pair as read from a file, before any analysis."""

    source: Segment
    target: Segment
    unit: str | None = None
    """The unit's own id (XLIFF id, TMX tuid); None for formats without ids (PO, CSV), so
    baselines key those findings on the source text rather than a position."""
    line: int | None = None
    notes: tuple[str, ...] = ()
    msg_context: str | None = None
    source_forms: tuple[str, ...] = ()
    alignment: str | None = None
    """For aligned articles: ``omitted`` (a source sentence without translation) or ``added``
    (a target sentence without source); None for ordinary pairs."""


@dataclass
class PairDocument:
    """The pairs of one file in one language direction."""

    file: str
    format: str
    src_lang: str
    tgt_lang: str
    pairs: list[PairInput] = field(default_factory=list)


@dataclass(frozen=True)
class CheckOptions:
    """What the command line (or a caller) asks for; ``None`` means "from the file or config"."""

    src_lang: str | None = None
    tgt_lang: str | None = None
    glossary: Path | None = None
    tm: Path | None = None
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    baseline: Path | None = None
    target_langs: tuple[str, ...] = ()
    """Restrict multilingual inputs to these target languages (``[lint] languages``)."""
    use_baseline: bool = True
    """False when writing a new baseline: every current finding must be seen."""
    source_article: Path | None = None
    """The source article for translated articles given as FILE (``--source``); by default
    ``NAME.<src>.md`` beside ``NAME.<tgt>.md``."""


# --------------------------------------------------------------------------- input kinds


def documents_from_path(path: Path, options: CheckOptions, config: Config,
                        context: CheckContext | None = None) -> list[PairDocument]:
    """The pair documents of one file: TMX gives one per target language, others one.

    A translated article (``NAME.ru.md``) is aligned with its source article first.
    """
    if path.is_dir():
        raise UsageError("this is a folder; `tmkit check` takes files",
                         path=str(path), hint=f"`tmkit lint {path}` checks every bilingual file under it")
    if not path.is_file():
        raise InputError("file not found", path=str(path))
    if _is_glossary_file(path):
        raise UsageError("this is a glossary, not translations to check", path=str(path),
                         hint=f"pass it with --glossary {path}")
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        source = options.source_article or source_article_for(path, options.src_lang or config.source_lang)
        return [article_document(source, path, options, config, context or CheckContext())]
    if path.suffix.lower() in TMX_SUFFIXES:
        return _tmx_documents(path, options, config)
    document = _bilingual_document(path, options, config)
    if options.target_langs and base_lang(document.tgt_lang) not in {base_lang(x) for x in options.target_langs}:
        return []
    return [document]


def _bilingual_document(path: Path, options: CheckOptions, config: Config) -> PairDocument:
    from tmkit.formats.registry import detect_format, read_units

    fmt = detect_format(path)
    document = read_units(path, fmt=fmt, src_lang=options.src_lang, tgt_lang=options.tgt_lang)
    src = options.src_lang or document.src_lang or config.source_lang
    tgt = (options.tgt_lang or document.tgt_lang or _single_target(config)
           or (options.target_langs[0] if len(options.target_langs) == 1 else None))
    if not src:
        raise UsageError("source language unknown", path=str(path), hint="pass --src-lang")
    if not tgt:
        raise UsageError("target language unknown", path=str(path), hint="pass --tgt-lang")
    result = PairDocument(_display(path), document.format or fmt, src, tgt)
    for unit in document.units:
        source = unit.variant(src) or unit.source_variant()
        target = unit.variant(tgt) if lang_key(tgt) != lang_key(src) else None
        if target is None:
            target = next((v for v in unit.variants if v is not source), None)
        if source is None:
            continue
        result.pairs.append(_pair(unit, source, target))
    return result


def _tmx_documents(path: Path, options: CheckOptions, config: Config) -> list[PairDocument]:
    """Every target language of every TU, not only the first: one document per language."""
    from tmkit.formats.tmx import iter_units

    chosen = (options.tgt_lang,) if options.tgt_lang else options.target_langs
    wanted = {base_lang(x) for x in chosen}
    by_lang: dict[tuple[str, str], PairDocument] = {}
    seen: dict[str, str] = {}
    for unit in iter_units(path):
        for variant in unit.variants:
            seen.setdefault(lang_key(variant.lang), variant.lang)
        source = _tmx_source(unit, options, config)
        if source is None:
            continue
        for variant in unit.variants:
            if variant is source or lang_key(variant.lang) == lang_key(source.lang):
                continue
            if wanted and base_lang(variant.lang) not in wanted:
                continue
            key = (lang_key(source.lang), lang_key(variant.lang))
            document = by_lang.get(key)
            if document is None:
                document = by_lang[key] = PairDocument(_display(path), "tmx", source.lang, variant.lang)
            document.pairs.append(_pair(unit, source, variant))
    if seen and not by_lang:
        asked = " -> ".join(x for x in (options.src_lang, options.tgt_lang) if x) or "the configured languages"
        raise UsageError(f"no unit pairs {asked}; the memory has {', '.join(sorted(seen.values()))}",
                         path=str(path), hint="pass --src-lang/--tgt-lang with languages the file has")
    return list(by_lang.values())


def article_lang(path: Path) -> str | None:
    """The language of ``NAME.<lang>.md`` (None when the name carries none)."""
    match = _ARTICLE_NAME.match(path.name)
    return match.group("lang") if match else None


def source_article_for(target: Path, src_lang: str | None) -> Path:
    """``NAME.<src>.<ext>`` beside ``NAME.<tgt>.<ext>``; a usage error when it is not there."""
    match = _ARTICLE_NAME.match(target.name)
    if match is None or not src_lang:
        raise UsageError("cannot tell which article this translates", path=str(target),
                         hint="name it NAME.<lang>.md beside NAME.<src>.md, or pass --source and --src-lang")
    if base_lang(match.group("lang")) == base_lang(src_lang):
        raise UsageError("this is the source article; check its translation instead", path=str(target))
    source = _source_sibling(target, src_lang)
    if source is None:
        raise UsageError(f"no source article {match.group('name')}.{src_lang}.{match.group('ext')} beside it",
                         path=str(target), hint="pass --source")
    return source


def _source_sibling(target: Path, src_lang: str) -> Path | None:
    """The source article beside translation ``target``: ``NAME.<src_lang>.md``, else the
    version whose language has the same base (``NAME.en.md`` for ``en-US``)."""
    match = _ARTICLE_NAME.match(target.name)
    if match is None:
        return None
    exact = target.with_name(f"{match.group('name')}.{src_lang}.{match.group('ext')}")
    if exact.is_file():
        return exact
    return next((sibling for sibling in sorted(_sibling_articles(target))
                 if base_lang(article_lang(sibling) or "") == base_lang(src_lang)), None)


def article_document(source: Path, target: Path, options: CheckOptions, config: Config,
                     context: CheckContext) -> PairDocument:
    """Align two versions of an article and turn the sentence pairs into a pair document.

    Findings point at the translation (its file and line); the unit names the source
    sentence's place (``NAME.en.md:7``). A source sentence the alignment leaves without a
    counterpart becomes an ``omitted`` pair placed at the line of the translation where it
    belongs (``sentence-omitted``), and a target sentence without source an ``added`` one
    (``sentence-added``). ``<!-- tmkit: ignore RULE -- reason -->`` in either article
    applies to the sentences on the next line.
    """
    from tmkit.align import align_articles
    from tmkit.formats.article import read_article

    if not source.is_file():
        raise InputError("source article not found", path=str(source))
    src_lang = options.src_lang or article_lang(source) or config.source_lang
    tgt_lang = options.tgt_lang or article_lang(target) or _single_target(config)
    if not src_lang or not tgt_lang:
        raise UsageError("article languages unknown", path=str(target), hint="pass --src-lang and --tgt-lang")
    alignment = align_articles(read_article(source), read_article(target), src_lang, tgt_lang,
                               glossary=context.glossary)
    src_marks, tgt_marks = _article_suppressions(source), _article_suppressions(target)
    document = PairDocument(_display(target), "article", src_lang, tgt_lang)
    last_target_line = None
    for pair in alignment.pairs:
        notes = tuple(m.text for s in pair.src for m in src_marks.get(s.line, ())) + \
            tuple(m.text for t in pair.tgt for m in tgt_marks.get(t.line, ()))
        if not pair.src:
            document.pairs.append(PairInput(Segment(), pair.tgt_segment, unit=f"{target.name}:{pair.tgt[0].line}",
                                            line=pair.tgt[0].line, notes=notes, alignment="added"))
            last_target_line = pair.tgt[-1].line
            continue
        if not pair.tgt:
            where = last_target_line or _first_target_line(alignment)
            document.pairs.append(PairInput(pair.src_segment, Segment(), unit=f"{source.name}:{pair.src[0].line}",
                                            line=where, notes=notes, alignment="omitted"))
            continue
        document.pairs.append(PairInput(pair.src_segment, pair.tgt_segment,
                                        unit=f"{source.name}:{pair.src[0].line}", line=pair.tgt[0].line,
                                        notes=notes))
        last_target_line = pair.tgt[-1].line
    return document


def _first_target_line(alignment) -> int | None:
    """Where an omission before every translated sentence belongs: the first target line."""
    return alignment.tgt_sentences[0].line if alignment.tgt_sentences else None


def _article_suppressions(path: Path) -> dict:
    if path.suffix.lower() not in (".md", ".markdown", ".txt"):
        return {}
    try:
        return markdown_suppressions(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return {}  # read_article has already reported an unreadable file


def _tmx_source(unit: TranslationUnit, options: CheckOptions, config: Config) -> Variant | None:
    """The source variant: ``--src-lang``, else the unit's (or header's) srclang, else tmkit.toml.

    The file's own declaration beats the configured default; the configuration only decides
    for units declared ``*all*``.
    """
    if options.src_lang:
        return unit.variant(options.src_lang)
    if (not unit.srclang or unit.srclang == "*all*") and config.source_lang:
        return unit.variant(config.source_lang) or unit.source_variant()
    return unit.source_variant()


def _pair(unit: TranslationUnit, source: Variant, target: Variant | None) -> PairInput:
    notes = [n.text for n in unit.notes] + [n.text for n in source.notes]
    if target is not None:
        notes += [n.text for n in target.notes]
    return PairInput(source.segment, target.segment if target is not None else Segment(),
                     unit=unit.tuid, line=unit.line, notes=tuple(notes), msg_context=unit.prop(CONTEXT_PROP),
                     source_forms=tuple(form.text for form in source.forms))



def _single_target(config: Config) -> str | None:
    return config.target_langs[0] if len(config.target_langs) == 1 else None


def _display(path: Path) -> str:
    """The path as the user will recognise it: relative to the working directory when inside it."""
    try:
        relative = Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return path.as_posix() if relative.parts[:1] == ("..",) else relative.as_posix()


# --------------------------------------------------------------------------- resources


def load_context(glossary: Path | None, tm: Path | None) -> CheckContext:
    """The glossary and memory shared by every pair of a run."""
    context = CheckContext()
    if glossary is not None:
        from tmkit.glossary import Glossary

        context.glossary = Glossary.load(glossary)
    if tm is not None:
        context.memory = load_memory(tm)
        context.memory_name = Path(tm).name
    return context


def load_memory(path: Path) -> dict[str, dict[str, dict[str, str]]]:
    """Index a memory (TMX or bilingual file) as {target language: {normalized source:
    {normalized target: target as written}}}."""
    if not Path(path).is_file():
        raise InputError("translation memory not found", path=str(path))
    memory: dict[str, dict[str, dict[str, str]]] = {}
    for unit in _memory_units(Path(path)):
        source = unit.source_variant()
        if source is None or not source.text.strip():
            continue
        src_key = normalize(source.text, language(source.lang))
        for variant in unit.variants:
            if variant is source or not variant.text.strip():
                continue
            targets = memory.setdefault(base_lang(variant.lang), {}).setdefault(src_key, {})
            targets.setdefault(normalize(variant.text, language(variant.lang)), variant.text)
    return memory


def _memory_units(path: Path) -> Iterable[TranslationUnit]:
    if path.suffix.lower() in TMX_SUFFIXES:
        from tmkit.formats.tmx import iter_units

        return iter_units(path)
    from tmkit.formats.registry import read_units

    return read_units(path).units


# --------------------------------------------------------------------------- running


def check_documents(documents: Iterable[PairDocument], context: CheckContext,
                    settings: CheckSettings, options: CheckOptions = CheckOptions()) -> Report:
    """Run the engine over pair documents from any input kind; the core of check and lint."""
    report = Report()
    with gc_paused():
        report.files = _check_each(documents, context, settings, options, report.findings, report.notes)
    baseline = options.baseline or settings.baseline
    if not options.use_baseline:
        return report
    if options.baseline is not None or (baseline is not None and baseline.is_file()):
        accepted = load_baseline(baseline)
        report.findings, report.baselined = apply_baseline(report.findings, accepted, settings.root)
    return report


def _check_each(documents: Iterable[PairDocument], context: CheckContext, settings: CheckSettings,
                options: CheckOptions, findings: list[Finding], notes: list[str]) -> list[CheckedFile]:
    """Append every document's findings to ``findings`` and a note per suppression naming
    a rule that does not exist to ``notes``; return what was checked, per file."""
    engines: dict[tuple, Engine] = {}
    files: dict[str, CheckedFile] = {}
    for document in documents:
        selection = settings.selection(document.file, enable=options.enable, disable=options.disable)
        key = (selection.enabled, tuple(sorted(selection.severities.items())))
        engine = engines.get(key) or engines.setdefault(key, Engine(selection))
        views = [PairView(p.source, p.target, document.src_lang, document.tgt_lang, unit=p.unit, line=p.line,
                          file=document.file, notes=p.notes, context=context, index=i,
                          msg_context=p.msg_context, source_forms=p.source_forms, alignment=p.alignment)
                 for i, p in enumerate(document.pairs)]
        findings.extend(engine.check_document(
            DocumentView(document.file, document.src_lang, document.tgt_lang, views, context)))
        notes.extend(_unknown_suppressed_rules(views))
        known = files.get(document.file)
        if known is None:
            files[document.file] = CheckedFile(document.file, document.format, document.src_lang,
                                               (document.tgt_lang,), len(document.pairs))
        else:
            files[document.file] = CheckedFile(known.path, known.format, known.src_lang,
                                               (*known.tgt_langs, document.tgt_lang), known.units + len(document.pairs))
    return list(files.values())


def _unknown_suppressed_rules(views: list[PairView]) -> Iterator[str]:
    """Notes for ``tmkit: ignore`` markers naming no rule (``quote-unpiared``): the marker
    silences nothing then, and the finding it was written for stays without a word why."""
    from difflib import get_close_matches

    from tmkit.qa.registry import all_rules

    known = {rule.id for rule in all_rules()} | {"*", "all"}
    for view in views:
        if not view.notes:
            continue
        for suppression in view.suppressions:
            for rule in sorted(suppression.rules - known):
                close = get_close_matches(rule, known, n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                where = f"{view.file}:{view.line}" if view.line else f"{view.file} {view.where}"
                yield f"{where}: the suppression names no rule {rule!r}{hint}; it silences nothing"


def run_check(paths: Sequence[str | Path], options: CheckOptions = CheckOptions(),
              config: Config | None = None) -> Report:
    """Check the given files: the library form of ``tmkit check FILE...``."""
    if not paths:
        raise UsageError("no input files", hint="tmkit check FILE...")
    for code in (options.src_lang, options.tgt_lang, *options.target_langs):
        if code:
            language(code)  # an invalid code is a usage error before any file is read
    config = config if config is not None else load_config()
    settings = check_settings(config)
    notes: list[str] = []
    glossary = options.glossary or _configured(config.glossary, "glossary", notes)
    tm = options.tm or _configured(config.tm, "tm", notes)
    context = load_context(glossary, tm)
    documents = _documents([Path(p) for p in paths], options, config, context)
    report = check_documents(documents, context, settings, options)
    report.notes.extend(notes)
    return report


def _configured(path: Path | None, key: str, notes: list[str]) -> Path | None:
    """A resource named in tmkit.toml; one that does not exist yet is skipped with a note.

    A flag naming a missing file is an error, but a configured memory that a fresh clone has
    not built yet should not stop every check: the report says what was left out.
    """
    if path is None or path.is_file():
        return path
    notes.append(f"{key} {path} from the configuration does not exist; checks that need it were skipped")
    return None


def _documents(paths: list[Path], options: CheckOptions, config: Config,
               context: CheckContext) -> Iterator[PairDocument]:
    for path in paths:
        yield from documents_from_path(path, options, config, context)


# --------------------------------------------------------------------------- lint


def discover(paths: Sequence[str | Path], settings: LintSettings, src_lang: str | None = None) -> list[Path]:
    """Bilingual files under ``paths`` matching ``[lint] include`` and not ``exclude``, sorted.

    Globs are matched against paths relative to the configuration folder. A file named
    explicitly (as pre-commit passes every changed file) needs no ``include`` match but is
    still subject to ``exclude``. CSV/TSV glossaries are skipped, and so are articles that
    are not a translation ``NAME.<lang>.md`` with ``NAME.<src_lang>.md`` beside it
    (sources, READMEs).
    """
    found: dict[Path, None] = {}
    for raw in paths or [settings.root]:
        path = Path(raw)
        if path.is_file():
            # a source article named on its own (pre-commit after editing it) stands for its
            # translations: an edited source is when they drift
            for candidate in (path, *_translations_of_source(path, src_lang)):
                if not _excluded(candidate, settings) and not _is_glossary(candidate) \
                        and _is_checkable_article(candidate, settings, src_lang):
                    found[candidate] = None
            continue
        if not path.is_dir():
            raise InputError("no such file or folder", path=str(path))
        for candidate in sorted(path.rglob("*")):
            if candidate.is_file() and _wanted(candidate, settings) and not _is_glossary(candidate) \
                    and _is_checkable_article(candidate, settings, src_lang):
                found[candidate] = None
    return list(found)


def _translations_of_source(path: Path, src_lang: str | None) -> list[Path]:
    """The other versions of ``path`` when it is a source article (``NAME.<src_lang>.md``)."""
    lang = article_lang(path) if path.suffix.lower() in ARTICLE_SUFFIXES else None
    if lang is None or not src_lang or base_lang(lang) != base_lang(src_lang):
        return []
    return sorted(_sibling_articles(path))


def _is_checkable_article(path: Path, settings: LintSettings, src_lang: str | None) -> bool:
    """True for non-articles, and for translated articles whose source article exists.

    Articles that have other-language versions but no source among them are a usage error,
    like a missing source language: skipping them would pass every translation unchecked
    (a ``source_lang`` of ``fr`` in a newsroom writing in English), and CI would read that
    as clean. A lone ``NAME.<lang>.md`` with no versions beside it is not a translation.
    """
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return True
    lang = article_lang(path)
    if lang is None:
        return False
    siblings = _sibling_articles(path)
    if not src_lang and siblings:
        raise UsageError("cannot tell source articles from translations: the source language "
                         "is not configured", path=str(path),
                         hint="set source_lang in tmkit.toml or pass --src-lang")
    if not src_lang or base_lang(lang) == base_lang(src_lang):
        return False
    if settings.languages and base_lang(lang) not in {lang_key(x) for x in settings.languages}:
        return False
    if _source_sibling(path, src_lang) is not None:
        return True
    if siblings:
        versions = ", ".join(sorted(p.name for p in (path, *siblings)))
        raise UsageError(f"none of the versions of this article ({versions}) is in the source "
                         f"language {src_lang}", path=str(path),
                         hint="check source_lang in tmkit.toml or --src-lang")
    return False


def _sibling_articles(path: Path) -> list[Path]:
    """Other-language versions of article ``path`` (``NAME.<lang>.md`` beside ``NAME.ru.md``)."""
    match = _ARTICLE_NAME.match(path.name)
    if match is None:
        return []
    siblings = []
    for candidate in path.parent.glob(f"{glob.escape(match.group('name'))}.*.{match.group('ext')}"):
        other = _ARTICLE_NAME.match(candidate.name)
        if candidate != path and other is not None and other.group("name") == match.group("name"):
            siblings.append(candidate)
    return siblings


def _is_glossary(path: Path) -> bool:
    """CSV/TSV files with a ``concept`` column are glossaries, not pairs: lint passes them by."""
    from tmkit.formats.registry import GLOSSARY_FORMATS, detect_format

    return path.suffix.lower() in (".csv", ".tsv") and detect_format(path) in GLOSSARY_FORMATS


def _is_glossary_file(path: Path) -> bool:
    """A TBX file or a glossary CSV/TSV (what ``tmkit check`` takes with ``--glossary``)."""
    return path.suffix.lower() == ".tbx" or _is_glossary(path)


def _excluded(path: Path, settings: LintSettings) -> bool:
    relative = relative_to_root(path, settings.root)
    return any(glob_match(relative, pattern) for pattern in settings.exclude)


def _wanted(path: Path, settings: LintSettings) -> bool:
    if _excluded(path, settings):
        return False
    relative = relative_to_root(path, settings.root)
    return any(glob_match(relative, pattern) for pattern in settings.include)


def run_lint(paths: Sequence[str | Path] = (), options: CheckOptions = CheckOptions(),
             config: Config | None = None) -> Report:
    """Find the bilingual files under ``paths`` and check them all: ``tmkit lint``."""
    config = config if config is not None else load_config()
    lint = lint_settings(config)
    for code in (options.src_lang, options.tgt_lang, *options.target_langs, config.source_lang,
                 *lint.languages):
        if code:
            language(code)  # "english" would otherwise match no article name and pass everything
    if options.tgt_lang:
        # in lint the target language picks which translations to check, it does not
        # declare every file to be in it (NAME.az.md checked as Russian)
        lint = replace(lint, languages=(options.tgt_lang,))
        options = replace(options, tgt_lang=None, target_langs=(options.tgt_lang,))
    files = discover(paths, lint, options.src_lang or config.source_lang)
    if not options.target_langs and lint.languages:
        options = replace(options, target_langs=lint.languages)
    if not files:
        settings = check_settings(config)
        return check_documents([], CheckContext(), settings, options)
    return run_check(files, options, config)


# --------------------------------------------------------------------------- back into the memory


def clean_units(paths: Sequence[str | Path], report: Report, options: CheckOptions = CheckOptions(),
                config: Config | None = None) -> list[TranslationUnit]:
    """Approved units of the checked files that no error-level finding points at.

    What ``tmkit check --update-tm`` puts into the memory: a translation the checks object
    to must not become the reference for the next one. Units are matched to findings by
    file and unit id, or by source text where the format has no ids. Article pairs give the
    units of their alignment, under the same rule.
    """
    from tmkit.formats.registry import read_units
    from tmkit.workflows.align import align_article_set

    config = config if config is not None else load_config()
    glossary = None
    if any(Path(raw).suffix.lower() in ARTICLE_SUFFIXES for raw in paths):
        # the same glossary anchors as the check's own alignment, so the units stored are
        # the sentence pairs that were checked
        glossary = load_context(options.glossary or _configured(config.glossary, "glossary", []), None).glossary
    flagged = {(f.file, f.unit) for f in report.findings if f.severity is Severity.ERROR}
    flagged_text = {(f.file, f.source) for f in report.findings if f.severity is Severity.ERROR}
    kept: list[TranslationUnit] = []
    for raw in paths:
        path = Path(raw)
        shown = _display(path)
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            src_lang = options.src_lang or config.source_lang
            source = options.source_article or source_article_for(path, src_lang)
            result = align_article_set(source, [path], src_lang=src_lang or article_lang(source),
                                       tgt_langs=[options.tgt_lang] if options.tgt_lang else None,
                                       glossary=glossary)
            kept.extend(unit for unit in result.units if (shown, unit.variants[0].text) not in flagged_text)
            continue
        document = read_units(path, src_lang=options.src_lang, tgt_lang=options.tgt_lang)
        for unit in document.units:
            if unit.state is not None and not unit.state.approved:
                continue
            source_text = unit.variants[0].text if unit.variants else ""
            if (unit.tuid is not None and (shown, unit.tuid) in flagged) or (shown, source_text) in flagged_text:
                continue
            kept.append(unit)
    return kept
