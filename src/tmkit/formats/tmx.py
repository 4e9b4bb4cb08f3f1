"""TMX (Translation Memory eXchange) 1.1-1.4: the one import for readers and writers.

The work is split into small modules: :mod:`tmx_read` (streaming reader, from lxml
elements), :mod:`tmx_scan` (its fast path for UTF-8 text), :mod:`tmx_fields` (what TMX
attributes mean, for both), :mod:`tmx_write` (streaming, atomic writer), :mod:`tmx_inline`
(segment content both ways), :mod:`tmx_markup` (escaping and names for the writer),
:mod:`tmx_dates`, :mod:`model_build` (the reader's fast model constructors) and
:mod:`tmx_stats` (``tmkit tm stats``).
"""

from __future__ import annotations

from tmkit.formats.tmx_read import TmxDocument, iter_units, load_tmx, read_header
from tmkit.formats.tmx_write import write_tmx

__all__ = ["TmxDocument", "iter_units", "load_tmx", "read_header", "write_tmx"]
