"""No backup job may outlive the test that started it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ssi_desktop.workers.background_job import running_jobs


@pytest.fixture(autouse=True)
def _no_backup_left_running() -> Iterator[None]:
    yield
    assert running_jobs() == []
