"""Bad input: every refusal is an InputError naming the file and the problem, and the CLI
turns it into one line and exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compliance.documents import DEFAULT_MAX_BYTES, load_bytes, load_path
from compliance.errors import ComplianceError, InputError

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "documents"


def _error(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    with pytest.raises(InputError) as info:
        load_path(path, max_bytes=max_bytes)
    return str(info.value)


def test_missing_file_is_named(tmp_path: Path) -> None:
    message = _error(tmp_path / "nope.html")
    assert message == f"{tmp_path / 'nope.html'}: no such file"


def test_directory_given_as_file_is_refused(tmp_path: Path) -> None:
    assert _error(tmp_path) == f"{tmp_path}: is a directory, not a document file"


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert _error(path) == f"{path}: empty file"


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n  ")
    assert _error(path) == f"{path}: empty document (only whitespace)"


def test_nul_bytes_mean_binary_with_their_offset(tmp_path: Path) -> None:
    path = tmp_path / "x.html"
    path.write_bytes(b"<html>hello\x00\x01\x02")
    assert _error(path) == f"{path}: binary file (NUL bytes at offset 11), not a text document"


def test_known_binary_formats_are_named(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert _error(path) == f"{path}: binary file (a PDF document), not a text document"


def test_control_characters_mean_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 9)) * 50 + b"some words")
    assert "binary file" in _error(path)


def test_file_above_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    message = _error(path)
    assert message.startswith(f"{path}: file too large: 209,715,200 bytes (200.0 MB)")
    assert f"{DEFAULT_MAX_BYTES:,} bytes" in message


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("a few words of text " * 10, encoding="utf-8")
    assert "file too large: 200 bytes" in _error(path, max_bytes=100)
    assert load_path(path, max_bytes=1000).text.startswith("a few words")


def test_bytes_above_the_size_limit_are_refused() -> None:
    with pytest.raises(InputError, match=r"^upload\.html: input too large"):
        load_bytes(b"x" * 101, "upload.html", max_bytes=100)


def test_latin1_text_is_decoded_by_detection(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "Le conseil municipal a voté mercredi. Les pêcheurs déçus réclament des études.\n"
    path.write_bytes((text * 3).encode("cp1252"))
    doc = load_path(path)
    assert "pêcheurs déçus" in doc.text
    assert doc.encoding != "utf-8"


def test_declared_html_charset_is_honoured_when_utf8_fails(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = (
        '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 “crème”</p></body></html>'
    )
    path.write_bytes(page.encode("cp1252"))
    doc = load_path(path)
    assert doc.text == "Café “crème”"
    assert doc.encoding == "cp1252"


def test_charset_declared_by_http_equiv_with_content_first_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    text = "Новости порта: паром идёт в среду утром, сообщили в администрации."
    page = (
        '<html><head><meta content="text/html; charset=windows-1251" http-equiv="Content-Type">'
        f"</head><body><p>{text}</p></body></html>"
    )
    path.write_bytes(page.encode("cp1251"))
    doc = load_path(path)
    assert doc.text == text
    assert doc.encoding == "cp1251"


def test_utf16_with_byte_order_mark_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Harbour news from the coast.".encode("utf-16"))
    doc = load_path(path)
    assert doc.text == "Harbour news from the coast."
    assert doc.encoding == "utf-16"


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf# Title\n\nBody text.")
    assert load_path(path).text == "Title\n\nBody text."


def test_malformed_html_is_read_leniently(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>First paragraph of a story <b>never closed"
        "<p>Second <a href='https://example.org/a'>link</a> paragraph</div></span></table>",
        encoding="utf-8",
    )
    doc = load_path(path)
    assert doc.format == "html"
    assert "First paragraph of a story never closed" in doc.text
    assert [link.text for link in doc.links if link.place == "text"] == ["link"]


def test_html_without_any_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scripts.html"
    path.write_text(
        "<!doctype html><html><head><script>var a=1;</script></head>"
        "<body><img src='x.png'><script>go()</script></body></html>",
        encoding="utf-8",
    )
    assert _error(path) == (f"{path}: HTML without readable text (nothing could be extracted)")


def test_invalid_front_matter_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\nauthor: x\n---\n\nBody.", encoding="utf-8")
    message = _error(path)
    assert message.startswith(f"{path}: front matter is not valid YAML at line")


def test_input_error_is_a_compliance_error() -> None:
    assert issubclass(InputError, ComplianceError)


def test_cli_reports_a_binary_original_in_one_line_with_status_2(tmp_path: Path) -> None:
    binary = tmp_path / "original.html"
    binary.write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff")
    copy = DATA / "republisher-copy.html"
    result = subprocess.run(
        [sys.executable, "-m", "compliance", "check", str(copy), "--original", str(binary)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(binary) in lines[0] and "binary file (a GIF image)" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_malformed_canonical_address_beside_a_site_name_is_read_as_no_host() -> None:
    page = (
        b'<html><head><title>Harbour notes</title><link rel="canonical" href="http://[x/a">'
        b'<meta property="og:site_name" content="Harbour Gazette"></head>'
        b"<body><article><p>The ferry schedule changes in the spring.</p></article></body></html>"
    )
    doc = load_bytes(page, origin="page.html")
    assert doc.meta.canonical_url == "http://[x/a"
