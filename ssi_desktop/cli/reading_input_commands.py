"""`ssi reading paste|import|export`: readings as LinkedIn's page shows them, and as a file.

Paste reads the SSI page copied from a browser, or the JSON the page loads. The readings file
is a CSV with a header row (reading_formats/csv_file.py). An import never overwrites a stored
reading silently: a row that differs from the stored reading of its day is reported, and only
`--replace` puts it in; a file with bad rows writes nothing unless `--skip-bad` is given.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ssi_desktop.application import estimate
from ssi_desktop.catalog import Pillar
from ssi_desktop.cli.common import (
    CliError,
    Commands,
    counted,
    not_in_future,
    opened_database,
    parse_day,
    print_json,
    write_text,
)
from ssi_desktop.reading_formats.csv_file import (
    COLUMNS,
    BadFileError,
    BadRow,
    read_readings,
    write_readings,
)
from ssi_desktop.reading_formats.paste import NoReadingError, parse_pasted
from ssi_desktop.store import readings
from ssi_desktop.store.readings import InvalidReadingError, OfficialReading
from ssi_desktop.system import clock, paths

MAX_INPUT_BYTES = 4 * 1024 * 1024
"""An SSI page copied whole is a few kilobytes and a readings file of ten years of daily
readings about 300 KB: anything bigger is not what the seller meant to give."""


def register(verbs: Commands, db: argparse.ArgumentParser) -> None:
    paste = verbs.add_parser(
        "paste",
        parents=[db],
        help="save the reading in LinkedIn's SSI page, copied as text or as its JSON",
        description=(
            "Read an official reading from LinkedIn's Social Selling Index page: select all on "
            "the page, copy, and pipe or save it here. The page's JSON payload works too."
        ),
    )
    paste.add_argument(
        "file", nargs="?", metavar="FILE", help="where the copied page is (default: standard input)"
    )
    paste.add_argument(
        "--date", type=parse_day, metavar="YYYY-MM-DD", help="day of the reading (default: today)"
    )
    paste.add_argument("--dry-run", action="store_true", help="show what would be saved only")
    paste.add_argument("--json", action="store_true", help="print the reading as JSON")
    paste.set_defaults(run=run_paste)

    import_ = verbs.add_parser(
        "import",
        parents=[db],
        help="add the readings of a CSV file",
        description=(
            f"Add readings from a CSV file with a header row ({', '.join(COLUMNS)}; the "
            "last four may be left out). Rows already stored are skipped."
        ),
    )
    import_.add_argument("file", metavar="FILE.csv", help="the readings file")
    import_.add_argument(
        "--skip-bad", action="store_true", help="import the good rows of a file with bad rows"
    )
    import_.add_argument(
        "--replace",
        action="store_true",
        help="let rows replace different stored readings of the same day",
    )
    import_.add_argument("--dry-run", action="store_true", help="report what would change only")
    import_.add_argument("--json", action="store_true", help="print the outcome as JSON")
    import_.set_defaults(run=run_import)

    export = verbs.add_parser(
        "export",
        parents=[db],
        help="write every reading as CSV",
        description="Write every reading as a CSV file that `ssi reading import` reads back.",
    )
    export.add_argument("--out", metavar="FILE", help="file to write (default: standard output)")
    export.set_defaults(run=run_export)


def _read_input(name: str | None, what: str) -> str:
    """The text of FILE, or of standard input when FILE is absent or '-'."""
    try:
        if name is None or name == "-":
            if sys.stdin.isatty():
                print(f"Paste {what}, then press Ctrl+D on a line of its own:", file=sys.stderr)
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
            source = "standard input"
        else:
            source = name
            with Path(name).expanduser().open("rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise CliError(f"cannot read {name}: {error.strerror or error}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise CliError(f"{source} holds over {MAX_INPUT_BYTES // 2**20} MB: not {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{source} is not text in UTF-8: not {what}") from None


def listed_json(found: list[OfficialReading]) -> list[dict[str, object]]:
    """The readings as `ssi reading list --json` prints them, each beside the estimate of its
    day (the database is open)."""
    if not found:
        return []
    days = sorted(r.day for r in found)
    estimates = estimate.series(days[0], days[-1])
    rows = []
    for r in found:
        row = r.as_json()
        row["estimate"] = estimates.on(r.day).total
        rows.append(row)
    return rows


def describe(reading: OfficialReading) -> str:
    """One line with every number of a reading, as the seller would check it against the page."""
    pillars = ", ".join(f"{p.value} {reading.pillars[p]:g}" for p in Pillar)
    benchmarks = []
    for group, rank, average in (
        ("industry", reading.industry_rank, reading.industry_avg),
        ("network", reading.network_rank, reading.network_avg),
    ):
        parts = [
            f"top {rank:g}%" if rank is not None else "",
            f"average {average:g}" if average is not None else "",
        ]
        shown = ", ".join(filter(None, parts))
        if shown:
            benchmarks.append(f"{group} {shown}")
    extra = f"; {'; '.join(benchmarks)}" if benchmarks else ""
    return f"SSI {reading.total:g} of {reading.day.isoformat()} ({pillars}{extra})"


def run_paste(args: argparse.Namespace) -> int:
    text = _read_input(args.file, "a copied SSI page")
    try:
        values = parse_pasted(text)
    except NoReadingError as error:
        raise CliError(str(error)) from None
    reading = readings.dated(values, not_in_future(args.date))
    replaced: OfficialReading | None = None
    readings.check_reading(reading, clock.today())
    if args.dry_run and not _database_exists(args):
        # A dry run creates no database: with none yet, nothing is replaced or estimated.
        shown: dict[str, object] = {**reading.as_json(), "estimate": None}
    else:
        with opened_database(args):
            if args.dry_run:
                replaced = readings.on(reading.day)
            else:
                replaced = readings.record(reading, clock.today())
            shown = listed_json([reading])[0]
    if args.json:
        print_json(shown)
        return 0
    if replaced is None:
        saved = f"{'Would record' if args.dry_run else 'Recorded'} the official {describe(reading)}"
    else:
        verb = "Would replace" if args.dry_run else "Replaced"
        saved = f"{verb} the official SSI {replaced.total:g} of that day with {describe(reading)}"
    print(f"{saved}; nothing was written (--dry-run)." if args.dry_run else f"{saved}.")
    return 0


def _same(a: OfficialReading, b: OfficialReading) -> bool:
    def close(x: float | None, y: float | None) -> bool:
        if x is None or y is None:
            return x is y
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)

    first, second = a.values, b.values
    return all(close(first.pillars[p], second.pillars[p]) for p in Pillar) and all(
        close(getattr(first, name), getattr(second, name))
        for name in ("total", "industry_rank", "network_rank", "industry_avg", "network_avg")
    )


@dataclass
class ImportPlan:
    """What an import would do, row by row."""

    new: list[OfficialReading] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[tuple[int, OfficialReading, OfficialReading]] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)

    def to_write(self, replace: bool) -> list[OfficialReading]:
        return self.new + ([new for _, _, new in self.conflicts] if replace else [])


def _database_exists(args: argparse.Namespace) -> bool:
    return paths.database_path(getattr(args, "db", None)).exists()


def plan_import(text: str, stored_readings: list[OfficialReading]) -> ImportPlan:
    """Sort the rows of a readings file against the stored readings."""
    try:
        rows, bad = read_readings(text)
    except BadFileError as error:
        raise CliError(str(error)) from None
    plan = ImportPlan(bad=list(bad))
    stored = {r.day: r for r in stored_readings}
    in_file: dict[object, tuple[int, OfficialReading]] = {}
    today = clock.today()
    for row in rows:
        reading = readings.dated(row.values, row.day)
        try:
            readings.check_reading(reading, today)
        except InvalidReadingError as error:
            plan.bad.append(BadRow(row.line, str(error)))
            continue
        if row.day in in_file:
            first_line, first = in_file[row.day]
            if not _same(first, reading):
                plan.bad.append(
                    BadRow(row.line, f"another reading of {row.day} than line {first_line}")
                )
            continue
        in_file[row.day] = (row.line, reading)
        old = stored.get(row.day)
        if old is None:
            plan.new.append(reading)
        elif _same(old, reading):
            plan.unchanged += 1
        else:
            plan.conflicts.append((row.line, old, reading))
    plan.bad.sort(key=lambda bad_row: bad_row.line)
    return plan


def _import_json(plan: ImportPlan, args: argparse.Namespace) -> dict[str, object]:
    return {
        "file": args.file,
        "dry_run": args.dry_run,
        "added": len(plan.new),
        "unchanged": plan.unchanged,
        "conflicts": [
            {
                "line": line,
                "date": new.day.isoformat(),
                "stored_total": old.total,
                "file_total": new.total,
            }
            for line, old, new in plan.conflicts
        ],
        "replaced": len(plan.conflicts) if args.replace else 0,
        "bad_rows": [{"line": bad.line, "reason": bad.reason} for bad in plan.bad],
    }


def _checked(plan: ImportPlan, args: argparse.Namespace) -> ImportPlan:
    """The plan, unless bad rows stop the whole file."""
    if plan.bad and not args.skip_bad:
        lines = "\n".join(f"  line {bad.line}: {bad.reason}" for bad in plan.bad)
        raise CliError(
            f"{args.file} has {counted(len(plan.bad), 'bad row')}, so nothing was imported "
            f"(--skip-bad imports the other rows):\n{lines}"
        )
    return plan


def run_import(args: argparse.Namespace) -> int:
    text = _read_input(args.file, "a readings file")
    if args.dry_run and not _database_exists(args):
        # A dry run creates no database: with none yet, every good row would be new.
        plan = _checked(plan_import(text, []), args)
    else:
        with opened_database(args):
            plan = _checked(plan_import(text, readings.all_readings()), args)
            if not args.dry_run:
                readings.record_all(plan.to_write(args.replace), clock.today())
    if args.json:
        print_json(_import_json(plan, args))
        return 0
    added = len(plan.new)
    verb = "Would import" if args.dry_run else "Imported"
    summary = [f"{verb} {counted(added, 'new reading')} from {args.file}"]
    if plan.unchanged:
        summary.append(f"{counted(plan.unchanged, 'row')} already stored")
    if plan.bad:
        summary.append(f"{counted(len(plan.bad), 'bad row')} skipped")
    print("; ".join(summary) + ".")
    for bad in plan.bad:
        print(f"  line {bad.line}: {bad.reason}")
    if plan.conflicts:
        if args.replace:
            verb = "Would replace" if args.dry_run else "Replaced"
            head = f"{verb} {counted(len(plan.conflicts), 'stored reading')}:"
        else:
            head = (
                f"Left out {counted(len(plan.conflicts), 'row')} unlike the stored reading of "
                "the same day (--replace puts them in):"
            )
        print(head)
        for line, old, new in plan.conflicts:
            print(f"  line {line}: stored SSI {old.total:g}, in the file {describe(new)}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    with opened_database(args):
        found = readings.all_readings()
    write_text(write_readings((r.day, r.values) for r in found), args.out)
    if args.out is not None:
        print(f"Wrote {counted(len(found), 'reading')} to {args.out}.", file=sys.stderr)
    return 0
