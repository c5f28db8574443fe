"""Hostile documents under the size limit: CPU seconds and peak memory of one `compliance check`.

    python bench/bench_limits.py [--quick]

Each case (a million links, 1.5 M paragraphs, 300,000 attributes on one tag, a long article,
a 15 MiB line, 2 M lines) is written to a file and checked against a small original by the
CLI in a child process, so its CPU time and peak RSS are its own. The baseline, measured in
the same run, is the same check of an ordinary article; results go to
``bench/results/limits.json``. ``--quick`` uses a tenth of each size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "limits.json"
ARTICLE = "River towns along the valley voted on Sunday to share one flood warning network. "


def cases(scale: float) -> dict[str, tuple[str, str]]:
    """name -> (file suffix, content)."""

    def n(count: int) -> int:
        return max(1, int(count * scale))

    return {
        "baseline article": (".html", f"<html><body><p>{ARTICLE * 40}</p></body></html>"),
        "1M links": (
            ".html",
            "<html><body><p>" + '<a href="#">x</a>\n' * n(1_000_000) + "</p></body></html>",
        ),
        "1.5M paragraphs": (".html", "<html><body>" + "<p>x</p>" * n(1_500_000) + "</body></html>"),
        "300k attributes": (
            ".html",
            "<html><body><p "
            + " ".join(f"a{i}=1" for i in range(n(300_000)))
            + ">text</p></body></html>",
        ),
        "19 MiB article": (".txt", (ARTICLE + "\n\n") * n(19 * 1024 * 1024 // 84)),
        "15 MiB single line": (".txt", ARTICLE * n(15 * 1024 * 1024 // 82)),
        "2M lines": (".txt", "word\n" * n(2_000_000)),
        # Under the characters limit, so the count limits are what refuse them.
        "300k links in 4.5M characters": (
            ".html",
            "<html><body>" + ("<a href=#>x</a>" * 10 + "\n") * n(30_000) + "</body></html>",
        ),
        "500k paragraphs in 4M characters": (
            ".html",
            "<html><body>" + ("<p>x</p>" * 10 + "\n") * n(50_000) + "</body></html>",
        ),
        # Just under each default limit: what the tool accepts must stay cheap too.
        "4.9M-character article": (".txt", (ARTICLE + "\n\n") * n(4_900_000 // 84)),
        "24k links": (
            ".html",
            "<html><body><p>"
            + "".join(f'<a href="/a{i}">x</a> ' for i in range(n(24_000)))
            + "</p></body></html>",
        ),
        "95k paragraphs": (
            ".html",
            "<html><body>" + "<p>x</p><p>y</p>\n" * n(47_500) + "</body></html>",
        ),
        "190k lines": (".txt", "word\n" * n(190_000)),
        "990k-character line": (".txt", ARTICLE * n(990_000 // 82)),
    }


# Runs the check as its own child, so CPU time and peak memory are the check's alone.
_WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
lines = done.stderr.strip().splitlines()
print(json.dumps({"exit": done.returncode, "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                  "peak_rss_mb": round(usage.ru_maxrss / 1024),
                  "message": lines[-1][:160] if lines else ""}))
"""


def measure(path: Path, original: Path, *extra: str, cwd: Path | None = None) -> dict[str, object]:
    """One `compliance check PATH --original ORIGINAL EXTRA...` run in ``cwd``: its own CPU
    seconds, peak memory, exit status and last line of stderr."""
    check = [sys.executable, "-m", "compliance", "check", str(path), "--original", str(original)]
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *check, *extra],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    scale = 0.1 if args.quick else 1.0
    results: dict[str, object] = {"scale": scale}
    with tempfile.TemporaryDirectory() as folder:
        original = Path(folder) / "original.txt"
        original.write_text(ARTICLE * 20, encoding="utf-8")
        for name, (suffix, content) in cases(scale).items():
            path = Path(folder) / f"case{suffix}"
            path.write_text(content, encoding="utf-8")
            results[name] = measure(path, original)
            print(name, results[name], flush=True)
    base = results["baseline article"]["cpu_s"] or 0.01  # type: ignore[index]
    for value in results.values():
        if isinstance(value, dict):
            value["cpu_vs_baseline"] = round(value["cpu_s"] / base, 1)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
