"""`ssi plan` and `ssi forecast`: what to do next, and where the current pace leads."""

from __future__ import annotations

import argparse

from ssi_desktop.application import estimate
from ssi_desktop.catalog import Pillar, tier_name
from ssi_desktop.cli.common import CliError, opened_database, print_json
from ssi_desktop.habits.forecast import MILESTONES
from ssi_desktop.habits.plan import worth_doing
from ssi_desktop.scoring.series import DayScore
from ssi_desktop.system import clock

MAX_FORECAST_DAYS = 365


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    plan = commands.add_parser(
        "plan", parents=[db], help="actions ranked by what one more adds to today's estimate"
    )
    plan.add_argument("--json", action="store_true", help="print JSON (every action type)")
    plan.set_defaults(run=run_plan)

    forecast = commands.add_parser(
        "forecast", parents=[db], help="your estimate ahead at the last four weeks' pace"
    )
    forecast.add_argument(
        "--days", type=int, metavar="N", help="every day up to N days ahead (default: 30 and 90)"
    )
    forecast.add_argument("--json", action="store_true", help="print JSON")
    forecast.set_defaults(run=run_forecast)


def run_plan(args: argparse.Namespace) -> int:
    today = clock.today()
    with opened_database(args):
        plan = estimate.plan(today)
    if args.json:
        print_json([s.as_json() for s in plan])
        return 0
    suggestions = worth_doing(plan)
    if not suggestions:
        print("Nothing you could log today would raise the estimate.")
        return 0
    print(f"What one more of each adds to your estimated SSI today ({today.isoformat()}):")
    for s in suggestions:
        print(f"  {s.gain:+5.2f}  {s.action.label:<34} {s.action.pillar.short_label}")
    return 0


def run_forecast(args: argparse.Namespace) -> int:
    if args.days is not None and not 1 <= args.days <= MAX_FORECAST_DAYS:
        raise CliError(f"--days must be between 1 and {MAX_FORECAST_DAYS}, not {args.days}")
    today = clock.today()
    ahead = range(1, args.days + 1) if args.days else MILESTONES
    with opened_database(args):
        forecast = estimate.forecast(today, max(ahead))
    points = [forecast.ahead(n) for n in ahead]
    pace = forecast.pace
    if args.json:
        print_json(
            {
                "pace_from": pace.first_day.isoformat(),
                "pace_to": pace.last_day.isoformat(),
                "points": [p.as_json() for p in points],
            }
        )
        return 0
    print(
        f"At your pace from {pace.first_day.isoformat()} to {pace.last_day.isoformat()},"
        f" from {forecast.ahead(0).total:.1f} today:"
    )
    for point in points:
        print(_describe(point, (point.day - today).days))
    return 0


def _describe(point: DayScore, days: int) -> str:
    pillars = "  ".join(f"{p.short_label} {point.pillars[p]:4.1f}" for p in Pillar)
    return (
        f"  in {days:>3} {'day ' if days == 1 else 'days'} ({point.day.isoformat()}): "
        f"{point.total:5.1f}"
        f" {tier_name(point.total):<10}  {pillars}"
    )
