"""A stretch of extracted text is found again in the raw file, across markup and line breaks."""

from __future__ import annotations

from compliance.documents.source_map import locate


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
