"""A catalogued rule file as the labelled-notice fields (compliance/terms/summary.py).

The rule decides which kinds of site are open; the original's own notice, when it opens the
same ones, only words them in the labels' finer vocabulary.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from compliance.terms import load_library
from compliance.terms.notice import Notice, read_notice
from compliance.terms.summary import terms_summary

LIBRARY = load_library()
COMMUNITY_ONLY = LIBRARY[
    "globalresearch"
]  # community and nonprofit sites; print and commercial ask
SUBSCRIBERS_ONLY = LIBRARY["wire-service"]  # every venue needs the agency's licence


def _venues(fields: dict[str, object]) -> tuple[object, object]:
    return fields["venues_allowed"], fields["venues_needing_permission"]


def test_rule_alone_words_community_and_nonprofit_sites_as_non_commercial() -> None:
    assert _venues(terms_summary(COMMUNITY_ONLY)) == (["non-commercial"], ["commercial", "print"])


def test_notice_opening_the_same_sites_words_the_rules_venues() -> None:
    notice = read_notice(
        "The Institute grants permission to cross-post its essays on community internet sites "
        "if the source is credited. For publication in print or on commercial internet sites, "
        "contact the editors."
    )
    fields = terms_summary(COMMUNITY_ONLY, notice)
    assert (set(fields["venues_allowed"]), set(fields["venues_needing_permission"])) == (
        {"community", "online"},
        {"print", "commercial"},
    )


def test_notice_opening_other_sites_leaves_the_rules_venues() -> None:
    notice = read_notice("You may republish our essays in any medium if you credit the Institute.")
    assert _venues(terms_summary(COMMUNITY_ONLY, notice)) == (
        ["non-commercial"],
        ["commercial", "print"],
    )


@pytest.mark.parametrize(
    "notice",
    [None, read_notice("This dispatch may not be published, broadcast or redistributed.")],
    ids=["alone", "under-a-notice-that-forbids"],
)
def test_rule_licensing_no_venue_needs_permission_for_any(notice: Notice | None) -> None:
    fields = terms_summary(SUBSCRIBERS_ONLY, notice)
    assert (fields["republishing"], fields["venues_needing_permission"]) == (
        "permission-required",
        ["any"],
    )


def test_notice_asking_permission_names_the_venues_of_a_rule_asking_permission() -> None:
    notice = read_notice("For permission to reprint this dispatch in print, contact the agency.")
    fields = terms_summary(SUBSCRIBERS_ONLY, notice)
    assert (fields["republishing"], fields["venues_needing_permission"]) == (
        "permission-required",
        list(notice.venues_needing_permission),
    )


def test_notice_granting_republication_does_not_change_a_rule_licensing_no_venue() -> None:
    notice = read_notice("You may republish this dispatch if you credit the agency.")
    assert terms_summary(SUBSCRIBERS_ONLY, notice)["republishing"] == "permission-required"


def test_rule_forbidding_every_venue_is_forbidden_with_nothing_to_ask() -> None:
    forbidding = replace(
        SUBSCRIBERS_ONLY, venues=dict.fromkeys(SUBSCRIBERS_ONLY.venues, "forbidden")
    )
    fields = terms_summary(forbidding)
    assert (fields["republishing"], fields["venues_needing_permission"]) == ("forbidden", [])
