"""Exports of the seller's log: CSV safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from peewee import JOIN

from ssi_desktop import __version__
from ssi_desktop.catalog import ACTION_BY_KEY
from ssi_desktop.outcomes.engagement import engagement_rate
from ssi_desktop.store import habit_targets, network, readings, rest_days
from ssi_desktop.store.accounts import contact_names_by_entry
from ssi_desktop.store.actions import LoggedEntry
from ssi_desktop.store.models import (
    Account,
    ActionEntry,
    Contact,
    Conversation,
    Outcome,
    Post,
    ProfileChange,
    utc_now,
)
from ssi_desktop.store.pipeline_rows import (
    AccountInfo,
    ContactInfo,
    ConversationInfo,
    OutcomeInfo,
    PostInfo,
)

ENTRY_COLUMNS = (
    "id",
    "date",
    "key",
    "pillar",
    "label",
    "count",
    "note",
    "at_target",
    "source",
    "contact_id",
)
CSV_COLUMNS = (*ENTRY_COLUMNS, "contact")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection): prefix a quote."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def entry_record(entry: ActionEntry | LoggedEntry) -> dict[str, object]:
    kind = ACTION_BY_KEY.get(entry.key)
    return {
        "id": entry.id,
        "date": entry.day.isoformat(),
        "key": entry.key,
        "pillar": kind.pillar.value if kind else "",
        "label": kind.label if kind else entry.key,
        "count": entry.count,
        "note": entry.note,
        "at_target": bool(entry.at_target),
        "source": entry.source,
        "contact_id": entry.contact_id,
    }


def account_record(account: AccountInfo) -> dict[str, object]:
    return {
        "id": account.id,
        "name": account.name,
        "target": bool(account.is_target),
        "note": account.note,
    }


def contact_record(contact: ContactInfo) -> dict[str, object]:
    return {
        "id": contact.id,
        "name": contact.name,
        "account_id": contact.account_id,
        "role": contact.role,
        "decision_maker": bool(contact.is_decision_maker),
        "note": contact.note,
    }


def post_record(post: PostInfo) -> dict[str, object]:
    return {
        "id": post.id,
        "date": post.day.isoformat(),
        "title": post.title,
        "link": post.link,
        "views": post.views,
        "engagers": post.engagers,
        "comments": post.comments,
        "engagement_rate": engagement_rate(post.views, post.engagers),
    }


def conversation_record(thread: ConversationInfo) -> dict[str, object]:
    return {
        "id": thread.id,
        "contact_id": thread.contact_id,
        "started": thread.started_on.isoformat(),
        "started_by": thread.started_by,
        "answered": thread.answered_on.isoformat() if thread.answered_on else None,
    }


def outcome_record(outcome: OutcomeInfo) -> dict[str, object]:
    return {
        "id": outcome.id,
        "kind": outcome.kind,
        "date": outcome.day.isoformat(),
        "value": outcome.value,
        "contact_id": outcome.contact_id,
        "note": outcome.note,
    }


def all_accounts() -> list[AccountInfo]:
    return [AccountInfo.of(a) for a in Account.select().order_by(Account.id)]


def all_contacts() -> list[ContactInfo]:
    found = Contact.select(Contact, Account).join(Account).order_by(Contact.id)
    return [ContactInfo.of(c) for c in found]


def all_posts() -> list[PostInfo]:
    return [PostInfo.of(p) for p in Post.select().order_by(Post.id)]


def all_conversations() -> list[ConversationInfo]:
    found = (
        Conversation.select(Conversation, Contact, Account)
        .join(Contact)
        .join(Account)
        .order_by(Conversation.id)
    )
    return [ConversationInfo.of(c) for c in found]


def all_outcomes() -> list[OutcomeInfo]:
    found = Outcome.select(Outcome, Contact).join(Contact, JOIN.LEFT_OUTER).order_by(Outcome.id)
    return [OutcomeInfo.of(o) for o in found]


def profile_records() -> list[dict[str, object]]:
    """Each change of the profile checklist, in the order it was recorded."""
    return [
        {"item": c.item, "date": c.day.isoformat(), "done": bool(c.done)}
        for c in ProfileChange.select().order_by(ProfileChange.id)
    ]


def target_records() -> list[dict[str, object]]:
    found = habit_targets.all_targets()
    return [{"key": t.key, "count": t.count, "per": t.per.value} for t in found]


def rest_day_records() -> list[dict[str, object]]:
    return [{"date": r.day.isoformat(), "note": r.note} for r in rest_days.listed()]


def reading_records() -> list[dict[str, object]]:
    """The official readings as `ssi reading list --json` shows them, without the estimate."""
    return [r.as_json() for r in readings.all_readings()]


def network_records() -> list[dict[str, object]]:
    """The network, dated, as `ssi network list --json` shows it."""
    return [
        {
            "date": r.day.isoformat(),
            "connections": r.connections,
            "followers": r.followers,
            "decision_makers": r.decision_makers,
        }
        for r in network.all_records()
    ]


def _all_entries() -> Iterable[ActionEntry]:
    return ActionEntry.select().order_by(ActionEntry.day, ActionEntry.id).iterator()


def to_csv(excel_bom: bool = False) -> str:
    """Every entry, oldest first; text cells neutralised. ``excel_bom`` adds a UTF-8 BOM.

    Besides the entry's own columns, ``contact`` names the person it was with, so that a
    spreadsheet needs no second file to read it.
    """
    names = contact_names_by_entry()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in _all_entries():
        record = {**entry_record(entry), "contact": names.get(entry.id, "")}
        writer.writerow(
            neutralise(value) if isinstance(value, str) else value
            for value in (record[c] for c in CSV_COLUMNS)
        )
    return ("\ufeff" if excel_bom else "") + out.getvalue()


def to_json() -> str:
    """Everything the seller recorded, with the app version, for backups and other tools.

    The log's keys came first; readings, targets, rest days and the network were added beside
    them.
    """
    document = {
        "app": "ssi-desktop",
        "version": __version__,
        "exported_at": utc_now().isoformat(timespec="seconds") + "Z",
        "entries": [entry_record(e) for e in _all_entries()],
        "profile": profile_records(),
        "accounts": [account_record(a) for a in all_accounts()],
        "contacts": [contact_record(c) for c in all_contacts()],
        "posts": [post_record(p) for p in all_posts()],
        "conversations": [conversation_record(c) for c in all_conversations()],
        "outcomes": [outcome_record(o) for o in all_outcomes()],
        "readings": reading_records(),
        "targets": target_records(),
        "rest_days": rest_day_records(),
        "network": network_records(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
