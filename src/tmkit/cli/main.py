"""The ``tmkit`` command group: global options, error handling, and sub-command registration.

Every sub-command lives in its own module beside this one and is registered in
:data:`COMMANDS`. Errors a user can fix (:class:`tmkit.errors.TmkitError`) become one line
on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import sys

import click

from tmkit import __version__
from tmkit.cli.lazy import LazyGroup
from tmkit.errors import TmkitError

EPILOG = """\b
Examples:
  tmkit tm stats memory.tmx --format json
  tmkit convert memory.tmx memory.xlf --src-lang en --tgt-lang ru
  tmkit validate corpora/newsroom.tmx
  tmkit term lookup форпоста
  tmkit check article.ru.xlf --format sarif -o report.sarif
  tmkit align corpora/articles/caspian.en.md corpora/articles/caspian.ru.md -o caspian.tmx
  tmkit apply new.en.md --src en --tgt ru -o draft.xlf

Exit codes: 0 ok, 1 findings at or above --fail-on (or an invalid file), 2 usage or input error.
"""

COMMANDS: dict[str, str] = {
    "align": "tmkit.cli.align:align",
    "check": "tmkit.cli.check:check",
    "lint": "tmkit.cli.lint:lint",
    "tm": "tmkit.cli.tm:tm",
    "term": "tmkit.cli.term:term",
    "convert": "tmkit.cli.convert:convert",
    "validate": "tmkit.cli.validate:validate",
    "apply": "tmkit.cli.apply:apply",
}
"""Sub-command name -> ``module:attribute``; imported lazily so ``tmkit --help`` stays fast."""


@click.group(cls=LazyGroup, commands=COMMANDS, epilog=EPILOG,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tmkit")
def cli() -> None:
    """tmkit: translation memories, glossaries and QA for an en/ru/az newsroom."""


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning input and usage errors into one line on stderr and exit 2."""
    try:
        # Without standalone mode click *returns* the code of ctx.exit(n) instead of exiting.
        code = cli.main(args=argv, prog_name="tmkit", standalone_mode=False)
    except TmkitError as exc:
        click.echo(f"tmkit: error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
