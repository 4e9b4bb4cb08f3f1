"""Readers and writers of the translation industry's interchange formats.

Every reader goes through :mod:`tmkit.formats.xmlsafe` for XML, returns values from
:mod:`tmkit.model`, and raises :class:`tmkit.errors.InputError` naming file, line and column.
"""
