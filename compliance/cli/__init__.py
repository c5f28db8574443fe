"""The `compliance` command. Each subcommand lives in its own module here and registers itself.

Modules only parse options, call the pipeline, render and choose an exit status. Heavy imports
happen inside the command functions, and `main` builds only the command it is asked for (module
name = command name); ``app``, the whole command tree, is built on first access for help, typos
and tests.

Errors are turned into exit statuses in one place, `ComplianceGroup`: a ComplianceError or an
unwritable output is one line and status 2 (USAGE), so are usage errors (unknown command, bad
option); anything unexpected is a bug, told in one line with status 3 (INTERNAL), never 1, which
CI reads as findings. ``compliance --debug COMMAND`` prints the traceback too.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import traceback
from collections.abc import Iterable, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ..errors import ComplianceError
from ..status import INTERNAL, USAGE

__all__ = ["ComplianceGroup", "app", "main"]

_SKIP = {"common"}
_HELP = "Check republished articles against the republishing terms of their originals."
_app: typer.Typer | None = None


def _say(message: str) -> None:
    typer.echo(f"compliance: {message}", err=True)


def internal_error_line(exc: BaseException) -> str:
    """``internal error: <what>``, with where it happened (exception notes, e.g. the document)."""
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    notes = " ".join(getattr(exc, "__notes__", ()))
    where = f" {notes}" if notes else ""
    return f"internal error: {what}{where} (run with --debug for the traceback)"


class ComplianceGroup(TyperGroup):
    """The command group that maps every outcome to one documented exit status and one line."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ComplianceError as exc:
            _say(f"error: {exc}")
            raise typer.Exit(USAGE) from None
        except BrokenPipeError:  # `compliance scan ... | head`: the reader left; nothing to say
            sys.stderr.close()
            raise typer.Exit(141) from None
        except OSError as exc:  # e.g. --output in a folder that cannot be written
            where = f"{exc.filename}: " if exc.filename else ""
            _say(f"error: {where}{exc.strerror or exc}")
            raise typer.Exit(USAGE) from None
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            if ctx.params.get("debug"):
                traceback.print_exception(exc, file=sys.stderr)
            _say(internal_error_line(exc))
            raise typer.Exit(INTERNAL) from None

    def main(  # type: ignore[override]
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
        except typer.TyperException as exc:  # click's usage errors, as typer vendors them
            message = exc.format_message()
            if "\n" in message:  # a group called without a command answers with its help
                typer.echo(message, err=True)
            else:
                _say(f"error: {message}")
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.exit(130)
        sys.exit(status if isinstance(status, int) else 0)


def _group(
    debug: Annotated[
        bool, typer.Option("--debug", help="On an internal error, print the traceback.")
    ] = False,
) -> None:
    """Check republished articles against the republishing terms of their originals."""


def _new_app() -> typer.Typer:
    app = typer.Typer(
        name="compliance",
        help=_HELP,
        cls=ComplianceGroup,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    # The callback keeps a one-command app a group, so `compliance NAME ...` parses as usual.
    app.callback()(_group)
    return app


def _command_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(__path__)
        if info.name not in _SKIP and not info.name.startswith("_")
    )


def _register(target: typer.Typer, names: Iterable[str]) -> typer.Typer:
    for name in names:
        importlib.import_module(f"{__name__}.{name}").register(target)
    return target


def _full_app() -> typer.Typer:
    global _app
    if _app is None:
        _app = _register(_new_app(), _command_modules())
    return _app


def _app_for(args: Sequence[str]) -> typer.Typer:
    """The app to run ``args`` with: just the named command when there is one, else all."""
    names = [a for a in args if a != "--debug"]
    name = names[0] if names else ""
    if name not in _command_modules():
        return _full_app()
    return _register(_new_app(), [name])


def __getattr__(name: str) -> typer.Typer:
    """``compliance.cli.app``: the whole command tree, built on first access (PEP 562)."""
    if name == "app":
        return _full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console entry point: run the command named in ``sys.argv`` and exit with its status.

    OpenBLAS is asked for one thread unless the user chose a number: numpy starts one thread per
    core at import, which no command uses (MinHash and the index do integer array operations),
    and scan workers inheriting the setting do not oversubscribe the cores.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    _app_for(sys.argv[1:])(prog_name="compliance")
