"""scan(): one result per (copy, original) reused, errors skipped, same answer on every executor."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from compliance.index import open_index
from compliance.index.ingest import AddOptions, add_documents
from compliance.index.inputs import expand_inputs, iter_documents
from compliance.pipeline import CheckOptions, with_library
from compliance.scan import DocumentResult, ScanOptions, build_tasks, scan

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MERIDIAN = SAMPLES / "originals" / "meridian-flood-barriers.html"
NORTHWIND = SAMPLES / "originals" / "northwind-port-strike.md"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("scan") / "index.sqlite"
    with open_index(path) as store:
        docs = (d for p in expand_inputs([SAMPLES / "originals"]) for d in iter_documents(p))
        results = list(add_documents(store, docs, AddOptions()))
    assert all(r.status == "added" for r in results)
    return str(path)


def options(index: str) -> ScanOptions:
    return ScanOptions(
        index={"type": "sqlite", "path": index},
        check=with_library(CheckOptions(today="2024-06-01")),
    )


def pairs(results: Iterable[DocumentResult]) -> list[tuple[str, str, str]]:
    return [
        (Path(r.copy.origin).name, Path(r.original.origin).name, r.verdict)
        for res in results
        for r in res.reports
    ]


def test_a_copy_quoting_two_originals_gets_a_result_for_each(index: str, tmp_path: Path) -> None:
    from compliance.documents import load_path

    a = load_path(MERIDIAN).text.split("\n\n")
    b = load_path(NORTHWIND).text.split("\n\n")
    combined = tmp_path / "roundup.md"
    combined.write_text("\n\n".join(["# Weekly roundup", *a[:6], "Meanwhile:", *b[:6]]))
    (result,) = scan([str(combined)], options(index))
    assert sorted(Path(r.original.origin).name for r in result.reports) == [
        "meridian-flood-barriers.html",
        "northwind-port-strike.md",
    ]


def test_an_unrelated_document_yields_no_report(index: str) -> None:
    (result,) = scan([str(SAMPLES / "republished" / "unrelated.html")], options(index))
    assert result.reports == () and result.error is None


def test_an_indexed_original_is_not_reported_as_its_own_copy(index: str) -> None:
    (result,) = scan([str(MERIDIAN)], options(index))
    assert all(r.original.origin != str(MERIDIAN) for r in result.reports)


def test_an_unreadable_document_is_reported_and_the_scan_goes_on(
    index: str, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    copy = SAMPLES / "republished" / "missing-link.html"
    results = list(scan([str(empty), str(copy)], options(index)))
    assert results[0].error is not None
    assert results[0].error.origin.endswith("empty.html")
    assert pairs(results[1:]) == [
        ("missing-link.html", "meridian-flood-barriers.html", "violations")
    ]


def test_a_page_that_fails_for_another_files_fault_keeps_its_own_name(
    index: str, tmp_path: Path
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("id: bad\nname: Bad\nclause: Words.\nnature: odd\n")
    copy = SAMPLES / "republished" / "missing-link.html"
    broken = ScanOptions(
        index={"type": "sqlite", "path": index}, check=CheckOptions(rules_dirs=(rules,))
    )
    (result,) = scan([str(copy)], broken)
    assert result.error is not None
    assert (result.origin, result.error.origin) == (str(copy), str(copy))
    culprit = "bad.yaml:4: 'nature' must be one of factual, creative (got 'odd')"
    assert result.error.message.endswith(culprit)


def test_a_missing_index_fails_before_any_work(tmp_path: Path) -> None:
    from compliance.errors import IndexFileError

    with pytest.raises(IndexFileError, match="no index here"):
        scan([], ScanOptions(index={"type": "sqlite", "path": str(tmp_path / "none.sqlite")}))


def test_a_process_pool_gives_the_serial_answer_in_order(index: str) -> None:
    tasks = [str(p) for p in expand_inputs([SAMPLES / "republished"])]
    serial = pairs(scan(tasks, options(index)))
    pooled = pairs(scan(tasks, options(index), jobs=2))
    assert pooled == serial
    assert len(serial) >= 10


def test_a_dask_local_cluster_gives_the_serial_answer(index: str) -> None:
    tasks = [str(p) for p in expand_inputs([SAMPLES / "republished"])][:4]
    serial = pairs(scan(tasks, options(index)))
    on_dask = pairs(scan(tasks, options(index), jobs=2, scheduler="local"))
    assert on_dask == serial


def test_warc_records_are_scanned_one_by_one(index: str, tmp_path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for name in ("missing-link.html", "unrelated.html"):
            body = (SAMPLES / "republished" / name).read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://copycat.example/{name}",
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=headers,
                )
            )
    results = list(scan(build_tasks([warc]), options(index)))
    assert len(results) == 2
    assert [len(r.reports) for r in results] == [1, 0]
    assert results[0].reports[0].copy.url == "https://copycat.example/missing-link.html"
