"""Accounts and contacts in the store: the schema step, target weighting and the reach table."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from ssi_desktop.scoring.activity import Tally
from ssi_desktop.store import accounts, actions
from ssi_desktop.store.actions import InvalidEntryError, NewEntry
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.migrations import V1_ACTIONS_AND_PROFILE, schema_version
from ssi_desktop.store.models import Account, ActionEntry, Contact
from tests.conftest import TODAY

NEW_TABLES = {"account", "contact", "post", "conversation", "outcome"}


def people() -> tuple[int, int, int, int]:
    """Contacts: at a target account, a decision-maker elsewhere, neither, a target-account DM."""
    target = accounts.add_account("Acme", is_target=True)
    other = accounts.add_account("Globex")
    at_target = accounts.add_contact("Ann", target.id).id
    decider = accounts.add_contact("Dan", other.id, "CFO", is_decision_maker=True).id
    nobody = accounts.add_contact("Ned", other.id).id
    both = accounts.add_contact("Bea", target.id, "CEO", is_decision_maker=True).id
    return at_target, decider, nobody, both


def tallies_on(day: dt.date) -> set[Tally]:
    return set(actions.daily_tallies(day, day))


def test_a_version_1_database_upgrades_and_keeps_its_entries(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.executescript(V1_ACTIONS_AND_PROFILE)
    raw.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at DATETIME)")
    raw.execute("INSERT INTO schema_version VALUES (1, '2026-01-01')")
    raw.execute(
        "INSERT INTO action_entry (day, key, count, note, at_target, created_at) "
        "VALUES ('2026-11-20', 'dm_sent', 3, 'kept', 1, '2026-11-20 09:00:00')"
    )
    raw.commit()
    raw.close()

    database = open_database(db_path)
    try:
        assert schema_version(database) >= 4
        assert set(database.get_tables()) >= NEW_TABLES
        (entry,) = ActionEntry.select()
        assert (entry.key, entry.count, entry.note, entry.at_target) == ("dm_sent", 3, "kept", True)
        assert entry.contact_id is None
        assert tallies_on(dt.date(2026, 11, 20)) == {
            Tally(dt.date(2026, 11, 20), "dm_sent", 3, True)
        }
    finally:
        close_database()
    assert (db_path.parent / f"{db_path.name}.schema1.bak").exists()


def test_an_entry_counts_at_target_through_its_contact(db: Path) -> None:
    at_target, decider, nobody, both = people()
    day = TODAY
    for contact in (at_target, decider, nobody, both, None):
        actions.record(NewEntry("dm_sent", day, 1, contact_id=contact), TODAY)
    actions.record(NewEntry("dm_sent", day, 10, at_target=True, contact_id=nobody), TODAY)
    assert tallies_on(day) == {
        Tally(day, "dm_sent", 3 + 10, True),  # Ann, Dan, Bea; and Ned's entry flagged by hand
        Tally(day, "dm_sent", 2, False),  # Ned unflagged, and the entry without a contact
    }


def test_marking_an_account_as_target_reweighs_its_people_past_entries(db: Path) -> None:
    _, _, nobody, _ = people()
    actions.record(NewEntry("dm_sent", TODAY, 2, contact_id=nobody), TODAY)
    assert tallies_on(TODAY) == {Tally(TODAY, "dm_sent", 2, False)}
    Account.update(is_target=True).where(Account.name == "Globex").execute()
    assert tallies_on(TODAY) == {Tally(TODAY, "dm_sent", 2, True)}


def test_an_unknown_contact_is_refused_and_nothing_is_written(db: Path) -> None:
    with pytest.raises(InvalidEntryError, match="no contact with id 7"):
        actions.record(NewEntry("dm_sent", TODAY, contact_id=7), TODAY)
    with pytest.raises(InvalidEntryError, match="no contact with id 7"):
        actions.record_many(
            [NewEntry("dm_sent", TODAY), NewEntry("dm_sent", TODAY, contact_id=7)], TODAY
        )
    assert actions.entry_count() == 0


def test_record_many_keeps_each_entrys_contact(db: Path) -> None:
    at_target, *_ = people()
    actions.record_many([NewEntry("dm_sent", TODAY, contact_id=at_target)], TODAY)
    assert ActionEntry.get().contact_id == at_target


def test_deleting_a_contact_keeps_the_entries_without_it(db: Path) -> None:
    _, _, nobody, _ = people()
    actions.record(NewEntry("dm_sent", TODAY, contact_id=nobody), TODAY)
    Contact.delete_by_id(nobody)
    assert ActionEntry.get().contact_id is None


def test_decision_makers_per_target_account_puts_the_least_covered_first(db: Path) -> None:
    people()
    beta = accounts.add_account("beta", is_target=True)
    accounts.add_contact("Ben", beta.id)
    accounts.add_account("Empty Inc", is_target=True)
    reach = accounts.decision_makers_per_account()
    assert [(r.account, r.contacts, r.decision_makers) for r in reach] == [
        ("beta", 1, 0),
        ("Empty Inc", 0, 0),
        ("Acme", 2, 1),
    ]
    everyone = {r.account for r in accounts.decision_makers_per_account(targets_only=False)}
    assert everyone == {"Acme", "beta", "Empty Inc", "Globex"}


def test_account_names_are_unique_whatever_the_letter_case(db: Path) -> None:
    accounts.add_account("  Acme   Corp ")
    with pytest.raises(InvalidEntryError, match="already an account named 'Acme Corp'"):
        accounts.add_account("acme corp")
    with pytest.raises(InvalidEntryError, match="name is empty"):
        accounts.add_account("   ")


def test_an_account_is_found_by_id_or_by_name(db: Path) -> None:
    acme = accounts.add_account("Acme")
    assert accounts.find_account(str(acme.id)).name == "Acme"
    assert accounts.find_account("ACME").id == acme.id
    with pytest.raises(InvalidEntryError, match="no account 'Initech'"):
        accounts.find_account("Initech")


def test_a_contact_needs_an_existing_account(db: Path) -> None:
    with pytest.raises(InvalidEntryError, match="no account with id 5"):
        accounts.add_contact("Ann", 5)
    assert Contact.select().count() == 0


def test_history_gets_the_contact_name_of_each_entry(db: Path) -> None:
    at_target, decider, *_ = people()
    with_ann = actions.record(NewEntry("dm_sent", TODAY, contact_id=at_target), TODAY).id
    alone = actions.record(NewEntry("reaction", TODAY), TODAY).id
    with_dan = actions.record(NewEntry("dm_sent", TODAY, contact_id=decider), TODAY).id
    assert accounts.contact_names_by_entry() == {with_ann: "Ann", with_dan: "Dan"}
    assert accounts.contact_names_by_entry([with_dan, alone]) == {with_dan: "Dan"}


def test_a_contact_at_a_new_company_makes_it_a_target_account(db: Path) -> None:
    accounts.add_account("Globex")
    known = accounts.add_contact_at("Gus", "  globex ", "CTO", is_decision_maker=True)
    new = accounts.add_contact_at("Nia", "Initech")
    assert (known.account_name, known.at_target_account) == ("Globex", False)
    assert (new.account_name, new.at_target_account) == ("Initech", True)


def test_a_refused_contact_adds_no_company_either(db: Path) -> None:
    with pytest.raises(InvalidEntryError, match="contact name is empty"):
        accounts.add_contact_at("  ", "Initech")
    assert Account.select().count() == 0
