"""How long the 90-day trend takes on ten years of history where many entries name a contact.

`daily_tallies` joins each entry to its contact and account to weigh target accounts and
decision-makers; this checks the join keeps the whole 90-day trend (SQL + model) within 20 ms.

    PYTHONPATH=$PWD python benchmarks/target_tallies.py
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ssi_desktop import demo, estimate
from ssi_desktop.catalog import Pillar, action
from ssi_desktop.store import actions, db
from ssi_desktop.store.models import Account, Contact

TODAY = dt.date(2026, 11, 24)
YEARS = 10
BUDGET_MS = 20.0
ACCOUNTS, CONTACTS_PER_ACCOUNT = 60, 8


def _fill(path: Path) -> int:
    db.open_database(path)
    rng = random.Random(11)
    with db.database.atomic():
        contact_ids = []
        for n in range(ACCOUNTS):
            account = Account.create(name=f"Account {n}", is_target=n % 3 == 0)
            for m in range(CONTACTS_PER_ACCOUNT):
                person = Contact.create(
                    name=f"Contact {n}.{m}", account=account, is_decision_maker=m == 0
                )
                contact_ids.append(person.id)
    first = TODAY - dt.timedelta(days=365 * YEARS)
    entries = [
        # Half of the relationship and people actions name a contact, as a diligent seller's do.
        replace(e, contact_id=rng.choice(contact_ids))
        if action(e.key).pillar in (Pillar.RELATIONSHIPS, Pillar.PEOPLE) and rng.random() < 0.5
        else e
        for e in demo.history(first, TODAY)
    ]
    return actions.record_many(entries, TODAY)


def _best_of(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        stored = _fill(Path(folder) / "bench.sqlite3")
        first = TODAY - dt.timedelta(days=89)
        sql_best, sql_median = _best_of(
            30, lambda: actions.daily_tallies(first - dt.timedelta(days=89), TODAY)
        )
        best, median = _best_of(30, lambda: estimate.trend(TODAY, 90))
        db.close_database()
    print(f"{stored} entries over {YEARS} years, {ACCOUNTS * CONTACTS_PER_ACCOUNT} contacts")
    print(f"daily_tallies (180 days):    best {sql_best:5.1f} ms, median {sql_median:5.1f} ms")
    print(f"90-day trend (SQL + model):  best {best:5.1f} ms, median {median:5.1f} ms")
    ok = median <= BUDGET_MS
    print(f"budget {BUDGET_MS:.0f} ms: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
