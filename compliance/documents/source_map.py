"""Find where a stretch of extracted text sits in the raw file it was extracted from.

Offsets in reports index ``Document.text`` (markup stripped, paragraphs normalised). Editors and
code-scanning tools want positions in the file itself, so a stretch is looked up in the raw
source by its words, allowing markup, entities, Markdown punctuation and any whitespace between
them.
"""

from __future__ import annotations

import re
from typing import Any

from ..linear import compile_linear

__all__ = ["locate"]

_WORD = re.compile(r"\w+")
# Between two words of the text: non-word characters, HTML tags and character entities. The
# alternatives overlap ("<>" is a tag or two non-word characters), so on Python's backtracking
# engine a run of them before a word that does not follow took exponential time: RE2 it is.
_GAP = r"(?:[^\p{L}\p{N}_]|<[^>]*>|&#?[\p{L}\p{N}_]+;)+"
_EDGE_WORDS = 8


def _pattern(words: list[str]) -> Any:
    return compile_linear(_GAP.join(re.escape(w) for w in words))


def locate(source: str, stretch: str, start_hint: int = 0) -> tuple[int, int] | None:
    """``(start, end)`` of ``stretch`` in ``source``, or None when its words are not found.

    The first and last few words anchor the two ends, so a long passage costs two searches.
    ``start_hint`` is where to begin looking (the file before it is tried only if that fails).

    Example:
        >>> locate('<p>Read <a href="/x">the original</a>.</p>', "Read the original.")
        (3, 33)
    """
    words = _WORD.findall(stretch)
    if not words:
        return None
    head = _pattern(words[:_EDGE_WORDS])
    match = head.search(source, start_hint) or (head.search(source) if start_hint else None)
    if match is None:
        return None
    if len(words) <= _EDGE_WORDS:
        return match.start(), match.end()
    tail = _pattern(words[-_EDGE_WORDS:]).search(source, match.start())
    return match.start(), (tail or match).end()
