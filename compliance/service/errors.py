"""One error body, ``{"error": {"code", "message", "field"}}``, for every status the service sends.

A CMS client then needs one parser for failures, whichever layer refused the request: the
guard (401, 408, 413), FastAPI's validation (422), a document that cannot be read (400), a busy
or timed-out check (503, 504), or a route that does not exist (404, 405).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi.responses import JSONResponse

CODES = {
    400: "bad_input",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "too_large",
    422: "invalid_request",
    500: "internal_error",
    503: "busy",
    504: "timeout",
}


def error_response(
    status: int,
    message: str,
    *,
    field: str | None = None,
    code: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """The JSON error answer for ``status``."""
    body = {
        "error": {"code": code or CODES.get(status, "error"), "message": message, "field": field}
    }
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def field_of_source(source: str | None) -> str | None:
    """The request field an InputError names: ``request:draft`` gives ``draft``."""
    if source and source.startswith("request:"):
        return source.removeprefix("request:")
    return None


def validation_message(errors: Sequence[Mapping[str, Any]]) -> tuple[str, str | None]:
    """A one-line message and the field for FastAPI's list of validation errors."""
    if not errors:
        return "invalid request", None
    first = errors[0]
    location = [str(part) for part in first.get("loc", ()) if part != "body"]
    field = ".".join(location) or None
    message = str(first.get("msg", "invalid request"))
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return (f"{field}: {message}{more}" if field else f"{message}{more}"), field
