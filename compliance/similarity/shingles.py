"""Normalised word tokens with offsets, and word k-shingles built from them.

Tokens are compared after NFKC normalisation and case folding, with apostrophes, quotes and
dashes dropped (they differ between sites: ``don’t`` / ``don't``, ``—`` / ``--``), so a copy whose
only changes are typographic still matches word for word. Each token keeps its ``[start, end)``
offsets in the *original* string, so every match can be mapped back to the text a reader sees.

Example:
    >>> words("Don’t  PANIC — it's fine.")
    [('dont', 0, 5), ('panic', 7, 12), ('its', 15, 19), ('fine', 20, 24)]
    >>> sorted(shingles("a b c d", k=3))
    ['a b c', 'b c d']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "DEFAULT_K",
    "STOPWORDS",
    "content_indices",
    "shingle_keys",
    "shingles",
    "shingles_of",
    "tokens",
    "words",
]

DEFAULT_K = 3
"""Words per shingle for MinHash and containment (tuned on PAN13, see docs/accuracy.md)."""

# A word: letters or digits (combining marks included), possibly joined by apostrophes. Matched
# in the text with "_" replaced by a space (same offsets), so one character class does it: an
# alternation per character took most of the time of tokenising.
_WORD = re.compile(r"[\w\u0300-\u036f]+(?:['’ʼ‘`´][\w\u0300-\u036f]+)*")
_DROP = str.maketrans("", "", "'’ʼ‘`´")
# Once apostrophes are dropped and "_" split on, a word is a plain run of word characters.
_DROP_SPLIT = {**_DROP, ord("_"): " "}
_TOKEN = re.compile(r"[\w\u0300-\u036f]+")

_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    s t"""
STOPWORDS: frozenset[str] = frozenset(_STOP_TEXT.split())
"""Function words left out of alignment seeds: they match everywhere and prove nothing."""


@lru_cache(maxsize=1 << 16)
def _normalise(token: str) -> str:
    """A word as compared (cached: an article repeats most of its words many times)."""
    return unicodedata.normalize("NFKC", token).casefold().translate(_DROP)


def words(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into ``(normalised token, start, end)`` triples, offsets into ``text``."""
    norm = _normalise
    found = _WORD.finditer(text.replace("_", " "))
    return [(n, m.start(), m.end()) for m in found if (n := norm(m.group()))]


def tokens(text: str) -> list[str]:
    """The tokens ``words(text)`` gives for ordinary text, without offsets, in one pass.

    For the index's fingerprints, which need no offsets and run on every original and copy;
    normalising the whole text at once may split a rare compatibility character (``½``) apart.
    """
    if text.isascii():  # NFKC leaves ASCII alone, and casefold is lower there
        return _TOKEN.findall(text.lower().translate(_DROP_SPLIT))
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold().translate(_DROP_SPLIT))


def content_indices(tokens: list[tuple[str, int, int]]) -> list[int]:
    """Indices of the tokens that are not stop words (used to seed alignments)."""
    return [i for i, (tok, _, _) in enumerate(tokens) if tok not in STOPWORDS]


def shingles(text: str, k: int = DEFAULT_K) -> set[str]:
    """The set of word k-shingles of ``text``; a text shorter than k words is one shingle.

    Raises:
        ValueError: if ``k`` is less than 1.
    """
    return shingles_of([t for t, _, _ in words(text)], k)


def shingles_of(toks: list[str], k: int = DEFAULT_K) -> set[str]:
    """The set of word k-shingles of normalised tokens (see :func:`shingles`).

    Raises:
        ValueError: if ``k`` is less than 1.
    """
    return {" ".join(g) for g in shingle_keys(toks, k)}


def shingle_keys(toks: list[str], k: int = DEFAULT_K) -> set[tuple[str, ...]]:
    """The word k-shingles of :func:`shingles_of` as tuples of words: the same set, for exact
    Jaccard and containment, built without joining each shingle into a string.

    Raises:
        ValueError: if ``k`` is less than 1.
    """
    if k < 1:
        raise ValueError(f"shingle size k must be at least 1 (got {k})")
    if not toks:
        return set()
    if len(toks) < k:
        return {tuple(toks)}
    return set(zip(*(toks[i:] for i in range(k)), strict=False))  # the last k-1 start none
