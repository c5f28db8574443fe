"""The archive of originals: storage backends, candidate search, and adding documents.

``open_index`` dispatches on ``config["type"]`` like datasketch's ``ordered_storage``: ``sqlite``
(default, one file) or ``redis`` (shared; needs ``compliance[redis]``). A plain string works too:
a file path, or a ``redis://host:port/db`` URL with an optional ``#name`` to pick a key prefix.

What needs numpy (``fingerprint.fingerprint``, ``search.ContainmentSearch``) is imported from
its own module, not from here: a lookup by URL (the hook with a named original) needs no array.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..config import DEFAULT_INDEX_PATH
from ..errors import IndexFileError
from .entry import IndexEntry, make_entry
from .storage import SCHEMA_VERSION, IndexStats, Storage

__all__ = [
    "DEFAULT_INDEX_PATH",
    "SCHEMA_VERSION",
    "IndexEntry",
    "IndexStats",
    "Storage",
    "index_config",
    "make_entry",
    "open_index",
]


def index_config(spec: str | Path | Mapping[str, Any] | None) -> dict[str, Any]:
    """Turn a ``--index`` value (path, redis URL or mapping) into a backend config."""
    if spec is None:
        return {"type": "sqlite", "path": str(DEFAULT_INDEX_PATH)}
    if isinstance(spec, Mapping):
        return dict(spec)
    text = str(spec)
    if text.startswith(("redis://", "rediss://", "unix://")):
        url, _, name = text.partition("#")
        config: dict[str, Any] = {"type": "redis", "url": url}
        if name:
            config["prefix"] = f"compliance:{name}:"
        return config
    return {"type": "sqlite", "path": text}


def open_index(
    spec: str | Path | Mapping[str, Any] | None = None,
    *,
    create: bool = True,
    upgrading: bool = False,
) -> Storage:
    """Open (and with ``create``, initialise) the index that ``spec`` names; with
    ``upgrading``, an index of an older schema opens too, for ``upgrade.upgrade`` to rewrite.

    Raises:
        IndexFileError: if the store is not an index, is newer than this tool, is corrupt,
            does not exist and ``create`` is False, or names an unknown backend type.
    """
    config = index_config(spec)
    kind = config.get("type", "sqlite")
    if kind == "sqlite":
        from .sqlite import SqliteStorage

        path = config.get("path", DEFAULT_INDEX_PATH)
        return SqliteStorage(path, create=create, upgrading=upgrading)
    if kind == "redis":
        from .redis_store import DEFAULT_PREFIX, RedisStorage

        url = config.get("url") or "redis://localhost:6379/0"
        prefix = config.get("prefix", DEFAULT_PREFIX)
        return RedisStorage(url, prefix=prefix, create=create, upgrading=upgrading)
    raise IndexFileError(f"unknown index type {kind!r} (expected sqlite or redis)")
