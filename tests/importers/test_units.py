"""Dates, URL/name normalization and text helpers."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_desktop.importers.linkedin.dates import day_from_name, parse_datetime
from ssi_desktop.importers.linkedin.owner import normalize_profile_url
from ssi_desktop.importers.linkedin.textutil import count_words, unwrap

D = dt.datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09 Sep 2022", D(2022, 9, 9)),
        ("1/8/18, 6:14 PM", D(2018, 1, 8, 18, 14)),
        ('"1/8/18, 6:14 PM"', D(2018, 1, 8, 18, 14)),
        ("12/15/24, 7:47 AM", D(2024, 12, 15, 7, 47)),
        ("12/15/24, 12:05 AM", D(2024, 12, 15, 0, 5)),
        ("12/15/24, 12:05 PM", D(2024, 12, 15, 12, 5)),
        ("2023-06-11 15:33:58 UTC", D(2023, 6, 11, 15, 33, 58)),
        ("2022-09-08 04:10:18", D(2022, 9, 8, 4, 10, 18)),
        ("2017/06/08 08:15:44 UTC", D(2017, 6, 8, 8, 15, 44)),
        ("12/09/22, 07:18 PM", D(2022, 12, 9, 19, 18)),
        ("2024/12/07 14:51:07 UTC", D(2024, 12, 7, 14, 51, 7)),
        ("23-Nov-21", D(2021, 11, 23)),
        ("5-Jan-2022", D(2022, 1, 5)),
        ("2024-01-02T03:04:05Z", D(2024, 1, 2, 3, 4, 5)),
        ("2024-01-02 03:04:05 +02:00", D(2024, 1, 2, 1, 4, 5)),
        ("25/12/2023 18:00", D(2023, 12, 25, 18, 0)),  # re-saved by a European Excel
        ("  09 sep 2022  ", D(2022, 9, 9)),
    ],
)
def test_every_date_shape(text: str, expected: dt.datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "1999-01-01 00:00:00",
        "02 Jan 2002",
        "13/13/22, 1:00 PM",
        "2024-02-30",
        "1/1/24, 13:00 PM",
        "31 Foo 2022",
        "9" * 50,
    ],
)
def test_not_dates(text: str) -> None:
    assert parse_datetime(text) is None


def test_archive_date_from_the_name() -> None:
    assert day_from_name("Complete_LinkedInDataExport_11-02-2025.zip.zip") == dt.date(2025, 11, 2)
    assert day_from_name("Basic_LinkedInDataExport_13-45-2025.zip") is None
    assert day_from_name("export.zip") is None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/j%C3%BCrgen-m",
        "https://www.linkedin.com/in/jürgen-m",
        "http://linkedin.com/in/J%C3%BCrgen-M/",
        "www.linkedin.com/in/jürgen-m?trk=abc",
        "de.linkedin.com/in/jürgen-m/details/",
    ],
)
def test_profile_urls_are_compared_decoded(url: str) -> None:
    assert normalize_profile_url(url) == "https://www.linkedin.com/in/jürgen-m"


def test_empty_or_odd_urls() -> None:
    assert normalize_profile_url("   ") is None
    assert normalize_profile_url("http://[::1") is None
    assert normalize_profile_url("https://example.org/x/") == "https://example.org/x"


def test_unwrap_and_count_words() -> None:
    assert unwrap('"one two"\n"three"') == "one two\nthree"
    assert unwrap('"Just quoted"') == '"Just quoted"'  # a single line is left as written
    assert unwrap('He said "yes"\nand left') == 'He said "yes"\nand left'
    assert count_words("Hello, world — 🚀 #sales 2024 ...") == 4
