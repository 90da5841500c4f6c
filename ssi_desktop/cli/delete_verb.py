"""The `delete` verb shared by `ssi post`, `ssi outcome` and `ssi conversation`."""

from __future__ import annotations

import argparse

from ssi_desktop.cli.common import Commands, opened_database, positive_int
from ssi_desktop.store import records


def add_delete_verb(verbs: Commands, db: argparse.ArgumentParser, what: records.Deletable) -> None:
    """`ssi WHAT delete ID [ID ...]`: remove records entered by mistake, all or none."""
    delete = verbs.add_parser("delete", parents=[db], help=f"remove {what}s entered by mistake")
    delete.add_argument(
        "ids",
        nargs="+",
        type=positive_int,
        metavar="ID",
        help=f"the {what}s' IDs (`ssi {what} list`)",
    )
    delete.set_defaults(run=lambda args: run_delete(args, what))


def run_delete(args: argparse.Namespace, what: records.Deletable) -> int:
    with opened_database(args):
        count = records.delete(what, args.ids)
    print(f"Deleted {count} {what}{'' if count == 1 else 's'}.")
    return 0
