"""The profile checklist: record when items became done or undone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from ssi_desktop.catalog import PROFILE_ITEM_BY_KEY
from ssi_desktop.scoring.profile import ProfileEvent, ProfileHistory
from ssi_desktop.store.actions import InvalidEntryError, check_day
from ssi_desktop.store.db import database
from ssi_desktop.store.models import ProfileChange


def set_item(item: str, done: bool, day: dt.date, today: dt.date) -> ProfileEvent:
    if item not in PROFILE_ITEM_BY_KEY:
        known = ", ".join(PROFILE_ITEM_BY_KEY)
        raise InvalidEntryError(f"unknown profile item {item!r} (one of: {known})")
    check_day(day, today)
    with database.atomic():
        ProfileChange.create(item=item, day=day, done=done)
    return ProfileEvent(item, day, done)


def history() -> ProfileHistory:
    """Every change, in the order it was recorded (the model applies them by day)."""
    changes = ProfileChange.select(
        ProfileChange.item, ProfileChange.day, ProfileChange.done
    ).order_by(ProfileChange.id)
    # Plain tuples: the score worker reads this on every recompute.
    rows = cast("list[tuple[str, dt.date | str, int]]", list(changes.tuples()))
    return ProfileHistory(
        ProfileEvent(
            item, day if isinstance(day, dt.date) else dt.date.fromisoformat(day), bool(done)
        )
        for item, day, done in rows
    )


def state_on(day: dt.date) -> dict[str, bool]:
    return history().done_on(day)


@dataclass(frozen=True)
class ItemState:
    """An item's state on a day: done or not, since when (None: never marked so), and the
    changes recorded for later days, in the order the model applies them."""

    done: bool
    since: dt.date | None
    later: tuple[tuple[dt.date, bool], ...] = ()

    def until(self, done: bool) -> dt.date | None:
        """The first later day a change makes the item other than ``done``."""
        return next((day for day, state in self.later if state != done), None)


def item_state(item: str, day: dt.date) -> ItemState:
    """What the score uses for ``item`` on ``day``."""
    changes = (
        ProfileChange.select()
        .where(ProfileChange.item == item)
        .order_by(ProfileChange.day, ProfileChange.id)
    )
    done, since = False, None
    later: list[tuple[dt.date, bool]] = []
    for change in changes:
        if change.day > day:
            later.append((change.day, change.done))
        elif change.done != done:
            done, since = change.done, change.day
    return ItemState(done, since, tuple(later))
