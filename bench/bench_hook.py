"""How long `compliance hook` and `compliance check` take, whole process, as ratios in one run.

The pre-commit hook runs on every commit, so it must start in a blink. Absolute times depend on
the machine and on how busy it is, so every figure is a ratio to a baseline measured in the same
run, on the same machine:

- ``python -c pass``: the interpreter's own start-up;
- ``python -c "import yaml"``: the smallest useful program (the hook's older yardstick).

Commands timed (fresh processes; the first run of each is discarded as warm-up):

- ``compliance hook POST`` whose front matter names its original, looked up by URL in a SQLite
  index of N originals (the README's figure);
- ``compliance hook POST`` with no front matter (containment search over the index);
- ``compliance hook POST`` in a project with only an originals folder of one article (no index);
- ``compliance check POST --original ORIGINAL --format json``.

CPU (user + system time of the child) is the figure compared; a busy 2-core machine inflates
wall time far more. Targets: hook <= 6x and check <= 12x ``python -c pass``.

A third baseline is the floor the dependencies set: ``python -c`` importing every module (standard
library and third party, in the same order) that the hook's run above imports, besides this
package's own. No hook can start faster than the modules it uses take to import.

The tree's modules are byte-compiled first (``compileall``), as ``pip install`` does for an
installed package: where bytecode is not written (``PYTHONDONTWRITEBYTECODE``, a read-only
checkout) every run would otherwise compile the package's modules from source again, which is
no part of a user's start-up.

Usage::

    python bench/bench_hook.py [--originals 1000] [--runs 10] [--quick] [--workdir DIR]

Results go to bench/results/hook.json (``--quick``: 100 originals, 5 runs, not saved unless
``--save``).
"""

from __future__ import annotations

import argparse
import json
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
RESULTS = ROOT / "bench" / "results" / "hook.json"
TARGET_HOOK = 6.0  # x python -c pass, CPU
TARGET_CHECK = 12.0
FLOOR = "imports alone (not compliance's)"

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


def timed(args: list[str], cwd: Path, runs: int) -> dict[str, float | int]:
    """Median and best wall time, median CPU time and exit status of ``runs`` fresh processes."""
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
    return {
        "wall_median_s": round(statistics.median(times), 4),
        "wall_best_s": round(min(times), 4),
        "cpu_median_s": round(statistics.median(cpu), 4),
        "exit": status,
    }


def byte_compile() -> None:
    """Write the package's bytecode beside its sources (``__pycache__``, ignored by git)."""
    packages = [str(ROOT / "compliance"), str(ROOT / "rules")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True)


# Run the command in-process and, at exit, write the modules it imported that are not this
# package's (nor the interpreter's own at start-up) to the file named by BENCH_MODULES.
_PROBE = """
import atexit, json, os, runpy, sys
before = set(sys.modules)

def _dump():
    names = [m for m in sys.modules if m not in before and m.split(".")[0] != "compliance"]
    with open(os.environ["BENCH_MODULES"], "w", encoding="utf-8") as out:
        json.dump(names, out)

atexit.register(_dump)
sys.argv = ["compliance", *sys.argv[1:]]
runpy.run_module("compliance", run_name="__main__", alter_sys=True)
"""


