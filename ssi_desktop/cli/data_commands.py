"""`ssi export` and `ssi demo`: data out, and sample data in."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
from pathlib import Path

from ssi_desktop.cli import export_folder
from ssi_desktop.cli.common import (
    CliError,
    counted,
    opened_database,
    output_path,
    positive_int,
    write_text,
)
from ssi_desktop.demo import history as demo
from ssi_desktop.demo import outcomes as demo_pipeline
from ssi_desktop.demo import readings as demo_readings
from ssi_desktop.habits.default_plan import default_plan
from ssi_desktop.store import actions, export, habit_targets, network, profile
from ssi_desktop.store.db import database
from ssi_desktop.system import clock

DEMO_DAYS = 182


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    out = commands.add_parser(
        "export",
        parents=[db],
        help="write your log as CSV, or everything you recorded as JSON or CSV files",
        description=(
            "CSV holds the log of actions; JSON holds everything: the log, official readings, "
            "profile, network, targets, rest days, accounts, contacts, posts, conversations "
            "and outcomes. --everything writes all of them as one CSV file per kind."
        ),
    )
    out.add_argument(
        "--format",
        choices=("csv", "json"),
        default="csv",
        help="csv: the log; json: everything (default: csv)",
    )
    out.add_argument(
        "--out",
        metavar="FILE",
        help="file to write (default: standard output); with --everything, a folder",
    )
    out.add_argument("--excel", action="store_true", help="CSV with a UTF-8 BOM for Excel")
    out.add_argument(
        "--everything",
        action="store_true",
        help="with --format csv: one CSV per kind (log, readings, profile, network, targets, "
        "rest days, accounts, contacts, posts, conversations, outcomes) in the folder --out "
        "names",
    )
    out.add_argument(
        "--force",
        action="store_true",
        help="replace FILE (or the folder's files) if it exists; only regular files are replaced",
    )
    out.set_defaults(run=run_export)

    sample = commands.add_parser("demo", parents=[db], help="fill the database with sample history")
    sample.add_argument(
        "--days",
        type=positive_int,
        default=DEMO_DAYS,
        metavar="N",
        help=f"how many days of history, ending today (default: {DEMO_DAYS})",
    )
    sample.add_argument(
        "--seed",
        type=int,
        default=7,
        metavar="N",
        help="another number gives other sample data; the same number the same (default: 7)",
    )
    sample.set_defaults(run=run_demo)


def run_export(args: argparse.Namespace) -> int:
    if args.everything:
        return export_folder.run_everything(args)
    if args.out is not None:
        output_path(args.out, force=args.force)  # refuse before reading the whole log
    with opened_database(args):
        text = export.to_json() + "\n" if args.format == "json" else export.to_csv(args.excel)
    write_text(text, args.out, force=args.force)
    export_folder.say_where(
        args.out, "everything as JSON" if args.format == "json" else "the log as CSV"
    )
    return 0


def _demo_file(path: Path) -> Path:
    return path.with_name(f"{path.stem}-demo{path.suffix or '.sqlite3'}")


def run_demo(args: argparse.Namespace) -> int:
    """Replace earlier demo data with fresh sample history; refuse a log with real entries."""
    today = clock.today()
    first = today - dt.timedelta(days=args.days - 1)
    entries = list(demo.history(first, today, args.seed))
    with opened_database(args) as path, database.atomic():
        own = actions.entry_count() - actions.entries_from(demo.DEMO_SOURCE)
        if own:
            # Sample history mixed into a real log would invent streaks and inflate the score.
            own_file = shlex.quote(str(_demo_file(path)))
            raise CliError(
                f"{path} already holds {own:,} entries of your own, so no sample data was "
                f"added; try the demo on a file of its own: ssi demo --db {own_file}"
            )
        actions.delete_entries_from(demo.DEMO_SOURCE)
        from ssi_desktop.store.actions import record_many

        record_many(entries, today)
        if not profile.history().fingerprint():
            for event in demo.profile_events(first, today, args.seed):
                profile.set_item(event.item, event.done, event.day, today)
        if not network.all_records():
            for record in demo.network_records(first, today, args.seed):
                network.record(record, today)
        sample_readings = demo_readings.add_when_none(first, today, args.seed)
        sample_pipeline = demo_pipeline.add_when_none(first, today, args.seed)
        sample_targets = 0
        if not habit_targets.all_targets():
            habit_targets.replace_all(default_plan().targets)
            sample_targets = len(default_plan().targets)
    sample = counted(len(entries), "sample entry", "sample entries")
    print(f"Added {sample} from {first.isoformat()} to {today.isoformat()}.")
    if sample_readings:
        readings_added = counted(sample_readings, "sample official reading")
        print(f"Added {readings_added}, one every two weeks.")
    if sample_targets:
        print(f"Set the {sample_targets} weekly targets of the default plan (ssi target list).")
    if sample_pipeline:
        print(
            f"Added {sample_pipeline} sample accounts, contacts, posts, conversations and outcomes."
        )
    return 0
