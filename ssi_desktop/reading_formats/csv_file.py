"""The readings file: one reading per row under a header row, read and written as CSV.

The header names the columns (in any order): date, total, brand, people, insights,
relationships, and optionally industry_rank, network_rank, industry_avg, network_avg. Names
are matched loosely ("Industry SSI rank", "industry-avg", "Total SSI"), the separator may be a
comma, a semicolon or a tab, and numbers may use a decimal comma (a spreadsheet in German or
Portuguese saves "20,998" in a semicolon-separated file). Ranks may be written "Top 9%".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ssi_desktop.catalog import Pillar
from ssi_desktop.reading_formats.values import ReadingValues, parse_number, parse_rank

COLUMNS = (
    "date",
    "total",
    "brand",
    "people",
    "insights",
    "relationships",
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)
REQUIRED = COLUMNS[:6]

_ALIASES: Mapping[str, tuple[str, ...]] = {
    "date": ("day", "reading_date", "as_of"),
    "total": ("ssi", "total_ssi", "ssi_total", "ssi_score", "score", "overall",
              "social_selling_index"),
    "brand": ("professional_brand", "establish_your_professional_brand", "brand_pillar"),
    "people": ("right_people", "find_the_right_people", "find_right_people", "people_pillar"),
    "insights": ("insight", "engage_with_insights", "insight_engagement", "insights_pillar"),
    "relationships": ("relationship", "build_relationships", "strong_relationship",
                      "strong_relationships", "relationships_pillar"),
    "industry_rank": ("industry_ssi_rank", "industry_top", "industry_top_percent",
                      "industry_rank_percent", "industry_rank_pct", "industry_top_pct"),
    "network_rank": ("network_ssi_rank", "network_top", "network_top_percent",
                     "network_rank_percent", "network_rank_pct", "network_top_pct"),
    "industry_avg": ("industry_average", "industry_avg_ssi", "industry_average_ssi",
                     "industry_ssi_avg", "industry_ssi_average"),
    "network_avg": ("network_average", "network_avg_ssi", "network_average_ssi",
                    "network_ssi_avg", "network_ssi_average"),
}  # fmt: skip
_COLUMN_OF = {alias: column for column, names in _ALIASES.items() for alias in (column, *names)}
_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


class BadFileError(ValueError):
    """The file cannot be a readings file at all (no header, a required column missing)."""


@dataclass(frozen=True)
class FileRow:
    """A row that reads as a reading: its line in the file, its day and its numbers."""

    line: int
    day: dt.date
    values: ReadingValues


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


def column_name(header: str) -> str | None:
    """The column a header cell names, or None for a column this file format does not use."""
    key = re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")
    return _COLUMN_OF.get(key)


def _separator(first_line: str) -> str:
    return max((";", ",", "\t"), key=first_line.count)


def _day(text: str) -> dt.date:
    match = _DATE.fullmatch(text.strip())
    try:
        if match is None:
            raise ValueError
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a date in the form YYYY-MM-DD") from None


def _cell(cells: Mapping[str, str], column: str) -> float | None:
    """The number in an optional column; None when the cell is empty or absent."""
    text = cells.get(column, "").strip()
    if not text:
        return None
    parse = parse_rank if column.endswith("rank") else parse_number
    try:
        return parse(text)
    except ValueError as error:
        raise ValueError(f"{column}: {error}") from None


def _required(cells: Mapping[str, str], column: str) -> float:
    value = _cell(cells, column)
    if value is None:
        raise ValueError(f"the {column} is empty")
    return value


def _row(cells: Mapping[str, str]) -> tuple[dt.date, ReadingValues]:
    day = _day(cells.get("date", ""))
    total = _required(cells, "total")
    pillars = {p: _required(cells, p.value) for p in Pillar}
    return day, ReadingValues(
        total,
        pillars,
        industry_rank=_cell(cells, "industry_rank"),
        network_rank=_cell(cells, "network_rank"),
        industry_avg=_cell(cells, "industry_avg"),
        network_avg=_cell(cells, "network_avg"),
    )


def read_readings(text: str) -> tuple[list[FileRow], list[BadRow]]:
    """The rows of a readings file that read as readings, and the ones that do not, each with
    its line number. BadFileError when the header is missing or lacks a required column."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise BadFileError("the file is empty: it needs a header row and one row per reading")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(first))
    header: list[str | None] | None = None
    rows: list[FileRow] = []
    bad: list[BadRow] = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [column_name(cell) for cell in cells]
            missing = [column for column in REQUIRED if column not in header]
            if missing:
                raise BadFileError(
                    f"the header row lacks the column{'s' if len(missing) > 1 else ''} "
                    f"{', '.join(missing)} (it needs {', '.join(REQUIRED)})"
                )
            continue
        named = {column: cell for column, cell in zip(header, cells, strict=False) if column}
        try:
            day, values = _row(named)
        except ValueError as error:
            bad.append(BadRow(reader.line_num, str(error)))
            continue
        rows.append(FileRow(reader.line_num, day, values))
    return rows, bad


def _number_text(value: float | None) -> str:
    """The shortest text that reads back as the same float: no precision is lost on a trip
    through the file."""
    if value is None:
        return ""
    # repr is the shortest exact text; Decimal writes it without an exponent, which a
    # spreadsheet (and parse_number) would not read as a number.
    text = format(Decimal(repr(float(value))), "f")
    return text.removesuffix(".0")


def write_readings(readings: Iterable[tuple[dt.date, ReadingValues]]) -> str:
    """The readings as a file `read_readings` reads back the same, header first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for day, values in readings:
        writer.writerow(
            [
                day.isoformat(),
                _number_text(values.total),
                *(_number_text(values.pillars[p]) for p in Pillar),
                _number_text(values.industry_rank),
                _number_text(values.network_rank),
                _number_text(values.industry_avg),
                _number_text(values.network_avg),
            ]
        )
    return out.getvalue()
