"""A click group that imports each sub-command only when it is listed or invoked.

Keeps ``tmkit --help`` fast: pymorphy3, SQLite and lxml load only for commands that use them.
"""

from __future__ import annotations

import importlib

import click


class LazyGroup(click.Group):
    """Sub-commands come from ``commands``: name -> ``"module:attribute"``."""

    def __init__(self, *args, commands: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.lazy_commands) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands:
            return self.commands[name]
        target = self.lazy_commands.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)
