"""SARIF 2.1.0, so code-scanning tools (GitHub code scanning first) show findings on the copy.

Each finding is a result on the copy. What GitHub needs for that, and how it is met:

- **where**: the artifact URI is relative to the repository root (``root``: ``--sarif-root``,
  by default the nearest folder holding ``.git``), so an annotation lands on the file in the
  pull request wherever the tool was run from; a URL stays a URL, and a WARC record is named by
  the address it archived. The region is the finding's first evidence in the copy, or else the
  first copied passage, placed in the copy's *raw file* (``sources``) where an editor shows it:
  offsets in reports index the extracted text, so the words are looked up in the file
  (``documents.source_map``). Without the file the region is placed in the extracted text.
- **which alert**: ``partialFingerprints`` hash the rule, the original and the finding's
  normalised evidence, never the whole post, so an edit elsewhere in the post keeps the alert.
- **what rule**: each rule's ``shortDescription``, ``fullDescription`` and ``help`` come from the
  requirement in its rule file (``library``), or else from the clause that every finding of the
  rule quotes; never from one finding's fix.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..documents.source_map import locate_span
from ..documents.urls import scheme_of
from ..model import Finding, Report, Requirement, Span, Terms
from ._common import Unreadable, clip, line_col

__all__ = [
    "SARIF_SCHEMA",
    "artifact_uri",
    "read_sources",
    "render",
    "render_many",
    "repository_root",
    "sarif_log",
]

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "advisory": "note"}
ROOT_ID = "%SRCROOT%"
_FINGERPRINT = "complianceFinding/v2"  # v2: evidence-based, no longer the whole post
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def repository_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``.git`` (git's top level), else ``start``.

    A ``.git`` file counts too (worktrees, submodules), as it does for git.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def _is_web(origin: str) -> bool:
    return scheme_of(origin) in ("http", "https", "file")


def _warc_record(origin: str) -> tuple[str, str] | None:
    """``(archive path, record id)`` for a WARC record's origin ``crawl.warc.gz#<record>``."""
    path, sep, record = origin.partition("#")
    if sep and path.lower().endswith(_WARC_SUFFIXES):
        return path, record
    return None


def artifact_uri(origin: str, root: Path | None = None, url: str | None = None) -> str:
    """A URI reference for a copy: relative to ``root`` when the file is inside it.

    URLs stay; a WARC record becomes the web address it archived (``url``), else the archive
    with the record as fragment; a path outside ``root`` becomes an absolute ``file:`` URI.
    """
    if _is_web(origin):
        return origin
    record = _warc_record(origin)
    if record is not None:
        if url and _is_web(url):
            return url
        return artifact_uri(record[0], root) + "#" + quote(record[1], safe=":/@")
    if PureWindowsPath(origin).drive:
        return PureWindowsPath(origin).as_uri()
    path = PurePosixPath(origin)
    if root is not None:
        absolute = (Path.cwd() / path).resolve()
        if absolute.is_relative_to(root.resolve()):
            path = PurePosixPath(absolute.relative_to(root.resolve()).as_posix())
        else:
            path = PurePosixPath(absolute.as_posix())
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def read_sources(reports: Sequence[Report]) -> dict[str, str]:
    """Each copy's raw file text, for copies that are local files still as they were checked.

    A file whose bytes no longer hash to the report's ``sha256`` (edited since) is left out, so
    a region is never placed in text the finding was not about.
    """
    from ..documents.decode import decode, read_limited
    from ..errors import ComplianceError

    sources: dict[str, str] = {}
    for report in reports:
        origin = report.copy.origin
        if origin in sources or _is_web(origin) or _warc_record(origin):
            continue
        try:
            data = read_limited(origin, max(report.copy.size, 1))
            if hashlib.sha256(data).hexdigest() == report.copy.sha256:
                sources[origin] = decode(data, origin)[0]
        except (ComplianceError, OSError):
            continue
    return sources


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


def _placed(report: Report, span: Span, source: str | None) -> dict[str, Any]:
    """The region in the raw file when the words are found there, else in the extracted text."""
    if source is not None:
        found = locate_span(source, report.copy.text, span.start, span.end)
        if found is not None:
            return _region(source, Span(*found))
    return _region(report.copy.text, span)


def _requirement(library: Mapping[str, Terms], rule_id: str) -> tuple[Terms, Requirement] | None:
    terms_id, _, req_id = rule_id.partition("/")
    terms = library.get(terms_id)
    if terms is None:
        return None
    req = next((r for r in terms.requirements if r.id == req_id), None)
    return (terms, req) if req is not None else None


