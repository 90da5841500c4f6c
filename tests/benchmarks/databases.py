"""Demo databases of 1, 5 and 10 years, built once per benchmark run, as `ssi demo` builds them."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import random
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from ssi_desktop.catalog import ACTION_BY_KEY
from ssi_desktop.cli import main as cli
from ssi_desktop.store import actions
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.system import clock

TODAY = dt.date(2026, 11, 24)
"""Every benchmark scores this day, so that runs on different dates compare."""


def pin_today() -> None:
    """Fix "today" for this process and the processes it starts."""
    os.environ[clock.TODAY_ENV] = TODAY.isoformat()


class DemoDatabases:
    """A temp folder of demo databases; ``path(years)`` builds one on first use."""

    def __init__(self) -> None:
        pin_today()
        self.folder = Path(tempfile.mkdtemp(prefix="ssi-bench-"))

    def path(self, years: int) -> Path:
        path = self.folder / f"demo-{years}y.sqlite3"
        if not path.exists():
            days = str(365 * years + years // 4)
            with contextlib.redirect_stdout(io.StringIO()):
                code = cli.main(["--db", str(path), "demo", "--days", days])
            if code != 0:
                raise RuntimeError(f"ssi demo --days {days} failed with exit code {code}")
        return path

    def synthetic(self, years: int) -> Path:
        """A fresh database of ``years`` of the benchmark's own steady seller: every weekday a
        handful of entries of any logged type, as one seller's years of clicks, with none of
        the demo's readings, network or outcomes (a log alone)."""
        path = self.folder / f"synthetic-{years}y.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        rng = random.Random(years)
        keys = sorted(ACTION_BY_KEY)
        first = TODAY - dt.timedelta(days=365 * years + years // 4)
        entries = [
            actions.NewEntry(rng.choice(keys), day, rng.randint(1, 3))
            for offset in range((TODAY - first).days + 1)
            if (day := first + dt.timedelta(days=offset)).weekday() < 5
            for _ in range(rng.randint(2, 9))
        ]
        open_database(path)
        try:
            actions.record_many(entries, TODAY)
        finally:
            close_database()
        return path

    def scratch_copy(self, years: int) -> Path:
        """A copy to write to (quick-adds, imports), so the original stays as built."""
        copy = self.folder / f"scratch-{years}y.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.path(years), copy)
        return copy

    def __enter__(self) -> DemoDatabases:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
