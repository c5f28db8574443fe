"""The README's measured figures are the ones the bench scripts saved in bench/results/.

A bench run that changes a figure rewrites its JSON file; the README quoting the old figure then
fails here, so a figure that no longer holds is updated rather than kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def saved(name: str) -> Any:
    return json.loads((ROOT / "bench" / "results" / f"{name}.json").read_text(encoding="utf-8"))


def _row(name: str, **where: Any) -> dict[str, Any]:
    data = saved(name)
    rows = data["rows"] if isinstance(data, dict) else data
    return next(r for r in rows if all(r.get(k) == v for k, v in where.items()))


def _accuracy() -> list[str]:
    data = saved("accuracy")
    decision = data["decision"]
    return [
        f"plagdet {data['overall']['ours']['plagdet']:.3f}",
        f"precision {decision['precision']:.3f}, recall {decision['recall']:.3f}",
        f"naive 5-gram plagdet {data['overall']['naive']['plagdet']:.3f}",
        f"precision {decision['baseline_precision']:.3f}, recall {decision['baseline_recall']:.3f}",
    ]


def _startup() -> list[str]:
    commands = saved("hook")["commands"]
    hook, check = commands["hook POST, original named, index"], commands["check POST --original"]
    floor = commands["imports alone (not compliance's)"]
    return [
        f"{hook['cpu_median_s']:.2f} s: {hook['x_pass']:.1f}x `python -c pass`, "
        f"{hook['x_yaml']:.1f}x `import yaml`",
        f"importing the modules it uses, before any of its own, is {floor['x_pass']:.1f}x",
        f"{check['cpu_median_s']:.2f} s: {check['x_pass']:.1f}x",
    ]


def _check_pair() -> list[str]:
    return [f"| {saved('check')['ratio_to_baseline']['check_pair (after load)']:.2f}x |"]


def _search() -> list[str]:
    row = _row("scan-topical", originals=10000)
    return [
        f"{row['ratio_to_datasketch_lsh']:.2f}x the CPU per query, "
        f"{row['memory_ratio_to_datasketch_lsh']:.2f}x the memory",
        f"excerpt recall {row['excerpt_recall']:.2f} against "
        f"{row['datasketch_lsh_excerpt_recall']:.2f}",
    ]


def _confirmed(name: str) -> str:
    counts = [_row(name, originals=n)["same_topic_negatives_confirmed"] for n in (1000, 10000)]
    return " / ".join(c.split(" of ")[0] for c in counts) + " of 200"


def _topical() -> list[str]:
    return [_confirmed("scan-topical"), f"`--holdout`: {_confirmed('scan-topical-holdout')}"]


def _boilerplate() -> list[str]:
    row = _row("scan-boilerplate", originals=1000)
    return [f"| {row['false_pairs_per_copy_other_event']:.2f} per copy |"]


def _notices() -> list[str]:
    reader = saved("notices")["notice_reader"]
    catalogue = saved("notices")["catalogue_only"]
    return [
        f"| republishing status | {reader['republishing']:.0%} | {catalogue['republishing']:.0%} |",
        f"| {reader['venue']:.0%} | {catalogue['venue']:.0%} |",
        f"| licence notice, F1 | {reader['requires']['license_notice']['f1']:.2f} |",
        f"| contact | {reader['contact']:.0%} | {catalogue['contact']:.0%} |",
    ]


def _serve() -> list[str]:
    base = saved("serve")["baseline"]
    return [f"p50 {base['p50_ms']:.0f} ms, p99 {base['p99_ms']:.0f} ms"]


@pytest.mark.parametrize(
    "figures",
    [_accuracy, _startup, _check_pair, _search, _topical, _boilerplate, _notices, _serve],
    ids=lambda f: f.__name__.strip("_"),
)
def test_the_readme_quotes_the_saved_figure(figures: Any) -> None:
    for figure in figures():
        assert figure.replace("%", " %") in README or figure in README, figure
