"""The check pool's admission count: a place taken for a check is always given back."""

from __future__ import annotations

import pytest

from compliance.config import ProjectConfig
from compliance.service.models import CheckRequest
from compliance.service.pool import CheckPool


def test_a_check_that_cannot_be_scheduled_gives_its_queue_place_back() -> None:
    pool = CheckPool(ProjectConfig(), workers=1, timeout=5.0, queue=1)
    pool.close()  # a stopped pool refuses to schedule
    with pytest.raises(RuntimeError):
        pool.submit(CheckRequest.model_validate({"draft": "text"}))
    assert pool.pending == 0
