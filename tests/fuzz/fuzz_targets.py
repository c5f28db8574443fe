"""What the fuzzer feeds: one function per loader that reads hostile input.

Each target takes raw bytes and either returns or raises one of ``EXPECTED`` (a refusal the
tool reports as a one-line error). Anything else is a crash: a traceback for a user, an HTTP
500 in the service. The atheris driver (``fuzz.py``) and the regression test that replays
every kept crashing input (``test_fuzz_regressions.py``) share these functions.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from compliance.errors import ComplianceError

EXPECTED: tuple[type[BaseException], ...] = (ComplianceError, ValidationError)
MAX_INPUT = 256 * 1024  # bytes per input: the fuzzer explores shapes, the limits test sizes


def html(data: bytes) -> None:
    """An HTML page, as `check`, `scan` and the service read one."""
    from compliance.documents import load_bytes

    load_bytes(data, "fuzz.html", content_type="text/html")


def markdown(data: bytes) -> None:
    """A Markdown post with front matter, as the hook reads one."""
    from compliance.documents import load_bytes

    load_bytes(data, "fuzz.md")


def warc(data: bytes) -> None:
    """A WARC file from a crawl: every record read, errors yielded, not raised."""
    from compliance.documents.warc import iter_warc

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.warc"
        path.write_bytes(data)
        for _ in iter_warc(path):
            pass


def rule_file(data: bytes) -> None:
    """A rule file edited by hand: problems are listed, never raised."""
    from compliance.terms.schema import parse

    parse(data.decode("utf-8", "replace"), "fuzz.yaml")


def config(data: bytes) -> None:
    """A compliance.yaml."""
    from compliance.config import load_config

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "compliance.yaml"
        path.write_bytes(data)
        load_config(path)


def service_request(data: bytes) -> None:
    """The JSON body of POST /v1/check: the request model, then the draft it carries."""
    from compliance.documents import load_bytes
    from compliance.serve import CheckRequest, request_text

    body = CheckRequest.model_validate_json(data)
    load_bytes(request_text(body.draft, "draft"), "request:draft")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "html": html,
    "markdown": markdown,
    "warc": warc,
    "rule_file": rule_file,
    "config": config,
    "service_request": service_request,
}


def run(target: str, data: bytes) -> None:
    """Feed ``data`` to ``target``; expected refusals are swallowed, anything else raises."""
    with contextlib.suppress(*EXPECTED):
        TARGETS[target](data[:MAX_INPUT])
