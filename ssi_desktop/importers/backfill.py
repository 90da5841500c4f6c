"""Backfill the log from a LinkedIn archive: plan (read-only preview), then commit one batch.

plan_import() reads the archive and checks which rows the log already holds; it writes nothing,
so the preview, ``--dry-run`` and the real run share one summary. commit() writes the plan's new
rows and profile items as one import batch in ONE transaction: a cancel (checked between chunks)
or a crash rolls everything back, so an import is never half there.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ssi_desktop.catalog import ACTIONS
from ssi_desktop.importers.linkedin import (
    DEFAULT_MAX_FILE_BYTES,
    ArchiveReport,
    ImportCancelled,
    ImportedAction,
    read_archive,
)
from ssi_desktop.importers.linkedin.mapping import CONNECTION_NOTE, DECISION_MAKER_NOTE
from ssi_desktop.scoring.network import NetworkRecord
from ssi_desktop.store import imports, network, profile
from ssi_desktop.store.actions import EARLIEST_DAY, NewEntry, known_external_ids, record_many
from ssi_desktop.store.db import database

SOURCE = "linkedin"
CHUNK = 2000
"""Rows written between two looks at the cancel flag (a few milliseconds of work)."""

SKIP_FUTURE = "dated after today"
SKIP_TOO_EARLY = "dated before LinkedIn existed"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ImportPlan:
    """What an import would write, and the preview's numbers; nothing is written yet."""

    archive_name: str
    report: ArchiveReport
    entries: tuple[ImportedAction, ...]
    """The report's actions the log can hold (the same objects: a big archive is not copied)."""
    profile_items: tuple[tuple[str, dt.date], ...]
    skipped: dict[str, int]
    already_known: int
    new_profile_items: tuple[str, ...] = ()
    network: tuple[NetworkRecord, ...] = ()
    """The network's size on each day a connection was made, from Connections.csv."""
    new_network_days: int = 0

    @property
    def adds_anything(self) -> bool:
        return self.new_entries > 0 or bool(self.new_profile_items) or self.new_network_days > 0

    @property
    def new_entries(self) -> int:
        return len(self.entries) - self.already_known

    @property
    def actions_per_type(self) -> dict[str, int]:
        counted = Counter(entry.key for entry in self.entries)
        return {kind.key: counted[kind.key] for kind in ACTIONS if counted[kind.key]}

    def summary(self) -> dict[str, Any]:
        """The JSON summary (`ssi import linkedin --json`), the same with or without --dry-run."""
        report = self.report
        return {
            "archive": self.archive_name,
            "sources": dict(report.sources),
            "skipped": dict(self.skipped),
            "files": dict(report.files),
            "problems": list(report.problems),
            "actions": self.actions_per_type,
            "profile_items": [item for item, _day in self.profile_items],
            "first_day": _iso(report.first_day),
            "last_day": _iso(report.last_day),
            "entries": len(self.entries),
            "added": self.new_entries,
            "already_known": self.already_known,
            "network_days": self.new_network_days,
        }


@dataclass(frozen=True)
class ImportOutcome:
    """What commit() wrote: ``batch`` is None when the archive held nothing new."""

    batch: int | None
    added: int
    already_known: int
    profile_items: tuple[str, ...] = ()
    first_day: dt.date | None = None  # of the rows added


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _file_skips(report: ArchiveReport) -> dict[str, int]:
    """Each unreadable file as a skip reason of its own (it counts one file, not rows)."""
    reasons = (problem.rstrip(".").removesuffix("; skipped") for problem in report.problems)
    return {f"unreadable file {reason}": 1 for reason in reasons}


