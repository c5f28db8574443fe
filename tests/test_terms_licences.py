"""Creative Commons licence ids from deed addresses and codes (compliance/terms/licences.py)."""

from __future__ import annotations

from compliance.terms.licences import code_elements, licence_of_url
from compliance.terms.notice import read_notice


def test_deed_address_in_a_notice_gives_every_element() -> None:
    notice = read_notice("This report is licensed under creativecommons.org/licenses/by-sa/3.0/.")
    assert notice.requires.license_notice == "cc-by-sa-3.0"


def test_lower_case_licence_code_is_read() -> None:
    notice = read_notice("Our columns are published under cc by-nc-nd 4.0.")
    assert notice.requires.license_notice == "cc-by-nc-nd-4.0"


def test_code_elements_keep_their_order() -> None:
    assert code_elements("CC BY-NC-SA") == ("by", "nc", "sa")


def test_public_domain_address_is_no_licence_code() -> None:
    assert licence_of_url("https://creativecommons.org/publicdomain/zero/1.0/") == "public-domain"
