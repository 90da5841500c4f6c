"""The last calibration fit, kept in the database: a new process need not refit years of readings.

The fit is stored with a fingerprint of everything it was made from (the readings, the profile
and the log's per-day revisions, see estimate.calibrate); it is used only while they match, so it
can never be stale. It is a cache: when it cannot be written (a read-only file), nothing fails.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
from dataclasses import asdict
from typing import Any

import peewee

from ssi_desktop.scoring.calibration import Calibration
from ssi_desktop.scoring.model import Sensitivity
from ssi_desktop.store import settings
from ssi_desktop.store.db import DatabaseError

SETTING = "calibration_fit"
UNWRITABLE = (DatabaseError, peewee.DatabaseError, sqlite3.DatabaseError)


def fingerprint(made_from: object) -> str:
    """A short, stable digest of what a fit was made from (its repr is deterministic)."""
    return hashlib.sha256(repr(made_from).encode()).hexdigest()


def load(digest: str) -> Calibration | None:
    """The stored fit when it was made from exactly this, else None."""
    try:
        stored = json.loads(settings.get(SETTING) or "{}")
    except (*UNWRITABLE, ValueError):
        return None
    if stored.get("fingerprint") != digest:
        return None
    try:
        return _decode(stored["fit"])
    except (KeyError, TypeError, ValueError):
        return None  # written by another version: refit


def save(digest: str, calibration: Calibration) -> None:
    # Read-only or busy: the next process fits again, which is all this saves.
    with contextlib.suppress(*UNWRITABLE):
        settings.put(SETTING, json.dumps({"fingerprint": digest, "fit": _encode(calibration)}))


def _encode(fit: Calibration) -> dict[str, Any]:
    return {
        "readings": fit.readings,
        "sensitivity": asdict(fit.sensitivity),
        "mae_before": fit.mae_before,
        "mae_after": fit.mae_after,
        "totals_before": {day.isoformat(): v for day, v in fit.totals_before.items()},
        "totals_after": {day.isoformat(): v for day, v in fit.totals_after.items()},
        "at_limit": dict(fit.at_limit),
        "has_activity": fit.has_activity,
        "held_out": fit.held_out,
        "mae_fitted": fit.mae_fitted,
    }


def _decode(data: dict[str, Any]) -> Calibration:
    def totals(values: dict[str, float]) -> dict[dt.date, float]:
        return {dt.date.fromisoformat(day): float(v) for day, v in values.items()}

    return Calibration(
        readings=int(data["readings"]),
        sensitivity=Sensitivity(**{k: float(v) for k, v in data["sensitivity"].items()}),
        mae_before=data["mae_before"],
        mae_after=data["mae_after"],
        totals_before=totals(data["totals_before"]),
        totals_after=totals(data["totals_after"]),
        at_limit={k: bool(v) for k, v in data["at_limit"].items()},
        has_activity=bool(data["has_activity"]),
        held_out=bool(data["held_out"]),
        mae_fitted=data["mae_fitted"],
    )
