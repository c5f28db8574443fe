"""Count limits: a document holding more of anything than allowed is refused before parsing,
with one line naming the limit; what stays under them is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import compliance

from compliance.documents import DEFAULT_LIMITS, Limits, load_bytes
from compliance.documents.limits import check_limits
from compliance.errors import InputError


def refusal(text: str, fmt: str, limits: Limits) -> str:
    with pytest.raises(InputError) as info:
        check_limits(text, fmt, "doc", limits)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "fmt", "limits", "named"),
    [
        ("x" * 11, "text", Limits(characters=10), "characters"),
        ("a\nb\nc", "text", Limits(lines=2), "lines"),
        ("short\n" + "y" * 11, "text", Limits(line_length=10), "line_length"),
        ("<p>a</p>\n<p>b</p>\n<p>c</p>", "html", Limits(elements=2), "elements"),
        ('<a href="1">x</a> <a href="2">y</a>', "html", Limits(links=1), "links"),
        ("[x](1) and [y](2)", "markdown", Limits(links=1), "links"),
        ("<p " + " ".join(["on"] * 5000) + ">t</p>", "html", Limits(attributes=10), "attributes"),
    ],
    ids=["characters", "lines", "line-length", "elements", "html-links", "md-links", "attributes"],
)
def test_each_limit_is_named_with_how_to_raise_it(
    text: str, fmt: str, limits: Limits, named: str
) -> None:
    message = refusal(text, fmt, limits)
    assert message.startswith("doc: too many ")
    assert message.endswith(
        f"({named}); raise it with --limit {named}=N or 'limits: {{{named}: N}}' in compliance.yaml"
    )


def test_the_message_gives_the_count_and_the_limit() -> None:
    assert refusal("a\nb\nc", "text", Limits(lines=2)) == (
        "doc: too many lines: 3, above the limit of 2 (lines); "
        "raise it with --limit lines=N or 'limits: {lines: N}' in compliance.yaml"
    )


def test_plain_text_is_not_held_to_markup_limits() -> None:
    check_limits("<a x>" * 10, "text", "doc", Limits(elements=1, links=1))


def test_a_document_within_the_limits_is_read() -> None:
    doc = load_bytes(b"<p>One <a href='https://example.org/a'>link</a>.</p>", "ok.html")
    assert len(doc.links) == 1


def test_load_bytes_refuses_before_parsing() -> None:
    page = ("<p>" + "<a href='#'>x</a>" * 30 + "</p>\n").encode()
    with pytest.raises(InputError, match=r"^page\.html: too many links: 30, above the limit of 20"):
        load_bytes(page, "page.html", limits=Limits(links=20))


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="limit lines must be a positive integer"):
        Limits(lines=0)


def test_defaults_are_the_documented_ones() -> None:
    assert (DEFAULT_LIMITS.characters, DEFAULT_LIMITS.lines, DEFAULT_LIMITS.links) == (
        5_000_000,
        200_000,
        25_000,
    )


def test_cli_refuses_an_oversized_article_with_one_line_and_exit_2(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text("word " * 1_100_000, encoding="utf-8")
    original = tmp_path / "original.txt"
    original.write_text("A short original.", encoding="utf-8")
    done = compliance("check", copy, "--original", original)
    assert done.returncode == 2
    assert done.stderr == (
        f"compliance: error: {copy}: too many characters: 5,500,000, above the limit of "
        "5,000,000 (characters); raise it with --limit characters=N or "
        "'limits: {characters: N}' in compliance.yaml\n"
    )
