"""`compliance.documents.fetch`: a page from a real local HTTP server, within every limit."""

from __future__ import annotations

import gzip
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fetch_server import LocalServer, Route, drip, endless, no_proxy, stall

from compliance.documents.fetch import (
    MAX_REDIRECTS,
    USER_AGENT,
    download,
    fetch,
    is_url,
    load_input,
)
from compliance.errors import InputError

__all__ = ["no_proxy"]  # the autouse fixture, imported to take effect here

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = ROOT / "samples/originals/meridian-flood-barriers.html"
HTML = "text/html; charset=utf-8"
LIMIT = 1_000_000

ARTICLE = (
    b"<html><head><title>Harbour notes</title></head><body><article>"
    b"<h1>Harbour notes</h1><p>The ferry schedule changes in the spring, the council said.</p>"
    b'<p>Read <a href="/2024/background">the background</a> first.</p></article></body></html>'
)
LATIN1 = (
    "<html><body><article><h1>Caf\u00e9 in Malm\u00f6</h1>"
    "<p>The \u00abna\u00efve\u00bb fa\u00e7ade costs 5\u00a0\u00a3 \u00b1 1.</p>"
    "</article></body></html>"
).encode("latin-1")
FERRY_RU = "\u041f\u0430\u0440\u043e\u043c \u0438\u0434\u0451\u0442 \u0432 \u043f\u043e\u0440\u0442"
KOI8 = (
    "<html><body><article><h1>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</h1>"
    f"<p>{FERRY_RU} \u0432 \u0441\u0440\u0435\u0434\u0443 \u0443\u0442\u0440\u043e\u043c.</p>"
    "</article></body></html>"
).encode("koi8-r")


