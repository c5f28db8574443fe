"""The pre-publish hook: check changed posts against the originals they republish.

A post names its original in front matter (``original_url``, ``source``, ``license`` by default;
the project config may rename the keys) or is matched against the index of originals. Each post
that reuses an original gets a full pipeline report; posts that copy nothing produce no output.

Everything heavy (the pipeline, similarity, the index, YAML) is imported inside functions, so a
commit that touches one post pays only for what that post needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ComplianceError, InputError
from .model import SEVERITY_RANK, Finding, Report

if TYPE_CHECKING:
    from .config import ProjectConfig
    from .model import Document, Terms
    from .pipeline import CheckOptions

DEFAULT_GLOBS: tuple[str, ...] = ("**/*.md", "**/*.markdown", "**/*.html", "**/*.htm")
DEFAULT_KEYS: dict[str, str] = {
    "original_url": "original_url",
    "source": "source",
    "license": "license",
}

_FENCES = {"---": "yaml", "+++": "toml"}
_META_RE = re.compile(
    r"""<meta\s+(?:name|property)\s*=\s*["']([^"']+)["']\s+content\s*=\s*["']([^"']*)["']""",
    re.IGNORECASE,
)
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
        """2 if any post could not be checked, else 1 if any finding is at or above fail_on."""
        if any(r.error for r in self.results):
            return 2
        if fail_on == "never":
            return 0
        bar = SEVERITY_RANK[fail_on]
        hits = (f for r in self.results for f in r.findings)
        return 1 if any(SEVERITY_RANK.get(f.severity, 0) >= bar for f in hits) else 0

    @property
    def reports(self) -> list[Report]:
        return [rep for r in self.results for rep in r.reports]


# --- choosing files -------------------------------------------------------------------------


def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a gitignore-like glob: ``**/`` spans folders, ``*`` and ``?`` stay in one."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def select_posts(
    paths: Iterable[Path], globs: Sequence[str] = DEFAULT_GLOBS, root: Path | None = None
) -> list[Path]:
    """The paths a hook should check: those matching any glob, relative to ``root``.

    A path outside ``root`` is matched as given. Order is kept and duplicates dropped.
    """
    regexes = [glob_regex(g) for g in globs or DEFAULT_GLOBS]
    chosen: list[Path] = []
    for path in paths:
        rel = path
        if root is not None:
            try:
                rel = path.resolve().relative_to(root.resolve())
            except ValueError:
                rel = path
        text = rel.as_posix().removeprefix("./")
        if any(rx.match(text) for rx in regexes) and path not in chosen:
            chosen.append(path)
    return chosen


# --- reading what a post declares -----------------------------------------------------------


def split_front_matter(raw: str, origin: str = "") -> tuple[dict[str, Any], int]:
    """Parse YAML (``---``) or TOML (``+++``) front matter; return it and the body's first line.

    HTML posts may instead declare keys as ``<meta name="original_url" content="...">``.
    Raises InputError naming ``origin`` when the front matter is malformed.
    """
    text = raw.removeprefix("\ufeff")
    first, _, rest = text.partition("\n")
    fence = first.strip()
    if fence in _FENCES:
        lines = rest.split("\n")
        for n, line in enumerate(lines):
            if line.strip() == fence:
                block = "\n".join(lines[:n])
                return _parse_block(block, _FENCES[fence], origin), n + 3
        raise InputError(f"front matter opened with {fence!r} is never closed", origin or None)
    if "<meta" in text[:20000].lower():
        found = {k: v for k, v in _META_RE.findall(text[:20000])}
        return found, 1
    return {}, 1


def _parse_block(block: str, kind: str, origin: str) -> dict[str, Any]:
    try:
        if kind == "toml":
            import tomllib

            data: Any = tomllib.loads(block)
        else:
            from .terms.yamlload import load_yaml

            data = load_yaml(block)
    except Exception as exc:  # YamlProblem / tomllib.TOMLDecodeError, imported lazily
        message = f"front matter is not valid {kind.upper()}: {exc}"
        raise InputError(message, origin or None) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(
            f"front matter must be a mapping (got {type(data).__name__})", origin or None
        )
    return data


def declared(front_matter: Mapping[str, Any], keys: Mapping[str, str] | None = None) -> Declared:
    """Read the original's URL, source and licence from front matter under configured keys.

    A ``source`` that is a URL also serves as the URL when no ``original_url`` is given.
    """
    names = {**DEFAULT_KEYS, **(keys or {})}

    def get(role: str) -> str | None:
        value = front_matter.get(names[role])
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
    from .documents.source_map import locate

    for ev in finding.evidence:
        if ev.document != "copy":
            continue
        snippet = doc_text[ev.start : ev.end] if 0 <= ev.start < ev.end else ev.snippet
        found = locate(raw, snippet)
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


# --- finding the original -------------------------------------------------------------------


def check_options(config: ProjectConfig, terms_id: str | None = None) -> CheckOptions:
    """Pipeline options from the project config, as `compliance check` builds them."""
    from .pipeline import CheckOptions

    return CheckOptions.from_config(
        config,
        terms_id=terms_id,
        venue=config.venue_for(config.site),
        copy_site=config.site,
    )


class Originals:
    """Where a hook finds originals: the configured index, an originals folder, or both.

    Opened once per hook run; each source is only touched when a post needs it.
    """

    def __init__(self, config: ProjectConfig, max_bytes: int | None = None) -> None:
        self.config = config
        self.max_bytes = max_bytes
        self._index: Any = None
        self._folder_docs: list[Document] | None = None
        self._library: Mapping[str, Terms] | None = None

    @property
    def library(self) -> Mapping[str, Terms]:
        """The terms library, loaded on first use and then kept for the rest of the run."""
        if self._library is None:
            self._library = _library(self.config)
        return self._library

    # the folder ---------------------------------------------------------------------------

    @property
    def folder(self) -> Path | None:
        return self.config.originals

    def _load(self, path: Path) -> Document:
        from .documents import DEFAULT_MAX_BYTES, load_path

        return load_path(path, max_bytes=self.max_bytes or DEFAULT_MAX_BYTES)

    def _folder_files(self) -> list[Path]:
        folder = self.folder
        if folder is None or not folder.is_dir():
            return []
        return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))

    def folder_by_url(self, url: str) -> Document | None:
        """An original in the folder whose canonical URL is the same article as ``url``.

        Files are first filtered by a cheap byte search for the URL's path, so only likely
        matches are parsed.
        """
        from .documents.urls import same_article

        needle = _url_needle(url).encode("utf-8")
        for path in self._folder_files():
            try:
                if needle not in path.read_bytes():
                    continue
            except OSError:
                continue
            doc = self._load(path)
            canonical = doc.meta.canonical_url
            if canonical and same_article(canonical, url):
                return doc
        return None

    def folder_docs(self) -> list[Document]:
        if self._folder_docs is None:
            self._folder_docs = [self._load(p) for p in self._folder_files()]
        return self._folder_docs

    # the index ----------------------------------------------------------------------------

    @property
    def index_spec(self) -> Any:
        """The configured index, else ``.compliance/index.sqlite`` when it exists, else None."""
        if self.config.index:
            return self.config.index
        default = (self.config.root or Path.cwd()) / ".compliance" / "index.sqlite"
        return default if default.is_file() else None

    @property
    def index(self) -> Any:
        """The index storage for lookups by URL or id, opened on first use."""
        if self._index is None and self.index_spec:
            from .index import open_index

            self._index = open_index(self.index_spec, create=False)
        return self._index

    def by_url(self, url: str) -> Document | None:
        """The original published at ``url``: from the index first, then the folder."""
        if self.index is not None:
            doc = _index_get(self.index, url)
            if doc is not None:
                return doc
        return self.folder_by_url(url)

    def by_id(self, key: str) -> Document | None:
        """The original with this index id (or unique id prefix)."""
        return _index_get(self.index, key) if self.index is not None else None

    def by_path(self, name: str, near: Path) -> Document | None:
        """An original named by a relative path: beside the post, in the folder, or the root."""
        for base in (near.parent, self.folder, self.config.root):
            if base is None:
                continue
            candidate = base / name
            if candidate.is_file():
                return self._load(candidate)
        return None

    def reuse(self, post: Document, options: CheckOptions) -> list[Report]:
        """Reports for every original the post reuses, found without being named.

        With an index this is the same containment search and check as `compliance scan`;
        with only an originals folder, every original in it is compared.
        """
        if self.index_spec:
            from .index import index_config
            from .scan import ScanOptions, scan_document

            spec = index_config(self.index_spec)
            result = scan_document(post, ScanOptions(index=spec, check=options, config=self.config))
            if result.error is not None:
                raise ComplianceError(result.error.message, post.origin)
            return list(result.reports)
        from .pipeline import check_pair

        reports = [check_pair(post, original, options) for original in self.folder_docs()]
        return [r for r in reports if r.verdict != "not-a-copy"]

    def close(self) -> None:
        close = getattr(self._index, "close", None)
        if callable(close):
            close()


def _url_needle(url: str) -> str:
    """The most distinctive part of a URL to grep for: its path, or the host for a bare site."""
    rest = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.IGNORECASE)
    host, _, path = rest.partition("/")
    path = path.split("?")[0].split("#")[0].rstrip("/")
    return path or host


def _index_get(index: Any, key: str) -> Document | None:
    """The one original matching ``key`` (a URL, an id or an 8+ character id prefix)."""
    ids = index.find(key)
    entry = index.get(ids[0]) if len(ids) == 1 else None
    return entry.load_document() if entry is not None else None


# --- the hook --------------------------------------------------------------------------------


def check_post(path: Path, config: ProjectConfig, originals: Originals) -> PostResult:
    """Check one post: find what it republishes, run the pipeline, keep reports of reuse."""
    from .documents import DEFAULT_MAX_BYTES, load_bytes
    from .documents.decode import read_limited
    from .pipeline import check_pair

    limit = originals.max_bytes or DEFAULT_MAX_BYTES
    data = read_limited(path, limit)  # read once: the loader and the front matter share it
    post = load_bytes(data, str(path), max_bytes=limit)
    # As a text-mode read would give it: universal newlines, undecodable bytes replaced.
    raw = data.decode(post.encoding or "utf-8", errors="replace")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    front, body_line = split_front_matter(raw, str(path))
    claim = declared({**front, **post.meta.front_matter}, config.front_matter)
    library = originals.library
    terms_id = claim.license if claim.license in library else None
    options = replace(check_options(config, terms_id), library=library)

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
    return PostResult(path=path, raw=raw, reports=tuple(kept), body_line=body_line)


def run(paths: Sequence[Path], config: ProjectConfig, max_bytes: int | None = None) -> HookRun:
    """Check every post in ``paths`` the config selects; one post's error does not stop others."""
    posts = select_posts(paths, config.files or DEFAULT_GLOBS, config.root)
    outcome = HookRun()
    if not posts:
        return outcome
    originals = Originals(config, max_bytes)
    try:
        for path in posts:
            try:
                outcome.results.append(check_post(path, config, originals))
            except ComplianceError as exc:
                outcome.results.append(PostResult(path=path, error=exc.message))
    finally:
        originals.close()
    return outcome


def _library(config: ProjectConfig) -> Mapping[str, Terms]:
    from .terms import load_library

    return load_library(tuple(config.rules_dirs))  # cached in the user's cache folder
