"""Batch inputs given as URLs: `compliance index add https://...` downloads and indexes them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fetch_server import LocalServer, Route, direct_env, no_proxy

from compliance.errors import InputError
from compliance.index.inputs import expand_inputs, iter_documents
from compliance.model import Document

__all__ = ["no_proxy"]  # the autouse fixture, imported to take effect here

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ORIGINAL = SAMPLES / "originals/meridian-flood-barriers.html"
MISSING_LINK = SAMPLES / "republished/missing-link.html"
HTML = "text/html; charset=utf-8"


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    srv = LocalServer(
        {
            "/original.html": Route(200, {"Content-Type": HTML}, ORIGINAL.read_bytes()),
            "/article?id=7": Route(200, {"Content-Type": HTML}, ORIGINAL.read_bytes()),
            "/copy.html": Route(200, {"Content-Type": HTML}, MISSING_LINK.read_bytes()),
            "/moved-original": Route(301, {"Location": "/original.html"}),
            "/moved-copy": Route(301, {"Location": "/copy.html"}),
        }
    ).start()
    yield srv
    srv.stop()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**direct_env(dict(os.environ)), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "compliance", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_url_inputs_are_kept_as_given_in_order_without_duplicates() -> None:
    urls = ["https://example.org/b.html", "https://example.org/a.html"]
    assert expand_inputs([*urls, urls[0]]) == urls


def test_url_with_a_query_is_not_taken_for_a_glob() -> None:
    url = "https://example.org/article?id=7"
    assert expand_inputs([url]) == [url]


def test_urls_and_files_mix() -> None:
    assert expand_inputs([str(ORIGINAL), "https://example.org/a"]) == [
        ORIGINAL,
        "https://example.org/a",
    ]


def test_iter_documents_downloads_a_url(server: LocalServer) -> None:
    [doc] = list(iter_documents(server.url("/article?id=7")))
    assert isinstance(doc, Document)
    assert doc.origin == server.url("/article?id=7")
    assert "flood" in doc.text.lower()


def test_iter_documents_yields_a_failed_download_as_its_error(server: LocalServer) -> None:
    [error] = list(iter_documents(server.url("/gone.html")))
    assert isinstance(error, InputError)
    assert error.source == server.url("/gone.html")
    assert "HTTP 404" in error.message


def test_iter_documents_refuses_a_non_http_url() -> None:
    [error] = list(iter_documents("ftp://example.org/a.html"))
    assert isinstance(error, InputError)
    assert "only http and https" in error.message


def test_index_add_stores_a_url_original(server: LocalServer, tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    url = server.url("/original.html")
    added = cli("index", "add", url, "--index", str(index))
    assert added.returncode == 0, added.stderr
    assert url in added.stdout
    assert "1 added" in added.stdout
    listed = cli("index", "list", "--index", str(index), "--format", "json")
    assert listed.returncode == 0, listed.stderr
    [entry] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert entry["origin"] == url
    # The page's own canonical link wins over the address it was served from.
    assert (
        entry["url"] == "https://www.meridianobserver.org/2024/03/river-towns-flood-barriers/5612"
    )


def test_index_add_reports_a_missing_page_and_adds_the_rest(
    server: LocalServer, tmp_path: Path
) -> None:
    index = tmp_path / "index.sqlite"
    missing = server.url("/gone.html")
    result = cli("index", "add", missing, str(ORIGINAL), "--index", str(index))
    assert result.returncode == 2
    assert f"{missing}: HTTP 404" in result.stderr
    assert "1 added" in result.stdout
    assert "Traceback" not in result.stderr


def test_index_add_refuses_a_redirect_to_a_loopback_address(
    server: LocalServer, tmp_path: Path
) -> None:
    moved = server.url("/moved-original")
    result = cli("index", "add", moved, "--index", str(tmp_path / "index.sqlite"))
    assert result.returncode == 2
    assert f"{moved}: redirected to {server.url('/original.html')}, a loopback" in result.stderr


def test_index_add_allow_private_follows_a_redirect_to_a_loopback_address(
    server: LocalServer, tmp_path: Path
) -> None:
    index = tmp_path / "index.sqlite"
    added = cli(
        "index", "add", server.url("/moved-original"), "--index", str(index), "--allow-private"
    )
    assert added.returncode == 0, added.stderr
    assert "1 added" in added.stdout


def _scan_json(index: Path, url: str, *flag: str) -> list[dict[str, Any]]:
    assert cli("index", "add", str(ORIGINAL), "--index", str(index)).returncode == 0
    result = cli("scan", url, "--index", str(index), "--format", "json", *flag)
    assert "Traceback" not in result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_scan_skips_a_url_that_redirects_to_a_loopback_address(
    server: LocalServer, tmp_path: Path
) -> None:
    [record] = _scan_json(tmp_path / "index.sqlite", server.url("/moved-copy"))
    assert record["type"] == "error"
    assert "a loopback address" in record["message"]


def test_scan_allow_private_follows_a_redirect_to_a_loopback_address(
    server: LocalServer, tmp_path: Path
) -> None:
    moved = server.url("/moved-copy")
    [report] = _scan_json(tmp_path / "index.sqlite", moved, "--allow-private")
    assert report["copy"]["origin"] == moved
    assert report["verdict"] == "violations"


def test_scan_fetches_a_url_copy_and_checks_it_against_the_index(
    server: LocalServer, tmp_path: Path
) -> None:
    index = tmp_path / "index.sqlite"
    assert cli("index", "add", str(ORIGINAL), "--index", str(index)).returncode == 0
    result = cli(
        "scan",
        server.url("/copy.html"),
        "--index",
        str(index),
        "--format",
        "json",
        "--today",
        "2024-06-01",
    )
    assert result.returncode == 1, result.stderr
    [report] = [json.loads(line) for line in result.stdout.splitlines()]
    assert report["copy"]["origin"] == server.url("/copy.html")
    assert report["verdict"] == "violations"
