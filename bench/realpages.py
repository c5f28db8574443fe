"""Attribution facts and verdicts on pages shaped like real ones (issue 13, "what it must show").

Generates originals the way real publishers print them, each with its true facts and terms:

- ``cc-nd-news``: CC BY-ND licence line under the story, byline, date line, tags, donation box,
  copyright only in the page footer;
- ``cc-by-blog``: licence by ``rel=license`` in the footer, facts in JSON-LD, a photo whose
  caption carries its own CC BY-SA link and photographer's notice;
- ``arr-footer``: all rights reserved, the notice only in the footer, a CC link only in a photo
  credit, an ``og:site_name`` that is a section label ("U.S."), metadata naming another author
  than the visible byline, the headline repeated as a paragraph;
- ``jsonld-only``: no visible notice or byline; author, publisher, holder, year and licence only
  in schema.org JSON-LD;
- ``wire``: agency copy with its dateline and the agency's redistribution notice;
- ``tables``: CC BY-ND with a data table, a "suggested citation" box and a newsletter appeal;
- ``de`` / ``es`` / ``fr``: CC BY stories in other languages.

Each original is paired with copies in three other sites' chrome (navigation, sidebars, their own
footer notice, sometimes their own tags and appeals): verbatim and fully credited (byline, credit,
link, copyright notice, licence), verbatim and uncredited, and an independent article on the same
story by another outlet (same facts, its own words). No venue is configured, as on a first run.

Expected: credited copies of CC originals ``compliant``; of all-rights-reserved or wire originals
``needs-permission``; uncredited copies ``violations`` (CC) or ``needs-permission``; independent
articles ``not-a-copy``.

Usage::

    python bench/realpages.py [--quick] [--per-shape N] [--seed S]

Prints the share of right facts (each fact), of right verdicts, the error findings raised against
verbatim, correctly credited copies, and copy verdicts on independent pairs; writes
``bench/results/realpages.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from realpages_text import (  # noqa: E402
    AGENCIES,
    CHROME,
    DAYS,
    MONTH_NAMES,
    MONTHS,
    PEOPLE,
    PLACES,
    PROJECTS,
    ROLES,
    TOPICS,
)

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC_BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/"
CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
CC_BY_SA_2 = "https://creativecommons.org/licenses/by-sa/2.0/"
LICENCE_NAME = {CC_BY: "CC BY 4.0", CC_BY_ND: "CC BY-ND 4.0", CC_BY_SA: "CC BY-SA 4.0"}
TERMS_OF = {CC_BY: "cc-by-4.0", CC_BY_ND: "cc-by-nd-4.0", CC_BY_SA: "cc-by-sa-4.0"}

PUBLISHERS = (
    ("Valley Ledger", "valleyledger.example"),
    ("Northfield Courier", "northfieldcourier.example"),
    ("Riverbend Post", "riverbendpost.example"),
    ("Coastal Review", "coastalreview.example"),
    ("Midland Chronicle", "midlandchronicle.example"),
    ("Lakeside Tribune", "lakesidetribune.example"),
)
AGENCY_WIRES = (("Continental Press", "CP"), ("Northern News Agency", "NNA"))
REPUBLISHERS = (
    ("Hill Post", "hillpost.example"),
    ("Metro Digest", "metrodigest.example"),
    ("Open Town News", "opentown.example"),
)
SHAPES = (
    "wordpress",
    "cc-nd-news",
    "cc-by-blog",
    "arr-footer",
    "jsonld-only",
    "wire",
    "tables",
    "de",
    "es",
    "fr",
)
COPIES = ("credited", "uncredited", "credit-no-link", "edited", "independent")
FACTS = ("source", "copyright_holder", "copyright_year", "author", "terms")


@dataclass(frozen=True)
class Truth:
    """What a reader of the original page would say its facts are."""

    source: str
    copyright_holder: str | None
    copyright_year: int | None
    author: str
    terms: str


@dataclass
class Story:
    """One event: its facts, and its text as the original and as an independent outlet tell it."""

    lang: str
    headline: str
    original: list[str]
    independent: list[str]
    slots: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Original:
    shape: str
    url: str
    html: str
    truth: Truth
    story: Story
    licence: str | None  # deed URL of the article's CC licence, if any
    lang: str


def make_story(rng: random.Random, topic: str, flip: bool) -> Story:
    """A story from one topic: bank a or b for the original, the other for the independent."""
    bank = TOPICS[topic]
    slots = {
        "place": rng.choice(PLACES),
        "agency": rng.choice(AGENCIES),
        "official": rng.choice(PEOPLE),
        "role": rng.choice(ROLES),
        "num": str(rng.randint(5, 19)),
        "amount": f"{rng.randint(2, 48)}.{rng.randint(1, 9)} million",
        "day": rng.choice(DAYS),
        "month": rng.choice(MONTHS),
        "project": rng.choice(PROJECTS),
        "other": rng.choice(PLACES),
    }
    mine, theirs = ("b", "a") if flip else ("a", "b")
    lang = topic if topic in CHROME else "en"

    def paragraphs(key: str) -> list[str]:
        sentences = [s.format(**slots) for s in bank[key]]
        middle = sentences[1:]
        rng.shuffle(middle)
        ordered = [sentences[0], *middle]
        out, i = [], 0
        while i < len(ordered):
            take = 2 if rng.random() < 0.45 and i + 1 < len(ordered) else 1
            out.append(" ".join(ordered[i : i + take]))
            i += take
        return out

    headline = rng.choice(bank["headline"]).format(**slots)
    return Story(lang, headline, paragraphs(mine), paragraphs(theirs), slots)


def _p(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{escape(text)}</p>"


def _ld(obj: dict[str, Any]) -> str:
    data = {"@context": "https://schema.org", **obj}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _page(
    *,
    title: str,
    head: str,
    header: str,
    article: str,
    aside: str,
    footer: str,
    lang: str,
    wrap: str = "article",
) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>{head}</head><body>"
        f'<header class="site-header">{header}</header>'
        f'<main><{wrap} class="post">{article}</{wrap}>'
        f'<aside class="sidebar">{aside}</aside></main>'
        f'<footer class="site-footer">{footer}</footer></body></html>'
    )


def _nav(site: str) -> str:
    items = ("News", "Politics", "Business", "Culture", "Opinion")
    links = "".join(f'<li><a href="/{i.lower()}">{i}</a></li>' for i in items)
    return f'<a class="logo" href="/">{escape(site)}</a><nav><ul>{links}</ul></nav>'


def _sidebar(rng: random.Random) -> str:
    titles = rng.sample(
        [
            "Five walks for the long weekend",
            "Why the ferry timetable changed again",
            "Letters: the market square debate",
            "Photos of the winter fair",
            "Council meeting dates for the spring",
        ],
        3,
    )
    items = "".join(f'<li><a href="/story/{i}">{escape(t)}</a></li>' for i, t in enumerate(titles))
    return f'<div class="related"><h3>Most read</h3><ul>{items}</ul></div>'


def _date_line(lang: str, day: int, month: int, year: int) -> str:
    names = MONTH_NAMES[lang]
    m = names[month - 1]
    return {
        "en": f"Published {m} {day}, {year}",
        "de": f"Veröffentlicht am {day}. {m} {year}",
        "es": f"Publicado el {day} de {m} de {year}",
        "fr": f"Publié le {day} {m} {year}",
    }[lang]  # fmt: skip


def _body(paragraphs: list[str], table: str = "") -> str:
    html = [_p(p) for p in paragraphs]
    if table:
        html.insert(min(2, len(html)), table)
    return "".join(html)


def _table(rng: random.Random) -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>{rng.randint(10, 99)}</td><td>{rng.randint(1, 9)}.{rng.randint(0, 9)} m</td></tr>"  # noqa: E501
        for name in rng.sample(["North ward", "South ward", "East ward", "West ward", "Centre"], 4)
    )
    return (
        "<table><thead><tr><th>Area</th><th>Households</th><th>Cost</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def make_original(rng: random.Random, shape: str, index: int) -> Original:
    """An original page of ``shape`` with its true facts."""
    topic = shape if shape in ("de", "es", "fr") else ("bridge", "budget", "clinic")[index % 3]
    story = make_story(rng, topic, flip=bool(index % 2))
    lang = story.lang
    words = CHROME[lang]
    year = rng.choice((2019, 2021, 2023, 2024))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    author = rng.choice(PEOPLE)
    pub, domain = PUBLISHERS[(index + SHAPES.index(shape)) % len(PUBLISHERS)]
    slug = re.sub(r"[^a-z0-9]+", "-", story.headline.lower()).strip("-")[:60]
    url = f"https://www.{domain}/{year}/{month:02d}/{slug}-{index}"
    head = f'<link rel="canonical" href="{url}">'
    byline = _p(f"{words['by']} {author}", "byline")
    dateline = _p(_date_line(lang, day, month, year), "dateline")
    h1 = f"<h1>{escape(story.headline)}</h1>"
    licence: str | None = None
    table = ""
    before, after, footer = "", "", ""
    truth_holder: str | None = pub
    source = pub
    terms = ""

    if shape == "cc-nd-news":
        licence = CC_BY_ND
        head += f'<meta property="og:site_name" content="{pub}">'
        tags = _p(f"{words['tags']}: local news, {story.slots['place']}, transport")
        donate = (
            '<div class="support-box"><p>Our newsroom is nonprofit and our stories are free to '
            "read. Please donate today to keep local reporting alive.</p></div>"
        )
        after = (
            tags
            + donate
            + _p(
                "This article is published under a Creative Commons Attribution-NoDerivatives "
                "4.0 International License."
            )
            .replace(
                "Creative Commons",
                f'<a rel="license" href="{CC_BY_ND}">Creative Commons',
            )
            .replace("License.</p>", "License</a>.</p>")
        )
        footer = _p(f"Copyright © {year} {pub}. All rights reserved.")
        before = h1 + byline + dateline
    elif shape == "wordpress":
        licence = CC_BY_SA
        head += f'<meta property="og:site_name" content="{pub}">'
        before = (
            f'<header class="entry-header"><h1 class="entry-title">{escape(story.headline)}</h1>'
            '<div class="entry-meta"><span class="byline">by <span class="author vcard">'
            f'<a class="url fn n" href="/author/{index}">{author}</a></span></span> '
            f'<time class="entry-date published">{_date_line("en", day, month, year)[10:]}'
            "</time></div></header>"
            '<div class="entry-content">'
        )
        after = (
            '<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="#">Facebook</a></li>'
            '<li><a href="#">Email</a></li></ul></div>'
            '<div id="jp-relatedposts"><h3>Related</h3><p><a href="/x">Flood barriers '
            "approved</a></p></div></div>"
            '<footer class="entry-footer"><span class="cat-links">Posted in News</span> '
            f'<span class="tags-links">Tagged {story.slots["place"]}, infrastructure</span>'
            "</footer>"
        )
        footer = (
            f"<p>© {year} {pub}. Except where otherwise noted, content on this site is "
            f'licensed under <a href="{CC_BY_SA}">CC BY-SA 4.0</a>. Proudly powered by '
            "WordPress.</p>"
        )
    elif shape == "cc-by-blog":
        licence = CC_BY
        head += _ld(
            {
                "@type": "BlogPosting",
                "headline": story.headline,
                "author": {"@type": "Person", "name": author},
                "publisher": {"@type": "Organization", "name": pub},
            }
        )
        photo = (
            '<figure class="wp-block-image"><img src="/img/lead.jpg" alt="">'
            "<figcaption>The scene on the first morning. © A. Photographer, "
            f'<a href="{CC_BY_SA_2}">CC BY-SA 2.0</a></figcaption></figure>'
        )
        before = h1 + byline + dateline + photo
        footer = (
            f'<p>Text licensed under <a rel="license" href="{CC_BY}">CC BY 4.0</a>. '
            f"© {year} {pub}</p>"
        )
    elif shape == "arr-footer":
        terms = "all-rights-reserved"
        head += '<meta property="og:site_name" content="U.S.">'
        head += '<meta name="author" content="Web Desk">'
        photo = (
            '<figure><img src="/img/p.jpg" alt=""><figcaption>'
            f'Photo: © A. Photographer / <a href="{CC_BY}">CC BY</a></figcaption></figure>'
        )
        before = h1 + _p(story.headline, "headline-repeat") + byline + photo
        footer = _p(f"Copyright © {year} {pub}.")
    elif shape == "jsonld-only":
        licence = CC_BY
        head += _ld(
            {
                "@type": "NewsArticle",
                "headline": story.headline,
                "author": [{"@type": "Person", "name": author}],
                "publisher": {"@type": "Organization", "name": pub},
                "copyrightHolder": {"@type": "Organization", "name": pub},
                "copyrightYear": year,
                "license": CC_BY,
                "datePublished": f"{year}-{month:02d}-{day:02d}",
            }
        )
        before = h1
        footer = '<p><a href="/about">About us</a> · <a href="/contact">Contact</a></p>'
    elif shape == "wire":
        terms = "wire-service"
        agency, short = AGENCY_WIRES[index % len(AGENCY_WIRES)]
        pub = source = agency
        truth_holder = f"The {agency}"
        domain = re.sub(r"[^a-z]", "", agency.lower()) + ".example"
        url = f"https://www.{domain}/article/{slug}-{index}"
        head = f'<link rel="canonical" href="{url}">'
        head += f'<meta property="og:site_name" content="{agency}">'
        story.original[0] = f"{story.slots['place'].upper()} ({short}) — {story.original[0]}"
        before = h1 + byline
        after = _p(
            f"Copyright {year} The {agency}. All rights reserved. This material may not be "
            "published, broadcast, rewritten or redistributed."
        )
        footer = _p(f"© {year} {agency}")
    elif shape == "tables":
        licence = CC_BY_ND
        table = _table(rng)
        head += f'<meta property="og:site_name" content="{pub}">'
        before = h1 + byline + dateline
        after = (
            _p(
                f"Suggested citation: {author}, “{story.headline}”, {pub}, {year}.",
                "citation-box",
            )
            + '<div class="newsletter-signup"><p>Sign up for our free morning newsletter and '
            "get the day's stories in your inbox.</p></div>"
            + f'<p>Republish this story for free under <a href="{CC_BY_ND}">CC BY-ND 4.0</a>.'
            "</p>"
        )
        footer = _p(f"© {year} {pub}")
    else:  # other languages
        licence = CC_BY
        head += f'<meta property="og:site_name" content="{pub}">'
        before = h1 + byline + dateline
        line = {
            "de": "Dieser Artikel steht unter der Lizenz",
            "es": "Este artículo se publica bajo la licencia",
            "fr": "Cet article est publié sous licence",
        }[lang]
        after = f'<p>{line} <a rel="license" href="{CC_BY}">CC BY 4.0</a>.</p>'
        footer = _p(f"© {year} {pub}")

    article = before + _body(story.original, table) + after
    html = _page(
        title=f"{story.headline} | {pub}" if shape != "arr-footer" else story.headline,
        head=head,
        header=_nav(pub),
        article=article,
        aside=_sidebar(rng),
        footer=footer,
        lang=lang,
    )
    truth = Truth(
        source=source,
        copyright_holder=truth_holder,
        copyright_year=year if truth_holder else None,
        author=author,
        terms=terms or TERMS_OF[licence or ""],
    )
    # The table is part of the work: the copy must carry it too.
    story.original = [*story.original]
    return Original(shape, url, html, truth, story, licence, lang)


def make_copy(
    rng: random.Random, original: Original, kind: str, site_index: int
) -> tuple[str, str]:
    """A copy in another site's chrome: ``credited``, ``uncredited``, ``credit-no-link``,
    ``edited`` (credited, but a paragraph dropped and a figure changed) or ``independent``."""
    site, domain = REPUBLISHERS[site_index % len(REPUBLISHERS)]
    story = original.story
    truth = original.truth
    slug = re.sub(r"[^a-z0-9]+", "-", story.headline.lower()).strip("-")[:50]
    url = f"https://{domain}/news/{slug}"
    head = f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="{site}">'
    h1 = f"<h1>{escape(story.headline)}</h1>"
    own_furniture = ""
    if site_index % 3 == 1:
        own_furniture = (
            _p("Tags: region, community")
            + '<div class="cta"><p>Like our coverage? Sign up for our weekly newsletter to '
            "stay informed.</p></div>"
        )
    table = ""
    if original.shape == "tables":
        match = re.search(r"<table>.*?</table>", original.html)
        table = match.group(0) if match else ""
    if kind == "independent":
        reporter = rng.choice([p for p in PEOPLE if p != truth.author])
        article = h1 + _p(f"By {reporter}", "byline") + _body(story.independent) + own_furniture
    else:
        article = h1
        credited = kind in ("credited", "credit-no-link", "edited")
        if credited:
            article += _p(f"By {truth.author}" + (f", {truth.source}" if site_index % 2 else ""))
        paragraphs = _edited(rng, story.original) if kind == "edited" else story.original
        article += _body(paragraphs, table)
        if credited:
            article += _credit(original, site_index, link=kind != "credit-no-link")
        article += own_furniture
    return _page(
        title=f"{story.headline} - {site}",
        head=head,
        header=_nav(site),
        article=article,
        aside=_sidebar(rng),
        footer=_p(f"© 2025 {site} Media Ltd."),
        lang=original.lang,
        wrap=("article", "div", "section")[site_index % 3],
    ).replace('<main><div class="post">', '<main><div class="entry-content">'), url


def _edited(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """The story with one paragraph left out and one figure changed: an adaptation."""
    out = list(paragraphs)
    del out[rng.randrange(1, len(out))]
    for i, para in enumerate(out):
        changed = re.sub(r"\b(\d+)\b", lambda m: str(int(m.group(1)) + 3), para, count=1)
        if changed != para:
            out[i] = changed
            break
    return out


def _credit(original: Original, variant: int, *, link: bool) -> str:
    """The credit a republisher prints: source (linked or not), notice, licence; three wordings."""
    truth = original.truth
    source = escape(truth.source)
    named = f'<a href="{original.url}">{source}</a>' if link else source
    notice = (
        f"Copyright © {truth.copyright_year} {truth.copyright_holder}."
        if truth.copyright_holder
        else ""
    )
    deed = original.licence
    licence = f'<a href="{deed}">{LICENCE_NAME[deed]}</a>' if deed else ""
    if variant % 3 == 0:
        text = f"<p>This article was originally published by {named}. {notice}"
        text += f" It is republished under {licence}.</p>" if licence else "</p>"
    elif variant % 3 == 1:
        text = f"<p>Source: {named}. {notice}</p>"
        text += (
            f"<p>Republished under a Creative Commons licence ({licence}).</p>" if licence else ""
        )
        text = f'<aside class="republish-credit">{text}</aside>'
    else:
        text = f"<p>{notice} First published by {named}"
        text += f" and shared under {licence}.</p>" if licence else ".</p>"
    if original.shape == "wire":  # the agency's own notice copied along
        match = re.search(r"<p>Copyright \d{4} The .*?redistributed\.</p>", original.html)
        text += match.group(0) if match else ""
    return text


EXPECTED = {
    ("cc", "credited"): "compliant",
    ("cc", "uncredited"): "violations",
    ("cc", "credit-no-link"): "violations",
    ("permission", "credit-no-link"): "needs-permission",
    ("cc", "edited"): "violations",
    ("permission", "edited"): "needs-permission",
    ("permission", "credited"): "needs-permission",
    ("permission", "uncredited"): "needs-permission",
    ("cc", "independent"): "not-a-copy",
    ("permission", "independent"): "not-a-copy",
}


def _norm(value: object) -> str:
    text = str(value or "").casefold().strip()
    return re.sub(r"^the\s+", "", re.sub(r"[^\w\s]", "", text)).strip()


def run(per_shape: int, seed: int) -> dict[str, Any]:
    from compliance.documents import load_bytes
    from compliance.documents.attribution import extract_attribution
    from compliance.pipeline import CheckOptions, check_pair
    from compliance.terms import choose_terms, load_library

    rng = random.Random(seed)
    library = load_library(())
    options = CheckOptions(today="2025-06-01", library=library)
    facts_right: Counter[str] = Counter()
    facts_total = 0
    verdicts: Counter[tuple[str, bool]] = Counter()
    by_shape: dict[str, Counter[str]] = defaultdict(Counter)
    credited_errors: list[dict[str, Any]] = []
    independent_copies: list[dict[str, Any]] = []
    misses: list[dict[str, Any]] = []
    edits_caught = [0, 0]  # edited copies of CC originals with an edit finding, of all
    started = time.process_time()
    pairs = 0
    for shape in SHAPES:
        for i in range(per_shape):
            original = make_original(rng, shape, i)
            odoc = load_bytes(original.html.encode(), original.url)
            attribution = extract_attribution(odoc)
            found = {
                "source": attribution.source,
                "copyright_holder": attribution.copyright_holder,
                "copyright_year": attribution.copyright_year,
                "author": attribution.author,
                "terms": choose_terms(odoc, attribution, library).terms_id,
            }
            facts_total += 1
            for fact in FACTS:
                expected = getattr(original.truth, fact)
                if _norm(found[fact]) == _norm(expected):
                    facts_right[fact] += 1
                else:
                    misses.append(
                        {"shape": shape, "fact": fact, "expected": expected, "found": found[fact]}
                    )
            family = "cc" if original.licence else "permission"
            for k, kind in enumerate(COPIES):
                html, url = make_copy(rng, original, kind, i + k)
                cdoc = load_bytes(html.encode(), url)
                report = check_pair(cdoc, odoc, options)
                pairs += 1
                want = EXPECTED[(family, kind)]
                right = report.verdict == want
                verdicts[(kind, right)] += 1
                by_shape[shape]["right" if right else "wrong"] += 1
                if not right:
                    misses.append(
                        {
                            "shape": shape,
                            "copy": kind,
                            "expected": want,
                            "found": report.verdict,
                            "findings": [
                                f"{f.severity} {f.rule_id} {f.outcome}: {f.message}"[:200]
                                for f in report.findings
                                if f.severity != "advisory"
                            ],
                        }
                    )
                if kind == "credited":
                    errors = [
                        f for f in report.findings if f.severity == "error" and f.kind != "venue"
                    ]
                    if errors:
                        credited_errors.append(
                            {
                                "shape": shape,
                                "errors": [f"{f.rule_id} {f.outcome}" for f in errors],
                            }
                        )
                if kind == "edited" and original.licence:
                    edits_caught[0] += any(
                        f.kind in ("no_modification", "disclose_changes") and f.severity == "error"
                        for f in report.findings
                    )
                    edits_caught[1] += 1
                if kind == "independent" and report.verdict != "not-a-copy":
                    independent_copies.append(
                        {
                            "shape": shape,
                            "verdict": report.verdict,
                            "longest_run": report.comparison.longest_run,
                            "passages": [
                                f"{p.kind} {p.words} words, score {p.score:.0f}"
                                for p in report.comparison.passages
                            ],
                        }
                    )
    right_verdicts = sum(n for (_k, ok), n in verdicts.items() if ok)
    return {
        "originals": facts_total,
        "pairs": pairs,
        "facts_right": {f: round(facts_right[f] / facts_total, 3) for f in FACTS},
        "verdicts_right": round(right_verdicts / pairs, 3),
        "verdicts_right_by_copy": {
            kind: round(
                verdicts[(kind, True)] / max(1, verdicts[(kind, True)] + verdicts[(kind, False)]), 3
            )
            for kind in COPIES
        },
        "verdicts_right_by_shape": {
            s: round(c["right"] / max(1, c["right"] + c["wrong"]), 3) for s, c in by_shape.items()
        },
        "credited_copies_with_errors": len(credited_errors),
        "edited_copies_caught": round(edits_caught[0] / max(1, edits_caught[1]), 3),
        "independent_pairs_called_copies": len(independent_copies),
        "cpu_seconds": round(time.process_time() - started, 1),
        "misses": misses[:40],
        "credited_errors": credited_errors[:20],
        "independent_copies": independent_copies[:20],
    }


def without_split(per_shape: int, seed: int) -> dict[str, Any]:
    """The same run with the whole text compared (no work/notice/furniture split): baseline."""
    from compliance.documents import regions

    kept = regions.work_text
    regions.work_text = lambda doc: doc.text
    try:
        return run(per_shape, seed)
    finally:
        regions.work_text = kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one original per shape")
    parser.add_argument("--per-shape", type=int, default=12, help="originals per page shape")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    per_shape = 1 if args.quick else args.per_shape
    result = run(per_shape, args.seed)
    baseline = without_split(per_shape, args.seed)
    result["baseline_without_split"] = {
        k: baseline[k]
        for k in ("verdicts_right", "verdicts_right_by_copy", "credited_copies_with_errors")
    }
    result["settings"] = {"per_shape": per_shape, "seed": args.seed, "shapes": list(SHAPES)}
    print(f"{result['originals']} originals, {result['pairs']} copy/original pairs")
    for fact, share in result["facts_right"].items():
        print(f"  fact {fact:<17} right {share:.3f}   (target >= 0.95)")
    print(f"  verdicts right         {result['verdicts_right']:.3f}   (target >= 0.95)")
    for kind, share in result["verdicts_right_by_copy"].items():
        print(f"    {kind:<20} {share:.3f}")
    print(
        f"  credited copies with error findings: {result['credited_copies_with_errors']} (target 0)"
    )
    print(f"  edited CC copies with an edit finding: {result['edited_copies_caught']:.3f}")
    called = result["independent_pairs_called_copies"]
    print(f"  independent pairs called copies:     {called} (target 0)")
    base = result["baseline_without_split"]
    print(
        f"  baseline, same run, whole text compared: verdicts right {base['verdicts_right']:.3f}, "
        f"credited copies with error findings {base['credited_copies_with_errors']}"
    )
    print(f"  CPU {result['cpu_seconds']} s")
    for miss in result["misses"][:15]:
        print("  miss:", json.dumps(miss, ensure_ascii=False)[:300])
    if not args.quick:
        from compliance.fileio import write_atomic

        out = ROOT / "bench" / "results" / "realpages.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        print(f"saved {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
