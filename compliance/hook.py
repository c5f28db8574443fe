"""The pre-publish hook: check changed posts against the originals they republish.

A post names its original in front matter (``original_url``, ``source``, ``license`` by default;
the project config may rename the keys; an HTML post may use ``<meta name=... content=...>``) or
is matched against the index of originals (see compliance.originals). Each post that reuses an
original gets a full pipeline report; posts that copy nothing produce no output.

Everything heavy (the pipeline, similarity, the index, YAML) is imported inside functions, so a
commit that touches one post pays only for what that post needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ComplianceError, ConfigError, InputError
from .model import Finding, Report

if TYPE_CHECKING:
    import pathspec

    from .config import ProjectConfig
    from .model import Document
    from .originals import Originals

DEFAULT_GLOBS: tuple[str, ...] = ("**/*.md", "**/*.markdown", "**/*.html", "**/*.htm")
DEFAULT_KEYS: dict[str, str] = {
    "original_url": "original_url",
    "source": "source",
    "license": "license",
}

_URL_RE = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Declared:
    """What a post's front matter says about the article it republishes."""

    url: str | None = None
    source: str | None = None
    license: str | None = None

    @property
    def any(self) -> bool:
        return bool(self.url or self.source or self.license)


@dataclass(frozen=True)
class PostResult:
    """The outcome for one post: reports of reuse found, or the error that stopped it."""

    path: Path
    raw: str = ""
    reports: tuple[Report, ...] = ()
    error: str | None = None
    body_line: int = 1  # first line after the front matter, where whole-post findings point

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.reports for f in r.findings]


@dataclass
class HookRun:
    """All posts of one hook invocation, with the exit status they add up to."""

    results: list[PostResult] = field(default_factory=list)

    def exit_status(self, fail_on: str) -> int:
        """USAGE if any post could not be checked, else the findings' status at ``fail_on``."""
        from .status import USAGE, exit_status

        if any(r.error for r in self.results):
            return USAGE
        return exit_status((f for r in self.results for f in r.findings), fail_on)

    @property
    def reports(self) -> list[Report]:
        return [rep for r in self.results for rep in r.reports]


# --- choosing files -------------------------------------------------------------------------


def posts_spec(globs: Sequence[str]) -> pathspec.GitIgnoreSpec:
    """The ``files:`` globs as ``scan`` reads its patterns (``compliance.globs``).

    Anchored at the project root; a pattern naming a folder takes the files below it. A list of
    exclusions only (``!drafts/**``) takes files out of the default globs, not out of nothing.

    Raises:
        ValueError: a glob is not valid (:func:`run` names it at its config line).
    """
    from .globs import gitignore_spec

    if all(glob.startswith("!") for glob in globs):
        globs = [*DEFAULT_GLOBS, *globs]
    lines = []
    for glob in globs:
        bang = "!" if glob.startswith("!") else ""
        lines.append(bang + "/" + glob.removeprefix(bang).removeprefix("./").lstrip("/"))
    return gitignore_spec(lines)


def select_posts(
    paths: Iterable[Path], globs: Sequence[str] = DEFAULT_GLOBS, root: Path | None = None
) -> list[Path]:
    """The paths a hook should check: those matching the globs, relative to ``root``.

    A path outside ``root`` is matched as given. Order is kept and duplicates dropped.
    """
    spec = posts_spec(globs or DEFAULT_GLOBS)
    chosen: list[Path] = []
    for path in paths:
        rel = path
        if root is not None:
            try:
                rel = path.resolve().relative_to(root.resolve())
            except ValueError:
                rel = path
        text = rel.as_posix().removeprefix("./")
        if spec.match_file(text) and path not in chosen:
            chosen.append(path)
    return chosen


# --- reading what a post declares -----------------------------------------------------------


def declared(front_matter: Mapping[str, Any], keys: Mapping[str, str] | None = None) -> Declared:
    """Read the original's URL, source and licence from front matter under configured keys.

    A ``source`` that is a URL also serves as the URL when no ``original_url`` is given.
    """
    names = {**DEFAULT_KEYS, **(keys or {})}

    def get(role: str) -> str | None:
        key = names[role]
        value = front_matter.get(key, front_matter.get(key.lower()))
        if isinstance(value, dict):  # e.g. source: {name: ..., url: ...}
            value = value.get("url") or value.get("name")
        if value is None:
            return None
        return str(value).strip() or None

    url, source, license_ = get("original_url"), get("source"), get("license")
    if url is None and source and _URL_RE.match(source):
        url = source
    return Declared(url=url, source=source, license=license_)


# --- mapping findings to lines --------------------------------------------------------------


