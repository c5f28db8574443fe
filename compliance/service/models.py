"""The bodies the service reads and writes, as pydantic models (they feed the OpenAPI document)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from ..errors import InputError
from ..model import Venue, Verdict  # the one vocabulary of the CLI, config, rule files and reports

DocFormat = Literal["html", "markdown", "text"]


class CheckRequest(BaseModel):
    """A draft to check, and optionally the original it republishes."""

    draft: str = Field(min_length=1, description="The draft's HTML, Markdown or plain text.")
    format: DocFormat | None = Field(
        None, description="Format of the draft; guessed from its content when omitted."
    )
    draft_url: str | None = Field(None, description="Where the draft will be published.")
    original: str | None = Field(None, description="The original's HTML, Markdown or text.")
    original_format: DocFormat | None = None
    original_url: str | None = Field(
        None, description="URL of the original, looked up in the index or originals folder."
    )
    original_id: str | None = Field(None, description="Index id (or 8+ char prefix) of it.")
    terms: str | None = Field(None, description="Apply these terms (a rule id).")
    venue: Venue | None = None

    @field_validator("venue", mode="before")
    @classmethod
    def _venue_in_any_case(cls, value: object) -> object:
        """The CLI's and the config's reading, in any case (``Commercial`` is ``commercial``)."""
        from ..config import venue_name

        return None if value is None else venue_name(value)


class CheckResponse(BaseModel):
    """The verdict to act on, the report behind it, and every report of reuse found."""

    verdict: Verdict
    fail: bool = Field(description="True when a finding is at or above the configured fail_on.")
    report: dict[str, Any] | None = Field(
        None, description="The report of the worst verdict (schema: Report), or null."
    )
    reports: list[dict[str, Any]] = Field(
        default_factory=list, description="Every report of reuse found (schema: Report)."
    )


class ErrorDetail(BaseModel):
    """What went wrong: a stable code to branch on, a sentence for people, the field at fault."""

    code: str = Field(description="Stable, machine-readable: e.g. unauthorized, invalid_request.")
    message: str
    field: str | None = Field(None, description="The request field at fault, if one is.")


class ErrorBody(BaseModel):
    """Every status other than 200 answers this shape."""

    error: ErrorDetail


def request_text(text: str, field: str) -> bytes:
    """UTF-8 bytes of a request field; a lone surrogate (valid JSON, not text) is refused."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"not text: a lone surrogate at character {exc.start}", source=f"request:{field}"
        ) from None
