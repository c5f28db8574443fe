"""The HTTP service, started for real on loopback and called over HTTP as a CMS would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from samples_table import expectations
from serve_server import TOKEN, env, running

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
LIMIT = 300_000
FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".txt": "text"}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with no project config, so the service and the CLI both use the defaults."""
    return tmp_path_factory.mktemp("serve")


@pytest.fixture(scope="module")
def server(workdir: Path) -> Iterator[str]:
    """A real server with the default config, a size limit and a token from the environment."""
    with running(workdir, "--max-request-bytes", str(LIMIT)) as base:
        yield base


@pytest.fixture(scope="module")
def indexed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server whose project config names an index of every sample original."""
    from compliance.documents import load_path
    from compliance.index import open_index
    from compliance.index.ingest import add_documents

    site = tmp_path_factory.mktemp("indexed")
    storage = open_index(site / "originals.sqlite")
    list(add_documents(storage, (load_path(p) for p in sorted((SAMPLES / "originals").iterdir()))))
    storage.close()
    (site / "compliance.yaml").write_text("index: originals.sqlite\n", encoding="utf-8")
    with running(site) as base:
        yield base


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def _sample_pairs() -> list[tuple[str, str]]:
    """(copy, original) pairs from the table in samples/README.md."""
    return [(row.copy, row.original) for row in expectations()]


def test_healthz_answers_without_a_token(server: str) -> None:
    answer = httpx.get(f"{server}/healthz")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"


def test_openapi_describes_the_check_endpoint(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json").json()
    assert "post" in spec["paths"]["/v1/check"]
    assert "draft" in spec["components"]["schemas"]["CheckRequest"]["properties"]


def test_check_without_a_token_is_refused_with_401(server: str) -> None:
    answer = httpx.post(f"{server}/v1/check", json={"draft": "Hello."})
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"


def test_check_with_a_wrong_token_is_refused_with_401(server: str) -> None:
    headers = {"Authorization": "Bearer not-the-token"}
    answer = httpx.post(f"{server}/v1/check", json={"draft": "Hello."}, headers=headers)
    assert answer.status_code == 401


def test_a_body_over_the_size_limit_is_refused_with_413(server: str) -> None:
    body = {"draft": "word " * (LIMIT // 4)}
    answer = httpx.post(f"{server}/v1/check", json=body, headers=_auth())
    assert answer.status_code == 413


def test_a_streamed_body_over_the_limit_is_refused_with_413(server: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"draft": "'
        for _ in range(LIMIT // 10_000 + 2):
            yield b"x" * 10_000
        yield b'"}'

    headers = {**_auth(), "Content-Type": "application/json"}
    answer = httpx.post(f"{server}/v1/check", content=chunks(), headers=headers)
    assert answer.status_code == 413


def test_malformed_json_is_refused_with_422(server: str) -> None:
    headers = {**_auth(), "Content-Type": "application/json"}
    answer = httpx.post(f"{server}/v1/check", content=b'{"draft": ', headers=headers)
    assert answer.status_code == 422


def test_a_request_without_a_draft_is_refused_with_422(server: str) -> None:
    answer = httpx.post(f"{server}/v1/check", json={"original": "text"}, headers=_auth())
    assert answer.status_code == 422


def test_an_original_url_that_cannot_be_found_is_a_400_naming_it(server: str) -> None:
    body = {"draft": "Some words.", "original_url": "https://example.org/nowhere"}
    answer = httpx.post(f"{server}/v1/check", json=body, headers=_auth())
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert "https://example.org/nowhere" in error["message"]
    assert (error["code"], error["field"]) == ("bad_input", "original_url")


def test_a_draft_that_copies_no_known_original_is_not_a_copy(server: str) -> None:
    answer = httpx.post(f"{server}/v1/check", json={"draft": "Fresh words."}, headers=_auth())
    assert answer.status_code == 200
    assert answer.json() == {"verdict": "not-a-copy", "fail": False, "report": None, "reports": []}


@pytest.mark.parametrize(("copy", "original"), _sample_pairs(), ids=lambda v: str(v))
def test_service_gives_the_cli_verdict_for_each_sample(
    server: str, workdir: Path, copy: str, original: str
) -> None:
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "compliance",
            "check",
            str(SAMPLES / copy),
            "--original",
            str(SAMPLES / original),
            "--format",
            "json",
        ],
        cwd=workdir,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode in (0, 1), cli.stderr
    expected = json.loads(cli.stdout)
    body = {
        "draft": (SAMPLES / copy).read_text(encoding="utf-8"),
        "format": FORMATS[Path(copy).suffix],
        "original": (SAMPLES / original).read_text(encoding="utf-8"),
        "original_format": FORMATS[Path(original).suffix],
    }
    answer = httpx.post(f"{server}/v1/check", json=body, headers=_auth(), timeout=60)
    assert answer.status_code == 200, answer.text
    served = answer.json()
    assert served["verdict"] == expected["verdict"]
    assert served["fail"] == (cli.returncode == 1)
    rule_ids = [f["rule_id"] for f in served["report"]["findings"]]
    assert rule_ids == [f["rule_id"] for f in expected["findings"]]


def test_the_token_option_is_required_to_be_non_empty() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "compliance", "serve", "--token", " "],
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert re.fullmatch(r"compliance: error: --token must not be empty\n", run.stderr)


def test_a_broken_rule_file_stops_serve_before_it_starts_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (tmp_path / "compliance.yaml").write_text("rules: rules\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "compliance", "serve", "--config", str(tmp_path)],
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2, run.stderr
    assert re.fullmatch(r"compliance: error: .*broken\.yaml.*\n", run.stderr)


MERIDIAN = "originals/meridian-flood-barriers.html"
MERIDIAN_URL = "https://www.meridianobserver.org/2024/03/river-towns-flood-barriers/5612"


def _draft(name: str) -> dict[str, str]:
    path = SAMPLES / "republished" / name
    return {"draft": path.read_text(encoding="utf-8"), "format": FORMATS[path.suffix]}


def test_without_a_named_original_the_index_is_searched(indexed_server: str) -> None:
    answer = httpx.post(
        f"{indexed_server}/v1/check", json=_draft("missing-link.html"), headers=_auth(), timeout=60
    )
    assert answer.status_code == 200, answer.text
    served = answer.json()
    assert served["verdict"] == "violations"
    assert served["report"]["original"]["origin"].endswith(MERIDIAN)


def test_an_original_url_is_looked_up_in_the_index(indexed_server: str) -> None:
    body = {**_draft("missing-link.html"), "original_url": MERIDIAN_URL}
    answer = httpx.post(f"{indexed_server}/v1/check", json=body, headers=_auth(), timeout=60)
    assert answer.status_code == 200, answer.text
    assert answer.json()["report"]["original"]["origin"].endswith(MERIDIAN)


def test_an_original_id_prefix_is_looked_up_in_the_index(indexed_server: str) -> None:
    from compliance.documents import load_path

    prefix = load_path(SAMPLES / MERIDIAN).id[:12]
    body = {**_draft("missing-link.html"), "original_id": prefix}
    answer = httpx.post(f"{indexed_server}/v1/check", json=body, headers=_auth(), timeout=60)
    assert answer.status_code == 200, answer.text
    assert answer.json()["report"]["original"]["id"].startswith(prefix)


def test_an_unknown_original_id_is_a_400(indexed_server: str) -> None:
    body = {**_draft("missing-link.html"), "original_id": "0123456789abcdef"}
    answer = httpx.post(f"{indexed_server}/v1/check", json=body, headers=_auth(), timeout=60)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert "0123456789abcdef" in error["message"]
    assert (error["code"], error["field"]) == ("bad_input", "original_id")


def test_a_check_over_the_timeout_is_answered_with_504(tmp_path: Path) -> None:
    with running(tmp_path, "--timeout", "0.001") as base:
        body = {
            **_draft("compliant-full.html"),
            "original": (SAMPLES / MERIDIAN).read_text(encoding="utf-8"),
            "original_format": "html",
        }
        answer = httpx.post(f"{base}/v1/check", json=body, headers=_auth(), timeout=60)
    assert answer.status_code == 504
