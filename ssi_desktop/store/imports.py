"""Import batches: every row an import adds carries its batch id, so it can be undone whole.

The caller opens one transaction around open_batch(), the inserts and close_batch(), so an
import is written completely or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ssi_desktop.store import profile
from ssi_desktop.store.actions import check_day
from ssi_desktop.store.db import database
from ssi_desktop.store.models import (
    ActionEntry,
    ImportBatch,
    NetworkRow,
    ProfileChange,
    utc_now,
)


class UndoImportError(Exception):
    """There is no such import, or it was already undone; the message says which."""


@dataclass(frozen=True)
class BatchInfo:
    """One import as the list of imports shows it."""

    id: int
    source: str
    file_name: str
    imported_at: dt.datetime
    entries: int
    profile_items: int
    undone_at: dt.datetime | None
    counts: dict[str, Any]

    @property
    def undone(self) -> bool:
        return self.undone_at is not None

    @property
    def title(self) -> str:
        """How the seller recognizes the import: ``#3 Basic_LinkedIn…zip (2026-11-20)``."""
        return f"#{self.id} {self.file_name} ({self.imported_at.date().isoformat()})"

    def as_json(self) -> dict[str, Any]:
        return {
            "batch": self.id,
            "source": self.source,
            "file": self.file_name,
            "imported_at": _iso(self.imported_at),
            "entries": self.entries,
            "profile_items": self.profile_items,
            "undone_at": _iso(self.undone_at) if self.undone_at is not None else None,
        }


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds") + "Z"


def _info(row: ImportBatch) -> BatchInfo:
    try:
        counts = json.loads(row.counts)
    except ValueError:
        counts = {}
    return BatchInfo(
        id=row.id,
        source=row.source,
        file_name=row.file_name,
        imported_at=row.imported_at,
        entries=row.entries,
        profile_items=row.profile_items,
        undone_at=row.undone_at,
        counts=counts if isinstance(counts, dict) else {},
    )


def open_batch(source: str, file_name: str, counts: Mapping[str, Any]) -> int:
    """Start a batch (inside the caller's transaction); returns its id for the new rows."""
    row = ImportBatch.create(
        source=source, file_name=file_name, counts=json.dumps(counts, ensure_ascii=False)
    )
    return int(row.id)


def close_batch(batch_id: int, entries: int, profile_items: int) -> None:
    ImportBatch.update(entries=entries, profile_items=profile_items).where(
        ImportBatch.id == batch_id
    ).execute()


def add_profile_items(
    items: Iterable[tuple[str, dt.date]], batch_id: int, today: dt.date
) -> list[str]:
    """Mark items done from their day on, unless already done then; returns the ones added.

    Each item comes once per import (the archive shows it present or not), so the history read
    before the loop stays true while it runs.
    """
    done = profile.history()
    added: list[str] = []
    for item, day in items:
        check_day(day, today)
        if done.done_on(day).get(item):
            continue
        ProfileChange.create(item=item, day=day, done=True, batch_id=batch_id)
        added.append(item)
    return added


def batches() -> list[BatchInfo]:
    """Every import, newest first (undone ones too)."""
    return [_info(row) for row in ImportBatch.select().order_by(ImportBatch.id.desc())]


def latest_active() -> BatchInfo | None:
    """The newest import that has not been undone."""
    row = (
        ImportBatch.select()
        .where(ImportBatch.undone_at.is_null())
        .order_by(ImportBatch.id.desc())
        .first()
    )
    return _info(row) if row is not None else None


def undo(batch_id: int | None = None) -> BatchInfo:
    """Remove every entry and profile change of one import (the newest by default)."""
    with database.atomic():
        if batch_id is None:
            found = latest_active()
            if found is None:
                raise UndoImportError("there is no import to undo")
        else:
            row = ImportBatch.get_or_none(ImportBatch.id == batch_id)
            if row is None:
                raise UndoImportError(f"there is no import #{batch_id} (see `ssi import list`)")
            found = _info(row)
            if found.undone_at is not None:
                raise UndoImportError(
                    f"import #{batch_id} was already undone on {found.undone_at.date()}"
                )
        ActionEntry.delete().where(ActionEntry.batch_id == found.id).execute()
        ProfileChange.delete().where(ProfileChange.batch_id == found.id).execute()
        NetworkRow.delete().where(NetworkRow.batch_id == found.id).execute()
        undone_at = utc_now()
        ImportBatch.update(undone_at=undone_at).where(ImportBatch.id == found.id).execute()
    return replace(found, undone_at=undone_at)
