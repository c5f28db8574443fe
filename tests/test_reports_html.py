"""HTML report content: one self-contained page, every passage cross-linked, nothing injectable.

These read the page with lxml; tests/test_browser_report.py loads it in a real Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace

import lxml.html
from reports_builders import COPY_TEXT, ORIGINAL_TEXT, compliant_report, make_report

from compliance.model import Evidence, Finding, Region, Span
from compliance.reports import render, render_many


def page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def text_of(tree: lxml.html.HtmlElement, xpath: str) -> str:
    return " ".join(" ".join(el.text_content() for el in tree.xpath(xpath)).split())


def test_verdict_comes_before_everything_else_in_main() -> None:
    tree = page(render(make_report(), "html"))
    first = tree.xpath("//main//section")[0]
    assert "verdict-violations" in first.get("class")
    assert "Violations" in first.text_content()


def test_page_fetches_nothing_no_external_stylesheet_script_image_or_font() -> None:
    tree = page(render(make_report(), "html"))
    assert tree.xpath("//link | //img | //iframe | //object | //embed | //script[@src]") == []
    assert "url(" not in text_of(tree, "//style")
    assert "@import" not in text_of(tree, "//style")


def test_csp_allows_no_fetch_and_only_the_script_whose_hash_it_names() -> None:
    tree = page(render(make_report(), "html"))
    (meta,) = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    policy = meta.get("content")
    assert "default-src 'none'" in policy
    (script,) = tree.xpath("//script")
    digest = base64.b64encode(hashlib.sha256(script.text.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy


def test_csp_meta_precedes_the_style_and_script() -> None:
    html = render(make_report(), "html")
    assert html.index("Content-Security-Policy") < html.index("<style>") < html.index("<script>")


def test_terms_reason_and_clause_are_shown() -> None:
    tree = page(render(make_report(), "html"))
    terms = text_of(tree, '//section[@class="terms"]')
    assert "Valley Courier cross-posting terms" in terms
    assert "the original's domain: valleycourier.example" in terms
    assert text_of(tree, '//section[@class="terms"]//blockquote') == make_report().clause


def test_each_finding_shows_severity_message_evidence_and_fix() -> None:
    tree = page(render(make_report(), "html"))
    blocks = tree.xpath('//div[contains(@class, "finding ")]')
    assert len(blocks) == len(make_report().findings)
    for block, finding in zip(blocks, make_report().findings, strict=True):
        assert f"sev-{finding.severity}" in block.get("class")
        content = " ".join(block.text_content().split())
        assert finding.message in content and finding.fix in content
        for ev in finding.evidence:
            assert " ".join(ev.snippet.split()) in content


def test_evidence_gives_line_and_column() -> None:
    tree = page(render(make_report(), "html"))
    assert "copy line 9, column 1" in text_of(tree, '//ul[@class="evidence"]')


def test_fair_use_factors_show_their_numbers() -> None:
    tree = page(render(make_report(), "html"))
    table = text_of(tree, '//section[@class="fairuse"]')
    assert "coverage = 0.77" in table and "longest_run = 31" in table
    assert len(tree.xpath('//section[@class="fairuse"]//tbody/tr')) == 4


def test_every_passage_is_highlighted_in_both_texts_and_linked_to_its_twin() -> None:
    tree = page(render(make_report(), "html"))
    report = make_report()
    for n, p in enumerate(report.comparison.passages, 1):
        (orig,) = tree.xpath(f'//*[@id="o{n}"]')
        (copy,) = tree.xpath(f'//*[@id="c{n}"]')
        assert orig.get("href") == f"#c{n}" and copy.get("href") == f"#o{n}"
        assert orig.text_content() == ORIGINAL_TEXT[p.original.start : p.original.end]
        assert copy.text_content() == COPY_TEXT[p.copy.start : p.copy.end]


def test_text_panes_hold_the_documents_text_exactly() -> None:
    tree = page(render(make_report(), "html"))
    panes = tree.xpath('//div[@class="pane"]/div[@class="text"]')
    assert [p.text_content() for p in panes] == [ORIGINAL_TEXT, COPY_TEXT]


def test_modified_passage_shows_removed_and_added_words() -> None:
    tree = page(render(make_report(), "html"))
    deleted = [d.text_content().strip() for d in tree.xpath("//div[@class='diff']/del")]
    inserted = [i.text_content().strip() for i in tree.xpath("//div[@class='diff']/ins")]
    assert "Funding" in deleted and "Money" in inserted
    assert "split" in deleted and "divide" in inserted
    diff = tree.xpath("//div[@class='diff']")[0]
    kept = "".join(t for t in diff.xpath("./text()"))
    assert "comes from a regional levy" in kept and "Money" not in kept


def test_chain_of_custody_lists_origins_hashes_sizes_and_time() -> None:
    report = make_report()
    custody = text_of(page(render(report, "html")), '//section[@class="custody"]')
    for value in (
        report.original.origin,
        report.copy.origin,
        report.original.sha256,
        report.copy.sha256,
        f"{report.copy.size:,} bytes",
        report.checked_at,
    ):
        assert value in custody
    assert "compliance 0.1.0" in custody and f"schema {report.schema_version}" in custody


def test_hostile_document_values_are_escaped_everywhere() -> None:
    payload = "</textarea><script>alert(1)</script><img src=x onerror=alert(2)>"
    copy = replace(
        make_report().copy,
        title=payload,
        origin=payload,
        text=COPY_TEXT.replace("Shared sirens", payload),
    )
    finding = Finding(
        "t/x",
        "credit_source",
        "error",
        payload,
        clause=payload,
        evidence=(Evidence("copy", 0, 5, payload, payload),),
        fix=payload,
    )
    html = render(make_report(copy=copy, findings=(finding,), terms_name=payload), "html")
    tree = page(html)
    assert len(tree.xpath("//script")) == 1
    assert tree.xpath("//img | //textarea | //*[@onerror]") == []
    assert "&lt;/textarea&gt;&lt;script&gt;" in html


def test_javascript_and_data_urls_never_become_links() -> None:
    report = make_report(
        attribution=replace(make_report().attribution, url="javascript:alert(1)"),
        copy=replace(make_report().copy, url=" JaVa\tScRiPt:alert(2)"),
        original=replace(make_report().original, url="data:text/html,<script>alert(3)</script>"),
    )
    tree = page(render(report, "html"))
    hrefs = [a.get("href") for a in tree.xpath("//a[@href]")]
    assert not [h for h in hrefs if not (h.startswith("#") or h.startswith("http"))]
    assert "javascript:alert(1)" in tree.text_content()


def test_web_links_open_without_referrer() -> None:
    tree = page(render(make_report(), "html"))
    (link,) = tree.xpath('//dl[@class="facts"]//a')
    assert link.get("href") == "https://valleycourier.example/2024/sirens"
    assert "noreferrer" in link.get("rel")


def test_many_reports_get_an_index_linking_to_each_detail() -> None:
    html = render_many([make_report(), compliant_report()], "html")
    tree = page(html)
    rows = tree.xpath('//section[@id="index"]//tbody/tr')
    assert len(rows) == 2
    for n, row in enumerate(rows, 1):
        target = row.xpath(".//a/@href")[0]
        assert target == f"#r{n}-report"
        assert tree.xpath(f'//article[@id="r{n}-report"]')
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_compliant_report_says_no_findings_and_has_no_fair_use_section() -> None:
    tree = page(render(compliant_report(), "html"))
    assert text_of(tree, '//section[@class="findings"]//p') == "No findings."
    assert tree.xpath('//section[@class="fairuse"]') == []


def test_passages_overlapping_in_the_copy_each_keep_an_anchor() -> None:
    report = make_report()
    first, second, third = report.comparison.passages
    overlapping = replace(second, copy=replace(second.copy, start=first.copy.end - 10))
    passages = (first, overlapping, third)
    tree = page(
        render(make_report(comparison=replace(report.comparison, passages=passages)), "html")
    )
    for n in (1, 2, 3):
        assert len(tree.xpath(f'//*[@id="c{n}"]')) == 1


def test_title_names_verdict_and_copy() -> None:
    tree = page(render(make_report(), "html"))
    assert re.match(r"Violations: Shared sirens for the valley", tree.findtext(".//title"))


def test_a_passage_hidden_inside_another_in_the_copy_still_has_a_link_target() -> None:
    report = make_report()
    first, second, third = report.comparison.passages
    inside = replace(second, copy=replace(first.copy, start=first.copy.start + 5))
    passages = (first, inside, third)
    tree = page(
        render(make_report(comparison=replace(report.comparison, passages=passages)), "html")
    )
    (target,) = tree.xpath('//*[@id="c2"]')
    assert target.get("href") == "#o2"
    assert tree.xpath('//*[@id="o2"]')[0].get("href") == "#c2"


def test_long_unchanged_stretches_of_a_modified_passage_are_condensed() -> None:
    words = [f"w{i}" for i in range(200)]
    original = " ".join(words)
    copy = " ".join([*words[:100], "NEW", *words[101:]])
    report = make_report()
    doc = replace(report.original, text=original)
    cp = replace(report.copy, text=copy)
    modified = replace(
        report.comparison.passages[2], original=Span(0, len(original)), copy=Span(0, len(copy))
    )
    comparison = replace(report.comparison, passages=(modified,))
    tree = page(render(make_report(original=doc, copy=cp, comparison=comparison), "html"))
    (diff,) = tree.xpath("//div[@class='diff']")
    shown = " ".join(diff.text_content().split())
    assert [d.text for d in diff.xpath("./del")] == ["w100"]
    assert [i.text for i in diff.xpath("./ins")] == ["NEW"]
    assert "w99" in shown and "w101" in shown and "w0 " not in shown and "w199" not in shown
    assert shown.startswith("…") and shown.endswith("…")


def test_evidence_beyond_five_is_folded_but_kept() -> None:
    evidence = tuple(Evidence("copy", snippet=f"link {n}") for n in range(8))
    finding = replace(make_report().findings[1], evidence=evidence)
    tree = page(render(make_report(findings=(finding,)), "html"))
    assert len(tree.xpath('//div[contains(@class, "finding ")]/ul[@class="evidence"]/li')) == 5
    folded = tree.xpath('//details[@class="more-evidence"]')[0]
    assert folded.findtext("summary") == "3 more pieces of evidence"
    assert len(folded.xpath(".//li")) == 3


def test_paragraphs_set_aside_from_the_work_are_marked_with_their_role() -> None:
    start = ORIGINAL_TEXT.index("The original source")
    region = Region(start, len(ORIGINAL_TEXT), "notice", "credit line")
    report = make_report()
    report = replace(report, original=replace(report.original, regions=(region,)))
    tree = page(render(report, "html"))
    marked = tree.xpath("//div[@class='text']//span[contains(@class, 'notice')]")
    assert "".join(m.text_content() for m in marked) == ORIGINAL_TEXT[start:]
    assert all("credit line" in m.get("title") for m in marked)


def test_without_set_aside_paragraphs_no_text_is_marked() -> None:
    tree = page(render(make_report(), "html"))
    assert tree.xpath("//div[@class='text']//span[contains(@class, 'aside')]") == []
