"""Clause-pattern files (rules/notices/*.yaml): every shipped one loads, bad ones are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.errors import RuleFileError
from compliance.terms.notice import LANGUAGE_CUES
from compliance.terms.patterns import (
    SIGNALS,
    builtin_patterns_dir,
    load_patterns,
    validate_pattern_file,
)


def _write(folder: Path, text: str) -> Path:
    path = folder / "notices" / "xx.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "path", sorted(builtin_patterns_dir().glob("*.yaml")), ids=lambda p: p.name
)
def test_every_shipped_pattern_file_is_valid(path: Path) -> None:
    assert list(validate_pattern_file(path)) == []


def test_english_spanish_french_german_and_portuguese_are_shipped() -> None:
    assert {"en", "es", "fr", "de", "pt"} <= set(load_patterns().languages)


def test_an_unknown_signal_is_named_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "language: xx\nsignals:\n  granted: ['\\bmay\\b']\n")
    [message] = validate_pattern_file(path)
    assert message.endswith(
        f"xx.yaml:3: unknown signal 'granted' (expected one of {', '.join(SIGNALS)})"
    )


def test_a_broken_regular_expression_is_named_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "language: xx\nsignals:\n  grant:\n    - '(unclosed'\n")
    [message] = validate_pattern_file(path)
    assert message.endswith(
        "xx.yaml:4: signals.grant: not a valid pattern (missing ), unterminated subpattern)"
    )


def test_a_contact_pattern_must_capture_the_contact(tmp_path: Path) -> None:
    path = _write(tmp_path, "language: xx\nsignals:\n  contact: ['write to \\S+']\n")
    [message] = validate_pattern_file(path)
    assert message.endswith("xx.yaml:3: signals.contact: pattern must capture (?P<contact>...)")


def test_an_unknown_venue_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "language: xx\nvenues:\n  moon: ['\\bmoon\\b']\n")
    [message] = validate_pattern_file(path)
    assert ":3: unknown venue 'moon'" in message


def test_loading_an_invalid_extra_file_raises_naming_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "language: english\n")
    with pytest.raises(RuleFileError, match=r"xx\.yaml:1: 'language' must be an ISO 639 code"):
        load_patterns([path])


def test_an_extra_pattern_file_extends_the_reader(tmp_path: Path) -> None:
    from compliance.terms.notice import read_notice

    path = _write(tmp_path, "language: xx\nsignals:\n  grant: ['\\bzezwalamy\\b']\n")
    assert read_notice("Zezwalamy.", load_patterns([path])).republishing == "allowed"


def test_a_bad_pattern_is_named_when_a_notice_needs_it(tmp_path: Path) -> None:
    from compliance.terms.notice import read_notice

    path = _write(
        tmp_path, "language: xx\nsignals:\n  grant: ['\\bzezwalamy\\b']\n  byline: ['(']\n"
    )
    with pytest.raises(RuleFileError, match=r"xx\.yaml:4: signals\.byline: not a valid pattern"):
        read_notice("Zezwalamy.", load_patterns([path]))


def test_a_text_without_a_notice_compiles_only_the_patterns_that_mark_one(tmp_path: Path) -> None:
    from compliance.terms.notice import read_notice

    path = _write(
        tmp_path, "language: xx\nsignals:\n  grant: ['\\bzezwalamy\\b']\n  byline: ['(']\n"
    )
    assert read_notice("The council met on Tuesday.", load_patterns([path])).republishing is None


def test_validation_reads_a_file_afresh_after_it_is_fixed(tmp_path: Path) -> None:
    path = _write(tmp_path, "language: english\n")
    assert list(validate_pattern_file(path))
    path.write_text("language: xx\n", encoding="utf-8")
    assert list(validate_pattern_file(path)) == []


def test_a_notice_is_read_with_the_languages_whose_cues_it_holds() -> None:
    english = load_patterns().triggered("You may republish this story for free.", LANGUAGE_CUES)
    assert "en" in english.languages and "de" not in english.languages
    german = load_patterns().triggered("Nachdruck nur mit Genehmigung.", LANGUAGE_CUES)
    assert "de" in german.languages and "en" not in german.languages


def test_a_licence_element_name_is_a_cue_of_its_language() -> None:
    text = "Licencia Creative Commons Reconocimiento-NoComercial 4.0 Internacional."
    assert "es" in load_patterns().triggered(text, LANGUAGE_CUES).languages


def test_a_text_read_with_fewer_languages_keeps_the_whole_librarys_key_order() -> None:
    every = load_patterns()
    some = every.triggered("Nachdruck nur mit Genehmigung.", LANGUAGE_CUES)
    assert [k for k in every.venues if k in some.venues] == list(some.venues)