@pytest.fixture
def server() -> Iterator[LocalServer]:
    routes = {
        "/article.html": Route(200, {"Content-Type": HTML}, ARTICLE),
        "/moved": Route(301, {"Location": "/article.html"}),
        "/moved-absolute": Route(302, {"Location": "PLACEHOLDER"}),
        "/loop": Route(302, {"Location": "/loop"}),
        "/to-ftp": Route(302, {"Location": "ftp://127.0.0.1/file.html"}),
        "/no-location": Route(302, {}),
        "/gone": Route(410, {"Content-Type": "text/plain"}, b"gone"),
        "/broken": Route(500, {"Content-Type": "text/plain"}, b"oops"),
        "/photo.png": Route(200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"0" * 64),
        "/doc.pdf": Route(200, {"Content-Type": "application/pdf"}, b"%PDF-1.7 ..."),
        "/untyped": Route(200, {}, ARTICLE),
        "/binary-untyped": Route(
            200, {"Content-Type": "application/octet-stream"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
        ),
        "/declared-huge": Route(200, {"Content-Type": HTML, "Content-Length": "999999999"}),
        "/latin1.html": Route(200, {"Content-Type": "text/html; charset=ISO-8859-1"}, LATIN1),
        "/koi8.html": Route(200, {"Content-Type": "text/html; charset=koi8-r"}, KOI8),
        "/gzipped.html": Route(
            200, {"Content-Type": HTML, "Content-Encoding": "gzip"}, gzip.compress(ARTICLE)
        ),
        "/gzip-bomb.html": Route(
            200,
            {"Content-Type": HTML, "Content-Encoding": "gzip"},
            gzip.compress(b"<p>" + b"a" * 5_000_000),
        ),
        "/empty": Route(200, {"Content-Type": HTML}, b""),
        "/endless": endless(),
        "/silent": stall(after_headers=False),
        "/stalls-mid-body": stall(after_headers=True),
        "/drip": drip(0.05),
    }
    srv = LocalServer(routes)  # type: ignore[arg-type]
    routes["/moved-absolute"] = Route(302, {"Location": srv.url("/article.html")})
    srv.start()
    yield srv
    srv.stop()


def refused(url: str, **kwargs: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        fetch(url, max_bytes=int(kwargs.pop("max_bytes", LIMIT)), **kwargs)
    message = str(caught.value)
    assert message.startswith(url + ": "), message
    assert "\n" not in message
    return caught.value


# -- what a good page gives -------------------------------------------------------------------


def test_page_is_loaded_as_a_document_whose_origin_is_the_url(server: LocalServer) -> None:
    doc = fetch(server.url("/article.html"), max_bytes=LIMIT)
    assert doc.origin == server.url("/article.html")
    assert doc.format == "html"
    assert "ferry schedule changes in the spring" in doc.text


def test_relative_links_resolve_against_the_page_url(server: LocalServer) -> None:
    doc = fetch(server.url("/article.html"), max_bytes=LIMIT)
    assert [link.href for link in doc.links if link.text == "the background"] == [
        server.url("/2024/background")
    ]


def test_canonical_url_falls_back_to_the_page_url(server: LocalServer) -> None:
    doc = fetch(server.url("/article.html"), max_bytes=LIMIT)
    assert doc.meta.canonical_url == server.url("/article.html")


def test_user_agent_names_the_tool(server: LocalServer) -> None:
    fetch(server.url("/article.html"), max_bytes=LIMIT)
    sent = server.requests[-1]["headers"]["User-Agent"]
    assert sent == USER_AGENT
    assert sent.startswith("compliance/")


def test_redirect_is_followed_and_the_final_url_resolves_links(server: LocalServer) -> None:
    got = download(server.url("/moved"), max_bytes=LIMIT, allow_private=True)
    assert got.requested == server.url("/moved")
    assert got.url == server.url("/article.html")
    doc = fetch(server.url("/moved"), max_bytes=LIMIT, allow_private=True)
    assert doc.origin == server.url("/moved")
    assert doc.meta.canonical_url == server.url("/article.html")
    assert server.url("/2024/background") in [link.href for link in doc.links]


def test_absolute_redirect_is_followed(server: LocalServer) -> None:
    got = download(server.url("/moved-absolute"), max_bytes=LIMIT, allow_private=True)
    assert got.data == ARTICLE


def test_missing_content_type_is_sniffed_from_the_bytes(server: LocalServer) -> None:
    assert fetch(server.url("/untyped"), max_bytes=LIMIT).format == "html"


def test_gzip_body_sent_unasked_is_decompressed(server: LocalServer) -> None:
    assert download(server.url("/gzipped.html"), max_bytes=LIMIT).data == ARTICLE


def test_charset_from_the_content_type_header_is_honoured(server: LocalServer) -> None:
    doc = fetch(server.url("/latin1.html"), max_bytes=LIMIT)
    assert "Caf\u00e9 in Malm\u00f6" in doc.text
    assert "\u00abna\u00efve\u00bb fa\u00e7ade" in doc.text
    assert doc.encoding == "cp1252"  # what browsers read for the label ISO-8859-1 (WHATWG)


def test_a_latin1_label_reads_windows_1252_quotes_as_browsers_do(server: LocalServer) -> None:
    body = "<html><body><p>\u201cQuoted\u201d \u2014 said the mayor.</p></body></html>"
    server.routes["/quotes.html"] = Route(
        200, {"Content-Type": "text/html; charset=ISO-8859-1"}, body.encode("cp1252")
    )
    assert (
        "\u201cQuoted\u201d \u2014 said" in fetch(server.url("/quotes.html"), max_bytes=LIMIT).text
    )


def test_header_charset_decodes_a_page_a_guess_would_garble(server: LocalServer) -> None:
    doc = fetch(server.url("/koi8.html"), max_bytes=LIMIT)
    assert FERRY_RU in doc.text
    assert doc.encoding == "koi8-r"


# -- refusals: one line naming the URL --------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/gone", "HTTP 410 Gone"),
        ("/broken", "HTTP 500 Internal Server Error"),
    ],
)
def test_http_error_status_is_refused_with_the_status(
    server: LocalServer, path: str, words: str
) -> None:
    assert words in str(refused(server.url(path)))


def test_error_after_a_redirect_names_where_it_happened(server: LocalServer) -> None:
    server.routes["/moved-to-missing"] = Route(301, {"Location": "/missing"})
    message = str(refused(server.url("/moved-to-missing"), allow_private=True))
    assert "HTTP 404" in message
    assert server.url("/missing") in message


def test_redirect_loop_stops_after_the_bound(server: LocalServer) -> None:
    message = str(refused(server.url("/loop"), allow_private=True))
    assert f"more than {MAX_REDIRECTS}" in message
    assert len(server.requests) == MAX_REDIRECTS + 1


def test_redirect_to_another_scheme_is_refused(server: LocalServer) -> None:
    message = str(refused(server.url("/to-ftp")))
    assert "ftp://127.0.0.1/file.html" in message
    assert "only http and https" in message


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("/article.html", "loopback"),  # the server's own address: the machine's services
        ("http://169.254.169.254/latest/meta-data/", "link-local"),  # a cloud metadata endpoint
        ("http://10.0.0.7/admin", "private"),
    ],
)
def test_redirect_to_a_non_public_address_is_refused(
    server: LocalServer, target: str, kind: str
) -> None:
    server.routes["/inward"] = Route(302, {"Location": target})
    message = str(refused(server.url("/inward")))
    assert f"a {kind} address" in message
    assert "--allow-private" in message
    assert [r["path"] for r in server.requests] == ["/inward"]


