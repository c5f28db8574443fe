"""Command-line patterns follow .gitignore rules (pathspec), the same on every platform."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.errors import InputError
from compliance.index.inputs import expand_inputs

FILES = (
    "posts/a.md",
    "posts/2024/b.md",
    "posts/2024/03/c.md",
    "posts/2024/03/notes.xml",
    "posts/.drafts/d.md",
    "posts/cat.html",
    "posts/cot.html",
    "posts/cut.txt",
    "pages/e.md",
)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in FILES:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Some words.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def names(pattern: str) -> list[str]:
    return [Path(p).as_posix() for p in expand_inputs([pattern])]


def test_double_star_spans_any_number_of_folders_none_included(tree: Path) -> None:
    assert names("posts/**/*.md") == ["posts/2024/03/c.md", "posts/2024/b.md", "posts/a.md"]


def test_a_single_star_stays_inside_one_folder(tree: Path) -> None:
    assert names("posts/*.md") == ["posts/a.md"]


def test_a_leading_double_star_matches_from_the_working_folder_down(tree: Path) -> None:
    assert names("**/e.md") == ["pages/e.md"]


def test_a_character_class_matches_one_of_its_letters(tree: Path) -> None:
    assert names("posts/c[ao]t.html") == ["posts/cat.html", "posts/cot.html"]


def test_hidden_folders_are_skipped_unless_the_pattern_names_them(tree: Path) -> None:
    assert "posts/.drafts/d.md" not in names("posts/**/*.md")
    assert names("posts/.drafts/*.md") == ["posts/.drafts/d.md"]


def test_a_file_the_pattern_names_is_kept_whatever_its_suffix(tree: Path) -> None:
    assert names("posts/**/*.xml") == ["posts/2024/03/notes.xml"]


def test_a_matched_folder_gives_its_article_files_only(tree: Path) -> None:
    assert names("posts/20*") == ["posts/2024/03/c.md", "posts/2024/b.md"]


def test_an_absolute_pattern_gives_absolute_paths(tree: Path) -> None:
    assert expand_inputs([f"{tree}/pages/*.md"]) == [tree / "pages" / "e.md"]


def test_a_pattern_that_matches_nothing_is_an_input_error(tree: Path) -> None:
    with pytest.raises(InputError, match=r"^posts/\*\*/\*\.pdf: no files match this pattern"):
        expand_inputs(["posts/**/*.pdf"])


def test_a_pattern_that_is_not_a_valid_glob_is_an_input_error(tree: Path) -> None:
    with pytest.raises(InputError, match=r"^posts/\[z-a\]\*\.md: not a valid glob: bad character"):
        expand_inputs(["posts/[z-a]*.md"])
