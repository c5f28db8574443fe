"""The `compliance` command: a click group whose subcommands each live in a module here.

Modules only parse options, call the pipeline, render and return an exit status. The group
imports a command's module only when that command runs (click's lazy-subcommand pattern), and
heavy libraries are imported inside the command functions, so `compliance hook` pays for
nothing it does not use. click is used directly: its import is cheap, where typer's builds a
pydantic validator per parameter.

Errors become exit statuses in one place, `ComplianceGroup`: a ComplianceError or an unwritable
output is one line and status 2 (USAGE), and so is every usage error (unknown command, bad
option); anything unexpected is a bug, told in one line with status 3 (INTERNAL), never 1, which
CI reads as findings. ``compliance --debug COMMAND`` prints the traceback too.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

import click

from ..errors import ComplianceError, exception_text
from ..status import INTERNAL, USAGE

__all__ = ["ComplianceGroup", "app", "main"]

_SKIP = {"common"}


def _say(message: str) -> None:
    click.echo(f"compliance: {message}", err=True)


def internal_error_line(exc: BaseException) -> str:
    """``internal error: <what>``, with where it happened (exception notes, e.g. the document)."""
    what = exception_text(exc)
    notes = " ".join(getattr(exc, "__notes__", ()))
    where = f" {notes}" if notes else ""
    return f"internal error: {what}{where} (run with --debug for the traceback)"


class ComplianceGroup(click.Group):
    """The command group: lazy subcommands, and one documented exit status and line per outcome."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(
            info.name
            for info in pkgutil.iter_modules(__path__)
            if info.name not in _SKIP and not info.name.startswith("_")
        )

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.list_commands(ctx):
            return None
        module = importlib.import_module(f"{__name__}.{cmd_name}")
        command: click.Command = module.command
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click's, with a suggestion when the name is a typo of a command."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            import difflib

            close = difflib.get_close_matches(args[0], self.list_commands(ctx), n=1)
            if not close:
                raise
            hint = f"{exc.format_message()} Did you mean {close[0]!r}?"
            raise click.UsageError(hint, ctx) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ComplianceError as exc:
            _say(f"error: {exc}")
            raise click.exceptions.Exit(USAGE) from None
        except BrokenPipeError:  # `compliance scan ... | head`: the reader left; nothing to say
            sys.stderr.close()
            raise click.exceptions.Exit(141) from None
        except OSError as exc:  # e.g. --output in a folder that cannot be written
            where = f"{exc.filename}: " if exc.filename else ""
            _say(f"error: {where}{exc.strerror or exc}")
            raise click.exceptions.Exit(USAGE) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        except Exception as exc:
            if ctx.params.get("debug"):
                import traceback  # only a bug's report needs it

                traceback.print_exception(exc, file=sys.stderr)
            _say(internal_error_line(exc))
            raise click.exceptions.Exit(INTERNAL) from None

    def main(  # type: ignore[override,unused-ignore]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """As click's, but a usage error (unknown command, bad option) is one line, status 2."""
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            status = run(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # a group called without a command
            click.echo(exc.format_message(), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            _say(f"error: {exc.format_message()}")
            sys.exit(exc.exit_code)
        except click.Abort:
            sys.exit(130)
        sys.exit(status if isinstance(status, int) else 0)


@click.group(cls=ComplianceGroup, name="compliance", no_args_is_help=True)
@click.option("--debug", is_flag=True, help="On an internal error, print the traceback.")
def app(debug: bool) -> None:
    """Check republished articles against the republishing terms of their originals."""


def main() -> None:
    """Console entry point: run the command named in ``sys.argv`` and exit with its status.

    OpenBLAS is asked for one thread unless the user chose a number: numpy starts one thread per
    core at import, which no command uses (MinHash and the index do integer array operations),
    and scan workers inheriting the setting do not oversubscribe the cores.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    app(prog_name="compliance")
