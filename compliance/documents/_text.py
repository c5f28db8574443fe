"""Building ``Document.text`` with link offsets, whatever the source format.

Every loader feeds pieces of text (some inside a hyperlink) into a ``ParagraphBuilder``, one per
paragraph; ``assemble`` joins the paragraphs with exactly one blank line and turns each link's
run of pieces into offsets. Whitespace is collapsed as it is appended, so offsets are computed on
the final text and never have to be shifted afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import LinkRole

# Invisible characters that only get in the way of matching: zero-width space/joiners, BOM,
# soft hyphen, word joiner.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TOKENS = re.compile(r"\S+|\s+")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """NFC, invisible characters removed; whitespace left as it is."""
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def squash(text: str) -> str:
    """``clean`` plus every whitespace run (NBSP and newlines too) made one space, ends stripped."""
    return _SPACES.sub(" ", clean(text)).strip()


@dataclass(eq=False)
class Anchor:
    """One hyperlink of the source; identity matters, so two equal links stay two links."""

    href: str
    rel: tuple[str, ...] = ()
    text: str = ""  # the anchor's whole text, for links outside the main text
    role: LinkRole = "article"  # "caption": inside a figure, caption or photo credit


@dataclass
class Paragraph:
    """A paragraph's text and the spans ``(anchor, start, end)`` of its links within it."""

    text: str
    spans: list[tuple[Anchor, int, int]] = field(default_factory=list)


class ParagraphBuilder:
    """Collects pieces of one paragraph, collapsing whitespace as it goes.

    Soft whitespace (spaces, tabs, newlines in HTML source, NBSP) becomes one space between
    words; ``line_break`` forces a newline (an HTML ``<br>``, a line of plain text).
    """

    __slots__ = ("_anchor", "_length", "_out", "_pending", "_spans", "_start")

    def __init__(self) -> None:
        self._out: list[str] = []
        self._length = 0
        self._pending = ""
        self._spans: list[tuple[Anchor, int, int]] = []
        self._anchor: Anchor | None = None
        self._start = 0

    @property
    def empty(self) -> bool:
        return self._length == 0 and not self._spans

    def add(self, text: str, anchor: Anchor | None = None) -> None:
        """Append ``text``; when ``anchor`` is given the visible words belong to that link."""
        if not text:
            return
        for token in _TOKENS.findall(clean(text)):
            if token[0].isspace():
                if self._length and not self._pending:
                    self._pending = " "
                continue
            if self._pending and self._length:
                self._out.append(self._pending)
                self._length += 1
            self._pending = ""
            if anchor is not self._anchor:
                self._close()
                if anchor is not None:
                    self._anchor, self._start = anchor, self._length
            self._out.append(token)
            self._length += len(token)

    def line_break(self) -> None:
        """Force a newline before the next word (nothing happens at the start of a paragraph)."""
        if self._length:
            self._pending = "\n"

    def empty_link(self, anchor: Anchor) -> None:
        """Record a link without visible text (an image link) at the current position."""
        self._close()
        self._spans.append((anchor, self._length, self._length))

    def end_link(self) -> None:
        """Close the link being written, so a following piece of the same link starts anew."""
        self._close()

    def _close(self) -> None:
        if self._anchor is not None:
            self._spans.append((self._anchor, self._start, self._length))
            self._anchor = None

    def build(self) -> Paragraph:
        self._close()
        return Paragraph("".join(self._out), sorted(self._spans, key=lambda s: (s[1], s[2])))


def assemble(paragraphs: Iterable[Paragraph]) -> tuple[str, list[tuple[Anchor, int, int]]]:
    """Join paragraphs with one blank line; return the text and the links' absolute spans."""
    parts: list[str] = []
    spans: list[tuple[Anchor, int, int]] = []
    offset = 0
    for para in paragraphs:
        if not para.text:
            continue
        if parts:
            offset += 2
        parts.append(para.text)
        spans.extend((a, offset + s, offset + e) for a, s, e in para.spans)
        offset += len(para.text)
    return "\n\n".join(parts), spans
