"""placement, proximity, tracking_pixel and media: where credits sit, what the page embeds."""

from __future__ import annotations

from checks_builders import BODY, CREDIT, HOME, ORIGINAL_URL, context, doc, original_doc, req, run

from compliance.checks import media, placement, proximity, tracking_pixel
from compliance.model import Media, Span

TOP = req("placement", where="top", element="source")
END = req("placement", where="end", element="source")
TOP_CREDIT = "Originally published by Harbour Light."
FILLER = "\n\n".join(["An unrelated paragraph the republisher wrote about the weather."] * 12)


def test_a_credit_above_the_story_is_at_the_top() -> None:
    ctx = context(doc(f"{TOP_CREDIT}\n\n{BODY}"), TOP)
    assert run(placement, ctx, TOP) == []


def test_a_credit_below_the_story_is_not_at_the_top() -> None:
    ctx = context(doc(f"{BODY}\n\n{FILLER}\n\n{TOP_CREDIT}"), TOP)
    [finding] = run(placement, ctx, TOP)
    assert finding.outcome == "misplaced"
    assert finding.evidence[0].snippet == "Harbour Light"


def test_a_credit_after_the_story_is_at_the_end() -> None:
    ctx = context(doc(f"{BODY}\n\n{TOP_CREDIT}"), END)
    assert run(placement, ctx, END) == []


def test_a_missing_credit_cannot_be_placed() -> None:
    ctx = context(doc(BODY), TOP)
    [finding] = run(placement, ctx, TOP)
    assert finding.outcome == "missing"


def test_the_template_credit_line_is_what_placement_looks_for() -> None:
    credit = req("credit_source", template="This story was originally published by {publisher}.")
    top = req("placement", where="top")
    line = "This story was originally published by Meridian Review."
    good = context(doc(f"{line}\n\n{BODY}"), credit, top)
    bad = context(doc(f"{BODY}\n\n{FILLER}\n\n{line}"), credit, top)
    assert run(placement, good, top) == []
    assert [f.outcome for f in run(placement, bad, top)] == ["misplaced"]


def test_a_template_credit_after_a_sharp_s_is_located_exactly() -> None:
    credit = req("credit_source", template="This story was originally published by {publisher}.")
    top = req("placement", where="top")
    line = "This story was originally published by Meridian Review."
    copy = f"Große Straße, große Maße.\n\n{BODY}\n\n{FILLER}\n\n{line}"
    [finding] = run(placement, context(doc(copy), credit, top), top)
    assert finding.evidence[0].snippet == line


TOGETHER = req("proximity", within_chars=200)


def test_source_copyright_and_link_together_pass() -> None:
    ctx = context(doc(f"{BODY}\n\n{CREDIT}"), TOGETHER)
    assert run(proximity, ctx, TOGETHER) == []


def test_a_credit_far_from_the_link_fails_with_the_distance() -> None:
    copy = (
        f"Source: Harbour Light. Copyright © Harbour Light, 2017\n\n{BODY}\n\n{FILLER}\n\n"
        f"[Read the original]({ORIGINAL_URL})"
    )
    ctx = context(doc(copy), TOGETHER)
    [finding] = run(proximity, ctx, TOGETHER)
    assert finding.outcome == "too-far"
    distance = int(finding.message.split(" are ")[1].split()[0])
    link_start = ctx.copy.text.index("Read the original")
    nearest_credit = "Copyright © Harbour Light"
    credit_end = ctx.copy.text.index(nearest_credit) + len(nearest_credit)
    assert distance == link_start - credit_end
    assert [e.note for e in finding.evidence][-1] == "link to the original"


def test_absent_elements_are_left_to_their_own_checks() -> None:
    ctx = context(doc(f"{BODY}\n\n[Home]({HOME})"), TOGETHER)
    assert run(proximity, ctx, TOGETHER) == []


def test_the_smallest_gap_is_found_among_many_occurrences() -> None:
    sources = [Span(i * 1000, i * 1000 + 10) for i in range(60)]
    copyrights = [Span(i * 1000 + 500, i * 1000 + 520) for i in range(60)]
    links = [Span(100_000 + i * 1000, 100_000 + i * 1000 + 30) for i in range(60)]
    sources.append(Span(250_000, 250_010))
    copyrights.append(Span(250_025, 250_040))
    links.append(Span(250_050, 250_070))
    distance, combo = proximity.closest([sources, copyrights, links])
    assert distance == 40
    assert combo == (Span(250_000, 250_010), Span(250_025, 250_040), Span(250_050, 250_070))


