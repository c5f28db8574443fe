"""JSON: the Report as written down in compliance/schemas/report.schema.json."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import Report
from ..serialize import dumps, to_dict
from ._common import Unreadable, error_record


def render(report: Report) -> str:
    """One report as a JSON object carrying every field, schema_version included."""
    return dumps(report)


def render_many(reports: Sequence[Report], *, unreadable: Sequence[Unreadable] = ()) -> str:
    """Several reports as one JSON array (``load_report`` reads it back as a list), followed by
    an error record for each document that could not be checked (``load_saved`` keeps them)."""
    records = [*(to_dict(r) for r in reports), *(error_record(u) for u in unreadable)]
    return json.dumps(records, ensure_ascii=False, indent=2)
