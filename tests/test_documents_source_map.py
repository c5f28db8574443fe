"""A stretch of extracted text is found again in the raw file, across markup and line breaks."""

from __future__ import annotations

import pytest

from compliance.documents.source_map import locate, locate_span


def test_a_stretch_is_found_across_tags_and_entities() -> None:
    source = '<p>Copyright &copy; <a href="/a">Tomas Reyes</a>,\n  Meridian Observer</p>'
    start, end = locate(source, "Copyright © Tomas Reyes, Meridian Observer") or (0, 0)
    assert source[start:end].startswith("Copyright")
    assert source[start:end].endswith("Meridian Observer")


def test_a_long_stretch_ends_at_its_last_words() -> None:
    words = [f"word{i}" for i in range(40)]
    source = "---\ntitle: x\n---\n\n" + " ".join(words[:20]) + "\n\n" + " ".join(words[20:])
    start, end = locate(source, " ".join(words)) or (0, 0)
    assert source[start:end].startswith("word0") and source[start:end].endswith("word39")


def test_words_that_are_not_in_the_source_give_none() -> None:
    assert locate("<p>Something else entirely.</p>", "Copyright © Nobody") is None


def test_visible_text_is_preferred_to_the_title_tag() -> None:
    head = "<html><head><title>Flood barriers fail</title></head>\n"
    source = head + "<body>\n<h1>Flood barriers fail</h1>"
    start, _ = locate(source, "Flood barriers fail") or (0, 0)
    assert source[:start].count("\n") == 2


def test_visible_text_is_preferred_to_an_attribute() -> None:
    source = '<meta name="description" content="Towns vote on sirens">\n<p>Towns vote on sirens</p>'
    start, _ = locate(source, "Towns vote on sirens") or (0, 0)
    assert source[:start].count("\n") == 1


def test_visible_text_is_preferred_to_front_matter() -> None:
    source = "---\ntitle: Towns vote on sirens\n---\n\n# Towns vote on sirens\n"
    start, _ = locate(source, "Towns vote on sirens") or (0, 0)
    assert source[start - 2 : start] == "# "


def test_words_only_in_the_head_are_still_found() -> None:
    source = "<html><head><title>Only here</title></head><body><p>Body.</p></body></html>"
    start, end = locate(source, "Only here") or (0, 0)
    assert source[start:end] == "Only here"


def test_a_short_stretch_is_found_in_its_own_paragraph_not_its_first_occurrence() -> None:
    text = "By Meridian Observer staff\n\nThe original source of this article is Meridian Observer."
    source = (
        "<p>By <b>Meridian Observer</b> staff</p>\n"
        "<p>The original source of this article is Meridian Observer.</p>"
    )
    start = text.rindex("Meridian Observer")
    found = locate_span(source, text, start, start + len("Meridian Observer"))
    assert found is not None
    assert source[: found[0]].count("\n") == 1
    assert source[found[0] : found[1]] == "Meridian Observer"


@pytest.mark.timeout(20)
def test_markup_between_words_cannot_make_the_search_backtrack() -> None:
    # Each "<>" could be one tag or two non-word characters: 2**200 ways to fail, before.
    source = "alpha " + "<>" * 200 + " gamma"
    assert locate(source, "alpha beta") is None
