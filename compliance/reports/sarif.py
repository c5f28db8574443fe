"""SARIF 2.1.0, so code-scanning tools show findings on the republished file.

Each finding is a result on the copy (the artifact is the copy's origin). Its region is the
first piece of evidence in the copy, or else the first copied passage, as 1-based line and
column counted in code points (``columnKind: unicodeCodePoints``). When the caller hands over the
copy's raw file (``sources``), the region is placed in that file, where an editor or a pull
request shows it; otherwise it is placed in ``Document.text``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote, urlsplit

from .. import __version__
from ..documents.source_map import locate
from ..model import Finding, Report, Span
from ._common import clip, line_col

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "advisory": "note"}


def artifact_uri(origin: str) -> str:
    """A URI reference for a path or URL: URLs stay, paths become (relative) file URIs."""
    if urlsplit(origin).scheme.lower() in ("http", "https", "file"):
        return origin
    if PureWindowsPath(origin).drive:
        return PureWindowsPath(origin).as_uri()
    path = PurePosixPath(origin)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def _source_region(source: str, text: str, span: Span) -> dict[str, Any] | None:
    """The region of the file ``source`` that holds ``text[span]``, if its words are found."""
    found = locate(source, text[span.start : span.end]) if span.end > span.start else None
    return _region(source, Span(*found)) if found else None


def _region(text: str, span: Span) -> dict[str, Any]:
    start = max(0, min(span.start, len(text)))
    end = max(start, min(span.end, len(text)))
    start_line, start_col = line_col(text, start)
    end_line, end_col = line_col(text, end)
    region: dict[str, Any] = {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
    }
    if end > start:
        region["snippet"] = {"text": clip(text, start, end, 400)}
    return region


def _span_in_copy(report: Report, finding: Finding) -> Span | None:
    """Where in the copy a finding points: its evidence there, else the first copied passage."""
    for ev in finding.evidence:
        if ev.document == "copy" and 0 <= ev.start <= ev.end:
            return Span(ev.start, ev.end)
    passages = sorted(report.comparison.passages, key=lambda p: p.copy.start)
    return passages[0].copy if passages else None


def _rule(finding: Finding) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": finding.rule_id,
        "name": finding.kind,
        "shortDescription": {"text": f"Requirement '{finding.kind}' of the applied terms"},
        "defaultConfiguration": {"level": LEVELS.get(finding.severity, "warning")},
        "properties": {"kind": finding.kind},
    }
    if finding.clause:
        rule["fullDescription"] = {"text": finding.clause}
    if finding.fix:
        rule["help"] = {"text": finding.fix}
    return rule


def _fingerprint(report: Report, finding: Finding) -> str:
    key = "\0".join([report.copy.sha256, report.original.sha256, finding.rule_id, finding.outcome])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _result(
    report: Report,
    finding: Finding,
    rule_index: int,
    artifact_index: int,
    source: str | None = None,
) -> dict[str, Any]:
    message = finding.message + (f" Fix: {finding.fix}" if finding.fix else "")
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": artifact_uri(report.copy.origin), "index": artifact_index}
    }
    span = _span_in_copy(report, finding)
    if span is not None:
        placed = _source_region(source, report.copy.text, span) if source else None
        physical["region"] = placed or _region(report.copy.text, span)
    properties: dict[str, Any] = {
        "severity": finding.severity,
        "verdict": report.verdict,
        "original": report.original.origin,
        "terms": report.terms.terms_id,
    }
    if finding.outcome:
        properties["outcome"] = finding.outcome
    if finding.fix:
        properties["fix"] = finding.fix
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {"complianceFinding/v1": _fingerprint(report, finding)},
        "properties": properties,
    }


def _artifact(report: Report) -> dict[str, Any]:
    return {
        "location": {"uri": artifact_uri(report.copy.origin)},
        "length": report.copy.size,
        "hashes": {"sha-256": report.copy.sha256},
        "roles": ["analysisTarget"],
    }


def sarif_log(
    reports: Sequence[Report], sources: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The SARIF log object: one run, one artifact per copy, one result per finding.

    ``sources`` maps a copy's origin to its raw file text, to place regions in the file.
    """
    sources = sources or {}
    rules: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[tuple[str, str], int] = {}  # one artifact per copy, however many checks
    results: list[dict[str, Any]] = []
    for report in reports:
        key = (report.copy.origin, report.copy.sha256)
        if key not in artifact_index:
            artifact_index[key] = len(artifacts)
            artifacts.append(_artifact(report))
        for finding in report.findings:
            if finding.rule_id not in rule_index:
                rule_index[finding.rule_id] = len(rules)
                rules.append(_rule(finding))
            results.append(
                _result(
                    report,
                    finding,
                    rule_index[finding.rule_id],
                    artifact_index[key],
                    sources.get(report.copy.origin),
                )
            )
    version = next((r.tool_version for r in reports if r.tool_version), __version__)
    notes = [
        {"level": "warning", "message": {"text": f"{r.copy.origin}: {note}"}}
        for r in reports
        for note in r.notes
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "compliance", "version": version, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
    }
    if notes:  # what loading had to work around, e.g. a fallback text extraction
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notes}]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    }


def render(report: Report, sources: Mapping[str, str] | None = None) -> str:
    """One report as a SARIF 2.1.0 log."""
    return render_many([report], sources)


def render_many(reports: Sequence[Report], sources: Mapping[str, str] | None = None) -> str:
    """Several reports as one SARIF run (a scan shows up as one analysis)."""
    return json.dumps(sarif_log(reports, sources), ensure_ascii=False, indent=2)
