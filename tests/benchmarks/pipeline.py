"""What contacts, posts, conversations and outcomes cost the score worker, on ten years.

Half of the people and relationship entries name a contact (daily_tallies joins them to weigh
target accounts and decision-makers), with a post a week, a few threads and outcomes a week.
Prints the median / worst of: the 90-day trend with that join, load_pipeline (weekly estimate
over 26 weeks, post rates, replies, reach), and the whole snapshot the worker builds.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from dataclasses import replace
from pathlib import Path

from ssi_desktop.application import estimate
from ssi_desktop.application.outcomes import load_pipeline
from ssi_desktop.catalog import Pillar, action
from ssi_desktop.demo import history as demo
from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.outcomes.replies import StartedBy
from ssi_desktop.store import actions
from ssi_desktop.store.db import close_database, database, open_database
from ssi_desktop.store.models import Account, Contact, Conversation, Outcome, Post
from ssi_desktop.workers.snapshot import build_snapshot
from tests.benchmarks.core import TODAY, timed_ms

YEARS = 10
ACCOUNTS, CONTACTS_PER_ACCOUNT = 60, 8


def fill(path: Path) -> dict[str, int]:
    open_database(path)
    rng = random.Random(11)
    first = TODAY - dt.timedelta(days=365 * YEARS)
    weeks = (TODAY - first).days // 7
    with database.atomic():
        people = []
        for n in range(ACCOUNTS):
            account = Account.create(name=f"Account {n}", is_target=n % 3 == 0)
            for m in range(CONTACTS_PER_ACCOUNT):
                person = Contact.create(
                    name=f"Contact {n}.{m}", account=account, is_decision_maker=m == 0
                )
                people.append(person.id)
        for week in range(weeks):
            monday = first + dt.timedelta(weeks=week)
            Post.create(day=monday, views=rng.randint(200, 5000), engagers=rng.randint(0, 150))
            for _ in range(3):
                started = monday + dt.timedelta(days=rng.randrange(5))
                answered = started + dt.timedelta(days=2) if rng.random() < 0.4 else None
                Conversation.create(
                    contact=rng.choice(people),
                    started_on=started,
                    started_by=StartedBy.ME,
                    answered_on=answered if answered and answered <= TODAY else None,
                )
            for kind in OutcomeKind:
                if rng.random() < 0.5:
                    Outcome.create(
                        kind=kind, day=monday, value=None if kind is OutcomeKind.MEETING else 9000.0
                    )
    entries = [
        replace(e, contact_id=rng.choice(people))
        if action(e.key).pillar in (Pillar.RELATIONSHIPS, Pillar.PEOPLE) and rng.random() < 0.5
        else e
        for e in demo.history(first, TODAY)
    ]
    return {"entries": actions.record_many(entries, TODAY), "weeks": weeks}


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        sizes = fill(Path(folder) / "pipeline.sqlite3")
        trend = timed_ms(lambda: estimate.trend(TODAY, 90))
        pipeline = timed_ms(lambda: load_pipeline(TODAY))
        snapshot = timed_ms(lambda: build_snapshot(TODAY))
        close_database()
    return {
        **sizes,
        "trend_ms": trend[0],
        "trend_max_ms": trend[1],
        "pipeline_ms": pipeline[0],
        "pipeline_max_ms": pipeline[1],
        "snapshot_ms": snapshot[0],
        "snapshot_max_ms": snapshot[1],
    }


def report(r: dict[str, float]) -> str:
    return "\n".join(
        [
            f"Contacts, posts, conversations, outcomes: {YEARS} years, {r['entries']:,.0f} entries,"
            f" {ACCOUNTS * CONTACTS_PER_ACCOUNT} contacts, {r['weeks']:,.0f} posts,"
            f" {3 * r['weeks']:,.0f} threads (median of 30 runs, worst in brackets)",
            f"  90-day trend, entries joined to contacts  {r['trend_ms']:7.2f} ms"
            f" ({r['trend_max_ms']:.2f})",
            f"  load_pipeline (26 weekly estimates ...)   {r['pipeline_ms']:7.2f} ms"
            f" ({r['pipeline_max_ms']:.2f})",
            f"  build_snapshot, all of the worker's task  {r['snapshot_ms']:7.2f} ms"
            f" ({r['snapshot_max_ms']:.2f})",
        ]
    )


if __name__ == "__main__":
    print(report(run()))
