"""A failing article extractor never silently empties a page: the plain text stands in, and the
report says so in every format."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import trafilatura
from reports_builders import make_report
from reports_schemas import report_validator, sarif_validator

from compliance.documents import load_bytes
from compliance.pipeline import CheckOptions, check_pair
from compliance.reports import render

STORY = (
    "The river authority opened the new weir on Monday after three years of work on the "
    "eastern bank, and the first boats passed through the lock before noon."
)
PAGE = (
    "<html><head><title>Weir opens</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    f"<article><h1>Weir opens</h1><p>{STORY}</p>"
    "<p>Engineers said the gates would be tested again once the spring floods had passed.</p>"
    "</article></body></html>"
)
NOTE = "the article extractor (trafilatura) failed"


@pytest.fixture
def broken_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura raising, as it does on some malformed trees (fault injection: no real page
    is known to make the installed version fail)."""

    def fail(*_args: object, **_kwargs: object) -> None:
        raise ValueError("odd tree")

    monkeypatch.setattr(trafilatura, "bare_extraction", fail)


@pytest.mark.usefixtures("broken_extractor")
def test_the_page_text_stands_in_when_the_extractor_fails() -> None:
    doc = load_bytes(PAGE.encode(), "weir.html")
    assert STORY in doc.text
    assert "News" not in doc.text  # the menu is still set aside


@pytest.mark.usefixtures("broken_extractor")
def test_the_document_notes_the_failure_and_its_cause() -> None:
    doc = load_bytes(PAGE.encode(), "weir.html")
    [note] = doc.notes
    assert note.startswith(f"{NOTE} (ValueError: odd tree)")


def test_a_working_extractor_leaves_no_note() -> None:
    assert load_bytes(PAGE.encode(), "weir.html").notes == ()


@pytest.mark.usefixtures("broken_extractor")
def test_the_report_names_which_document_fell_back() -> None:
    copy = load_bytes(PAGE.encode(), "copy.html")
    original = load_bytes(STORY.encode(), "original.txt")
    report = check_pair(copy, original, CheckOptions(today="2024-06-01"))
    assert [n.split(":", 1)[0] for n in report.notes] == ["copy"]
    assert report.verdict != "not-a-copy"


NOTED = replace(make_report(), notes=(f"copy: {NOTE} (ValueError: odd tree)",))


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_every_human_format_shows_the_note(fmt: str) -> None:
    assert NOTE in render(NOTED, fmt)


def test_json_carries_the_note_and_validates() -> None:
    data = json.loads(render(NOTED, "json"))
    report_validator().validate(data)
    assert data["notes"] == list(NOTED.notes)


def test_sarif_reports_the_note_as_a_tool_notification() -> None:
    log = json.loads(render(NOTED, "sarif"))
    sarif_validator().validate(log)
    [note] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert (note["level"], NOTE in note["message"]["text"]) == ("warning", True)
