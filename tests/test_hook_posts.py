"""Which files the hook checks, and what a post's front matter declares about its original."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.config import ProjectConfig
from compliance.documents import load_bytes
from compliance.documents.markdown import body_line, split_front_matter
from compliance.errors import ConfigError, InputError
from compliance.hook import Declared, declared, run, select_posts


def _chosen(globs: list[str], *paths: str) -> list[str]:
    return [p.as_posix() for p in select_posts([Path(p) for p in paths], globs)]


def test_double_star_glob_matches_posts_at_any_depth() -> None:
    chosen = _chosen(
        ["content/**/*.md"], "content/a.md", "content/2023/11/a.md", "themes/content/a.md"
    )
    assert chosen == ["content/a.md", "content/2023/11/a.md"]


def test_single_star_glob_stays_within_one_folder() -> None:
    assert _chosen(["posts/*.md"], "posts/a.md", "posts/drafts/a.md") == ["posts/a.md"]


def test_a_bracket_in_a_glob_is_a_character_class_as_in_scan() -> None:
    chosen = _chosen(
        ["posts/[ab]*.md"], "posts/a1.md", "posts/b2.md", "posts/c3.md", "posts/[ab].md"
    )
    assert chosen == ["posts/a1.md", "posts/b2.md"]


def test_a_glob_without_a_folder_is_anchored_at_the_project_root() -> None:
    assert _chosen(["*.md"], "a.md", "posts/b.md") == ["a.md"]


def test_a_negated_glob_takes_files_back_out() -> None:
    chosen = _chosen(
        ["content/**/*.md", "!content/drafts/**"], "content/a.md", "content/drafts/b.md"
    )
    assert chosen == ["content/a.md"]


def test_a_list_of_exclusions_only_takes_files_out_of_the_default_globs() -> None:
    chosen = _chosen(["!drafts/**"], "posts/a.md", "drafts/b.md", "notes.txt")
    assert chosen == ["posts/a.md"]


def test_a_path_outside_the_project_is_matched_as_given(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "a.md"
    assert select_posts([outside], ["**/*.md"], tmp_path / "project") == [outside]


def test_select_posts_keeps_only_files_matching_the_globs(tmp_path: Path) -> None:
    paths = [tmp_path / "content/a.md", tmp_path / "README.md", tmp_path / "content/b.html"]
    chosen = select_posts(paths, ["content/**/*.md", "content/**/*.html"], tmp_path)
    assert chosen == [paths[0], paths[2]]


def test_select_posts_defaults_to_markdown_and_html_anywhere() -> None:
    paths = [Path("a.md"), Path("x/b.htm"), Path("setup.py"), Path("a.md")]
    assert select_posts(paths) == [Path("a.md"), Path("x/b.htm")]


def test_yaml_front_matter_is_parsed_and_the_body_line_follows_it() -> None:
    raw = "---\ntitle: T\noriginal_url: https://example.org/a\n---\n\nBody\n"
    data, _ = split_front_matter(raw, "posts/a.md")
    assert data == {"title": "T", "original_url": "https://example.org/a"}
    assert raw.split("\n")[body_line(raw) - 1] == ""
    assert raw.split("\n")[body_line(raw)] == "Body"


def test_toml_front_matter_is_parsed_and_left_out_of_the_body() -> None:
    raw = '+++\ntitle = "T"\nsource = "https://example.org/a"\n+++\nBody\n'
    data, body = split_front_matter(raw, "posts/a.md")
    assert data["source"] == "https://example.org/a"
    assert body == "Body\n"
    assert raw.split("\n")[body_line(raw) - 1] == "Body"


def _html_post(head: str, prolog: str = "") -> Declared:
    """What an HTML post declares, loaded as the hook loads it, under the default keys."""
    raw = f"{prolog}<html><head>{head}</head><body><p>A post.</p></body></html>"
    return declared(load_bytes(raw.encode("utf-8"), "posts/a.html").meta.front_matter)


def test_html_meta_tags_serve_as_declarations() -> None:
    found = _html_post('<meta name="original_url" content="https://example.org/a">')
    assert found.url == "https://example.org/a"


def test_html_meta_content_before_name_is_still_a_declaration() -> None:
    found = _html_post("<meta content='https://example.org/a' name='original_url'>")
    assert found.url == "https://example.org/a"


def test_html_meta_names_match_the_configured_keys_in_any_case() -> None:
    raw = '<html><head><META NAME="License" CONTENT="cc-by-4.0"></head><body>x</body></html>'
    front = load_bytes(raw.encode("utf-8"), "posts/a.html").meta.front_matter
    assert declared(front, {"license": "License"}).license == "cc-by-4.0"


def test_an_xhtml_post_with_an_xml_declaration_keeps_its_meta_declarations() -> None:
    found = _html_post(
        '<meta name="original_url" content="https://example.org/a"/>',
        prolog='<?xml version="1.0" encoding="utf-8"?>\n',
    )
    assert found.url == "https://example.org/a"


def test_a_post_without_front_matter_declares_nothing() -> None:
    assert split_front_matter("Just a post.\n", "posts/a.md") == ({}, "Just a post.\n")
    assert body_line("Just a post.\n") == 1


def test_invalid_yaml_front_matter_is_an_input_error_naming_the_file() -> None:
    with pytest.raises(InputError, match="not valid YAML") as info:
        split_front_matter("---\ntitle: [unclosed\n---\nBody\n", "posts/a.md")
    assert str(info.value).startswith("posts/a.md: ")


def test_invalid_toml_front_matter_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not valid TOML"):
        split_front_matter('+++\ntitle = "unclosed\n+++\nBody\n', "posts/a.md")


def test_declared_reads_the_default_keys() -> None:
    claim = declared({"original_url": "https://e.org/a", "source": "E", "license": "cc-by-4.0"})
    assert (claim.url, claim.source, claim.license) == ("https://e.org/a", "E", "cc-by-4.0")


def test_declared_follows_keys_renamed_in_the_config() -> None:
    claim = declared({"canonical_source": "https://e.org/a"}, {"original_url": "canonical_source"})
    assert claim.url == "https://e.org/a"


def test_a_source_that_is_a_url_declares_the_original_url() -> None:
    assert declared({"source": "https://e.org/a"}).url == "https://e.org/a"


def test_a_source_mapping_contributes_its_url() -> None:
    assert declared({"source": {"name": "E", "url": "https://e.org/a"}}).url == "https://e.org/a"


def test_blank_values_declare_nothing() -> None:
    assert not declared({"original_url": "  ", "source": None}).any


def test_a_bad_glob_in_a_config_built_in_code_is_a_config_error(tmp_path: Path) -> None:
    config = ProjectConfig(root=tmp_path, files=("[z-a].md",))
    with pytest.raises(ConfigError, match=r"'\[z-a\]\.md' is not a valid glob"):
        run([tmp_path / "a.md"], config)
