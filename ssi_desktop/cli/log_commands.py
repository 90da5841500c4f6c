"""`ssi types`, `ssi add`, `ssi log` and `ssi undo`: the action log."""

from __future__ import annotations

import argparse
import datetime as dt

from ssi_desktop.catalog import ACTIONS, action, lookup_action
from ssi_desktop.cli.common import (
    not_in_future,
    opened_database,
    parse_day,
    positive_int,
    print_json,
    terminal_safe,
)
from ssi_desktop.store import accounts, actions
from ssi_desktop.store.export import entry_record
from ssi_desktop.system import clock

DEFAULT_LOG_DAYS = 90


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    types = commands.add_parser("types", parents=[db], help="list the action types you can log")
    types.add_argument("--json", action="store_true", help="print JSON")
    types.set_defaults(run=run_types)

    add = commands.add_parser("add", parents=[db], help="log actions you did")
    add.add_argument("key", metavar="KEY", help="an action type (see `ssi types`)")
    add.add_argument("--count", type=int, default=1, metavar="N", help="how many (default 1)")
    add.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--note", default="", metavar="TEXT", help="what it was about")
    add.add_argument(
        "--target",
        action="store_true",
        help="the contact is at a target account or a decision-maker",
    )
    add.add_argument(
        "--contact",
        type=positive_int,
        metavar="ID",
        help="who it was with (see `ssi contact list`)",
    )
    add.set_defaults(run=run_add)

    log = commands.add_parser("log", parents=[db], help="show logged actions, newest first")
    log.add_argument("--since", type=parse_day, metavar="YYYY-MM-DD", help="default: 90 days ago")
    log.add_argument("--json", action="store_true", help="print JSON")
    log.set_defaults(run=run_log)

    undo = commands.add_parser("undo", parents=[db], help="remove the newest entry")
    undo.set_defaults(run=run_undo)


def run_types(args: argparse.Namespace) -> int:
    if args.json:
        print_json(
            [
                {
                    "key": a.key,
                    "pillar": a.pillar.value,
                    "label": a.label,
                    "ssi_points": a.seen_by_linkedin,
                }
                for a in ACTIONS
            ]
        )
        return 0
    width = max(len(a.key) for a in ACTIONS)
    for a in ACTIONS:
        unseen = "" if a.seen_by_linkedin else "  (no SSI points: LinkedIn cannot see it)"
        print(f"{a.key:<{width}}  {a.pillar.value:<13}  {a.label}{unseen}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    entry = actions.NewEntry(
        lookup_action(args.key).key,
        day,
        args.count,
        args.note,
        args.target,
        source="cli",
        contact_id=args.contact,
    )
    actions.check_entry(entry, clock.today())  # refuse before the database file is even created
    with opened_database(args):
        stored = actions.record(entry, clock.today())
    label = action(stored.key).label
    print(f"Logged {stored.count} x {label} on {day.isoformat()} (entry {stored.id}).")
    return 0


def run_log(args: argparse.Namespace) -> int:
    since = args.since or clock.today() - dt.timedelta(days=DEFAULT_LOG_DAYS - 1)
    with opened_database(args):
        logged = actions.entries(since=since)
        contact_names = accounts.contact_names_by_entry(e.id for e in logged)
    rows = [entry_record(e) for e in logged]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(f"No entries since {since.isoformat()}.")
    for entry, row in zip(logged, rows, strict=True):
        note = f"  ({terminal_safe(str(row['note']))})" if row["note"] else ""
        name = contact_names.get(entry.id)
        with_whom = f" with {terminal_safe(name)}" if name else ""
        print(f"{row['date']}  {row['count']:>4} x {row['label']}{with_whom}{note}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    with opened_database(args):
        removed = actions.undo_last()
    if removed is None:
        print("Nothing to undo: the log is empty.")
        return 1
    label = action(removed.key).label
    print(f"Removed {removed.count} x {label} on {removed.day.isoformat()} (entry {removed.id}).")
    return 0
