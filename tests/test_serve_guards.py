"""The service against hostile and careless clients: a real server on loopback, real sockets.

One error body for every status; the token before the body; slow headers, slow bodies and
piles of idle connections closed without starving real checks; a check past its timeout
stopped in its worker process while the requests behind it are answered.
"""

from __future__ import annotations

import json
import random
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from serve_server import TOKEN, running, server_process

from compliance.service.openapi import report_schema

AUTH = {"Authorization": f"Bearer {TOKEN}"}
GUARDS = ("--header-timeout", "1", "--body-timeout", "1", "--per-client", "4")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running(tmp_path_factory.mktemp("guards"), *GUARDS) as base:
        yield base


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def _error(answer: httpx.Response) -> dict[str, object]:
    body = answer.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    error: dict[str, object] = body["error"]
    return error


def _incomplete(base: str) -> socket.socket:
    """A connection that starts a request and never finishes its headers."""
    sock = socket.create_connection(("127.0.0.1", _port(base)))
    sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n")
    return sock


def _closed_by_server(sock: socket.socket, within: float = 20.0) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(4096) == b""
    except (TimeoutError, ConnectionResetError):
        return False
    finally:
        sock.close()


# -- one error body -------------------------------------------------------------------------


def test_401_has_the_error_body(server: str) -> None:
    error = _error(httpx.post(f"{server}/v1/check", json={"draft": "x"}))
    assert (error["code"], error["field"]) == ("unauthorized", None)


def test_422_names_the_field(server: str) -> None:
    answer = httpx.post(f"{server}/v1/check", json={"draft": "x", "venue": "moon"}, headers=AUTH)
    assert answer.status_code == 422
    assert _error(answer)["field"] == "venue"


def test_404_has_the_error_body(server: str) -> None:
    answer = httpx.get(f"{server}/v1/nowhere", headers=AUTH)
    assert answer.status_code == 404
    assert _error(answer)["code"] == "not_found"


def test_413_has_the_error_body(server: str) -> None:
    answer = httpx.post(f"{server}/v1/check", json={"draft": "x" * 6_000_000}, headers=AUTH)
    assert answer.status_code == 413
    assert _error(answer)["code"] == "too_large"


def test_authentication_comes_before_body_validation(server: str) -> None:
    headers = {"Content-Type": "application/json"}
    answer = httpx.post(f"{server}/v1/check", content=b'{"draft": ', headers=headers)
    assert answer.status_code == 401


def test_authentication_comes_before_the_size_limit(server: str) -> None:
    answer = httpx.post(f"{server}/v1/check", json={"draft": "x" * 6_000_000})
    assert answer.status_code == 401


def test_a_lone_surrogate_is_refused_and_the_connection_survives(server: str) -> None:
    body = b'{"draft": "text \\ud800 here"}'
    with httpx.Client(headers={**AUTH, "Content-Type": "application/json"}) as client:
        answer = client.post(f"{server}/v1/check", content=body)
        assert answer.status_code == 422
        assert _error(answer)["code"] == "invalid_request"
        assert client.get(f"{server}/healthz").status_code == 200


@pytest.mark.parametrize(
    "front",
    ["a: &a [*a]\n", "date: 0000-00-00\n", "n: " + "9" * 5000 + "\n"],
    ids=["recursive-alias", "bad-date", "huge-int"],
)
def test_hostile_front_matter_in_a_draft_is_a_400_on_the_draft(server: str, front: str) -> None:
    body = {"draft": f"---\n{front}---\n\nBody of the post.\n", "format": "markdown"}
    answer = httpx.post(f"{server}/v1/check", json=body, headers=AUTH)
    assert answer.status_code == 400
    error = _error(answer)
    assert (error["code"], error["field"]) == ("bad_input", "draft")
    assert str(error["message"]).startswith("front matter is not valid YAML at line 2")


# -- OpenAPI --------------------------------------------------------------------------------


