"""The `compliance` command. Each subcommand lives in its own module here and registers itself.

Modules only parse options, call the pipeline, render and choose an exit code; heavy imports
happen inside the command functions so that `compliance hook` starts fast. For the same reason
`main` builds only the command it is asked for (module name = command name); ``app``, the whole
command tree, is built on first access for help, typos and tests. A command module may also
offer ``fast_main(args) -> int | None``, which `main` tries before importing typer at all (the
hook does, see compliance/cli/hook.py); None hands the arguments to typer as usual.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .._lazy_imports import single_threaded_blas, speedup_imports
from ..errors import ComplianceError

if TYPE_CHECKING:
    import typer

__all__ = ["app", "main"]

_SKIP = {"common"}
_HELP = "Check republished articles against the republishing terms of their originals."
_app: typer.Typer | None = None


def _new_app() -> typer.Typer:
    import typer

    return typer.Typer(
        name="compliance",
        help=_HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )


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
    name = args[0] if args else ""
    if name not in _command_modules():
        return _full_app()
    lean = _new_app()
    # A callback keeps a one-command app a group, so `compliance NAME ...` parses as usual
    # (typer would otherwise run the lone command at the top level).
    lean.callback()(_group)
    return _register(lean, [name])


def _group() -> None:
    """Check republished articles against the republishing terms of their originals."""


def __getattr__(name: str) -> typer.Typer:
    """``compliance.cli.app``: the whole command tree, built on first access (PEP 562)."""
    if name == "app":
        return _full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _fast(args: Sequence[str]) -> int | None:
    """The exit status of the named command's typer-free ``fast_main``; None if it has none."""
    if not args or args[0] not in _command_modules():
        return None
    module = importlib.import_module(f"{__name__}.{args[0]}")
    fast_main = getattr(module, "fast_main", None)
    return fast_main(args[1:]) if callable(fast_main) else None


def main() -> None:
    """Console entry point: any ComplianceError becomes one line on stderr and exit status 2.

    Before any command runs, datasketch is made lazy (`speedup_imports`): a check then loads
    MinHash alone, not the scipy stack behind MinHashLSH. OpenBLAS is kept to one thread
    (`single_threaded_blas`), since no command does linear algebra.
    """
    single_threaded_blas()
    speedup_imports()
    args = sys.argv[1:]
    try:
        status = _fast(args)
        if status is not None:
            sys.exit(status)
        _app_for(args)(standalone_mode=True)
    except ComplianceError as exc:
        print(f"compliance: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:  # `compliance scan ... | head`: the reader left; nothing to report
        sys.stderr.close()
        sys.exit(141)
    except OSError as exc:  # e.g. --output in a folder that cannot be written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"compliance: error: {where}{exc.strerror or exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
