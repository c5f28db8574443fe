"""A short original and its parts, for the PASS and FAIL examples in each check's docstring.

Those examples run as doctests (pytest's ``--doctest-modules`` over compliance/checks), so they
stay true. `outcomes` checks a copy against `ORIGINAL` (or `ORIGINAL_PAGE`) through the real
loader, aligner and check, and lists the outcome of each finding: ``[]`` means the copy passes.

Example:
    >>> outcomes("credit_source", STORY)
    ['missing']
"""

from __future__ import annotations

from typing import Any

from ..model import CheckContext, Requirement, Terms

__all__ = [
    "COPYRIGHT",
    "CREDIT",
    "DEED",
    "HOME",
    "ORIGINAL",
    "ORIGINAL_PAGE",
    "PHOTO",
    "PIXEL",
    "PLAIN_STORY",
    "STORY",
    "URL",
    "outcomes",
    "page",
]

URL = "https://www.meridianreview.org/2017/03/ferry-talks-resume/5577"
HOME = "https://www.meridianreview.org/"
DEED = "https://creativecommons.org/licenses/by/4.0/"
_SURVEY = "https://www.meridianreview.org/2017/02/pier-survey"

_PARAGRAPHS = (
    "Ferry operators and the harbour board met again on Tuesday to settle the dispute over "
    "landing fees that has kept half of the island boats tied up since January.",
    "The operators say the new fees would double the cost of a crossing for small boats, while "
    f"the board argues that the old pier [needs repairs]({_SURVEY}) it cannot otherwise pay for.",
    "Both sides agreed to meet again next week and to ask the county for an independent survey "
    "of the pier before any fee is set.",
)
STORY = "\n\n".join(_PARAGRAPHS)
"""The story as the original tells it (Markdown, with one in-text link)."""
PLAIN_STORY = STORY.replace(f"[needs repairs]({_SURVEY})", "needs repairs")
"""The story with its in-text link dropped."""
CREDIT = f"The original source of this article is [Meridian Review]({URL})."
COPYRIGHT = "Copyright © Meridian Review, 2017"
ORIGINAL = (
    "---\ntitle: Ferry talks resume\nauthor: Ana Ruiz\ndate: 2017-03-07\n"
    f"canonical_url: {URL}\nsite_name: Meridian Review\n---\n\n"
    f"# Ferry talks resume\n\nBy Ana Ruiz\n\n{STORY}\n\n"
    f"The original source of this article is Meridian Review\n\n{COPYRIGHT}\n"
)
PIXEL = '<img src="https://counter.meridianreview.org/c.gif?id=5577" width="1" height="1">'
PHOTO = '<img src="https://www.meridianreview.org/img/old-pier.jpg" alt="The old pier">'


def page(*parts: str, story: str = PLAIN_STORY) -> str:
    """An HTML page holding the story's paragraphs followed by ``parts`` (HTML)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in story.split("\n\n"))
    return (
        "<html><head><title>Ferry talks resume</title></head><body><article>"
        f"<h1>Ferry talks resume</h1>{paragraphs}{''.join(parts)}</article></body></html>"
    )


ORIGINAL_PAGE = page(PHOTO, "<p>By Ana Ruiz. Copyright © Meridian Review, 2017</p>", PIXEL).replace(
    "<head>", f'<head><link rel="canonical" href="{URL}">'
)
"""The original as a web page, with a photo and a counting pixel."""


def outcomes(
    kind: str,
    *parts: str,
    original: str = ORIGINAL,
    today: str = "2017-03-10",
    **params: Any,
) -> list[str]:
    """The outcomes of ``kind``'s findings for a copy made of ``parts`` (Markdown paragraphs,
    or one HTML page); list parameters may be given as lists."""
    from .. import similarity
    from ..documents import load_bytes
    from ..documents.attribution import extract_attribution
    from . import get, run_requirement

    def load(text: str, name: str) -> Any:
        suffix = ".html" if text.lstrip().startswith("<") else ".md"
        return load_bytes(text.encode(), name + suffix)

    copy, source = load("\n\n".join(parts), "copy"), load(original, "original")
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
    req = Requirement(id=kind, kind=kind, params=get(kind).Params(**values))
    terms = Terms(
        id="meridian",
        name="Meridian Review terms",
        publisher="Meridian Review",
        clauses={"main": "Credit Meridian Review and link to the story."},
        requirements=(req,),
    )
    ctx = CheckContext(
        original=source,
        copy=copy,
        attribution=extract_attribution(source),
        comparison=similarity.compare(source.text, copy.text),
        terms=terms,
        today=today,
    )
    return [f.outcome for f in run_requirement(ctx, req)]
