"""Target accounts and the contacts the seller knows there."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import peewee

from ssi_desktop.store.actions import MAX_NOTE_CHARS, InvalidEntryError
from ssi_desktop.store.db import database
from ssi_desktop.store.models import Account, ActionEntry, Contact
from ssi_desktop.store.pipeline_rows import AccountInfo, ContactInfo

MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class AccountReach:
    """How many people, and how many decision-makers, the seller knows at one target account."""

    account_id: int
    account: str
    contacts: int
    decision_makers: int


def clean_name(name: str, what: str) -> str:
    """The name without surrounding spaces, refused when empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidEntryError(f"the {what} name is empty")
    if len(cleaned) > MAX_NAME_CHARS:
        raise InvalidEntryError(f"the {what} name is longer than {MAX_NAME_CHARS} characters")
    return cleaned


def check_note(note: str) -> None:
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidEntryError(f"the note is longer than {MAX_NOTE_CHARS} characters")


def _named(name: str) -> Account | None:
    # Same rule as the unique index: names differ by more than letter case.
    return Account.select().where(peewee.SQL("name = ? COLLATE NOCASE", (name,))).first()


def add_account(name: str, is_target: bool = False, note: str = "") -> AccountInfo:
    name = clean_name(name, "account")
    check_note(note)
    with database.atomic():
        existing = _named(name)
        if existing is not None:
            raise InvalidEntryError(
                f"there is already an account named {existing.name!r} (id {existing.id})"
            )
        return AccountInfo.of(Account.create(name=name, is_target=is_target, note=note))


def find_account(reference: str) -> AccountInfo:
    """The account with this id or, failing that, this name (letter case ignored)."""
    reference = reference.strip()
    found = Account.get_or_none(Account.id == int(reference)) if reference.isdigit() else None
    if found is None:
        found = _named(reference)
    if found is None:
        raise InvalidEntryError(
            f"there is no account {reference!r} (add it with `ssi account add`, "
            "or see `ssi account list`)"
        )
    return AccountInfo.of(found)


def accounts() -> list[AccountInfo]:
    """Target accounts first, then by name."""
    found = Account.select().order_by(Account.is_target.desc(), Account.name)
    return [AccountInfo.of(a) for a in found]


def add_contact(
    name: str, account_id: int, role: str = "", is_decision_maker: bool = False, note: str = ""
) -> ContactInfo:
    name = clean_name(name, "contact")
    role = " ".join(role.split())
    if len(role) > MAX_NAME_CHARS:
        raise InvalidEntryError(f"the role is longer than {MAX_NAME_CHARS} characters")
    check_note(note)
    with database.atomic():
        if Account.get_or_none(Account.id == account_id) is None:
            raise InvalidEntryError(f"there is no account with id {account_id}")
        created = Contact.create(
            name=name, account=account_id, role=role, is_decision_maker=is_decision_maker, note=note
        )
        return ContactInfo.of(created)


def find_contact(contact_id: int) -> ContactInfo:
    found = Contact.get_or_none(Contact.id == contact_id)
    if found is None:
        raise InvalidEntryError(
            f"there is no contact with id {contact_id} (see `ssi contact list`)"
        )
    return ContactInfo.of(found)


def contacts() -> list[ContactInfo]:
    """Every contact with its account, by account then name."""
    found = (
        Contact.select(Contact, Account)
        .join(Account)
        .order_by(Account.name, Contact.name, Contact.id)
    )
    return [ContactInfo.of(c) for c in found]


REACH_SQL = """
SELECT a.id, a.name, COUNT(c.id), IFNULL(SUM(c.is_decision_maker), 0) AS decision_makers
FROM account AS a
LEFT JOIN contact AS c ON c.account_id = a.id
WHERE a.is_target OR NOT ?
GROUP BY a.id
ORDER BY decision_makers, a.name COLLATE NOCASE
"""


def decision_makers_per_account(targets_only: bool = True) -> list[AccountReach]:
    """Each (target) account with its contacts and decision-makers; the least covered first.

    Selling to one person at an account is fragile: a target account with no decision-maker,
    or with only one, is where the seller's next connection request should go.
    """
    cursor = database.execute_sql(REACH_SQL, (targets_only,))
    return [AccountReach(i, name, int(people), int(dms)) for i, name, people, dms in cursor]


def contact_names_by_entry(entry_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The contact's name for each log entry that names one (all entries when ids is None).

    For the history table: entries without a contact are simply absent from the result.
    """
    query = ActionEntry.select(ActionEntry.id, Contact.name).join(Contact)
    if entry_ids is None:
        return {entry.id: entry.contact.name for entry in query}
    names: dict[int, str] = {}
    for batch in peewee.chunked(list(entry_ids), 500):
        names.update((e.id, e.contact.name) for e in query.where(ActionEntry.id.in_(batch)))
    return names


def add_contact_at(
    name: str,
    account_name: str,
    role: str = "",
    is_decision_maker: bool = False,
    note: str = "",
) -> ContactInfo:
    """Add a contact at the account of that name; a company not known yet becomes a target.

    The window's contact form takes the company as typed: a seller adding someone at a company
    not recorded yet is prospecting it, so it starts as a target account.
    """
    account_name = clean_name(account_name, "account")
    with database.atomic():
        existing = _named(account_name)
        account_id = existing.id if existing is not None else add_account(account_name, True).id
        return add_contact(name, account_id, role, is_decision_maker, note)
