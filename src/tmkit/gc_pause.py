"""Pause Python's cyclic garbage collector while a batch job builds many long-lived objects.

Readers (a 50,000-entry PO catalog) and the check engine build objects that all live until
the job ends. A check run keeps a view, its cached analyses and its findings for every unit of a
document. Each allocation burst makes the collector traverse that growing heap again, and
on 20,000 news pairs the full collections alone cost about a fifth of ``tmkit check``'s time
(measured with ``bench/check.py``), while they find almost nothing to free: the objects
are alive until the report is written. The pause is scoped: the previous state is restored
on exit, so a long-running program that calls the library keeps its collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable automatic collection inside the block; restore the previous state after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
