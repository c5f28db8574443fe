"""The service under load, with and without 200 slow clients holding connections open.

    python bench/bench_serve.py [--quick] [--requests N] [--slow N]

Starts `compliance serve` on loopback, then sends N check requests (8 at a time, each a real
sample draft and its original) twice: once alone (the baseline), once while ``--slow`` other
clients, each from its own loopback address (127.0.1.x), keep a connection open that never
finishes its headers and reopen it whenever the server closes it. Prints p50/p99 latency,
throughput and errors for both phases and the ratios; saves ``bench/results/serve.json``.
Loopback only. ``--quick``: 200 requests.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "serve.json"
TOKEN = "bench-token"
CONCURRENCY = 8


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "COMPLIANCE_TOKEN": TOKEN}
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "compliance", "serve", "--port", str(port), "--workers", "2"],
        cwd=folder,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("server did not start")


class SlowClients:
    """``count`` connections, each from its own address, that never finish their headers."""

    def __init__(self, port: int, count: int) -> None:
        self.port = port
        self.count = count
        self.stop = threading.Event()
        self.opened = 0
        self.threads = [
            threading.Thread(target=self._hold, args=(f"127.0.1.{n + 1}",), daemon=True)
            for n in range(count)
        ]

    def __enter__(self) -> SlowClients:
        for thread in self.threads:
            thread.start()
        time.sleep(2)  # let them all connect
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def _hold(self, address: str) -> None:
        while not self.stop.is_set():
            try:
                with socket.create_connection(
                    ("127.0.0.1", self.port), timeout=5, source_address=(address, 0)
                ) as sock:
                    self.opened += 1
                    sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\n")
                    sock.settimeout(1)
                    while not self.stop.is_set():
                        try:
                            if sock.recv(1024) == b"":
                                break  # closed by the server: open another
                        except TimeoutError:
                            sock.sendall(b"X-Slow: 1\r\n")  # a byte now and then
            except OSError:
                time.sleep(0.2)


def bodies() -> list[dict[str, str]]:
    """Request bodies from the sample pairs of samples/README.md."""
    out = []
    for line in (ROOT / "samples" / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].startswith("republished/"):
            copy, original = ROOT / "samples" / cells[0], ROOT / "samples" / cells[1]
            out.append(
                {
                    "draft": copy.read_text(encoding="utf-8"),
                    "original": original.read_text(encoding="utf-8"),
                }
            )
    return out


def run_phase(base: str, requests: int) -> dict[str, Any]:
    samples = bodies()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    local = threading.local()

    def one(n: int) -> None:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(
                headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120
            )
        started = time.perf_counter()
        try:
            answer = client.post(f"{base}/v1/check", json=samples[n % len(samples)])
            outcome = str(answer.status_code)
        except httpx.HTTPError as exc:
            outcome = type(exc).__name__
        elapsed = time.perf_counter() - started
        with lock:
            if outcome == "200":
                latencies.append(elapsed)
            else:
                errors[outcome] = errors.get(outcome, 0) + 1

    started = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        list(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": requests,
        "ok": len(latencies),
        "errors": errors,
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1) if latencies else None,
        "requests_per_s": round(requests / wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--slow", type=int, default=200)
    args = parser.parse_args()
    requests = 200 if args.quick else args.requests
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        proc, base = start_server(Path(folder))
        try:
            run_phase(base, 4 * CONCURRENCY)  # warm-up: first checks load caches
            baseline = run_phase(base, requests)
            print("baseline", baseline, flush=True)
            port = int(base.rsplit(":", 1)[1])
            with SlowClients(port, args.slow) as slow:
                attacked = run_phase(base, requests)
                attacked["slow_connections_opened"] = slow.opened
            print(f"with {args.slow} slow clients", attacked, flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    ratios = {
        key: round(attacked[key] / baseline[key], 2)
        for key in ("p50_ms", "p99_ms", "requests_per_s")
        if baseline.get(key) and attacked.get(key)
    }
    print("ratios (with slow clients / baseline)", ratios)
    results = {
        "slow_clients": args.slow,
        "concurrency": CONCURRENCY,
        "workers": 2,
        "baseline": baseline,
        "with_slow_clients": attacked,
        "ratios": ratios,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
