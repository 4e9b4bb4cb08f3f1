"""tmkit: translation memories, glossaries and QA for newsrooms publishing in en, ru and az.

The package is a library first; the ``tmkit`` command is a thin skin over it. The names
below are the functions behind the commands, importable from ``tmkit`` directly::

    >>> import tmkit
    >>> tmkit.get_language("az").fold("İSRAİL")
    'israil'

They are loaded on first use, so ``import tmkit`` (and ``tmkit --help``) stays fast and
pymorphy3, SQLite or lxml load only when a function needing them is called.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # formats
    "load_tmx": "tmkit.formats.tmx:load_tmx",
    "iter_tmx": "tmkit.formats.tmx:iter_units",
    "write_tmx": "tmkit.formats.tmx:write_tmx",
    "read_units": "tmkit.formats.registry:read_units",
    "write_units": "tmkit.formats.registry:write_units",
    "convert": "tmkit.formats.registry:convert_file",
    "validate": "tmkit.formats.validate:validate_file",
    "load_glossary": "tmkit.formats.glossary_io:load_glossary_file",
    "read_article": "tmkit.formats.article:read_article",
    # language knowledge and terminology
    "get_language": "tmkit.lang:get_language",
    "Glossary": "tmkit.glossary:Glossary",
    # quality checks
    "check": "tmkit.workflows.check:run_check",
    "lint": "tmkit.workflows.check:run_lint",
    "check_pairs": "tmkit.qa:check_pairs",
    "CheckOptions": "tmkit.workflows.check:CheckOptions",
    # alignment
    "align_sentences": "tmkit.align:align_sentences",
    "align_articles": "tmkit.align:align_articles",
    "align_article_set": "tmkit.workflows.align:align_article_set",
    # memory and pre-translation
    "Store": "tmkit.tm.store:Store",
    "import_files": "tmkit.tm.store:import_files",
    "search": "tmkit.tm.search:search",
    "concordance": "tmkit.tm.concordance:concordance",
    "pretranslate": "tmkit.workflows.apply:pretranslate",
    "write_draft": "tmkit.workflows.apply:write_draft",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'tmkit' has no attribute {name!r}")
    module_name, attribute = target.split(":")
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
