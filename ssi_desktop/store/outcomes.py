"""Outcomes: meetings booked, opportunities opened and deals won, with their value."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import cast

import peewee

from ssi_desktop.outcomes.kinds import OutcomeFact, OutcomeKind
from ssi_desktop.store import actions
from ssi_desktop.store.accounts import check_note, find_contact
from ssi_desktop.store.actions import InvalidEntryError, NewEntry, check_day
from ssi_desktop.store.db import database
from ssi_desktop.store.models import Contact, Outcome
from ssi_desktop.store.pipeline_rows import OutcomeInfo

MAX_VALUE = 1e12
"""A deal worth more than a trillion is a typo."""


@dataclass(frozen=True)
class NewOutcome:
    kind: OutcomeKind
    day: dt.date
    value: float | None = None
    contact_id: int | None = None
    note: str = ""


def check_outcome(outcome: NewOutcome, today: dt.date) -> None:
    """Raise InvalidEntryError unless the outcome can be recorded (no database needed)."""
    value = outcome.value
    if value is not None:
        if not outcome.kind.has_value:
            raise InvalidEntryError(
                "a meeting has no value; give it to the opportunity or the deal"
            )
        if not math.isfinite(value) or value < 0:
            raise InvalidEntryError(f"the value must be an amount of zero or more, not {value}")
        if value > MAX_VALUE:
            raise InvalidEntryError(f"a value of {value:,.0f} is beyond belief")
    check_note(outcome.note)
    check_day(outcome.day, today)


SCORED_AS = {OutcomeKind.MEETING: "meeting_booked"}
"""Outcomes that are also an action of the log (a booked meeting). LinkedIn cannot see a
meeting, so the entry earns no SSI points; it keeps the log complete."""


def record(outcome: NewOutcome, today: dt.date, *, also_log: bool = False) -> OutcomeInfo:
    """Store an outcome; with ``also_log``, also log its action (if it has one) in one go."""
    check_outcome(outcome, today)
    with database.atomic():
        if outcome.contact_id is not None:
            find_contact(outcome.contact_id)
        stored = Outcome.create(
            kind=outcome.kind,
            day=outcome.day,
            value=outcome.value,
            contact=outcome.contact_id,
            note=outcome.note,
        )
        key = SCORED_AS.get(outcome.kind)
        if also_log and key is not None:
            entry = NewEntry(key, outcome.day, note=outcome.note, contact_id=outcome.contact_id)
            actions.record(entry, today)
        return OutcomeInfo.of(stored)


def outcomes() -> list[OutcomeInfo]:
    """Every outcome with its contact (if any), newest first."""
    query = (
        Outcome.select(
            Outcome.id,
            Outcome.kind,
            Outcome.day,
            Outcome.value,
            Outcome.contact,
            peewee.fn.IFNULL(Contact.name, ""),
            Outcome.note,
        )
        .join(Contact, peewee.JOIN.LEFT_OUTER)
        .order_by(Outcome.day.desc(), Outcome.id.desc())
    )
    # Plain rows: a model object per outcome (and its contact) took most of the time.
    rows = cast("list[_OutcomeTuple]", list(query.tuples()))
    return [OutcomeInfo(*row) for row in rows]


_OutcomeTuple = tuple[int, str, dt.date, "float | None", "int | None", str, str]


def facts_since(first_day: dt.date) -> list[OutcomeFact]:
    query = Outcome.select(Outcome.kind, Outcome.day, Outcome.value).where(Outcome.day >= first_day)
    return [OutcomeFact(OutcomeKind(o.kind), o.day, o.value) for o in query]
