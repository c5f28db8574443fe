"""Batch scan: many documents against the archive of originals, locally or on a Dask cluster.

One pure-ish function, ``scan_task``, handles one input (a file, or a record already read from a
WARC): load, fingerprint, find candidate originals in the index, run the full pipeline
(``check_pair``) on each, and keep the pairs that really are reuse. The same function is mapped
in-process, over a local process pool (``jobs``) or over a Dask cluster (``scheduler``), so the
three give the same results in the same order.

Each worker process opens the index itself and loads the containment search kept inside it (or
builds it once), per index generation; a forked pool inherits the parent's copy.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .documents.warc import SkippedRecord
from .errors import ComplianceError, IndexFileError, InputError, exception_text
from .limits import DEFAULT_LIMITS, Limits
from .model import Document, Report

__all__ = [
    "DocumentResult",
    "FileTask",
    "ScanError",
    "ScanOptions",
    "build_tasks",
    "scan",
    "scan_document",
    "scan_task",
]


@dataclass(frozen=True)
class ScanError:
    """A document that could not be loaded or checked; the scan skipped it and went on."""

    origin: str
    message: str
    type: Literal["error"] = "error"
    internal: bool = False  # a bug in the tool, not a bad input: the scan exits 3


@dataclass(frozen=True)
class ScanOptions:
    """Everything a worker needs; plain data so it can travel to another process or machine."""

    index: Mapping[str, Any]  # backend config (see compliance.index.index_config); paths absolute
    check: Any = None  # compliance.pipeline.CheckOptions, library preloaded
    config: Any = None  # compliance.config.ProjectConfig, for venue_for(site)
    threshold: float | None = None  # candidate containment; None: the search default
    min_hits: int | None = None
    max_candidates: int = 25
    max_bytes: int | None = None
    limits: Limits = DEFAULT_LIMITS  # what one document may hold (compliance.limits)
    skip_self: bool = True  # an input that is itself an indexed original is not its own copy
    allow_private: bool = False  # URL inputs may redirect to loopback/private addresses


@dataclass(frozen=True)
class DocumentResult:
    """The outcome for one input document: its reports (one per original reused) or an error."""

    origin: str
    reports: tuple[Report, ...] = ()
    error: ScanError | None = None
    candidates: int = 0
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    skipped: str = ""  # why a WARC record is not a page to check (not an error)


@dataclass(frozen=True)
class FileTask:
    """A file for a worker to load: its absolute path, and the name it was given (the origin)."""

    path: str
    origin: str


Task = FileTask | str | Document | InputError | SkippedRecord
"""A file or URL to load in the worker, or a WARC record (its Document, load error or reason to
skip) read by the parent."""


# -- per-process state ------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _state(options: ScanOptions, storage: Any = None) -> tuple[Any, Any]:
    """(storage, search) for this process, rebuilt only when the index changed.

    A caller that already holds the index open (``storage``) passes it and keeps owning it;
    otherwise this process opens one connection per index and keeps it for its later documents.
    """
    from .index import open_index
    from .index.search import ContainmentSearch

    key = repr(sorted(options.index.items()))
    if storage is None:
        pid = os.getpid()
        storage = _STATE.get(f"storage:{pid}:{key}")
        if storage is None:
            storage = open_index(options.index, create=False)
            _STATE[f"storage:{pid}:{key}"] = storage
    generation = storage.generation()
    cached = _STATE.get(f"search:{key}")
    if cached is None or cached[0] != generation:
        cached = (generation, ContainmentSearch.load(storage))
        _STATE[f"search:{key}"] = cached
    return storage, cached[1]


def prepare(options: ScanOptions) -> int:
    """Open the index and build the search in this process (before forking); returns its size."""
    _, search = _state(options)
    return len(search)


# -- one document -----------------------------------------------------------------------------


def _options_for(copy: Document, entry: Any, options: ScanOptions) -> Any:
    from .documents.urls import domain
    from .pipeline import CheckOptions

    base = options.check or CheckOptions()
    changes: dict[str, Any] = {}
    if base.terms_id is None and entry.terms.reason == "flag":
        changes["terms_id"] = entry.terms.terms_id  # chosen by `index add --terms`
    site = base.copy_site or (domain(copy.meta.canonical_url) if copy.meta.canonical_url else None)
    if base.venue is None and options.config is not None and site:
        changes["venue"] = options.config.venue_for(site)
    return replace(base, **changes) if changes else base


def scan_document(copy: Document, options: ScanOptions, storage: Any = None) -> DocumentResult:
    """Every (copy, original) report where ``copy`` reuses an indexed original; a pair whose
    passages are all notice or common text, or whose run of words in a row is only long with
    text other originals hold too (``index.evidence``), is no reuse and is dropped.

    ``storage``: the index ``options.index`` names, already open; the caller closes it. Without
    it the process's own connection is used (opened once, see ``_state``)."""
    from .documents.regions import work_text
    from .index.evidence import has_distinctive_run, has_evidence, pair_holders
    from .index.fingerprint import fingerprint
    from .index.search import DEFAULT_MIN_HITS, DEFAULT_THRESHOLD
    from .pipeline import check_pair

    started = time.perf_counter()
    storage, search = _state(options, storage)
    fp = fingerprint(copy.text)
    candidates = search.query_fingerprint(
        fp,
        threshold=options.threshold or DEFAULT_THRESHOLD,
        min_hits=options.min_hits or DEFAULT_MIN_HITS,
        limit=options.max_candidates,
    )
    reports: list[Report] = []
    checked = 0
    for candidate in candidates:
        if options.skip_self and candidate.id == copy.id:
            continue
        entry = storage.get(candidate.id)
        if entry is None:  # removed since the search was built
            continue
        checked += 1
        original = entry.load_document()
        check = _options_for(copy, entry, options)
        report = check_pair(copy, original, check)
        if report.verdict == "not-a-copy":
            continue
        if has_evidence(
            original.text, report.comparison.passages, common=search.common
        ) and has_distinctive_run(
            work_text(original),
            work_text(copy),
            report.comparison,
            holders=pair_holders(search, entry.anchor_hashes(), entry.id, copy.id),
            min_containment=check.min_containment,
        ):
            reports.append(report)
    reports.sort(key=lambda r: -r.comparison.coverage)  # the copied share, from the passages
    return DocumentResult(
        origin=copy.origin,
        reports=tuple(reports),
        candidates=checked,
        seconds=time.perf_counter() - started,
    )


