"""Options shared by the whole suite."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen",
        action="store_true",
        default=False,
        help="rewrite the expected results of the rule-file cases (tests/rules/) from what the "
        "tool now reports, after a deliberate change; review the diff before committing",
    )
