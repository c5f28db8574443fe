"""Documents from the web: ``compliance check https://...`` as well as files.

Syndication desks mostly hold URLs, not saved pages. ``fetch`` downloads one page and hands the
bytes to ``load_bytes`` with the final URL, so relative links resolve against the page that was
really served and the canonical URL falls back to it.

httpx does the HTTP (connection handling, TLS, proxies from the environment, a retried connect
when a server is briefly unreachable); redirects are followed here, by hand, so each hop is
checked: at most ``MAX_REDIRECTS`` hops, each to an http(s) URL, and none to a loopback,
link-local, private or otherwise non-public address unless ``allow_private`` is set (a page on
the web must not steer the tool at the machine's own services or a cloud metadata endpoint).
The address a user types is fetched as given; only where a server sends the tool is checked.

Limits, because a URL is someone else's input:

- size: a declared ``Content-Length`` above ``max_bytes`` is refused before the body is read,
  and the body is read in pieces, never more than ``max_bytes + 1`` bytes (after gzip, if the
  server compresses although it was asked not to: the raw stream is inflated here, bounded);
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
from urllib.parse import urljoin

from .. import __version__
from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from .decode import DEFAULT_MAX_BYTES, human_size
from .urls import split_url

if TYPE_CHECKING:  # httpx (and with it ssl) loads only when a URL is fetched
    import ipaddress
    import zlib

    import httpx

__all__ = [
    "CONNECT_RETRIES",
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
CONNECT_RETRIES = 2  # a refused or failed connection is tried again, twice, with backoff
USER_AGENT = (
    f"compliance/{__version__} (republishing-terms compliance checker; "
    f"fetches one article per request)"
)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")  # two letters at least: not C:\ paths
_REDIRECTS = (301, 302, 303, 307, 308)
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
    spec: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """A document from a command-line argument: downloaded if it is a URL, else read as a file.

    A URL with a scheme other than http(s) is refused rather than looked for as a file name.
    """
    from . import load_path

    text = str(spec)
    if isinstance(spec, str) and is_url(text):
        return fetch(
            text, max_bytes=max_bytes, timeout=timeout, allow_private=allow_private, limits=limits
        )
    return load_path(spec, max_bytes=max_bytes, limits=limits)


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT,
    user_agent: str = USER_AGENT,
    allow_private: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Download ``url`` and load it as a document whose origin is ``url``.

    Raises:
        InputError: naming ``url``, for a bad URL, DNS failure, refused connection, timeout,
            TLS failure, HTTP error status, too many redirects, a redirect to a non-public
            address (unless ``allow_private``), a body above ``max_bytes`` or a non-text body.
    """
    got = download(
        url,
        max_bytes=max_bytes,
        timeout=timeout,
        user_agent=user_agent,
        allow_private=allow_private,
    )
    return to_document(got, max_bytes=max_bytes, limits=limits)


