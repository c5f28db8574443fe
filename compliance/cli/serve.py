"""`compliance serve`: the HTTP service a CMS calls before publishing a draft."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from .common import fail


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="COMPLIANCE_TOKEN",
            help="Require 'Authorization: Bearer TOKEN' on /v1/check (or env COMPLIANCE_TOKEN).",
        ),
    ] = None,
    max_request_bytes: Annotated[
        int, typer.Option(help="Refuse request bodies larger than this (HTTP 413).")
    ] = 5 * 1024 * 1024,
    timeout: Annotated[
        float, typer.Option(help="Seconds one check may take before HTTP 504.")
    ] = 30.0,
    workers: Annotated[
        int, typer.Option(help="Checks that may run at once (worker processes).")
    ] = 4,
    queue: Annotated[
        int, typer.Option(help="Checks that may wait for a worker before HTTP 503.")
    ] = 64,
    header_timeout: Annotated[
        float, typer.Option(help="Seconds a client has to send complete request headers.")
    ] = 10.0,
    body_timeout: Annotated[
        float, typer.Option(help="Seconds a client has to send the whole body (HTTP 408).")
    ] = 30.0,
    per_client: Annotated[
        int, typer.Option(help="Connections one address may hold waiting for headers.")
    ] = 32,
    config_path: Annotated[
        Path | None,
        typer.Option("--config", help="A compliance.yaml, or a folder to search up from."),
    ] = None,
) -> None:
    """Serve POST /v1/check and GET /healthz; OpenAPI at /openapi.json, docs at /docs."""
    from ..config import load_config
    from ..serve import ServiceSettings
    from ..serve import serve as run_service

    if not 0 < port < 65536:
        fail(f"--port must be between 1 and 65535 (got {port})")
    limits = (max_request_bytes, timeout, workers, queue, header_timeout, body_timeout, per_client)
    if min(limits) <= 0:
        fail(
            "--max-request-bytes, --timeout, --workers, --queue, --header-timeout, "
            "--body-timeout and --per-client must be positive"
        )
    if token is not None and not token.strip():
        fail("--token must not be empty")
    if token is None and not _loopback(host):
        typer.echo(
            f"compliance: warning: serving on {host} without a token; anyone who can reach "
            "it can run checks (set --token or COMPLIANCE_TOKEN)",
            err=True,
        )
    config = load_config(config_path or Path.cwd())
    settings = ServiceSettings(
        token=token,
        max_request_bytes=max_request_bytes,
        timeout=timeout,
        workers=workers,
        queue=queue,
        header_timeout=header_timeout,
        body_timeout=body_timeout,
        per_client=per_client,
    )
    run_service(config, settings, host=host, port=port)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
