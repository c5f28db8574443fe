"""The `compliance` command. Each subcommand lives in its own module here and registers itself.

Modules only parse options, call the pipeline, render and choose an exit code; heavy imports
happen inside the command functions so that `compliance hook` starts fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from .._lazy_imports import speedup_imports
from ..errors import ComplianceError

app = typer.Typer(
    name="compliance",
    help="Check republished articles against the republishing terms of their originals.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_SKIP = {"common"}


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in _SKIP or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(app)


_register_commands()


def main() -> None:
    """Console entry point: any ComplianceError becomes one line on stderr and exit status 2.

    Before any command runs, datasketch is made lazy (`speedup_imports`): a check then loads
    MinHash alone, not the scipy stack behind MinHashLSH, which only index commands touch.
    """
    speedup_imports()
    try:
        app(standalone_mode=True)
    except ComplianceError as exc:
        print(f"compliance: error: {exc}", file=sys.stderr)
        sys.exit(2)
