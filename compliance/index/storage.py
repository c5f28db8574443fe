"""The Storage ABC every index backend implements, and the figures `index stats` shows.

Backends differ only in where entries live (a SQLite file, a Redis server); the operations and
their guarantees are the same: an add commits whole entries or nothing, re-adding the same
content is a no-op, and a store that is not an index is refused, never overwritten.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType

from ..errors import IndexFileError
from .entry import IndexEntry
from .scheme import fingerprint_scheme

__all__ = [
    "FORMAT_NAME",
    "SCHEMA_VERSION",
    "Fingerprints",
    "IndexStats",
    "Storage",
    "check_compatible",
    "check_signature_scheme",
]

FORMAT_NAME = "compliance-index"
SCHEMA_VERSION = 2
"""Bumped when the stored layout changes; a newer index is refused by an older tool, an older
one is refused with the command that upgrades it (`compliance index upgrade`).

2: one hash per shingle (fingerprint.py), raw uint32 minima, notice lines left out, and the
built candidate search kept inside the index (``search_blob``)."""

Fingerprints = tuple[str, int, bytes, bytes]
"""(id, shingle count, signature, anchors): what the search reads, and what an upgrade rewrites."""


@dataclass(frozen=True)
class IndexStats:
    """How big the archive is and which terms its originals fall under."""

    location: str
    backend: str
    count: int
    stored_bytes: int  # bytes the store occupies (file size, or Redis memory for our keys)
    original_bytes: int  # sum of the originals' raw sizes
    terms: dict[str, int] = field(default_factory=dict)  # terms id -> originals
    schema_version: int = SCHEMA_VERSION


class Storage(ABC):
    """An archive of originals keyed by content hash (sha256 of the raw bytes)."""

    backend: str = ""
    location: str = ""

    @abstractmethod
    def add(self, entries: Sequence[IndexEntry]) -> list[bool]:
        """Store ``entries`` in one atomic step; True for each one that was new."""

    @abstractmethod
    def get(self, entry_id: str) -> IndexEntry | None:
        """The entry with exactly this id, or None."""

    @abstractmethod
    def find(self, key: str) -> list[str]:
        """Ids matching ``key``: a full id, a unique id prefix (8+ chars), or a URL."""

    @abstractmethod
    def delete(self, ids: Sequence[str]) -> int:
        """Remove these ids atomically; returns how many were present."""

    @abstractmethod
    def ids(self) -> list[str]:
        """Every stored id, sorted."""

    @abstractmethod
    def entries(self) -> Iterator[IndexEntry]:
        """Every entry, in id order."""

    @abstractmethod
    def signatures(self) -> Iterator[Fingerprints]:
        """(id, shingle count, signature, anchors) of every entry: what the search needs."""

    @abstractmethod
    def search_blob(self) -> bytes | None:
        """The candidate search saved for the current generation, or None (stale or absent)."""

    @abstractmethod
    def save_search_blob(self, generation: str, data: bytes) -> bool:
        """Keep ``data`` as the search of ``generation`` unless the index changed since (False).

        Does not change the generation: the search is derived from the entries, not content.
        """

    @abstractmethod
    def rewrite_fingerprints(self, rows: Sequence[Fingerprints]) -> None:
        """Replace these entries' fingerprints and mark the index as of this schema and
        fingerprint scheme, in one atomic step (`compliance index upgrade`)."""

    @abstractmethod
    def stats(self) -> IndexStats:
        """Counts, sizes and the terms breakdown."""

    @abstractmethod
    def generation(self) -> str:
        """A token that changes whenever the content changes (for caching a search)."""

    def close(self) -> None:  # noqa: B027 - optional hook for backends holding connections
        """Release connections; the default holds none."""

    def remove(self, key: str) -> list[str]:
        """Remove the originals ``key`` names (id, id prefix or URL), and keep the search of
        what is left inside the index; returns their ids."""
        return self.remove_all([key])[0]

    def remove_all(self, keys: Sequence[str]) -> list[list[str]]:
        """Remove the originals every key names in one atomic delete, then rebuild and save the
        search once; returns the ids each key named (empty for a key that matched nothing)."""
        from .search import ContainmentSearch

        found = [self.find(key) for key in keys]
        ids = list(dict.fromkeys(entry_id for named in found for entry_id in named))
        if ids:
            self.delete(ids)
            ContainmentSearch.save(self)
        return found

    def __len__(self) -> int:
        return len(self.ids())

    def __contains__(self, entry_id: object) -> bool:
        return isinstance(entry_id, str) and self.get(entry_id) is not None

    def __enter__(self) -> Storage:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def check_compatible(
    version: int, signature: str | None, location: str, *, upgrading: bool = False
) -> None:
    """Refuse an index a newer compliance wrote, or whose fingerprints this one cannot compare
    (unless ``upgrading`` it, which rewrites them)."""
    if version > SCHEMA_VERSION:
        raise IndexFileError(
            f"was written by a newer compliance (index schema {version}; this version reads"
            f" up to {SCHEMA_VERSION}); upgrade compliance to use it",
            location,
        )
    if upgrading:
        return
    if version < SCHEMA_VERSION:
        raise IndexFileError(
            f"was made by an older compliance (index schema {version}, this version uses"
            f" {SCHEMA_VERSION}); run `compliance index upgrade --index {location.split(' ')[0]}`"
            " to re-fingerprint its originals from the documents it stores",
            location,
        )
    check_signature_scheme(signature, location)


def check_signature_scheme(stored: str | None, location: str) -> None:
    """Refuse an index whose fingerprints this version cannot compare with its own."""
    current = fingerprint_scheme()
    if stored and stored != current:
        raise IndexFileError(
            f"was built with signatures {stored}, this version makes {current}; run "
            f"`compliance index upgrade --index {location.split(' ')[0]}` to rebuild the index"
            " from the documents it stores",
            location,
        )
