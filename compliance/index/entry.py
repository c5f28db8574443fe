"""What the index keeps per original, and how it is made from a loaded Document.

An entry holds everything a scan needs without the original file: the MinHash signature and
shingle count (candidate search), the attribution facts and terms choice (the checks), and the
whole Document, compressed, so the full alignment can run against the original's text.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from hashlib import blake2b
from typing import TYPE_CHECKING

import numpy as np

from .. import serialize
from ..errors import IndexFileError
from ..model import Attribution, Document, TermsChoice

if TYPE_CHECKING:  # datasketch's package import loads scipy: only where a signature is decoded
    from datasketch import LeanMinHash

__all__ = [
    "ANCHOR_MOD",
    "SHINGLE_K",
    "Fingerprint",
    "IndexEntry",
    "anchors_of",
    "decode_signature",
    "encode_signature",
    "fingerprint",
    "make_entry",
    "signature_scheme",
]

_BYTEORDER = "<"

SHINGLE_K = 5
"""Words per shingle for the index signature. Longer than the alignment's shingles on purpose:
3-word shingles such as "one of the" recur across unrelated articles and gave unrelated pairs
up to 6 shared minima out of 128 in the benchmark; with 5 words they share at most 1-2, while
an excerpt of 150 words still shares 7 or more with its source (bench/bench_scan.py)."""


@dataclass(frozen=True)
class IndexEntry:
    """One original in the archive. ``document`` is zlib-compressed JSON of the Document."""

    id: str
    origin: str
    url: str | None
    url_key: str | None  # normalised URL, for `index remove URL` and lookups
    title: str
    terms: TermsChoice
    attribution: Attribution
    shingle_count: int
    signature: bytes  # LeanMinHash.serialize, little-endian
    document: bytes
    raw_size: int
    added_at: str = ""
    anchors: bytes = b""  # sorted little-endian uint64 anchor hashes

    def anchor_values(self) -> np.ndarray:
        return np.frombuffer(self.anchors, dtype="<u8").astype(np.uint64)

    def minhash(self) -> LeanMinHash:
        return decode_signature(self.signature)

    def hashvalues(self) -> np.ndarray:
        return hashvalues_of(self.signature)

    def load_document(self) -> Document:
        """Rebuild the original Document (text, links, meta) from the stored copy."""
        try:
            data = json.loads(zlib.decompress(self.document).decode("utf-8"))
        except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise IndexFileError(f"stored document {self.id[:12]} is corrupt ({exc})") from exc
        return serialize.from_dict(Document, data)


def encode_signature(mh: LeanMinHash) -> bytes:
    buf = bytearray(mh.bytesize(byteorder=_BYTEORDER))
    mh.serialize(buf, byteorder=_BYTEORDER)
    return bytes(buf)


def decode_signature(data: bytes) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash.deserialize(data, byteorder=_BYTEORDER)


def hashvalues_of(data: bytes) -> np.ndarray:
    """The signature's hash values as uint64, whatever scheme produced them."""
    return np.asarray(decode_signature(data).hashvalues, dtype=np.uint64)


@dataclass(frozen=True)
class Fingerprint:
    """What the search compares: MinHash signature, shingle count and anchors of one text."""

    minhash: LeanMinHash
    size: int
    anchors: np.ndarray

    @property
    def hashvalues(self) -> np.ndarray:
        return np.asarray(self.minhash.hashvalues, dtype=np.uint64)


def fingerprint(text: str) -> Fingerprint:
    """Fingerprint ``text`` over the similarity module's word shingles (k = SHINGLE_K)."""
    from ..similarity.minhash import signature
    from ..similarity.shingles import shingles

    grams = shingles(text, k=SHINGLE_K)
    return Fingerprint(signature(grams), len(grams), anchors_of(grams))


def make_entry(
    doc: Document, attribution: Attribution, terms: TermsChoice, *, added_at: str = ""
) -> IndexEntry:
    """Fingerprint ``doc`` and package it with its attribution facts and terms."""
    from ..documents.urls import normalise_url

    fp = fingerprint(doc.text)
    url = doc.meta.canonical_url or attribution.url
    payload = json.dumps(serialize.to_dict(doc), ensure_ascii=False, separators=(",", ":"))
    return IndexEntry(
        id=doc.id,
        origin=doc.origin,
        url=url,
        url_key=normalise_url(url) if url else None,
        title=doc.title,
        terms=terms,
        attribution=attribution,
        shingle_count=fp.size,
        signature=encode_signature(fp.minhash),
        document=zlib.compress(payload.encode("utf-8"), 6),
        raw_size=doc.size,
        added_at=added_at,
        anchors=fp.anchors.astype("<u8").tobytes(),
    )


ANCHOR_MOD = 4
"""One shingle in ANCHOR_MOD (chosen by its hash, so the same ones in every document) is kept as
an anchor. MinHash cannot see a 30-word quotation in an 800-word original (Jaccard ~0.03, about
four shared minima of 128, often none); anchors can: the quote's ~26 shingles hold ~6 anchors,
and the chance of none is 0.75**26 < 0.1%."""


def anchors_of(grams: Iterable[str]) -> np.ndarray:
    """Sorted 64-bit hashes of the shingles whose hash is 0 modulo ANCHOR_MOD."""
    values = []
    for gram in grams:
        h = int.from_bytes(blake2b(gram.encode("utf-8"), digest_size=8).digest(), "little")
        if h % ANCHOR_MOD == 0:
            values.append(h)
    return np.unique(np.asarray(values, dtype=np.uint64))


def signature_scheme() -> str:
    """Names what makes signatures comparable; an index built under another one must be rebuilt."""
    from ..similarity.minhash import NUM_PERM, SCHEME, SEED

    return f"k={SHINGLE_K};perm={NUM_PERM};seed={SEED};scheme={SCHEME};anchors=blake2b%{ANCHOR_MOD}"