def to_document(
    got: Download, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Load a download's body; the final URL resolves relative links and backs the canonical."""
    from . import load_bytes

    return load_bytes(
        got.data,
        got.requested,
        content_type=got.content_type,
        url=got.url,
        max_bytes=max_bytes,
        limits=limits,
    )


def download(
    url: str,
    *,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT,
    user_agent: str = USER_AGENT,
    allow_private: bool = False,
) -> Download:
    """GET ``url``, following redirects, within the size, time, type and address limits above."""
    import httpx

    if timeout <= 0:
        raise InputError(f"the timeout must be positive (got {timeout})", source=url)
    _check_scheme(url, url)
    deadline = time.monotonic() + timeout
    current = url
    transport = httpx.HTTPTransport(retries=CONNECT_RETRIES)
    with httpx.Client(transport=transport, follow_redirects=False, trust_env=True) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            response = _open(client, current, url, user_agent, deadline)
            try:
                status = response.status_code
                if status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise InputError(f"HTTP {status} redirect without a Location", source=url)
                    current = _follow(current, location.strip(), url)
                    _check_scheme(current, url, redirected=True)
                    if not allow_private:
                        _check_public(current, url)
                    continue
                if status >= 300:
                    reason = " ".join(str(response.reason_phrase or "").split())
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


def _follow(current: str, location: str, url: str) -> str:
    """The address a redirect's ``location`` names, resolved against ``current``."""
    try:
        return urljoin(current, location)
    except ValueError:  # "http://[abc/x": an unclosed IPv6 bracket
        raise InputError(f"redirected to a malformed URL {location!r}", source=url) from None


def _check_scheme(target: str, url: str, *, redirected: bool = False) -> None:
    parts = split_url(target)
    if parts is None:
        what = "redirected to a " if redirected else ""
        raise InputError(f"{what}malformed URL {target!r}", source=url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        what = f"redirected to {target}, " if redirected else ""
        shown = f"{scheme!r}" if scheme else "none"
        raise InputError(f"{what}unsupported URL scheme {shown} (only http and https)", source=url)
    if not parts.hostname:
        raise InputError("URL without a host name", source=url)


def _check_public(target: str, url: str) -> None:
    """Refuse a redirect to an address that is not on the public internet.

    Every address the host name resolves to must be public (an attacker's name may resolve
    to several); a name that does not resolve is left to the request, which reports it.
    """
    import ipaddress
    import socket

    parts = split_url(target)
    if parts is None:
        return
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError):
        return
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        mapped = getattr(address, "ipv4_mapped", None)
        if not (mapped or address).is_global:
            raise InputError(
                f"redirected to {target}, a {_address_kind(mapped or address)} address "
                f"({address}); refused (--allow-private fetches it)",
                source=url,
            )


def _address_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private:
        return "private"
    return "non-public"


def _open(
    client: httpx.Client, target: str, url: str, user_agent: str, deadline: float
) -> httpx.Response:
    """The response to one GET, headers read and body not yet; network failures in one line."""
    import httpx

    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise InputError("timed out (redirects took the whole time allowed)", source=url)
    request = client.build_request(
        "GET",
        target,
        headers={
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "identity",
        },
        timeout=httpx.Timeout(remaining),
    )
    try:
        return client.send(request, stream=True)
    except httpx.TimeoutException:
        raise InputError(f"timed out: no answer within {remaining:g} s", source=url) from None
    except (httpx.HTTPError, OSError, ValueError) as exc:
        raise InputError(_network_problem(_root_cause(exc), remaining), source=url) from None


def _root_cause(exc: BaseException) -> BaseException:
    """The innermost exception httpx wrapped (a refused connection, a DNS or TLS failure)."""
    while (inner := exc.__cause__ or exc.__context__) is not None:
        exc = inner
    return exc


def _network_problem(reason: object, timeout: float) -> str:
    """One line saying what went wrong on the way to the server."""
    import socket
    import ssl

    import httpx

    if isinstance(reason, socket.gaierror):
        return f"cannot resolve the host name ({_one_line(reason.strerror or reason)})"
    if isinstance(reason, TimeoutError | httpx.TimeoutException):
        return f"timed out: no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failure ({_one_line(getattr(reason, 'reason', None) or reason)})"
    if isinstance(reason, httpx.HTTPError):
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
    response: httpx.Response,
    max_bytes: int,
    url: str,
    deadline: float,
    timeout: float,
) -> bytes:
    """The body, in pieces as they arrive, stopping one byte past ``max_bytes`` at most.

    The raw stream is read (httpx would inflate a whole network read at once) and inflated
    here with an output bound, so a compressed bomb never takes more than the limit.
    """
    import zlib

    import httpx

    inflate = _decompressor(response.headers.get("Content-Encoding"), url)
    parts: list[bytes] = []
    size = 0
    pieces = response.iter_raw()
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise InputError(f"timed out: download not finished after {timeout:g} s", source=url)
        try:
            chunk = next(pieces, b"")
        except httpx.TimeoutException:
            raise InputError(
                f"timed out: server silent for {timeout:g} s mid-download", source=url
            ) from None
        except (httpx.HTTPError, OSError) as exc:
            raise InputError(_network_problem(_root_cause(exc), timeout), source=url) from None
        if not chunk:
            break
        room = max_bytes + 1 - size
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, room)
            except zlib.error as exc:
                raise InputError(f"corrupt compressed body ({exc})", source=url) from None
        parts.append(chunk[:room])
        size += len(chunk[:room])
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
