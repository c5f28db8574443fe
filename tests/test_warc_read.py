"""WARC input: one Document per HTML response record; damage is reported per record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from compliance.documents.warc import SkippedRecord, is_warc, iter_warc
from compliance.errors import InputError
from compliance.model import Document

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>Second paragraph of {title} with enough words to count as main text for the
extractor, describing flood barriers, river levels and the repairs planned for spring.</p>
</article></body></html>"""


def html(title: str, body: str = "A story about the harbour strike and what it means.") -> bytes:
    return PAGE.format(title=title, body=body).encode("utf-8")


def write_warc(
    path: Path, records: list[tuple[str, str, str, bytes]], *, gzip: bool, status: str = "200 OK"
) -> None:
    """records: (uri, record type, content type, payload), all answered with ``status``."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for uri, kind, ctype, payload in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                kind,
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=headers if kind == "response" else None,
            )
            writer.write_record(record)


CRAWL = [
    ("https://a.example/one", "response", "text/html; charset=utf-8", html("First page")),
    ("https://a.example/style.css", "response", "text/css", b"body { color: red }"),
    ("https://b.example/two", "response", "text/html", html("Second page")),
]


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_each_html_response_becomes_a_document(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(path, CRAWL, gzip=gzip)
    items = [d for d in iter_warc(path) if not isinstance(d, SkippedRecord)]
    docs = [d for d in items if isinstance(d, Document)]
    assert docs == items
    assert [d.meta.canonical_url or "" for d in docs] == [
        "https://a.example/one",
        "https://b.example/two",
    ]
    assert [d.title for d in docs] == ["First page", "Second page"]


def test_a_records_target_uri_is_the_documents_identity(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, CRAWL[:1], gzip=False)
    (doc,) = iter_warc(path)
    assert isinstance(doc, Document)
    assert doc.origin == doc.meta.canonical_url == "https://a.example/one"


@pytest.mark.parametrize("status", ["404 Not Found", "301 Moved Permanently", "500 Oops"])
def test_unsuccessful_responses_are_skipped_not_scanned(tmp_path: Path, status: str) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, CRAWL[:1], gzip=False, status=status)
    (item,) = iter_warc(path)
    assert isinstance(item, SkippedRecord)
    assert status.split()[0] in item.reason


def test_non_text_responses_are_skipped_with_their_uri(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, CRAWL, gzip=False)
    skipped = [i for i in iter_warc(path) if isinstance(i, SkippedRecord)]
    assert [(s.origin, s.reason) for s in skipped] == [
        ("https://a.example/style.css", "content type text/css, not HTML or text")
    ]


def test_a_file_truncated_inside_its_first_header_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, CRAWL, gzip=False)
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(InputError, match="first record header") as caught:
        list(iter_warc(path))
    assert "\n" not in str(caught.value)


def test_a_gzip_member_that_is_not_a_warc_is_one_error(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"just some text, not an archive\n" * 20))
    with pytest.raises(InputError, match="gzip member that is not a WARC") as caught:
        list(iter_warc(path))
    assert "\n" not in str(caught.value)


def test_inflation_stops_at_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    bomb = b"<html><body>" + b" " * 5_000_000 + b"</body></html>"
    write_warc(path, [("https://a.example/bomb", "response", "text/html", bomb), *CRAWL], gzip=True)
    assert path.stat().st_size < 100_000
    items = list(iter_warc(path, max_bytes=1_000_000))
    assert len(items) == 1
    assert isinstance(items[0], InputError)
    assert "--max-bytes" in items[0].message


def test_a_skipped_record_bigger_than_max_bytes_stops_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    blob = b"\0" * 5_000_000
    write_warc(path, [("https://a.example/big.bin", "response", "image/png", blob)], gzip=True)
    (item,) = iter_warc(path, max_bytes=1_000_000)
    assert isinstance(item, InputError)
    assert "--max-bytes" in item.message


def test_an_empty_record_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(
        path, [("https://a.example/empty", "response", "text/html", b""), *CRAWL], gzip=False
    )
    items = list(iter_warc(path))
    assert isinstance(items[0], InputError)
    assert items[0].source == "https://a.example/empty"
    assert [type(i) for i in items[1:]] == [Document, SkippedRecord, Document]


def test_a_record_with_broken_encoding_does_not_stop_the_archive(tmp_path: Path) -> None:
    broken = html("Broken page").replace(b"harbour", b"harb\xff\xfe\xc3our")
    path = tmp_path / "crawl.warc"
    write_warc(
        path,
        [("https://a.example/bad", "response", "text/html; charset=utf-8", broken), *CRAWL],
        gzip=False,
    )
    items = list(iter_warc(path))
    assert len(items) == 4
    assert [type(i) for i in items[1:]] == [Document, SkippedRecord, Document]


def test_a_record_with_a_malformed_target_uri_is_read_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(
        path, [("http://[x/a", "response", "text/html", html("Odd page")), *CRAWL], gzip=False
    )
    items = list(iter_warc(path))
    assert [type(i) for i in items] == [Document, Document, SkippedRecord, Document]
    first = items[0]
    assert isinstance(first, Document) and first.origin == "http://[x/a"


def test_a_truncated_archive_keeps_what_was_read_and_reports_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, CRAWL, gzip=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    items = list(iter_warc(path))
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], InputError)
    assert "truncated" in items[-1].message


def test_a_missing_warc_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot open"):
        list(iter_warc(tmp_path / "absent.warc"))


def test_warc_names_are_recognised() -> None:
    assert is_warc("crawl.warc") and is_warc("CRAWL.WARC.GZ")
    assert not is_warc("story.html")
