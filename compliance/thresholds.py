"""Fair-use thresholds: where each measurable factor tips (``compliance.fairuse`` reads them).

A value module with no heavy imports, so that ``compliance.yaml``'s ``fair_use:`` mapping is
validated, with its lines, whenever the config is read, at no cost to a command that never
assesses fair use.

Example:
    >>> FairUseThresholds.from_dict({"max_share": 0.2}).max_share
    0.2
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .errors import ConfigError

__all__ = ["FairUseThresholds"]


@dataclass(frozen=True)
class FairUseThresholds:
    """Where each measurable factor tips; shares are 0..1 of the original or the copy."""

    small_share: float = 0.10  # at most this share of the original copied: amount favours
    max_share: float = 0.25  # more than this share copied: amount weighs against
    max_run: float = 60  # a verbatim run longer than this many words weighs against
    lede_share: float = 0.5  # share of the first paragraph copied for the lede to count as taken
    min_new_text: float = 0.6  # copy at least this share its own text: transformation favours
    low_new_text: float = 0.3  # copy less than this share its own text: transformation against

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name != "max_run" and not 0 <= value <= 1:
                raise ValueError(f"fair_use {f.name!r} must be a share from 0 to 1 (got {value})")
        if not 0 <= self.max_run < float("inf"):  # NaN fails too
            raise ValueError(f"fair_use 'max_run' must be 0 words or more (got {self.max_run})")
        if self.small_share > self.max_share:
            raise ValueError("fair_use 'small_share' must not exceed 'max_share'")
        if self.low_new_text > self.min_new_text:
            raise ValueError("fair_use 'low_new_text' must not exceed 'min_new_text'")

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any] | None, source: str | None = None
    ) -> FairUseThresholds:
        """Thresholds from a config mapping; unknown names and bad values are ConfigErrors."""
        if not data:
            return cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                f"unknown fair_use threshold {unknown[0]!r} (expected one of "
                f"{', '.join(sorted(known))})",
                source,
            )
        values: dict[str, float] = {}
        for name, value in data.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"fair_use {name!r} must be a number (got {value!r})", source)
            values[name] = float(value)
        try:
            return cls(**values)
        except ValueError as exc:
            raise ConfigError(str(exc), source) from None
