"""Align two texts: sentence lists directly, or articles paragraph by paragraph.

Articles are aligned in two passes. Paragraphs (blocks) are aligned first with the same
length-plus-anchor model, because newsroom translations nearly always keep paragraphs, and
a paragraph boundary is far stronger evidence than any sentence length. Sentences are then
aligned inside each pair of corresponding paragraphs, where the search is tiny. When the
paragraph structures disagree too much (one side unparagraphed), the whole text is aligned
as one run of sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tmkit.align.anchors import anchor_sets, shared_anchors, to_bitsets
from tmkit.align.beads import Bead
from tmkit.align.dp import Scored, best_path
from tmkit.formats.article import Article
from tmkit.lang import get_language
from tmkit.model import Segment

MIN_RATIO, MAX_RATIO = 0.5, 2.0
"""Bounds on the document's target/source length ratio, against degenerate inputs."""


def align_sentences(src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str,
                    glossary=None, ratio: float | None = None) -> list[Bead]:
    """Align two sentence lists; every index appears in exactly one bead, in order.

    Without a given ``ratio`` the length ratio is estimated twice: from the whole texts,
    then again from the one-to-one links of that first alignment. A dropped sentence
    biases the first estimate (the translation looks shorter than it is), and a biased
    ratio is exactly what lets the length model hide the omission in a merge.
    """
    if not src and not tgt:
        return []
    return _align([len(s) for s in src], [len(t) for t in tgt], anchor_sets(src, src_lang, glossary),
                  anchor_sets(tgt, tgt_lang, glossary), ratio)


def _align(src_lens: Sequence[int], tgt_lens: Sequence[int], src_sets: Sequence[set[str]],
           tgt_sets: Sequence[set[str]], ratio: float | None, shared: set[str] | None = None) -> list[Bead]:
    """Align from precomputed lengths and anchor sets (see :func:`align_sentences`);
    ``shared`` are the anchors that count (default: those on both sides of this input)."""
    if not src_lens and not tgt_lens:
        return []
    src_bits, tgt_bits = to_bitsets(src_sets, tgt_sets, shared)
    path = best_path(src_lens, tgt_lens, src_bits, tgt_bits, ratio or _length_ratio(src_lens, tgt_lens))
    if ratio is None:
        refined = refine_ratio(path, src_lens, tgt_lens)
        if refined is not None:
            path = best_path(src_lens, tgt_lens, src_bits, tgt_bits, refined)
    return [Bead(step.src, step.tgt, confidence(step)) for step in path]


def refine_ratio(path: Sequence[Scored], src_lens: Sequence[int], tgt_lens: Sequence[int]) -> float | None:
    """The length ratio over one-to-one links, when it differs enough to realign."""
    src_total = sum(src_lens[s.src[0]] for s in path if len(s.src) == 1 and len(s.tgt) == 1)
    tgt_total = sum(tgt_lens[s.tgt[0]] for s in path if len(s.src) == 1 and len(s.tgt) == 1)
    if not src_total or not tgt_total:
        return None
    first = _length_ratio(src_lens, tgt_lens)
    refined = max(MIN_RATIO, min(MAX_RATIO, tgt_total / src_total))
    return refined if abs(refined - first) / first > 0.03 else None


def confidence(step: Scored) -> float:
    """How sure the aligner is of one bead, in [0, 1].

    Length agreement alone is weak evidence (two unrelated sentences can have similar
    lengths); anchors shared on both sides are strong, and anchors that clash are a strong
    sign of a wrong link, while anchors found on one side only lower it a little. Omissions and additions get the length evidence of the sentence
    being unmatched, capped at 0.6: they always deserve a human look.
    """
    length = step.length_prob ** 0.5
    if not step.src or not step.tgt:
        return round(min(0.6, 1.0 - length), 3)
    if step.anchor_score is None:
        value = 0.25 + 0.6 * length
    elif step.anchor_score == 0 and not step.clash:
        # anchors on one side only: a glossary term or name the translation rendered
        # another way (Caspian as Каспийского, Baku as Бакинском) is no sign of a wrong link
        value = 0.05 + 0.6 * length
    else:
        value = 0.3 * length + 0.7 * step.anchor_score + (0.1 if step.anchor_score > 0 else -0.1)
    if len(step.src) + len(step.tgt) > 2:
        value *= 0.9 if len(step.src) + len(step.tgt) == 3 else 0.8
    return round(max(0.0, min(1.0, value)), 3)


