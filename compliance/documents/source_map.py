"""Find where a stretch of extracted text sits in the raw file it was extracted from.

Offsets in reports index ``Document.text`` (markup stripped, paragraphs normalised). Editors and
code-scanning tools want positions in the file itself, so a stretch is looked up in the raw
source by its words, allowing markup, entities, Markdown punctuation and any whitespace between
them.

Words that the reader never sees must not attract the search: a headline repeated in
``<title>`` or front matter, an opening sentence repeated in ``<meta name=description>``, a
credit inside a comment. So the source is first searched in a *visible view*: a copy of the
same length (offsets and line breaks kept) where the head, front matter, comments, scripts,
styles and every tag are blanked out. Only if the words are not seen there is the *markup-free
view* (tags blanked, everything else kept) searched. Both views are built in linear time, and
the search pattern has a single way to match each gap, so no input makes it backtrack.

The pattern is built from the document's words, so it runs on RE2 (linear time). RE2 turns a
Unicode class such as "not a letter or digit" into a large automaton, rebuilt for every pattern,
so the view is searched *spaced*: each character outside words (as the words are split), ``&``,
``#`` and ``;`` is a space, and the gaps of the pattern are spaces, ``#``, ``;`` and entities.
Same matches, from a pattern of literals.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..linear import compile_linear, spaced

__all__ = ["locate", "locate_span", "visible_view"]

_WORD = re.compile(r"\w+")
_OUTSIDE_WORDS = re.compile(r"[^\w&#;]+")
# Between two words of the spaced view: non-word characters and character entities (tags are
# blanked first).
_GAP = r"(?:[ #;]|&#?[^ #;&]+;|&)+"
_EDGE_WORDS = 8
_TAG = re.compile(r"<[^<>]*>")
_HIDDEN_OPEN = re.compile(r"<!--|<script\b|<style\b|<template\b", re.IGNORECASE)
_HIDDEN_CLOSE = {
    "<!--": "-->",
    "<script": "</script",
    "<style": "</style",
    "<template": "</template",
}
_BODY = re.compile(r"<body\b[^<>]*>", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n")


def _blank(text: str) -> str:
    """Spaces for every character except line breaks, so offsets and line numbers hold."""
    return re.sub(r"[^\n]", " ", text)


def _blank_tags(source: str) -> str:
    return _TAG.sub(lambda m: _blank(m.group()), source)


def _hidden_spans(source: str) -> list[tuple[int, int]]:
    """Comments, scripts, styles and templates, found with one forward scan (no rescans)."""
    lower = source.lower()
    spans: list[tuple[int, int]] = []
    pos = 0
    while (match := _HIDDEN_OPEN.search(source, pos)) is not None:
        close = _HIDDEN_CLOSE[match.group().lower()]
        end = lower.find(close, match.end())
        end = len(source) if end < 0 else end + len(close)
        spans.append((match.start(), end))
        pos = end
    return spans


def _preamble_end(source: str) -> int:
    """Where the body starts: after ``<body>`` in HTML, after the front matter in Markdown."""
    body = _BODY.search(source)
    if body is not None:
        return body.start()
    fence = _FRONT_MATTER.match(source)
    if fence is None:
        return 0
    close = re.compile(rf"^{re.escape(fence.group().strip())}[ \t]*$", re.MULTILINE)
    end = close.search(source, fence.end())
    return end.end() if end is not None else 0


def visible_view(source: str) -> str:
    """``source`` with everything a reader does not see blanked out, offsets unchanged."""
    pieces: list[str] = []
    pos = 0
    preamble = _preamble_end(source)
    for start, end in [(0, preamble), *_hidden_spans(source)]:
        if end <= pos:
            continue
        start = max(start, pos)
        pieces.append(source[pos:start])
        pieces.append(_blank(source[start:end]))
        pos = end
    pieces.append(source[pos:])
    return _blank_tags("".join(pieces))


@lru_cache(maxsize=2)  # a report locates in its copy and its original; more keeps whole files
def _views(source: str) -> tuple[str, str]:
    """The visible view, then the markup-free view, each with every character outside words,
    ``&``, ``#`` and ``;`` as a space (kept for a source's several stretches)."""
    return spaced(visible_view(source), _OUTSIDE_WORDS), spaced(_blank_tags(source), _OUTSIDE_WORDS)


def _pattern(words: list[str]) -> Any:
    return compile_linear(_GAP.join(re.escape(w) for w in words))


def _search(view: str, words: list[str], start_hint: int) -> tuple[int, int] | None:
    head = _pattern(words[:_EDGE_WORDS])
    match = head.search(view, start_hint) or (head.search(view) if start_hint else None)
    if match is None:
        return None
    if len(words) <= _EDGE_WORDS:
        return match.start(), match.end()
    tail = _pattern(words[-_EDGE_WORDS:]).search(view, match.start())
    return match.start(), (tail or match).end()


def locate(source: str, stretch: str, start_hint: int = 0) -> tuple[int, int] | None:
    """``(start, end)`` of ``stretch`` in ``source``, or None when its words are not found.

    The first and last few words anchor the two ends, so a long passage costs two searches.
    ``start_hint`` is where to begin looking (the file before it is tried only if that fails).
    Visible text is preferred to the head, front matter, comments and attributes.

    Example:
        >>> locate('<p>Read <a href="/x">the original</a>.</p>', "Read the original.")
        (3, 33)
    """
    words = _WORD.findall(stretch)
    if not words:
        return None
    for view in _views(source):
        found = _search(view, words, start_hint)
        if found is not None:
            return found
    return None


def locate_span(source: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``text[start:end]`` sits in ``source``, anchored by the paragraph around it.

    A short stretch ("Meridian Observer") can occur many times in a file; the paragraph of
    ``text`` that holds it occurs once, so it is found first and the stretch is looked up in it.
    """
    if not 0 <= start < end <= len(text):
        return None
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    around = locate(source, text[para_start:para_end])
    if around is not None:
        inner = locate(source[around[0] : around[1]], text[start:end])
        if inner is not None:
            return around[0] + inner[0], around[0] + inner[1]
    return locate(source, text[start:end])
