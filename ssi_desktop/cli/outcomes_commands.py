"""`ssi post`, `ssi engagement` and `ssi outcome`: whether the activity reaches buyers and pays."""

from __future__ import annotations

import argparse

from ssi_desktop.cli.common import (
    CliError,
    Commands,
    counted,
    not_in_future,
    opened_database,
    parse_day,
    positive_int,
    print_json,
    terminal_safe,
)
from ssi_desktop.cli.delete_verb import add_delete_verb
from ssi_desktop.outcomes.engagement import TARGET_RATE
from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.store import outcomes, posts
from ssi_desktop.store.export import outcome_record, post_record
from ssi_desktop.system import clock


def register(commands: Commands, db: argparse.ArgumentParser) -> None:
    _register_posts(commands, db)
    _register_outcomes(commands, db)


def _register_posts(commands: Commands, db: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("post", parents=[db], help="your posts and their numbers")
    verbs = parser.add_subparsers(metavar="add|delete|list", required=True)

    add = verbs.add_parser("add", parents=[db], help="record a post's views and engagement")
    add.add_argument("--views", type=int, required=True, metavar="N", help="impressions")
    add.add_argument(
        "--engagers", type=int, required=True, metavar="N", help="people who reacted or commented"
    )
    add.add_argument(
        "--comments", type=int, default=0, metavar="N", help="comments on it (default: 0)"
    )
    add.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--title", default="", metavar="TEXT", help="a few words to know it by")
    add.add_argument("--link", default="", metavar="URL", help="where the post is")
    add.set_defaults(run=run_post_add)

    add_delete_verb(verbs, db, "post")

    listing = verbs.add_parser("list", parents=[db], help="posts, oldest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_post_list)

    rate = commands.add_parser(
        "engagement", parents=[db], help="engagement rate per post and over 90 days"
    )
    rate.add_argument("--json", action="store_true", help="print JSON")
    rate.set_defaults(run=run_engagement)


def _register_outcomes(commands: Commands, db: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("outcome", parents=[db], help="meetings, opportunities, deals")
    verbs = parser.add_subparsers(metavar="add|delete|list", required=True)

    add = verbs.add_parser("add", parents=[db], help="record a result")
    add.add_argument("kind", metavar="KIND", help="meeting, opportunity or deal_won")
    add.add_argument("--value", type=parse_amount, metavar="V", help="what it is worth")
    add.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--contact", type=positive_int, metavar="ID", help="who it is with")
    add.add_argument("--note", default="", metavar="TEXT", help="anything to remember")
    add.add_argument(
        "--also-log",
        action="store_true",
        help="also log a meeting as a 'Meeting booked' entry (it earns no SSI points)",
    )
    add.set_defaults(run=run_outcome_add)

    add_delete_verb(verbs, db, "outcome")

    listing = verbs.add_parser("list", parents=[db], help="results, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_outcome_list)


def parse_amount(text: str) -> float:
    """argparse type for money: "12500", "12,500" and "12 500.50" all work."""
    try:
        return float(text.replace(",", "").replace("_", "").replace(" ", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount") from None


def percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate:.2f} %"


def run_post_add(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    post = posts.NewPost(day, args.views, args.engagers, args.comments, args.title, args.link)
    posts.check_post(post, clock.today())  # refuse before the database file is even created
    with opened_database(args):
        stored = posts.record(post, clock.today())
    rate = posts.rate_of(stored)
    verdict = "at or above" if rate >= TARGET_RATE else "below"
    print(
        f"Added post {stored.id} of {day.isoformat()}: {percent(rate)} engagement, "
        f"{verdict} the {TARGET_RATE:g} % target."
    )
    return 0


def run_post_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        found = posts.posts()
    if args.json:
        print_json([post_record(p) for p in found])
        return 0
    if not found:
        print("No posts yet: add one with `ssi post add --views N --engagers N`.")
    for p in found:
        print(
            f"{p.id:>4}  {p.day.isoformat()}  {counted(p.views, 'view'):>14}  "
            f"{counted(p.engagers, 'engager'):>14}  {counted(p.comments, 'comment'):>13}"
            f"  {p.title}".rstrip()
        )
    return 0


def run_engagement(args: argparse.Namespace) -> int:
    with opened_database(args):
        listed = posts.posts()
        average = posts.average_rate_90d(clock.today())
    rows = [
        {
            "id": p.id,
            "date": p.day.isoformat(),
            "title": p.title,
            "views": p.views,
            "engagers": p.engagers,
            "comments": p.comments,
            "engagement_rate": posts.rate_of(p),
        }
        for p in listed
    ]
    if args.json:
        print_json({"posts": rows, "average_rate_90d": average, "target_rate": TARGET_RATE})
        return 0
    if not listed:
        print("No posts yet: add one with `ssi post add --views N --engagers N`.")
    for post in listed:
        rate = posts.rate_of(post)
        mark = "+" if rate >= TARGET_RATE else "-"
        title = terminal_safe(post.title) or "(untitled)"
        print(f"{post.day.isoformat()}  {mark} {percent(rate):>8}  {title}")
    print(f"Average of the last 90 days: {percent(average)} (target {TARGET_RATE:g} %)")
    return 0


def run_outcome_add(args: argparse.Namespace) -> int:
    try:
        kind = OutcomeKind.parse(args.kind)
    except ValueError as error:
        raise CliError(str(error)) from None
    day = not_in_future(args.date)
    outcome = outcomes.NewOutcome(kind, day, args.value, args.contact, args.note)
    outcomes.check_outcome(outcome, clock.today())
    with opened_database(args):
        stored = outcomes.record(outcome, clock.today(), also_log=args.also_log)
    worth = f" worth {stored.value:,.2f}" if stored.value is not None else ""
    print(f"Logged {kind.label.lower()}{worth} on {day.isoformat()} (outcome {stored.id}).")
    return 0


def run_outcome_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        rows = [outcome_record(o) for o in outcomes.outcomes()]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No outcomes yet: log one with `ssi outcome add meeting`.")
    for row in rows:
        label = OutcomeKind(str(row["kind"])).label
        worth = f"{row['value']:>14,.2f}" if row["value"] is not None else " " * 14
        note = f"  {terminal_safe(str(row['note']))}" if row["note"] else ""
        print(f"{row['id']:>4}  {row['date']}  {label:<18} {worth}{note}".rstrip())
    return 0
