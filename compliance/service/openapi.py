"""The OpenAPI document's response schemas, taken from the shipped report JSON Schema.

``CheckResponse.report`` is a plain dict to pydantic; left alone, the OpenAPI document would
say "any object" and a CMS client could generate no types from it. The report schema that
`compliance check --format json` is tested against (``compliance/schemas/report.schema.json``)
is copied into ``components/schemas`` (``Report``, ``ReportFinding``, ...) and the response's
``verdict``, ``report`` and ``reports`` point at it, so the two can never drift apart.
"""

from __future__ import annotations

from typing import Any

from ..shipped import shipped_schema

RESPONSE = "CheckResponse"


def report_schema() -> dict[str, Any]:
    """The shipped report JSON Schema."""
    return shipped_schema("report")


def component_name(definition: str) -> str:
    """``finding`` -> ``ReportFinding``; the report itself is ``Report``."""
    return (
        "Report" if definition == "report" else "Report" + definition[:1].upper() + definition[1:]
    )


def _relinked(value: Any) -> Any:
    """``value`` with every ``#/$defs/x`` reference pointing into components/schemas."""
    if isinstance(value, dict):
        out = {k: _relinked(v) for k, v in value.items()}
        ref = out.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            out["$ref"] = "#/components/schemas/" + component_name(ref.removeprefix("#/$defs/"))
        return out
    if isinstance(value, list):
        return [_relinked(v) for v in value]
    return value


def with_report_schemas(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (FastAPI's OpenAPI dict) with the report schemas linked into the response."""
    defs = report_schema()["$defs"]
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name, definition in defs.items():
        schemas[component_name(name)] = _relinked(definition)
    schemas["Verdict"] = dict(defs["report"]["properties"]["verdict"], title="Verdict")
    response = schemas[RESPONSE]["properties"]
    report = {"$ref": "#/components/schemas/Report"}
    response["verdict"] = {"$ref": "#/components/schemas/Verdict"}
    response["report"] = {"anyOf": [report, {"type": "null"}], **_described(response, "report")}
    response["reports"] = {"type": "array", "items": report, **_described(response, "reports")}
    return document


def _described(properties: dict[str, Any], key: str) -> dict[str, Any]:
    description = properties.get(key, {}).get("description")
    return {"description": description} if description else {}
