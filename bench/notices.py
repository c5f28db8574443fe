"""How well `compliance rules detect` reads real republishing notices, against the catalogue.

Scores the JSON that ``compliance rules detect NOTICE --format json`` prints for each labelled
notice of ``../shared/data/disclaimers/dev.jsonl`` (real notices from many publishers and
languages; read its README for the label conventions) field by field, next to the same command
with ``--catalogue-only`` (terms only from the rule files, the approach before notices were
read) as the baseline measured in the same run. Notice texts are read from ../shared and never
copied into the project.

Measures:
- ``republishing``: share of notices whose status (allowed, allowed-with-conditions,
  permission-required, forbidden) is right;
- ``venue``: share whose ``venues_allowed`` and ``venues_needing_permission`` sets are both
  exactly right; ``venues_allowed`` / ``venues_needing_permission``: token F1 (micro);
- each element of ``requires``: F1 of "is it required"; for ``link_to_original`` and
  ``license_notice`` also the share with the exact value (article/home/any; licence id);
- ``contact``: share right: none when none is given, else one that names what the label names
  (its email address or URL when it has one, else a shared word).

Usage::

    python bench/notices.py [--data PATH] [--output bench/results/notices.json] [--misses]

Prints a markdown table (the one in docs/notices.md) and saves every figure as JSON; with
``--misses``, also each notice's wrong fields with the label's value next to the reader's.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "disclaimers" / "dev.jsonl"
REQUIRES = (
    "credit_source",
    "copyright_notice",
    "byline",
    "link_to_original",
    "license_notice",
    "no_modification",
    "keep_links",
    "tracking_pixel",
    "together",
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+")
_WORD = re.compile(r"\w{3,}")
Row = tuple[dict[str, Any], dict[str, Any]]  # (labels, detected)


def detect_all(records: list[dict[str, Any]], catalogue_only: bool) -> list[dict[str, Any]]:
    """``compliance rules detect --format json`` on each notice, saved as a plain-text file."""
    from click.testing import CliRunner

    from compliance.cli import app

    runner = CliRunner()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for record in records:
            path = Path(folder) / f"{record['id']}.txt"
            path.write_text(record["text"], encoding="utf-8")
            args = ["rules", "detect", str(path), "--format", "json"]
            result = runner.invoke(app, args + (["--catalogue-only"] if catalogue_only else []))
            if result.exit_code != 0:
                raise SystemExit(f"{record['id']}: rules detect failed: {result.output.strip()}")
            results.append(json.loads(result.stdout))
    return results


def _f1(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    tp = fp = fn = 0
    for truth, guess in pairs:
        tp += truth and guess
        fp += guess and not truth
        fn += truth and not guess
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}


def _token_f1(rows: list[Row], key: str) -> dict[str, float]:
    tp = sum(len(set(label[key]) & set(got[key])) for label, got in rows)
    fp = sum(len(set(got[key]) - set(label[key])) for label, got in rows)
    fn = sum(len(set(label[key]) - set(got[key])) for label, got in rows)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}


def _share(rows: list[Row], right: Callable[[dict[str, Any], dict[str, Any]], bool]) -> float:
    return sum(right(labels, got) for labels, got in rows) / len(rows)


def contact_right(label: str | None, got: str | None) -> bool:
    """None for none; else the label's address when it has one, else a word in common."""
    if label is None or got is None:
        return label is None and got is None
    addresses = _ADDRESS.findall(label)
    if addresses:
        return any(a.rstrip(".,)") in got for a in addresses)
    return bool({w.lower() for w in _WORD.findall(label)} & {w.lower() for w in _WORD.findall(got)})


def _required(value: object) -> bool:
    return value not in (False, None)


def _field_right(label: dict[str, Any], got: dict[str, Any], key: str) -> bool:
    if key == "contact":
        return contact_right(label[key], got[key])
    if isinstance(label[key], list):
        return set(label[key]) == set(got[key])
    return bool(label[key] == got[key])


def _venue_right(label: dict[str, Any], got: dict[str, Any]) -> bool:
    return _field_right(label, got, "venues_allowed") and _field_right(
        label, got, "venues_needing_permission"
    )


