"""Creative Commons licence ids from deed addresses and codes (compliance/terms/licences.py)."""

from __future__ import annotations

import pytest

from compliance.model import Attribution
from compliance.terms.licences import (
    code_elements,
    deed_url,
    licence_names,
    licence_of_url,
    licence_version,
)
from compliance.terms.notice import Notice, Requires, read_notice
from compliance.terms.notice_rule import rule_data


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


@pytest.mark.parametrize(
    ("url", "licence"),
    [
        ("https://creativecommons.org/licenses/by/4.0/", "cc-by-4.0"),
        ("http://www.creativecommons.org/licenses/by-nd/2.0/legalcode", "cc-by-nd-2.0"),
        ("https://creativecommons.org/licenses/by-nc-sa/2.5/", "cc-by-nc-sa-2.5"),
        ("https://creativecommons.org/licenses/by-nc-nd/3.0/us/", "cc-by-nc-nd-3.0"),
        ("https://creativecommons.org/licenses/by-sa/3.0/de/deed.en", "cc-by-sa-3.0"),
        ("https://creativecommons.org/licenses/by/1.0/", "cc-by-1.0"),
        ("https://creativecommons.org/licenses/by-nc/", "cc-by-nc"),
        ("https://creativecommons.org/publicdomain/mark/1.0/", "public-domain"),
        ("https://example.org/licenses/by/4.0/", None),
        ("https://creativecommons.org/licenses/sampling/1.0/", None),
    ],
)
def test_a_deed_address_of_any_version_or_port_is_one_licence_id(
    url: str, licence: str | None
) -> None:
    assert licence_of_url(url) == licence


@pytest.mark.parametrize(
    ("licence", "names"),
    [
        ("cc-by-4.0", ("CC BY 4.0", "Creative Commons Attribution 4.0")),
        (
            "cc-by-nc-nd-3.0",
            ("CC BY-NC-ND 3.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 3.0"),
        ),
        ("cc-by-sa-2.5", ("CC BY-SA 2.5", "Creative Commons Attribution-ShareAlike 2.5")),
        ("cc-by-nc", ("CC BY-NC", "Creative Commons Attribution-NonCommercial")),
        ("cc-by-4", ("CC BY 4.0", "Creative Commons Attribution 4.0")),
        ("cc-by-v4x", ("CC BY", "Creative Commons Attribution")),
        ("cc-unspecified", ("a Creative Commons licence",)),
        ("public-domain", ()),
        (None, ()),
    ],
)
def test_a_licence_id_gives_its_short_then_long_name(
    licence: str | None, names: tuple[str, ...]
) -> None:
    assert licence_names(licence) == names


@pytest.mark.parametrize(
    ("text", "version"), [("4", "4.0"), ("2.5", "2.5"), ("4.0", "4.0"), ("v4", None), ("", None)]
)
def test_a_captured_version_is_written_as_the_deeds_write_it(
    text: str, version: str | None
) -> None:
    assert licence_version(text) == version


def test_a_versioned_licence_id_gives_its_deed_and_an_unversioned_one_none() -> None:
    assert deed_url("cc-by-nc-sa-4.0") == "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    assert deed_url("cc-by-sa") is None
    assert deed_url("cc-unspecified") is None


def test_a_notice_rule_names_the_licence_and_links_its_deed_as_the_catalogue_does() -> None:
    notice = read_notice(
        "You may republish this story under creativecommons.org/licenses/by-nd/4.0/"
    )
    data = rule_data(notice, Attribution(), "x.txt")
    [entry] = [r for r in data["requirements"] if r["kind"] == "license_notice"]
    assert entry["license"] == "CC BY-ND 4.0"
    assert entry["deed_url"] == "https://creativecommons.org/licenses/by-nd/4.0/"


@pytest.mark.parametrize(
    ("licence", "name"), [("cc-by-4", "CC BY 4.0"), ("cc-by-v4x", "CC BY"), ("public-domain", None)]
)
def test_a_notice_rule_names_any_licence_id_the_reader_gives_without_failing(
    licence: str, name: str | None
) -> None:
    notice = Notice(
        republishing="allowed-with-conditions", requires=Requires(license_notice=licence)
    )
    data = rule_data(notice, Attribution(), "x.txt")
    [entry] = [r for r in data["requirements"] if r["kind"] == "license_notice"]
    assert entry.get("license") == name
