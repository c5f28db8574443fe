"""The shared backend: a Redis server, so many machines and hook processes use one archive.

Each add and remove is a Lua script, which Redis runs atomically: an entry is stored whole with
its id, URL, origin and terms counters, or not at all, and two writers adding the same content
count it once. Lookups by URL, origin or id prefix go through secondary indexes kept by the same
scripts (a set per normalised URL and per origin, a lexicographic sorted set of ids), so each
is one round trip whatever the archive size. Needs ``redis`` (``pip install compliance[redis]``).

Connection policy (redis-py's own): every command has a socket timeout, and a connection error,
timeout or "busy loading" reply is retried with exponential backoff a few times before it
becomes a one-line error, so a restarting server is waited for and a hung one never hangs the
tool. The defaults below can be changed per index in the URL's query string
(``redis://host/0?socket_timeout=2``), which redis-py reads.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
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

try:
    import redis
except ImportError:  # pragma: no cover - exercised only without the extra
    redis = None  # type: ignore[assignment]

__all__ = ["DEFAULT_PREFIX", "RedisStorage"]

DEFAULT_PREFIX = "compliance:index:"

SOCKET_TIMEOUT = 10.0
"""Seconds a command may wait for the server before it is retried (then reported)."""
CONNECT_TIMEOUT = 5.0
"""Seconds to open a connection."""
RETRIES = 3
"""Retries of a command after a connection error, timeout or busy-loading reply."""
BACKOFF_BASE, BACKOFF_CAP = 0.2, 2.0
"""Exponential backoff between retries: base * 2**n seconds, at most cap."""
HEALTH_CHECK_SECONDS = 30
"""An idle connection is pinged before reuse after this long, so a dead one is replaced."""

_ADD = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 5))
redis.call('HINCRBY', KEYS[3], 'generation', 1)
redis.call('HINCRBY', KEYS[3], 'raw_bytes', ARGV[3])
redis.call('HINCRBY', KEYS[4], ARGV[2], 1)
if ARGV[4] ~= '' then redis.call('SADD', KEYS[5], ARGV[1]) end
redis.call('SADD', KEYS[6], ARGV[1])
redis.call('ZADD', KEYS[7], 0, ARGV[1])
return 1
"""

_DELETE = """
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
local f = redis.call('HMGET', KEYS[2], 'terms_id', 'raw_size', 'url_key', 'origin')
redis.call('DEL', KEYS[2])
redis.call('HINCRBY', KEYS[3], 'generation', 1)
redis.call('HINCRBY', KEYS[3], 'raw_bytes', -tonumber(f[2] or '0'))
if f[1] then
  if redis.call('HINCRBY', KEYS[4], f[1], -1) <= 0 then redis.call('HDEL', KEYS[4], f[1]) end
end
if f[3] and f[3] ~= '' then redis.call('SREM', ARGV[2] .. f[3], ARGV[1]) end
if f[4] then redis.call('SREM', ARGV[3] .. f[4], ARGV[1]) end
redis.call('ZREM', KEYS[5], ARGV[1])
return 1
"""

_SAVE_SEARCH = """
if redis.call('HGET', KEYS[1], 'generation') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], 'generation', ARGV[1], 'data', ARGV[2])
return 1
"""

_FIELDS = (
    "origin",
    "url",
    "url_key",
    "title",
    "terms",
    "attribution",
    "shingles",
    "signature",
    "document",
    "raw_size",
    "added_at",
    "anchors",
)


