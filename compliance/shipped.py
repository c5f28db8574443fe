"""The JSON Schemas shipped in ``compliance/schemas/``, read once per process.

Saved reports, the service's OpenAPI document and rule files are all checked against these
files, so every reader goes through one cached loader (found alike in a checkout and a wheel).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["shipped_schema"]


@cache
def shipped_schema(name: str) -> dict[str, Any]:
    """The schema ``compliance/schemas/<name>.schema.json`` (e.g. ``report``, ``rule-file``).

    Callers must not mutate it: the same object is returned each time.
    """
    text = (Path(__file__).with_name("schemas") / f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
