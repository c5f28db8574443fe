"""Which terms govern an original, and why.

flag > config > domain > strong phrase > own notice > licence > default.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.errors import ComplianceError, ConfigError
from compliance.model import Attribution, Document, Link, Meta
from compliance.terms import choose_terms, contact_for, find_phrase, load_library

LIBRARY = load_library()
GR_DISCLAIMER = (
    "The Centre grants permission to cross-post Global Research articles on community internet "
    "sites as long as the source and copyright are acknowledged together with a hyperlink to "
    "the original Global Research article. For print, contact: permits@example.org"
)


def doc(
    text: str = "A plain article about weather.",
    *,
    url: str | None = None,
    links: tuple[Link, ...] = (),
    license_url: str | None = None,
    furniture: str = "",
) -> Document:
    return Document(
        id="x",
        origin="memory",
        format="text",
        title="t",
        text=text,
        links=links,
        meta=Meta(canonical_url=url, license_url=license_url),
        furniture=furniture,
    )


def test_flag_wins_over_everything() -> None:
    original = doc(GR_DISCLAIMER, url="https://www.propublica.org/article/x")
    choice = choose_terms(original, Attribution(), LIBRARY, flag="calmatters")
    assert (choice.terms_id, choice.reason) == ("calmatters", "flag")


def test_unknown_flag_is_an_error_listing_known_terms() -> None:
    with pytest.raises(ComplianceError, match="unknown terms 'nope' \\(expected one of "):
        choose_terms(doc(), Attribution(), LIBRARY, flag="nope")


def test_config_domain_mapping_covers_subdomains_and_beats_phrases() -> None:
    original = doc(GR_DISCLAIMER, url="https://news.partner.example/story")
    choice = choose_terms(
        original, Attribution(), LIBRARY, domain_map={"partner.example": "texas-tribune"}
    )
    assert (choice.terms_id, choice.reason, choice.detail) == (
        "texas-tribune",
        "config",
        "partner.example",
    )


def test_config_mapping_to_unknown_terms_is_a_config_error() -> None:
    original = doc(url="https://partner.example/story")
    with pytest.raises(ConfigError, match=r"domain_map maps 'partner\.example' to unknown terms"):
        choose_terms(original, Attribution(), LIBRARY, domain_map={"partner.example": "zzz"})


def test_rule_domain_matches_the_original_canonical_url() -> None:
    choice = choose_terms(
        doc(url="https://www.texastribune.org/2024/01/x/"), Attribution(), LIBRARY
    )
    assert (choice.terms_id, choice.reason, choice.detail) == (
        "texas-tribune",
        "domain",
        "texastribune.org",
    )


def test_attribution_url_stands_in_for_a_missing_canonical_url() -> None:
    attribution = Attribution(url="https://calmatters.org/politics/2024/05/x/")
    assert choose_terms(doc(), attribution, LIBRARY).terms_id == "calmatters"


def test_lookalike_domain_does_not_match() -> None:
    choice = choose_terms(doc(url="https://notpropublica.org/x"), Attribution(), LIBRARY)
    assert choice.reason == "default"


def test_phrase_is_found_across_line_breaks_and_punctuation_with_its_score() -> None:
    text = (
        "Disclaimer:\nwe grant permission to cross-post\nGlobal Research articles, on community\n"
    )
    text += "internet-sites."
    choice = choose_terms(doc(text), Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("globalresearch", "phrase")
    assert choice.score is not None and 85 <= choice.score <= 100


def test_phrase_with_another_publishers_name_reads_that_publishers_own_notice() -> None:
    text = (
        "The Harbour Ledger grants permission to cross-post Harbour Ledger articles on community "
        "internet sites provided the source and the copyright are acknowledged together with a "
        "hyperlink to the original article."
    )
    choice = choose_terms(doc(text), Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("own-notice", "notice")


def test_phrase_naming_another_publisher_never_selects_a_catalogued_rule() -> None:
    text = "This article was originally published by Futurism. Read more at futurism.com."
    assert choose_terms(doc(text), Attribution(), LIBRARY).terms_id != "calmatters"


def test_phrase_naming_the_publisher_selects_its_rule() -> None:
    text = "Story.\n\nThis article was originally published by CalMatters."
    choice = choose_terms(doc(text), Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("calmatters", "phrase")


def test_catalogued_rule_states_where_the_original_notice_disagrees() -> None:
    text = GR_DISCLAIMER + " Always name the author in the byline."
    choice = choose_terms(
        doc(text, url="https://www.globalresearch.ca/a/1"), Attribution(), LIBRARY
    )
    assert choice.reason == "domain"
    assert "own notice differs from this rule on byline" in choice.detail


def test_catalogued_rule_asking_permission_states_a_notice_that_forbids() -> None:
    text = "Story.\n\nThis article may not be republished or reproduced in any form."
    choice = choose_terms(doc(text, url="https://apnews.com/a/1"), Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("wire-service", "domain")
    assert "own notice differs from this rule on republishing" in choice.detail


def test_own_notice_beats_a_licence_link() -> None:
    links = (Link(href="https://creativecommons.org/licenses/by/4.0/", text="CC BY"),)
    text = "Story.\n\nYou may republish this story as long as you credit Example News."
    choice = choose_terms(doc(text, links=links), Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("own-notice", "notice")


def test_a_licence_link_beats_a_notice_that_only_reserves_rights() -> None:
    links = (Link(href="https://creativecommons.org/licenses/by/4.0/", text="CC BY"),)
    original = doc("Story.\n\n© 2024 Example News. All rights reserved.", links=links)
    choice = choose_terms(original, Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("cc-by-4.0", "license")


def test_prose_that_mentions_permission_is_no_notice() -> None:
    text = "The council met.\n\nProtesters entered the building without permission."
    choice = choose_terms(doc(text), Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("all-rights-reserved", "default")


def test_contact_is_the_original_notices_own_address() -> None:
    text = "Story.\n\nReprints need permission: contact rights@harbour.example."
    original = doc(text, url="https://www.globalresearch.ca/a/1")
    assert contact_for(original, LIBRARY["globalresearch"]) == "rights@harbour.example"


def test_phrase_in_page_furniture_is_found_when_the_main_text_has_none() -> None:
    choice = choose_terms(doc(furniture=GR_DISCLAIMER), Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("globalresearch", "phrase")


def test_unrelated_text_matches_no_phrase() -> None:
    assert find_phrase("The council met on Tuesday to discuss bins.", "may not be published, "
                       "broadcast, rewritten or redistributed") is None  # fmt: skip


def test_find_phrase_reports_offsets_in_the_original_text() -> None:
    text = "Intro.\n\nThis material may not be\npublished, broadcast, rewritten or redistributed."
    match = find_phrase(text, "may not be published, broadcast, rewritten or redistributed")
    assert match is not None
    assert text[match.start : match.end] == (
        "may not be\npublished, broadcast, rewritten or redistributed"
    )


def test_licence_link_in_meta_selects_the_creative_commons_terms() -> None:
    original = doc(license_url="http://creativecommons.org/licenses/by-nc-nd/4.0/legalcode")
    choice = choose_terms(original, Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("cc-by-nc-nd-4.0", "license")


def test_licence_link_in_text_distinguishes_by_from_by_nd() -> None:
    links = (Link(href="https://creativecommons.org/licenses/by-nd/4.0/deed.fr", text="CC"),)
    assert choose_terms(doc(links=links), Attribution(), LIBRARY).terms_id == "cc-by-nd-4.0"
    links = (Link(href="https://creativecommons.org/licenses/by/4.0/", text="CC BY"),)
    assert choose_terms(doc(links=links), Attribution(), LIBRARY).terms_id == "cc-by-4.0"


def test_rel_license_link_is_preferred_over_other_licence_links() -> None:
    links = (
        Link(href="https://creativecommons.org/licenses/by-sa/4.0/", text="a photo's licence"),
        Link(href="https://creativecommons.org/licenses/by-nc/4.0/", text="ours", rel=("license",)),
    )
    assert choose_terms(doc(links=links), Attribution(), LIBRARY).terms_id == "cc-by-nc-4.0"


def test_phrase_beats_licence_link() -> None:
    links = (Link(href="https://creativecommons.org/licenses/by-nd/4.0/", text="CC BY-ND"),)
    text = "This article is republished from The Conversation under a Creative Commons license."
    assert choose_terms(doc(text, links=links), Attribution(), LIBRARY).terms_id == (
        "the-conversation"
    )


def test_nothing_recognised_defaults_to_all_rights_reserved() -> None:
    choice = choose_terms(doc(), Attribution(), LIBRARY)
    assert (choice.terms_id, choice.reason) == ("all-rights-reserved", "default")
    assert LIBRARY["all-rights-reserved"].licensed is False


def test_choice_is_deterministic_whatever_the_library_order() -> None:
    text = GR_DISCLAIMER + "\n\nThis material may not be published, broadcast, rewritten or "
    text += "redistributed."
    forward = choose_terms(doc(text), Attribution(), LIBRARY)
    backward = choose_terms(doc(text), Attribution(), dict(reversed(list(LIBRARY.items()))))
    assert forward == backward


def test_contact_is_the_email_in_the_matched_disclaimer() -> None:
    original = doc("Story.\n\n" + GR_DISCLAIMER)
    assert contact_for(original, LIBRARY["globalresearch"]) == "permits@example.org"


def test_contact_falls_back_to_the_rule_contact() -> None:
    original = doc("Story.\n\nThe Centre grants permission to cross-post Global Research articles "
                   "on community internet sites.")  # fmt: skip
    assert contact_for(original, LIBRARY["globalresearch"]) == "publications@globalresearch.ca"


def test_rules_dir_override_replaces_a_builtin_by_id() -> None:
    library = load_library([Path(__file__).parent / "data" / "rules" / "good"])
    assert library["globalresearch"].name == "Global Research terms as our lawyers read them"
    assert "house-terms" in library
    assert "calmatters" in library
