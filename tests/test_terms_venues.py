"""The venue vocabulary's conventions (compliance/terms/venues.py), through the notice reader."""

from __future__ import annotations

from compliance.terms.notice import read_notice
from compliance.terms.venues import model_venues, settle


def test_licence_alone_reserves_commercial_use() -> None:
    notice = read_notice("Licensed under CC BY-NC 4.0.")
    assert notice.venues_allowed == ("non-commercial",)
    assert notice.venues_needing_permission == ("commercial",)


def test_own_grant_with_nc_licence_reserves_nothing_it_does_not_say() -> None:
    notice = read_notice(
        "You are welcome to republish this report under a Creative Commons "
        "Attribution-NonCommercial 4.0 licence, as long as you credit the newsroom."
    )
    assert notice.venues_allowed == ("non-commercial",)
    assert notice.venues_needing_permission == ()


def test_non_commercial_in_words_reserves_commercial_use() -> None:
    notice = read_notice(
        "You may republish our stories for non-commercial purposes if you credit us."
    )
    assert "commercial" in notice.venues_needing_permission


def test_any_medium_granted_in_words_is_not_narrowed_by_the_licence_code() -> None:
    notice = read_notice(
        "Our reports may be republished in any medium, as long as you credit us. "
        "They are released under CC BY-NC-ND 4.0."
    )
    assert notice.venues_allowed == ("any",)


def test_reserved_paid_venues_leave_their_free_complements_open() -> None:
    assert settle([], ["paywalled", "paid-print"], licence=None, own_grant=True) == (
        ("free-online", "free-print"),
        ("paywalled", "paid-print"),
    )


def test_model_venues_reserve_what_a_label_venue_reserves() -> None:
    venues = model_venues(["any"], ["commercial"])
    assert venues["commercial"] == "permission" and venues["community"] == "allowed"


def test_sites_carrying_advertising_are_a_venue_of_their_own() -> None:
    notice = read_notice(
        "You may republish our columns if you credit the paper. "
        "Republishing them on a website that carries advertising is fine."
    )
    assert "ad-supported-sites" in notice.venues_allowed


def test_spanish_non_profit_use_reserves_commercial_use() -> None:
    notice = read_notice("Se permite la reproducción sin ánimo de lucro citando la fuente.")
    assert notice.venues_needing_permission == ("commercial",)


def test_venue_in_an_if_clause_asking_permission_needs_permission() -> None:
    notice = read_notice(
        "You may republish our reports online if you credit us. "
        "If you wish to publish them in print, please contact the desk."
    )
    assert notice.venues_needing_permission == ("print",)


def test_venue_in_a_plain_if_clause_is_a_condition() -> None:
    notice = read_notice(
        "You may republish our reports if you credit us. "
        "If you publish them in print, you must include the address of our site."
    )
    assert notice.venues_allowed == ("any",)


def test_german_non_commercial_grant_is_not_read_as_a_negation() -> None:
    notice = read_notice("Der Nachdruck ist für nicht-kommerzielle Zwecke gestattet.")
    assert notice.republishing == "allowed"
    assert notice.venues_allowed == ("non-commercial",)


def test_spanish_commercial_use_to_ask_about_needs_permission() -> None:
    notice = read_notice(
        "Puede republicar nuestros reportajes citando la fuente. "
        "Para uso comercial, escríbanos a licencias@diario.example."
    )
    assert notice.venues_needing_permission == ("commercial",)


def test_portuguese_except_for_commercial_ends_is_non_commercial() -> None:
    notice = read_notice(
        "As reportagens podem ser reproduzidas, citada a fonte, exceto para fins comerciais."
    )
    assert notice.venues_allowed == ("non-commercial",)
