"""Validators for what reports emit: our report schema and the official SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema

from compliance.reports import report_schema

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@cache
def sarif_validator() -> jsonschema.Draft4Validator:
    """The OASIS schema (draft-04), stored in tests/data with its origin noted beside it."""
    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def report_validator(definition: str | None = None) -> jsonschema.Draft202012Validator:
    """Our shipped schema: the report itself, or one of its $defs (reportList, scanRecord)."""
    schema = report_schema()
    if definition is not None:
        schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)
