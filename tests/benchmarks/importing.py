"""LinkedIn archive import speed on a big synthetic archive, and the GUI thread's longest stall.

Prints rows read per second (plan: parse the ZIP and compare with the log), rows written per
second (commit: one transaction), a re-import of the same archive (nothing new), and the lateness
of a 5 ms QTimer on the GUI thread while the whole import runs in a BackgroundJob.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import tempfile
import time
import zipfile
from pathlib import Path

from ssi_desktop.importers import backfill
from ssi_desktop.store import imports
from ssi_desktop.store.db import close_database, open_database
from tests.importers.archive_factory import (
    CONNECTION_COLUMNS,
    MESSAGE_COLUMNS,
    MESSAGE_DRAFT_COLUMNS,
    csv_text,
)

TODAY = dt.date(2026, 11, 24)
OWNER_URL = "https://www.linkedin.com/in/robin-quill"
WORDS = [
    "pipeline",
    "buyer",
    "renewal",
    "pilot",
    "forecast",
    "quota",
    "freight",
    "margin",
    "intro",
    "demo",
    "budget",
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _stamp(rng: random.Random) -> dt.datetime:
    start = dt.datetime(2023, 1, 1)
    return start + dt.timedelta(seconds=rng.randrange(int(3.8 * 365 * 86400)))


def write_big_archive(path: Path, messages: int = 100_000, seed: int = 1) -> int:
    """A 2026-shaped archive with ``messages`` messages and proportionate other files."""
    rng = random.Random(seed)
    people = [(f"Person{i}", f"Tester{i}", f"person-{i}") for i in range(messages // 20)]
    connections = [
        [first, last, f"https://www.linkedin.com/in/{slug}", "", "Acme", "Buyer", ""]
        for first, last, slug in people
    ]
    for row in connections:
        row[6] = _stamp(rng).strftime("%d %b %Y")
    invitations = [
        [
            "Robin Quill",
            f"{first} {last}",
            _stamp(rng).strftime("%m/%d/%y, %I:%M %p"),
            _sentence(rng, 8) if rng.random() < 0.6 else "",
            "OUTGOING",
            OWNER_URL,
            f"https://www.linkedin.com/in/{slug}",
        ]
        for first, last, slug in people[: len(people) // 2]
    ]
    message_rows = []
    for index in range(messages):
        first, last, slug = people[index % len(people)]
        mine = rng.random() < 0.5
        sender = (
            ("Robin Quill", OWNER_URL)
            if mine
            else (f"{first} {last}", f"https://www.linkedin.com/in/{slug}")
        )
        message_rows.append(
            [
                f"2-{index // 8:06d}",
                "",
                sender[0],
                sender[1],
                f"{first} {last}" if mine else "Robin Quill",
                f"https://www.linkedin.com/in/{slug}" if mine else OWNER_URL,
                _stamp(rng).strftime("%Y-%m-%d %H:%M:%S UTC"),
                "",
                _sentence(rng, rng.randint(3, 40)),
                "INBOX",
                "No",
                "No",
                "",
            ]
        )
    shares = [
        [
            _stamp(rng).strftime("%Y-%m-%d %H:%M:%S"),
            f"https://www.linkedin.com/feed/update/urn:li:share:{i}",
            _sentence(rng, 60),
            "",
            "",
            "PUBLIC",
        ]
        for i in range(messages // 100)
    ]
    comments = [
        [
            _stamp(rng).strftime("%Y-%m-%d %H:%M:%S"),
            f"https://www.linkedin.com/feed/update/urn:li:activity:{i}",
            _sentence(rng, rng.randint(3, 30)),
        ]
        for i in range(messages // 20)
    ]
    reactions = [
        [
            _stamp(rng).strftime("%Y-%m-%d %H:%M:%S"),
            "LIKE",
            f"https://www.linkedin.com/feed/update/urn:li:activity:{i}",
        ]
        for i in range(messages // 5)
    ]
    files = {
        "Connections.csv": 'Notes:\n"Some emails may be missing."\n\n'
        + csv_text(
            list(CONNECTION_COLUMNS),
            connections,
        ),
        "Invitations.csv": csv_text(
            [
                "From",
                "To",
                "Sent At",
                "Message",
                "Direction",
                "inviterProfileUrl",
                "inviteeProfileUrl",
            ],
            invitations,
        ),
        "messages.csv": csv_text(
            [*MESSAGE_COLUMNS, *MESSAGE_DRAFT_COLUMNS, "ATTACHMENTS"],
            message_rows,
            quote_all=True,
        ),
        "Shares_1.csv": csv_text(
            ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"], shares
        ),
        "Comments_1.csv": csv_text(["Date", "Link", "Message"], comments),
        "Reactions_1.csv": csv_text(["Date", "Type", "Link"], reactions),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(f"Complete_LinkedInDataExport_11-20-2026/{name}", text)
    return (
        len(connections)
        + len(invitations)
        + messages
        + len(shares)
        + len(comments)
        + len(reactions)
    )


def _timed(task):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = task()
    return result, time.perf_counter() - started


def gui_stall(path: Path, db_path: Path) -> tuple[float, float, int, float]:
    """Read + commit in a BackgroundJob: worst and 99th-percentile lateness of a 5 ms timer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, Qt, QTimer

    from ssi_desktop.app import share_interpreter
    from ssi_desktop.importers.linkedin import ImportCancelled
    from ssi_desktop.workers.background_job import BackgroundJob

    share_interpreter()  # as the window does
    app = QCoreApplication.instance() or QCoreApplication([])
    lateness: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        lateness.append(max(0.0, now - last[0] - 5))
        last[0] = now

    timer.timeout.connect(tick)

    def work(cancelled, progress):  # type: ignore[no-untyped-def]
        plan = backfill.plan_import(path, TODAY, cancelled=cancelled, progress=progress)
        return backfill.commit(plan, TODAY, cancelled=cancelled, progress=progress)

    pauses: list[float] = []
    started = [0.0]

    def garbage_collection(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses.append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(garbage_collection)
    open_database(db_path)
    job = BackgroundJob(work, (ImportCancelled,))
    loop = QEventLoop()
    for ended in (job.succeeded, job.failed, job.cancelled):
        ended.connect(loop.quit)
    clock.start()
    timer.start()
    job.start()
    loop.exec()
    timer.stop()
    job.stop()
    close_database()
    gc.callbacks.remove(garbage_collection)
    del app
    ordered = sorted(lateness)
    return ordered[-1], ordered[int(len(ordered) * 0.99)], len(ordered), max(pauses, default=0.0)


def run(messages: int = 100_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "Complete_LinkedInDataExport_11-20-2026.zip"
        rows = write_big_archive(archive, messages)
        open_database(Path(folder) / "bench.sqlite3")
        plan, read_s = _timed(lambda: backfill.plan_import(archive, TODAY))
        outcome, write_s = _timed(lambda: backfill.commit(plan, TODAY))
        again, reread_s = _timed(lambda: backfill.plan_import(archive, TODAY))
        _, recommit_s = _timed(lambda: backfill.commit(again, TODAY))
        _, undo_s = _timed(lambda: imports.undo(outcome.batch))
        close_database()
        worst, p99, ticks, gc_worst = gui_stall(archive, Path(folder) / "stall.sqlite3")
        return {
            "archive_mb": archive.stat().st_size / 1e6,
            "rows": rows,
            "entries": outcome.added,
            "read_s": read_s,
            "read_rows_per_s": rows / read_s,
            "write_s": write_s,
            "write_rows_per_s": outcome.added / write_s,
            "reimport_s": reread_s + recommit_s,
            "undo_s": undo_s,
            "stall_worst_ms": worst,
            "stall_p99_ms": p99,
            "ticks": ticks,
            "gc_worst_ms": gc_worst,
        }


def report(result: dict[str, float]) -> str:
    r = result
    return "\n".join(
        [
            f"LinkedIn archive import: {r['rows']:,.0f} rows ({r['archive_mb']:.1f} MB ZIP) "
            f"-> {r['entries']:,.0f} entries",
            f"  read + compare : {r['read_s']:6.2f} s  {r['read_rows_per_s']:>9,.0f} rows/s",
            f"  write (1 txn)  : {r['write_s']:6.2f} s  {r['write_rows_per_s']:>9,.0f} entries/s",
            f"  re-import      : {r['reimport_s']:6.2f} s  (adds nothing)",
            f"  undo           : {r['undo_s']:6.2f} s",
            f"  GUI thread during a background import (5 ms timer, {r['ticks']:,.0f} ticks): "
            f"worst stall {r['stall_worst_ms']:.1f} ms, 99th percentile {r['stall_p99_ms']:.1f} ms",
            f"  longest garbage collection pause meanwhile: {r['gc_worst_ms']:.1f} ms",
        ]
    )
