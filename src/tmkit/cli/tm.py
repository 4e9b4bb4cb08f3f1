"""``tmkit tm``: the memory keeper's commands, one module per sub-command."""

from __future__ import annotations

import click

from tmkit.cli.lazy import LazyGroup

SUBCOMMANDS: dict[str, str] = {
}


@click.group(cls=LazyGroup, commands=SUBCOMMANDS)
def tm() -> None:
    """Inspect, import, search and maintain translation memories."""