def scan_task(task: Task, options: ScanOptions) -> DocumentResult:
    """Load (if needed) and scan one input; any failure becomes a ScanError, never a crash."""
    from .documents import DEFAULT_MAX_BYTES
    from .documents.fetch import load_input

    origin = task if isinstance(task, str) else getattr(task, "origin", None) or ""
    limit = options.max_bytes or DEFAULT_MAX_BYTES
    if isinstance(task, SkippedRecord):
        return DocumentResult(task.origin, skipped=task.reason)
    try:
        if isinstance(task, InputError):
            raise task
        private, limits = options.allow_private, options.limits
        if isinstance(task, FileTask):
            loaded = load_input(task.path, max_bytes=limit, allow_private=private, limits=limits)
            doc = replace(loaded, origin=task.origin)
        elif isinstance(task, str):
            doc = load_input(task, max_bytes=limit, allow_private=private, limits=limits)
        else:
            doc = task
        return scan_document(doc, options)
    except IndexFileError as exc:  # the backend failed: name the document, and the index
        message = f"{exc.message} (index {exc.source})" if exc.source else exc.message
        return DocumentResult(origin, error=ScanError(origin, message))
    except ComplianceError as exc:  # named by the page; another culprit (a rule file) in words
        page = origin or exc.source or ""
        message = str(exc) if exc.source and exc.source != page else exc.message
        return DocumentResult(page, error=ScanError(page, message))
    except Exception as exc:  # a bug on one page must not lose the other million
        message = f"internal error: {exception_text(exc)}"
        return DocumentResult(origin, error=ScanError(origin, message, internal=True))


# -- many documents ---------------------------------------------------------------------------


def build_tasks(
    paths: Sequence[Path | str],
    *,
    max_bytes: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Task]:
    """Files and URLs become tasks loaded by workers; WARC files are read here, record by record.

    File paths are made absolute: a Dask worker runs in another folder, or on another machine
    that mounts the same storage.
    """
    from .documents.fetch import is_url
    from .documents.warc import is_warc
    from .index.inputs import iter_inputs

    for path in paths:
        if is_warc(path):
            yield from iter_inputs(path, max_bytes=max_bytes, limits=limits)
        elif isinstance(path, str) and is_url(path):
            yield path
        else:
            yield FileTask(str(Path(path).absolute()), str(path))


DASK_BATCH = 8
"""Documents per Dask task (bench/bench_scan.py --scheduler)."""


def scan_batch(tasks: Sequence[Task], options: ScanOptions) -> list[DocumentResult]:
    """``scan_task`` over a few tasks, in order: one Dask task for several documents."""
    return [scan_task(task, options) for task in tasks]


def _batches(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _serial(tasks: Iterable[Task], options: ScanOptions) -> Iterator[DocumentResult]:
    for task in tasks:
        yield scan_task(task, options)


def _pool(tasks: Iterable[Task], options: ScanOptions, jobs: int) -> Iterator[DocumentResult]:
    import functools
    import multiprocessing

    context = multiprocessing.get_context("fork")
    inherited = {k: v for k, v in _STATE.items() if k.startswith("search:")}
    with context.Pool(jobs, initializer=_child_init, initargs=(inherited,)) as pool:
        yield from pool.imap(functools.partial(scan_task, options=options), tasks, chunksize=1)


def _child_init(search_state: dict[str, Any]) -> None:
    """Drop the parent's connections (not fork-safe); keep its search structures."""
    _STATE.clear()
    _STATE.update(search_state)


def _dask(
    tasks: Iterable[Task], options: ScanOptions, scheduler: str, jobs: int | None
) -> Iterator[DocumentResult]:
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=True
        )
        client = Client(cluster)  # type: ignore[no-untyped-call]
    else:
        try:
            client = Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise InputError(f"cannot reach the Dask scheduler ({exc})", scheduler) from exc
    try:
        window = max(4, 4 * len(client.scheduler_info().get("workers", {})))
        # The options (terms library included) travel to each worker once, not with each task,
        # and documents go in batches: a document takes milliseconds, a Dask task round trip
        # about as long.
        shared = client.scatter(options, broadcast=True, hash=False)  # type: ignore[no-untyped-call]
        pending: list[Any] = []
        for batch in _batches(tasks, DASK_BATCH):
            pending.append(client.submit(scan_batch, batch, shared, pure=False))
            if len(pending) >= window:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()


def scan(
    tasks: Iterable[Task],
    options: ScanOptions,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[DocumentResult]:
    """Scan ``tasks`` in order: serially, over ``jobs`` local processes, or on Dask.

    Raises:
        IndexFileError: if the index is missing, not an index or corrupt (before any work).
        ValueError: if ``jobs`` is less than 1.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1 (got {jobs})")
    prepare(options)  # fail fast on a bad index; forked workers inherit the search
    if scheduler:
        return _dask(tasks, options, scheduler, jobs if jobs > 1 else None)
    if jobs == 1:
        return _serial(tasks, options)
    return _pool(tasks, options, jobs)
