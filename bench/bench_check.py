"""How long `compliance check` takes on a 5,000-word pair, against a naive baseline.

The issue's budget: one pair of 5,000-word articles checked in under 1 s. This script builds a
5,000-word HTML original (with a Global-Research-style footer), a republished copy of it wrapped
in a partner site's navigation with some sentences reworded, a paragraph dropped and two swapped,
and times, in the same run:

- ``load``: loading both documents (HTML main-text extraction);
- ``compare``: MinHash + containment + passage alignment (compliance.similarity.compare);
- ``check_pair``: the whole pipeline after loading (terms, compare, checks, fair use, verdict);
- ``process``: a fresh ``compliance check`` process, start to exit (what a user waits for);
- ``baseline``: difflib.SequenceMatcher over the two word lists, the textbook way to find
  copied passages, which gives no offsets in characters and no checks.

Usage::

    python bench/bench_check.py [--words 5000] [--runs 5]

It prints the median of each and the ratio to the baseline, and the median CPU time (user +
system) of the fresh process: on a shared, loaded machine wall time mostly measures the queue,
CPU time what the process itself costs.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

URL = "https://www.meridianobserver.org/2024/05/long-read/7001"


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
    return paragraphs


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
    fn()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    args = parser.parse_args()

    from compliance.documents import load_path
    from compliance.pipeline import CheckOptions, check_pair, with_library
    from compliance.similarity import compare

    rng = random.Random(7)
    paragraphs = article(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        orig_path, copy_path = Path(tmp, "original.html"), Path(tmp, "copy.html")
        orig_path.write_text(original_html(paragraphs), encoding="utf-8")
        copy_path.write_text(copy_html(paragraphs, rng), encoding="utf-8")
        original, copy = load_path(orig_path), load_path(copy_path)
        options = with_library(CheckOptions())
        report = check_pair(copy, original, options)

        t_load = median_time(lambda: (load_path(orig_path), load_path(copy_path)), args.runs)
        t_compare = median_time(lambda: compare(original.text, copy.text), args.runs)
        t_check = median_time(lambda: check_pair(copy, original, options), args.runs)
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
        t_process, cpu_process = process_times(cmd, env, args.runs)
        start_cmd = [sys.executable, "-m", "compliance", "--help"]
        t_start, cpu_start = process_times(start_cmd, env, args.runs)
        a, b = original.text.split(), copy.text.split()
        t_base = median_time(
            lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks(),
            args.runs,
        )

    words = len(original.text.split())
    print(
        f"pair: original {words} words, copy {len(copy.text.split())} words; "
        f"verdict {report.verdict}, {len(report.comparison.passages)} passages, "
        f"coverage {report.comparison.coverage:.0%}"
    )
    print(f"{'step':<28}{'median s':>10}{'x baseline':>12}{'CPU s':>8}")
    for name, t, cpu in (
        ("load both documents", t_load, None),
        ("compare (minhash + align)", t_compare, None),
        ("check_pair (after load)", t_check, None),
        ("whole `compliance check`", t_process, cpu_process),
        ("`compliance --help`", t_start, cpu_start),
        ("baseline: difflib words", t_base, None),
    ):
        cpu_text = f"{cpu:>8.3f}" if cpu is not None else f"{'':>8}"
        print(f"{name:<28}{t:>10.3f}{t / t_base:>12.2f}{cpu_text}")
    verdict = "within" if cpu_process < 1.0 else "OVER"
    print(
        f"budget: whole process {t_process:.3f} s wall, {cpu_process:.3f} s CPU; "
        f"CPU {verdict} the 1 s budget"
    )


if __name__ == "__main__":
    main()
