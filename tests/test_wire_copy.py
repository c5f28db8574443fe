"""Wire copy: every venue needs the agency's licence, whatever credit and notice the copy keeps."""

from __future__ import annotations

from compliance.documents import load_bytes
from compliance.pipeline import CheckOptions, check_pair

STORY = (
    "<p>ELSWORTH (CP) — The Quay Street crossing will close to traffic on Tuesday so that crews "
    "can replace the worn bearings under its central span, the county works office said.</p>"
    "<p>The work is expected to take twelve weeks and to cost about 16 million, most of it paid "
    "from the regional road fund, and drivers will be sent along the river road.</p>"
    "<p>Cyclists and people on foot will still be able to cross on a narrow lane that stays open "
    "on the northern side of the deck while the crews are at work.</p>"
)
NOTICE = (
    "<p>Copyright 2024 The Continental Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.</p>"
)
URL = "https://www.continentalpress.example/article/quay-street-closure"


def _page(body: str, url: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>Quay Street crossing to close</title>"
        f"<link rel='canonical' href='{url}'></head><body><article>"
        f"<h1>Quay Street crossing to close</h1>{body}</article></body></html>"
    ).encode()


def test_an_agency_story_copied_with_its_own_notice_needs_permission_without_a_venue() -> None:
    original = load_bytes(_page(f"<p>By Mara Lindqvist</p>{STORY}{NOTICE}", URL), "wire.html")
    credit = f"<p>Source: <a href='{URL}'>Continental Press</a></p>"
    copy = load_bytes(
        _page(f"<p>By Mara Lindqvist</p>{STORY}{credit}{NOTICE}", "https://hillpost.example/q"),
        "copy.html",
    )
    report = check_pair(copy, original, CheckOptions(today="2024-06-01"))
    assert report.terms.terms_id == "wire-service"
    assert report.verdict == "needs-permission"
