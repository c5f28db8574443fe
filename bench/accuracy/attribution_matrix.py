"""Attribution matrix: republished variants of the credit and link, with known expected findings.

    python bench/accuracy/attribution_matrix.py [--json FILE]

For every sample original with a canonical URL (samples/originals/), the generator writes 40+
copies of its body that differ only in how the credit, copyright line and link are given, in
HTML and Markdown, loads them with the real loader and checks them with the real pipeline
(``compliance.pipeline.check_pair``) under the cross-posting terms (``globalresearch``: source,
copyright and a link to the article, together). Each variant states the findings it must raise
("kind:outcome"); compliant variants must raise none. The report counts, per variant, false
violations (a finding no one expected) and missed violations (an expected finding not raised).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from compliance.documents import load_bytes, load_path  # noqa: E402
from compliance.documents.attribution import extract_attribution  # noqa: E402
from compliance.documents.urls import domain  # noqa: E402
from compliance.model import Document  # noqa: E402
from compliance.pipeline import CheckOptions, check_pair  # noqa: E402

TERMS_ID = "globalresearch"
# The requirement kinds the matrix is about; other findings are outside its scope.
KINDS = ("credit_source", "copyright_notice", "link_to_original", "proximity")
FILLER = (
    "Readers have written in with questions about this story, and our editors answer the most "
    "common of them in a separate explainer that we will publish later this week."
)
_FOOTER = re.compile(
    r"copyright|©|\(c\)|original\s+source|disclaimer|all\s+rights|permission|republish"
    r"|cross-?post|licen[cs]e|https?://",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Facts:
    """What a variant is built from: the original's body and its attribution facts."""

    name: str
    title: str
    body: tuple[str, ...]
    url: str
    source: str
    holder: str
    year: int
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def home(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}/"

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    def with_url(self, **changes: str) -> str:
        """The article URL with scheme/host/path/query/fragment replaced."""
        parts = urlsplit(self.url)._replace(**changes)
        return parts.geturl()


@dataclass(frozen=True)
class Copy:
    """A republished page: Markdown or HTML text, and the address it is served from."""

    text: str
    fmt: str  # "html" | "markdown"
    url: str | None = None


@dataclass(frozen=True)
class Variant:
    name: str
    expected: frozenset[str]  # "kind:outcome"; empty for a compliant variant
    build: Callable[[Facts], Copy]


# -- page builders -----------------------------------------------------------------------


def _a(href: str, text: str, rel: str = "") -> str:
    rel_attr = f' rel="{rel}"' if rel else ""
    return f'<a href="{html.escape(href)}"{rel_attr}>{html.escape(text)}</a>'


def html_page(
    f: Facts,
    credit: str,
    *,
    top: str = "",
    nav: str = "",
    canonical: str | None = None,
    between: str = "",
) -> Copy:
    """A republisher's page: navigation, the story, and the credit block (all HTML fragments)."""
    head = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in f.body)
    menu = f"<nav><ul><li><a href='/'>Home</a></li>{nav}</ul></nav>"
    text = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(f.title)}</title>"
        f"{head}</head><body><header>{menu}</header><main><article>"
        f"<h1>{html.escape(f.title)}</h1>{top}\n{paras}\n{between}\n{credit}</article></main>"
        "<footer><p>Community Reposts is a volunteer-run reading list.</p></footer></body></html>"
    )
    return Copy(text, "html", canonical)


def md_page(f: Facts, credit: str) -> Copy:
    return Copy(f"# {f.title}\n\n" + "\n\n".join(f.body) + f"\n\n{credit}\n", "markdown")


def notice(f: Facts) -> str:
    return f"Copyright © {f.holder}, {f.year}"


def credit_html(f: Facts, href: str | None = None, rel: str = "", anchor: str | None = None) -> str:
    link = _a(href or f.url, anchor or f.source, rel)
    return f"<p>The original source of this article is {link}</p><p>{html.escape(notice(f))}</p>"


def credit_md(f: Facts, href: str | None = None) -> str:
    return f"The original source of this article is [{f.source}]({href or f.url})\n\n{notice(f)}"


def _wording(line: Callable[[Facts], str]) -> Callable[[Facts], Copy]:
    """A compliant page whose credit sentence is ``line`` (HTML), followed by the notice."""

    def build(f: Facts) -> Copy:
        return html_page(f, f"<p>{line(f)}</p><p>{html.escape(notice(f))}</p>")

    return build


