"""TMX dates: the ISO 8601 basic format ``YYYYMMDDThhmmssZ``, always UTC.

Memories repeat the same few timestamps thousands of times (one per project save), so both
directions are cached: parsing is on the reader's hot path.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

_BASIC = re.compile(r"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z\Z")


@lru_cache(maxsize=8192)
def parse_date(value: str) -> datetime | None:
    """An aware UTC datetime, or None when ``value`` is not a valid TMX basic-format date.

    Callers keep unparsable values verbatim instead of guessing what a tool meant.
    """
    match = _BASIC.match(value)
    if match is None:
        return None
    try:
        return datetime(*map(int, match.groups()), tzinfo=UTC)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def format_date(value: datetime) -> str:
    """``value`` in TMX basic format; a naive datetime is taken to be UTC already.

    Sub-second precision is dropped: the format has none.
    """
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return (f"{value.year:04d}{value.month:02d}{value.day:02d}"
            f"T{value.hour:02d}{value.minute:02d}{value.second:02d}Z")