PIXEL = Media("pixel", "https://pixel.meridianreview.org/t.gif?id=5577", width=1, height=1)
PIXEL_REQ = req("tracking_pixel")


def test_a_copy_keeping_the_pixel_passes() -> None:
    ctx = context(doc(BODY, media=(PIXEL,)), PIXEL_REQ, original=original_doc(media=(PIXEL,)))
    assert run(tracking_pixel, ctx, PIXEL_REQ) == []


def test_a_copy_without_the_pixel_fails_with_the_tag_to_add() -> None:
    ctx = context(doc(BODY), PIXEL_REQ, original=original_doc(media=(PIXEL,)))
    [finding] = run(tracking_pixel, ctx, PIXEL_REQ)
    assert finding.outcome == "pixel-missing"
    assert PIXEL.src in finding.fix


def test_a_one_by_one_image_is_a_pixel_too() -> None:
    tiny = Media("image", "https://stats.meridianreview.org/b.png", width=1, height=1)
    ctx = context(doc(BODY), PIXEL_REQ, original=original_doc(media=(tiny,)))
    assert [f.outcome for f in run(tracking_pixel, ctx, PIXEL_REQ)] == ["pixel-missing"]


PHOTO = Media("image", "https://www.meridianreview.org/img/harbour-walls.jpg", alt="walls")
EMBED = Media("iframe", "https://video.example/embed/42")
NO_PHOTOS = req("media")


def test_a_copy_without_the_originals_photos_passes_when_images_are_excluded() -> None:
    own = Media("image", "https://repost.example/logo.png")
    ctx = context(doc(BODY, media=(own,)), NO_PHOTOS, original=original_doc(media=(PHOTO,)))
    assert run(media, ctx, NO_PHOTOS) == []


def test_reusing_an_unlicensed_photo_fails() -> None:
    rehosted = Media("image", "https://cdn.repost.example/up/harbour-walls.jpg")
    ctx = context(doc(BODY, media=(rehosted,)), NO_PHOTOS, original=original_doc(media=(PHOTO,)))
    [finding] = run(media, ctx, NO_PHOTOS)
    assert finding.outcome == "image-not-licensed"


def test_a_separately_licensed_photo_is_allowed() -> None:
    rule = req("media", licensed=["harbour-walls.jpg"])
    ctx = context(doc(BODY, media=(PHOTO,)), rule, original=original_doc(media=(PHOTO,)))
    assert run(media, ctx, rule) == []


def test_required_embeds_must_be_kept() -> None:
    rule = req("media", images="allowed", embeds="required")
    original = original_doc(media=(EMBED,))
    kept = context(doc(BODY, media=(EMBED,)), rule, original=original)
    dropped = context(doc(BODY), rule, original=original)
    assert run(media, kept, rule) == []
    assert [f.outcome for f in run(media, dropped, rule)] == ["embed-missing"]


BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
LICENCE_ON_TOP = req("placement", where="top", element="license")


def test_the_licence_element_is_the_terms_own_licence_requirement_deed() -> None:
    licence = req("license_notice", deed_url=BY_SA)
    copy = doc(f"Shared under [CC BY-SA 4.0]({BY_SA}).\n\n{BODY}")
    assert run(placement, context(copy, licence, LICENCE_ON_TOP), LICENCE_ON_TOP) == []


def test_the_licence_element_is_found_by_the_name_the_terms_give_it() -> None:
    licence = req("license_notice", license="Harbour Open Licence")
    copy = doc(f"{BODY}\n\n{FILLER}\n\nShared under the Harbour Open Licence.")
    [finding] = run(placement, context(copy, licence, LICENCE_ON_TOP), LICENCE_ON_TOP)
    assert finding.outcome == "misplaced"


def test_proximity_measures_the_licence_of_the_terms_own_requirement() -> None:
    licence = req("license_notice", deed_url=BY_SA)
    together = req("proximity", within_chars=200, elements=["source", "license"])
    copy = doc(f"Source: Harbour Light.\n\n{BODY}\n\n{FILLER}\n\n[CC BY-SA 4.0]({BY_SA})")
    [finding] = run(proximity, context(copy, licence, together), together)
    assert finding.outcome == "too-far" and "licence notice" in finding.message
