"""The store reads left on the GUI thread, timed on a 10-year demo database (goal: each <= 5 ms).

Everything the score worker reads travels to the window in its snapshot; these are the reads
that a dialog or the History tab still makes when it opens or changes its filter.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable

from ssi_desktop.store import accounts, actions, conversations, outcomes, posts
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.ui.history import PAGE_ROWS
from tests.benchmarks.databases import TODAY, DemoDatabases

REPEATS = 30
GOAL_MS = 5.0
HISTORY_DAYS = 90  # the History tab's default range


def _history_page() -> None:
    """What the History tab reads when it opens or a change arrives: a page and the count."""
    since = TODAY - dt.timedelta(days=HISTORY_DAYS - 1)
    actions.entries(since, TODAY, None, limit=PAGE_ROWS + 1)
    actions.count_entries(since, TODAY, None)


def _timed(read: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        read()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


READS: dict[str, Callable[[], object]] = {
    "History tab, first page of 90 days": lambda: _history_page(),
    "entry count (restore dialog)": actions.entry_count,
    "contacts (form pickers)": accounts.contacts,
    "accounts (contact form)": accounts.accounts,
    "outcomes (records dialog)": outcomes.outcomes,
    "posts (records dialog)": posts.posts,
    "conversations (records dialog)": conversations.conversations,
}


def run() -> dict[str, tuple[float, float]]:
    with DemoDatabases() as databases:
        open_database(databases.path(10))
        try:
            return {name: _timed(read) for name, read in READS.items()}
        finally:
            close_database()


def report(results: dict[str, tuple[float, float]]) -> str:
    lines = [
        f"Store reads left on the GUI thread, 10-year demo database (median of {REPEATS};"
        f" goal: each <= {GOAL_MS:g} ms)",
        f"{'read':<34} {'median ms':>10} {'max ms':>8}",
    ]
    for name, (median, worst) in results.items():
        verdict = "ok" if median <= GOAL_MS else "MISSED"
        lines.append(f"{name:<34} {median:>10.2f} {worst:>8.2f}   {verdict}")
    return "\n".join(lines)
