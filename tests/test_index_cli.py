"""`compliance index ...` and `compliance scan` from the command line, exit codes included."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
runner = CliRunner()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "compliance", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "index.sqlite"
    result = runner.invoke(app, ["index", "add", str(SAMPLES / "originals"), "-i", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_index_add_reports_each_original_and_a_summary(index: Path) -> None:
    result = runner.invoke(app, ["index", "add", str(SAMPLES / "originals"), "-i", str(index)])
    assert result.exit_code == 0
    count = len(list((SAMPLES / "originals").iterdir()))
    assert result.stdout.count("present ") == count
    assert f"0 added, {count} already present, 0 unreadable" in result.stdout


def test_index_add_with_forced_terms_records_them(tmp_path: Path) -> None:
    path = tmp_path / "i.sqlite"
    original = str(SAMPLES / "originals" / "northwind-port-strike.md")
    result = runner.invoke(app, ["index", "add", original, "-i", str(path), "--terms", "cc-by-4.0"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["index", "list", "-i", str(path), "--format", "json"])
    assert json.loads(listed.stdout)["terms"] == "cc-by-4.0"


def test_index_add_of_an_unknown_terms_id_exits_2(tmp_path: Path) -> None:
    original = str(SAMPLES / "originals" / "northwind-port-strike.md")
    proc = cli("index", "add", original, "-i", str(tmp_path / "i.sqlite"), "--terms", "nope")
    assert proc.returncode == 2
    assert "nope" in proc.stderr and "Traceback" not in proc.stderr


def test_index_add_skips_an_unreadable_file_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    good = SAMPLES / "originals" / "northwind-port-strike.md"
    proc = cli(
        "index", "add", str(tmp_path / "empty.md"), str(good), "-i", str(tmp_path / "i.sqlite")
    )
    assert proc.returncode == 2
    assert "empty.md" in proc.stderr
    assert "1 added" in proc.stdout


def test_index_stats_shows_count_and_terms(index: Path) -> None:
    result = runner.invoke(app, ["index", "stats", "-i", str(index), "--format", "json"])
    stats = json.loads(result.stdout)
    assert stats["count"] == len(list((SAMPLES / "originals").iterdir()))
    own = [p for p in (SAMPLES / "originals").iterdir() if not p.name.startswith("terms-")]
    assert stats["terms"]["own-notice"] == len(own)  # originals under their own notices


def test_index_remove_by_url_then_by_unknown_key(tmp_path: Path) -> None:
    path = tmp_path / "i.sqlite"
    runner.invoke(app, ["index", "add", str(SAMPLES / "originals"), "-i", str(path)])
    url = "https://www.meridianobserver.org/2024/03/river-towns-flood-barriers/5612"
    removed = runner.invoke(app, ["index", "remove", url, "-i", str(path)])
    assert removed.exit_code == 0 and removed.stdout.startswith("removed")
    again = cli("index", "remove", url, "-i", str(path))
    assert again.returncode == 2
    assert "no original in the index matches" in again.stderr


def test_a_file_that_is_not_an_index_exits_2_and_is_kept(tmp_path: Path) -> None:
    bogus = tmp_path / "index.sqlite"
    bogus.write_text("not an index")
    proc = cli("index", "add", str(SAMPLES / "originals"), "-i", str(bogus))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and str(bogus) in proc.stderr
    assert bogus.read_text() == "not an index"


def test_scan_without_an_index_exits_2(tmp_path: Path) -> None:
    proc = cli("scan", str(SAMPLES / "republished"), "-i", str(tmp_path / "none.sqlite"))
    assert proc.returncode == 2
    assert "no index here" in proc.stderr


def test_scan_exits_1_on_violations_and_0_with_fail_on_never(index: Path) -> None:
    copy = str(SAMPLES / "republished" / "missing-link.html")
    assert cli("scan", copy, "-i", str(index)).returncode == 1
    assert cli("scan", copy, "-i", str(index), "--fail-on", "never").returncode == 0


def test_scan_exits_0_when_every_copy_complies(index: Path) -> None:
    copy = str(SAMPLES / "republished" / "compliant-full.html")
    proc = cli("scan", copy, "-i", str(index))
    assert proc.returncode == 0, proc.stderr
    assert "compliant" in proc.stdout


def test_scan_json_is_one_object_per_line_with_error_records(index: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    copy = SAMPLES / "republished" / "missing-link.html"
    result = runner.invoke(
        app, ["scan", str(tmp_path / "empty.html"), str(copy), "-i", str(index), "--format", "json"]
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["type"] == "error" and records[0]["origin"].endswith("empty.html")
    assert records[1]["verdict"] == "violations"
    assert records[1]["original"]["origin"].endswith("meridian-flood-barriers.html")


def test_scan_csv_has_a_header_and_a_row_per_pair(index: Path) -> None:
    result = runner.invoke(
        app,
        [
            "scan",
            str(SAMPLES / "republished" / "bare-url.txt"),
            "-i",
            str(index),
            "--format",
            "csv",
        ],
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("copy,copy_url,original")
    assert len(lines) == 2 and "own-notice/link-to-original" in lines[1]


def test_scan_summary_table_counts_verdicts_and_names_sites(index: Path) -> None:
    result = runner.invoke(app, ["scan", str(SAMPLES / "republished"), "-i", str(index)])
    assert "Verdicts" in result.stdout and "Worst offenders by site" in result.stdout
    assert "violations" in result.stdout


def test_scan_output_file_is_written_whole(index: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    runner.invoke(
        app,
        [
            "scan",
            str(SAMPLES / "republished" / "missing-link.html"),
            "-i",
            str(index),
            "--format",
            "json",
            "--output",
            str(out),
        ],
    )
    assert [json.loads(x)["verdict"] for x in out.read_text().splitlines()] == ["violations"]
    assert [p.name for p in tmp_path.iterdir()] == ["results.jsonl"]


def test_scan_rejects_an_unknown_format() -> None:
    proc = cli("scan", str(SAMPLES / "republished"), "--format", "xml")
    assert proc.returncode == 2 and "--format" in proc.stderr


# -- durability: real processes ---------------------------------------------------------------


def _corpus(folder: Path, start: int, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        words = " ".join(f"w{(i * 131 + j * 17) % 9973}" for j in range(400))
        (folder / f"doc{i:04d}.txt").write_text(f"Document {i}\n\n{words}\n")


def test_killing_index_add_keeps_every_reported_original(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 0, 400)
    path = tmp_path / "i.sqlite"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "compliance",
            "index",
            "add",
            str(tmp_path / "docs"),
            "-i",
            str(path),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    reported: list[str] = []
    deadline = time.monotonic() + 120
    while len(reported) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("added"):
            reported.append(line.split()[1])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(reported) >= 40
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = [r[0] for r in conn.execute("SELECT id FROM originals")]
    conn.close()
    assert all(any(s.startswith(r) for s in stored) for r in reported)
    assert len(stored) < 400  # it really was killed mid-way
    with __import__("compliance.index", fromlist=["open_index"]).open_index(path) as store:
        assert all(e.load_document().text for e in store.entries())


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    _corpus(tmp_path / "a", 0, 60)
    _corpus(tmp_path / "b", 40, 60)  # 20 documents in both
    path = tmp_path / "i.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "compliance",
                "index",
                "add",
                str(tmp_path / d),
                "-i",
                str(path),
                "-q",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in ("a", "b")
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    result = runner.invoke(app, ["index", "stats", "-i", str(path), "--format", "json"])
    assert json.loads(result.stdout)["count"] == 100


def test_index_and_scan_use_the_index_named_in_the_project_config(tmp_path: Path) -> None:
    (tmp_path / "compliance.yaml").write_text("index: archive/originals.sqlite\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "COMPLIANCE_INDEX"}
    env["PYTHONPATH"] = str(ROOT)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "compliance", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )

    added = run("index", "add", str(SAMPLES / "originals" / "meridian-flood-barriers.html"))
    assert added.returncode == 0, added.stderr
    assert (tmp_path / "archive" / "originals.sqlite").is_file()
    copy = SAMPLES / "republished" / "missing-link.html"
    scanned = run("scan", str(copy), "--format", "json", "--today", "2024-06-01")
    assert scanned.returncode == 1, scanned.stderr
    assert json.loads(scanned.stdout.splitlines()[0])["verdict"] == "violations"


def test_an_index_of_schema_1_is_refused_then_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    assert runner.invoke(app, ["index", "add", str(SAMPLES / "originals"), "-i", str(path)])
    conn = sqlite3.connect(path)  # make it look as a schema-1 index does: no search table,
    conn.execute("DROP TABLE search")  # other fingerprints
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.execute("UPDATE meta SET value = 'k=5;perm=128;seed=1' WHERE key = 'signature'")
    conn.execute("UPDATE originals SET anchors = x''")
    conn.commit()
    conn.close()
    refused = cli("index", "stats", "-i", str(path))
    assert refused.returncode == 2
    assert "compliance index upgrade" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    upgraded = runner.invoke(app, ["index", "upgrade", "-i", str(path)])
    assert upgraded.exit_code == 0, upgraded.output
    assert "re-fingerprinted" in upgraded.stdout
    stats = runner.invoke(app, ["index", "stats", "-i", str(path)])
    assert stats.exit_code == 0, stats.output
