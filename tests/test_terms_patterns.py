"""Clause-pattern files (rules/notices/*.yaml): every shipped one loads, bad ones are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.errors import RuleFileError
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


def _polish(tmp_path: Path, markers: str) -> Path:
    return _write(tmp_path, f"language: pl\n{markers}signals:\n  grant: ['\\bzezwalamy\\b']\n")


def test_a_file_is_not_read_for_a_text_without_its_markers(tmp_path: Path) -> None:
    from compliance.terms.notice import read_notice

    path = _polish(tmp_path, "markers:\n  words: [i, na]\n")
    assert read_notice("Zezwalamy.", load_patterns([path])).republishing is None


def test_a_file_is_read_for_a_text_holding_one_of_its_markers(tmp_path: Path) -> None:
    from compliance.terms.notice import read_notice

    path = _polish(tmp_path, "markers:\n  words: [i, na]\n")
    assert read_notice("Na to zezwalamy.", load_patterns([path])).republishing == "allowed"


def test_word_markers_match_whole_words_only(tmp_path: Path) -> None:
    library = load_patterns([_polish(tmp_path, "markers:\n  words: [na]\n")])
    assert "pl" not in library.for_text("The national news.").languages


def test_anywhere_markers_match_inside_words(tmp_path: Path) -> None:
    library = load_patterns([_polish(tmp_path, "markers:\n  anywhere: [na]\n")])
    assert "pl" in library.for_text("The national news.").languages


def test_a_bilingual_footer_is_read_with_both_languages() -> None:
    text = "All rights reserved. Alle Rechte vorbehalten."
    assert {"en", "de"} <= set(load_patterns().for_text(text).languages)


def test_an_english_text_compiles_no_romance_or_german_patterns() -> None:
    languages = load_patterns().for_text("You may republish this story.").languages
    assert not {"de", "es", "fr", "pt", "it", "ru", "ja"} & set(languages)


def test_a_japanese_notice_without_kana_is_read_in_japanese() -> None:
    assert "ja" in load_patterns().for_text("無断転載禁止").languages


def test_licence_codes_are_read_in_every_language() -> None:
    assert "mul" in load_patterns().for_text("CC BY-NC 4.0").languages


def test_a_marker_that_is_not_one_word_is_named(tmp_path: Path) -> None:
    path = _polish(tmp_path, "markers:\n  words: [na, 'w tym']\n")
    [message] = validate_pattern_file(path)
    assert message.endswith("xx.yaml:3: markers.words: 'w tym' is not a word")


def test_an_unknown_kind_of_marker_is_named(tmp_path: Path) -> None:
    path = _polish(tmp_path, "markers:\n  letters: [ą]\n")
    [message] = validate_pattern_file(path)
    assert ":3: unknown markers key 'letters'" in message


@pytest.mark.parametrize(
    ("sample", "languages"),
    [("northwind-port-strike.md", ("en", "mul")), ("notice-de-nordstadt-radweg.md", ("de", "mul"))],
)
def test_a_sample_article_reads_only_its_language_and_the_shared_file(
    sample: str, languages: tuple[str, ...]
) -> None:
    text = (Path(__file__).parents[1] / "samples/originals" / sample).read_text()
    assert load_patterns().for_text(text).languages == languages


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
