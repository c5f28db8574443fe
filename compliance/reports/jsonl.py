"""JSON lines for `compliance scan`: one record per line, written as each document finishes.

A pair is a Report as ``serialize.to_dict`` gives it (what `compliance report` reads back); a
document that could not be checked is ``{"type": "error", "origin": ..., "message": ...}``.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Report
from ._common import error_record

__all__ = ["json_line"]


def json_line(item: Any) -> str:
    """One JSON line: a Report's dict, or an error record ``{"type": "error", ...}``."""
    from .. import serialize

    if isinstance(item, Report):
        return json.dumps(serialize.to_dict(item), ensure_ascii=False)
    return json.dumps(error_record(item), ensure_ascii=False)
