"""rules/README.md documents every kind from the code: the generated section is never stale."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from compliance.checks import KINDS
from compliance.checks.reference import kinds_section, main, with_kinds_section

README = Path(__file__).resolve().parents[1] / "rules" / "README.md"


def test_the_rules_readme_kinds_section_matches_the_check_params() -> None:
    text = README.read_text(encoding="utf-8")
    assert with_kinds_section(text) == text, (
        "rules/README.md is stale: run python -m compliance.checks.reference rules/README.md"
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_and_each_of_its_parameters_is_documented(kind: str) -> None:
    section = kinds_section()
    assert f"### `{kind}`" in section
    for f in fields(KINDS[kind].Params):
        assert f"| `{f.name}` |" in section


def test_regenerating_rewrites_only_the_marked_section(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    text = README.read_text(encoding="utf-8")
    start = text.index("### `credit_source`")
    readme.write_text(text[:start] + "stale words\n" + text[start + 40 :], encoding="utf-8")
    assert main([str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == text


def test_a_readme_without_the_markers_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Rules\n", encoding="utf-8")
    assert main([str(readme)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{readme}: the markers")
