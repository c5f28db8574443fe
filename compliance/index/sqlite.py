"""The default backend: one SQLite file, no server, safe against kills and concurrent writers.

Every write is one ``BEGIN IMMEDIATE`` transaction in WAL mode with ``synchronous=FULL``, so an
add that returned is on disk and a process killed mid-add leaves the previous state. Writers
queue on the busy timeout instead of failing. A file that is not ours is refused before
anything is written to it.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import serialize
from ..errors import IndexFileError
from ..model import Attribution, TermsChoice
from .entry import IndexEntry
from .scheme import fingerprint_scheme
from .storage import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    Fingerprints,
    IndexStats,
    Storage,
    check_compatible,
)

__all__ = ["SqliteStorage"]

_MAGIC = b"SQLite format 3\x00"
_BUSY_SECONDS = 60.0
_SAVE_WAIT_MS = 2000  # saving the derived search waits briefly; another writer will save it
_COLUMNS = (
    "id, origin, url, url_key, title, terms, attribution, shingles, signature, document,"
    " raw_size, added_at, anchors"
)
# At most one row: the candidate search, built for that generation of the index.
_SEARCH_TABLE = "CREATE TABLE IF NOT EXISTS search (generation TEXT NOT NULL, data BLOB NOT NULL)"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS originals (
        id TEXT PRIMARY KEY, origin TEXT NOT NULL, url TEXT, url_key TEXT,
        title TEXT NOT NULL, terms_id TEXT NOT NULL, terms TEXT NOT NULL,
        attribution TEXT NOT NULL, shingles INTEGER NOT NULL, signature BLOB NOT NULL,
        document BLOB NOT NULL, raw_size INTEGER NOT NULL, added_at TEXT NOT NULL,
        anchors BLOB NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS originals_url ON originals (url_key)",
    "CREATE INDEX IF NOT EXISTS originals_terms ON originals (terms_id)",
    _SEARCH_TABLE,
)


class SqliteStorage(Storage):
    """An index in one SQLite file (default ``.compliance/index.sqlite``)."""

    backend = "sqlite"

    def __init__(self, path: str | Path, *, create: bool = True, upgrading: bool = False) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self._upgrading = upgrading
        self._conn = self._open(create)

    # -- opening and validation -------------------------------------------------------------

    def _open(self, create: bool) -> sqlite3.Connection:
        path = self.path
        if path.is_dir():
            raise IndexFileError("is a directory, not an index file", source=str(path))
        exists = path.exists() and path.stat().st_size > 0
        if exists:
            with path.open("rb") as handle:
                if handle.read(len(_MAGIC)) != _MAGIC:
                    raise IndexFileError("not a compliance index (not a SQLite file)", str(path))
        elif not create:
            raise IndexFileError("no index here; run `compliance index add` first", str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            str(path), timeout=_BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )
        try:
            with self._errors():
                conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_SECONDS * 1000)}")
                self._validate_or_create(conn)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
        except BaseException:
            conn.close()
            raise
        return conn

    def _validate_or_create(self, conn: sqlite3.Connection) -> None:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.executemany(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("format", FORMAT_NAME),
                        ("schema_version", str(SCHEMA_VERSION)),
                        ("generation", "0"),
                        ("signature", fingerprint_scheme()),
                        ("created_at", _now()),
                    ],
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return
        if "meta" not in tables or "originals" not in tables:
            raise IndexFileError("is a SQLite database but not a compliance index", self.location)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") != FORMAT_NAME:
            raise IndexFileError("is a SQLite database but not a compliance index", self.location)
        try:
            version = int(meta.get("schema_version", ""))
        except ValueError:
            raise IndexFileError(
                f"has an unreadable schema version {meta.get('schema_version')!r}", self.location
            ) from None
        check_compatible(version, meta.get("signature"), self.location, upgrading=self._upgrading)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite's corruption and locking errors into one-line IndexFileErrors."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise IndexFileError(f"index is unreadable or corrupt ({exc})", self.location) from exc

    @contextlib.contextmanager
    def _busy_timeout(self, milliseconds: int) -> Iterator[None]:
        """A shorter wait for the write lock, for writes that may as well be skipped."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_SECONDS * 1000)}")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute(
                    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    # -- Storage ----------------------------------------------------------------------------

    def add(self, entries: Sequence[IndexEntry]) -> list[bool]:
        if not entries:
            return []
        added: list[bool] = []
        stamp = _now()
        with self._write() as conn:
            for e in entries:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO originals (id, origin, url, url_key, title, terms_id,"
                    " terms, attribution, shingles, signature, document, raw_size, added_at,"
                    " anchors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        e.id,
                        e.origin,
                        e.url,
                        e.url_key,
                        e.title,
                        e.terms.terms_id,
                        json.dumps(serialize.to_dict(e.terms)),
                        json.dumps(serialize.to_dict(e.attribution), ensure_ascii=False),
                        e.shingle_count,
                        e.signature,
                        e.document,
                        e.raw_size,
                        e.added_at or stamp,
                        e.anchors,
                    ),
                )
                added.append(cur.rowcount == 1)
        return added

    def get(self, entry_id: str) -> IndexEntry | None:
        with self._errors():
            row = self._conn.execute(
                f"SELECT {_COLUMNS} FROM originals WHERE id = ?", (entry_id,)
            ).fetchone()
        return _entry(row) if row else None

    def find(self, key: str) -> list[str]:
        from ..documents.urls import normalise_url

        with self._errors():
            if "://" in key:
                rows = self._conn.execute(
                    "SELECT id FROM originals WHERE url_key = ? OR url = ? OR origin = ?",
                    (normalise_url(key), key, key),
                ).fetchall()
            else:
                rows = self._conn.execute(
                    "SELECT id FROM originals WHERE id = ? OR origin = ?", (key, key)
                ).fetchall()
                if not rows and len(key) >= 8:
                    rows = self._conn.execute(
                        "SELECT id FROM originals WHERE id LIKE ? ESCAPE '\\'",
                        (_like_prefix(key.lower()),),
                    ).fetchall()
                    if len(rows) > 1:
                        raise IndexFileError(
                            f"id prefix {key!r} is ambiguous ({len(rows)} originals)",
                            self.location,
                        )
        return sorted({r[0] for r in rows})

    def delete(self, ids: Sequence[str]) -> int:
        removed = 0
        with self._write() as conn:
            for entry_id in ids:
                removed += conn.execute("DELETE FROM originals WHERE id = ?", (entry_id,)).rowcount
        return removed

    def ids(self) -> list[str]:
        with self._errors():
            return [r[0] for r in self._conn.execute("SELECT id FROM originals ORDER BY id")]

    def __len__(self) -> int:
        with self._errors():
            return int(self._conn.execute("SELECT COUNT(*) FROM originals").fetchone()[0])

    def entries(self) -> Iterator[IndexEntry]:
        with self._errors():
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM originals ORDER BY id").fetchall()
        for row in rows:
            yield _entry(row)

    def signatures(self) -> Iterator[Fingerprints]:
        with self._errors():
            cursor = self._conn.execute(
                "SELECT id, shingles, signature, anchors FROM originals ORDER BY id"
            )
            while batch := cursor.fetchmany(4096):
                for entry_id, count, sig, anchors in batch:
                    yield entry_id, int(count), bytes(sig), bytes(anchors)

    def search_blob(self) -> bytes | None:
        with self._errors():
            row = self._conn.execute(
                "SELECT data FROM search WHERE generation ="
                " (SELECT value FROM meta WHERE key = 'generation')"
            ).fetchone()
        return bytes(row[0]) if row else None

    def save_search_blob(self, generation: str, data: bytes) -> bool:
        with self._errors(), self._busy_timeout(_SAVE_WAIT_MS):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                if self.generation() != generation:
                    self._conn.execute("ROLLBACK")
                    return False
                self._conn.execute("DELETE FROM search")
                self._conn.execute(
                    "INSERT INTO search (generation, data) VALUES (?, ?)", (generation, data)
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        return True

    def rewrite_fingerprints(self, rows: Sequence[Fingerprints]) -> None:
        with self._write() as conn:
            conn.execute(_SEARCH_TABLE)
            conn.execute("DELETE FROM search")
            conn.executemany(
                "UPDATE originals SET shingles = ?, signature = ?, anchors = ? WHERE id = ?",
                [(count, sig, anchors, entry_id) for entry_id, count, sig, anchors in rows],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [("schema_version", str(SCHEMA_VERSION)), ("signature", fingerprint_scheme())],
            )

    def stats(self) -> IndexStats:
        with self._errors():
            count, raw = self._conn.execute(
                "SELECT COUNT(*), COALESCE(SUM(raw_size), 0) FROM originals"
            ).fetchone()
            terms = dict(
                self._conn.execute(
                    "SELECT terms_id, COUNT(*) FROM originals GROUP BY terms_id ORDER BY 2 DESC, 1"
                ).fetchall()
            )
        stored = sum(
            p.stat().st_size
            for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"))
            if p.exists()
        )
        return IndexStats(self.location, self.backend, int(count), stored, int(raw), terms)

    def generation(self) -> str:
        with self._errors():
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return str(row[0]) if row else "0"

    def close(self) -> None:
        self._conn.close()


def _entry(row: tuple[Any, ...]) -> IndexEntry:
    (eid, origin, url, url_key, title, terms, attribution, count, sig, doc, raw, added, anchors) = (
        row
    )
    return IndexEntry(
        id=eid,
        origin=origin,
        url=url,
        url_key=url_key,
        title=title,
        terms=serialize.from_dict(TermsChoice, json.loads(terms)),
        attribution=serialize.from_dict(Attribution, json.loads(attribution)),
        shingle_count=int(count),
        signature=bytes(sig),
        document=bytes(doc),
        raw_size=int(raw),
        added_at=added,
        anchors=bytes(anchors),
    )


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
