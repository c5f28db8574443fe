"""Reading saved results back: one report, a JSON array of them, or scan's JSON lines.

A saved report is input like any other: it may have been edited, or written by someone else.
Each record is validated against the shipped JSON Schema (types, required fields and every
enum: verdict, kind, severity, ...) before a Report is built from it, so nothing that the tool
would never have written reaches a renderer. Scan's error records (pages it could not check)
are kept apart, so a re-rendered scan still lists them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import ReportError, shown
from ..model import SCHEMA_VERSION, Report
from ..serialize import from_dict
from ._common import UnreadableDocument


def _version(text: str) -> tuple[int, ...] | None:
    try:
        return tuple(int(part) for part in text.split("."))
    except ValueError:
        return None


def _check_version(record: dict[str, Any], where: str) -> None:
    """Refuse reports from a newer schema or another major version: fields would be misread."""
    found = record.get("schema_version")
    if not isinstance(found, str) or _version(found) is None:
        raise ReportError(f"{where}: no valid schema_version (got {found!r})")
    ours = _version(SCHEMA_VERSION) or (0,)
    theirs = _version(found) or (0,)
    if theirs[0] != ours[0] or theirs > ours:
        raise ReportError(
            f"{where}: schema_version {found} is not readable by this version "
            f"(reads {ours[0]}.x up to {SCHEMA_VERSION})"
        )


@cache
def _validator() -> Any:
    import jsonschema

    from ..shipped import shipped_schema

    return jsonschema.Draft202012Validator(shipped_schema("report"))


def _check_schema(record: dict[str, Any], where: str) -> None:
    """Refuse a record the schema rejects, naming the first field at fault."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(record))
    if error is None:
        return
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    message = error.message if len(error.message) <= 200 else error.message[:199] + "…"
    field = path.lstrip(".") or "top level"
    raise ReportError(f"{where}: not a compliance report ({field}: {message})")


def report_from_record(record: Any, where: str) -> Report:
    """Rebuild one Report from its JSON object; ``where`` names the file (and line) in errors."""
    if not isinstance(record, dict):
        raise ReportError(f"{where}: expected a report object, got {type(record).__name__}")
    _check_version(record, where)
    _check_schema(record, where)
    try:
        return from_dict(Report, record)
    except ReportError as exc:
        raise ReportError(f"{where}: {exc.message}") from None
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise ReportError(f"{where}: not a compliance report ({exc})") from None


def is_error_record(record: Any) -> bool:
    """A scan line for an input that could not be checked, not a report.

    Scan writes ``{"type": "error", "origin": ..., "message": ...}``; the shorter
    ``{"origin": ..., "error": ...}`` is recognised too.
    """
    if not isinstance(record, dict) or "verdict" in record:
        return False
    return record.get("type") == "error" or "error" in record


def _unreadable(record: dict[str, Any]) -> UnreadableDocument:
    """A scan error record read back. Strings are kept as written (renderers escape them);
    anything else is quoted, cut short."""
    origin, message = record.get("origin", ""), record.get("message") or record.get("error")
    return UnreadableDocument(
        origin if isinstance(origin, str) else shown(origin),
        message if isinstance(message, str) else shown(message),
    )


def _json(text: str, where: str) -> Any:
    """``json.loads``, with the failures that are not decode errors made ReportErrors."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # an integer past Python's 4,300-digit limit
        raise ReportError(f"not a compliance report ({str(exc).split(':')[0]})", where) from None
    except RecursionError:
        raise ReportError("not a compliance report (JSON nested too deeply)", where) from None


def _records(text: str, source: str) -> tuple[Any, bool]:
    """Parse a whole JSON document, or JSON lines; the flag says whether it was JSON lines."""
    try:
        return _json(text, source), False
    except json.JSONDecodeError as whole:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) < 2:
            raise ReportError(f"not JSON ({whole.msg} at line {whole.lineno})", source) from None
        records = []
        for number, line in lines:
            try:
                records.append((number, _json(line, f"{source}:{number}")))
            except json.JSONDecodeError as exc:
                raise ReportError(f"line {number}: not JSON ({exc.msg})", source) from None
        return records, True


def load_report(path: str | Path) -> Report | list[Report]:
    """Read a saved report: a JSON object gives a Report, an array or JSON lines give a list.

    Scan error records (see ``is_error_record``) carry no report and are skipped; ``load_saved``
    returns them too.

    Raises:
        ReportError: as ``load_saved``.
    """
    return load_saved(path)[0]


def load_saved(path: str | Path) -> tuple[Report | list[Report], list[UnreadableDocument]]:
    """Read a saved result: its reports (as ``load_report``) and scan's error records in order.

    Raises:
        ReportError: the file is missing or unreadable, is not JSON, or holds something that
            is not a report of a schema version this tool can read; the message names the file.
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReportError("no such file", source) from None
    except IsADirectoryError:
        raise ReportError("is a directory, not a report file", source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"cannot read ({exc.__class__.__name__}: {exc})", source) from None
    if not text.strip():
        raise ReportError("empty file, expected a JSON report", source)
    data, as_lines = _records(text, source)
    if as_lines or isinstance(data, list):
        numbered = data if as_lines else list(enumerate(data))
        where = f"{source}:{{}}" if as_lines else f"{source}[{{}}]"
        reports = [
            report_from_record(record, where.format(n))
            for n, record in numbered
            if not is_error_record(record)
        ]
        errors = [_unreadable(record) for _, record in numbered if is_error_record(record)]
        return reports, errors
    if is_error_record(data):
        reason = data.get("message") or data.get("error")
        raise ReportError(f"holds a scan error record, not a report: {reason}", source)
    return report_from_record(data, source), []
