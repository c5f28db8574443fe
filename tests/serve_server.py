"""A real `compliance serve` on a free loopback port, for the tests that call it over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "s3cret-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


@contextmanager
def running(workdir: Path, *options: str, token: str = TOKEN) -> Iterator[str]:
    """Start `compliance serve` in ``workdir`` on a free loopback port; yield its base URL."""
    with server_process(workdir, *options, token=token) as (base, _proc):
        yield base


@contextmanager
def server_process(
    workdir: Path, *options: str, token: str = TOKEN
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Like ``running``, yielding the server process too."""
    port = free_port()
    log = (workdir / f"server-{port}.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "compliance",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            *options,
        ],
        cwd=workdir,
        env=env(COMPLIANCE_TOKEN=token, COMPLIANCE_CACHE_DIR=str(workdir / ".cache")),
        stdout=log,  # a file, not a pipe: a full pipe would stall a busy server
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if proc.poll() is not None:
                output = (workdir / f"server-{port}.log").read_text(encoding="utf-8")
                pytest.fail(f"server exited early:\n{output}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("server did not answer /healthz within 60 s")
            time.sleep(0.1)
        yield base, proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
