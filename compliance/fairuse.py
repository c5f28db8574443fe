"""The four statutory fair-use factors, read from what can be measured. An aid, not legal advice.

Used where no licence covers a copy (all-rights-reserved originals without a grant). Each factor
gets a reading with the figures behind it:

- purpose: the republishing site's venue (commercial and print weigh against, community and
  nonprofit in favour, unknown is neutral);
- nature: the terms' ``nature`` (factual news favours fair use, creative work weighs against);
- amount and substantiality: the share of the original copied, the longest verbatim run and
  whether the lede (first paragraph, the "heart" of a news story) was taken;
- transformation: the share of the copy that is its own text around the quotes.

Overall: ``likely-fair-use`` when amount and transformation both favour it and the purpose does
not weigh against; ``unlikely`` when the amount weighs against together with the transformation
or the purpose; ``needs-review`` otherwise.

Example:
    >>> FairUseThresholds.from_dict({"max_share": 0.2}).max_share
    0.2
"""

from __future__ import annotations

from .checks._text import covered_chars
from .model import CheckContext, Factor, FairUse, Span
from .thresholds import FairUseThresholds

__all__ = ["FairUseThresholds", "assess", "lede_taken"]

_COMMERCIAL = ("commercial", "print")
_NONCOMMERCIAL = ("community", "nonprofit")


def _first_paragraph(text: str) -> Span | None:
    for start, chunk in _chunks(text):
        if chunk.strip():
            return Span(start, start + len(chunk))
    return None


def _chunks(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        out.append((pos, chunk))
        pos += len(chunk) + 2
    return out


def lede_taken(ctx: CheckContext, share: float = 0.5) -> bool:
    """True when at least ``share`` of the original's first paragraph lies in copied passages."""
    lede = _first_paragraph(ctx.original.text)
    if lede is None or lede.length == 0:
        return False
    inside = covered_chars(lede, (p.original for p in ctx.comparison.passages))
    return inside / lede.length >= share


def _purpose(ctx: CheckContext) -> Factor:
    venue = ctx.venue or "unknown"
    if venue in _COMMERCIAL:
        reading, why = "against-fair-use", f"the copy runs on a {venue} site"
    elif venue in _NONCOMMERCIAL:
        reading, why = "favours-fair-use", f"the copy runs on a {venue} site, not for profit"
    else:
        reading, why = "neutral", "the kind of site is unknown (set its venue in the config)"
    return Factor("purpose", reading, why, {"venue": venue})  # type: ignore[arg-type]


def _nature(ctx: CheckContext) -> Factor:
    if ctx.terms.nature == "creative":
        return Factor(
            "nature", "against-fair-use", "the original is creative work", {"nature": "creative"}
        )
    return Factor(
        "nature", "favours-fair-use", "the original is factual reporting", {"nature": "factual"}
    )


def _amount(ctx: CheckContext, t: FairUseThresholds) -> Factor:
    share = max(ctx.comparison.coverage, 0.0)
    run = ctx.comparison.longest_run
    lede = lede_taken(ctx, t.lede_share)
    figures: dict[str, float | str | bool] = {
        "share_copied": round(share, 3),
        "longest_run_words": run,
        "lede_taken": lede,
    }
    said = f"{share:.0%} of the original copied, longest verbatim run {run} words"
    said += ", lede taken" if lede else ", lede not taken"
    if share > t.max_share or run > t.max_run:
        return Factor("amount", "against-fair-use", said, figures)
    if share <= t.small_share and not lede:
        return Factor("amount", "favours-fair-use", said, figures)
    return Factor("amount", "neutral", said, figures)


def _transformation(ctx: CheckContext, t: FairUseThresholds) -> Factor:
    new = ctx.comparison.new_text_share
    figures: dict[str, float | str | bool] = {"new_text_share": round(new, 3)}
    said = f"{new:.0%} of the copy is its own text around the quoted passages"
    if new >= t.min_new_text:
        return Factor("transformation", "favours-fair-use", said, figures)
    if new < t.low_new_text:
        return Factor("transformation", "against-fair-use", said, figures)
    return Factor("transformation", "neutral", said, figures)


def assess(ctx: CheckContext, thresholds: FairUseThresholds | None = None) -> FairUse:
    """Read the four factors for a copy no licence covers, and weigh them."""
    t = thresholds or FairUseThresholds()
    purpose, nature = _purpose(ctx), _nature(ctx)
    amount, transformation = _amount(ctx, t), _transformation(ctx, t)
    against = "against-fair-use"
    favours = "favours-fair-use"
    if amount.reading == against and against in (transformation.reading, purpose.reading):
        overall = "unlikely"
    elif (
        amount.reading == favours
        and transformation.reading == favours
        and purpose.reading != against
    ):
        overall = "likely-fair-use"
    else:
        overall = "needs-review"
    return FairUse(overall=overall, factors=(purpose, nature, amount, transformation))  # type: ignore[arg-type]