def _rule(finding: Finding, library: Mapping[str, Terms]) -> dict[str, Any]:
    """The rule's own description: its requirement in the rule file, else its clause."""
    from ..terms.describe import describe_requirement

    found = _requirement(library, finding.rule_id)
    req = found[1] if found else Requirement(id=finding.rule_id, kind=finding.kind)
    demand = describe_requirement(req)
    said = req.message or demand
    help_lines = [said]
    if said != demand:
        help_lines.append(demand)
    if finding.clause:
        help_lines.append(f'The terms say: "{finding.clause}"')
    rule: dict[str, Any] = {
        "id": finding.rule_id,
        "name": finding.kind,
        "shortDescription": {"text": demand},
        "fullDescription": {"text": said},
        "help": {"text": "\n\n".join(help_lines)},
        "defaultConfiguration": {
            "level": LEVELS.get(found[1].severity if found else finding.severity, "warning")
        },
        "properties": {"kind": finding.kind, "tags": ["compliance", finding.kind]},
    }
    if found and found[0].url:
        rule["helpUri"] = found[0].url
    return rule


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def _fingerprint(report: Report, finding: Finding) -> str:
    """Stable under unrelated edits: rule, original, outcome and the evidence's own words."""
    texts = {"copy": report.copy.text, "original": report.original.text}
    evidence = []
    for ev in finding.evidence:
        words = ev.snippet
        if 0 <= ev.start < ev.end <= len(texts[ev.document]):
            words = texts[ev.document][ev.start : ev.end]
        evidence.append(f"{ev.document}:{_normalised(words)}")
    original = report.original.url or report.original.origin
    key = "\0".join([finding.rule_id, original, finding.outcome, *evidence])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _location(uri: str, index: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {"uri": uri} if index is None else {"uri": uri, "index": index}
    if not scheme_of(uri):
        location["uriBaseId"] = ROOT_ID
    return location


def _result(
    report: Report,
    finding: Finding,
    rule_index: int,
    artifact: dict[str, Any],
    source: str | None,
) -> dict[str, Any]:
    message = finding.message + (f" Fix: {finding.fix}" if finding.fix else "")
    physical: dict[str, Any] = {"artifactLocation": artifact}
    span = _span_in_copy(report, finding)
    physical["region"] = _placed(report, span, source) if span else {"startLine": 1}
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
        "partialFingerprints": {_FINGERPRINT: _fingerprint(report, finding)},
        "properties": properties,
    }


def sarif_log(
    reports: Sequence[Report],
    sources: Mapping[str, str] | None = None,
    *,
    root: Path | None = None,
    library: Mapping[str, Terms] | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> dict[str, Any]:
    """The SARIF log object: one run, one artifact per copy, one result per finding.

    ``sources`` maps a copy's origin to its raw file text, to place regions in the file;
    ``root`` is the folder artifact URIs are relative to; ``library`` holds the rule files
    the rules are described from; ``unreadable`` are documents that could not be checked,
    each an error-level tool execution notification located on the document.
    """
    sources = sources or {}
    library = library or {}
    rules: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[tuple[str, str], int] = {}  # one artifact per copy, however many checks
    results: list[dict[str, Any]] = []
    seen: Counter[tuple[int, str]] = Counter()
    for report in reports:
        key = (report.copy.origin, report.copy.sha256)
        uri = artifact_uri(report.copy.origin, root, report.copy.url)
        if key not in artifact_index:
            artifact_index[key] = len(artifacts)
            artifacts.append(
                {
                    "location": _location(uri, len(artifacts)),
                    "length": report.copy.size,
                    "hashes": {"sha-256": report.copy.sha256},
                    "roles": ["analysisTarget"],
                }
            )
        location = _location(uri, artifact_index[key])
        for finding in report.findings:
            if finding.rule_id not in rule_index:
                rule_index[finding.rule_id] = len(rules)
                rules.append(_rule(finding, library))
            result = _result(
                report,
                finding,
                rule_index[finding.rule_id],
                location,
                sources.get(report.copy.origin),
            )
            # The same finding twice in one copy: number the repeats, as GitHub does its own.
            prints = result["partialFingerprints"]
            seen[(artifact_index[key], prints[_FINGERPRINT])] += 1
            if (repeat := seen[(artifact_index[key], prints[_FINGERPRINT])]) > 1:
                prints[_FINGERPRINT] += f":{repeat}"
            results.append(result)
    version = next((r.tool_version for r in reports if r.tool_version), __version__)
    notes = [
        {"level": "warning", "message": {"text": f"{r.copy.origin}: {note}"}}
        for r in reports
        for note in r.notes
    ]
    notes += [_unreadable(document, root) for document in unreadable]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "compliance", "version": version, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
    }
    if notes:  # what loading had to work around or could not read
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notes}]
    if root is not None:
        run["originalUriBaseIds"] = {ROOT_ID: {"uri": root.resolve().as_uri() + "/"}}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _unreadable(document: Unreadable, root: Path | None) -> dict[str, Any]:
    """An error notification for a document the scan could not check, located on it."""
    location = _location(artifact_uri(document.origin, root))
    return {
        "level": "error",
        "message": {"text": f"{document.origin}: {document.message}"},
        "locations": [{"physicalLocation": {"artifactLocation": location}}],
    }


def _builtin_library() -> Mapping[str, Terms]:
    from ..errors import ComplianceError
    from ..terms import load_library

    try:
        return load_library()
    except ComplianceError:
        return {}


def render(
    report: Report,
    sources: Mapping[str, str] | None = None,
    *,
    root: Path | None = None,
    library: Mapping[str, Terms] | None = None,
) -> str:
    """One report as a SARIF 2.1.0 log."""
    return render_many([report], sources, root=root, library=library)


def render_many(
    reports: Sequence[Report],
    sources: Mapping[str, str] | None = None,
    *,
    root: Path | None = None,
    library: Mapping[str, Terms] | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """Several reports as one SARIF run (a scan shows up as one analysis), with the documents
    that could not be checked as error notifications.

    The defaults are read here, at the edge: the copies' files as they are on disk (when
    unchanged), the repository holding the working folder, the built-in rule files.
    """
    log = sarif_log(
        reports,
        read_sources(reports) if sources is None else sources,
        root=repository_root(Path.cwd()) if root is None else root,
        library=_builtin_library() if library is None else library,
        unreadable=unreadable,
    )
    return json.dumps(log, ensure_ascii=False, indent=2)
