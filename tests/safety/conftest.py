"""No backup job may outlive the test that started it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ssi_desktop.ui.safety.jobs import wait_for_all


@pytest.fixture(autouse=True)
def _jobs_end_with_the_test() -> Iterator[None]:
    yield
    wait_for_all()
