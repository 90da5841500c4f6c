"""`ssi profile list|set`: the profile checklist of the brand pillar."""

from __future__ import annotations

import argparse
import datetime as dt

from ssi_desktop.catalog import PROFILE_ITEMS
from ssi_desktop.cli.common import not_in_future, opened_database, parse_day, print_json
from ssi_desktop.store import profile
from ssi_desktop.system import clock


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser("profile", parents=[db], help="your profile checklist")
    verbs = parser.add_subparsers(metavar="list|set", required=True)

    listing = verbs.add_parser("list", parents=[db], help="each item and whether it is done")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    setting = verbs.add_parser("set", parents=[db], help="mark an item done or undone")
    setting.add_argument(
        "item",
        metavar="ITEM",
        choices=[p.key for p in PROFILE_ITEMS],
        help=f"one of: {', '.join(p.key for p in PROFILE_ITEMS)}",
    )
    state = setting.add_mutually_exclusive_group(required=True)
    state.add_argument("--done", dest="done", action="store_true", help="the item is done")
    state.add_argument(
        "--undone", dest="done", action="store_false", help="the item is not done (any more)"
    )
    setting.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    setting.set_defaults(run=run_set)


def run_list(args: argparse.Namespace) -> int:
    today = clock.today()
    with opened_database(args):
        states = {p.key: profile.item_state(p.key, today) for p in PROFILE_ITEMS}
    if args.json:
        print_json(
            [
                {
                    "item": p.key,
                    "label": p.label,
                    "points": p.points,
                    "done": states[p.key].done,
                    "since": _iso(states[p.key].since),
                }
                for p in PROFILE_ITEMS
            ]
        )
        return 0
    for p in PROFILE_ITEMS:
        state = states[p.key]
        mark = "x" if state.done else " "
        points = f"({p.points:g} point{'' if p.points == 1 else 's'})"
        since = ""
        if state.since is not None:
            since = f"  {'done' if state.done else 'not done'} since {state.since.isoformat()}"
        print(f"[{mark}] {p.key:<16} {p.label + ' ' + points:<42}{since}".rstrip())
    return 0


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def run_set(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    wanted = "done" if args.done else "not done"
    with opened_database(args):
        before = profile.item_state(args.item, day)
        if before.done != args.done:
            profile.set_item(args.item, args.done, day, clock.today())
    until = ""
    flip = before.until(args.done)
    if flip is not None:
        marked = "not done" if args.done else "done"
        until = f" until {flip.isoformat()}, when it was marked {marked}"
    if before.done == args.done:
        # Marking it again would change no day's score: say what the score already uses.
        since = f" since {before.since.isoformat()}" if before.since else ""
        print(f"{args.item}: already {wanted}{since}{until}; nothing changed.")
    else:
        print(f"{args.item}: {wanted} from {day.isoformat()}{until}.")
    return 0
