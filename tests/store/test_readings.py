"""Official readings in the store: validation, one reading a day, delete, and migration 2."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.catalog import Pillar
from ssi_desktop.store import readings, settings
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.migrations import LATEST_VERSION, V1_ACTIONS_AND_PROFILE, schema_version
from ssi_desktop.store.readings import InvalidReadingError, check_reading
from tests.conftest import TODAY
from tests.readings_helpers import make_reading

DAY = dt.date(2026, 11, 20)


def test_a_reading_is_stored_and_read_back(db: Path) -> None:
    reading = make_reading(DAY, industry_rank=12, network_avg=31.5)

    assert readings.record(reading, TODAY) is None
    assert readings.all_readings() == [reading]
    assert readings.on(DAY) == reading
    assert readings.on(DAY - dt.timedelta(days=1)) is None


def test_a_second_reading_on_the_same_day_replaces_the_first(db: Path) -> None:
    first = make_reading(DAY, brand=10.0, industry_rank=12)
    second = make_reading(DAY, brand=11.0)

    readings.record(first, TODAY)
    replaced = readings.record(second, TODAY)

    assert replaced == first
    assert readings.all_readings() == [second]  # the rank typed first is gone too


def test_readings_are_listed_oldest_first(db: Path) -> None:
    days = [DAY, DAY - dt.timedelta(days=30), DAY - dt.timedelta(days=7)]
    for day in days:
        readings.record(make_reading(day), TODAY)

    assert [r.day for r in readings.all_readings()] == sorted(days)
    assert readings.reading_count() == 3


def test_delete_removes_one_day_and_returns_it(db: Path) -> None:
    kept, gone = make_reading(DAY - dt.timedelta(days=1)), make_reading(DAY)
    readings.record(kept, TODAY)
    readings.record(gone, TODAY)

    assert readings.delete(DAY) == gone
    assert readings.delete(DAY) is None
    assert readings.all_readings() == [kept]


@pytest.mark.parametrize(
    ("reading", "message"),
    [
        (make_reading(DAY, brand=25.5), "Brand pillar must be between 0 and 25"),
        (make_reading(DAY, people=-0.1), "People pillar must be between 0 and 25"),
        (make_reading(DAY, insights=float("nan"), total=30), "must be a number"),
        (make_reading(DAY, total=41), "they add up to 39.75, which LinkedIn shows as 40"),
        (make_reading(DAY, industry_rank=101), "industry rank (Top N %) must be between 0 and 100"),
        (make_reading(DAY, network_rank=-1), "network rank (Top N %) must be between 0 and 100"),
        (make_reading(DAY, industry_avg=100.5), "industry's average SSI must be between 0 and 100"),
        (make_reading(DAY, network_avg=float("inf")), "must be a number"),
        (make_reading(TODAY + dt.timedelta(days=1)), "is in the future"),
    ],
)
def test_impossible_readings_are_refused_and_nothing_is_written(
    db: Path, reading: readings.OfficialReading, message: str
) -> None:
    with pytest.raises(InvalidReadingError, match=message.replace("(", r"\(").replace(")", r"\)")):
        readings.record(reading, TODAY)
    assert readings.reading_count() == 0


pillar_scores = st.decimals(min_value=0, max_value=25, places=2).map(float)


@given(st.tuples(pillar_scores, pillar_scores, pillar_scores, pillar_scores))
def test_any_page_linkedin_can_show_is_accepted(scores: tuple[float, ...]) -> None:
    shown_total = round(sum(scores))  # pillars with 2 decimals, the total a whole number
    check_reading(make_reading(DAY, *scores, total=shown_total), TODAY)


@given(pillar_scores, st.floats(min_value=0.53, max_value=10))
def test_a_total_more_than_half_a_point_off_the_pillars_is_refused(
    brand: float, gap: float
) -> None:
    pillar_sum = make_reading(DAY, brand=brand).pillar_sum  # at most 54.75: room for the gap
    with pytest.raises(InvalidReadingError, match="does not match the pillars"):
        check_reading(make_reading(DAY, brand=brand, total=pillar_sum + gap), TODAY)


def test_the_reading_json_names_every_field(db: Path) -> None:
    reading = make_reading(DAY, industry_rank=3, industry_avg=28.0)

    assert reading.as_json() == {
        "date": "2026-11-20",
        "total": 40.0,
        "pillars": {"brand": 10.0, "people": 12.5, "insights": 8.25, "relationships": 9.0},
        "industry_rank": 3,
        "network_rank": None,
        "industry_avg": 28.0,
        "network_avg": None,
    }
    assert set(reading.pillars) == set(Pillar)


def test_calibration_is_on_until_turned_off_and_the_choice_is_kept(db_path: Path) -> None:
    open_database(db_path)
    assert settings.calibration_enabled()
    settings.set_calibration_enabled(False)
    close_database()

    open_database(db_path)
    assert not settings.calibration_enabled()
    settings.set_calibration_enabled(True)
    assert settings.calibration_enabled()
    close_database()


def test_a_version_1_database_upgrades_and_keeps_its_data(db_path: Path) -> None:
    with sqlite3.connect(db_path) as old:
        old.executescript(V1_ACTIONS_AND_PROFILE)
        old.execute(
            "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
            "applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        )
        old.execute("INSERT INTO schema_version (version) VALUES (1)")
        old.execute(
            "INSERT INTO action_entry (day, key, count, created_at) "
            "VALUES ('2026-11-01', 'dm_sent', 3, '2026-11-01 09:00:00')"
        )
        old.execute(
            "INSERT INTO profile_change (item, day, done, created_at) "
            "VALUES ('photo', '2026-10-01', 1, '2026-10-01 09:00:00')"
        )
    old.close()

    db = open_database(db_path)
    try:
        assert schema_version(db) == LATEST_VERSION >= 2
        assert db.execute_sql("SELECT key, count FROM action_entry").fetchall() == [("dm_sent", 3)]
        assert db.execute_sql("SELECT item FROM profile_change").fetchall() == [("photo",)]
        assert readings.all_readings() == []
        readings.record(make_reading(DAY), TODAY)
        assert readings.reading_count() == 1
        assert settings.calibration_enabled()
    finally:
        close_database()
    assert (db_path.parent / f"{db_path.name}.schema1.bak").exists()


def test_the_database_itself_refuses_an_out_of_range_pillar(db: Path) -> None:
    """The CHECK constraints guard data written around store/readings.py (imports, tools)."""
    from ssi_desktop.store.db import database

    with pytest.raises(Exception, match="CHECK constraint failed"):
        database.execute_sql(
            "INSERT INTO official_reading (day, total, brand, people, insights, relationships, "
            "created_at) VALUES ('2026-11-01', 30, 26, 1, 1, 1, '2026-11-01')"
        )
