"""`compliance hook FILES...`: the pre-commit check of changed posts.

It runs on every commit, so it starts fast: every heavy import happens inside the command, and
only for the posts the config selects. Two front ends share one body, `run_hook`:

- `fast_main`, which `compliance.cli.main` tries first. It reads only the plain forms of the
  options (``--format json``, ``--format=json``, ``-fjson``, ``--``, files) and never imports
  typer, which (0.29) builds a pydantic validator per parameter: ~0.1 s CPU per process.
- the typer command (`register`), which answers everything else: ``--help``, unknown or repeated
  options, missing values. Help, usage errors and their exit codes are therefore typer's own.

This module does not use ``from __future__ import annotations``: the typer command is defined
inside `register`, after typer is imported, and typer reads its annotations when registering.
"""

import errno
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from .common import FAIL_ON_CHOICES, emit

if TYPE_CHECKING:
    import typer

FORMATS = ("compact", "json", "sarif", "markdown")

# option spelling -> HookArgs field; each takes one value
_OPTIONS = {
    "--format": "fmt",
    "-f": "fmt",
    "--fail-on": "fail_on",
    "--config": "config_path",
    "--output": "output",
}


@dataclass(frozen=True)
class HookArgs:
    """The hook's parsed command line, as the typer command receives it."""

    files: tuple[Path, ...] = ()
    fmt: str = "compact"
    fail_on: str | None = None
    config_path: Path | None = None
    output: Path | None = None


def parse_plain(args: Sequence[str]) -> HookArgs | None:
    """Parse the hook's arguments when they use only plain forms; None to leave it to typer.

    Accepted: the options above, each at most once, with a non-empty value that does not start
    with ``-`` (``--opt value``, ``--opt=value``, ``-fvalue``); ``--`` ending the options; any
    other token not starting with ``-`` (or ``-`` itself) as a file. Everything else (``--help``,
    unknown options, repeats, missing values) returns None, so typer gives its usual answer.
    """
    values: dict[str, str] = {}
    files: list[str] = []
    tokens = list(args)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token == "--":
            files.extend(tokens[i:])
            break
        if token == "-" or not token.startswith("-"):
            files.append(token)
            continue
        name, value = _split_option(token)
        if name not in _OPTIONS:
            return None
        if value is None:
            if i >= len(tokens):
                return None
            value = tokens[i]
            i += 1
        field = _OPTIONS[name]
        if field in values or not value or value.startswith("-"):
            return None
        values[field] = value
    if any(not f for f in files):
        return None
    return HookArgs(
        files=tuple(Path(f) for f in files),
        fmt=values.get("fmt", "compact"),
        fail_on=values.get("fail_on"),
        config_path=Path(values["config_path"]) if "config_path" in values else None,
        output=Path(values["output"]) if "output" in values else None,
    )


def _split_option(token: str) -> tuple[str, str | None]:
    """``--name=value`` / ``-fvalue`` into (name, value); (token, None) for a bare option."""
    if token.startswith("--"):
        name, sep, value = token.partition("=")
        return name, value if sep else None
    if len(token) > 2:
        return token[:2], token[2:]
    return token, None


def _completion_requested() -> bool:
    """True when a shell-completion variable is set, which only typer/click can answer."""
    return any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ)


def fast_main(args: Sequence[str]) -> int | None:
    """Run the hook without typer when `parse_plain` accepts ``args``; its exit status, or None.

    Interrupts and a closed stdout end the process as under typer (exit 130 and 1).
    """
    parsed = None if _completion_requested() else parse_plain(args)
    if parsed is None:
        return None
    try:
        return run_hook(parsed)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        return 1


def _say(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def run_hook(args: HookArgs) -> int:
    """Check the posts named in ``args``, print or write the report, and return the exit status.

    Raises:
        ComplianceError: the config is malformed (the entry point prints it and exits 2).
    """
    if args.fmt not in FORMATS:
        return _usage_error(f"--format must be one of {', '.join(FORMATS)} (got {args.fmt!r})")
    from .._lazy_imports import speedup_imports
    from ..config import load_config
    from ..hook import format_compact, run

    speedup_imports()
    config = load_config(args.config_path or Path.cwd())
    level = args.fail_on or config.fail_on
    if level not in FAIL_ON_CHOICES:
        choices = ", ".join(FAIL_ON_CHOICES)
        return _usage_error(f"--fail-on must be one of {choices} (got {level!r})")
    outcome = run(list(args.files), config)
    if args.fmt == "compact":
        text = format_compact(outcome.results)
        if args.output is not None:
            emit(text, args.output)
        elif text:
            _say(text)
    else:
        from ..reports import render_many

        for result in outcome.results:
            if result.error:
                _say(f"compliance: error: {result.path}: {result.error}", err=True)
        # Each post's own file, so SARIF regions land on its lines (front matter included).
        sources = {rep.copy.origin: r.raw for r in outcome.results for rep in r.reports}
        emit(render_many(outcome.reports, args.fmt, sources=sources), args.output)
    return outcome.exit_status(level)


def _usage_error(message: str) -> int:
    _say(f"compliance: error: {message}", err=True)
    return 2


def register(app: "typer.Typer") -> None:
    """Add the typer front end of the hook: help, usage errors and anything `fast_main` declines."""
    import typer

    def hook(
        files: Annotated[
            list[Path] | None, typer.Argument(help="Changed posts (Markdown or HTML).")
        ] = None,
        fmt: Annotated[
            str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
        ] = "compact",
        fail_on: Annotated[
            str | None,
            typer.Option(help="Exit 1 on findings at or above: error, warning, advisory, never."),
        ] = None,
        config_path: Annotated[
            Path | None,
            typer.Option("--config", help="A compliance.yaml, or a folder to search up from."),
        ] = None,
        output: Annotated[Path | None, typer.Option(help="Write the report here (atomic).")] = None,
    ) -> None:
        """Check changed posts against the originals they republish; exit 1 on findings."""
        parsed = HookArgs(tuple(files or ()), fmt, fail_on, config_path, output)
        raise typer.Exit(run_hook(parsed))

    app.command("hook")(hook)