def _length_ratio(src_lens: Sequence[int], tgt_lens: Sequence[int]) -> float:
    src_total, tgt_total = sum(src_lens), sum(tgt_lens)
    if not src_total or not tgt_total:
        return 1.0
    return max(MIN_RATIO, min(MAX_RATIO, tgt_total / src_total))


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article with the segment (codes kept) and the line it starts on."""

    index: int
    block: int
    segment: Segment
    line: int

    @property
    def text(self) -> str:
        return self.segment.text


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """One bead resolved to the sentences it joins."""

    bead: Bead
    src: tuple[Sentence, ...]
    tgt: tuple[Sentence, ...]

    @property
    def src_segment(self) -> Segment:
        return join_sentences(self.src)

    @property
    def tgt_segment(self) -> Segment:
        return join_sentences(self.tgt)


@dataclass(frozen=True, slots=True)
class ArticleAlignment:
    """The alignment of two articles: sentences of each side and the beads joining them."""

    src_path: str
    tgt_path: str
    src_lang: str
    tgt_lang: str
    src_sentences: tuple[Sentence, ...]
    tgt_sentences: tuple[Sentence, ...]
    pairs: tuple[AlignedPair, ...]

    @property
    def beads(self) -> list[Bead]:
        return [p.bead for p in self.pairs]


def article_sentences(article: Article, lang: str) -> list[Sentence]:
    """Split every block into sentences with the language's rules, keeping codes and lines."""
    language = get_language(lang)
    sentences: list[Sentence] = []
    for block_index, block in enumerate(article.blocks):
        text = block.text
        for start, end in language.sentences(text) or [(0, len(text))]:
            segment = block.segment.slice(start, end)
            if segment.text.strip():
                sentences.append(Sentence(len(sentences), block_index, segment, block.line_at(start)))
    return sentences


def align_articles(src: Article, tgt: Article, src_lang: str, tgt_lang: str,
                   glossary=None) -> ArticleAlignment:
    """Align two versions of an article, paragraphs first, then sentences within them."""
    src_sents = article_sentences(src, src_lang)
    tgt_sents = article_sentences(tgt, tgt_lang)
    features = _Features(src_sents, tgt_sents, src_lang, tgt_lang, glossary)
    groups = _paragraph_groups(src_sents, tgt_sents, features)
    ratio = _article_ratio(groups)
    pairs: list[AlignedPair] = []
    for src_group, tgt_group in groups:
        beads = features.align(src_group, tgt_group, ratio)
        for bead in beads:
            src_part = tuple(src_group[k] for k in bead.src)
            tgt_part = tuple(tgt_group[k] for k in bead.tgt)
            global_bead = Bead(tuple(s.index for s in src_part), tuple(t.index for t in tgt_part),
                               bead.confidence)
            pairs.append(AlignedPair(global_bead, src_part, tgt_part))
    return ArticleAlignment(src.path, tgt.path, src_lang, tgt_lang, tuple(src_sents),
                            tuple(tgt_sents), tuple(pairs))


class _Features:
    """Lengths and anchors of every sentence of both articles, computed once."""

    def __init__(self, src: list[Sentence], tgt: list[Sentence], src_lang: str, tgt_lang: str,
                 glossary) -> None:
        self.src_sets = anchor_sets([s.text for s in src], src_lang, glossary)
        self.tgt_sets = anchor_sets([t.text for t in tgt], tgt_lang, glossary)
        self.shared = shared_anchors(self.src_sets, self.tgt_sets)

    def align(self, src: Sequence[Sentence], tgt: Sequence[Sentence], ratio: float | None) -> list[Bead]:
        return _align([len(s.text) for s in src], [len(t.text) for t in tgt],
                      [self.src_sets[s.index] for s in src], [self.tgt_sets[t.index] for t in tgt], ratio,
                      self.shared)

    def blocks_clash(self, src_block: list[Sentence], tgt_block: list[Sentence]) -> bool:
        """Both paragraphs hold anchors of the article (names, numbers, terms) and share none."""
        src_anchors = set().union(*(self.src_sets[s.index] for s in src_block)) & self.shared
        tgt_anchors = set().union(*(self.tgt_sets[t.index] for t in tgt_block)) & self.shared
        return bool(src_anchors) and bool(tgt_anchors) and not src_anchors & tgt_anchors

    def align_blocks(self, src_blocks: list[list[Sentence]], tgt_blocks: list[list[Sentence]]) -> list[Bead]:
        def length(block: list[Sentence]) -> int:
            return sum(len(s.text) + 1 for s in block)

        return _align([length(b) for b in src_blocks], [length(b) for b in tgt_blocks],
                      [set().union(*(self.src_sets[s.index] for s in b)) for b in src_blocks],
                      [set().union(*(self.tgt_sets[t.index] for t in b)) for b in tgt_blocks], None)


