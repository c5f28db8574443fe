"""The shared backend: a Redis server, so many machines and hook processes use one archive.

Each add and remove is a Lua script, which Redis runs atomically: an entry is stored whole with
its id, URL and terms counters, or not at all, and two writers adding the same content count it
once. Needs the ``redis`` package (``pip install compliance[redis]``).
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
from .entry import IndexEntry, signature_scheme
from .storage import (
    FORMAT_NAME,
    SCHEMA_VERSION,
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

_ADD = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 5))
redis.call('HINCRBY', KEYS[3], 'generation', 1)
redis.call('HINCRBY', KEYS[3], 'raw_bytes', ARGV[3])
redis.call('HINCRBY', KEYS[4], ARGV[2], 1)
if ARGV[4] ~= '' then redis.call('SADD', KEYS[5], ARGV[1]) end
return 1
"""

_DELETE = """
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
local f = redis.call('HMGET', KEYS[2], 'terms_id', 'raw_size', 'url_key')
redis.call('DEL', KEYS[2])
redis.call('HINCRBY', KEYS[3], 'generation', 1)
redis.call('HINCRBY', KEYS[3], 'raw_bytes', -tonumber(f[2] or '0'))
if f[1] then
  if redis.call('HINCRBY', KEYS[4], f[1], -1) <= 0 then redis.call('HDEL', KEYS[4], f[1]) end
end
if f[3] and f[3] ~= '' then redis.call('SREM', ARGV[2] .. f[3], ARGV[1]) end
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

    def __init__(self, url: str, *, prefix: str = DEFAULT_PREFIX, create: bool = True) -> None:
        if redis is None:
            raise IndexFileError(
                "the Redis backend needs the redis package: pip install 'compliance[redis]'", url
            )
        self.location = f"{url} ({prefix})"
        self._prefix = prefix
        self._client = redis.Redis.from_url(url)
        self._add = self._client.register_script(_ADD)
        self._delete = self._client.register_script(_DELETE)
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
            self._client.hsetnx(self._key("meta"), "signature", signature_scheme())
            meta = {
                k.decode(): v.decode() for k, v in self._client.hgetall(self._key("meta")).items()
            }
        if meta.get("format") != FORMAT_NAME:
            raise IndexFileError("these Redis keys are not a compliance index", self.location)
        try:
            version = int(meta.get("schema_version", ""))
        except ValueError:
            raise IndexFileError("has an unreadable schema version", self.location) from None
        check_compatible(version, meta.get("signature"), self.location)

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
            if "://" in key:
                found = {
                    m.decode() for m in self._client.smembers(self._key("url", normalise_url(key)))
                }
                return sorted(found | {i for i in self.ids() if self._origin(i) == key})
            if self._client.sismember(self._key("ids"), key):
                return [key]
            ids = self.ids()
            by_origin = [i for i in ids if self._origin(i) == key]
            if by_origin or len(key) < 8:
                return by_origin
            matches = [i for i in ids if i.startswith(key.lower())]
        if len(matches) > 1:
            raise IndexFileError(
                f"id prefix {key!r} is ambiguous ({len(matches)} originals)", self.location
            )
        return matches

    def _origin(self, entry_id: str) -> str:
        value = self._client.hget(self._key("e", entry_id), "origin")
        return value.decode() if value else ""

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
                    ],
                    args=[entry_id, self._key("url", "")],
                    client=pipe,
                )
            return sum(int(r) for r in pipe.execute())

    def ids(self) -> list[str]:
        with self._errors():
            return sorted(m.decode() for m in self._client.smembers(self._key("ids")))

    def __len__(self) -> int:
        with self._errors():
            return int(self._client.scard(self._key("ids")))

    def _batches(self, fields: Sequence[str], size: int = 1000) -> Iterator[tuple[str, list]]:
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

    def signatures(self) -> Iterator[tuple[str, int, bytes, bytes]]:
        for entry_id, (count, sig, anchors) in self._batches(("shingles", "signature", "anchors")):
            yield entry_id, int(count), bytes(sig), bytes(anchors or b"")

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