def _copyright(line: Callable[[Facts], str]) -> Callable[[Facts], Copy]:
    def build(f: Facts) -> Copy:
        credit = f"<p>Source: {_a(f.url, f.source)}. {html.escape(line(f))}</p>"
        return html_page(f, credit)

    return build


def _link(href: Callable[[Facts], str], rel: str = "") -> Callable[[Facts], Copy]:
    return lambda f: html_page(f, credit_html(f, href(f), rel))


def _toggle_www(f: Facts) -> str:
    host = urlsplit(f.url).netloc
    new = host[4:] if host.startswith("www.") else "www." + host
    return f.with_url(netloc=new)


def _amp_host(f: Facts) -> str:
    host = urlsplit(f.url).netloc.removeprefix("www.")
    return f.with_url(netloc="amp." + host)


def _other_article(f: Facts) -> str:
    return f.with_url(path=f.path.rstrip("/") + "-follow-up-interview")


def _far(f: Facts) -> Copy:
    top = f"<p>The original source of this article is {html.escape(f.source)}. "
    top += f"{html.escape(notice(f))}</p>"
    between = "\n".join(f"<p>{FILLER}</p>" for _ in range(8))
    bottom = f"<p>{_a(f.url, 'Read the article where it first appeared')}</p>"
    return html_page(f, bottom, top=top, between=between)


def _nav_only(f: Facts) -> Copy:
    credit = f"<p>The original source of this article is {html.escape(f.source)}</p>"
    credit += f"<p>{html.escape(notice(f))}</p>"
    return html_page(f, credit, nav=f"<li>{_a(f.url, 'Original story')}</li>")


def _relative(f: Facts) -> Copy:
    canonical = f.with_url(path="/syndication/" + f.path.strip("/").replace("/", "-"))
    return html_page(f, credit_html(f, f.path), canonical=canonical)


def _comment(f: Facts) -> Copy:
    credit = f"<p>The original source of this article is {html.escape(f.source)}</p>"
    credit += f"<!-- {_a(f.url, 'original article')} -->"
    credit += f"<p>{html.escape(notice(f))}</p>"
    return html_page(f, credit)


def _plain(f: Facts, tail: str) -> Copy:
    credit = f"<p>The original source of this article is {html.escape(f.source)}{tail}</p>"
    return html_page(f, credit + f"<p>{html.escape(notice(f))}</p>")


OK: frozenset[str] = frozenset()


def _bad(*outcomes: str) -> frozenset[str]:
    return frozenset(outcomes)


