"""Documents from the web: ``compliance check https://...`` as well as files.

Syndication desks mostly hold URLs, not saved pages. ``fetch`` downloads one page and hands the
bytes to ``load_bytes`` with the final URL, so relative links resolve against the page that was
really served and the canonical URL falls back to it.

The standard library's ``urllib.request`` does the HTTP (one GET needs no extra dependency), but
through an opener that has only the http, https and proxy handlers (no ``file:``, ``ftp:`` or
``data:``) and no error processor, so every status comes back here and redirects are followed
by hand: at most ``MAX_REDIRECTS`` hops, each checked for an http(s) target.

Limits, because a URL is someone else's input:

- size: a declared ``Content-Length`` above ``max_bytes`` is refused before the body is read,
  and the body is read in pieces, never more than ``max_bytes + 1`` bytes (after gzip, if the
  server compresses although it was asked not to);
- time: a server silent for ``timeout`` seconds (connecting, answering, sending) is given up
  on, and so is a download that is still trickling in once ``timeout`` seconds have passed;
- type: an image, audio, video, font or non-text ``application/*`` body is refused by its
  Content-Type; a missing or ``application/octet-stream`` type ("unknown") is left to the
  loader, which sniffs the bytes and refuses binary data itself.

Every failure is an ``InputError`` whose source is the URL asked for and whose message is one
line, e.g. ``https://example.org/a: HTTP 404 Not Found``.

Example:
    >>> doc = fetch("https://example.org/2024/a", max_bytes=DEFAULT_MAX_BYTES)  # doctest: +SKIP
    >>> doc.origin, doc.meta.canonical_url  # doctest: +SKIP
    ('https://example.org/2024/a', 'https://example.org/2024/a')
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from ..model import Document
from .decode import DEFAULT_MAX_BYTES, human_size

if TYPE_CHECKING:  # http.client, ssl and urllib.request load only when a URL is fetched
    import http.client
    import urllib.request
    import zlib

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "Download",
    "download",
    "fetch",
    "is_url",
    "load_input",
    "to_document",
]

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = (
    f"compliance/{__version__} (republishing-terms compliance checker; "
    f"fetches one article per request)"
)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")  # two letters at least: not C:\ paths
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024
_TEXT_APPLICATION = {
    "application/xhtml+xml",
    "application/xml",
    "application/octet-stream",  # "unknown": the loader sniffs the bytes
}
_BINARY_MAJOR = ("image/", "audio/", "video/", "font/", "model/", "multipart/")


@dataclass(frozen=True)
class Download:
    """One successful GET: the URL asked for, the URL that answered, the body and its type."""

    requested: str
    url: str
    data: bytes
    content_type: str | None


def is_url(spec: str) -> bool:
    """True when ``spec`` names a URL (any scheme, ``x://``) rather than a file path."""
    return bool(_SCHEME.match(spec))


def load_input(
    spec: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT
) -> Document:
    """A document from a command-line argument: downloaded if it is a URL, else read as a file.

    A URL with a scheme other than http(s) is refused rather than looked for as a file name.
    """
    from . import load_path

    text = str(spec)
    if isinstance(spec, str) and is_url(text):
        return fetch(text, max_bytes=max_bytes, timeout=timeout)
    return load_path(spec, max_bytes=max_bytes)


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT,
    user_agent: str = USER_AGENT,
) -> Document:
    """Download ``url`` and load it as a document whose origin is ``url``.

    Raises:
        InputError: naming ``url``, for a bad URL, DNS failure, refused connection, timeout,
            TLS failure, HTTP error status, too many redirects, a body above ``max_bytes`` or
            a non-text body.
    """
    got = download(url, max_bytes=max_bytes, timeout=timeout, user_agent=user_agent)
    return to_document(got, max_bytes=max_bytes)


def to_document(got: Download, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load a download's body; the final URL resolves relative links and backs the canonical."""
    from . import load_bytes

    return load_bytes(
        got.data, got.requested, content_type=got.content_type, url=got.url, max_bytes=max_bytes
    )


def download(
    url: str,
    *,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT,
    user_agent: str = USER_AGENT,
) -> Download:
    """GET ``url``, following redirects, within the size, time and type limits above."""
    if timeout <= 0:
        raise InputError(f"the timeout must be positive (got {timeout})", source=url)
    _check_scheme(url, url)
    deadline = time.monotonic() + timeout
    opener = _opener()
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        response = _open(opener, current, url, user_agent, deadline)
        try:
            status = response.status
            if status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise InputError(f"HTTP {status} redirect without a Location", source=url)
                current = urljoin(current, location.strip())
                _check_scheme(current, url, redirected=True)
                continue
            if status >= 300:
                reason = " ".join(str(response.reason or "").split())
                where = "" if current == url else f" (at {current})"
                raise InputError(f"HTTP {status} {reason}".rstrip() + where, source=url)
            content_type = response.headers.get("Content-Type")
            _check_type(content_type, url)
            _check_length(response.headers.get("Content-Length"), max_bytes, url)
            data = _read_body(response, max_bytes, url, deadline, timeout)
            return Download(url, current, data, content_type)
        finally:
            response.close()
    raise InputError(f"too many redirects (more than {MAX_REDIRECTS})", source=url)


def _opener() -> urllib.request.OpenerDirector:
    """http(s) and proxies only; no error processor, so statuses and redirects come back here."""
    import ssl
    import urllib.request

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
    ):
        opener.add_handler(handler)
    return opener


