"""JSON: the Report as written down in compliance/schemas/report.schema.json."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import Report
from ..serialize import dumps, to_dict


def render(report: Report) -> str:
    """One report as a JSON object carrying every field, schema_version included."""
    return dumps(report)


def render_many(reports: Sequence[Report]) -> str:
    """Several reports as one JSON array (``load_report`` reads it back as a list)."""
    return json.dumps([to_dict(r) for r in reports], ensure_ascii=False, indent=2)
