"""How long `compliance hook` takes, whole process, for one post against 1,000 originals.

The pre-commit hook runs on every commit, so its budget is 0.5 s from process start to exit. On a
shared machine wall time mostly measures waiting for a CPU, so the CPU column (user + system time
of the child) is the one to compare with the budget.

This script builds a SQLite index of 1,000 originals (999 synthetic articles plus the Northwind
sample), writes a post that republishes the sample without its hyperlink, and times fresh
processes of:

- ``python -c pass``: the interpreter's own start-up on this machine (the floor);
- ``compliance hook POST`` with the post's front matter naming the original (URL lookup);
- ``compliance hook POST`` with no front matter (containment search over the index);
- ``compliance check POST --original ORIGINAL`` (the plain check, no index).

Usage::

    python bench/bench_hook.py [--originals 1000] [--runs 7] [--workdir DIR]

It prints the median and best of each, in seconds. Times depend on the machine and on a warm
file cache; the first run of each command is discarded as warm-up.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ORIGINAL = SAMPLES / "originals" / "northwind-port-strike.md"
COPY = SAMPLES / "republished" / "compliant-full.md"
ORIGINAL_URL = "https://northwindanalysis.net/articles/2023/11/port-strike-third-week"
BUDGET = 0.5

WORDS = [
    "council",
    "harbour",
    "river",
    "budget",
    "minister",
    "election",
    "farmers",
    "drought",
    "market",
    "school",
    "vote",
    "province",
    "railway",
    "bridge",
    "tax",
    "court",
    "ruling",
    "hospital",
    "nurses",
    "strike",
    "coast",
    "storm",
    "energy",
    "grid",
    "prices",
    "wages",
    "union",
    "mayor",
    "village",
    "museum",
    "festival",
    "bank",
    "loan",
    "report",
    "inquiry",
    "police",
    "protest",
    "treaty",
    "border",
    "trade",
    "export",
    "factory",
    "mine",
    "forest",
    "fire",
    "rescue",
    "flood",
    "season",
    "harvest",
    "weather",
    "research",
    "study",
    "university",
    "students",
    "teachers",
    "water",
    "supply",
    "road",
    "traffic",
    "airport",
    "port",
    "ship",
]


def synthetic_article(rng: random.Random, n: int) -> str:
    """A Markdown article of ~600 random words with its own canonical URL."""
    paragraphs = []
    for _ in range(8):
        words = [rng.choice(WORDS) for _ in range(rng.randint(60, 90))]
        paragraphs.append(" ".join(words).capitalize() + ".")
    return (
        f"---\ntitle: Article {n}\ncanonical_url: https://news{n % 37}.example/a/{n}\n"
        f"site_name: News {n % 37}\n---\n\n# Article {n}\n\n" + "\n\n".join(paragraphs) + "\n"
    )


def build(workdir: Path, count: int) -> tuple[Path, Path]:
    """Write originals, index them, and return (post with front matter, post without)."""
    sys.path.insert(0, str(ROOT))
    from compliance.documents import load_path
    from compliance.index import open_index
    from compliance.index.ingest import add_documents

    originals = workdir / "originals"
    originals.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    for n in range(count - 1):
        (originals / f"a{n:04d}.md").write_text(synthetic_article(rng, n), encoding="utf-8")
    shutil.copy(ORIGINAL, originals / ORIGINAL.name)
    index_path = workdir / "index.sqlite"
    if not index_path.exists():
        storage = open_index(index_path)
        docs = (load_path(p) for p in sorted(originals.iterdir()))
        results = list(add_documents(storage, docs))
        storage.close()
        errors = [r for r in results if r.status == "error"]
        if errors:
            raise SystemExit(f"could not index {len(errors)} originals: {errors[0].message}")
    (workdir / "compliance.yaml").write_text(
        f"index: {index_path}\nfiles: ['posts/**/*.md']\n", encoding="utf-8"
    )
    posts = workdir / "posts"
    posts.mkdir(exist_ok=True)
    body = COPY.read_text(encoding="utf-8").replace(f"]({ORIGINAL_URL})", "]")
    declared = posts / "declared.md"
    declared.write_text(body.replace("---\n", f"---\noriginal_url: {ORIGINAL_URL}\n", 1))
    searched = posts / "searched.md"
    searched.write_text(body, encoding="utf-8")
    return declared, searched


def timed(args: list[str], cwd: Path, runs: int) -> tuple[float, float, float, int]:
    """(median wall, best wall, median CPU, exit status) of ``runs`` fresh processes.

    One warm-up run is discarded. CPU is user + system time of the child, which a busy machine
    inflates less than wall time.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    times: list[float] = []
    cpu: list[float] = []
    status = 0
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        status = done.returncode
        if status not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed ({status}):\n{done.stderr}")
        if i:
            times.append(elapsed)
            cpu.append(used)
    return statistics.median(times), min(times), statistics.median(cpu), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--originals", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-hook-"))
    declared, searched = build(workdir, args.originals)
    py = sys.executable
    rows = [
        ("python -c pass (baseline)", [py, "-c", "pass"]),
        ("hook, original from front matter", [py, "-m", "compliance", "hook", str(declared)]),
        ("hook, original found by index search", [py, "-m", "compliance", "hook", str(searched)]),
        (
            "check --original (no index)",
            [
                py,
                "-m",
                "compliance",
                "check",
                str(searched),
                "--original",
                str(ORIGINAL),
                "--format",
                "json",
            ],
        ),
    ]
    print(f"{args.originals} originals indexed in {workdir}; {args.runs} runs each")
    print(f"{'command':42} {'median s':>9} {'best s':>8} {'CPU s':>7} {'exit':>5}")
    baseline = 0.0
    for label, cmd in rows:
        median, best, cpu, status = timed(cmd, workdir, args.runs)
        if label.startswith("python"):
            baseline = median
        print(f"{label:42} {median:9.3f} {best:8.3f} {cpu:7.3f} {status:5d}")
    print(f"budget {BUDGET:.2f} s whole-process; interpreter start-up alone {baseline:.3f} s")


if __name__ == "__main__":
    main()
