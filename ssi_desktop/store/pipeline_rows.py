"""What the store hands out about accounts, contacts, posts, conversations and outcomes: plain
frozen values, never peewee rows or queries, so no layer above the store holds a live row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ssi_desktop.store.models import Account, Contact, Conversation, Outcome, Post


@dataclass(frozen=True)
class AccountInfo:
    id: int
    name: str
    is_target: bool
    note: str

    @classmethod
    def of(cls, row: Account) -> AccountInfo:
        return cls(row.id, row.name, bool(row.is_target), row.note)


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    account_id: int
    account_name: str
    role: str
    is_decision_maker: bool
    note: str
    at_target_account: bool = False

    @classmethod
    def of(cls, row: Contact) -> ContactInfo:
        account = row.account
        return cls(
            row.id,
            row.name,
            account.id,
            account.name,
            row.role,
            bool(row.is_decision_maker),
            row.note,
            bool(account.is_target),
        )


@dataclass(frozen=True)
class PostInfo:
    id: int
    day: dt.date
    title: str
    link: str
    views: int
    engagers: int
    comments: int

    @classmethod
    def of(cls, row: Post) -> PostInfo:
        return cls(row.id, row.day, row.title, row.link, row.views, row.engagers, row.comments)


@dataclass(frozen=True)
class ConversationInfo:
    id: int
    contact_id: int
    contact_name: str
    account_name: str
    started_on: dt.date
    started_by: str
    answered_on: dt.date | None

    @classmethod
    def of(cls, row: Conversation) -> ConversationInfo:
        contact = row.contact
        return cls(
            row.id,
            contact.id,
            contact.name,
            contact.account.name,
            row.started_on,
            row.started_by,
            row.answered_on,
        )


@dataclass(frozen=True)
class OutcomeInfo:
    id: int
    kind: str
    day: dt.date
    value: float | None
    contact_id: int | None
    contact_name: str
    note: str

    @classmethod
    def of(cls, row: Outcome) -> OutcomeInfo:
        contact = row.contact
        return cls(
            row.id,
            row.kind,
            row.day,
            row.value,
            row.contact_id,
            contact.name if contact is not None else "",
            row.note,
        )
