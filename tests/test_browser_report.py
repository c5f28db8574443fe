"""HTML reports in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

A report must open with no console error and no network request, show every copied passage,
and let nothing from a hostile copy raise a dialog or run a script.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, sync_playwright
from reports_builders import COPY_TEXT, make_report
from reports_samples import COPIES, sample_report

from compliance.model import Evidence, Finding, Report
from compliance.reports import render, render_many

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Each payload sets window.__xss and opens a dialog if it ever runs.
PAYLOADS = [
    "<script>window.__xss = 1; alert('script')</script>",
    "<img src=x onerror=\"window.__xss = 2; alert('onerror')\">",
    "</textarea><svg onload=\"window.__xss = 3; alert('svg')\">",
    '"><iframe src="javascript:window.__xss=4;alert(\'iframe\')"></iframe>',
    "</style></title><body onload=\"window.__xss = 5; alert('body')\">",
]
JS_URL = "javascript:window.__xss=6;alert('href')"


@dataclass
class Visit:
    """What a page did while it loaded: dialogs, console errors, requests beyond the file."""

    page: Page
    url: str
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


OpenReport = Callable[..., Visit]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_report(browser: Browser, tmp_path: Path) -> Iterator[OpenReport]:
    pages: list[Page] = []

    def visit(html: str, *, javascript: bool = True) -> Visit:
        path = tmp_path / f"report-{len(pages)}.html"
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
        )
        page = context.new_page()
        pages.append(page)
        seen = Visit(page, path.as_uri())

        def on_dialog(dialog: Dialog) -> None:
            seen.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
        page.on("request", lambda r: seen.requests.append(r.url) if r.url != seen.url else None)
        page.goto(seen.url, wait_until="load")
        page.wait_for_timeout(150)
        return seen

    yield visit
    for page in pages:
        page.context.close()


def hostile_report() -> Report:
    """A report whose every document-derived value carries a script or a javascript: URL."""
    report = make_report()
    text = "\n\n".join(PAYLOADS) + "\n\n" + COPY_TEXT
    shift = len(text) - len(COPY_TEXT)
    passages = tuple(
        replace(p, copy=replace(p.copy, start=p.copy.start + shift, end=p.copy.end + shift))
        for p in report.comparison.passages
    )
    evil = " ".join(PAYLOADS)
    finding = Finding(
        rule_id="valleycourier/link-to-original",
        kind="link_to_original",
        severity="error",
        message=evil,
        clause=evil,
        evidence=(Evidence("copy", 0, len(PAYLOADS[0]), PAYLOADS[0], note=JS_URL),),
        fix=f"link to {JS_URL}",
    )
    return make_report(
        copy=replace(report.copy, title=evil, origin=PAYLOADS[3], text=text, url=JS_URL),
        original=replace(report.original, url="data:text/html,<script>alert(7)</script>"),
        attribution=replace(report.attribution, url=JS_URL, source=PAYLOADS[1]),
        comparison=replace(report.comparison, passages=passages),
        findings=(finding,),
        terms_name=PAYLOADS[4],
        clause=evil,
        contact=PAYLOADS[2],
    )


def test_hostile_copy_raises_no_dialog_and_runs_no_script(open_report: OpenReport) -> None:
    visit = open_report(render(hostile_report(), "html"))
    assert visit.dialogs == []
    assert visit.page.evaluate("window.__xss") is None
    assert (
        visit.page.evaluate("document.querySelectorAll('img, iframe, svg, textarea').length") == 0
    )


def test_clicking_every_link_of_a_hostile_report_runs_nothing(open_report: OpenReport) -> None:
    visit = open_report(render(hostile_report(), "html"))
    links = visit.page.locator("a[href]")
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href") or ""
        assert href.startswith("#") or href.startswith("https://"), href
        if href.startswith("#"):
            links.nth(i).click()
    assert visit.dialogs == []
    assert visit.page.evaluate("window.__xss") is None


def test_hostile_text_is_shown_as_text(open_report: OpenReport) -> None:
    visit = open_report(render(hostile_report(), "html"))
    copy_pane = visit.page.locator(".pane .text").nth(1).inner_text()
    assert PAYLOADS[0] in copy_pane and PAYLOADS[2] in copy_pane


def test_report_loads_without_console_errors_or_network_requests(open_report: OpenReport) -> None:
    visit = open_report(render(make_report(), "html"))
    assert visit.errors == []
    assert visit.requests == []


def test_many_reports_load_without_console_errors_or_network_requests(
    open_report: OpenReport,
) -> None:
    visit = open_report(render_many([make_report(), hostile_report()], "html"))
    assert visit.errors == [] and visit.requests == [] and visit.dialogs == []
    assert visit.page.locator("section.index tbody tr").count() == 2


def test_screenshot_is_produced_and_every_passage_is_highlighted_in_the_dom(
    open_report: OpenReport,
    tmp_path: Path,
) -> None:
    report = make_report()
    visit = open_report(render(report, "html"))
    shot = tmp_path / "report.png"
    visit.page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    for n in range(1, len(report.comparison.passages) + 1):
        for side in ("o", "c"):
            mark = visit.page.locator(f"#{side}{n}")
            assert mark.is_visible()
            background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_clicking_a_passage_in_the_copy_brings_its_twin_into_view(open_report: OpenReport) -> None:
    visit = open_report(render(make_report(), "html"))
    visit.page.locator("#c3").click()
    visit.page.wait_for_timeout(900)
    twin = visit.page.locator("#o3")
    assert "flash" in (twin.get_attribute("class") or "")
    box = twin.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900
    assert visit.errors == []


def test_hovering_a_passage_lights_up_both_halves(open_report: OpenReport) -> None:
    visit = open_report(render(make_report(), "html"))
    visit.page.locator("#o1").hover()
    assert "peer" in (visit.page.locator("#c1").get_attribute("class") or "")


def test_without_javascript_passage_links_still_navigate(open_report: OpenReport) -> None:
    visit = open_report(render(make_report(), "html"), javascript=False)
    visit.page.locator("#o2").click()
    assert visit.page.url.endswith("#c2")
    assert visit.errors == [] and visit.requests == []


@pytest.mark.parametrize("copy_name", COPIES)
def test_sample_report_opens_clean_with_its_passages_highlighted(
    open_report: OpenReport, copy_name: str
) -> None:
    report = sample_report(copy_name)
    visit = open_report(render(report, "html"))
    assert visit.errors == [] and visit.requests == [] and visit.dialogs == []
    marked = visit.page.locator(".pane .text a[id]").count()
    assert marked == 2 * len(report.comparison.passages)


def test_printed_report_shows_both_texts_in_full(open_report: OpenReport, tmp_path: Path) -> None:
    visit = open_report(render(make_report(), "html"))
    visit.page.emulate_media(media="print")
    heights = visit.page.eval_on_selector_all(
        ".pane .text",
        "els => els.map(e => [getComputedStyle(e).maxHeight, e.scrollHeight - e.clientHeight])",
    )
    assert heights == [["none", 0], ["none", 0]]
    pdf = tmp_path / "report.pdf"
    visit.page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes()[:5] == b"%PDF-"