def plan_from_report(report: ArchiveReport, archive_name: str, today: dt.date) -> ImportPlan:
    """Keep the rows the log can hold (dated from LinkedIn's launch to today); read-only."""
    skipped: Counter[str] = Counter(report.skipped)
    entries: list[ImportedAction] = []
    for found in report.actions:
        if found.day > today:
            skipped[SKIP_FUTURE] += 1
        elif found.day < EARLIEST_DAY:
            skipped[SKIP_TOO_EARLY] += 1
        else:
            entries.append(found)
    items = tuple(
        (seen.item, min(max(seen.day, EARLIEST_DAY), today)) for seen in report.profile_items
    )
    known = len(known_external_ids(e.external_id for e in entries))
    grown = network_growth(entries)
    recorded = {r.day for r in network.all_records()}
    done = profile.history()
    new_items = tuple(item for item, day in items if not done.done_on(day).get(item))
    return ImportPlan(
        archive_name=archive_name,
        report=report,
        entries=tuple(entries),
        profile_items=items,
        skipped={**dict(sorted(skipped.items())), **_file_skips(report)},
        already_known=known,
        new_profile_items=new_items,
        network=grown,
        new_network_days=sum(1 for r in grown if r.day not in recorded),
    )


def network_growth(entries: Iterable[ImportedAction]) -> tuple[NetworkRecord, ...]:
    """The network on each day Connections.csv shows a connection made: every connection and
    decision-maker the archive holds, counted up to that day."""
    per_day: Counter[tuple[dt.date, str]] = Counter()
    for e in entries:
        if e.note in (CONNECTION_NOTE, DECISION_MAKER_NOTE):
            per_day[(e.day, e.key)] += e.count
    records: list[NetworkRecord] = []
    connections = decision_makers = 0
    for day in sorted({day for day, _key in per_day}):
        connections += per_day[(day, "connection_accepted")]
        decision_makers += per_day[(day, "decision_maker_connected")]
        records.append(NetworkRecord(day, connections, None, decision_makers))
    return tuple(records)


def plan_import(
    path: Path,
    today: dt.date,
    *,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> ImportPlan:
    """Read the archive at ``path`` and compare it with the log (ArchiveError if unreadable)."""
    report = read_archive(
        path, max_file_bytes=max_file_bytes, cancelled=cancelled, progress=progress
    )
    return plan_from_report(report, path.name or str(path), today)


def commit(
    plan: ImportPlan,
    today: dt.date,
    *,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Write the plan's new rows as one batch, all or nothing (ImportCancelled rolls back).

    Nothing new (a re-import of the same archive) writes no batch at all.
    """
    with database.atomic() as transaction:
        # Checked again inside the transaction: the log may have changed since the preview.
        known = known_external_ids(e.external_id for e in plan.entries)
        fresh = [e for e in plan.entries if e.external_id not in known]
        total = len(fresh)
        counts = {**plan.summary(), "added": total, "already_known": len(known)}
        batch_id = imports.open_batch(SOURCE, plan.archive_name, counts)
        if progress is not None:
            progress(0, total)
        for start in range(0, total, CHUNK):
            _stop_if(cancelled)
            chunk = [_entry(found, batch_id) for found in fresh[start : start + CHUNK]]
            record_many(chunk, today)
            if progress is not None:
                progress(start + len(chunk), total)
        _stop_if(cancelled)
        items = imports.add_profile_items(plan.profile_items, batch_id, today)
        grown = network.fill_from_import(plan.network, batch_id)
        if not fresh and not items and not grown:
            # Nothing to undo later: leave no empty batch behind (rolled back with the rest).
            transaction.rollback()
            return ImportOutcome(None, 0, len(known))
        imports.close_batch(batch_id, total, len(items))
    first_day = min((e.day for e in fresh), default=None)
    return ImportOutcome(batch_id, total, len(known), tuple(items), first_day)


def _stop_if(cancelled: Cancelled | None) -> None:
    """Raising inside the transaction rolls back everything written so far."""
    if cancelled is not None and cancelled():
        raise ImportCancelled("The import was cancelled; nothing was written.")


def _entry(found: ImportedAction, batch_id: int) -> NewEntry:
    """Built chunk by chunk, so that only a chunk of them is alive at a time."""
    return NewEntry(
        key=found.key,
        day=found.day,
        count=found.count,
        note=found.note,
        at_target=found.at_target,
        source=SOURCE,
        external_id=found.external_id,
        batch_id=batch_id,
    )