def test_allow_private_follows_a_redirect_to_a_loopback_address(server: LocalServer) -> None:
    server.routes["/inward"] = Route(302, {"Location": "/article.html"})
    assert download(server.url("/inward"), max_bytes=LIMIT, allow_private=True).data == ARTICLE


def test_the_address_typed_is_fetched_even_when_it_is_loopback(server: LocalServer) -> None:
    assert download(server.url("/article.html"), max_bytes=LIMIT).data == ARTICLE


def test_redirect_without_location_is_refused(server: LocalServer) -> None:
    assert "without a Location" in str(refused(server.url("/no-location")))


def test_a_redirect_to_a_malformed_url_is_an_input_error(server: LocalServer) -> None:
    server.routes["/broken-location"] = Route(302, {"Location": "http://[abc/x"})
    message = str(refused(server.url("/broken-location"), allow_private=True))
    assert "redirected to a malformed URL 'http://[abc/x'" in message


def test_a_malformed_url_is_an_input_error_without_connecting() -> None:
    assert "malformed URL 'http://[abc/x'" in str(refused("http://[abc/x"))


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a.html", "file:///etc/passwd", "gopher://example.org/"]
)
def test_non_http_scheme_is_refused_without_connecting(url: str) -> None:
    assert "only http and https" in str(refused(url))


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        ("/photo.png", "image/png"),
        ("/doc.pdf", "application/pdf"),
    ],
)
def test_non_text_content_type_is_refused(server: LocalServer, path: str, mime: str) -> None:
    assert f"not a text document (Content-Type {mime})" in str(refused(server.url(path)))


def test_binary_body_of_unknown_type_is_refused_by_the_loader(server: LocalServer) -> None:
    assert "binary" in str(refused(server.url("/binary-untyped")))


def test_declared_length_over_the_limit_is_refused_before_reading(server: LocalServer) -> None:
    message = str(refused(server.url("/declared-huge")))
    assert "999,999,999 bytes" in message
    assert "too large" in message


def test_endless_body_is_cut_one_byte_past_the_limit(server: LocalServer) -> None:
    message = str(refused(server.url("/endless"), max_bytes=200_000))
    assert "too large" in message
    assert "200,000 bytes" in message


def test_decompressed_size_counts_against_the_limit(server: LocalServer) -> None:
    assert "too large" in str(refused(server.url("/gzip-bomb.html"), max_bytes=100_000))


def test_empty_body_is_refused(server: LocalServer) -> None:
    assert "empty" in str(refused(server.url("/empty")))


def test_silent_server_times_out_within_the_limit(server: LocalServer) -> None:
    message = str(refused(server.url("/silent"), timeout=0.5))
    assert "timed out" in message


def test_server_stalling_mid_body_times_out(server: LocalServer) -> None:
    message = str(refused(server.url("/stalls-mid-body"), timeout=0.5))
    assert "timed out" in message


def test_trickling_download_is_stopped_at_the_deadline(server: LocalServer) -> None:
    message = str(refused(server.url("/drip"), timeout=0.5))
    assert "not finished after 0.5 s" in message


def test_refused_connection_is_named() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert "connection refused" in str(refused(f"http://127.0.0.1:{port}/a.html"))


def test_unresolvable_host_is_named() -> None:
    # .invalid is reserved (RFC 2606): it never resolves, so this never reaches the internet.
    assert "cannot resolve the host name" in str(refused("http://no-such-host.invalid/a.html"))


# -- path or URL --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("https://example.org/a", True),
        ("HTTP://example.org/a", True),
        ("ftp://example.org/a", True),
        ("samples/originals/a.html", False),
        ("C:\\articles\\a.html", False),
        ("notes:draft.md", False),
    ],
)
def test_is_url_tells_urls_from_paths(spec: str, expected: bool) -> None:
    assert is_url(spec) is expected


def test_load_input_fetches_a_url(server: LocalServer) -> None:
    assert load_input(server.url("/article.html")).origin == server.url("/article.html")


def test_load_input_reads_a_path() -> None:
    doc = load_input(str(ORIGINAL))
    assert doc.origin == str(ORIGINAL)
    assert doc.format == "html"


def test_load_input_keeps_the_file_error_for_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_input(str(tmp_path / "nowhere.html"))
