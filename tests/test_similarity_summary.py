"""Summaries: a short passage that condenses a long original is reported as one passage."""

from __future__ import annotations

from pathlib import Path

from compliance.documents import load_path
from compliance.similarity.align import align

_TOPICS = [
    "harbour cranes unloaded timber",
    "village bakers sold rye loaves",
    "river ferries carried wool bales",
    "mountain shepherds sheared goats",
    "city printers set newspaper type",
    "coastal fishermen mended nets",
    "orchard farmers pressed cider apples",
    "railway workers laid iron sleepers",
    "glass blowers shaped green bottles",
    "forest rangers counted owl nests",
    "market weavers dyed linen scarves",
    "quarry masons split granite blocks",
]

OPENING = (
    "Every spring the old mill town of Harwick welcomes visitors who arrive by the northern road, "
    "curious about crafts that survived two centuries of change and several floods."
)
CLOSING = (
    "By late autumn the festival committee publishes its accounts, thanks the volunteers by name, "
    "and announces which workshop will open the following season to schoolchildren."
)


def _original() -> str:
    middle = [
        f"In the {n + 1}th district, {t} through the long season while visitors watched closely. "
        f"Records kept by clerk number {n + 7} note that {t.split()[1]} earned modest wages."
        for n, t in enumerate(_TOPICS)
    ]
    return "\n\n".join([OPENING, *middle, CLOSING])


def _summary() -> str:
    unrelated = "Our weekly column looks back at regional history with help from readers' letters."
    return "\n\n".join([unrelated, f"{OPENING} {CLOSING}", "Write to us with your memories."])


def test_a_summary_joining_the_first_and_last_lines_is_one_passage() -> None:
    original, copy = _original(), _summary()
    passages = align(original, copy)
    assert len(passages) == 1
    (p,) = passages
    assert p.original.start <= original.index(OPENING)
    assert p.original.end >= original.index(CLOSING) + len(CLOSING) - 1


def test_a_summary_passage_spans_far_more_of_the_original_than_of_the_copy() -> None:
    (p,) = align(_original(), _summary())
    assert p.original.length >= 2 * p.copy.length
    assert p.kind == "modified"


def test_a_copied_paragraph_of_a_long_article_stays_one_verbatim_passage() -> None:
    original = _original()
    copy = "A reader sent us this.\n\n" + OPENING + "\n\nThat is all for this week."
    (p,) = align(original, copy)
    assert p.kind == "verbatim"
    assert original[p.original.start : p.original.end].strip() == OPENING


def test_an_article_sharing_only_topic_words_gets_no_passage() -> None:
    copy = (
        "Harwick's mill town festival drew visitors to watch bakers, weavers and masons at work; "
        "the committee thanked volunteers and schoolchildren for their help this season."
    )
    assert align(_original(), copy) == []


def test_a_summary_over_much_of_the_original_covers_all_of_it() -> None:
    original = _original()
    middle = original.split("\n\n")[1:-1]
    copy = "\n\n".join(["Letters from readers.", f"{middle[1]} {middle[10]}", "More next week."])
    (p,) = align(original, copy)
    assert p.original.start <= original.index(OPENING)
    assert p.original.end >= original.index(CLOSING) + len(CLOSING) - 1


def test_swapped_paragraphs_of_a_copy_are_never_taken_for_a_summary() -> None:
    samples = Path(__file__).resolve().parents[1] / "samples" / "originals"
    names = ("meridian-flood-barriers.html", "northwind-port-strike.md", "terms-propublica.md")
    paras = [
        p for n in names for p in load_path(samples / n).text.split("\n\n") if len(p.split()) >= 12
    ]
    original = "\n\n".join(paras)
    for k in range(10):
        swapped = [*paras[:k], paras[k + 1], paras[k], *paras[k + 2 :]]
        for q in align(original, "\n\n".join(swapped)):
            assert q.original.length <= 1.5 * q.copy.length, f"swap {k}: {q}"
