"""Everything the seller owns as one CSV file per kind, for `ssi export --everything`.

The log keeps the columns of the single-file CSV export; the readings file is the one
`ssi reading import` reads back; the other kinds have the fields of the JSON export, flat.
Text cells are neutralised like the log's, so every file is safe to open in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence

from ssi_desktop.reading_formats.csv_file import write_readings
from ssi_desktop.store import export, readings


def _table(records: Sequence[Mapping[str, object]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(
            "" if value is None else export.neutralise(value) if isinstance(value, str) else value
            for value in (record[column] for column in columns)
        )
    return out.getvalue()


def _records(
    select: Callable[[], list[dict[str, object]]], columns: Sequence[str]
) -> Callable[[], str]:
    return lambda: _table(select(), columns)


def _readings() -> str:
    return write_readings((r.day, r.values) for r in readings.all_readings())


FILES: Mapping[str, Callable[[], str]] = {
    "log.csv": export.to_csv,
    "readings.csv": _readings,
    "profile.csv": _records(export.profile_records, ("item", "date", "done")),
    "targets.csv": _records(export.target_records, ("key", "count", "per")),
    "rest_days.csv": _records(export.rest_day_records, ("date", "note")),
    "network.csv": _records(
        export.network_records, ("date", "connections", "followers", "decision_makers")
    ),
    "accounts.csv": _records(
        lambda: [export.account_record(a) for a in export.all_accounts()],
        ("id", "name", "target", "note"),
    ),
    "contacts.csv": _records(
        lambda: [export.contact_record(c) for c in export.all_contacts()],
        ("id", "name", "account_id", "role", "decision_maker", "note"),
    ),
    "posts.csv": _records(
        lambda: [export.post_record(p) for p in export.all_posts()],
        ("id", "date", "title", "link", "views", "engagers", "comments", "engagement_rate"),
    ),
    "conversations.csv": _records(
        lambda: [export.conversation_record(c) for c in export.all_conversations()],
        ("id", "contact_id", "started", "started_by", "answered"),
    ),
    "outcomes.csv": _records(
        lambda: [export.outcome_record(o) for o in export.all_outcomes()],
        ("id", "kind", "date", "value", "contact_id", "note"),
    ),
}
"""File name -> its text, one per kind the seller owns."""


def csv_files(excel_bom: bool = False) -> dict[str, str]:
    """Every file's text, read in one go (the caller holds a transaction for a consistent set)."""
    bom = "\ufeff" if excel_bom else ""
    return {name: bom + make().removeprefix("\ufeff") for name, make in FILES.items()}
