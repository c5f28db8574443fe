"""Plain text documents: paragraphs normalised, nothing else interpreted.

Blank lines (lines of only whitespace) separate paragraphs; line breaks inside a paragraph are
kept, so a footer's "source" and "copyright" lines stay separate lines. A URL written out in plain
text is not a hyperlink: the link checks report bare URLs themselves.
"""

from __future__ import annotations

import re

from ._text import Paragraph, ParagraphBuilder, assemble

_BLANK_LINES = re.compile(r"\n[ \t\f\v\u00a0]*\n(?:[ \t\f\v\u00a0]*\n)*")


def paragraphs(text: str) -> list[Paragraph]:
    """Split on blank lines; collapse spaces inside lines; keep single line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = []
    for block in _BLANK_LINES.split(text):
        builder = ParagraphBuilder()
        for line in block.split("\n"):
            builder.add(line)
            builder.line_break()
        para = builder.build()
        if para.text:
            found.append(para)
    return found


def load_text(text: str) -> str:
    """The normalised text of a plain-text document."""
    return assemble(paragraphs(text))[0]
