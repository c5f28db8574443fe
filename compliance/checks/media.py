"""media: which of the original's images and embeds the copy may or must carry.

``images: excluded`` (default): the original's photos are not covered by the republishing licence,
so any of them found in the copy is a finding unless its address contains one of ``licensed``.
``images: required``: every image must be kept. ``embeds: required``: every iframe, video and audio
embed of the original must be kept. Images are recognised by address (scheme-less) or file name.

PASS (images: excluded)::

    >>> from compliance.checks.examples import ORIGINAL_PAGE, PHOTO, outcomes, page
    >>> outcomes("media", page(), original=ORIGINAL_PAGE)
    []

FAIL (the original's photo reused; a required photo left out)::

    >>> outcomes("media", page(PHOTO), original=ORIGINAL_PAGE)
    ['image-not-licensed']
    >>> outcomes("media", page(), original=ORIGINAL_PAGE, images="required")
    ['image-missing']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import CheckContext, Evidence, Finding, Media, Requirement
from ..params import KindParams, option
from . import _text
from .tracking_pixel import pixels

KIND = "media"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``media``."""

    images: Literal["excluded", "required", "allowed"] = option(
        "The original's images: excluded (they may not be reused), required (all must be "
        "kept) or allowed.",
        "excluded",
    )
    embeds: Literal["required", "allowed"] = option(
        "The original's iframes, videos and audio: required (all must be kept) or allowed.",
        "allowed",
    )
    licensed: tuple[str, ...] = option(
        "Parts of image addresses you hold your own licence for.", ()
    )


def _keys(src: str) -> tuple[str, str]:
    bare = src.strip().split("://", 1)[-1].split("?", 1)[0].lower()
    return bare, bare.rsplit("/", 1)[-1]


def _present(item: Media, copy_media: tuple[Media, ...]) -> bool:
    full, name = _keys(item.src)
    return any(_keys(m.src)[0] == full or (name and _keys(m.src)[1] == name) for m in copy_media)


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    if params.images == "required":
        return "Keep every image and embed of the original"
    if params.images == "allowed":
        return "The original's images may be reused"
    return "Leave out the original's images unless separately licensed"


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """Images follow the images policy; embeds are kept when required."""
    findings: list[Finding] = []
    policy = params.images
    licensed = params.licensed
    tracking = {m.src for m in pixels(ctx.original.media)}
    images = [m for m in ctx.original.media if m.kind == "image" and m.src not in tracking]
    if policy == "excluded":
        used = [
            m
            for m in images
            if _present(m, ctx.copy.media) and not any(p in m.src for p in licensed)
        ]
        if used:
            findings.append(
                _text.finding(
                    req,
                    f"the copy uses {len(used)} image(s) of the original that the terms do not "
                    "license",
                    outcome="image-not-licensed",
                    evidence=[Evidence(document="copy", snippet=m.src, note="image") for m in used],
                    fix="remove the original's images or obtain a separate licence for them",
                )
            )
    elif policy == "required":
        dropped = [m for m in images if not _present(m, ctx.copy.media)]
        if dropped:
            findings.append(
                _text.finding(
                    req,
                    f"{len(dropped)} image(s) of the original are missing from the copy",
                    outcome="image-missing",
                    evidence=[Evidence(document="original", snippet=m.src) for m in dropped],
                    fix="keep every image of the original",
                )
            )
    if params.embeds == "required":
        embeds = [m for m in ctx.original.media if m.kind in ("iframe", "video", "audio")]
        dropped = [m for m in embeds if not _present(m, ctx.copy.media)]
        if dropped:
            findings.append(
                _text.finding(
                    req,
                    f"{len(dropped)} embed(s) of the original are missing from the copy",
                    outcome="embed-missing",
                    evidence=[Evidence(document="original", snippet=m.src) for m in dropped],
                    fix="keep every embed of the original",
                )
            )
    return findings
