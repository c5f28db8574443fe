"""no_modification, disclose_changes and excerpt_limit: how much of the story, how changed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from checks_builders import (
    BODY,
    CLOSE,
    LEDE,
    MIDDLE,
    ORIGINAL_URL,
    attribution,
    context,
    doc,
    req,
    run,
    terms,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.checks import disclose_changes, excerpt_limit, no_modification
from compliance.model import CheckContext, Detect, Requirement
from compliance.similarity import compare

NO_EDITS = req("no_modification")
EDITED_MIDDLE = MIDDLE.replace("double the cost", "triple the cost")


def test_a_verbatim_copy_is_not_modified() -> None:
    assert run(no_modification, context(doc(BODY), NO_EDITS), NO_EDITS) == []


def test_changed_quotes_dashes_and_spacing_are_tolerated() -> None:
    styled = BODY.replace("fishermen's", "fishermen’s").replace(", while", " – while")
    styled = styled.replace("met again", "met  again")
    assert run(no_modification, context(doc(styled), NO_EDITS), NO_EDITS) == []


def test_a_changed_word_is_shown_side_by_side() -> None:
    ctx = context(doc(f"{LEDE}\n\n{EDITED_MIDDLE}\n\n{CLOSE}"), NO_EDITS)
    [finding] = run(no_modification, ctx, NO_EDITS)
    assert finding.outcome == "modified"
    copy_side, original_side = finding.evidence
    assert (copy_side.document, original_side.document) == ("copy", "original")
    assert "triple" in copy_side.snippet and "double" in original_side.snippet


def test_a_left_out_paragraph_is_reported() -> None:
    ctx = context(doc(f"{LEDE}\n\n{CLOSE}"), NO_EDITS)
    [finding] = run(no_modification, ctx, NO_EDITS)
    assert finding.outcome == "omitted"
    assert finding.evidence[0].snippet.startswith("The union says")


def test_the_originals_footer_lines_are_not_omissions() -> None:
    ctx = context(doc(BODY), NO_EDITS)
    assert "Copyright" in ctx.original.text
    assert run(no_modification, ctx, NO_EDITS) == []


def test_relative_time_edits_pass_only_when_tolerated() -> None:
    retimed = BODY.replace("on Tuesday", "yesterday")
    strict = context(doc(retimed), NO_EDITS)
    lenient_rule = req(
        "no_modification", tolerance=["whitespace", "punctuation", "quotes", "relative_time"]
    )
    lenient = context(doc(retimed), lenient_rule)
    assert [f.outcome for f in run(no_modification, strict, NO_EDITS)] == ["modified"]
    assert run(no_modification, lenient, lenient_rule) == []


def test_a_changed_headline_counts_only_when_the_terms_say_so() -> None:
    counted = req("no_modification", headline=True)
    copy = doc(BODY, title="Fishermen fight port over fees")
    assert run(no_modification, context(copy, NO_EDITS), NO_EDITS) == []
    [finding] = run(no_modification, context(copy, counted), counted)
    assert finding.outcome == "headline-changed"
    assert finding.fix == "use the original headline: Harbour talks resume"


DISCLOSE = req("disclose_changes")
EDITED = f"{LEDE}\n\n{EDITED_MIDDLE}\n\n{CLOSE}"


def test_an_unedited_copy_needs_no_disclosure() -> None:
    assert run(disclose_changes, context(doc(BODY), DISCLOSE), DISCLOSE) == []


def test_an_edited_copy_without_a_disclosure_fails() -> None:
    [finding] = run(disclose_changes, context(doc(EDITED), DISCLOSE), DISCLOSE)
    assert finding.outcome == "undisclosed-edits"
    assert "triple" in finding.evidence[0].snippet


def test_an_edited_copy_that_says_so_passes() -> None:
    for note in (
        "Additional reporting by Ben Ruiz.",
        "Published with edits by the Coast Courier.",
        "Changes were made to the original.",
        "Adapted from Meridian Review.",
        "This article has been edited for length.",
    ):
        ctx = context(doc(f"{EDITED}\n\n{note}"), DISCLOSE)
        assert run(disclose_changes, ctx, DISCLOSE) == [], note


def test_an_abridged_copy_is_edited_too() -> None:
    ctx = context(doc(f"{LEDE}\n\n{CLOSE}"), DISCLOSE)
    [finding] = run(disclose_changes, ctx, DISCLOSE)
    assert "1 omitted paragraph" in finding.message


EXCERPT = req("excerpt_limit", max_words=40)
READ_MORE = f"[Read the full article]({ORIGINAL_URL})"


def test_a_short_excerpt_with_a_read_more_link_passes() -> None:
    ctx = context(doc(f"{LEDE}\n\n{READ_MORE}"), EXCERPT)
    assert run(excerpt_limit, ctx, EXCERPT) == []


def test_copying_more_than_the_word_limit_fails() -> None:
    ctx = context(doc(f"{BODY}\n\n{READ_MORE}"), EXCERPT)
    [finding] = run(excerpt_limit, ctx, EXCERPT)
    assert finding.outcome == "over-limit"
    assert "limit 40" in finding.message


def test_copying_more_than_the_paragraph_limit_fails() -> None:
    rule = req("excerpt_limit", max_paragraphs=1)
    ctx = context(doc(f"{LEDE}\n\n{MIDDLE}\n\n{READ_MORE}"), rule)
    [finding] = run(excerpt_limit, ctx, rule)
    assert "2 paragraphs (limit 1)" in finding.message


def test_an_excerpt_without_a_read_more_link_fails() -> None:
    ctx = context(doc(f"{LEDE}\n\n[Meridian Review]({ORIGINAL_URL})"), EXCERPT)
    [finding] = run(excerpt_limit, ctx, EXCERPT)
    assert finding.outcome == "no-full-link"


def _aligned(copy: str, original: str, *rules: Requirement, **kwargs: Any) -> CheckContext:
    """A context whose passages come from the real aligner, which runs on across paragraphs."""
    ctx = context(doc(copy), *rules, original=doc(original), **kwargs)
    return replace(ctx, comparison=compare(original, copy))


def test_a_passage_running_on_into_different_credit_lines_is_not_an_edit() -> None:
    original = (
        f"{BODY}\n\nCopyright © Harbour Light, 2017\n\nShared under a Creative Commons licence."
    )
    copy = (
        f"{BODY}\n\nThis story first appeared in Harbour Light, under a Creative Commons licence."
    )
    ctx = _aligned(copy, original, NO_EDITS)
    assert ctx.comparison.passages[0].kind == "modified"
    assert run(no_modification, ctx, NO_EDITS) == []


def test_a_byline_written_differently_is_not_an_edit_of_the_story() -> None:
    author = attribution(author="Ana Ruiz")
    copy, original = f"By Ana Ruiz, Harbour Light\n\n{BODY}", f"By Ana Ruiz\n\n{BODY}"
    ctx = _aligned(copy, original, NO_EDITS, attribution_=author)
    assert run(no_modification, ctx, NO_EDITS) == []


def test_an_edit_next_to_the_credit_lines_is_still_an_edit() -> None:
    original = f"{BODY}\n\nCopyright © Harbour Light, 2017"
    copy = f"{BODY.replace('independent survey', 'quick survey')}\n\nSource: Harbour Light"
    [finding] = run(no_modification, _aligned(copy, original, NO_EDITS), NO_EDITS)
    assert finding.outcome == "modified"


def test_the_publishers_own_disclaimer_is_not_an_omitted_paragraph() -> None:
    disclaimer = "Meridian Review is a member-funded newsroom covering the northern coast."
    phrase = "member-funded newsroom covering the northern coast"
    house = terms(NO_EDITS, detect=Detect(phrases=(phrase,)))
    ctx = context(doc(BODY), original=doc(f"{BODY}\n\n{disclaimer}"), terms_=house)
    assert run(no_modification, ctx, NO_EDITS) == []


def test_disclosure_can_leave_omissions_to_an_excerpt_limit() -> None:
    excerpt = doc(f"{LEDE}\n\n{CLOSE}")
    excerpts_allowed = req("disclose_changes", omissions=False)
    assert run(disclose_changes, context(excerpt, excerpts_allowed), excerpts_allowed) == []
    strict = req("disclose_changes")
    [finding] = run(disclose_changes, context(excerpt, strict), strict)
    assert finding.outcome == "undisclosed-edits"


def test_typographic_quotes_and_dashes_fold_to_ascii_and_nothing_else_changes() -> None:
    from compliance.checks._text import fold_quotes

    assert fold_quotes("«Le “port” — l’été» −2 ‚a‛ ″ ′") == '"Le "port" - l\'été" -2 \'a\' " \''


def test_texts_differing_only_by_tolerated_edits_in_one_paragraph_read_the_same() -> None:
    from compliance.checks._text import reads_same

    before = "\n\n".join([LEDE, MIDDLE, CLOSE])
    after = "\n\n".join([LEDE, MIDDLE.replace(" ", "  "), CLOSE])
    assert reads_same(before, after, ("whitespace",))


def test_an_untolerated_edit_between_unchanged_paragraphs_is_a_change() -> None:
    from compliance.checks._text import reads_same

    before = "\n\n".join([LEDE, MIDDLE, CLOSE])
    after = "\n\n".join([LEDE, EDITED_MIDDLE, CLOSE])
    assert not reads_same(before, after, ("whitespace", "punctuation", "quotes"))


def test_paragraphs_swapped_are_a_change_whatever_the_tolerance() -> None:
    from compliance.checks._text import reads_same

    before = "\n\n".join([LEDE, MIDDLE, CLOSE])
    after = "\n\n".join([MIDDLE, LEDE, CLOSE])
    assert not reads_same(before, after, ("whitespace", "punctuation", "quotes", "style"))


def test_two_paragraphs_joined_into_one_differ_only_in_whitespace() -> None:
    from compliance.checks._text import reads_same

    before = "\n\n".join([LEDE, MIDDLE, CLOSE])
    after = "\n\n".join([LEDE + " " + MIDDLE, CLOSE])
    assert reads_same(before, after, ("whitespace",))
    assert not reads_same(before, after, ())


def test_a_re_paragraphing_that_lines_up_with_a_repeated_paragraph_reads_the_same() -> None:
    from compliance.checks._text import reads_same

    before = "Police said.\n\nNo one was hurt. Police said."
    after = "Police said. No one was hurt.\n\nPolice said."
    assert reads_same(before, after, ["whitespace"])


def test_an_inserted_empty_paragraph_is_a_change_when_spacing_is_not_tolerated() -> None:
    from compliance.checks._text import reads_same

    assert not reads_same("p\n\nq", "p\n\n\n\nq", [])
    assert reads_same("p\n\nq", "p\n\n\n\nq", ["whitespace"])


def test_no_tolerated_fold_reaches_across_a_blank_line() -> None:
    from compliance.checks._text import normalise_for

    assert normalise_for("rose 5 per\n\ncent", ["style"]) == "rose 5 per\n\ncent"


_PARAGRAPH = st.lists(
    st.sampled_from(
        ["Police said.", "no one", "per cent", "%", "this", "week", "\u201cA\u201d", ""]
    ),
    max_size=3,
).map(" ".join)
_TEXT = st.lists(_PARAGRAPH, min_size=1, max_size=4).map("\n\n".join)
_TOLERANCE = st.sets(
    st.sampled_from(["whitespace", "punctuation", "quotes", "style", "relative_time"])
)


@given(_TEXT, _TEXT, _TOLERANCE)
@settings(max_examples=400, deadline=None)
def test_reading_the_same_is_folding_the_whole_texts_alike(
    before: str, after: str, tolerance: set[str]
) -> None:
    from compliance.checks._text import normalise_for, reads_same

    whole = normalise_for(before, tolerance) == normalise_for(after, tolerance)
    assert reads_same(before, after, tolerance) == whole
