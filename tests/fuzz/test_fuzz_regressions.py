"""Every input the fuzzer found failing, replayed: each is now refused cleanly or read.

The inputs live in ``crashes/<target>/`` as the fuzzer saved them (``crash-*`` raised an
unexpected exception, ``timeout-*`` hung, ``oom-*`` swelled); ``fuzz_targets.run`` raises for
anything but an expected refusal, so a regression fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz_targets import TARGETS, run

CRASHES = Path(__file__).parent / "crashes"
SAVED = sorted(
    path
    for path in CRASHES.glob("*/*")
    if path.name.startswith(("crash-", "timeout-", "oom-", "slow-unit-"))
)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("path", SAVED, ids=[f"{p.parent.name}/{p.name}" for p in SAVED])
def test_saved_fuzz_input_is_handled(path: Path) -> None:
    run(path.parent.name, path.read_bytes())


def test_every_saved_input_names_a_target() -> None:
    assert {path.parent.name for path in SAVED} <= set(TARGETS)
