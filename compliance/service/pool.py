"""Checks run in worker processes, so a check past its timeout is stopped, not abandoned.

A thread cannot be stopped: a check stuck in a pathological input kept its thread (and the
CPU) after the 504, and enough of them froze the service. pebble's ProcessPool kills the
worker whose task passes its timeout and starts a fresh one; the timeout counts from when
the task starts, so requests queued behind it run normally. Each worker loads the terms
library and opens the originals once, when it starts.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..config import ProjectConfig
    from ..model import Document, Report
    from .models import CheckRequest

# Worst first: the report a CMS should act on when a draft reuses several originals.
VERDICT_ORDER = ("violations", "needs-permission", "likely-fair-use", "compliant", "not-a-copy")
_CONTENT_TYPES = {"html": "text/html", "markdown": "text/markdown", "text": "text/plain"}


class Busy(Exception):
    """More checks are waiting than the service admits; the client should retry later."""


class CheckPool:
    """``workers`` processes; at most ``queue`` checks waiting for one."""

    def __init__(self, config: ProjectConfig, workers: int, timeout: float, queue: int) -> None:
        from pebble import ProcessPool

        self.timeout = timeout
        self.queue = queue
        self.pending = 0
        self._lock = threading.Lock()  # pebble completes futures on its own thread
        self.pool = ProcessPool(
            max_workers=workers,
            initializer=_start_worker,
            initargs=(config,),
            context=multiprocessing.get_context("spawn"),
        )

    async def ready(self, workers: int) -> None:
        """Wait until the workers have started and loaded the library (no cold first check)."""
        import asyncio

        futures = [self.pool.schedule(os.getpid) for _ in range(workers)]
        await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))

    def submit(self, body: CheckRequest) -> Future[dict[str, Any]]:
        """Schedule one check; its future fails with TimeoutError once the worker is killed."""
        with self._lock:
            if self.pending >= self.queue:
                raise Busy(f"{self.pending} checks are already waiting; retry shortly")
            self.pending += 1
        try:
            future: Future[dict[str, Any]] = self.pool.schedule(
                run_check, args=(body,), timeout=self.timeout
            )
        except BaseException:
            self._done(None)  # never scheduled: free its place, or the queue fills for good
            raise
        future.add_done_callback(self._done)
        return future

    def _done(self, _future: Future[dict[str, Any]] | None) -> None:
        with self._lock:
            self.pending -= 1

    def close(self) -> None:
        self.pool.stop()  # type: ignore[no-untyped-call]
        self.pool.join(timeout=10)


# -- inside a worker process ----------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(config: ProjectConfig) -> None:
    """Load what every check needs once per worker: config, terms library, originals."""
    from ..originals import Originals
    from ..terms import load_library

    _WORKER["config"] = config
    _WORKER["library"] = load_library(tuple(config.rules_dirs))
    _WORKER["originals"] = Originals(config)


def run_check(body: CheckRequest) -> dict[str, Any]:
    """The response body for one request, or ``{"error": ...}`` for input that cannot be read.

    Errors travel as data: an exception raised here would have to survive pickling.
    """
    from ..errors import ComplianceError
    from ..serialize import to_dict
    from ..status import FINDINGS, exit_status

    try:
        reports = _reports(body)
    except ComplianceError as exc:
        return {"error": {"message": exc.message, "source": exc.source}}
    main = worst(reports)
    findings = [f for r in reports for f in r.findings]
    return {
        "verdict": main.verdict if main else "not-a-copy",
        "fail": exit_status(findings, _WORKER["config"].fail_on) == FINDINGS,
        "report": to_dict(main) if main else None,
        "reports": [to_dict(r) for r in reports],
    }


def worst(reports: list[Report]) -> Report | None:
    """The report whose verdict most needs attention."""
    if not reports:
        return None
    return min(reports, key=lambda r: VERDICT_ORDER.index(r.verdict))


def _reports(body: CheckRequest) -> list[Report]:
    """Every report of reuse for the draft; an empty list when it copies nothing."""
    from ..documents import load_bytes
    from ..originals import check_options
    from ..pipeline import check_pair
    from ..remedies import for_pages
    from .models import request_text

    draft = load_bytes(
        request_text(body.draft, "draft"),
        "request:draft",
        content_type=_CONTENT_TYPES.get(body.format or ""),
        url=body.draft_url,
        limits=_WORKER["config"].limits,
    )
    options = check_options(_WORKER["config"], body.terms)
    if body.venue:
        options = replace(options, venue=body.venue)
    options = replace(options, library=_WORKER["library"])
    originals = _named_originals(body)
    reports: list[Report]
    if originals is None:
        reports = _WORKER["originals"].reuse(draft, options)
    else:
        reports = [check_pair(draft, original, options) for original in originals]
    return [for_pages(r) for r in reports]  # a CMS edits pages, not command-line flags


def _named_originals(body: CheckRequest) -> list[Document] | None:
    """The original the request names (text, id or URL), or None to search for it."""
    from ..documents import load_bytes
    from ..errors import InputError
    from .models import request_text

    if body.original is not None:
        return [
            load_bytes(
                request_text(body.original, "original"),
                "request:original",
                content_type=_CONTENT_TYPES.get(body.original_format or ""),
                url=body.original_url,
                limits=_WORKER["config"].limits,
            )
        ]
    source = _WORKER["originals"]
    if body.original_id:
        doc = source.by_id(body.original_id)
        if doc is None:
            raise InputError(
                f"no original with id {body.original_id!r} in the index", "request:original_id"
            )
        return [doc]
    if body.original_url:
        doc = source.by_url(body.original_url)
        if doc is None:
            raise InputError(
                f"the original {body.original_url} is neither in the index nor in the "
                "originals folder",
                "request:original_url",
            )
        return [doc]
    return None