def test_openapi_response_schemas_come_from_the_report_schema(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json").json()
    schemas = spec["components"]["schemas"]
    verdicts = report_schema()["$defs"]["report"]["properties"]["verdict"]["enum"]
    assert schemas["Verdict"]["enum"] == verdicts
    response = schemas["CheckResponse"]["properties"]
    assert response["reports"]["items"] == {"$ref": "#/components/schemas/Report"}
    assert schemas["Report"]["required"] == report_schema()["$defs"]["report"]["required"]


def test_openapi_references_all_resolve(server: str) -> None:
    text = httpx.get(f"{server}/openapi.json").text
    schemas = json.loads(text)["components"]["schemas"]
    refs = {part.split('"')[0] for part in text.split('"$ref":"#/components/schemas/')[1:]}
    assert refs <= set(schemas)


def test_openapi_documents_the_error_body_for_every_refusal(server: str) -> None:
    responses = httpx.get(f"{server}/openapi.json").json()["paths"]["/v1/check"]["post"][
        "responses"
    ]
    for status in ("400", "401", "408", "413", "422", "503", "504"):
        schema = responses[status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorBody"}


# -- slow clients ---------------------------------------------------------------------------


def test_a_connection_that_never_finishes_its_headers_is_closed(server: str) -> None:
    assert _closed_by_server(_incomplete(server))


def test_a_client_over_its_connection_cap_loses_its_oldest_waiting_one(server: str) -> None:
    first = _incomplete(server)
    time.sleep(0.2)
    others = [_incomplete(server) for _ in range(4)]
    try:
        assert _closed_by_server(first, within=0.9)  # before the header timeout could
    finally:
        for sock in others:
            sock.close()


def test_a_body_that_trickles_in_is_refused_with_408(server: str) -> None:
    with socket.create_connection(("127.0.0.1", _port(server))) as sock:
        head = f"POST /v1/check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
        sock.sendall(
            f"{head}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n".encode()
        )
        sock.sendall(b'{"draft": ')
        sock.settimeout(20)
        assert sock.recv(4096).startswith(b"HTTP/1.1 408")


def test_idle_connections_do_not_starve_real_checks(server: str) -> None:
    idle = [_incomplete(server) for _ in range(200)]
    try:
        answer = httpx.post(f"{server}/v1/check", json={"draft": "A short draft."}, headers=AUTH)
        assert answer.status_code == 200
    finally:
        for sock in idle:
            sock.close()


# -- killable checks ------------------------------------------------------------------------


def _slow_pair() -> dict[str, str]:
    """A draft and original large enough that checking them takes seconds (about 4 s of CPU for
    150,000 words, well over the one-second timeout however the reader's speed changes)."""
    rng = random.Random(0)
    words = [f"w{rng.randrange(5000)}" for _ in range(150_000)]
    text = " ".join(words)
    return {"draft": text, "original": text, "format": "text", "original_format": "text"}


def _workers(pid: int) -> set[int]:
    """Process ids of the check workers of server ``pid`` (spawned multiprocessing children)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"spawn_main" in cmdline:
                found.add(int(child))
    return found


@pytest.fixture(scope="module")
def one_worker(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """A server with one worker process and a one-second check timeout."""
    options = ("--workers", "1", "--timeout", "1", "--max-request-bytes", "10000000")
    with server_process(tmp_path_factory.mktemp("one-worker"), *options) as (base, proc):
        httpx.post(f"{base}/v1/check", json={"draft": "warm up"}, headers=AUTH, timeout=60)
        yield base, proc


def _post_in_background(base: str, body: dict[str, str]) -> tuple[threading.Thread, list[Any]]:
    answers: list[Any] = []

    def send() -> None:
        answers.append(httpx.post(f"{base}/v1/check", json=body, headers=AUTH, timeout=120))

    thread = threading.Thread(target=send)
    thread.start()
    time.sleep(0.3)
    return thread, answers


def test_a_timed_out_check_is_stopped_and_the_request_behind_it_answered(
    one_worker: tuple[str, subprocess.Popen[str]],
) -> None:
    base, proc = one_worker
    workers_before = _workers(proc.pid)
    assert workers_before
    slow, answers = _post_in_background(base, _slow_pair())
    behind = httpx.post(
        f"{base}/v1/check",
        json={"draft": "A short draft queued behind."},
        headers=AUTH,
        timeout=120,
    )
    slow.join()
    assert answers[0].status_code == 504
    assert _error(answers[0])["code"] == "timeout"
    assert behind.status_code == 200
    assert not workers_before & _workers(proc.pid)  # the slow one's worker was killed


def test_the_service_answers_health_checks_while_a_check_runs(
    one_worker: tuple[str, subprocess.Popen[str]],
) -> None:
    base, _proc = one_worker
    slow, _answers = _post_in_background(base, _slow_pair())
    try:
        assert httpx.get(f"{base}/healthz", timeout=2).status_code == 200
    finally:
        slow.join()
