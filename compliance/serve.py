"""The check as an HTTP service, so a CMS can ask before it publishes a draft.

``POST /v1/check`` takes a draft (HTML, Markdown or text) and optionally its original (text, URL
or index id); it answers the verdict and the JSON report, the same ones `compliance check` gives.
Every refusal has one body, ``{"error": {"code", "message", "field"}}``. Guards, outermost
first: slow or piled-up connections are closed (``service.protocol``); the token is checked
before any body is read (401), the body must fit the size limit (413) and arrive in time (408)
(``service.guard``); the request must validate (422); then the check runs in a worker process
that is killed at the timeout (504), with a bounded queue in front of the workers (503)
(``service.pool``). FastAPI serves the OpenAPI description at ``/openapi.json``, with the
report's JSON Schema as the response schema, and the docs at ``/docs``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .errors import ComplianceError
from .service.errors import error_response, field_of_source, validation_message
from .service.models import CheckRequest, CheckResponse, ErrorBody, request_text

if TYPE_CHECKING:
    from .config import ProjectConfig

__all__ = ["CheckRequest", "CheckResponse", "ServiceSettings", "create_app", "request_text"]

DEFAULT_MAX_REQUEST = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class ServiceSettings:
    """How the service guards itself; from `compliance serve` options."""

    token: str | None = None
    max_request_bytes: int = DEFAULT_MAX_REQUEST
    timeout: float = DEFAULT_TIMEOUT
    workers: int = 4
    queue: int = 64  # checks waiting for a worker before 503
    header_timeout: float = 10.0  # seconds to send complete request headers
    body_timeout: float = 30.0  # seconds to send the whole body
    per_client: int = 32  # connections one address may hold waiting for headers
    keep_alive: float = 5.0  # seconds an idle keep-alive connection stays open


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        400: "The draft or original cannot be read.",
        401: "Missing or wrong bearer token (checked before the body is read).",
        408: "The request body did not arrive within the body timeout.",
        413: "Request body over the size limit.",
        422: "The request body is not a valid check request.",
        503: "Too many checks waiting; retry shortly.",
        504: "The check took longer than the timeout and was stopped.",
    }.items()
}


def create_app(config: ProjectConfig, settings: ServiceSettings | None = None) -> Any:
    """The ASGI application: FastAPI routes behind the request guard."""
    from .service.guard import RequestGuard
    from .service.openapi import with_report_schemas
    from .service.pool import Busy, CheckPool

    opts = settings or ServiceSettings()
    pools: list[CheckPool] = []

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        pools.append(CheckPool(config, opts.workers, opts.timeout, opts.queue))
        await pools[0].ready(opts.workers)
        try:
            yield
        finally:
            pools.pop().close()

    app = FastAPI(
        lifespan=lifespan,
        title="compliance",
        version=__version__,
        description="Check a draft against the republishing terms of the article it copies.",
    )
    _error_handlers(app)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """Liveness: the process answers. Needs no token, so load balancers can probe it."""
        return {"status": "ok", "version": __version__}

    @app.post(
        "/v1/check",
        response_model=CheckResponse,
        dependencies=[Security(HTTPBearer(auto_error=False))],  # documents the scheme
        responses=_ERRORS,
    )
    async def check(body: CheckRequest) -> Any:
        """Check a draft; answer the verdict and the JSON report a CLI check would give."""
        try:
            future = pools[0].submit(body)
        except Busy as exc:
            return error_response(503, str(exc), headers={"Retry-After": "1"})
        try:
            answer = await asyncio.wrap_future(future)
        except TimeoutError:
            return error_response(504, f"check took longer than {opts.timeout:g} s; stopped")
        error = answer.get("error")
        if error is not None:
            return error_response(400, error["message"], field=field_of_source(error["source"]))
        return JSONResponse(answer)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            FastAPI.openapi(app)
            app.openapi_schema = with_report_schemas(app.openapi_schema or {})
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return RequestGuard(
        app,
        token=opts.token,
        max_bytes=opts.max_request_bytes,
        body_timeout=opts.body_timeout,
    )


def _error_handlers(app: FastAPI) -> None:
    """Answer every failure with the one error body."""

    @app.exception_handler(ComplianceError)
    async def _bad_input(_request: Request, exc: ComplianceError) -> JSONResponse:
        return error_response(400, exc.message, field=field_of_source(exc.source))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, field = validation_message(exc.errors())
        return error_response(422, message, field=field)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(Exception)
    async def _internal(_request: Request, _exc: Exception) -> JSONResponse:
        return error_response(500, "internal error; the request was not checked")


def serve(
    config: ProjectConfig,
    settings: ServiceSettings,
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Run the service with uvicorn until interrupted."""
    import uvicorn

    from .service.protocol import guarded_protocol

    uvicorn.run(
        create_app(config, settings),
        host=host,
        port=port,
        log_level="info",
        http=guarded_protocol(settings.header_timeout, settings.per_client),
        timeout_keep_alive=int(settings.keep_alive),
    )