class RedisStorage(Storage):
    """An index held in Redis under one key prefix (default ``compliance:index:``)."""

    backend = "redis"

    def __init__(
        self,
        url: str,
        *,
        prefix: str = DEFAULT_PREFIX,
        create: bool = True,
        upgrading: bool = False,
    ) -> None:
        if redis is None:
            raise IndexFileError(
                "the Redis backend needs the redis package: pip install 'compliance[redis]'", url
            )
        self.location = f"{url} ({prefix})"
        self._prefix = prefix
        self._upgrading = upgrading
        self._client = _connect(url)
        self._add = self._client.register_script(_ADD)
        self._delete = self._client.register_script(_DELETE)
        self._save_search = self._client.register_script(_SAVE_SEARCH)
        with self._errors():
            self._validate_or_create(create)

    def _key(self, *parts: str) -> str:
        return self._prefix + ":".join(parts)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except redis.ResponseError as exc:
            raise IndexFileError(
                f"not a compliance index or corrupt ({exc})", self.location
            ) from exc
        except redis.RedisError as exc:
            raise IndexFileError(f"cannot use the Redis index ({exc})", self.location) from exc

    def _validate_or_create(self, create: bool) -> None:
        meta = {k.decode(): v.decode() for k, v in self._client.hgetall(self._key("meta")).items()}
        if not meta:
            if self._client.exists(self._key("ids")):
                raise IndexFileError("has entries but no index header; corrupt", self.location)
            if not create:
                raise IndexFileError(
                    "no index here; run `compliance index add` first", self.location
                )
            self._client.hsetnx(self._key("meta"), "format", FORMAT_NAME)
            self._client.hsetnx(self._key("meta"), "schema_version", str(SCHEMA_VERSION))
            self._client.hsetnx(self._key("meta"), "generation", "0")
            self._client.hsetnx(self._key("meta"), "signature", fingerprint_scheme())
            meta = {
                k.decode(): v.decode() for k, v in self._client.hgetall(self._key("meta")).items()
            }
        if meta.get("format") != FORMAT_NAME:
            raise IndexFileError("these Redis keys are not a compliance index", self.location)
        try:
            version = int(meta.get("schema_version", ""))
        except ValueError:
            raise IndexFileError("has an unreadable schema version", self.location) from None
        check_compatible(version, meta.get("signature"), self.location, upgrading=self._upgrading)

    def add(self, entries: Sequence[IndexEntry]) -> list[bool]:
        if not entries:
            return []
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with self._errors():
            pipe = self._client.pipeline(transaction=True)
            for e in entries:
                values: dict[str, Any] = {
                    "origin": e.origin,
                    "url": e.url or "",
                    "url_key": e.url_key or "",
                    "title": e.title,
                    "terms_id": e.terms.terms_id,
                    "terms": json.dumps(serialize.to_dict(e.terms)),
                    "attribution": json.dumps(serialize.to_dict(e.attribution), ensure_ascii=False),
                    "shingles": e.shingle_count,
                    "signature": e.signature,
                    "document": e.document,
                    "raw_size": e.raw_size,
                    "added_at": e.added_at or stamp,
                    "anchors": e.anchors,
                }
                flat = [x for pair in values.items() for x in pair]
                self._add(
                    keys=[
                        self._key("ids"),
                        self._key("e", e.id),
                        self._key("meta"),
                        self._key("terms"),
                        self._key("url", e.url_key or ""),
                        self._key("origin", e.origin),
                        self._key("lex"),
                    ],
                    args=[e.id, e.terms.terms_id, e.raw_size, e.url_key or "", *flat],
                    client=pipe,
                )
            return [bool(r) for r in pipe.execute()]

    def get(self, entry_id: str) -> IndexEntry | None:
        with self._errors():
            values = self._client.hmget(self._key("e", entry_id), _FIELDS)
        if values[0] is None:
            return None
        return _entry(entry_id, values)

    def find(self, key: str) -> list[str]:
        from ..documents.urls import normalise_url

        with self._errors():
            by_origin = self._members(self._key("origin", key))
            if "://" in key:
                return sorted(by_origin | self._members(self._key("url", normalise_url(key))))
            if self._client.sismember(self._key("ids"), key):
                return [key]
            if by_origin or len(key) < 8:
                return sorted(by_origin)
            prefix = key.lower().encode()
            matches = self._client.zrangebylex(
                self._key("lex"), b"[" + prefix, b"[" + prefix + b"\xff", start=0, num=2
            )
        if len(matches) > 1:
            raise IndexFileError(f"id prefix {key!r} is ambiguous", self.location)
        return [m.decode() for m in matches]

    def _members(self, key: str) -> set[str]:
        return {m.decode() for m in self._client.smembers(key)}

    def delete(self, ids: Sequence[str]) -> int:
        with self._errors():
            pipe = self._client.pipeline(transaction=True)
            for entry_id in ids:
                self._delete(
                    keys=[
                        self._key("ids"),
                        self._key("e", entry_id),
                        self._key("meta"),
                        self._key("terms"),
                        self._key("lex"),
                    ],
                    args=[entry_id, self._key("url", ""), self._key("origin", "")],
                    client=pipe,
                )
            return sum(int(r) for r in pipe.execute())

    def ids(self) -> list[str]:
        with self._errors():
            return sorted(m.decode() for m in self._client.smembers(self._key("ids")))

    def __len__(self) -> int:
        with self._errors():
            return int(self._client.scard(self._key("ids")))

    def _batches(self, fields: Sequence[str], size: int = 1000) -> Iterator[tuple[str, list[Any]]]:
        ids = self.ids()
        for start in range(0, len(ids), size):
            chunk = ids[start : start + size]
            with self._errors():
                pipe = self._client.pipeline(transaction=False)
                for entry_id in chunk:
                    pipe.hmget(self._key("e", entry_id), fields)
                rows = pipe.execute()
            for entry_id, values in zip(chunk, rows, strict=True):
                if values[0] is not None:
                    yield entry_id, values

    def entries(self) -> Iterator[IndexEntry]:
        for entry_id, values in self._batches(_FIELDS):
            yield _entry(entry_id, values)

    def signatures(self) -> Iterator[Fingerprints]:
        for entry_id, (count, sig, anchors) in self._batches(("shingles", "signature", "anchors")):
            yield entry_id, int(count), bytes(sig), bytes(anchors or b"")

    def search_blob(self) -> bytes | None:
        with self._errors():
            generation, data = self._client.hmget(self._key("search"), ("generation", "data"))
            current = self._client.hget(self._key("meta"), "generation")
        return bytes(data) if data is not None and generation == current else None

    def save_search_blob(self, generation: str, data: bytes) -> bool:
        with self._errors():
            return bool(
                self._save_search(
                    keys=[self._key("meta"), self._key("search")], args=[generation, data]
                )
            )

    def rewrite_fingerprints(self, rows: Sequence[Fingerprints]) -> None:
        with self._errors():
            origins = dict(self._batches(("origin",)))
            pipe = self._client.pipeline(transaction=True)
            pipe.delete(self._key("search"), self._key("lex"))
            for entry_id, count, sig, anchors in rows:
                fields = {"shingles": count, "signature": sig, "anchors": anchors}
                pipe.hset(self._key("e", entry_id), mapping=fields)
            for entry_id, (origin,) in origins.items():
                pipe.sadd(self._key("origin", origin.decode()), entry_id)
                pipe.zadd(self._key("lex"), {entry_id: 0})
            pipe.hset(
                self._key("meta"),
                mapping={"schema_version": SCHEMA_VERSION, "signature": fingerprint_scheme()},
            )
            pipe.hincrby(self._key("meta"), "generation", 1)
            pipe.execute()

    def stats(self) -> IndexStats:
        with self._errors():
            count = len(self)
            meta = self._client.hgetall(self._key("meta"))
            terms = {
                k.decode(): int(v) for k, v in self._client.hgetall(self._key("terms")).items()
            }
            pipe = self._client.pipeline(transaction=False)
            for entry_id in self.ids():
                pipe.memory_usage(self._key("e", entry_id))
            stored = sum(int(v or 0) for v in pipe.execute())
        raw = int(meta.get(b"raw_bytes", b"0"))
        ordered = dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0])))
        return IndexStats(self.location, self.backend, count, stored, raw, ordered)

    def generation(self) -> str:
        with self._errors():
            value = self._client.hget(self._key("meta"), "generation")
        return value.decode() if value else "0"

    def close(self) -> None:
        self._client.close()


