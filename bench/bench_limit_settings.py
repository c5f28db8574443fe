"""What raising a document limit costs: a page refused by default, then checked with it raised.

    python bench/bench_limit_settings.py

Pages just past one default limit (30,000 links; 250,000 lines) are checked by the CLI three
ways: with the defaults (refused), with ``--limit NAME=N`` raised past them, and with the same
raise in ``compliance.yaml``'s ``limits:``. CPU seconds and peak memory are each child's own
(``bench_limits.measure``); the baseline, measured in the same run, is an ordinary article.
Results go to ``bench/results/limit_settings.json``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench_limits import ARTICLE, measure

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "limit_settings.json"

PAGES = {
    "30k links": (
        ".html",
        "<html><body><p>"
        + "".join(f'<a href="/a{i}">x</a> ' for i in range(30_000))
        + "</p></body></html>",
        "links=50000",
    ),
    "250k lines": (".txt", "word\n" * 250_000, "lines=300000"),
}


def main() -> None:
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        original = folder / "original.txt"
        original.write_text(ARTICLE * 20, encoding="utf-8")
        baseline = folder / "baseline.html"
        baseline.write_text(f"<html><body><p>{ARTICLE * 40}</p></body></html>", encoding="utf-8")
        results["baseline article"] = measure(baseline, original, cwd=folder)
        for label, (suffix, content, setting) in PAGES.items():
            page = folder / f"page{suffix}"
            page.write_text(content, encoding="utf-8")
            results[f"{label}, defaults"] = measure(page, original, cwd=folder)
            results[f"{label}, --limit {setting}"] = measure(
                page, original, "--limit", setting, cwd=folder
            )
            key, number = setting.split("=")
            config = folder / "compliance.yaml"
            config.write_text(f"limits:\n  {key}: {number}\n", encoding="utf-8")
            results[f"{label}, limits: in compliance.yaml"] = measure(page, original, cwd=folder)
            config.unlink()
    base = results["baseline article"]["cpu_s"] or 0.01  # type: ignore[index]
    for row, value in results.items():
        assert isinstance(value, dict)
        value["cpu_vs_baseline"] = round(value["cpu_s"] / base, 1)
        print(f"{row}: {value}", flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
