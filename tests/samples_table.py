"""The expectations table of samples/README.md, read once for every test holding the demo to it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@dataclass(frozen=True)
class Expected:
    """One row: a copy (relative to samples/), its original, verdict and error/warning rule ids."""

    copy: str
    original: str
    verdict: str
    rule_ids: frozenset[str]


def expectations(readme: Path = SAMPLES / "README.md") -> list[Expected]:
    """Rows of the table whose first cell names a file under republished/."""
    rows = []
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[0].startswith("republished/"):
            continue
        ids = frozenset(re.findall(r"[a-z0-9-]+/[a-z0-9-]+", cells[3]))
        rows.append(Expected(cells[0], cells[1], cells[2], ids))
    return rows
