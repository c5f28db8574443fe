"""Fair use: four factors read from measured figures, weighed into one overall reading."""

from __future__ import annotations

from dataclasses import replace

import pytest
from checks_builders import BODY, LEDE, context, doc, terms

from compliance.errors import ConfigError
from compliance.fairuse import FairUseThresholds, assess, lede_taken
from compliance.model import CheckContext
from compliance.similarity import compare

MORE = [
    "Harbour master Rui Lopes said the walls had not been surveyed since the storm of 2009 and "
    "that two sections already showed cracks wide enough to see through at low tide.",
    "Several skippers told the meeting that they had moved their boats to the marina across the "
    "bay, where the fees are lower but the berths are too shallow for the larger trawlers.",
    "The regional council has so far declined to fund the repairs, saying the harbour is run by "
    "an independent authority that must balance its own books like any other company.",
    "Fish merchants in the market hall say the dispute has already cut the morning catch by a "
    "third and pushed up the price of sardines at the height of the tourist season.",
    "A spokeswoman for the authority said it remained open to a phased increase spread over "
    "three years, provided the union accepted that some increase could not be avoided.",
    "The union's assembly will vote on Friday on whether to accept the survey proposal, and its "
    "leaders have said they will recommend a yes if the fee freeze continues until it reports.",
    "Neither side would say what would happen if the survey found the walls in worse condition "
    "than feared, though both agreed that closing the harbour was not an option anyone wanted.",
]
LONG = "\n\n".join([BODY, *MORE])
COMMENT = (
    "Our town has argued about its harbour for as long as anyone can remember, and this week's "
    "talks are only the latest chapter in a story of neglect, stubbornness and missed chances. "
    "What strikes this columnist is how little either side has said about the people who live "
    "along the waterfront and whose homes would flood first if the walls gave way one winter."
)
QUOTE = "the union says the new fees would double the cost of a season for small boats"


def assessed(
    copy_text: str, *, venue: str | None = "community", creative: bool = False
) -> tuple[CheckContext, str]:
    original = doc(LONG)
    ctx = context(
        doc(copy_text),
        original=original,
        venue=venue,
        terms_=terms(licensed=False, nature="creative" if creative else "factual"),
    )
    ctx = replace(ctx, comparison=compare(original.text, ctx.copy.text))
    return ctx, assess(ctx).overall


def readings(ctx: CheckContext, thresholds: FairUseThresholds | None = None) -> dict[str, str]:
    return {f.name: f.reading for f in assess(ctx, thresholds).factors}


COMMENTARY = f"{COMMENT}\n\nAs one report put it, {QUOTE}.\n\n{COMMENT}"


def test_a_short_quote_inside_new_commentary_is_likely_fair_use() -> None:
    ctx, overall = assessed(COMMENTARY)
    assert overall == "likely-fair-use"
    assert readings(ctx)["amount"] == "favours-fair-use"
    assert readings(ctx)["transformation"] == "favours-fair-use"


def test_a_whole_article_on_a_commercial_site_is_unlikely_fair_use() -> None:
    ctx, overall = assessed(LONG, venue="commercial")
    assert overall == "unlikely"
    assert readings(ctx) == {
        "purpose": "against-fair-use",
        "nature": "favours-fair-use",
        "amount": "against-fair-use",
        "transformation": "against-fair-use",
    }


def test_taking_the_lede_keeps_the_amount_from_favouring_fair_use() -> None:
    ctx, overall = assessed(f"{COMMENT}\n\n{LEDE}\n\n{COMMENT}")
    assert lede_taken(ctx)
    assert readings(ctx)["amount"] == "neutral"
    assert overall == "needs-review"


def test_the_amount_factor_reports_its_figures() -> None:
    ctx, _ = assessed(COMMENTARY)
    amount = next(f for f in assess(ctx).factors if f.name == "amount")
    assert amount.figures["lede_taken"] is False
    assert 0 < float(amount.figures["share_copied"]) <= 0.10
    assert amount.figures["longest_run_words"] == ctx.comparison.longest_run


@pytest.mark.parametrize(
    ("venue", "reading"),
    [
        ("community", "favours-fair-use"),
        ("nonprofit", "favours-fair-use"),
        ("commercial", "against-fair-use"),
        ("print", "against-fair-use"),
        (None, "neutral"),
    ],
)
def test_purpose_follows_the_venue(venue: str | None, reading: str) -> None:
    ctx, _ = assessed(COMMENTARY, venue=venue)
    assert readings(ctx)["purpose"] == reading


def test_creative_work_weighs_against_fair_use() -> None:
    ctx, _ = assessed(COMMENTARY, creative=True)
    assert readings(ctx)["nature"] == "against-fair-use"


def test_thresholds_move_the_readings() -> None:
    ctx, _ = assessed(COMMENTARY)
    strict = FairUseThresholds(small_share=0.0, max_share=0.01)
    assert readings(ctx, strict)["amount"] == "against-fair-use"


def test_the_assessment_says_it_is_not_legal_advice() -> None:
    ctx, _ = assessed(COMMENTARY)
    assert "not legal advice" in assess(ctx).note


def test_thresholds_come_from_a_config_mapping() -> None:
    assert FairUseThresholds.from_dict({"max_share": 0.4, "max_run": 80}) == FairUseThresholds(
        max_share=0.4, max_run=80
    )
    assert FairUseThresholds.from_dict({}) == FairUseThresholds()


def test_an_unknown_threshold_name_is_a_config_error_naming_it() -> None:
    with pytest.raises(ConfigError, match="unknown fair_use threshold 'max_shar'"):
        FairUseThresholds.from_dict({"max_shar": 0.2}, source="compliance.yaml")


def test_a_share_above_one_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="'max_share' must be a share from 0 to 1"):
        FairUseThresholds.from_dict({"max_share": 25})
