"""`ssi account`, `ssi contact` and `ssi conversation`: who the seller sells to, and talks with."""

from __future__ import annotations

import argparse

from ssi_desktop.cli.common import (
    Commands,
    not_in_future,
    opened_database,
    parse_day,
    positive_int,
    print_json,
    terminal_safe,
)
from ssi_desktop.cli.delete_verb import add_delete_verb
from ssi_desktop.outcomes.replies import StartedBy
from ssi_desktop.store import accounts, conversations
from ssi_desktop.store.export import account_record, contact_record, conversation_record
from ssi_desktop.store.pipeline_rows import ContactInfo
from ssi_desktop.system import clock


def register(commands: Commands, db: argparse.ArgumentParser) -> None:
    _register_accounts(commands, db)
    _register_contacts(commands, db)
    _register_conversations(commands, db)


def _register_accounts(commands: Commands, db: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("account", parents=[db], help="companies you sell to")
    verbs = parser.add_subparsers(metavar="add|list", required=True)

    add = verbs.add_parser("add", parents=[db], help="add a company")
    add.add_argument("name", metavar="NAME", help="the company's name")
    add.add_argument("--target", action="store_true", help="one of your target accounts")
    add.add_argument("--note", default="", metavar="TEXT", help="anything to remember")
    add.set_defaults(run=run_account_add)

    listing = verbs.add_parser("list", parents=[db], help="accounts, target accounts first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_account_list)


def _register_contacts(commands: Commands, db: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("contact", parents=[db], help="people at your accounts")
    verbs = parser.add_subparsers(metavar="add|list", required=True)

    add = verbs.add_parser("add", parents=[db], help="add a person")
    add.add_argument("name", metavar="NAME", help="the person's name")
    add.add_argument("--account", required=True, metavar="ID|NAME", help="their company")
    add.add_argument("--role", default="", metavar="TEXT", help="their job title")
    add.add_argument(
        "--decision-maker", action="store_true", help="they can sign or veto the purchase"
    )
    add.add_argument("--note", default="", metavar="TEXT", help="anything to remember")
    add.set_defaults(run=run_contact_add)

    listing = verbs.add_parser("list", parents=[db], help="contacts by account")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_contact_list)


def _register_conversations(commands: Commands, db: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "conversation", parents=[db], help="message threads with your contacts"
    )
    verbs = parser.add_subparsers(metavar="add|answer|delete|list", required=True)

    add = verbs.add_parser("add", parents=[db], help="a thread was started")
    add.add_argument(
        "--contact",
        required=True,
        type=positive_int,
        metavar="ID",
        help="who it is with (see `ssi contact list`)",
    )
    add.add_argument(
        "--started-by",
        choices=[s.value for s in StartedBy],
        default=StartedBy.ME.value,
        help="who wrote first (default: me)",
    )
    add.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    add.add_argument(
        "--also-log",
        action="store_true",
        help="a thread you started also counts in the estimate, as a 'Direct message sent'",
    )
    add.set_defaults(run=run_conversation_add)

    answer = verbs.add_parser("answer", parents=[db], help="a thread got its answer")
    answer.add_argument(
        "id", type=positive_int, metavar="ID", help="the thread (see `ssi conversation list`)"
    )
    answer.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    answer.add_argument(
        "--also-log",
        action="store_true",
        help="the answer also counts in the estimate, as a 'Reply to your message'",
    )
    answer.set_defaults(run=run_conversation_answer)

    add_delete_verb(verbs, db, "conversation")

    listing = verbs.add_parser(
        "list", parents=[db], help="threads, newest first, and your 90-day reply rate"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_conversation_list)


def run_account_add(args: argparse.Namespace) -> int:
    accounts.clean_name(args.name, "account")  # refuse before the database file is even created
    accounts.check_note(args.note)
    with opened_database(args):
        account = accounts.add_account(args.name, args.target, args.note)
    kind = "target account" if account.is_target else "account"
    print(f"Added {kind} {account.name} (id {account.id}).")
    return 0


def run_account_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        listed = accounts.accounts()
        reach = {r.account_id: r for r in accounts.decision_makers_per_account(targets_only=False)}
    rows = [
        {
            **account_record(a),
            "contacts": reach[a.id].contacts,
            "decision_makers": reach[a.id].decision_makers,
        }
        for a in listed
    ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No accounts yet: add one with `ssi account add NAME --target`.")
    for row in rows:
        mark = "target" if row["target"] else ""
        print(
            f"{row['id']:>4}  {row['name']:<30} {mark:<6}  {_people(row)}"
            + (f"  ({row['note']})" if row["note"] else "")
        )
    return 0


def _people(row: dict[str, object]) -> str:
    contacts, deciders = row["contacts"], row["decision_makers"]
    return f"{contacts} contact{'' if contacts == 1 else 's'}, {deciders} decision-maker" + (
        "" if deciders == 1 else "s"
    )


def run_contact_add(args: argparse.Namespace) -> int:
    accounts.clean_name(args.name, "contact")
    accounts.check_note(args.note)
    with opened_database(args):
        account = accounts.find_account(args.account)
        contact = accounts.add_contact(
            args.name, account.id, args.role, args.decision_maker, args.note
        )
    print(f"Added contact {contact.id}: {_who(contact)}.")
    return 0


def _who(contact: ContactInfo) -> str:
    """How a contact reads in a sentence: Jane Doe, VP Sales at Acme (decision-maker)."""
    role = f", {contact.role}" if contact.role else ""
    senior = " (decision-maker)" if contact.is_decision_maker else ""
    return terminal_safe(f"{contact.name}{role} at {contact.account_name}{senior}")


def run_contact_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        people = accounts.contacts()
        rows = [
            {**contact_record(c), "account": c.account_name, "target": c.at_target_account}
            for c in people
        ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No contacts yet: add one with `ssi contact add NAME --account ACCOUNT`.")
    for row, person in zip(rows, people, strict=True):
        print(f"{row['id']:>4}  {_who(person)}" + ("  [target account]" if row["target"] else ""))
    return 0


def run_conversation_add(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    with opened_database(args):
        thread = conversations.start(
            args.contact,
            day,
            StartedBy(args.started_by),
            clock.today(),
            also_log=args.also_log,
        )
        who = _who(accounts.find_contact(thread.contact_id))
    by = "you" if thread.started_by == StartedBy.ME else "them"
    print(f"Conversation {thread.id} with {who}, started by {by} on {day.isoformat()}.")
    return 0


def run_conversation_answer(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    with opened_database(args):
        thread = conversations.answer(args.id, day, clock.today(), also_log=args.also_log)
        name = thread.contact_name
    waited = (day - thread.started_on).days
    after = "the same day" if waited == 0 else f"after {waited} day{'' if waited == 1 else 's'}"
    print(f"Conversation {thread.id} with {name} answered on {day.isoformat()}, {after}.")
    return 0


def run_conversation_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        threads = conversations.conversations()
        rate = conversations.reply_rate_90d(clock.today())
        rows = [{**conversation_record(t), "contact": t.contact_name} for t in threads]
    if args.json:
        print_json({"conversations": rows, "reply_rate_90d": rate})
        return 0
    for row in rows:
        answered = f"answered {row['answered']}" if row["answered"] else "waiting for an answer"
        print(
            f"{row['id']:>4}  {row['started']}  {row['contact']:<28} "
            f"started by {row['started_by']:<4}  {answered}"
        )
    shown = "no conversation started by you" if rate is None else f"{rate:.0f} %"
    print(f"Reply rate, last 90 days: {shown}")
    return 0
