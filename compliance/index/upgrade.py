"""`index upgrade`: bring an index made by an older compliance to this version's schema.

Every entry keeps its whole Document, so nothing needs the original files: each stored document
is fingerprinted again (``fingerprint.py``) and the new fingerprints replace the old ones in one
atomic step, with the schema version and fingerprint scheme; then the search is saved again.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .entry import encode_signature
from .fingerprint import fingerprint
from .search import ContainmentSearch
from .storage import Fingerprints

__all__ = ["upgrade"]


def upgrade(spec: str | Path | Mapping[str, Any]) -> int:
    """Re-fingerprint every original of the index ``spec`` names; returns how many.

    Raises:
        IndexFileError: if it is not an index, is newer than this tool, or a document is corrupt.
    """
    from . import open_index

    with open_index(spec, create=False, upgrading=True) as store:
        rows: list[Fingerprints] = []
        for entry in store.entries():
            fp = fingerprint(entry.load_document().text)
            anchors = fp.anchors.astype("<u8").tobytes()
            rows.append((entry.id, fp.size, encode_signature(fp.hashvalues), anchors))
        store.rewrite_fingerprints(rows)
        ContainmentSearch.save(store)
    return len(rows)