def imported_modules(args: list[str], cwd: Path, workdir: Path) -> list[str]:
    """The modules ``compliance ARGS`` imports besides the package's own, in import order."""
    listing = workdir / "modules.json"
    env = dict(os.environ, BENCH_MODULES=str(listing))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    listing.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    if done.returncode not in (0, 1) or not listing.exists():
        raise SystemExit(f"compliance {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    names: list[str] = json.loads(listing.read_text(encoding="utf-8"))
    return names


def floor_command(modules: list[str]) -> list[str]:
    """``python -c`` importing ``modules`` in order (one that fails alone is skipped)."""
    code = (
        "import importlib\n"
        f"for name in {modules!r}:\n"
        "    try:\n        importlib.import_module(name)\n"
        "    except Exception:\n        pass\n"
    )
    return [sys.executable, "-c", code]


def folder_project(workdir: Path) -> Path:
    """A project with an originals folder holding the sample original and no index."""
    project = workdir / "folder-project"
    (project / "originals").mkdir(parents=True, exist_ok=True)
    (project / "posts").mkdir(exist_ok=True)
    shutil.copy(ORIGINAL, project / "originals" / ORIGINAL.name)
    (project / "compliance.yaml").write_text(
        "originals: originals\nfiles: ['posts/**/*.md']\n", encoding="utf-8"
    )
    body = COPY.read_text(encoding="utf-8").replace(f"]({ORIGINAL_URL})", "]")
    (project / "posts" / "post.md").write_text(body, encoding="utf-8")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--originals", type=int, default=None)
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="100 originals, 5 runs")
    parser.add_argument("--save", action="store_true", help="save results even with --quick")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    count = args.originals or (100 if args.quick else 1000)
    runs = args.runs or (5 if args.quick else 10)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-hook-"))
    declared, searched = build(workdir, count)
    byte_compile()
    project = folder_project(workdir)
    py = sys.executable
    me = [py, "-m", "compliance"]
    modules = imported_modules(["hook", str(declared)], workdir, workdir)
    rows = [
        ("python -c pass", [py, "-c", "pass"], workdir),
        ('python -c "import yaml"', [py, "-c", "import yaml"], workdir),
        (FLOOR, floor_command(modules), workdir),
        ("hook POST, original named, index", [*me, "hook", str(declared)], workdir),
        ("hook POST, index search", [*me, "hook", str(searched)], workdir),
        ("hook POST, originals folder", [*me, "hook", "posts/post.md"], project),
        (
            "check POST --original",
            [*me, "check", str(searched), "--original", str(ORIGINAL), "--format", "json"],
            workdir,
        ),
    ]
    print(f"{count} originals indexed in {workdir}; median of {runs} runs each")
    print(f"{'command':36} {'wall s':>8} {'CPU s':>7} {'x pass':>7} {'x yaml':>7}")
    results = {label: timed(cmd, cwd, runs) for label, cmd, cwd in rows}
    floor = results["python -c pass"]["cpu_median_s"] or 1e-3
    yaml_floor = results['python -c "import yaml"']["cpu_median_s"] or 1e-3
    for label, figures in results.items():
        figures["x_pass"] = round(figures["cpu_median_s"] / floor, 2)
        figures["x_yaml"] = round(figures["cpu_median_s"] / yaml_floor, 2)
        print(
            f"{label:36} {figures['wall_median_s']:8.3f} {figures['cpu_median_s']:7.3f} "
            f"{figures['x_pass']:7.1f} {figures['x_yaml']:7.1f}"
        )
    hook = results["hook POST, original named, index"]["x_pass"]
    check = results["check POST --original"]["x_pass"]
    deps = results[FLOOR]["x_pass"]
    verdict = {
        "floor_modules": len(modules),
        "floor_x_pass": deps,
        "hook_x_pass": hook,
        "hook_target": TARGET_HOOK,
        "hook_met": hook <= TARGET_HOOK,
        "check_x_pass": check,
        "check_target": TARGET_CHECK,
        "check_met": check <= TARGET_CHECK,
    }
    print(f"the hook's {len(modules)} modules alone take {deps:.1f}x python -c pass to import")
    print(
        f"hook {hook:.1f}x python -c pass (target <= {TARGET_HOOK}x: "
        f"{'met' if verdict['hook_met'] else 'NOT met'}); check {check:.1f}x "
        f"(target <= {TARGET_CHECK}x: {'met' if verdict['check_met'] else 'NOT met'})"
    )
    if not args.quick or args.save:
        sys.path.insert(0, str(ROOT))
        from compliance.fileio import write_atomic

        payload = {
            "originals": count,
            "runs": runs,
            "cpu_count": os.cpu_count(),
            "python": sys.version.split()[0],
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "commands": results,
            "targets": verdict,
        }
        write_atomic(RESULTS, json.dumps(payload, indent=2) + "\n")
        print(f"saved {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
