"""The check as an HTTP service, so a CMS can ask before it publishes a draft.

``POST /v1/check`` takes a draft (HTML, Markdown or text) and optionally its original (text, URL
or index id); it answers the verdict and the JSON report, the same ones `compliance check` gives.
Guards: a request-size limit (413), a per-check timeout (504) and an optional bearer token (401).
FastAPI serves the OpenAPI description at ``/openapi.json`` and the docs at ``/docs``.
"""

from __future__ import annotations

import asyncio
import hmac
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from . import __version__
from .errors import ComplianceError

if TYPE_CHECKING:
    from .config import ProjectConfig
    from .hook import Originals
    from .model import Document, Report

DEFAULT_MAX_REQUEST = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Message, Receive, Send], Awaitable[None]]

# Worst first: the report a CMS should act on when a draft reuses several originals.
_VERDICT_ORDER = ("violations", "needs-permission", "likely-fair-use", "compliant", "not-a-copy")
_CONTENT_TYPES = {"html": "text/html", "markdown": "text/markdown", "text": "text/plain"}


class CheckRequest(BaseModel):
    """A draft to check, and optionally the original it republishes."""

    draft: str = Field(min_length=1, description="The draft's HTML, Markdown or plain text.")
    format: Literal["html", "markdown", "text"] | None = Field(
        None, description="Format of the draft; guessed from its content when omitted."
    )
    draft_url: str | None = Field(None, description="Where the draft will be published.")
    original: str | None = Field(None, description="The original's HTML, Markdown or text.")
    original_format: Literal["html", "markdown", "text"] | None = None
    original_url: str | None = Field(
        None, description="URL of the original, looked up in the index or originals folder."
    )
    original_id: str | None = Field(None, description="Index id (or 8+ char prefix) of it.")
    terms: str | None = Field(None, description="Apply these terms (a rule id).")
    venue: Literal["community", "nonprofit", "commercial", "print"] | None = None


def request_text(text: str, field: str) -> bytes:
    """UTF-8 bytes of a request field; a lone surrogate (valid JSON, not text) is refused."""
    from .errors import InputError

    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"not text: a lone surrogate at character {exc.start}", source=f"request:{field}"
        ) from None


class CheckResponse(BaseModel):
    """The verdict to act on, the report behind it, and every report of reuse found."""

    verdict: str
    fail: bool = Field(description="True when a finding is at or above the configured fail_on.")
    report: dict[str, Any] | None = None
    reports: list[dict[str, Any]] = []


@dataclass(frozen=True)
class ServiceSettings:
    """How the service guards itself; from `compliance serve` options."""

    token: str | None = None
    max_request_bytes: int = DEFAULT_MAX_REQUEST
    timeout: float = DEFAULT_TIMEOUT
    workers: int = 4


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413 before parsing.

    A declared Content-Length is refused at once; a streamed body is counted as it arrives.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(send)
            return
        chunks: list[Message] = []
        size = 0
        while True:
            message = await receive()
            chunks.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._too_large(send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return chunks.pop(0) if chunks else await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        response = JSONResponse(
            {"detail": f"request body larger than {self.limit} bytes"}, status_code=413
        )
        await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class Checker:
    """Runs checks off the event loop with the project's config, terms and originals.

    Each worker thread keeps its own Originals (an index connection is not shared across
    threads); the terms library is loaded once and shared, being read-only.
    """

    def __init__(self, config: ProjectConfig, settings: ServiceSettings) -> None:
        self.config = config
        self.settings = settings
        self.pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="check")
        self._local = threading.local()
        self._library: Any = None
        self._lock = threading.Lock()

    def library(self) -> Any:
        with self._lock:
            if self._library is None:
                from .terms import load_library

                self._library = load_library(tuple(self.config.rules_dirs))
            return self._library

    def originals(self) -> Originals:
        found = getattr(self._local, "originals", None)
        if found is None:
            from .hook import Originals

            found = self._local.originals = Originals(self.config)
        return found

    def check(self, body: CheckRequest) -> list[Report]:
        """Every report of reuse for the draft; an empty list when it copies nothing."""
        from .documents import load_bytes
        from .hook import check_options
        from .pipeline import check_pair

        draft = load_bytes(
            request_text(body.draft, "draft"),
            "request:draft",
            content_type=_CONTENT_TYPES.get(body.format or ""),
            url=body.draft_url,
        )
        options = check_options(self.config, body.terms)
        if body.venue:
            options = replace(options, venue=body.venue)
        options = replace(options, library=self.library())
        originals = self._named_originals(body)
        if originals is None:
            return self.originals().reuse(draft, options)
        return [check_pair(draft, original, options) for original in originals]

    def _named_originals(self, body: CheckRequest) -> list[Document] | None:
        """The original the request names (text, id or URL), or None to search for it."""
        from .documents import load_bytes
        from .errors import InputError

        if body.original is not None:
            return [
                load_bytes(
                    request_text(body.original, "original"),
                    "request:original",
                    content_type=_CONTENT_TYPES.get(body.original_format or ""),
                    url=body.original_url,
                )
            ]
        source = self.originals()
        if body.original_id:
            doc = source.by_id(body.original_id)
            if doc is None:
                raise InputError(f"no original with id {body.original_id!r} in the index")
            return [doc]
        if body.original_url:
            doc = source.by_url(body.original_url)
            if doc is None:
                raise InputError(
                    f"the original {body.original_url} is neither in the index nor in the "
                    "originals folder"
                )
            return [doc]
        return None

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def worst(reports: list[Report]) -> Report | None:
    """The report whose verdict most needs attention."""
    if not reports:
        return None
    return min(reports, key=lambda r: _VERDICT_ORDER.index(r.verdict))


