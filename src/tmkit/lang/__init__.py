"""Language knowledge behind one interface: ``get_language(code)``.

``en``, ``ru`` and ``az`` have their own modules; any other well-formed code (``de``,
``fr-CA``) gets :class:`~tmkit.lang.generic.GenericLanguage`, which folds case, tokenizes and
segments without morphology. Regional variants share their language (``en-GB`` -> ``en``),
and the ISO 639-2/3 codes ``eng``, ``rus``, ``aze``, ``azj`` map to the two-letter modules.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

import regex

from tmkit.errors import UsageError
from tmkit.lang.base import Language, NumberMention, Token
from tmkit.model import lang_key

__all__ = ["Language", "NumberMention", "Token", "get_language", "supported_languages"]

_CODE = regex.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*")
_ALIASES = {"eng": "en", "rus": "ru", "aze": "az", "azj": "az"}
_MODULES = {"en": "English", "ru": "Russian", "az": "Azerbaijani"}
"""Code -> class name in ``tmkit.lang.<code>``: adding a language is adding a file and a line."""


def supported_languages() -> tuple[str, ...]:
    """Codes with a dedicated module (everything else is served generically)."""
    return tuple(_MODULES)


def get_language(code: str | None) -> Language:
    """The :class:`Language` for a BCP 47-like code; raises UsageError for a malformed code."""
    key = lang_key(code)
    if not key or _CODE.fullmatch(key) is None:
        raise UsageError(
            f"invalid language code {code!r}",
            hint="use a code such as en, ru, az or en-US",
        )
    primary = key.split("-", 1)[0]
    return _language(_ALIASES.get(primary, primary))


@cache
def _language(primary: str) -> Language:
    """One shared instance per language; a language module is imported on first request."""
    class_name = _MODULES.get(primary)
    if class_name is None:
        from tmkit.lang.generic import GenericLanguage

        return GenericLanguage(code=primary, name=primary)
    return getattr(import_module(f"tmkit.lang.{primary}"), class_name)()
