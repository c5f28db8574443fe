"""Needles: a clause pattern is compiled only for a text that holds a word every match contains,
and leaving the others out never changes what a notice reads."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.errors import RuleFileError
from compliance.terms.needles import TABLE, fold, needle_groups, needles
from compliance.terms.notice import _read
from compliance.terms.patterns import PatternSet, builtin_pattern_sources, load_patterns

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = builtin_pattern_sources()
_FLAGS = re.IGNORECASE | re.MULTILINE


def test_a_literal_word_is_its_patterns_needle() -> None:
    assert needles(r"\bsyndication\s+desk\b") == ("syndication",)


def test_an_alternation_needs_a_needle_from_every_branch() -> None:
    found = needles(r"\b(?:reprint|republish|repost)ed\b")
    assert found == ("reposted", "reprinted", "republished")


def test_an_optional_character_between_literals_gives_both_spellings() -> None:
    assert needles(r"\bre-?publish") == ("re-publish", "republish")


def test_a_branch_with_no_certain_literal_leaves_the_pattern_unfiltered() -> None:
    assert needles(r"(?:republish|\w+)") is None


def test_an_optional_part_gives_no_needle() -> None:
    assert needles(r"(?:syndicated)?") is None


def test_the_words_around_an_optional_part_still_give_needles() -> None:
    assert needles(r"(?:syndicated\s+)?copies") == ("copies",)


def test_a_repeated_part_required_once_gives_its_needle() -> None:
    assert needles(r"(?:permission\s+)+") == ("permission",)


def test_the_longest_certain_word_is_chosen() -> None:
    assert needles(r"\bmay\s+be\s+republished\b") == ("republished",)


def test_needles_are_case_folded() -> None:
    assert needles(r"Weitergabe\s+GESTATTET") == ("weitergabe",)


def test_a_letter_that_folds_to_two_gives_its_folded_needle() -> None:
    assert needles(r"Straße") == ("strasse",)


def test_a_look_behind_gives_no_needle() -> None:
    assert needles(r"(?<!without\s)\bok\b") == ("ok",)


def test_a_look_ahead_gives_no_needle() -> None:
    assert needles(r"(?=republish)\w+") is None


def test_a_pattern_of_classes_only_has_no_needles() -> None:
    assert needles(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b") is None


def test_a_line_break_is_never_a_needle() -> None:
    assert needles("end\\n\\.\\nstart") is None


def test_an_invalid_pattern_has_no_needles_so_compiling_it_reports_the_error() -> None:
    assert needles("(unclosed") is None


def test_fold_keeps_together_every_pair_of_characters_ignorecase_matches() -> None:
    """Python's IGNORECASE matches two characters when their simple lowercase forms are equal or
    one is among the other's extra cases (``re._casefix``); `fold` must map both alike, or a
    needle would miss a match."""
    import _sre
    from re import _casefix  # type: ignore[attr-defined]

    classes: dict[int, set[int]] = {}
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        classes.setdefault(_sre.unicode_tolower(code), set()).add(code)
    parted = []
    for lower, members in classes.items():
        alike = {lower, *members, *_casefix._EXTRA_CASES.get(lower, ())}
        if len({fold(chr(c)) for c in alike}) > 1:
            parted.append(sorted(alike))
    assert parted == []


def test_fold_matches_turkish_i_to_i() -> None:
    assert fold("İSTANBUL") == fold("istanbul") == fold("ıstanbul")


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_of_a_builtin_pattern_holds_a_needle_of_each_set(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(BUILTIN))
    compiled = re.compile(source, _FLAGS)
    text = data.draw(st.from_regex(compiled))
    match = compiled.search(text)
    if match is None:
        return
    found = fold(match.group(0))
    for group in needle_groups(source) or ():
        assert any(n in found for n in group), (source, match.group(0), group)


def test_every_match_in_the_samples_holds_a_needle_of_each_set() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").rglob("*.md"))]
    checked = 0
    for source in BUILTIN:
        groups = needle_groups(source) or ()
        for text in texts:
            for match in re.finditer(source, text, _FLAGS):
                checked += 1
                found = fold(match.group(0))
                assert all(any(n in found for n in group) for group in groups), source
    assert checked > 50


def test_a_pattern_needs_a_needle_of_every_required_part() -> None:
    groups = needle_groups(r"\byou\s+may\s+republish\s+our\s+(?:stories|articles)\b")
    assert groups is not None and ("articles", "stories") in groups and ("republish",) in groups


def test_the_best_needle_set_is_one_of_the_sets() -> None:
    source = r"\bwe\s+encourage\s+outlets\s+to\s+(?:reprint|republish)\s+our\s+work\b"
    assert needles(source) in (needle_groups(source) or ())


def test_the_shipped_table_holds_every_builtin_pattern_as_parsed() -> None:
    shipped = json.loads(TABLE.read_text(encoding="utf-8"))
    fresh = {s: [list(g) for g in n] if n else None for s in BUILTIN for n in [needle_groups(s)]}
    assert shipped == fresh, "run `python -m compliance.terms.needles` to rewrite needles.json"


def _extra(tmp_path: Path, key: str, pattern: str, language: str = "xx") -> Path:
    path = tmp_path / f"{language}.yaml"
    path.write_text(
        f"language: {language}\nsignals:\n  {key}:\n    - '{pattern}'\n", encoding="utf-8"
    )
    return path


def test_a_pattern_the_table_does_not_hold_is_kept_for_a_text_holding_its_needle(
    tmp_path: Path,
) -> None:
    library = load_patterns([_extra(tmp_path, "grant", r"\bzezwalamy\s+na\b")], builtin=False)
    assert library.within("Zezwalamy na to.").signals["grant"]


def test_a_pattern_the_table_does_not_hold_is_left_out_for_a_text_without_its_needle(
    tmp_path: Path,
) -> None:
    library = load_patterns([_extra(tmp_path, "grant", r"\bzezwalamy\s+na\b")], builtin=False)
    assert library.within("The council met.").signals["grant"] == ()


NO_NEEDLE = "You may republish our stories for free."  # holds none of the patterns' words below


def test_a_look_behind_of_varying_width_is_reported_whatever_the_text(tmp_path: Path) -> None:
    path = _extra(tmp_path, "permission", r"(?<!not\s+)\bsubject\s+to\s+copyright\b")
    with pytest.raises(RuleFileError, match="look-behind"):
        _read(NO_NEEDLE, load_patterns([path]))


def test_a_contact_pattern_without_its_group_is_reported_whatever_the_text(
    tmp_path: Path,
) -> None:
    path = _extra(tmp_path, "contact", r"\bsyndication\s+desk\b", language="mul")
    with pytest.raises(RuleFileError, match="must capture"):
        _read(NO_NEEDLE, load_patterns([path]))


def test_a_blank_pattern_is_reported_whatever_the_text(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="empty pattern"):
        _read(NO_NEEDLE, load_patterns([_extra(tmp_path, "permission", "   ")]))


def test_a_text_keeps_only_the_patterns_whose_needles_it_holds() -> None:
    every = load_patterns()
    text = "The harbour council met on Tuesday to discuss the budget."
    kept = every.within(text).signals["grant"]
    assert len(kept) < len(every.signals["grant"]) / 4
    held = [needle_groups(p.pattern) for p in kept]
    assert all(all(any(x in fold(text) for x in g) for g in n or ()) for n in held)


def test_a_text_holding_a_needle_keeps_its_pattern() -> None:
    every = load_patterns()
    text = "Our stories may be republished for free."
    kept = every.within(text).signals["grant"]
    assert kept and all(p in every.signals["grant"] for p in kept)
    assert any("republish" in n for p in kept for n in needles(p.pattern) or ())


def _unfiltered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PatternSet, "within", lambda self, text: self)


NOTICES = [
    "You may republish this article for free as long as you credit Example News and link "
    "to the original.\n\nDo not edit the text.",
    "© 2024 Example News. All rights reserved. Reproduction only with written permission: "
    "syndication@example.org.",
    "Dieser Artikel steht unter einer Creative-Commons-Lizenz (CC BY-NC-ND 4.0). "
    "Weiterverbreitung gestattet.",
    "Reproducción permitida citando la fuente. Prohibido su uso comercial.",
    "Перепечатка разрешена при условии ссылки на источник.",
    "転載は自由です。出典を明記してください。",
    "İSTANBUL — Yeniden yayımlanabilir. This work is licensed under CC BY-SA 4.0.",
]


@pytest.mark.parametrize("text", [*NOTICES, ""])
def test_reading_with_needles_gives_what_every_pattern_gives(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load_patterns()
    with_needles = _read(text, library)
    _unfiltered(monkeypatch)
    assert _read(text, library) == with_needles


def test_every_sample_reads_the_same_with_needles(monkeypatch: pytest.MonkeyPatch) -> None:
    library = load_patterns()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").rglob("*.*"))]
    filtered = [_read(t, library) for t in texts]
    _unfiltered(monkeypatch)
    assert [_read(t, library) for t in texts] == filtered
    assert any(n.republishing for n in filtered)


def test_a_builtin_pattern_in_a_users_file_is_checked_there(tmp_path: Path) -> None:
    """The shipped needles serve the built-in files only: the same words under a key that needs
    a capture group are reported in a user's file whatever the text."""
    import yaml

    absent = fold(NO_NEEDLE)
    source = next(
        s for s in BUILTIN if "(?P<" not in s and all(n not in absent for n in needles(s) or ("",))
    )
    path = tmp_path / "mul.yaml"
    path.write_text(yaml.safe_dump({"language": "mul", "signals": {"contact": [source]}}))
    with pytest.raises(RuleFileError, match="must capture"):
        _read(NO_NEEDLE, load_patterns([path]))
