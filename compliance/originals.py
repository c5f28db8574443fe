"""Where the hook and the service find the original a post republishes.

A post names its original by URL, by index id, or by a path; otherwise the index (or the
originals folder) is searched for what it reuses. Both front ends open one `Originals` per run
(per thread in the service) and each source is touched only when a post needs it.

A path named by a post is untrusted input: it resolves only inside the project (the folder of
its config) or the configured originals folder, so front matter such as ``source: /etc/passwd``
can never pull an arbitrary file into a report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:
    from .config import ProjectConfig
    from .model import Document, Report, Terms
    from .pipeline import CheckOptions

__all__ = ["Originals", "check_options"]


def check_options(config: ProjectConfig, terms_id: str | None = None) -> CheckOptions:
    """Pipeline options for this project's own site, as the hook and the service check."""
    from .pipeline import CheckOptions

    return CheckOptions.from_config(
        config,
        terms_id=terms_id,
        venue=config.venue_for(config.site),
        copy_site=config.site,
    )


class Originals:
    """The configured index and originals folder, opened lazily and kept for one run."""

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
            from .terms import load_library

            self._library = load_library(tuple(self.config.rules_dirs))
        return self._library

    def options(self, terms_id: str | None = None) -> CheckOptions:
        """`check_options` with this run's library, so it is parsed once per run."""
        return replace(check_options(self.config, terms_id), library=self.library)

    # the folder ---------------------------------------------------------------------------

    @property
    def folder(self) -> Path | None:
        return self.config.originals

    @property
    def root(self) -> Path:
        """The project: the folder of the config file, else the working directory."""
        return (self.config.root or Path.cwd()).resolve()

    def _load(self, path: Path) -> Document:
        from .documents import DEFAULT_MAX_BYTES, load_path

        limit = self.max_bytes or DEFAULT_MAX_BYTES
        return load_path(path, max_bytes=limit, limits=self.config.limits)

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
        """The configured index, else ``.compliance/index.sqlite`` under the root when it exists,
        else None."""
        spec = self.config.index_or_default()
        if self.config.index or Path(str(spec)).is_file():
            return spec
        return None

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
        """An original named by a relative path: beside the post, in the folder, or the root.

        Raises:
            InputError: the path leads outside the project and the originals folder.
        """
        allowed = [self.root, *([self.folder.resolve()] if self.folder else [])]
        for base in (near.parent, self.folder, self.root):
            if base is None:
                continue
            candidate = (base / name).resolve()
            if not any(candidate.is_relative_to(a) for a in allowed):
                raise InputError(
                    f"the original {name!r} is outside the project and the originals folder; "
                    "name a file inside them, or its URL",
                    str(near),
                )
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
            scan = ScanOptions(index=spec, check=options, config=self.config)
            # This run's own connection, so close() releases everything reuse() opened.
            return list(scan_document(post, scan, storage=self.index).reports)
        from .pipeline import check_pair

        reports = [check_pair(post, original, options) for original in self.folder_docs()]
        return [r for r in reports if r.verdict != "not-a-copy"]

    def close(self) -> None:
        """Release the index connection this run opened (lookups and ``reuse`` share it)."""
        close = getattr(self._index, "close", None)
        self._index = None
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
