"""scan on a real Dask cluster: a `dask scheduler` and two `dask worker` processes started in
another folder, given relative input paths, answer as the serial scan does."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis_server import free_port
from test_scan_run import SAMPLES, index, options, pairs

from compliance.scan import build_tasks, scan

__all__ = ["index"]  # the sample originals' index, a fixture shared with test_scan_run

DASK = Path(sys.executable).with_name("dask")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two single-threaded workers, all running in a folder of their own."""
    from distributed import Client

    elsewhere = tmp_path_factory.mktemp("workers")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": elsewhere}
    procs = [subprocess.Popen([DASK, "scheduler", "--port", str(port), "--no-dashboard"], **quiet)]
    procs += [
        subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-dashboard"], **quiet)
        for _ in range(2)
    ]
    try:
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=30)


def test_two_real_workers_give_the_serial_answer_for_relative_paths(
    cluster: str, index: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SAMPLES)
    paths = sorted(str(p.relative_to(SAMPLES)) for p in (SAMPLES / "republished").iterdir())[:6]
    serial = pairs(scan(build_tasks(paths), options(index)))
    on_dask = pairs(scan(build_tasks(paths), options(index), scheduler=cluster))
    assert serial
    assert on_dask == serial
