"""peewee models of the current schema (migrations.py creates and upgrades the tables)."""

from __future__ import annotations

import datetime as dt

import peewee

from ssi_desktop.store.db import database


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


class ActionEntry(BaseModel):
    """One line of the seller's log: ``count`` actions of type ``key`` on ``day``."""

    id = peewee.AutoField()
    day = peewee.DateField(index=True)
    key = peewee.CharField(max_length=64)
    count = peewee.IntegerField()
    note = peewee.TextField(default="")
    at_target = peewee.BooleanField(default=False)
    source = peewee.CharField(max_length=32, default="manual")
    external_id = peewee.CharField(max_length=255, null=True, unique=True)
    batch_id = peewee.IntegerField(null=True)
    created_at = peewee.DateTimeField(default=utc_now)
    contact = peewee.DeferredForeignKey(
        "Contact", null=True, column_name="contact_id", on_delete="SET NULL"
    )
    """Who the actions were with, when the seller said so (a target contact weighs more)."""
    contact_id: int | None  # peewee's accessor for the raw id, declared for type checkers


class ProfileChange(BaseModel):
    """On ``day`` a profile checklist item became done (or undone)."""

    id = peewee.AutoField()
    item = peewee.CharField(max_length=64)
    day = peewee.DateField()
    done = peewee.BooleanField()
    created_at = peewee.DateTimeField(default=utc_now)
    batch_id = peewee.IntegerField(null=True)  # the import that set it; None when set by hand


class NetworkRow(BaseModel):
    """The seller's network on ``day``: one row a day (store/network.py)."""

    id = peewee.AutoField()
    day = peewee.DateField(unique=True)
    connections = peewee.IntegerField()
    followers = peewee.IntegerField(null=True)
    decision_makers = peewee.IntegerField(null=True)
    source = peewee.CharField(max_length=32, default="manual")
    batch_id = peewee.IntegerField(null=True)  # the import that wrote it; None when typed in
    created_at = peewee.DateTimeField(default=utc_now)

    class Meta:
        table_name = "network_record"


class OfficialReadingRow(BaseModel):
    """What LinkedIn's SSI page showed on ``day``: one row a day (store/readings.py)."""

    id = peewee.AutoField()
    day = peewee.DateField(unique=True)
    total = peewee.FloatField()
    brand = peewee.FloatField()
    people = peewee.FloatField()
    insights = peewee.FloatField()
    relationships = peewee.FloatField()
    industry_rank = peewee.FloatField(null=True)
    network_rank = peewee.FloatField(null=True)
    industry_avg = peewee.FloatField(null=True)
    network_avg = peewee.FloatField(null=True)
    created_at = peewee.DateTimeField(default=utc_now)

    class Meta:
        table_name = "official_reading"


class Setting(BaseModel):
    """One of the seller's choices, kept with their data (store/settings.py)."""

    key = peewee.CharField(max_length=64, primary_key=True)
    value = peewee.TextField()


class HabitTarget(BaseModel):
    """The seller's target for one action type: ``count`` actions a day or a week."""

    key = peewee.CharField(max_length=64, primary_key=True)
    count = peewee.IntegerField()
    per = peewee.CharField(max_length=8)  # "day" or "week" (habits.targets.Period)
    updated_at = peewee.DateTimeField(default=utc_now)


class RestDay(BaseModel):
    """A day off (vacation, illness, a holiday): it freezes streaks instead of breaking them."""

    day = peewee.DateField(primary_key=True)
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utc_now)


class Account(BaseModel):
    """A company the seller sells to; ``is_target`` marks the accounts the plan is built on."""

    id = peewee.AutoField()
    name = peewee.CharField(max_length=200)
    is_target = peewee.BooleanField(default=False)
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utc_now)


class Contact(BaseModel):
    """A person at an account; decision-makers weigh more in the score and in the pipeline."""

    id = peewee.AutoField()
    name = peewee.CharField(max_length=200)
    account = peewee.ForeignKeyField(Account, backref="contacts", column_name="account_id")
    account_id: int
    role = peewee.CharField(max_length=200, default="")
    is_decision_maker = peewee.BooleanField(default=False)
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utc_now)


class Post(BaseModel):
    """One of the seller's posts with the numbers LinkedIn shows under it."""

    id = peewee.AutoField()
    day = peewee.DateField()
    title = peewee.TextField(default="")
    link = peewee.TextField(default="")
    views = peewee.IntegerField()
    engagers = peewee.IntegerField()
    comments = peewee.IntegerField(default=0)
    created_at = peewee.DateTimeField(default=utc_now)


class Conversation(BaseModel):
    """A direct-message thread with a contact: who started it, and when (if) it was answered."""

    id = peewee.AutoField()
    contact = peewee.ForeignKeyField(Contact, backref="conversations", column_name="contact_id")
    contact_id: int
    started_on = peewee.DateField()
    started_by = peewee.CharField(max_length=8)
    answered_on = peewee.DateField(null=True)
    created_at = peewee.DateTimeField(default=utc_now)


class Outcome(BaseModel):
    """A result the activity led to: a meeting booked, an opportunity opened or a deal won."""

    id = peewee.AutoField()
    kind = peewee.CharField(max_length=16)
    day = peewee.DateField()
    value = peewee.FloatField(null=True)
    contact = peewee.ForeignKeyField(
        Contact, null=True, backref="outcomes", column_name="contact_id", on_delete="SET NULL"
    )
    contact_id: int | None
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utc_now)


class ImportBatch(BaseModel):
    """One import of an outside file (a LinkedIn archive): undone as a whole, never in part.

    ``counts`` is the import's JSON summary as shown before it was written; ``entries`` and
    ``profile_items`` say how many rows it added. An undone batch keeps its row, with
    ``undone_at`` set, so the list of imports tells the whole story.
    """

    id = peewee.AutoField()
    source = peewee.CharField(max_length=32)
    file_name = peewee.TextField()
    imported_at = peewee.DateTimeField(default=utc_now)
    counts = peewee.TextField(default="{}")
    entries = peewee.IntegerField(default=0)
    profile_items = peewee.IntegerField(default=0)
    undone_at = peewee.DateTimeField(null=True)
