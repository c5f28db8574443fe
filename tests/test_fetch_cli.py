"""`compliance check URL --original URL`: pages from a real local server, checked end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fetch_server import LocalServer, Route, direct_env, endless, stall

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ORIGINAL = SAMPLES / "originals/meridian-flood-barriers.html"
COPIES = ("compliant-full.html", "missing-link.html", "missing-source.html", "unrelated.html")
HTML = "text/html; charset=utf-8"


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    routes: dict[str, Any] = {
        "/original.html": Route(200, {"Content-Type": HTML}, ORIGINAL.read_bytes()),
        "/moved-original": Route(301, {"Location": "/original.html"}),
        "/photo.png": Route(200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"0" * 64),
        "/endless.html": endless(),
        "/silent.html": stall(after_headers=False),
    }
    for name in COPIES:
        body = (SAMPLES / "republished" / name).read_bytes()
        routes[f"/{name}"] = Route(200, {"Content-Type": HTML}, body)
    srv = LocalServer(routes).start()
    yield srv
    srv.stop()


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**direct_env(dict(os.environ)), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "compliance", "check", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def outcome(result: subprocess.CompletedProcess[str]) -> tuple[int, str, list[tuple[str, str]]]:
    """Exit status, verdict and the findings (rule, severity): the same for a file or a URL."""
    report = json.loads(result.stdout)
    found = sorted((f["rule_id"], f["severity"]) for f in report["findings"])
    return result.returncode, report["verdict"], found


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


@pytest.mark.parametrize("name", COPIES)
def test_url_check_gives_the_same_outcome_as_the_file_check(server: LocalServer, name: str) -> None:
    by_file = run(SAMPLES / "republished" / name, "--original", ORIGINAL, "--format", "json")
    by_url = run(
        server.url(f"/{name}"), "--original", server.url("/original.html"), "--format", "json"
    )
    assert by_url.returncode in (0, 1), by_url.stderr
    assert outcome(by_url) == outcome(by_file)


def test_url_report_names_the_urls_as_origins(server: LocalServer) -> None:
    result = run(
        server.url("/missing-link.html"),
        "--original",
        server.url("/original.html"),
        "--format",
        "json",
    )
    report = json.loads(result.stdout)
    assert report["copy"]["origin"] == server.url("/missing-link.html")
    assert report["original"]["origin"] == server.url("/original.html")


def test_url_copy_against_a_file_original(server: LocalServer) -> None:
    by_file = run(
        SAMPLES / "republished/missing-link.html", "--original", ORIGINAL, "--format", "json"
    )
    mixed = run(server.url("/missing-link.html"), "--original", ORIGINAL, "--format", "json")
    assert outcome(mixed) == outcome(by_file)


def test_redirected_original_is_followed(server: LocalServer) -> None:
    direct = run(
        server.url("/compliant-full.html"),
        "--original",
        server.url("/original.html"),
        "--format",
        "json",
    )
    moved = run(
        server.url("/compliant-full.html"),
        "--original",
        server.url("/moved-original"),
        "--format",
        "json",
        "--allow-private",  # the test server is on loopback
    )
    assert outcome(moved) == outcome(direct)


def test_redirect_to_a_loopback_address_is_refused_without_allow_private(
    server: LocalServer,
) -> None:
    moved = server.url("/moved-original")
    result = run(server.url("/compliant-full.html"), "--original", moved, "--format", "json")
    assert_one_line_error(result, moved, "a loopback address", "--allow-private")


def test_sarif_for_a_url_copy_locates_evidence_in_the_downloaded_page(
    server: LocalServer,
) -> None:
    copy = SAMPLES / "republished/missing-source.html"
    result = run(
        server.url("/missing-source.html"),
        "--original",
        server.url("/original.html"),
        "--format",
        "sarif",
    )
    assert result.returncode == 1, result.stderr
    results = json.loads(result.stdout)["runs"][0]["results"]
    region = next(
        r["locations"][0]["physicalLocation"]["region"]
        for r in results
        if r["ruleId"].endswith("/copyright-notice")
    )
    line = copy.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    start = region["startColumn"] - 1
    assert line[start : start + len("Copyright © Tomas Reyes")] == "Copyright © Tomas Reyes"


def test_missing_page_is_one_line_naming_the_url(server: LocalServer) -> None:
    url = server.url("/nowhere.html")
    assert_one_line_error(run(url, "--original", ORIGINAL), url, "404")


def test_missing_original_page_is_one_line_naming_the_url(server: LocalServer) -> None:
    url = server.url("/nowhere-original.html")
    assert_one_line_error(run(server.url("/compliant-full.html"), "--original", url), url, "404")


def test_page_over_the_size_limit_is_refused(server: LocalServer) -> None:
    url = server.url("/endless.html")
    assert_one_line_error(
        run(url, "--original", ORIGINAL, "--max-bytes", "100000"), url, "too large"
    )


def test_image_url_is_refused_as_not_text(server: LocalServer) -> None:
    url = server.url("/photo.png")
    assert_one_line_error(run(url, "--original", ORIGINAL), url, "image/png")


def test_stalled_server_times_out_within_the_timeout_option(server: LocalServer) -> None:
    url = server.url("/silent.html")
    result = run(url, "--original", ORIGINAL, "--timeout", "1")
    assert_one_line_error(result, url, "timed out")


def test_non_http_url_is_refused_not_looked_for_as_a_file() -> None:
    assert_one_line_error(
        run("ftp://example.org/a.html", "--original", ORIGINAL),
        "ftp://example.org/a.html",
        "only http and https",
    )


def test_non_positive_timeout_is_a_usage_error() -> None:
    assert_one_line_error(run(ORIGINAL, "--original", ORIGINAL, "--timeout", "0"), "--timeout")
