"""Renderers: one pure function per format, all drawing from the same Report.

    render(report, "table" | "json" | "markdown" | "sarif" | "html", color=False) -> str
    render_many(reports, fmt, color=False, unreadable=()) -> str
    load_report(path) -> Report | list[Report]

Heavy imports (rich, jinja2) happen only for the format asked for, so a front end that
renders JSON does not pay for the console or the templates.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ReportError
from ..model import Report, Terms
from ._common import Unreadable, UnreadableDocument
from .load import load_report

FORMATS: tuple[str, ...] = ("table", "json", "markdown", "sarif", "html")
_MODULES = {
    "table": "table",
    "json": "json_report",
    "markdown": "markdown",
    "sarif": "sarif",
    "html": "html",
}

__all__ = [
    "FORMATS",
    "Unreadable",
    "UnreadableDocument",
    "load_report",
    "render",
    "render_many",
    "report_schema",
]


def _module(fmt: str) -> Any:
    if fmt not in _MODULES:
        raise ReportError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{_MODULES[fmt]}")


def render(
    report: Report,
    fmt: str,
    *,
    color: bool = False,
    width: int | None = None,
    sources: Mapping[str, str] | None = None,
    root: Path | None = None,
    library: Mapping[str, Terms] | None = None,
) -> str:
    """Render one report.

    ``color`` adds ANSI colours to the table and ``width`` sets its columns (a terminal's).
    For SARIF, ``sources`` (origin -> raw file text) places regions in the copy's file rather
    than its extracted text (by default SARIF reads the copies' files itself), ``root`` is the
    folder artifact URIs are relative to (default: the git top level) and ``library`` the terms
    its rules are described from (default: the built-in rule files). Other formats ignore them.
    """
    options = _Options(color, width, sources, root, library, ())
    return _call(_module(fmt).render, report, fmt, options)


def render_many(
    reports: Sequence[Report],
    fmt: str,
    *,
    color: bool = False,
    width: int | None = None,
    sources: Mapping[str, str] | None = None,
    root: Path | None = None,
    library: Mapping[str, Terms] | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """Render several reports as one document (an HTML index, a SARIF run, a JSON array...).

    ``unreadable`` holds the documents a scan could not check; table, HTML and Markdown list
    them in their own section, JSON keeps them as scan's error records and SARIF gives each an
    error notification, so that a failed page is never mistaken for a clean one.
    """
    options = _Options(color, width, sources, root, library, tuple(unreadable))
    return _call(_module(fmt).render_many, list(reports), fmt, options)


@dataclass(frozen=True)
class _Options:
    color: bool
    width: int | None
    sources: Mapping[str, str] | None
    root: Path | None
    library: Mapping[str, Terms] | None
    unreadable: tuple[Unreadable, ...]


def _call(renderer: Any, what: Report | list[Report], fmt: str, o: _Options) -> str:
    """Call a format's renderer with the options it takes (table: colour and width; SARIF)."""
    text: str
    if fmt == "table" and isinstance(what, list):
        text = renderer(what, color=o.color, width=o.width, unreadable=o.unreadable)
    elif fmt == "table":
        text = renderer(what, color=o.color, width=o.width)
    elif fmt == "sarif" and isinstance(what, list):
        text = renderer(what, o.sources, root=o.root, library=o.library, unreadable=o.unreadable)
    elif fmt == "sarif":
        text = renderer(what, o.sources, root=o.root, library=o.library)
    elif fmt in ("html", "markdown", "json") and isinstance(what, list):
        text = renderer(what, unreadable=o.unreadable)
    else:
        text = renderer(what)
    return text


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a saved report, shipped with the package."""
    from ..shipped import shipped_schema

    return shipped_schema("report")
