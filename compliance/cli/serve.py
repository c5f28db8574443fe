"""`compliance serve`: the HTTP service a CMS calls before publishing a draft."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from .common import fail


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="TCP port to listen on.")
@click.option(
    "--token",
    envvar="COMPLIANCE_TOKEN",
    help="Require 'Authorization: Bearer TOKEN' on /v1/check (or env COMPLIANCE_TOKEN).",
)
@click.option(
    "--max-request-bytes",
    type=int,
    default=5 * 1024 * 1024,
    show_default=True,
    help="Refuse request bodies larger than this (HTTP 413).",
)
@click.option(
    "--timeout",
    type=float,
    default=30.0,
    show_default=True,
    help="Seconds one check may take before HTTP 504.",
)
@click.option(
    "--workers",
    type=int,
    default=4,
    show_default=True,
    help="Checks that may run at once (worker processes).",
)
@click.option(
    "--queue",
    type=int,
    default=64,
    show_default=True,
    help="Checks that may wait for a worker before HTTP 503.",
)
@click.option(
    "--header-timeout",
    type=float,
    default=10.0,
    show_default=True,
    help="Seconds a client has to send complete request headers.",
)
@click.option(
    "--body-timeout",
    type=float,
    default=30.0,
    show_default=True,
    help="Seconds a client has to send the whole body (HTTP 408).",
)
@click.option(
    "--per-client",
    type=int,
    default=32,
    show_default=True,
    help="Connections one address may hold waiting for headers.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="A compliance.yaml, or a folder to search up from.",
)
def command(
    host: str,
    port: int,
    token: str | None,
    max_request_bytes: int,
    timeout: float,
    workers: int,
    queue: int,
    header_timeout: float,
    body_timeout: float,
    per_client: int,
    config_path: Path | None,
) -> None:
    """Serve POST /v1/check and GET /healthz; OpenAPI at /openapi.json, docs at /docs."""
    from ..config import load_config
    from ..serve import ServiceSettings
    from ..serve import serve as run_service
    from ..terms import load_library

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
        click.echo(
            f"compliance: warning: serving on {host} without a token; anyone who can reach "
            "it can run checks (set --token or COMPLIANCE_TOKEN)",
            err=True,
        )
    config = load_config(config_path or Path.cwd())
    # Workers load the library too; a broken rule file is one line and exit 2 here, not a
    # traceback from every worker process.
    load_library(tuple(config.rules_dirs))
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
