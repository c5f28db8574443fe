"""Coverage-guided fuzzing of the loaders with atheris (libFuzzer), one target at a time.

    python tests/fuzz/fuzz.py --minutes 10 html markdown warc rule_file config service_request

Each target (see ``fuzz_targets.py``) runs in a child process for the time given. An input that
raises anything but an expected refusal is kept once per distinct failure (exception type and
innermost frame) in ``tests/fuzz/crashes/<target>/``; an input that hangs (``--timeout`` seconds)
or swells past ``--rss-mb`` is kept by libFuzzer there too, and the child is restarted until the
time is spent. ``test_fuzz_regressions.py`` replays every kept input. A summary per target
(executions, minutes, failures) is appended to ``bench/results/fuzz.json``, one entry per run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CRASHES = HERE / "crashes"
RESULTS = ROOT / "bench" / "results" / "fuzz.json"


def _seeds(target: str) -> list[bytes]:
    """A few real inputs for the fuzzer to start from."""
    if target == "html":
        files = sorted(ROOT.glob("samples/**/*.html")) + sorted(ROOT.glob("tests/data/**/*.html"))
        return [f.read_bytes()[:65536] for f in files[:20]]
    if target == "markdown":
        return [f.read_bytes()[:65536] for f in sorted(ROOT.glob("samples/**/*.md"))[:20]]
    if target == "rule_file":
        return [f.read_bytes() for f in sorted(ROOT.glob("rules/*.yaml"))]
    if target == "config":
        from compliance.config import starter_config

        return [starter_config().encode("utf-8")]
    if target == "warc":
        return [_warc_seed()]
    if target == "service_request":
        draft = (ROOT / "samples" / "republished").glob("*.md")
        text = next(iter(sorted(draft))).read_text(encoding="utf-8")
        return [
            json.dumps({"draft": text[:4000], "format": "markdown"}).encode(),
            json.dumps({"draft": "<p>x</p>", "original": "x", "venue": "print"}).encode(),
        ]
    raise SystemExit(f"unknown target {target!r}")


def _warc_seed() -> bytes:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = BytesIO()
    writer = WARCWriter(out, gzip=False)
    page = b"<html><body><p>A republished story, first published by Example News.</p></body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    record = writer.create_warc_record(
        "https://example.org/a", "response", payload=BytesIO(page), http_headers=headers
    )
    writer.write_record(record)
    return out.getvalue()


def _signature(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "compliance" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


def child(target: str, corpus: Path) -> None:
    """Run inside the libFuzzer process: instrument the package, fuzz one target."""
    import atheris

    sys.path.insert(0, str(HERE))
    import fuzz_targets

    for module in ("documents", "documents.html", "documents.markdown", "documents.warc"):
        __import__(f"compliance.{module}")
    for module in ("terms.schema", "config", "serve"):
        __import__(f"compliance.{module}")
    atheris.instrument_all()
    seen: set[str] = set()
    log = CRASHES / target / "failures.jsonl"

    def one_input(data: bytes) -> None:
        try:
            fuzz_targets.run(target, data)
        except (Exception, RecursionError) as exc:
            signature = _signature(exc)
            if signature in seen:
                return
            seen.add(signature)
            name = hashlib.sha1(data).hexdigest()[:12]
            (CRASHES / target).mkdir(parents=True, exist_ok=True)
            (CRASHES / target / f"crash-{name}").write_bytes(data)
            with log.open("a", encoding="utf-8") as handle:
                entry = {"input": f"crash-{name}", "failure": signature, "message": str(exc)[:300]}
                handle.write(json.dumps(entry) + "\n")
            print(f"FAILURE {signature}: {str(exc)[:200]}", file=sys.stderr, flush=True)

    atheris.Setup([sys.argv[0], *sys.argv[4:], str(corpus)], one_input)
    atheris.Fuzz()


def fuzz(target: str, minutes: float, timeout: int, rss_mb: int, work: Path) -> dict[str, Any]:
    """Fuzz ``target`` for ``minutes``, restarting after hangs; return the tally."""
    corpus = work / target
    corpus.mkdir(parents=True, exist_ok=True)
    for seed in _seeds(target):
        (corpus / f"seed-{hashlib.sha1(seed).hexdigest()[:12]}").write_bytes(seed)
    (CRASHES / target).mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + minutes * 60
    runs = restarts = 0
    while (left := int(deadline - time.monotonic())) > 5:
        flags = [
            f"-max_total_time={left}",
            f"-timeout={timeout}",
            f"-rss_limit_mb={rss_mb}",
            f"-artifact_prefix={CRASHES / target}/",
            "-max_len=65536",
        ]
        done = subprocess.run(
            [sys.executable, __file__, "--child", target, str(corpus), *flags],
            capture_output=True,
            text=True,
            check=False,
        )
        found = re.findall(r"Done (\d+) runs", done.stderr) or re.findall(r"#(\d+)\s", done.stderr)
        runs += int(found[-1]) if found else 0
        (work / f"{target}.log").write_text(done.stderr[-20000:], encoding="utf-8")
        if done.returncode != 0:
            restarts += 1
    failures = (
        [
            json.loads(line)
            for line in (CRASHES / target / "failures.jsonl").read_text().splitlines()
            if line.strip()
        ]
        if (CRASHES / target / "failures.jsonl").exists()
        else []
    )
    hangs = sorted(p.name for p in (CRASHES / target).glob("timeout-*"))
    swells = sorted(p.name for p in (CRASHES / target).glob("oom-*"))
    return {
        "target": target,
        "minutes": minutes,
        "executions": runs,
        "restarts": restarts,
        "failures": failures,
        "hangs": hangs,
        "memory": swells,
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="+")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--timeout", type=int, default=30, help="seconds one input may take")
    parser.add_argument("--rss-mb", type=int, default=2048, help="memory one input may take")
    parser.add_argument("--work", type=Path, default=Path("/tmp/compliance-fuzz"))
    args = parser.parse_args()
    for target in args.targets:
        tally = fuzz(target, args.minutes, args.timeout, args.rss_mb, args.work)
        results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        runs = results.get(target, [])
        results[target] = [*(runs if isinstance(runs, list) else [runs]), tally]
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(tally), flush=True)


if __name__ == "__main__":
    main()
