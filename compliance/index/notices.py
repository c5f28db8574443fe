"""Notice text: the credit, copyright, licence, republishing and appeal lines of an article.

Every article by one author or site carries the same such lines, so sharing them is no
evidence that one article copied another. The phrases that mark a line as a notice are data,
in ``notices.txt`` beside this module, one per line, for a lawyer to read and extend.

Example:
    >>> notice_spans("Body text here.\\nCopyright 2024 Example News. All rights reserved.")
    [(16, 65)]
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path

__all__ = ["MAX_NOTICE_WORDS", "NOTICES_VERSION", "is_notice", "notice_spans", "without_notices"]

MAX_NOTICE_WORDS = 60
"""A longer line is article prose that happens to mention a notice phrase, not a notice."""

_MAX_NOTICE_CHARS = 16 * MAX_NOTICE_WORDS  # longer lines are prose: no need to count words
_FILE = Path(__file__).with_name("notices.txt")
_LINE = re.compile(r"[^\n]+")


_PUNCTUATION = str.maketrans({c: " " for c in string.punctuation + "“”‘’«»–—…·•|"})


@dataclass(frozen=True)
class _Phrases:
    anywhere: tuple[str, ...]  # " w1 w2 ", found inside a normalised line
    at_start: tuple[str, ...]  # " w1 w2 ", found at the start of a normalised line
    symbols: tuple[str, ...]  # phrases with no word in them (the copyright sign), in the raw line


def _normal(line: str) -> str:
    """`` line ``, case-folded, punctuation as spaces, one space between words, padded."""
    return " " + " ".join(line.casefold().translate(_PUNCTUATION).split()) + " "


@functools.lru_cache(maxsize=1)
def _phrases() -> _Phrases:
    anywhere: list[str] = []
    at_start: list[str] = []
    symbols: list[str] = []
    for raw in _FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        phrase = line.removeprefix("^")
        form = _normal(phrase)
        if not form.strip():
            symbols.append(phrase)
        elif line.startswith("^"):
            at_start.append(form)
        else:
            anywhere.append(form)
    return _Phrases(tuple(anywhere), tuple(at_start), tuple(symbols))


def _digest() -> str:
    return blake2b(_FILE.read_bytes(), digest_size=4).hexdigest()


NOTICES_VERSION = _digest()
"""Digest of the phrase list: fingerprints made with another list are not comparable."""


def is_notice(line: str) -> bool:
    """True when ``line`` is a notice: short, and holding one of the notice phrases."""
    if len(line) > _MAX_NOTICE_CHARS or len(line.split()) > MAX_NOTICE_WORDS:
        return False
    phrases = _phrases()
    if any(symbol in line for symbol in phrases.symbols):
        return True
    form = _normal(line)
    return form.startswith(phrases.at_start) or any(p in form for p in phrases.anywhere)


def notice_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the notice lines of ``text``, in order."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if is_notice(m.group())]


def without_notices(text: str) -> str:
    """``text`` with its notice lines left out (other lines kept, in order)."""
    spans = notice_spans(text)
    if not spans:
        return text
    kept: list[str] = []
    at = 0
    for start, end in spans:
        kept.append(text[at:start])
        at = end
    kept.append(text[at:])
    return "".join(kept)
