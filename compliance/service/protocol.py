"""uvicorn's HTTP/1.1 protocol with the two guards it lacks against slow clients.

uvicorn times out idle keep-alive connections but not a request whose headers never finish,
and its ``limit_concurrency`` counts such connections: 200 of them answered every real check
with 503. Here a connection must complete its request headers within ``header_timeout``
seconds or is closed, and one client address may hold at most ``per_client`` connections
still waiting for their headers: past that its longest-waiting one is closed. Connections
that have sent a complete request are never closed by either guard.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


def guarded_protocol(header_timeout: float, per_client: int) -> type[H11Protocol]:
    """An H11Protocol subclass enforcing ``header_timeout`` and ``per_client``."""
    waiting: dict[str, list[GuardedH11Protocol]] = defaultdict(list)

    class GuardedH11Protocol(H11Protocol):
        _timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._wait_for_headers()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self._wait_for_headers()  # a request begun but not finished
            else:
                self._stop_waiting()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_waiting()
            super().connection_lost(exc)

        def _wait_for_headers(self) -> None:
            if self._timer is None:
                self._timer = self.loop.call_later(header_timeout, self._headers_too_slow)
            queue = waiting[self._address()]
            if self not in queue:
                queue.append(self)
                if len(queue) > per_client:
                    queue[0]._close("more connections waiting for headers than allowed")

        def _stop_waiting(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            address = self._address()
            queue = waiting.get(address)
            if queue and self in queue:
                queue.remove(self)
                if not queue:
                    del waiting[address]

        def _headers_too_slow(self) -> None:
            self._timer = None
            if self.conn.their_state is h11.IDLE:
                self._close(f"request headers not complete within {header_timeout:g} s")

        def _close(self, reason: str) -> None:
            self._stop_waiting()
            self.logger.debug("closing %s: %s", self._address(), reason)
            if not self.transport.is_closing():
                self.transport.close()

        def _address(self) -> str:
            client: Any = self.client
            return str(client[0]) if client else "?"

    return GuardedH11Protocol
