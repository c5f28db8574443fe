"""WARC input: one Document per HTML response record; damage is reported per record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from compliance.documents.warc import is_warc, iter_warc
from compliance.errors import InputError
from compliance.model import Document

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>Second paragraph of {title} with enough words to count as main text for the
extractor, describing flood barriers, river levels and the repairs planned for spring.</p>
</article></body></html>"""


def html(title: str, body: str = "A story about the harbour strike and what it means.") -> bytes:
    return PAGE.format(title=title, body=body).encode("utf-8")


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], *, gzip: bool) -> None:
    """records: (uri, record type, content type, payload)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for uri, kind, ctype, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
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
    docs = list(iter_warc(path))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.meta.canonical_url or "" for d in docs] == [
        "https://a.example/one",
        "https://b.example/two",
    ]
    assert [d.title for d in docs] == ["First page", "Second page"]


def test_document_origin_names_the_warc_and_the_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, CRAWL[:1], gzip=False)
    (doc,) = iter_warc(path)
    assert isinstance(doc, Document)
    assert doc.origin.startswith(f"{path}#urn:uuid:")


def test_an_empty_record_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(
        path, [("https://a.example/empty", "response", "text/html", b""), *CRAWL], gzip=False
    )
    items = list(iter_warc(path))
    assert isinstance(items[0], InputError)
    assert "#urn:uuid:" in (items[0].source or "")
    assert [type(i) for i in items[1:]] == [Document, Document]


def test_a_record_with_broken_encoding_does_not_stop_the_archive(tmp_path: Path) -> None:
    broken = html("Broken page").replace(b"harbour", b"harb\xff\xfe\xc3our")
    path = tmp_path / "crawl.warc"
    write_warc(
        path,
        [("https://a.example/bad", "response", "text/html; charset=utf-8", broken), *CRAWL],
        gzip=False,
    )
    items = list(iter_warc(path))
    assert len(items) == 3
    assert [type(i) for i in items[1:]] == [Document, Document]


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
