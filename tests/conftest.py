"""Suite-wide options and markers: --regen for the rule-file cases; tests reading ../shared are
skipped, with the reason, where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen",
        action="store_true",
        default=False,
        help="rewrite the expected results of the rule-file cases (tests/rules/) from what the "
        "tool now reports, after a deliberate change; review the diff before committing",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_shared: reads data from ../shared (the PAN corpus, notices, reference)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"../shared is not beside the project ({SHARED} missing)")
    for item in items:
        if "needs_shared" in item.keywords:
            item.add_marker(skip)