VARIANTS: tuple[Variant, ...] = (
    # compliant: the address in its harmless variants
    Variant("link-exact", OK, _link(lambda f: f.url)),
    Variant("link-http", OK, _link(lambda f: f.with_url(scheme="http"))),
    Variant("link-https", OK, _link(lambda f: f.with_url(scheme="https"))),
    Variant("link-www-toggled", OK, _link(_toggle_www)),
    Variant("link-trailing-slash", OK, _link(lambda f: f.url.rstrip("/") + "/")),
    Variant("link-utm", OK, _link(lambda f: f.url + "?utm_source=feed&utm_medium=rss")),
    Variant(
        "link-tracking-params",
        OK,
        _link(lambda f: f.url + "?fbclid=IwAR2x&gclid=Cj0K&mc_cid=7f&mc_eid=42"),
    ),
    Variant("link-fragment", OK, _link(lambda f: f.url + "#comments")),
    Variant("link-amp-path", OK, _link(lambda f: f.url.rstrip("/") + "/amp")),
    Variant("link-amp-query", OK, _link(lambda f: f.url + "?amp=1")),
    Variant("link-amp-host", OK, _link(_amp_host)),
    Variant("link-scheme-relative", OK, _link(lambda f: "//" + f.url.split("://", 1)[1])),
    Variant("link-nofollow", OK, _link(lambda f: f.url, rel="nofollow noopener")),
    Variant("link-relative-own-domain", OK, _relative),
    Variant("link-url-as-anchor", OK, lambda f: html_page(f, credit_html(f, anchor=f.url))),
    Variant("markdown-link", OK, lambda f: md_page(f, credit_md(f))),
    Variant("markdown-link-utm", OK, lambda f: md_page(f, credit_md(f, f.url + "?utm_source=x"))),
    Variant(
        "markdown-autolink",
        OK,
        lambda f: md_page(f, f"The original source of this article is {f.source}: <{f.url}>"
                          f"\n\n{notice(f)}"),
    ),
    # compliant: credit wordings
    Variant("credit-originally-published-by", OK,
            _wording(lambda f: f"Originally published by {_a(f.url, f.source)}.")),
    Variant("credit-originally-published-at", OK,
            _wording(lambda f: f"Originally published at {_a(f.url, f.source)}.")),
    Variant("credit-originally-published-on", OK,
            _wording(lambda f: f"This piece was originally published on {f.source}: "
                     f"{_a(f.url, 'read it there')}.")),
    Variant("credit-source-colon", OK, _wording(lambda f: f"Source: {_a(f.url, f.source)}")),
    Variant("credit-via", OK, _wording(lambda f: f"via {_a(f.url, f.source)}")),
    Variant("credit-republished-via", OK,
            _wording(lambda f: f"Republished via {_a(f.url, f.source)}")),
    Variant("credit-upper-case", OK,
            _wording(lambda f: f"SOURCE: {f.source.upper()} ({_a(f.url, 'original')})")),
    Variant("credit-no-spaces", OK,
            _wording(lambda f: f"Source: {f.source.replace(' ', '')} {_a(f.url, '(link)')}")),
    Variant("credit-first-published", OK,
            _wording(lambda f: f"First published by {f.source}. {_a(f.url, 'Original article')}")),
    Variant("credit-at-top", OK,
            lambda f: html_page(f, "", top=credit_html(f))),
    # compliant: copyright forms
    Variant("copyright-symbol", OK, _copyright(lambda f: f"© {f.holder} {f.year}")),
    Variant("copyright-paren-c", OK, _copyright(lambda f: f"(c) {f.year} {f.holder}")),
    Variant("copyright-word", OK, _copyright(lambda f: f"Copyright {f.year} {f.holder}")),
    Variant("copyright-all-rights", OK,
            _copyright(lambda f: f"Copyright © {f.holder} {f.year}. All rights reserved.")),
    # violating
    Variant("no-link", _bad("link_to_original:missing"), lambda f: _plain(f, ".")),
    Variant("home-page-link", _bad("link_to_original:home-page-only"),
            _link(lambda f: f.home)),
    Variant("home-page-link-utm", _bad("link_to_original:home-page-only"),
            _link(lambda f: f.home + "?utm_source=repost")),
    Variant("bare-url", _bad("link_to_original:bare-url"), lambda f: _plain(f, f": {f.url}")),
    Variant("markdown-bare-url", _bad("link_to_original:bare-url"),
            lambda f: md_page(f, f"The original source of this article is {f.source}, "
                              f"{f.url.replace('https://', '')}\n\n{notice(f)}")),
    Variant("link-in-comment", _bad("link_to_original:in-comment"), _comment),
    Variant("javascript-link", _bad("link_to_original:javascript-link"),
            _link(lambda f: "javascript:void(0)")),
    Variant("link-to-another-article", _bad("link_to_original:wrong-article"),
            _link(_other_article)),
    Variant("markdown-home-page", _bad("link_to_original:home-page-only"),
            lambda f: md_page(f, credit_md(f, f.home))),
    Variant("link-to-another-site", _bad("link_to_original:missing"),
            _link(lambda f: "https://mirror.example" + f.path)),
    Variant("link-to-pdf", _bad("link_to_original:pdf"),
            _link(lambda f: f.home + "print/article.pdf")),
    Variant("nav-only-link", _bad("link_to_original:boilerplate-only"), _nav_only),
    Variant("wrong-copyright-holder", _bad("copyright_notice:wrong-holder"),
            _copyright(lambda f: f"Copyright © Community Reposts, {f.year}")),
    Variant("missing-copyright", _bad("copyright_notice:missing"),
            lambda f: html_page(f, f"<p>Source: {_a(f.url, f.source)}</p>")),
    Variant("copyright-wrong-year", _bad("copyright_notice:year-mismatch"),
            _copyright(lambda f: f"Copyright © {f.holder}, {f.year - 3}")),
    Variant("credit-far-from-link", _bad("proximity:too-far"), _far),
)  # fmt: skip


# -- originals ----------------------------------------------------------------------------


def _name_from(url: str) -> str:
    label = domain(url).split(".")[0]
    return " ".join(part.capitalize() for part in re.split(r"[-_]", label) if part)


