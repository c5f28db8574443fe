"""ASGI guard in front of the routes: who may ask, how much, and how slowly.

A request reaches FastAPI only once it is complete and authenticated. The bearer token is
checked on the headers alone (401 before any body is read, so validation can never answer 422
to a stranger); a declared or streamed body over the size limit is refused (413); a body that
does not arrive within ``body_timeout`` seconds is refused (408), so a client trickling bytes
holds no check slot.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .errors import error_response

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Message, Receive, Send], Awaitable[None]]

PROTECTED = "/v1/"  # every route under it needs the token; /healthz and the docs do not


class RequestGuard:
    """Authenticate, then read the whole body within its size and time limits, then route."""

    def __init__(
        self, app: ASGIApp, *, token: str | None, max_bytes: int, body_timeout: float
    ) -> None:
        self.app = app
        self.token = token
        self.max_bytes = max_bytes
        self.body_timeout = body_timeout

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, _no_receive, send)
            return
        try:
            async with asyncio.timeout(self.body_timeout):
                chunks = await self._body(receive)
        except TimeoutError:
            message = f"request body not received within {self.body_timeout:g} s"
            await error_response(408, message, headers={"Connection": "close"})(
                scope, _no_receive, send
            )
            return
        if chunks is None:
            await error_response(413, self._too_large())(scope, _no_receive, send)
            return

        async def replay() -> Message:
            return chunks.pop(0) if chunks else await receive()

        await self.app(scope, replay, send)

    def _refusal(self, scope: Message, headers: dict[bytes, bytes]) -> Any:
        """A response refusing the request from its headers alone, or None to go on."""
        if self.token is not None and str(scope.get("path", "")).startswith(PROTECTED):
            given = headers.get(b"authorization", b"")
            scheme, _, credentials = given.partition(b" ")
            expected = self.token.encode("utf-8")
            if scheme.lower() != b"bearer" or not hmac.compare_digest(credentials, expected):
                return error_response(
                    401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
                )
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return error_response(413, self._too_large())
        return None

    async def _body(self, receive: Receive) -> list[Message] | None:
        """Every message of the request body, or None once it passes the size limit."""
        chunks: list[Message] = []
        size = 0
        while True:
            message = await receive()
            chunks.append(message)
            if message["type"] != "http.request":
                return chunks
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return None
            if not message.get("more_body", False):
                return chunks

    def _too_large(self) -> str:
        return f"request body larger than {self.max_bytes} bytes"


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
