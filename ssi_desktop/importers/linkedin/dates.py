"""Dates as LinkedIn wrote them from 2018 to 2026 (no locale, no strptime).

Accepted shapes (times with ``UTC``/``Z``/an offset are turned into naive UTC; the others are
kept as written):

- ``09 Sep 2022`` (Connections), ``23-Nov-21`` (the same re-saved by Excel)
- ``1/8/18, 6:14 PM``, ``12/09/22, 07:18 PM``, ``12/15/24, 7:47 AM`` (US month/day/year; a
  first number above 12 is read as day/month, as a European Excel writes it)
- ``2023-06-11 15:33:58 UTC``, ``2022-09-08 04:10:18``, ``2017/06/08 08:15:44 UTC``,
  ``2024/12/07 14:51:07 UTC``, ISO ``2024-01-02T03:04:05Z``

Anything else, and any date before 2003 (LinkedIn's launch), gives ``None``.
"""

from __future__ import annotations

import datetime
import re

MIN_YEAR = 2003

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})")
_US = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?"
)
_ISO = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?"
)
_NAME_DATE = re.compile(r"(?<!\d)(\d{2})-(\d{2})-(\d{4})(?!\d)")


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if len(text) == 2 else value


def _build(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime.datetime | None:
    if year < MIN_YEAR:
        return None
    try:
        return datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _iso(match: re.Match[str]) -> datetime.datetime | None:
    year, month, day, hour, minute, second, zone = match.groups()
    value = _build(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
    )
    if value is None or not zone or zone in {"UTC", "GMT", "Z"}:
        return value
    sign = 1 if zone[0] == "+" else -1
    digits = zone[1:].replace(":", "")
    offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        shifted = value - sign * offset
    except OverflowError:
        return None
    return shifted if shifted.year >= MIN_YEAR else None


def _us(match: re.Match[str]) -> datetime.datetime | None:
    first, second_part, year, hour, minute, second, meridiem = match.groups()
    month, day = int(first), int(second_part)
    if month > 12 >= day:
        month, day = day, month
    hours = int(hour or 0)
    if meridiem:
        if not 1 <= hours <= 12:
            return None
        is_pm = meridiem[0] in "Pp"
        hours = hours % 12 + (12 if is_pm else 0)
    return _build(_year(year), month, day, hours, int(minute or 0), int(second or 0))


def _named_month(match: re.Match[str]) -> datetime.datetime | None:
    day, month_name, year = match.groups()
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    return _build(_year(year), month, int(day))


def parse_datetime(text: str) -> datetime.datetime | None:
    """Read one LinkedIn date or timestamp; ``None`` when it is not a date LinkedIn writes."""
    value = text.strip().strip('"').strip()
    if not value or len(value) > 40:
        return None
    for pattern, build in ((_ISO, _iso), (_US, _us), (_DAY_MONTH_YEAR, _named_month)):
        match = pattern.fullmatch(value)
        if match is not None:
            return build(match)
    return None


def day_from_name(name: str) -> datetime.date | None:
    """The archive's date from a name like ``Basic_LinkedInDataExport_03-15-2024.zip``."""
    found: datetime.date | None = None
    for match in _NAME_DATE.finditer(name):
        month, day, year = (int(part) for part in match.groups())
        if year < MIN_YEAR:
            continue
        try:
            found = datetime.date(year, month, day)
        except ValueError:
            continue
    return found