def _check_scheme(target: str, url: str, *, redirected: bool = False) -> None:
    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        what = f"redirected to {target}, " if redirected else ""
        shown = f"{scheme!r}" if scheme else "none"
        raise InputError(f"{what}unsupported URL scheme {shown} (only http and https)", source=url)
    if not parts.hostname:
        raise InputError("URL without a host name", source=url)


def _open(
    opener: urllib.request.OpenerDirector,
    target: str,
    url: str,
    user_agent: str,
    deadline: float,
) -> http.client.HTTPResponse:
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        target,
        headers={
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "identity",
        },
    )
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise InputError("timed out (redirects took the whole time allowed)", source=url)
    try:
        response = opener.open(request, timeout=remaining)
    except urllib.error.URLError as exc:
        raise InputError(_network_problem(exc.reason, remaining), source=url) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(_network_problem(exc, remaining), source=url) from None
    if response is None:  # no handler took the URL (cannot happen for http/https)
        raise InputError("cannot open this URL", source=url)
    return response  # type: ignore[no-any-return]


def _network_problem(reason: object, timeout: float) -> str:
    """One line saying what went wrong on the way to the server."""
    import http.client
    import socket
    import ssl

    if isinstance(reason, socket.gaierror):
        return f"cannot resolve the host name ({_one_line(reason.strerror or reason)})"
    if isinstance(reason, TimeoutError):
        return f"timed out: no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failure ({_one_line(getattr(reason, 'reason', None) or reason)})"
    if isinstance(reason, http.client.HTTPException):
        return f"bad HTTP response ({type(reason).__name__}: {_one_line(reason) or 'no detail'})"
    if isinstance(reason, OSError):
        return f"cannot connect ({_one_line(reason.strerror or reason)})"
    return f"cannot fetch ({_one_line(reason)})"


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _check_type(content_type: str | None, url: str) -> None:
    mime = (content_type or "").split(";")[0].strip().lower()
    if not mime or mime.startswith("text/") or mime in _TEXT_APPLICATION:
        return
    if mime.startswith(_BINARY_MAJOR) or mime.startswith("application/"):
        raise InputError(f"not a text document (Content-Type {mime})", source=url)


def _check_length(declared: str | None, max_bytes: int, url: str) -> None:
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise InputError(
            f"response too large: {human_size(int(declared))} declared, above the limit of "
            f"{human_size(max_bytes)}",
            source=url,
        )


def _read_body(
    response: http.client.HTTPResponse,
    max_bytes: int,
    url: str,
    deadline: float,
    timeout: float,
) -> bytes:
    """The body, in pieces as they arrive, stopping one byte past ``max_bytes`` at most."""
    import http.client
    import zlib

    inflate = _decompressor(response.headers.get("Content-Encoding"), url)
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise InputError(f"timed out: download not finished after {timeout:g} s", source=url)
        room = max_bytes + 1 - size
        try:
            chunk = response.read1(min(_CHUNK, room) if inflate is None else _CHUNK)
        except TimeoutError:
            raise InputError(
                f"timed out: server silent for {timeout:g} s mid-download", source=url
            ) from None
        except (OSError, http.client.HTTPException) as exc:
            raise InputError(_network_problem(exc, timeout), source=url) from None
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, room)
            except zlib.error as exc:
                raise InputError(f"corrupt compressed body ({exc})", source=url) from None
        parts.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputError(
            f"response too large: more than {human_size(max_bytes)} (the limit)", source=url
        )
    return b"".join(parts)


def _decompressor(encoding: str | None, url: str) -> zlib._Decompress | None:
    """Servers sometimes compress although asked for identity; gzip and deflate are undone."""
    import zlib

    coding = (encoding or "identity").strip().lower()
    if coding in ("", "identity"):
        return None
    if coding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)
    raise InputError(f"unsupported Content-Encoding {coding!r}", source=url)
