"""`ssi target set|list|clear|reset`, `ssi streaks` and `ssi rest add|list|clear`."""

from __future__ import annotations

import argparse
import datetime as dt

from ssi_desktop.application.habits import TargetStatus, targets_report
from ssi_desktop.catalog import action, lookup_action
from ssi_desktop.cli.common import (
    CliError,
    Commands,
    counted,
    opened_database,
    parse_day,
    print_json,
)
from ssi_desktop.habits.default_plan import PLAN_DAYS, default_plan
from ssi_desktop.habits.targets import Period, Target
from ssi_desktop.store import habit_targets, rest_days
from ssi_desktop.store.actions import MAX_COUNT
from ssi_desktop.system import clock


def target_count(text: str) -> int:
    """argparse type: a whole number of actions from 1 to MAX_COUNT."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"a target is from 1 to {MAX_COUNT} actions, not {value}")
    return value


def register(commands: Commands, db: argparse.ArgumentParser) -> None:
    _register_target(commands, db)
    streaks = commands.add_parser(
        "streaks", parents=[db], help="how many days or weeks in a row each target was met"
    )
    streaks.add_argument("--json", action="store_true", help="print JSON")
    streaks.set_defaults(run=run_streaks)
    _register_rest(commands, db)


def _register_target(commands: Commands, db: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("target", parents=[db], help="daily or weekly targets")
    verbs = parser.add_subparsers(metavar="set|list|clear|reset", required=True)

    setting = verbs.add_parser("set", parents=[db], help="set the target of an action type")
    setting.add_argument("key", metavar="KEY", help="an action type (see `ssi types`)")
    setting.add_argument("count", metavar="N", type=target_count, help="how many")
    setting.add_argument(
        "--per", required=True, choices=[p.value for p in Period], help="a day or a week"
    )
    setting.set_defaults(run=run_set)

    listing = verbs.add_parser("list", parents=[db], help="targets, progress and streaks")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    clearing = verbs.add_parser("clear", parents=[db], help="remove the target of an action type")
    clearing.add_argument("key", metavar="KEY", help="an action type (see `ssi types`)")
    clearing.set_defaults(run=run_clear)

    reset = verbs.add_parser(
        "reset",
        parents=[db],
        help="replace all targets with the default plan (proficient in 90 days)",
    )
    reset.set_defaults(run=run_reset)


def _register_rest(commands: Commands, db: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "rest", parents=[db], help="days off that pause streaks instead of breaking them"
    )
    verbs = parser.add_subparsers(metavar="add|list|clear", required=True)

    adding = verbs.add_parser("add", parents=[db], help="mark a day or a run of days as rest")
    adding.add_argument("first", metavar="DATE", type=parse_day, help="YYYY-MM-DD")
    adding.add_argument("--to", type=parse_day, metavar="DATE", help="last day (default: DATE)")
    adding.add_argument("--note", default="", metavar="TEXT", help="e.g. vacation")
    adding.set_defaults(run=run_rest_add)

    listing = verbs.add_parser("list", parents=[db], help="show rest days")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_rest_list)

    clearing = verbs.add_parser("clear", parents=[db], help="make rest days ordinary days again")
    clearing.add_argument("first", metavar="DATE", type=parse_day, help="YYYY-MM-DD")
    clearing.add_argument("--to", type=parse_day, metavar="DATE", help="last day (default: DATE)")
    clearing.set_defaults(run=run_rest_clear)


def run_set(args: argparse.Namespace) -> int:
    target = Target(lookup_action(args.key).key, args.count, Period(args.per))
    with opened_database(args):
        replaced = habit_targets.set_target(target)
    verb = "Changed" if replaced else "Set"
    print(f"{verb} target: {target.describe()} x {target.action.label}.")
    return 0


def describe(status: TargetStatus) -> str:
    target, done, streak = status.target, status.progress, status.streak
    period = "today" if target.per is Period.DAY else "this week"
    mark = "x" if done.met else " "
    best = f", best {streak.best}" if streak.best > streak.current else ""
    return (
        f"[{mark}] {target.action.label:<34} {done.done:>4} / {target.describe():<10}"
        f" {period:<9}  streak {streak.describe()}{best}"
    )


def run_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        statuses = targets_report(clock.today())
    if args.json:
        print_json([s.as_json() for s in statuses])
        return 0
    if not statuses:
        print(
            "No targets yet: `ssi target reset` sets the default plan, `ssi target set` one target."
        )
    for status in statuses:
        print(describe(status))
    return 0


def run_streaks(args: argparse.Namespace) -> int:
    with opened_database(args):
        statuses = targets_report(clock.today())
    if args.json:
        print_json([s.streak_json() for s in statuses])
        return 0
    if not statuses:
        print("No targets, so no streaks yet: `ssi target reset` sets the default plan.")
    for status in statuses:
        streak = status.streak
        waiting = "  (still open)" if streak.open else ""
        print(
            f"{status.target.action.label:<34} {status.target.describe():<10}"
            f" {streak.describe():<16} best {streak.best}{waiting}"
        )
    return 0


def run_clear(args: argparse.Namespace) -> int:
    key = lookup_action(args.key).key
    with opened_database(args):
        cleared = habit_targets.clear(key)
    if not cleared:
        print(f"{key} has no target; nothing to clear.")
        return 1
    print(f"Cleared the target for {action(key).label}.")
    return 0


def run_reset(args: argparse.Namespace) -> int:
    plan = default_plan()
    with opened_database(args):
        replaced = habit_targets.replace_all(plan.targets)
    print(
        f"Replaced your {replaced} target{'s' * (replaced != 1)} with the default plan:"
        f" {counted(len(plan.targets), 'weekly target')} at {plan.fraction:.0%} of each"
        " healthy pace."
    )
    for target in plan.targets:
        print(f"  {target.count:>3} a week  {target.action.label}")
    print(
        f"Kept up steadily with a photo, headline and current role on your profile, this plan"
        f" reaches an estimated {plan.score.total:.1f} by day {PLAN_DAYS}."
    )
    return 0


def _span(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    last = args.to or args.first
    if last < args.first:
        raise CliError(f"--to {last.isoformat()} is before {args.first.isoformat()}")
    rest_days.check_span(args.first, last)
    return args.first, last


def _days(first: dt.date, last: dt.date) -> str:
    count = (last - first).days + 1
    if count == 1:
        return first.isoformat()
    return f"{first.isoformat()} to {last.isoformat()} ({count} days)"


def run_rest_add(args: argparse.Namespace) -> int:
    first, last = _span(args)
    with opened_database(args):
        added = rest_days.add(first, last, args.note)
    print(f"Rest: {_days(first, last)}; {added} new rest day{'s' * (added != 1)}.")
    return 0


def run_rest_clear(args: argparse.Namespace) -> int:
    first, last = _span(args)
    with opened_database(args):
        cleared = rest_days.clear(first, last)
    if not cleared:
        print(f"No rest days in {_days(first, last)}; nothing to clear.")
        return 1
    print(f"Cleared {cleared} rest day{'s' * (cleared != 1)} in {_days(first, last)}.")
    return 0


def run_rest_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        days = [(r.day, r.note) for r in rest_days.listed()]
    if args.json:
        print_json([{"date": day.isoformat(), "note": note} for day, note in days])
        return 0
    if not days:
        print("No rest days. `ssi rest add DATE --to DATE` pauses your streaks for a vacation.")
    for first, last, note in _runs(days):
        print(f"{_days(first, last)}{'  ' + note if note else ''}")
    return 0


def _runs(days: list[tuple[dt.date, str]]) -> list[tuple[dt.date, dt.date, str]]:
    """Consecutive rest days with the same note, as (first, last, note)."""
    runs: list[tuple[dt.date, dt.date, str]] = []
    for day, note in days:
        if runs and runs[-1][1] == day - dt.timedelta(days=1) and runs[-1][2] == note:
            runs[-1] = (runs[-1][0], day, note)
        else:
            runs.append((day, day, note))
    return runs
