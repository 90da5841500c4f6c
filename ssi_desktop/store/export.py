"""Exports of the seller's log: CSV safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from ssi_desktop import __version__
from ssi_desktop.catalog import ACTION_BY_KEY
from ssi_desktop.store.models import ActionEntry, ProfileChange, utc_now

ENTRY_COLUMNS = ("id", "date", "key", "pillar", "label", "count", "note", "at_target", "source")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection): prefix a quote."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def entry_record(entry: ActionEntry) -> dict[str, object]:
    kind = ACTION_BY_KEY.get(entry.key)
    return {
        "id": entry.id,
        "date": entry.day.isoformat(),
        "key": entry.key,
        "pillar": kind.pillar.value if kind else "",
        "label": kind.label if kind else entry.key,
        "count": entry.count,
        "note": entry.note,
        "at_target": bool(entry.at_target),
        "source": entry.source,
    }


def _all_entries() -> Iterable[ActionEntry]:
    return ActionEntry.select().order_by(ActionEntry.day, ActionEntry.id).iterator()


def to_csv(excel_bom: bool = False) -> str:
    """Every entry, oldest first; text cells neutralised. ``excel_bom`` adds a UTF-8 BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ENTRY_COLUMNS)
    for entry in _all_entries():
        record = entry_record(entry)
        writer.writerow(
            neutralise(value) if isinstance(value, str) else value
            for value in (record[c] for c in ENTRY_COLUMNS)
        )
    return ("\ufeff" if excel_bom else "") + out.getvalue()


def to_json() -> str:
    """Entries and profile changes with the app version, for backups and other tools."""
    document = {
        "app": "ssi-desktop",
        "version": __version__,
        "exported_at": utc_now().isoformat(timespec="seconds") + "Z",
        "entries": [entry_record(e) for e in _all_entries()],
        "profile": [
            {"item": c.item, "date": c.day.isoformat(), "done": bool(c.done)}
            for c in ProfileChange.select().order_by(ProfileChange.id)
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
