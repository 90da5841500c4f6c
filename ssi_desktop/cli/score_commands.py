"""`ssi score` and `ssi trend`: the estimate, today or over time."""

from __future__ import annotations

import argparse

from ssi_desktop.application import estimate
from ssi_desktop.catalog import Pillar, tier_name
from ssi_desktop.cli.common import CliError, not_in_future, opened_database, parse_day, print_json
from ssi_desktop.scoring.series import DayScore
from ssi_desktop.system import clock

MAX_TREND_DAYS = 3660


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    score = commands.add_parser("score", parents=[db], help="your estimated SSI on a day")
    score.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    score.add_argument("--json", action="store_true", help="print JSON")
    score.add_argument("--explain", action="store_true", help="show where each point comes from")
    score.set_defaults(run=run_score)

    trend = commands.add_parser(
        "trend", parents=[db], help="the estimate for each of the last days"
    )
    trend.add_argument("--days", type=int, default=90, metavar="N", help="default: 90")
    trend.add_argument("--json", action="store_true", help="print JSON")
    trend.set_defaults(run=run_trend)


def describe(score: DayScore) -> str:
    lines = [
        f"{score.day.isoformat()}  estimated SSI {score.total:.1f}  ({tier_name(score.total)})"
    ]
    lines += [f"  {p.label:<34} {score.pillars[p]:6.2f} / 25" for p in Pillar]
    return "\n".join(lines)


def run_score(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    with opened_database(args):
        series = estimate.series(day, day)
    score = series.on(day)
    if args.json:
        print_json(score.as_json())
        return 0
    print(describe(score))
    if args.explain:
        explanation = series.explain(day)
        for pillar in Pillar:
            print(f"\n{pillar.label}")
            for part in sorted(explanation.pillars[pillar], key=lambda c: -abs(c.points)):
                if part.points:
                    counted = f"  ({part.count} in 90 days)" if part.kind == "action" else ""
                    print(f"  {part.points:+6.2f}  {part.label}{counted}")
    return 0


def run_trend(args: argparse.Namespace) -> int:
    if not 1 <= args.days <= MAX_TREND_DAYS:
        raise CliError(f"--days must be between 1 and {MAX_TREND_DAYS}, not {args.days}")
    with opened_database(args):
        series = estimate.trend(clock.today(), args.days)
    scores = series.each_day()
    if args.json:
        print_json([s.as_json() for s in scores])
        return 0
    # Each pillar's column is as wide as its name, so the header says what each number is.
    names = [p.short_label.lower() for p in Pillar]
    print("date        " + "".join(f"{name:>{max(len(name), 5) + 2}}" for name in ["SSI", *names]))
    for s in scores:
        values = [s.total, *(s.pillars[p] for p in Pillar)]
        cells = "".join(
            f"{value:>{max(len(name), 5) + 2}.1f}"
            for name, value in zip(["SSI", *names], values, strict=True)
        )
        print(f"{s.day.isoformat()}  {cells}")
    return 0