def score(records: list[dict[str, Any]], detected: list[dict[str, Any]]) -> dict[str, Any]:
    """Every figure for one approach, and each notice's wrong fields (``misses``)."""
    rows: list[Row] = [(r["labels"], d) for r, d in zip(records, detected, strict=True)]
    requires: dict[str, Any] = {}
    for name in REQUIRES:
        entry: dict[str, Any] = _f1(
            (_required(label["requires"][name]), _required(got["requires"][name]))
            for label, got in rows
        )
        if name in ("link_to_original", "license_notice"):
            right = [label["requires"][name] == got["requires"][name] for label, got in rows]
            entry["exact"] = sum(right) / len(rows)
        requires[name] = entry
    keys = ("republishing", "venues_allowed", "venues_needing_permission", "contact")
    misses = {
        record["id"]: [k for k in keys if not _field_right(record["labels"], got, k)]
        + [k for k in REQUIRES if record["labels"]["requires"][k] != got["requires"][k]]
        for record, got in zip(records, detected, strict=True)
    }
    return {
        "republishing": _share(rows, lambda label, got: _field_right(label, got, "republishing")),
        "venue": _share(rows, _venue_right),
        "venues_allowed": _token_f1(rows, "venues_allowed"),
        "venues_needing_permission": _token_f1(rows, "venues_needing_permission"),
        "contact": _share(rows, lambda label, got: _field_right(label, got, "contact")),
        "requires": requires,
        "misses": {k: v for k, v in misses.items() if v},
    }


def table(notice: dict[str, Any], catalogue: dict[str, Any], count: int) -> str:
    """The markdown table: one row per field, the notice reader next to the catalogue."""

    def pct(value: float) -> str:
        return f"{100 * value:.0f} %"

    lines = [
        f"| field ({count} notices) | measure | notice reader | catalogue only |",
        "|---|---|---|---|",
        f"| republishing | accuracy | {pct(notice['republishing'])} "
        f"| {pct(catalogue['republishing'])} |",
        f"| venue (both sets exact) | accuracy | {pct(notice['venue'])} "
        f"| {pct(catalogue['venue'])} |",
    ]
    for key in ("venues_allowed", "venues_needing_permission"):
        lines.append(f"| {key} | token F1 | {notice[key]['f1']:.2f} | {catalogue[key]['f1']:.2f} |")
    for name in REQUIRES:
        n, c = notice["requires"][name], catalogue["requires"][name]
        lines.append(
            f"| requires.{name} (n={n['support']}) | F1 (P / R) | {n['f1']:.2f} "
            f"({n['precision']:.2f} / {n['recall']:.2f}) | {c['f1']:.2f} |"
        )
        if "exact" in n:
            lines.append(
                f"| requires.{name} | exact value | {pct(n['exact'])} | {pct(c['exact'])} |"
            )
    lines.append(f"| contact | accuracy | {pct(notice['contact'])} | {pct(catalogue['contact'])} |")
    return "\n".join(lines)


def _value(labels: dict[str, Any], key: str) -> object:
    return labels["requires"][key] if key in REQUIRES else labels[key]


def miss_lines(records: list[dict[str, Any]], detected: list[dict[str, Any]]) -> list[str]:
    """One line per wrong field: notice id, language, field, the label's value, the reader's."""
    wrong = score(records, detected)["misses"]
    lines = []
    for record, got in zip(records, detected, strict=True):
        for key in wrong.get(record["id"], []):
            lines.append(
                f"{record['id']} ({record['language']}, {got['terms_id']}) {key}: "
                f"label {_value(record['labels'], key)!r}, got {_value(got, key)!r}"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "notices.json")
    parser.add_argument("--misses", action="store_true", help="print every wrong field")
    args = parser.parse_args()
    try:
        lines = args.data.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as exc:
        print(f"bench/notices.py: error: {args.data}: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    from compliance.fileio import write_atomic

    detected = detect_all(records, catalogue_only=False)
    if args.misses:
        print("\n".join(miss_lines(records, detected)) + "\n")
    notice = score(records, detected)
    catalogue = score(records, detect_all(records, catalogue_only=True))
    print(table(notice, catalogue, len(records)))
    payload = {
        "data": str(args.data),
        "notices": len(records),
        "notice_reader": notice,
        "catalogue_only": catalogue,
    }
    write_atomic(args.output, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    print(f"\nsaved {args.output}")


if __name__ == "__main__":
    main()
