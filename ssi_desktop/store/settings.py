"""The seller's choices that live with their data (so the CLI and the window agree)."""

from __future__ import annotations

from ssi_desktop.store.db import database
from ssi_desktop.store.models import Setting

CALIBRATION_ENABLED = "calibration_enabled"
CURRENCY = "currency"


def get(key: str) -> str | None:
    # Plain SQL: the score worker asks on every recompute, and peewee's get() took 1 ms.
    row = database.execute_sql("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put(key: str, value: str) -> None:
    with database.atomic():
        Setting.replace(key=key, value=value).execute()


def delete(key: str) -> None:
    with database.atomic():
        Setting.delete().where(Setting.key == key).execute()


def calibration_enabled() -> bool:
    """Whether the estimate is calibrated to the official readings: on unless turned off,
    because typing in readings is how the seller asks for a closer estimate."""
    return get(CALIBRATION_ENABLED) != "off"


def set_calibration_enabled(enabled: bool) -> None:
    put(CALIBRATION_ENABLED, "on" if enabled else "off")


def currency() -> str | None:
    """The ISO 4217 code the seller's deal values are in, if they chose one (the window falls
    back to their locale's currency)."""
    return get(CURRENCY)


def set_currency(code: str) -> None:
    """Remember ``code`` (three letters, e.g. EUR) as the currency of deal values."""
    code = code.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise ValueError(f"{code!r} is not a currency code such as EUR or USD")
    put(CURRENCY, code)
