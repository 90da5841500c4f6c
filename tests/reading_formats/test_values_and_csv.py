"""Numbers as pages print them, and the readings file read and written (no database)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.catalog import Pillar
from ssi_desktop.reading_formats.csv_file import (
    BadFileError,
    BadRow,
    column_name,
    read_readings,
    write_readings,
)
from ssi_desktop.reading_formats.values import ReadingValues, parse_number, parse_rank

B, P, IN, R = Pillar.BRAND, Pillar.PEOPLE, Pillar.INSIGHTS, Pillar.RELATIONSHIPS


@pytest.mark.parametrize("text", ["Top 9%", "top 9 %", "9%", "9", " Top 9% ", "TOP\u00a09\u00a0%"])
def test_a_rank_is_read_as_linkedin_and_people_write_it(text: str) -> None:
    assert parse_rank(text) == 9


@pytest.mark.parametrize("text", ["Top", "9%%", "nine", "Top 9% of 100", ""])
def test_anything_else_is_not_a_rank(text: str) -> None:
    with pytest.raises(ValueError, match="not a rank"):
        parse_rank(text)


@pytest.mark.parametrize(("text", "value"), [("20,998", 20.998), ("20.998", 20.998), ("7", 7.0)])
def test_a_decimal_comma_or_point(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Date", "date"),
        ("Total SSI", "total"),
        ("Establish your professional brand", "brand"),
        ("find-the-right-people", "people"),
        ("Insight", "insights"),
        ("Build relationships", "relationships"),
        ("Industry SSI rank", "industry_rank"),
        ("network rank %", "network_rank"),
        ("Industry average", "industry_avg"),
        (" NETWORK_AVG ", "network_avg"),
        ("estimate", None),
    ],
)
def test_header_variants(header: str, column: str | None) -> None:
    assert column_name(header) == column


def test_a_semicolon_file_with_decimal_commas_and_named_columns() -> None:
    text = (
        "\ufeffDay;Total SSI;Brand;People;Insights;Relationships;Industry SSI rank;Notes\n"
        "2026-11-20;53;21,01;6,4;10,25;15;Top 9%;after the webinar\n"
        "\n"
        "2026-11-22;54;21,2;6,5;10,5;15,5;;\n"
    )

    rows, bad = read_readings(text)

    assert bad == []
    assert [(row.line, row.day) for row in rows] == [
        (2, dt.date(2026, 11, 20)),
        (4, dt.date(2026, 11, 22)),
    ]
    assert rows[0].values == ReadingValues(53, {B: 21.01, P: 6.4, IN: 10.25, R: 15}, 9)
    assert rows[1].values.industry_rank is None


def test_bad_rows_are_listed_with_their_line_and_the_good_ones_kept() -> None:
    text = (
        "date,total,brand,people,insights,relationships\n"
        "2026-11-20,53,21,6,10,15\n"
        "20.11.2026,53,21,6,10,15\n"
        "2026-11-21,53,,6,10,15\n"
        "2026-11-22,53,lots,6,10,15\n"
    )

    rows, bad = read_readings(text)

    assert [row.line for row in rows] == [2]
    assert bad == [
        BadRow(3, "'20.11.2026' is not a date in the form YYYY-MM-DD"),
        BadRow(4, "the brand is empty"),
        BadRow(5, "brand: 'lots' is not a number"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("date,total,brand,people\n2026-11-20,1,1,0\n", "lacks the columns insights, relat"),
    ],
)
def test_a_file_without_a_usable_header_is_refused_whole(text: str, message: str) -> None:
    with pytest.raises(BadFileError, match=message):
        read_readings(text)


pillar = st.floats(min_value=0, max_value=25, allow_nan=False)
optional = st.none() | st.floats(min_value=0, max_value=100, allow_nan=False)


@given(
    st.lists(
        st.tuples(
            st.dates(dt.date(2015, 1, 1), dt.date(2026, 12, 31)),
            st.fixed_dictionaries(dict.fromkeys(Pillar, pillar)),
            optional,
            optional,
            optional,
            optional,
        ),
        max_size=5,
    )
)
def test_a_written_file_reads_back_exactly(
    found: list[tuple[dt.date, dict[Pillar, float], float | None, ...]],  # type: ignore[misc]
) -> None:
    """No precision is lost: LinkedIn's payload has 6 and more decimals."""
    written = [
        (day, ReadingValues(round(sum(pillars.values())), pillars, *benchmarks))
        for day, pillars, *benchmarks in found
    ]

    rows, bad = read_readings(write_readings(written))

    assert bad == []
    assert [(row.day, row.values) for row in rows] == written
