"""Passage alignment: what a syndication desk needs to see, in both documents."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import itertools
import random
from typing import Any

import pytest

from compliance.similarity import params
from compliance.similarity.align import AlignParams, align
from compliance.similarity.shingles import words

PARAS = [
    "The harbour authority in Port Elwyn confirmed on Monday that dredging of the northern "
    "channel will begin in early spring, after three years of delays caused by funding disputes "
    "between the regional council and the shipping cooperative.",
    "Residents living along the estuary have raised concerns about noise from the night shifts, "
    "and a petition signed by more than four hundred households asks the contractor to pause "
    "work between midnight and six in the morning during the breeding season of local birds.",
    "Engineers expect the deeper channel to let container vessels twice the current size reach "
    "the inner docks, which the cooperative says could bring two hundred permanent jobs to a "
    "town that lost its fish processing plant a decade ago.",
    "A public meeting is planned for the last Thursday of the month at the old customs house, "
    "where officials will present the environmental survey and answer questions from fishermen "
    "who fear that silt from the works will smother the oyster beds near the lighthouse.",
]
ORIGINAL = "\n\n".join(PARAS)

OTHER = (
    "Volunteers at the mountain library spent the weekend cataloguing a donated collection of "
    "railway timetables, postcards and engineering drawings from the early twentieth century. "
    "The librarian hopes a grant will pay for scanning the most fragile maps before winter, so "
    "that schools across the valley can use them in history lessons about the old branch lines."
)


def _slice(text: str, span: object) -> str:
    return text[span.start : span.end]  # type: ignore[attr-defined]


def _norm(text: str) -> list[str]:
    return [t for t, _, _ in words(text)]


def test_identical_texts_align_as_one_verbatim_passage() -> None:
    (p,) = align(ORIGINAL, ORIGINAL)
    assert p.kind == "verbatim"
    assert (p.original.start, p.original.end) == (0, len(ORIGINAL))
    assert (p.copy.start, p.copy.end) == (0, len(ORIGINAL))


def test_offsets_slice_the_same_words_in_both_documents() -> None:
    copy = "Local news in brief.\n\n" + PARAS[2] + "\n\nMore on the weather tomorrow."
    (p,) = align(ORIGINAL, copy)
    assert _slice(ORIGINAL, p.original) == PARAS[2]
    assert _slice(copy, p.copy) == PARAS[2]


def _covered(text: str, spans: list[tuple[int, int]], part: str) -> bool:
    start = text.index(part)
    return any(s <= start and start + len(part) <= e for s, e in spans)


def test_every_paragraph_of_a_shuffled_copy_lies_inside_a_passage() -> None:
    copy = "\n\n".join([PARAS[3], PARAS[1], PARAS[0], PARAS[2]])
    in_copy = [(p.copy.start, p.copy.end) for p in align(ORIGINAL, copy)]
    for para in PARAS:
        assert _covered(copy, in_copy, para)


def test_swapped_paragraphs_split_into_verbatim_passages() -> None:
    copy = "\n\n".join([PARAS[1], PARAS[0]])
    passages = align(ORIGINAL, copy)
    assert [(p.kind, _slice(copy, p.copy)) for p in passages] == [
        ("verbatim", PARAS[1]),
        ("verbatim", PARAS[0]),
    ]
    assert [_slice(ORIGINAL, p.original) for p in passages] == [PARAS[1], PARAS[0]]


def test_whitespace_quote_and_dash_changes_stay_verbatim() -> None:
    original = "“It was a long winter,” the mayor said — and the roads were closed. " + PARAS[0]
    copy = '"It was a long   winter," the mayor said -- and the roads\nwere closed. ' + PARAS[0]
    (p,) = align(original, copy)
    assert p.kind == "verbatim"
    assert p.score == 100.0


def test_a_copy_wrapped_in_site_navigation_aligns_only_the_article() -> None:
    nav = "Home | World | Business | Sport | Culture | Subscribe | Log in\n\n"
    footer = "\n\nShare this: Facebook Twitter Email\n\nRelated stories\n\nContact us | Privacy"
    copy = nav + ORIGINAL + footer
    (p,) = align(ORIGINAL, copy)
    assert p.kind == "verbatim"
    assert _slice(copy, p.copy) == ORIGINAL


def test_an_edited_copy_aligns_as_modified_with_a_lower_score() -> None:
    edited = PARAS[1].replace("more than four hundred", "over 400").replace("pause", "halt")
    (p,) = align(ORIGINAL, edited)
    assert p.kind == "modified"
    assert 55.0 <= p.score < 100.0
    assert _slice(ORIGINAL, p.original).startswith("Residents living")


def test_unrelated_text_gives_no_passages() -> None:
    assert align(ORIGINAL, OTHER) == []


def test_empty_texts_give_no_passages() -> None:
    assert align("", ORIGINAL) == []
    assert align(ORIGINAL, "") == []


def test_a_quoted_excerpt_inside_a_new_article_is_found() -> None:
    copy = OTHER + "\n\nAs one report put it: " + PARAS[2] + "\n\n" + OTHER
    (p,) = align(ORIGINAL, copy)
    assert _norm(_slice(copy, p.copy)) == _norm(PARAS[2])


def test_a_5000_word_original_wrapped_in_page_furniture_is_one_verbatim_passage() -> None:
    rng = random.Random(7)
    vocabulary = [f"word{n}" for n in range(3000)] + ["the", "of", "and", "a", "to", "in"] * 300
    long_original = " ".join(rng.choice(vocabulary) for _ in range(5000))
    copy = "Menu\n\n" + long_original + "\n\nFooter"
    (p,) = align(long_original, copy)
    assert p.kind == "verbatim"
    assert p.words == 5000


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("shingle_k", 0),
        ("seed_k", 0),
        ("min_seeds", 0),
        ("min_words", 0),
        ("max_occurrences", 0),
        ("seed_gap", -1),
        ("merge_gap", -1),
        ("min_score", 101.0),
        ("min_score", -1.0),
        ("leftover_score", 101.0),
        ("summary_whole", 1.5),
        ("extend_cost", -0.1),
        ("max_depth", -1),
        ("summary_seeds", 0),
    ],
)
def test_bad_params_raise_value_error_naming_the_field(field: str, value: float) -> None:
    settings: dict[str, Any] = {field: value}
    with pytest.raises(ValueError, match=field):
        AlignParams(**settings)


@pytest.mark.parametrize("field", ["min_matched", "min_score", "summary_whole", "seed_gap"])
@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_non_finite_param_is_refused_as_not_a_finite_number(field: str, value: float) -> None:
    settings: dict[str, Any] = {field: value}
    with pytest.raises(ValueError, match=f"AlignParams.{field} must be a finite number"):
        AlignParams(**settings)


def test_a_heading_the_original_repeats_stays_outside_the_passage() -> None:
    body = PARAS[2] + "\n\n" + PARAS[3]
    original = PARAS[0] + "\n\nDeeper Channel\nDeeper channel " + body + "\n\n" + PARAS[1]
    copy = OTHER + " Deeper channel " + body.replace("permanent", "lasting") + "\n\n" + OTHER[::-1]
    (p,) = align(original, copy)
    assert original[p.original.start :].startswith("Deeper channel Engineers")
    assert _norm(_slice(original, p.original))[:3] == _norm(_slice(copy, p.copy))[:3]


def test_words_only_one_side_has_at_a_passage_end_are_cut() -> None:
    original = PARAS[0] + "\n\n" + PARAS[1] + " Birds nest along the estuary every spring."
    copy = PARAS[0] + "\n\n" + PARAS[1].replace("households", "homes") + "\n\n" + OTHER
    (p,) = align(original, copy)
    assert _slice(original, p.original).endswith("local birds.")
    assert _slice(copy, p.copy).endswith("local birds.")


def _reword(text: str) -> str:
    """Every third word replaced, as machine obfuscation does."""
    swap = ["plainly", "yonder", "indeed", "brisk", "quietly", "sundry"]
    return " ".join(swap[i % 6] if i % 3 == 1 else w for i, w in enumerate(text.split()))


def test_a_reworded_stretch_with_its_paragraphs_reordered_is_one_passage() -> None:
    mixed = " ".join(_reword(p) for p in [PARAS[3], PARAS[1], PARAS[2]])
    start = len(OTHER) + 2
    copy = f"{OTHER}\n\n{mixed}\n\n{OTHER[::-1]}"
    (p,) = align(ORIGINAL, copy)
    assert p.kind == "modified"
    assert p.copy.start - start < 15 and p.copy.end == start + len(mixed)
    assert p.original.start == len(PARAS[0]) + 2
    assert len(ORIGINAL) - p.original.end < 15


def test_a_verbatim_copy_that_leaves_out_lines_is_reported_as_verbatim_pieces() -> None:
    dateline = "PORT ELWYN, Harbour Desk, 3 March 2024"
    donate = "If you value local reporting please give a small monthly donation to keep us free"
    original = f"{PARAS[0]}\n\n{dateline}\n\n{PARAS[1]}\n\n{PARAS[2]}\n\n{donate}\n\n{PARAS[3]}"
    copy = f"{PARAS[0]}\n\n{PARAS[1]}\n\n{PARAS[2]}\n\n{PARAS[3]}"
    passages = align(original, copy)
    assert [p.kind for p in passages] == ["verbatim"] * 3
    assert [_slice(copy, p.copy) for p in passages] == [
        PARAS[0],
        f"{PARAS[1]}\n\n{PARAS[2]}",
        PARAS[3],
    ]


def test_a_copy_with_a_word_changed_here_and_there_stays_one_modified_passage() -> None:
    copy = ORIGINAL.replace("confirmed", "said").replace("petition", "letter")
    (p,) = align(ORIGINAL, copy)
    assert p.kind == "modified"
    assert (p.copy.start, p.copy.end) == (0, len(copy))


def test_every_align_param_is_documented_where_it_is_defined() -> None:
    body = next(
        node.body
        for node in ast.parse(inspect.getsource(params)).body
        if isinstance(node, ast.ClassDef) and node.name == "AlignParams"
    )
    documented = {
        field.target.id
        for field, doc in itertools.pairwise(body)
        if isinstance(field, ast.AnnAssign)
        and isinstance(field.target, ast.Name)
        and isinstance(doc, ast.Expr)
        and isinstance(doc.value, ast.Constant)
        and isinstance(doc.value.value, str)
    }
    assert {f.name for f in dataclasses.fields(AlignParams)} == documented
