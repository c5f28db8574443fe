"""Which loader reads a document: by its content first, its name and content type second.

Names lie (a page saved as ``.txt``, Markdown saved as ``.html`` by a CMS export), so a clear
content signal wins: an HTML document shell is HTML whatever it is called, and a file called
``.html`` without a single tag is not parsed as HTML.
"""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["text", "markdown", "html"]

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
_MD_EXT = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"}
_TEXT_EXT = {".txt", ".text"}

_SHELL = re.compile(
    r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html\b|head\b|body\b)",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_TAG = re.compile(
    r"<(?:p|div|article|section|main|body|table|ul|ol|h[1-6]|blockquote|header|footer|nav)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_MD_SIGNALS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),  # ATX heading
    re.compile(r"\[[^\]\n]+\]\([^)\s]+(?:\s+\"[^\"]*\")?\)"),  # [text](url)
    re.compile(r"^\s{0,3}(?:[-*+]|\d+\.)[ \t]+\S", re.MULTILINE),  # list item
    re.compile(r"^```|^~~~", re.MULTILINE),  # fenced code
    re.compile(r"(?:\*\*|__)[^*_\n]+(?:\*\*|__)"),  # strong emphasis
    re.compile(r"^\s{0,3}>[ \t]?\S", re.MULTILINE),  # block quote
    re.compile(r"^\[[^\]\n]+\]:\s*\S+", re.MULTILINE),  # reference definition
    re.compile(r"^[^\n]+\n(?:=+|-+)[ \t]*$", re.MULTILINE),  # setext heading
)


def detect_format(text: str, suffix: str = "", content_type: str | None = None) -> Format:
    """Return 'html', 'markdown' or 'text' for ``text`` named with ``suffix`` (e.g. '.md')."""
    head = text[:65536]
    suffix = suffix.lower()
    ctype = (content_type or "").split(";")[0].strip().lower()
    if _SHELL.match(head):
        return "html"
    block_tags = len(_BLOCK_TAG.findall(head))
    if suffix in _MD_EXT or ctype in ("text/markdown", "text/x-markdown"):
        return "markdown"  # Markdown may embed HTML; its own syntax still applies
    if suffix in _HTML_EXT or ctype in ("text/html", "application/xhtml+xml"):
        if _ANY_TAG.search(head):
            return "html"
        return "markdown" if _markdown_score(head) >= 1 else "text"
    if block_tags >= 2 or (block_tags >= 1 and len(_ANY_TAG.findall(head)) >= 4):
        return "html"
    if _FRONT_MATTER.match(head):
        return "markdown"
    score = _markdown_score(head)
    if suffix in _TEXT_EXT or ctype == "text/plain":
        return "markdown" if score >= 2 else "text"
    return "markdown" if score >= 1 else "text"


def _markdown_score(text: str) -> int:
    """How many distinct kinds of Markdown syntax the text uses."""
    return sum(1 for pattern in _MD_SIGNALS if pattern.search(text))