def facts_of(path: Path) -> Facts | None:
    """The body and attribution facts of a sample original; None without a canonical URL."""
    doc: Document = load_path(path)
    found = extract_attribution(doc)
    if not found.url:
        return None
    overrides: dict[str, str] = {}
    source = found.source or found.publisher or doc.meta.site_name
    if not source:
        source = _name_from(found.url)
        overrides["source"] = source
    holder = found.copyright_holder
    year = found.copyright_year or int((found.published or doc.meta.published or "2024")[:4])
    if not holder:
        holder = source
        overrides["copyright"] = f"{holder}, {year}"
    elif not found.copyright_year:
        overrides["copyright"] = f"{holder}, {year}"
    body = tuple(
        p.strip() for p in doc.text.split("\n\n") if len(p.split()) >= 8 and not _FOOTER.search(p)
    )
    return Facts(
        path.stem, doc.title or path.stem, body, found.url, source, holder, year, overrides
    )


def originals(folder: Path = ROOT / "samples" / "originals") -> list[tuple[Path, Facts]]:
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".html", ".htm", ".md", ".txt"):
            facts = facts_of(path)
            if facts is not None and facts.body:
                out.append((path, facts))
    return out


# -- running ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    original: str
    variant: str
    expected: tuple[str, ...]
    found: tuple[str, ...]
    verdict: str

    @property
    def false_violations(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.found) - set(self.expected)))

    @property
    def missed_violations(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.expected) - set(self.found)))


def run_variant(original: Document, facts: Facts, variant: Variant) -> Outcome:
    copy = variant.build(facts)
    suffix = ".html" if copy.fmt == "html" else ".md"
    doc = load_bytes(copy.text.encode("utf-8"), f"{variant.name}{suffix}", url=copy.url)
    options = CheckOptions(
        terms_id=TERMS_ID, overrides=facts.overrides, venue="community", today="2025-01-01"
    )
    report = check_pair(doc, original, options)
    found = tuple(
        sorted(
            f"{f.kind}:{f.outcome}"
            for f in report.findings
            if f.kind in KINDS and f.severity in ("error", "warning")
        )
    )
    return Outcome(facts.name, variant.name, tuple(sorted(variant.expected)), found, report.verdict)


def run_matrix(
    variants: Sequence[Variant] = VARIANTS, folder: Path = ROOT / "samples" / "originals"
) -> list[Outcome]:
    outcomes = []
    for path, facts in originals(folder):
        original = load_path(path)
        for variant in variants:
            outcomes.append(run_variant(original, facts, variant))
    return outcomes


def summary(outcomes: Sequence[Outcome]) -> dict[str, object]:
    per_variant: dict[str, dict[str, int]] = {}
    for o in outcomes:
        row = per_variant.setdefault(o.variant, {"runs": 0, "false": 0, "missed": 0})
        row["runs"] += 1
        row["false"] += bool(o.false_violations)
        row["missed"] += bool(o.missed_violations)
    return {
        "originals": len({o.original for o in outcomes}),
        "variants": len(per_variant),
        "runs": len(outcomes),
        "false_violations": sum(bool(o.false_violations) for o in outcomes),
        "missed_violations": sum(bool(o.missed_violations) for o in outcomes),
        "per_variant": per_variant,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write every outcome as JSON here")
    args = parser.parse_args(argv)
    outcomes = run_matrix()
    s = summary(outcomes)
    print(f"{s['runs']} checks: {s['variants']} variants x {s['originals']} originals")
    print(f"{'variant':34} {'runs':>5} {'false':>6} {'missed':>7}")
    for name, row in s["per_variant"].items():  # type: ignore[attr-defined]
        print(f"{name:34} {row['runs']:>5} {row['false']:>6} {row['missed']:>7}")
    print(f"false violations: {s['false_violations']}  missed violations: {s['missed_violations']}")
    for o in outcomes:
        if o.false_violations or o.missed_violations:
            print(
                f"  {o.original} / {o.variant}: false {list(o.false_violations)} "
                f"missed {list(o.missed_violations)}"
            )
    if args.json:
        rows = [
            o.__dict__ | {"false": o.false_violations, "missed": o.missed_violations}
            for o in outcomes
        ]
        args.json.write_text(json.dumps({"summary": s, "outcomes": rows}, indent=2))
    return 1 if s["false_violations"] or s["missed_violations"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
