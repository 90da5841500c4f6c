"""The charts' axis and label helpers: readable ticks for any data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.ui.outcomes.charts import compact_amount, count_ticks, percent_ticks


@pytest.mark.parametrize(
    ("value", "text"),
    [(950, "950"), (12_500, "12.5k"), (48_000, "48k"), (2_000_000, "2M"), (3.5e9, "3.5B")],
)
def test_amounts_above_a_bar_are_short(value: float, text: str) -> None:
    assert compact_amount(value) == text


@given(st.floats(0.1, 10_000))
def test_count_ticks_are_whole_numbers_from_zero_past_the_highest(highest: float) -> None:
    ticks = count_ticks(highest)
    values = [v for v, _ in ticks]
    assert values[0] == 0 and values[-1] >= highest
    assert all(v == int(v) for v in values) and len(ticks) <= 7
    assert [label for _, label in ticks] == [str(int(v)) for v in values]


@given(st.floats(0.01, 100))
def test_percent_ticks_cover_the_highest_rate_in_a_few_steps(highest: float) -> None:
    ticks = percent_ticks(highest)
    assert ticks[0] == (0.0, "0 %")
    assert ticks[-1][0] >= highest and len(ticks) <= 7
    assert all(label.endswith(" %") for _, label in ticks)