def line_of(raw: str, doc_text: str, finding: Finding, default: int = 1) -> int:
    """The 1-based line of the post's file a finding points at, for an editor to jump to.

    Offsets index the extracted text, not the file, so the evidence's words are looked up in the
    file with markup allowed between them. Findings about something missing (no evidence in the
    copy) point at the first line of the body.
    """
    from .documents.source_map import locate, locate_span

    for ev in finding.evidence:
        if ev.document != "copy":
            continue
        if 0 <= ev.start < ev.end <= len(doc_text):
            found = locate_span(raw, doc_text, ev.start, ev.end)
        else:
            found = locate(raw, ev.snippet)
        if found is not None:
            return raw.count("\n", 0, found[0]) + 1
    return default


def format_compact(results: Sequence[PostResult]) -> str:
    """One line per finding, ``file:line: rule id: message: fix``, ordered by file and line."""
    lines: list[str] = []
    for result in results:
        if result.error:
            lines.append(f"{result.path}: error: {result.error}")
            continue
        rows = []
        for report in result.reports:
            for f in report.findings:
                line = line_of(result.raw, report.copy.text, f, result.body_line)
                fix = f": {f.fix}" if f.fix else ""
                message = f.message.rstrip(". ")
                rows.append((line, f"{result.path}:{line}: {f.rule_id}: {message}{fix}"))
        lines.extend(text for _, text in sorted(rows, key=lambda r: r[0]))
    return "\n".join(lines)


# --- the hook --------------------------------------------------------------------------------


def check_post(path: Path, config: ProjectConfig, originals: Originals) -> PostResult:
    """Check one post: find what it republishes, run the pipeline, keep reports of reuse."""
    from .documents import DEFAULT_MAX_BYTES, load_bytes
    from .documents.decode import read_limited
    from .documents.markdown import body_line
    from .pipeline import check_pair
    from .remedies import for_pages

    limit = originals.max_bytes or DEFAULT_MAX_BYTES
    data = read_limited(path, limit)  # read once: the loader and the line mapping share it
    post = load_bytes(data, str(path), max_bytes=limit, limits=config.limits)
    # As a text-mode read would give it: universal newlines, undecodable bytes replaced.
    raw = data.decode(post.encoding or "utf-8", errors="replace")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    claim = declared(post.meta.front_matter, config.front_matter)
    terms_id = claim.license if claim.license in originals.library else None
    options = originals.options(terms_id)

    found: list[Document] = []
    if claim.url:
        doc = originals.by_url(claim.url)
        if doc is None:
            raise InputError(
                f"front matter names the original {claim.url} but it is neither in the index "
                "nor in the originals folder; add it with `compliance index add`",
                str(path),
            )
        found.append(doc)
    elif claim.source and not _URL_RE.match(claim.source):
        doc = originals.by_path(claim.source, path)
        if doc is not None:
            found.append(doc)
    if found:
        reports = [check_pair(post, original, options) for original in found]
        kept = [r for r in reports if r.verdict != "not-a-copy"]
    else:
        kept = originals.reuse(post, options)
    start = body_line(raw) if post.format == "markdown" else 1
    told = tuple(for_pages(r) for r in kept)  # a hook user edits pages, not flags
    return PostResult(path=path, raw=raw, reports=told, body_line=start)


def _glob_error(config: ProjectConfig) -> ConfigError:
    """The error for the first ``files:`` glob pathspec cannot read, at its line of the config
    (asked only once pathspec has refused the globs: a good config compiles them once)."""
    from .globs import first_problem

    found = first_problem([glob.removeprefix("!") for glob in config.files])
    if found is not None:
        i, problem = found
        glob = config.files[i]
        where = config.files_at[i] if i < len(config.files_at) else str(config.path or "")
        return ConfigError(f"{glob!r} is not a valid glob: {problem}", source=where or None)
    return ConfigError(
        f"unreadable files: globs {list(config.files)!r}", str(config.path or "") or None
    )


def run(paths: Sequence[Path], config: ProjectConfig, max_bytes: int | None = None) -> HookRun:
    """Check every post in ``paths`` the config selects; one post's error does not stop others."""
    try:
        posts = select_posts(paths, config.files or DEFAULT_GLOBS, config.root)
    except ValueError:
        raise _glob_error(config) from None
    outcome = HookRun()
    if not posts:
        return outcome
    from .originals import Originals

    originals = Originals(config, max_bytes)
    try:
        for path in posts:
            try:
                outcome.results.append(check_post(path, config, originals))
            except ComplianceError as exc:
                outcome.results.append(PostResult(path=path, error=exc.message))
            except Exception as exc:  # a bug, not a finding: the entry point says so (exit 3)
                exc.add_note(f"while checking {path}")
                raise
    finally:
        originals.close()
    return outcome
