"""`compliance scan` tells the truth: skipped documents exit 4, WARC records keep their URI, a
hung Redis index fails each document by name instead of hanging the scan."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner
from redis_server import redis_server
from test_warc_read import CRAWL, html, write_warc

from compliance.cli import app
from compliance.index import open_index
from compliance.index.ingest import AddOptions, add_documents
from compliance.index.inputs import expand_inputs, iter_documents
from compliance.scan import ScanOptions, build_tasks, scan

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
COPY = SAMPLES / "republished" / "compliant-full.html"


def _index(spec: str) -> str:
    with open_index(spec) as store:
        docs = (d for p in expand_inputs([SAMPLES / "originals"]) for d in iter_documents(p))
        list(add_documents(store, docs, AddOptions()))
    return spec


def _scan(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["scan", *args, "--today", "2024-06-01"])
    return result.exit_code, result.output


def test_a_scan_with_an_unreadable_document_exits_4_and_counts_it(tmp_path: Path) -> None:
    index = _index(str(tmp_path / "index.sqlite"))
    (tmp_path / "empty.html").write_text("")
    code, out = _scan(str(COPY), str(tmp_path / "empty.html"), "--index", index)
    assert code == 4, out
    assert "1 failed and skipped" in out


def test_a_scan_where_every_document_failed_does_not_exit_0(tmp_path: Path) -> None:
    index = _index(str(tmp_path / "index.sqlite"))
    (tmp_path / "empty.html").write_text("")
    code, _ = _scan(str(tmp_path / "empty.html"), "--index", index, "--fail-on", "never")
    assert code == 4


def test_warc_pages_are_reported_under_their_target_uri(tmp_path: Path) -> None:
    index = _index(str(tmp_path / "index.sqlite"))
    crawl = tmp_path / "crawl.warc.gz"
    page = COPY.read_bytes()
    write_warc(crawl, [("https://blog.example/meridian", "response", "text/html", page)], gzip=True)
    code, out = _scan(str(crawl), "--index", index, "--format", "json", "--fail-on", "never")
    assert code == 0, out
    origins = {json.loads(line)["copy"]["origin"] for line in out.splitlines() if line}
    assert origins == {"https://blog.example/meridian"}


def test_warc_records_that_are_not_pages_are_counted_not_scanned(tmp_path: Path) -> None:
    index = _index(str(tmp_path / "index.sqlite"))
    crawl = tmp_path / "crawl.warc"
    write_warc(crawl, CRAWL, gzip=False)
    missing = tmp_path / "missing.warc"
    write_warc(missing, [("https://a.example/gone", "response", "text/html", html("Gone"))],
               gzip=False, status="404 Not Found")  # fmt: skip
    code, out = _scan(str(crawl), str(missing), "--index", index, "--fail-on", "never")
    assert code == 0, out
    assert "2 documents scanned" in out
    assert "2 WARC records not pages" in out


def test_input_paths_reach_workers_absolute(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(COPY.parent)
    (task,) = build_tasks([COPY.name])
    assert Path(task.path).is_absolute()  # type: ignore[union-attr]
    assert task.origin == COPY.name  # type: ignore[union-attr]


def test_a_hung_redis_fails_each_document_by_name_without_hanging(tmp_path: Path) -> None:
    with redis_server(tmp_path) as (url, proc):
        spec = _index(f"{url}?socket_timeout=0.5&socket_connect_timeout=0.5#hung")
        options = ScanOptions(index={"type": "redis", "url": spec.split("#")[0],
                                     "prefix": "compliance:hung:"})  # fmt: skip
        results = scan(build_tasks([COPY]), options)  # the index opened and the search loaded
        os.kill(proc.pid, signal.SIGSTOP)  # then the server hangs mid-scan
        try:
            (result,) = results
        finally:
            os.kill(proc.pid, signal.SIGCONT)
    assert result.error is not None
    assert result.error.origin == str(COPY)
    assert "Timeout" in result.error.message
