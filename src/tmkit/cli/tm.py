"""``tmkit tm``: the memory keeper's commands, one module per sub-command."""

from __future__ import annotations

import click

from tmkit.cli.lazy import LazyGroup

SUBCOMMANDS: dict[str, str] = {
    "stats": "tmkit.cli.tm_stats:stats",
    "import": "tmkit.cli.tm_store:import_",
    "export": "tmkit.cli.tm_store:export",
    "search": "tmkit.cli.tm_store:search",
    "concordance": "tmkit.cli.tm_store:concordance",
    "dedupe": "tmkit.cli.tm_store:dedupe",
    "merge": "tmkit.cli.tm_store:merge",
    "add": "tmkit.cli.tm_store:add",
    "forget": "tmkit.cli.tm_store:forget",
}


@click.group(cls=LazyGroup, commands=SUBCOMMANDS)
def tm() -> None:
    """Inspect, import, search and maintain translation memories."""