def _connect(url: str) -> Any:
    """A client with redis-py's retry policy and timeouts (see the module docstring)."""
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import BusyLoadingError, ConnectionError, TimeoutError
    from redis.retry import Retry

    return redis.Redis.from_url(
        url,
        socket_timeout=SOCKET_TIMEOUT,
        socket_connect_timeout=CONNECT_TIMEOUT,
        health_check_interval=HEALTH_CHECK_SECONDS,
        retry=Retry(ExponentialBackoff(cap=BACKOFF_CAP, base=BACKOFF_BASE), RETRIES),
        retry_on_error=[BusyLoadingError, ConnectionError, TimeoutError],
    )


def _entry(entry_id: str, values: Sequence[bytes | None]) -> IndexEntry:
    row = dict(zip(_FIELDS, values, strict=True))

    def text(name: str) -> str:
        raw = row[name]
        return raw.decode("utf-8") if raw else ""

    return IndexEntry(
        id=entry_id,
        origin=text("origin"),
        url=text("url") or None,
        url_key=text("url_key") or None,
        title=text("title"),
        terms=serialize.from_dict(TermsChoice, json.loads(text("terms"))),
        attribution=serialize.from_dict(Attribution, json.loads(text("attribution"))),
        shingle_count=int(text("shingles") or 0),
        signature=bytes(row["signature"] or b""),
        document=bytes(row["document"] or b""),
        raw_size=int(text("raw_size") or 0),
        added_at=text("added_at"),
        anchors=bytes(row["anchors"] or b""),
    )
