"""The service's request body speaks the one venue vocabulary (compliance.model.Venue)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from compliance.model import VENUES
from compliance.service.models import CheckRequest


def test_the_openapi_venue_enum_is_the_model_vocabulary() -> None:
    venue = CheckRequest.model_json_schema()["properties"]["venue"]
    [enum] = [option["enum"] for option in venue["anyOf"] if "enum" in option]
    assert tuple(enum) == VENUES


@pytest.mark.parametrize("venue", VENUES)
def test_every_venue_of_the_vocabulary_is_accepted_in_any_case(venue: str) -> None:
    assert (
        CheckRequest.model_validate({"draft": "Text.", "venue": f" {venue.upper()} "}).venue
        == venue
    )


def test_an_unknown_venue_is_refused_with_the_config_s_message() -> None:
    with pytest.raises(ValidationError) as caught:
        CheckRequest.model_validate({"draft": "Text.", "venue": "blog"})
    [error] = caught.value.errors()
    assert error["loc"] == ("venue",)
    assert (
        "unknown venue 'blog' (expected one of community, nonprofit, commercial, print)"
        in (error["msg"])
    )