def _article_ratio(groups: list[tuple[list[Sentence], list[Sentence]]]) -> float:
    """One length ratio for the whole article, from paragraphs that kept their sentence count.

    Paragraph-local ratios are useless exactly where it matters: a paragraph that lost a
    sentence in translation looks like a paragraph of a very terse language. Paragraphs
    whose sentence counts agree on both sides are the ones least likely to hide an
    omission, so the ratio comes from them when there are any.
    """
    src_total = sum(len(s.text) for src_group, tgt_group in groups
                    if len(src_group) == len(tgt_group) for s in src_group)
    tgt_total = sum(len(t.text) for src_group, tgt_group in groups
                    if len(src_group) == len(tgt_group) for t in tgt_group)
    if not src_total or not tgt_total:
        src_total = sum(len(s.text) for src_group, _ in groups for s in src_group)
        tgt_total = sum(len(t.text) for _, tgt_group in groups for t in tgt_group)
    return _length_ratio([src_total], [tgt_total])


def _paragraph_groups(src: list[Sentence], tgt: list[Sentence],
                      features: _Features) -> list[tuple[list[Sentence], list[Sentence]]]:
    """Runs of sentences whose paragraphs correspond, from a paragraph-level alignment."""
    src_blocks = _by_block(src)
    tgt_blocks = _by_block(tgt)
    few, many = sorted((len(src_blocks), len(tgt_blocks)))
    if few < 2 or few / many < 0.6:
        return [(src, tgt)]
    if len(src_blocks) == len(tgt_blocks) and _blocks_correspond(src_blocks, tgt_blocks) and not any(
            features.blocks_clash(a, b) for a, b in zip(src_blocks, tgt_blocks, strict=True)):
        return list(zip(src_blocks, tgt_blocks, strict=True))
    groups = []
    for bead in features.align_blocks(src_blocks, tgt_blocks):
        groups.append(([s for k in bead.src for s in src_blocks[k]],
                       [t for k in bead.tgt for t in tgt_blocks[k]]))
    return groups


PARAGRAPH_SPREAD = 2.5
"""How far one paragraph's length ratio may stray from the article's before the paragraphs
are no longer taken to correspond one to one."""


def _blocks_correspond(src_blocks: list[list[Sentence]], tgt_blocks: list[list[Sentence]]) -> bool:
    """Same number of paragraphs, none of them wildly longer or shorter than the article's ratio.

    This is the usual newsroom case, and taking it as given is more reliable than letting
    the length model trade a paragraph that gained or lost a sentence for a 2-2 merge.
    """
    src_lens = [sum(len(s.text) for s in block) for block in src_blocks]
    tgt_lens = [sum(len(t.text) for t in block) for block in tgt_blocks]
    ratio = _length_ratio(src_lens, tgt_lens)
    for src_len, tgt_len in zip(src_lens, tgt_lens, strict=True):
        local = tgt_len / max(src_len, 1)
        if not ratio / PARAGRAPH_SPREAD <= local <= ratio * PARAGRAPH_SPREAD:
            return False
    return True


def _by_block(sentences: list[Sentence]) -> list[list[Sentence]]:
    blocks: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        blocks.setdefault(sentence.block, []).append(sentence)
    return list(blocks.values())


def join_sentences(sentences: Iterable[Sentence]) -> Segment:
    """Sentences as one segment, a space between them, their inline codes kept."""
    parts = []
    for index, sentence in enumerate(sentences):
        if index:
            parts.append(" ")
        parts.extend(sentence.segment.parts)
    return Segment.of(*parts)
