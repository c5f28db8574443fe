"""tracking_pixel: the original's republication pixel is kept in the copy.

Each pixel of the original (a Media of kind ``pixel``, a 1x1 image, or an image whose address
contains ``src_contains``) must appear in the copy's media with the same address. Plain-text and
Markdown copies cannot carry one, so they fail when the original has one.

PASS::

    >>> from compliance.checks.examples import ORIGINAL_PAGE, PIXEL, outcomes, page
    >>> outcomes("tracking_pixel", page(PIXEL), original=ORIGINAL_PAGE)
    []

FAIL::

    >>> outcomes("tracking_pixel", page(), original=ORIGINAL_PAGE)
    ['pixel-missing']
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CheckContext, Evidence, Finding, Media, Requirement
from ..params import KindParams, option
from . import _text

KIND = "tracking_pixel"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``tracking_pixel``."""

    src_contains: str | None = option(
        "Part of the counting image's address (default: any invisible image of the original)."
    )


def pixels(media: tuple[Media, ...], src_contains: str | None = None) -> list[Media]:
    """The tracking pixels among ``media``."""
    found = []
    for m in media:
        tiny = m.kind == "image" and m.width is not None and m.width <= 1 and (m.height or 0) <= 1
        named = src_contains is not None and src_contains in m.src
        if m.kind == "pixel" or tiny or (m.kind == "image" and named):
            found.append(m)
    return found


def _key(src: str) -> str:
    return src.strip().split("://", 1)[-1].lower()


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    return "Keep the original's tracking image (pixel) in online copies"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """Every pixel of the original is present in the copy."""
    wanted = pixels(ctx.original.media, params.src_contains)
    present = {_key(m.src) for m in ctx.copy.media}
    missing = [m for m in wanted if _key(m.src) not in present]
    if not missing:
        return []
    return [
        _text.finding(
            req,
            f"the copy lacks the original's tracking pixel ({len(missing)} missing)",
            outcome="pixel-missing",
            evidence=[Evidence(document="original", snippet=m.src, note="pixel") for m in missing],
            fix=f'add: <img src="{missing[0].src}" width="1" height="1" alt="">',
        )
    ]
