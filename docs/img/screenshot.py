"""Regenerate docs/img/report.png: the HTML report of one demo copy, in headless Chromium.

    python docs/img/screenshot.py [samples/republished/missing-source.html]

Needs the demo set, Playwright (dev extra) and Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from compliance.documents import load_path  # noqa: E402
from compliance.pipeline import CheckOptions, check_pair  # noqa: E402
from compliance.reports import render  # noqa: E402


def main() -> None:
    os.chdir(ROOT)  # so the report shows short, relative origins
    copy = Path(sys.argv[1] if len(sys.argv) > 1 else "samples/republished/missing-source.html")
    original = Path("samples/originals/meridian-flood-barriers.html")
    report = check_pair(load_path(copy), load_path(original), CheckOptions(today="2024-06-01"))
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(render(report, "html"), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri())
            box = page.locator("section.compare").bounding_box()
            height = int(box["y"] + box["height"] + 24) if box else 1800
            page.screenshot(
                path=str(ROOT / "docs/img/report.png"),
                clip={"x": 0, "y": 0, "width": 1280, "height": height},
                full_page=True,
            )
            browser.close()


if __name__ == "__main__":
    main()
