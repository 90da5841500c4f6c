"""The profile checklist: record when items became done or undone."""

from __future__ import annotations

import datetime as dt

from ssi_desktop.catalog import PROFILE_ITEM_BY_KEY
from ssi_desktop.scoring.profile import ProfileEvent, ProfileHistory
from ssi_desktop.store.actions import InvalidEntryError, check_day
from ssi_desktop.store.db import database
from ssi_desktop.store.models import ProfileChange


def set_item(item: str, done: bool, day: dt.date, today: dt.date) -> ProfileChange:
    if item not in PROFILE_ITEM_BY_KEY:
        known = ", ".join(PROFILE_ITEM_BY_KEY)
        raise InvalidEntryError(f"unknown profile item {item!r} (one of: {known})")
    check_day(day, today)
    with database.atomic():
        return ProfileChange.create(item=item, day=day, done=done)


def history() -> ProfileHistory:
    """Every change, in the order it was recorded (the model applies them by day)."""
    changes = ProfileChange.select().order_by(ProfileChange.id)
    return ProfileHistory(ProfileEvent(c.item, c.day, c.done) for c in changes)


def state_on(day: dt.date) -> dict[str, bool]:
    return history().done_on(day)
