"""How long `compliance check` takes on a 5,000-word pair, against a naive baseline, and how
alignment scales to 100,000 words.

This script builds a 5,000-word HTML original (with a Global-Research-style footer), a
republished copy of it wrapped in a partner site's navigation with some sentences reworded, a
paragraph dropped and two swapped, and measures, in the same run (median CPU seconds):

- ``load``: loading both documents (HTML main-text extraction);
- ``compare``: shingles, containment, exact Jaccard and passage alignment
  (compliance.similarity.compare);
- ``check_pair``: the whole pipeline after loading (terms, compare, checks, fair use, verdict);
- ``process``: a fresh ``compliance check`` process, start to exit (what a user waits for);
- ``baseline``: difflib.SequenceMatcher over the two word lists, the textbook way to find
  copied passages, which gives no offsets in characters and no checks.

Then the same pair shape at 5k, 20k and 100k words: ``compare`` CPU per word as a ratio to the
5k figure (linear growth keeps it near 1) and the share of the original aligned (coverage),
which should not fall as the document grows. Beyond the project's own prose (about 11,000
words) the long articles continue with PAN13 source documents read from ``../shared`` at run
time (never copied into the repository).

Usage::

    python bench/bench_check.py [--words 5000] [--runs 5] [--quick]

Prints each figure and its ratio to the baseline and writes bench/results/check.json.
On a shared, loaded machine wall time mostly measures the queue; CPU time (user + system) is
what the work itself costs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

URL = "https://www.meridianobserver.org/2024/05/long-read/7001"
PAN_SOURCES = ROOT.parent / "shared" / "data" / "pan13" / "src"
RESULTS = ROOT / "bench" / "results" / "check.json"


def article(words: int) -> list[str]:
    """Paragraphs of real prose (the project's sample articles, fixtures and docs), ``words`` long.

    Generated word salad would be the wrong test: real articles repeat their content words, which
    is what makes alignment hard, and they must be measured as they are.
    """
    from compliance.documents import load_path

    sources = sorted((ROOT / "samples" / "originals").iterdir())
    fixtures = ROOT / "tests" / "data" / "documents"
    sources += sorted(fixtures.rglob("*.html")) + sorted(fixtures.rglob("*.md"))
    sources.append(ROOT / "samples" / "republished" / "excerpt-in-new-article.md")
    sources += [ROOT / "rules" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    paragraphs, count = [], 0
    for path in sources:
        for para in load_path(path).text.split("\n\n"):
            if len(para.split()) >= 12:
                paragraphs.append(para)
                count += len(para.split())
            if count >= words:
                return paragraphs
    for path in sorted(PAN_SOURCES.glob("*.txt")) if PAN_SOURCES.is_dir() else []:
        for para in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            if len(para.split()) >= 12:
                paragraphs.append(" ".join(para.split()))
                count += len(para.split())
        if count >= words:
            return paragraphs
    raise SystemExit(f"bench_check.py: only {count} words of prose for {words} (no {PAN_SOURCES})")


def original_html(paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>A long read</title>
<link rel="canonical" href="{URL}"><meta name="author" content="Tomas Reyes"></head><body>
<nav><a href="https://www.meridianobserver.org/">Home</a></nav><article><h1>A long read</h1>
<p>By Tomas Reyes</p>{body}
<p>The original source of this article is <a href="{URL}">Meridian Observer</a></p>
<p>Copyright © Tomas Reyes, Meridian Observer, 2024</p></article>
<footer><p>The Meridian Institute grants permission to cross-post Meridian Observer articles on
community internet sites, provided that the source and the copyright are credited together with
a hyperlink to the original article.</p></footer></body></html>"""


def copy_html(paragraphs: list[str], rng: random.Random) -> str:
    edited = list(paragraphs)
    for i in rng.sample(range(len(edited)), k=max(1, len(edited) // 6)):
        words = edited[i].split()
        j = rng.randrange(len(words))
        words[j] = "reportedly"
        edited[i] = " ".join(words)
    del edited[len(edited) // 2]
    edited[1], edited[2] = edited[2], edited[1]
    body = "\n".join(f"<p>{p}</p>" for p in edited)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Reposted</title></head>
<body><nav><a href="https://commonsdispatch.net/">Commons Dispatch</a>
<a href="https://commonsdispatch.net/world/">World</a></nav><main><article><h1>A long read</h1>
{body}<p>The original source of this article is <a href="{URL}">Meridian Observer</a>.
Copyright © Tomas Reyes, Meridian Observer, 2024.</p></article></main>
<aside><a href="https://commonsdispatch.net/most-read">Most read</a></aside></body></html>"""


def median_time(fn: Callable[[], object], runs: int) -> float:
    """Median CPU seconds of ``runs`` calls of ``fn`` in this process, after one warm-up."""
    fn()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def pair(words: int, folder: Path) -> tuple[Path, Path]:
    """An original of ``words`` words and its reworded, reordered copy, written as HTML."""
    rng = random.Random(7)
    paragraphs = article(words)
    orig_path, copy_path = folder / f"original-{words}.html", folder / f"copy-{words}.html"
    orig_path.write_text(original_html(paragraphs), encoding="utf-8")
    copy_path.write_text(copy_html(paragraphs, rng), encoding="utf-8")
    return orig_path, copy_path


def scaling(sizes: list[int], runs: int, folder: Path) -> list[dict[str, float]]:
    """compare() CPU per word and aligned share at each size; ratios to the first size."""
    from compliance.documents import load_path
    from compliance.similarity import compare

    rows: list[dict[str, float]] = []
    for size in sizes:
        original, copy = (load_path(p) for p in pair(size, folder))
        t = median_time(partial(compare, original.text, copy.text), runs)
        c = compare(original.text, copy.text)
        words = len(original.text.split())
        rows.append(
            {
                "words": words,
                "compare_cpu_s": round(t, 4),
                "us_per_word": round(t / words * 1e6, 2),
                "coverage": c.coverage,
                "containment": c.containment,
            }
        )
    for row in rows:
        row["per_word_ratio"] = round(row["us_per_word"] / rows[0]["us_per_word"], 2)
        row["coverage_points_vs_first"] = round(100 * (row["coverage"] - rows[0]["coverage"]), 1)
    return rows


def process_times(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """(median wall, median CPU user + system) of ``runs`` fresh processes, after one warm-up."""
    walls: list[float] = []
    cpus: list[float] = []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            walls.append(wall)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="3 runs, sizes 5k and 20k only")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    sizes = [5_000, 20_000] if args.quick else [5_000, 20_000, 100_000]

    from compliance.documents import load_path
    from compliance.fileio import write_atomic
    from compliance.pipeline import CheckOptions, check_pair, with_library
    from compliance.similarity import compare

    with tempfile.TemporaryDirectory() as tmp:
        orig_path, copy_path = pair(args.words, Path(tmp))
        original, copy = load_path(orig_path), load_path(copy_path)
        options = with_library(CheckOptions())
        report = check_pair(copy, original, options)

        a, b = original.text.split(), copy.text.split()
        t_base = median_time(
            lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks(),
            runs,
        )
        t_load = median_time(lambda: (load_path(orig_path), load_path(copy_path)), runs)
        t_compare = median_time(lambda: compare(original.text, copy.text), runs)
        t_check = median_time(lambda: check_pair(copy, original, options), runs)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        cmd = [
            sys.executable,
            "-m",
            "compliance",
            "check",
            str(copy_path),
            "--original",
            str(orig_path),
            "--format",
            "json",
            "--fail-on",
            "never",
        ]
        _, cpu_process = process_times(cmd, env, runs)
        _, cpu_start = process_times([sys.executable, "-m", "compliance", "--help"], env, runs)
        rows = scaling(sizes, runs, Path(tmp))

    words = len(original.text.split())
    print(
        f"pair: original {words} words, copy {len(copy.text.split())} words; "
        f"verdict {report.verdict}, {len(report.comparison.passages)} passages, "
        f"coverage {report.comparison.coverage:.0%}"
    )
    steps = {
        "baseline: difflib words": t_base,
        "load both documents": t_load,
        "compare": t_compare,
        "check_pair (after load)": t_check,
        "whole `compliance check`": cpu_process,
        "`compliance --help`": cpu_start,
    }
    print(f"{'step':<28}{'CPU s':>8}{'x baseline':>12}")
    for name, t in steps.items():
        print(f"{name:<28}{t:>8.3f}{t / t_base:>12.2f}")
    print(
        f"\n{'words':>8}{'compare s':>11}{'us/word':>9}{'x 5k':>6}{'coverage':>10}{'pts vs 5k':>11}"
    )
    for row in rows:
        print(
            f"{row['words']:>8}{row['compare_cpu_s']:>11.3f}{row['us_per_word']:>9.1f}"
            f"{row['per_word_ratio']:>6.2f}{row['coverage']:>10.3f}"
            f"{row['coverage_points_vs_first']:>11.1f}"
        )
    results = {
        "pair_words": words,
        "runs": runs,
        "cpu_seconds": {k: round(v, 4) for k, v in steps.items()},
        "ratio_to_baseline": {k: round(v / t_base, 2) for k, v in steps.items()},
        "scaling": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(RESULTS, json.dumps(results, indent=2) + "\n")
    print(f"\nwritten {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
