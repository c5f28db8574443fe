"""timing: the copy waits long enough after the original, and is not kept too long.

``min_delay_hours``: the copy's publication date (its metadata) must be at least that long after
the original's. ``max_retention_days``: on the day of the check (``ctx.today``) the original must
be no older than that. Dates are ISO 8601; a date that is needed but unknown is a warning.

PASS (min_delay_hours: 24; the original is dated 2017-03-07)::

    >>> from compliance.checks.examples import STORY, outcomes
    >>> outcomes("timing", "---\\ndate: 2017-03-09\\n---", STORY, min_delay_hours=24)
    []

FAIL (the same day; kept past max_retention_days)::

    >>> outcomes("timing", "---\\ndate: 2017-03-07\\n---", STORY, min_delay_hours=24)
    ['too-early']
    >>> outcomes("timing", STORY, max_retention_days=30, today="2017-06-01")
    ['retention-exceeded']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..model import CheckContext, Evidence, Finding, Requirement
from ..params import KindParams, option
from . import _text

KIND = "timing"


@dataclass(frozen=True)
class Params(KindParams, kind=KIND):
    """Parameters of ``timing``."""

    min_delay_hours: int | None = option("Hours to wait after the original appeared.", minimum=0)
    max_retention_days: int | None = option(
        "Days after which the copy must be taken down.", minimum=1
    )


def parse_when(value: str | None) -> datetime | None:
    """An ISO date or date-time as an aware datetime (UTC when no zone is given)."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            when = datetime.combine(date.fromisoformat(value.strip()[:10]), datetime.min.time())
        except ValueError:
            return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _unknown(req: Requirement, what: str) -> Finding:
    return _text.finding(
        req,
        f"the {what} date is unknown, so the timing terms cannot be checked",
        outcome="date-unknown",
        severity="warning",
        fix=f"give the {what} a published date (metadata or front matter)",
    )


def describe(params: Params) -> str:
    """What the requirement asks, in plain words (``compliance rules show``)."""
    parts = []
    if params.min_delay_hours:
        parts.append(f"wait {params.min_delay_hours} hours after the original appeared")
    if params.max_retention_days:
        parts.append(f"take the copy down after {params.max_retention_days} days")
    return (_text.words(parts) or "No timing restriction").capitalize()


def check(ctx: CheckContext, req: Requirement, params: Params) -> list[Finding]:
    """Minimum delay and maximum retention, from the documents' dates and ``ctx.today``."""
    findings: list[Finding] = []
    published = parse_when(ctx.attribution.published or ctx.original.meta.published)
    min_delay = params.min_delay_hours
    max_days = params.max_retention_days
    if (isinstance(min_delay, int) or isinstance(max_days, int)) and published is None:
        return [_unknown(req, "original's")]
    if isinstance(min_delay, int) and published is not None:
        copied = parse_when(ctx.copy.meta.published)
        if copied is None:
            findings.append(_unknown(req, "copy's"))
        else:
            hours = (copied - published).total_seconds() / 3600
            if hours < min_delay:
                findings.append(
                    _text.finding(
                        req,
                        f"the copy appeared {hours:.0f} hours after the original; the terms "
                        f"ask for at least {min_delay}",
                        outcome="too-early",
                        evidence=[
                            Evidence(document="original", note=f"published {published:%Y-%m-%d}"),
                            Evidence(document="copy", note=f"published {copied:%Y-%m-%d}"),
                        ],
                        fix=f"republish no earlier than {min_delay} hours after the original",
                    )
                )
    today = parse_when(ctx.today)
    if isinstance(max_days, int) and published is not None and today is not None:
        age = (today - published).days
        if age > max_days:
            findings.append(
                _text.finding(
                    req,
                    f"the original is {age} days old; the terms allow keeping a copy {max_days}",
                    outcome="retention-exceeded",
                    evidence=[Evidence(document="original", note=f"published {published.date()}")],
                    fix="take the copy down or renew the permission",
                )
            )
    return findings
