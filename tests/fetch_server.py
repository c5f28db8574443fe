"""A real HTTP server on 127.0.0.1 for the fetch tests: fixed routes, no internet.

Routes are (status, headers, body) or a callable that writes its own response (streams,
stalls). ``LocalServer.url(path)`` gives the address; the server runs in a daemon thread and
``stop()`` releases anything that is waiting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

Writer = Callable[[BaseHTTPRequestHandler, threading.Event], None]
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


def direct_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` without proxy settings, so requests to 127.0.0.1 go straight to the test server."""
    return {k: v for k, v in env.items() if k.lower() not in PROXY_VARIABLES}


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Straight to 127.0.0.1 whatever proxy the machine running the tests is set up with.

    Autouse in every test module that imports it.
    """
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class LocalServer:
    """An http.server in a thread on a free port, serving ``routes`` by exact path."""

    def __init__(self, routes: dict[str, Route | Writer]) -> None:
        self.routes = routes
        self.requests: list[dict[str, Any]] = []
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.requests.append({"path": self.path, "headers": dict(self.headers)})
                route = server.routes.get(self.path)
                if route is None:
                    route = Route(404, {"Content-Type": "text/plain"}, b"not here")
                if callable(route):
                    route(self, server.stopping)
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in route.headers:  # a route may declare its own
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args: Any) -> None:  # keep pytest output clean
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> LocalServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


def endless(content_type: str = "text/html; charset=utf-8") -> Writer:
    """A body with no declared length that never ends (until the client hangs up)."""

    def write(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(b"<html><body><p>")
        block = b"word " * 2000
        try:
            while not stopping.is_set():
                handler.wfile.write(block)
        except OSError:  # the client stopped reading and closed: what we expect
            pass

    return write


def stall(after_headers: bool) -> Writer:
    """Say nothing at all, or send headers and then nothing, until the server stops."""

    def write(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        if after_headers:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", "100000")
            handler.end_headers()
            handler.wfile.write(b"<html><body><p>The start of")
            handler.wfile.flush()
        stopping.wait(60)

    return write


def drip(interval: float) -> Writer:
    """Send one byte every ``interval`` seconds, forever: never silent, never finished."""

    def write(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            while not stopping.wait(interval):
                handler.wfile.write(b"a")
                handler.wfile.flush()
        except OSError:
            pass

    return write
