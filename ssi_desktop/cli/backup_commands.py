"""`ssi backup`, `ssi restore` and `ssi start-fresh`: keeping the log safe, and getting it back."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ssi_desktop.cli.common import CliError, counted, opened_database, output_path, print_json
from ssi_desktop.store import backup, health
from ssi_desktop.store.db import DatabaseError, refuse_special_file
from ssi_desktop.store.migrations import LATEST_VERSION
from ssi_desktop.system import paths
from ssi_desktop.system.window_lock import window_holding


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    save = commands.add_parser(
        "backup",
        parents=[db],
        help="back up the database now, or list the backups",
        description="Without arguments: a new backup in the backups folder beside the "
        f"database (the {backup.KEEP} newest are kept). `ssi backup list` shows them.",
    )
    save.add_argument("what", nargs="?", choices=("list",), help="list the backups")
    save.add_argument("--out", metavar="FILE", help="write the backup to FILE instead")
    save.add_argument("--json", action="store_true", help="print JSON")
    save.set_defaults(run=run_backup)

    back = commands.add_parser(
        "restore",
        parents=[db],
        help="replace the database with a backup (the current file is kept aside)",
    )
    back.add_argument("file", metavar="FILE", type=Path, help="a backup file")
    back.set_defaults(run=run_restore)

    fresh = commands.add_parser(
        "start-fresh",
        parents=[db],
        help="move the database aside (nothing is deleted) and start an empty log",
    )
    fresh.set_defaults(run=run_start_fresh)


def _when(taken_at: dt.datetime) -> str:
    return taken_at.strftime("%Y-%m-%d %H:%M")


def run_backup(args: argparse.Namespace) -> int:
    if args.what == "list":
        return _list_backups(args)
    path = paths.database_path(getattr(args, "db", None))
    try:
        refuse_special_file(path)
    except DatabaseError as error:
        raise CliError(str(error)) from error
    if not path.is_file():
        raise CliError(f"there is no database at {path} yet, so nothing to back up")
    out = output_path(args.out, force=False) if args.out else None
    try:
        with opened_database(args):  # checks the file and brings its schema up to date
            if out is None:
                made = backup.back_up_now(path, dt.datetime.now())
            else:
                made = backup.write_backup(path, out)
    except DatabaseError as error:
        raise CliError(str(error)) from error
    if args.json:
        print_json({**made.as_json(), "pruned": [str(old) for old in made.pruned]})
    else:
        print(f"Backed up {made.entries} to {made.path}.")
        if made.pruned:
            names = ", ".join(old.name for old in made.pruned)
            print(f"Removed {len(made.pruned)} older backups to keep {backup.KEEP}: {names}.")
    return 0


def _list_backups(args: argparse.Namespace) -> int:
    if args.out:
        raise CliError("--out makes a backup; it does not go with `list`")
    path = paths.database_path(getattr(args, "db", None))
    found = backup.backups(path)
    if args.json:
        print_json([b.as_json() for b in found])
        return 0
    if not found:
        print(f"No backups yet in {backup.backup_folder(path)}.")
    for item in found:
        entries = counted(item.entry_count, "entry", "entries")
        print(f"{_when(item.taken_at)}  {entries:>15}  {item.path}")
    return 0


def refuse_while_a_window_is_open(path: Path) -> None:
    """Swapping the file under an open window would send its next adds to the old file.

    A path that holds no regular file (a pipe, a device, a folder) is refused first: it is
    not a database, so it is never moved aside.
    """
    try:
        refuse_special_file(path)
    except DatabaseError as error:
        raise CliError(str(error)) from error
    holder = window_holding(path)
    if holder is not None:
        who = f" (process {holder})" if holder else ""
        raise CliError(
            f"SSI Desktop has {path} open{who}; close its window first (or use File ▸ "
            "Restore from Backup… there)"
        )


def run_restore(args: argparse.Namespace) -> int:
    path = paths.database_path(getattr(args, "db", None))
    refuse_while_a_window_is_open(path)
    source = args.file.expanduser()
    if not source.is_file():
        raise CliError(f"{source} does not exist or is not a file")
    if source.resolve() == path.resolve():
        raise CliError(f"{source} is the database itself; choose a backup file")
    try:
        chosen = backup.describe(source)
        aside = backup.restore(source, path, dt.datetime.now())
    except DatabaseError as error:
        raise CliError(f"nothing was changed: {error}") from error
    print(f"Restored {chosen.entries} from the backup of {_when(chosen.taken_at)} into {path}.")
    if aside is not None:
        print(f"The database it replaced was kept as {aside}.")
    return 0


def run_start_fresh(args: argparse.Namespace) -> int:
    path = paths.database_path(getattr(args, "db", None))
    refuse_while_a_window_is_open(path)
    if not path.exists():
        print(f"There is no database at {path}: the next command starts an empty log there.")
        return 0
    bad = health.diagnose(path, LATEST_VERSION) is not None
    aside = health.move_aside(path, "bad" if bad else "set-aside", dt.datetime.now())
    print(f"Moved {path} to {aside}; the next command starts an empty log.")
    return 0
