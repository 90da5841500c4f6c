"""Official readings: what LinkedIn's SSI page showed on a day, typed in by the seller.

One reading a day. LinkedIn refreshes the score once a day, so a second reading for the same
day is a correction of the first: record() replaces it and returns the reading it replaced, so
the CLI and the dialog can say so.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ssi_desktop.catalog import PILLAR_MAX, TOTAL_MAX, Pillar
from ssi_desktop.reading_formats.values import TOTAL_TOLERANCE, ReadingValues
from ssi_desktop.store.actions import InvalidEntryError, check_day
from ssi_desktop.store.db import database
from ssi_desktop.store.models import OfficialReadingRow

RANK_MAX = 100.0
"""A rank is the N of LinkedIn's "Top N %": a percentage."""


class InvalidReadingError(InvalidEntryError):
    """A reading that cannot be what LinkedIn showed; the message says why in one sentence."""


@dataclass(frozen=True)
class OfficialReading:
    """The SSI page on ``day``: the total, the four pillars, and the benchmarks when shown.

    ``industry_rank`` and ``network_rank`` are the N of "Top N %"; the averages are the
    industry's and the network's average SSI. None where the seller did not type them in.
    """

    day: dt.date
    total: float
    pillars: Mapping[Pillar, float] = field(hash=False)
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None

    @property
    def pillar_sum(self) -> float:
        """The unrounded total: LinkedIn's total is this sum, shown rounded."""
        return sum(self.pillars[p] for p in Pillar)

    @property
    def values(self) -> ReadingValues:
        """The numbers without the day, as a readings file or a pasted page holds them."""
        return ReadingValues(
            self.total,
            self.pillars,
            self.industry_rank,
            self.network_rank,
            self.industry_avg,
            self.network_avg,
        )

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "total": self.total,
            "pillars": {p.value: self.pillars[p] for p in Pillar},
            "industry_rank": self.industry_rank,
            "network_rank": self.network_rank,
            "industry_avg": self.industry_avg,
            "network_avg": self.network_avg,
        }


def dated(values: ReadingValues, day: dt.date) -> OfficialReading:
    """A pasted or imported reading, on the day it was LinkedIn's."""
    return OfficialReading(
        day,
        values.total,
        dict(values.pillars),
        industry_rank=values.industry_rank,
        network_rank=values.network_rank,
        industry_avg=values.industry_avg,
        network_avg=values.network_avg,
    )


def _check_range(value: float, low: float, high: float, what: str) -> None:
    if not math.isfinite(value):
        raise InvalidReadingError(f"{what} must be a number, not {value}")
    if not low <= value <= high:
        raise InvalidReadingError(f"{what} must be between {low:g} and {high:g}, not {value:g}")


def check_reading(reading: OfficialReading, today: dt.date) -> None:
    """Raise InvalidReadingError unless the reading can be what LinkedIn's page showed."""
    try:
        check_day(reading.day, today)
    except InvalidEntryError as error:
        raise InvalidReadingError(str(error)) from None
    if set(reading.pillars) != set(Pillar):
        raise InvalidReadingError("a reading needs all four pillar scores")
    for pillar in Pillar:
        _check_range(reading.pillars[pillar], 0.0, PILLAR_MAX, f"the {pillar.short_label} pillar")
    _check_range(reading.total, 0.0, TOTAL_MAX, "the total SSI")
    if abs(reading.total - reading.pillar_sum) > TOTAL_TOLERANCE:
        raise InvalidReadingError(
            f"the total {reading.total:g} does not match the pillars: they add up to "
            f"{reading.pillar_sum:.2f}, which LinkedIn shows as {round(reading.pillar_sum)}"
        )
    optional = {
        "the industry rank (Top N %)": (reading.industry_rank, RANK_MAX),
        "the network rank (Top N %)": (reading.network_rank, RANK_MAX),
        "the industry's average SSI": (reading.industry_avg, TOTAL_MAX),
        "the network's average SSI": (reading.network_avg, TOTAL_MAX),
    }
    for what, (value, high) in optional.items():
        if value is not None:
            _check_range(value, 0.0, high, what)


def _from_row(row: OfficialReadingRow) -> OfficialReading:
    return OfficialReading(
        day=row.day,
        total=row.total,
        pillars={p: getattr(row, p.value) for p in Pillar},
        industry_rank=row.industry_rank,
        network_rank=row.network_rank,
        industry_avg=row.industry_avg,
        network_avg=row.network_avg,
    )


def record(reading: OfficialReading, today: dt.date) -> OfficialReading | None:
    """Check and store a reading, replacing the one of the same day; returns the replaced one."""
    check_reading(reading, today)
    values = {
        "total": reading.total,
        **{p.value: reading.pillars[p] for p in Pillar},
        "industry_rank": reading.industry_rank,
        "network_rank": reading.network_rank,
        "industry_avg": reading.industry_avg,
        "network_avg": reading.network_avg,
    }
    with database.atomic():
        row = OfficialReadingRow.get_or_none(OfficialReadingRow.day == reading.day)
        if row is None:
            OfficialReadingRow.create(day=reading.day, **values)
            return None
        replaced = _from_row(row)
        OfficialReadingRow.update(**values).where(OfficialReadingRow.id == row.id).execute()
        return replaced


def record_all(found: Sequence[OfficialReading], today: dt.date) -> None:
    """Store several readings in one transaction (an import): all of them or none.

    Each is checked first; a day already stored is replaced, as record() does.
    """
    for reading in found:
        check_reading(reading, today)
    with database.atomic():
        for reading in found:
            record(reading, today)


def delete(day: dt.date) -> OfficialReading | None:
    """Remove the reading of ``day`` and return it (None when there was none)."""
    with database.atomic():
        row = OfficialReadingRow.get_or_none(OfficialReadingRow.day == day)
        if row is None:
            return None
        row.delete_instance()
        return _from_row(row)


def on(day: dt.date) -> OfficialReading | None:
    row = OfficialReadingRow.get_or_none(OfficialReadingRow.day == day)
    return None if row is None else _from_row(row)


def all_readings() -> list[OfficialReading]:
    """Every reading, oldest first (plain SQL: the worker reads them on every recompute)."""
    cursor = database.execute_sql(
        "SELECT day, total, brand, people, insights, relationships, industry_rank,"
        " network_rank, industry_avg, network_avg FROM official_reading ORDER BY day"
    )
    found = []
    for day, total, brand, people, insights, relationships, *benchmarks in cursor:
        pillars = dict(zip(Pillar, (brand, people, insights, relationships), strict=True))
        found.append(OfficialReading(dt.date.fromisoformat(day), total, pillars, *benchmarks))
    return found


def reading_count() -> int:
    return int(OfficialReadingRow.select().count())
