"""The venue vocabulary's conventions (compliance/terms/venues.py), through the notice reader.

Each case is one behaviour, named by its id: a notice written for the project, the field read
and the label-vocabulary value expected.
"""

from __future__ import annotations

import pytest

from compliance.terms.notice import read_notice
from compliance.terms.venues import model_venues, settle

ALLOWED, NEEDING = "venues_allowed", "venues_needing_permission"
CASES = [
    pytest.param(
        "Licensed under CC BY-NC 4.0.",
        NEEDING,
        ("commercial",),
        id="licence_alone_reserves_commercial_use",
    ),
    pytest.param(
        "You are welcome to republish this report under a Creative Commons "
        "Attribution-NonCommercial 4.0 licence, as long as you credit the newsroom.",
        NEEDING,
        (),
        id="own_grant_with_nc_licence_reserves_nothing_it_does_not_say",
    ),
    pytest.param(
        "You may republish our stories for non-commercial purposes if you credit us.",
        NEEDING,
        ("commercial",),
        id="non_commercial_in_words_reserves_commercial_use",
    ),
    pytest.param(
        "Our reports may be republished in any medium, as long as you credit us. "
        "They are released under CC BY-NC-ND 4.0.",
        ALLOWED,
        ("any",),
        id="any_medium_in_words_is_not_narrowed_by_the_licence_code",
    ),
    pytest.param(
        "You may republish our columns if you credit the paper. "
        "Republishing them on a website that carries advertising is fine.",
        ALLOWED,
        ("ad-supported-sites",),
        id="sites_carrying_advertising_are_a_venue_of_their_own",
    ),
    pytest.param(
        "Se permite la reproducción sin ánimo de lucro citando la fuente.",
        NEEDING,
        ("commercial",),
        id="spanish_non_profit_use_reserves_commercial_use",
    ),
    pytest.param(
        "You may republish our reports online if you credit us. "
        "If you wish to publish them in print, please contact the desk.",
        NEEDING,
        ("print",),
        id="venue_in_an_if_clause_asking_permission_needs_permission",
    ),
    pytest.param(
        "You may republish our reports if you credit us. "
        "If you publish them in print, you must include the address of our site.",
        ALLOWED,
        ("any",),
        id="venue_in_a_plain_if_clause_is_a_condition",
    ),
    pytest.param(
        "Der Nachdruck ist für nicht-kommerzielle Zwecke gestattet.",
        ALLOWED,
        ("non-commercial",),
        id="german_non_commercial_grant_is_not_read_as_a_negation",
    ),
    pytest.param(
        "Puede republicar nuestros reportajes citando la fuente. "
        "Para uso comercial, escríbanos a licencias@diario.example.",
        NEEDING,
        ("commercial",),
        id="spanish_commercial_use_to_ask_about_needs_permission",
    ),
    pytest.param(
        "As reportagens podem ser reproduzidas, citada a fonte, exceto para fins comerciais.",
        ALLOWED,
        ("non-commercial",),
        id="portuguese_except_for_commercial_ends_is_non_commercial",
    ),
    pytest.param(
        "Our features are free to republish by news organizations, provided the author is "
        "credited.",
        ALLOWED,
        ("news-organization",),
        id="news_organizations_named_as_republishers_are_the_venue",
    ),
    pytest.param(
        "You may republish our essays as you see fit, provided you credit the Institute.",
        ALLOWED,
        ("any", "commercial"),
        id="use_as_you_see_fit_allows_any_venue_and_commercial_use",
    ),
    pytest.param(
        "Our essays may be reused for any purpose, even commercially, if the author is credited.",
        ALLOWED,
        ("any", "commercial"),
        id="english_even_commercially_allows_commercial_use",
    ),
    pytest.param(
        "Puede republicar nuestras crónicas incluso con fines comerciales, citando la fuente.",
        ALLOWED,
        ("any", "commercial"),
        id="spanish_commercial_ends_included_allow_commercial_use",
    ),
    pytest.param(
        "Vous pouvez reproduire nos chroniques comme bon vous semble, en citant la source.",
        ALLOWED,
        ("any", "commercial"),
        id="french_as_you_see_fit_allows_commercial_use",
    ),
    pytest.param(
        "Sie dürfen die Reportagen auch kommerziell weiterverbreiten, wenn Sie die Quelle nennen.",
        ALLOWED,
        ("any", "commercial"),
        id="german_commercially_too_allows_commercial_use",
    ),
    pytest.param(
        "As crônicas podem ser republicadas como você quiser, desde que citada a fonte.",
        ALLOWED,
        ("any", "commercial"),
        id="portuguese_as_you_wish_allows_commercial_use",
    ),
    pytest.param(
        "As crônicas podem ser republicadas citando a fonte. Para fins comerciais, escreva-nos.",
        NEEDING,
        ("commercial",),
        id="portuguese_commercial_ends_to_ask_about_need_permission",
    ),
    pytest.param(
        "You may republish our essays online if you credit us. For publication in print, "
        "contact the editors.",
        NEEDING,
        ("print",),
        id="for_publication_in_a_venue_contact_us_needs_permission_for_it",
    ),
    pytest.param(
        "Essays may be reprinted in print magazines with our permission only. Online "
        "republication is allowed with a link to our home page.",
        NEEDING,
        ("print",),
        id="a_grant_followed_by_permission_only_needs_permission_for_its_venue",
    ),
    pytest.param(
        "Nonprofit newsrooms may republish our essays for free; commercial outlets should "
        "contact the desk.",
        NEEDING,
        ("commercial",),
        id="permission_in_the_next_clause_does_not_belong_to_the_grant",
    ),
    pytest.param(
        "Non-profit news organizations may republish our essays if they credit us.",
        ALLOWED,
        ("nonprofit",),
        id="nonprofit_organizations_opening_a_sentence_are_the_venue",
    ),
    pytest.param(
        "Ce reportage est publié sous licence Creative Commons Attribution - Pas d'Utilisation "
        "Commerciale 4.0.",
        ALLOWED,
        ("non-commercial",),
        id="french_nc_element_name_is_no_commercial_venue",
    ),
    pytest.param(
        "You may republish our columns online or in your newsletter if you credit us.",
        ALLOWED,
        ("online", "newsletter"),
        id="a_newsletter_is_a_venue_of_its_own",
    ),
    pytest.param(
        "You may republish our columns as long as you do not charge readers for access.",
        ALLOWED,
        ("free-access",),
        id="not_charging_readers_is_free_access",
    ),
    pytest.param(
        "Puede republicar nuestras crónicas en su sitio web o en papel, citando la fuente.",
        ALLOWED,
        ("print", "online"),
        id="spanish_website_and_paper_are_online_and_print",
    ),
    pytest.param(
        "Vous pouvez reprendre nos chroniques en ligne et dans votre édition imprimée.",
        ALLOWED,
        ("print", "online"),
        id="french_online_and_printed_edition_are_online_and_print",
    ),
    pytest.param(
        "Sie dürfen unsere Chroniken online und in Ihrer Printausgabe übernehmen.",
        ALLOWED,
        ("print", "online"),
        id="german_online_and_print_edition_are_online_and_print",
    ),
    pytest.param(
        "Você pode republicar nossas crônicas na internet ou no jornal impresso.",
        ALLOWED,
        ("print", "online"),
        id="portuguese_internet_and_printed_paper_are_online_and_print",
    ),
    pytest.param(
        "Die Übernahme ist erlaubt; für Printmedien kontaktieren Sie uns bitte.",
        NEEDING,
        ("print",),
        id="german_for_print_contact_us_needs_permission",
    ),
    pytest.param(
        "You may republish our columns. If you want to publish them in full online, we would "
        "be glad to discuss it.",
        ALLOWED,
        ("any",),
        id="english_online_is_not_read_by_another_languages_patterns",
    ),
    pytest.param(
        "コラムをインターネットや印刷物に無断で転載することを禁じます。",
        NEEDING,
        ("any", "print", "online"),
        id="japanese_internet_and_printed_matter_named_in_a_permission_notice",
    ),
]


@pytest.mark.parametrize(("notice", "field", "expected"), CASES)
def test_notice_venues_follow_the_label_conventions(
    notice: str, field: str, expected: tuple[str, ...]
) -> None:
    assert getattr(read_notice(notice), field) == expected


def test_reserved_paid_venues_leave_their_free_complements_open() -> None:
    assert settle([], ["paywalled", "paid-print"], licence=None, own_grant=True) == (
        ("free-online", "free-print"),
        ("paywalled", "paid-print"),
    )


def test_model_venues_reserve_what_a_label_venue_reserves() -> None:
    venues = model_venues(["any"], ["commercial"])
    assert venues["commercial"] == "permission" and venues["community"] == "allowed"
