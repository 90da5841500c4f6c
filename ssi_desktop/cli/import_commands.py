"""`ssi import linkedin | undo | list`: backfill from LinkedIn's data archive, and take it back."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import Any

from ssi_desktop.catalog import ACTION_BY_KEY
from ssi_desktop.cli.common import CliError, counted, opened_database, print_json, terminal_safe
from ssi_desktop.importers import backfill
from ssi_desktop.importers.linkedin import ArchiveError
from ssi_desktop.store import imports
from ssi_desktop.system import clock

SOURCE_LABELS = {
    # (one, many): "1 connection", "2 connections"
    "connections": ("connection", "connections"),
    "invitations_sent": ("invitation sent", "invitations sent"),
    "invitations_accepted": ("invitation accepted", "invitations accepted"),
    "conversations": ("conversation", "conversations"),
    "conversations_started": ("started by you", "started by you"),
    "conversations_replied": ("answered", "answered"),
    "posts": ("post or repost", "posts and reposts"),
    "comments": ("comment", "comments"),
    "reactions": ("reaction", "reactions"),
    "recommendations_received": ("recommendation received", "recommendations received"),
    "endorsements_received": ("endorsement received", "endorsements received"),
}


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    group = commands.add_parser(
        "import", help="backfill your log from LinkedIn's data archive, list or undo imports"
    )
    kinds = group.add_subparsers(title="import commands", metavar="WHAT", required=True)

    linkedin = kinds.add_parser(
        "linkedin",
        parents=[db],
        help="import the ZIP (or its unpacked folder) from LinkedIn's 'Get a copy of your data'",
    )
    linkedin.add_argument(
        "path", metavar="PATH", type=Path, help="the archive's ZIP file or its unpacked folder"
    )
    linkedin.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    linkedin.add_argument("--json", action="store_true", help="print the summary as JSON")
    linkedin.set_defaults(run=run_linkedin)

    undo = kinds.add_parser("undo", parents=[db], help="remove everything one import added")
    undo.add_argument(
        "batch", metavar="BATCH", type=int, nargs="?", help="import number (default: the latest)"
    )
    undo.add_argument("--json", action="store_true", help="print JSON")
    undo.set_defaults(run=run_undo)

    listing = kinds.add_parser("list", parents=[db], help="list past imports, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)


def run_linkedin(args: argparse.Namespace) -> int:
    path: Path = args.path.expanduser()
    today = clock.today()
    with opened_database(args):
        try:
            plan = backfill.plan_import(path, today)
        except ArchiveError as error:
            raise CliError(str(error).rstrip(".")) from error
        outcome = None if args.dry_run else backfill.commit(plan, today)
    summary = plan.summary()
    summary["dry_run"] = bool(args.dry_run)
    if outcome is not None:
        summary["added"] = outcome.added
        summary["already_known"] = outcome.already_known
        summary["profile_items_added"] = list(outcome.profile_items)
    summary["batch"] = outcome.batch if outcome is not None else None
    if args.json:
        print_json(summary)
    else:
        print(terminal_safe("\n".join(describe(summary)), keep_lines=True))
    return 0


def describe(summary: dict[str, Any]) -> list[str]:
    """The summary in a few lines for people."""
    lines = [f"{summary['archive']}"]
    if summary["first_day"]:
        lines.append(
            f"  {counted(summary['entries'], 'action')} from {summary['first_day']} "
            f"to {summary['last_day']}"
        )
    else:
        lines.append("  no dated actions found")
    found = [counted(count, *SOURCE_LABELS[key]) for key, count in summary["sources"].items()]
    lines.append(_wrapped("found: " + ", ".join(found)))
    per_type = [
        f"{count:,} × {ACTION_BY_KEY[key].label}" for key, count in summary["actions"].items()
    ]
    if per_type:
        lines.append(_wrapped("as actions: " + ", ".join(per_type)))
    if summary["profile_items"]:
        lines.append("  profile items present: " + ", ".join(summary["profile_items"]))
    for reason, count in summary["skipped"].items():
        lines.append(f"  skipped {count:,}: {reason}")
    added, known = summary["added"], summary["already_known"]
    if summary["dry_run"]:
        lines.append(
            f"Dry run: {counted(added, 'new entry', 'new entries')} would be added "
            f"({known:,} already in your log); "
            "nothing was written."
        )
    elif summary["batch"] is None:
        lines.append(
            "Nothing new: the one entry is already in your log."
            if known == 1
            else f"Nothing new: all {known:,} entries are already in your log."
        )
    else:
        lines.append(
            f"Added {counted(added, 'entry', 'entries')} as import #{summary['batch']} "
            f"({known:,} {'was' if known == 1 else 'were'} already in your log). "
            f"`ssi import undo {summary['batch']}` takes it back."
        )
    return lines


def _wrapped(text: str) -> str:
    return textwrap.fill(text, width=100, initial_indent="  ", subsequent_indent="    ")


def run_undo(args: argparse.Namespace) -> int:
    with opened_database(args):
        try:
            undone = imports.undo(args.batch)
        except imports.UndoImportError as error:
            raise CliError(str(error)) from error
    if args.json:
        print_json(undone.as_json())
    else:
        items = (
            f" and {counted(undone.profile_items, 'profile item')}" if undone.profile_items else ""
        )
        entries = counted(undone.entries, "entry", "entries")
        print(f"Undid import {undone.title}: removed {entries}{items}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        found = imports.batches()
    if args.json:
        print_json([batch.as_json() for batch in found])
        return 0
    if not found:
        print("No imports yet. `ssi import linkedin PATH` backfills from LinkedIn's archive.")
        return 0
    for batch in found:
        state = f"undone {batch.undone_at.date()}" if batch.undone_at is not None else "active"
        print(
            f"#{batch.id:<4} {batch.imported_at:%Y-%m-%d %H:%M} UTC  "
            f"{counted(batch.entries, 'entry', 'entries'):>15}"
            f"  {state:<17} {batch.file_name}"
        )
    return 0
