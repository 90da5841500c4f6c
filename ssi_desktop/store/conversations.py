"""Direct-message threads with contacts: started by whom, answered when."""

from __future__ import annotations

import datetime as dt
from typing import cast

from ssi_desktop.outcomes.replies import ReplyCount, StartedBy, Thread, reply_count
from ssi_desktop.scoring.activity import window_start
from ssi_desktop.store import actions
from ssi_desktop.store.accounts import find_contact
from ssi_desktop.store.actions import InvalidEntryError, NewEntry, check_day
from ssi_desktop.store.db import database
from ssi_desktop.store.models import Account, Contact, Conversation
from ssi_desktop.store.pipeline_rows import ConversationInfo


def start(
    contact_id: int,
    day: dt.date,
    started_by: StartedBy,
    today: dt.date,
    *,
    also_log: bool = False,
) -> ConversationInfo:
    """Store a new thread; with ``also_log``, a thread the seller started is also a DM sent."""
    check_day(day, today)
    with database.atomic():
        find_contact(contact_id)
        thread = Conversation.create(contact=contact_id, started_on=day, started_by=started_by)
        if also_log and started_by is StartedBy.ME:
            actions.record(NewEntry("dm_sent", day, contact_id=contact_id), today)
        return ConversationInfo.of(thread)


def answer(
    conversation_id: int, day: dt.date, today: dt.date, *, also_log: bool = False
) -> ConversationInfo:
    """Mark a thread answered on ``day`` (once); ``also_log`` logs the reply as an action."""
    check_day(day, today)
    with database.atomic():
        thread = Conversation.get_or_none(Conversation.id == conversation_id)
        if thread is None:
            raise InvalidEntryError(
                f"there is no conversation with id {conversation_id} (see `ssi conversation list`)"
            )
        if thread.answered_on is not None:
            raise InvalidEntryError(
                f"conversation {conversation_id} was already answered on "
                f"{thread.answered_on.isoformat()}"
            )
        if day < thread.started_on:
            raise InvalidEntryError(
                f"{day.isoformat()} is before the conversation started "
                f"({thread.started_on.isoformat()})"
            )
        thread.answered_on = day
        thread.save()
        if also_log and thread.started_by == StartedBy.ME:
            reply = NewEntry("dm_reply_received", day, contact_id=thread.contact_id)
            actions.record(reply, today)
        return ConversationInfo.of(thread)


def conversations() -> list[ConversationInfo]:
    """Every thread with its contact and account, newest first."""
    query = (
        Conversation.select(
            Conversation.id,
            Contact.id,
            Contact.name,
            Account.name,
            Conversation.started_on,
            Conversation.started_by,
            Conversation.answered_on,
        )
        .join(Contact)
        .join(Account)
        .order_by(Conversation.started_on.desc(), Conversation.id.desc())
    )
    # Plain rows: a model object per thread took most of the time.
    rows = cast("list[_ThreadTuple]", list(query.tuples()))
    return [ConversationInfo(*row) for row in rows]


_ThreadTuple = tuple[int, int, str, str, dt.date, str, "dt.date | None"]


def reply_count_90d(today: dt.date) -> ReplyCount:
    """The threads the seller started in the last 90 days, and how many got an answer."""
    recent = Conversation.select().where(
        Conversation.started_on.between(window_start(today), today)
    )
    threads = (Thread(c.started_on, StartedBy(c.started_by), c.answered_on) for c in recent)
    return reply_count(threads, today)


def reply_rate_90d(today: dt.date) -> float | None:
    """Percent of the threads the seller started in the last 90 days that got an answer."""
    return reply_count_90d(today).rate


def waiting(limit: int = 50) -> list[ConversationInfo]:
    """Threads the seller started that still wait for an answer, oldest first (chase those)."""
    found = (
        Conversation.select(Conversation, Contact, Account)
        .join(Contact)
        .join(Account)
        .where(Conversation.answered_on.is_null(), Conversation.started_by == StartedBy.ME)
        .order_by(Conversation.started_on, Conversation.id)
        .limit(limit)
    )
    return [ConversationInfo.of(c) for c in found]