def create_app(config: ProjectConfig, settings: ServiceSettings | None = None) -> Any:
    """The ASGI application: FastAPI routes wrapped in the body-size limit."""
    from . import serialize
    from .cli.common import exit_code

    opts = settings or ServiceSettings()
    checker = Checker(config, opts)
    bearer = HTTPBearer(auto_error=False)

    def authorised(
        credentials: HTTPAuthorizationCredentials | None = Depends(bearer),  # noqa: B008
    ) -> None:
        if opts.token is None:
            return
        given = credentials.credentials if credentials else ""
        if not hmac.compare_digest(given.encode("utf-8"), opts.token.encode("utf-8")):
            raise HTTPException(
                status_code=401,
                detail="missing or wrong bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        checker.close()

    app = FastAPI(
        lifespan=lifespan,
        title="compliance",
        version=__version__,
        description="Check a draft against the republishing terms of the article it copies.",
    )

    @app.exception_handler(ComplianceError)
    async def _bad_input(_request: Request, exc: ComplianceError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """Liveness: the process answers. Needs no token, so load balancers can probe it."""
        return {"status": "ok", "version": __version__}

    @app.post(
        "/v1/check",
        response_model=CheckResponse,
        dependencies=[Depends(authorised)],
        responses={
            400: {"description": "The draft or original cannot be read."},
            401: {"description": "Missing or wrong bearer token."},
            413: {"description": "Request body over the size limit."},
            504: {"description": "The check took longer than the timeout."},
        },
    )
    async def check(body: CheckRequest) -> CheckResponse:
        """Check a draft; answer the verdict and the JSON report a CLI check would give."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(checker.pool, checker.check, body)
        try:
            reports = await asyncio.wait_for(future, timeout=opts.timeout)
        except TimeoutError as exc:
            raise HTTPException(
                status_code=504, detail=f"check took longer than {opts.timeout:g} s"
            ) from exc
        main = worst(reports)
        findings = [f for r in reports for f in r.findings]
        return CheckResponse(
            verdict=main.verdict if main else "not-a-copy",
            fail=exit_code(findings, config.fail_on) == 1,
            report=serialize.to_dict(main) if main else None,
            reports=[serialize.to_dict(r) for r in reports],
        )

    return BodyLimit(app, opts.max_request_bytes)


def serve(
    config: ProjectConfig,
    settings: ServiceSettings,
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Run the service with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(
        create_app(config, settings),
        host=host,
        port=port,
        log_level="info",
        timeout_keep_alive=5,
        limit_concurrency=64,
    )
