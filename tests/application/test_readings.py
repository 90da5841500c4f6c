"""What the dashboard draws from the readings: markers in the trend's days, the newest known
averages and rank."""

from __future__ import annotations

import datetime as dt

from ssi_desktop.application.readings import NO_OVERLAY, from_readings, rank_caption
from tests.readings_helpers import make_reading

D1, D2, D3 = dt.date(2026, 8, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 20)


def test_no_readings_draw_nothing() -> None:
    assert from_readings([]) == NO_OVERLAY


def test_markers_are_the_totals_within_the_trend_days() -> None:
    found = [make_reading(D1, brand=5.0), make_reading(D2), make_reading(D3, brand=11.0)]

    overlay = from_readings(found, first_day=dt.date(2026, 9, 1), last_day=D3)

    assert overlay.markers == ((D2, 40.0), (D3, 41.0))


def test_the_newest_known_average_wins_even_before_the_trend() -> None:
    found = [
        make_reading(D1, industry_avg=25.0, network_avg=30.0),
        make_reading(D2, industry_avg=27.5),
        make_reading(D3),
    ]

    overlay = from_readings(found, first_day=D3, last_day=D3)

    assert (overlay.industry_avg, overlay.network_avg) == (27.5, 30.0)


def test_the_caption_prefers_the_industry_rank_then_the_network_rank() -> None:
    assert rank_caption([make_reading(D1, industry_rank=8), make_reading(D2, network_rank=3)]) == (
        "Top 8 % of your industry"
    )
    assert rank_caption([make_reading(D1, network_rank=12.5)]) == "Top 12.5 % of your network"
    assert rank_caption([make_reading(D1)]) == ""
