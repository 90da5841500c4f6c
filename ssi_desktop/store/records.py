"""Deleting posts, conversations and outcomes the seller recorded by mistake."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from ssi_desktop.store.actions import InvalidEntryError
from ssi_desktop.store.db import database
from ssi_desktop.store.models import Conversation, Outcome, Post

Deletable = Literal["post", "conversation", "outcome"]
"""The kinds of record the seller may delete by id."""

_TABLES: dict[str, type[Post] | type[Conversation] | type[Outcome]] = {
    "post": Post,
    "conversation": Conversation,
    "outcome": Outcome,
}


def delete(kind: Deletable, ids: Iterable[int]) -> int:
    """Delete these records, all or none: an id that does not exist refuses the lot.

    Actions logged with them (a booked meeting's "Meeting booked") stay in the log, where the
    history tab can remove them: the seller may well have done the action anyway.
    """
    wanted = sorted(set(ids))
    if not wanted:
        return 0
    model = _TABLES[kind]
    with database.atomic():
        found = {row.id for row in model.select(model.id).where(model.id.in_(wanted))}
        missing = [i for i in wanted if i not in found]
        if missing:
            raise InvalidEntryError(f"there is no {kind} with id {missing[0]}; nothing deleted")
        return int(model.delete().where(model.id.in_(wanted)).execute())
