"""Sentence alignment of article translations (Gale–Church lengths plus lexical anchors).

``align_sentences`` aligns two lists of sentences; ``align_articles`` reads the block
structure of two articles, aligns paragraphs first where they correspond, then sentences
inside them. Both return :class:`Bead` values with a confidence, including omissions (1-0)
and additions (0-1).
"""

from tmkit.align.aligner import AlignedPair, ArticleAlignment, align_articles, align_sentences
from tmkit.align.beads import Bead

__all__ = ["AlignedPair", "ArticleAlignment", "Bead", "align_articles", "align_sentences"]
