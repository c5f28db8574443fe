"""Every built-in rule file, exercised on its own case folder (tests/rules/<terms id>/).

A folder holds the original (``original.*``) and copies; beside each copy ``<copy>.yml`` says
what the case shows (``description``), how it is checked (``options``: venue, copy_site, grant,
today) and what the tool must report (``expected``: terms, verdict, findings). After a
deliberate change, ``pytest tests/test_rules_cases.py --regen`` rewrites every ``expected``
from what the tool now reports (as ScanCode's REGEN mode does); review the diff, then commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from compliance.documents import load_path
from compliance.fileio import write_atomic
from compliance.model import Grant, Report
from compliance.pipeline import CheckOptions, check_pair, with_library
from compliance.terms import builtin_rules_dir, rule_files

CASES = Path(__file__).parent / "rules"
LIBRARY = with_library(CheckOptions()).library
CASE_KEYS = {"description", "options", "expected"}
OPTION_KEYS = {"venue", "copy_site", "grant", "today"}


@dataclass(frozen=True)
class Case:
    """One copy of a case folder with its description, options and expectations."""

    path: Path  # the .yml file
    copy: Path
    original: Path
    data: dict[str, Any]

    @property
    def terms_id(self) -> str:
        return self.path.parent.name


def _only(path: Path, suffixes: tuple[str, ...], stem: str) -> Path:
    found = [p for p in path.parent.iterdir() if p.stem == stem and p.suffix in suffixes]
    if len(found) != 1:
        raise ValueError(f"{path}: expected one {stem} file beside it, found {len(found)}")
    return found[0]


def _case(path: Path) -> Case:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(data) - CASE_KEYS | set(data.get("options") or {}) - OPTION_KEYS
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}")
    documents = (".md", ".html", ".txt")
    return Case(path, _only(path, documents, path.stem), _only(path, documents, "original"), data)


ALL = [_case(p) for p in sorted(CASES.glob("*/*.yml"))]


def _options(case: Case) -> CheckOptions:
    given = case.data.get("options") or {}
    grants = (Grant(site=given["grant"], terms=case.terms_id),) if "grant" in given else ()
    return CheckOptions(
        library=LIBRARY,
        venue=given.get("venue"),
        copy_site=given.get("copy_site"),
        grants=grants,
        today=str(given.get("today", "2024-06-01")),
    )


def _observed(report: Report) -> dict[str, Any]:
    """What a case records of a report: the terms, the verdict and each finding's identity."""
    return {
        "terms": report.terms.terms_id,
        "verdict": report.verdict,
        "findings": [
            {"rule": f.rule_id, "severity": f.severity, "outcome": f.outcome}
            for f in report.findings
        ],
    }


def _regenerate(case: Case, observed: dict[str, Any]) -> None:
    data: dict[str, Any] = {k: case.data[k] for k in ("description", "options") if k in case.data}
    data["expected"] = observed
    write_atomic(case.path, yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96))


@pytest.mark.parametrize("case", ALL, ids=lambda c: f"{c.terms_id}/{c.copy.name}")
def test_rule_file_case(case: Case, request: pytest.FixtureRequest) -> None:
    report = check_pair(load_path(case.copy), load_path(case.original), _options(case))
    observed = _observed(report)
    assert report.terms.terms_id == case.terms_id, "the original is not under its folder's terms"
    if request.config.getoption("--regen"):
        _regenerate(case, observed)
    else:
        assert observed == case.data.get("expected"), case.data.get("description")


def test_every_built_in_rule_file_has_a_case_folder_with_two_copies_or_more() -> None:
    folders = {c.terms_id for c in ALL}
    for path in rule_files([builtin_rules_dir()]):
        assert path.stem in folders, f"no case folder tests/rules/{path.stem}/"
        assert sum(c.terms_id == path.stem for c in ALL) >= 2, path.stem


def test_every_case_folder_names_a_built_in_rule_file() -> None:
    assert {c.terms_id for c in ALL} <= set(LIBRARY or {})
