"""Posts, conversations and outcomes in the store; their export, backup and weekly view."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from ssi_desktop.application import estimate
from ssi_desktop.application.outcomes import load_pipeline, load_weeks
from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.outcomes.replies import ReplyCount, StartedBy
from ssi_desktop.store import accounts, actions, conversations, export, outcomes, posts, records
from ssi_desktop.store.actions import InvalidEntryError, NewEntry
from ssi_desktop.store.models import Conversation, Outcome, Post
from tests.conftest import TODAY


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def ann(db: Path) -> int:
    acme = accounts.add_account("Acme", is_target=True)
    return accounts.add_contact("Ann", acme.id, "CFO", is_decision_maker=True).id


@pytest.mark.parametrize(
    ("views", "engagers", "comments", "message"),
    [
        (0, 0, 0, "views must be at least 1"),
        (100, 101, 0, "101 engagers is more than the 100 views"),
        (100, -1, 0, "engagers cannot be negative"),
        (100, 1, -2, "comments cannot be negative"),
    ],
)
def test_impossible_post_numbers_are_refused(
    db: Path, views: int, engagers: int, comments: int, message: str
) -> None:
    with pytest.raises(InvalidEntryError, match=message):
        posts.record(posts.NewPost(TODAY, views, engagers, comments), TODAY)
    assert Post.select().count() == 0


def test_the_90_day_average_leaves_older_posts_out(db: Path) -> None:
    posts.record(posts.NewPost(days_ago(1), 1000, 20), TODAY)
    posts.record(posts.NewPost(days_ago(30), 1000, 10), TODAY)
    posts.record(posts.NewPost(days_ago(120), 100, 90), TODAY)
    assert posts.average_rate_90d(TODAY) == 1.5
    assert [p.day for p in posts.posts()] == [days_ago(120), days_ago(30), days_ago(1)]


def test_a_conversation_is_answered_once_and_not_before_it_started(ann: int) -> None:
    thread = conversations.start(ann, days_ago(5), StartedBy.ME, TODAY)
    with pytest.raises(InvalidEntryError, match="before the conversation started"):
        conversations.answer(thread.id, days_ago(6), TODAY)
    conversations.answer(thread.id, days_ago(2), TODAY)
    with pytest.raises(InvalidEntryError, match=f"already answered on {days_ago(2).isoformat()}"):
        conversations.answer(thread.id, TODAY, TODAY)
    assert Conversation.get_by_id(thread.id).answered_on == days_ago(2)


def test_conversations_need_a_known_contact_and_conversation(db: Path) -> None:
    with pytest.raises(InvalidEntryError, match="no contact with id 3"):
        conversations.start(3, TODAY, StartedBy.ME, TODAY)
    with pytest.raises(InvalidEntryError, match="no conversation with id 9"):
        conversations.answer(9, TODAY, TODAY)
    assert Conversation.select().count() == 0


def test_the_90_day_reply_rate_reads_the_seller_threads(ann: int) -> None:
    answered = conversations.start(ann, days_ago(10), StartedBy.ME, TODAY)
    conversations.answer(answered.id, days_ago(8), TODAY)
    for started, by in [(days_ago(3), StartedBy.ME), (days_ago(3), StartedBy.ME)]:
        conversations.start(ann, started, by, TODAY)
    conversations.start(ann, days_ago(1), StartedBy.THEM, TODAY)
    conversations.start(ann, days_ago(100), StartedBy.ME, TODAY)
    assert conversations.reply_rate_90d(TODAY) == pytest.approx(100 / 3)


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (OutcomeKind.MEETING, 10.0, "a meeting has no value"),
        (OutcomeKind.DEAL_WON, -1.0, "zero or more"),
        (OutcomeKind.DEAL_WON, float("nan"), "zero or more"),
        (OutcomeKind.DEAL_WON, 1e13, "beyond belief"),
    ],
)
def test_outcome_values_must_make_sense(
    db: Path, kind: OutcomeKind, value: float, message: str
) -> None:
    with pytest.raises(InvalidEntryError, match=message):
        outcomes.record(outcomes.NewOutcome(kind, TODAY, value), TODAY)
    assert Outcome.select().count() == 0


def test_an_outcome_with_an_unknown_contact_is_refused(db: Path) -> None:
    with pytest.raises(InvalidEntryError, match="no contact with id 4"):
        outcomes.record(outcomes.NewOutcome(OutcomeKind.MEETING, TODAY, contact_id=4), TODAY)


def fill(ann: int) -> None:
    actions.record(NewEntry("dm_sent", TODAY, 2, contact_id=ann), TODAY)
    posts.record(posts.NewPost(TODAY, 1000, 20, 4, "Pricing", "https://example.org/p"), TODAY)
    thread = conversations.start(ann, days_ago(2), StartedBy.ME, TODAY)
    conversations.answer(thread.id, TODAY, TODAY)
    outcomes.record(outcomes.NewOutcome(OutcomeKind.DEAL_WON, TODAY, 1200.0, ann, "pilot"), TODAY)


def test_the_json_export_holds_everything_the_seller_recorded(ann: int) -> None:
    fill(ann)
    document = json.loads(export.to_json())
    assert document["entries"][0]["contact_id"] == ann
    assert document["accounts"] == [{"id": 1, "name": "Acme", "target": True, "note": ""}]
    assert document["contacts"][0] | {"id": ann} == {
        "id": ann,
        "name": "Ann",
        "account_id": 1,
        "role": "CFO",
        "decision_maker": True,
        "note": "",
    }
    assert document["posts"][0]["engagement_rate"] == 2.0
    assert document["posts"][0]["link"] == "https://example.org/p"
    assert document["conversations"][0]["started"] == days_ago(2).isoformat()
    assert document["conversations"][0]["answered"] == TODAY.isoformat()
    assert document["outcomes"][0] == {
        "id": 1,
        "kind": "deal_won",
        "date": TODAY.isoformat(),
        "value": 1200.0,
        "contact_id": ann,
        "note": "pilot",
    }


def test_the_csv_export_stays_the_entries_table_with_each_contact(ann: int) -> None:
    fill(ann)
    header, row = export.to_csv().splitlines()
    assert header.endswith(",contact_id,contact")
    assert row.endswith(f",{ann},Ann")


def test_a_backup_copy_holds_the_new_tables(ann: int, db_path: Path, tmp_path: Path) -> None:
    fill(ann)
    copy = tmp_path / "backup.sqlite3"
    with sqlite3.connect(db_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(copy) as restored:
        counts = {
            table: restored.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("account", "contact", "post", "conversation", "outcome")
        }
        entry_contact = restored.execute("SELECT contact_id FROM action_entry").fetchone()[0]
    assert counts == dict.fromkeys(counts, 1)
    assert entry_contact == ann


def test_load_weeks_puts_each_week_closing_estimate_beside_its_outcomes(ann: int) -> None:
    for n in range(60):
        actions.record(NewEntry("comment_thoughtful", days_ago(n), 2), TODAY)
    outcomes.record(outcomes.NewOutcome(OutcomeKind.MEETING, days_ago(8)), TODAY)
    weeks = load_weeks(TODAY, 4)
    scores = estimate.series(weeks[0].closing_day, TODAY)
    assert [w.closing_day.weekday() for w in weeks[:-1]] == [6, 6, 6]
    assert [w.estimate for w in weeks] == [scores.on(w.closing_day).total for w in weeks]
    assert [w.meetings for w in weeks] == [0, 0, 1, 0]


def logged() -> list[tuple[str, dt.date, int | None]]:
    return [(e.key, e.day, e.contact_id) for e in actions.entries()]


def test_a_booked_meeting_can_count_in_the_estimate_too(ann: int) -> None:
    meeting = outcomes.NewOutcome(OutcomeKind.MEETING, days_ago(2), contact_id=ann)
    outcomes.record(meeting, TODAY)
    assert logged() == []
    outcomes.record(meeting, TODAY, also_log=True)
    assert logged() == [("meeting_booked", days_ago(2), ann)]
    outcomes.record(outcomes.NewOutcome(OutcomeKind.DEAL_WON, TODAY, 900.0), TODAY, also_log=True)
    assert len(logged()) == 1  # a won deal is no action of the score model
    assert Outcome.select().count() == 3


def test_threads_can_log_the_message_and_the_reply_as_actions(ann: int) -> None:
    mine = conversations.start(ann, days_ago(4), StartedBy.ME, TODAY, also_log=True)
    conversations.start(ann, days_ago(3), StartedBy.THEM, TODAY, also_log=True)
    conversations.answer(mine.id, days_ago(1), TODAY, also_log=True)
    assert logged() == [("dm_reply_received", days_ago(1), ann), ("dm_sent", days_ago(4), ann)]


def test_a_refused_answer_logs_no_reply(ann: int) -> None:
    thread = conversations.start(ann, days_ago(4), StartedBy.ME, TODAY)
    with pytest.raises(InvalidEntryError):
        conversations.answer(thread.id, days_ago(5), TODAY, also_log=True)
    assert logged() == []


def test_waiting_threads_are_the_sellers_unanswered_ones_oldest_first(ann: int) -> None:
    newer = conversations.start(ann, days_ago(2), StartedBy.ME, TODAY)
    older = conversations.start(ann, days_ago(9), StartedBy.ME, TODAY)
    answered = conversations.start(ann, days_ago(5), StartedBy.ME, TODAY)
    conversations.answer(answered.id, days_ago(4), TODAY)
    conversations.start(ann, days_ago(1), StartedBy.THEM, TODAY)
    assert [t.id for t in conversations.waiting()] == [older.id, newer.id]
    assert conversations.reply_count_90d(TODAY) == ReplyCount(started=3, answered=1)


def test_post_rates_are_oldest_first_and_can_be_limited_to_the_newest(db: Path) -> None:
    for back, engagers in ((30, 10), (2, 30), (9, 20)):
        posts.record(posts.NewPost(days_ago(back), 1000, engagers), TODAY)
    assert [r.rate for r in posts.rates()] == [1.0, 2.0, 3.0]
    assert [r.day for r in posts.rates(2)] == [days_ago(9), days_ago(2)]


def test_the_pipeline_view_gathers_what_the_outcomes_tab_shows(ann: int) -> None:
    posts.record(posts.NewPost(days_ago(3), 1000, 20), TODAY)
    posts.record(posts.NewPost(days_ago(120), 1000, 60), TODAY)
    conversations.start(ann, days_ago(6), StartedBy.ME, TODAY)
    outcomes.record(outcomes.NewOutcome(OutcomeKind.DEAL_WON, days_ago(1), 5000.0), TODAY)
    view = load_pipeline(TODAY, weeks=3)
    assert [w.won_value for w in view.weeks] == [0.0, 0.0, 5000.0]
    assert (view.posts_90d, view.average_rate_90d) == (1, pytest.approx(2.0))
    assert [r.rate for r in view.post_rates] == [pytest.approx(6.0), pytest.approx(2.0)]
    assert view.replies_90d == ReplyCount(started=1, answered=0)
    assert [(r.account, r.decision_makers) for r in view.reach] == [("Acme", 1)]
    assert [(t.contact, t.account, t.started_on) for t in view.waiting] == [
        ("Ann", "Acme", days_ago(6))
    ]


def test_records_are_deleted_all_or_none(ann: int) -> None:
    kept = posts.record(posts.NewPost(TODAY, 100, 3), TODAY).id
    gone = posts.record(posts.NewPost(TODAY, 100, 4), TODAY).id
    with pytest.raises(InvalidEntryError, match="no post with id 99; nothing deleted"):
        records.delete("post", [gone, 99])
    assert records.delete("post", [gone, gone]) == 1
    assert [p.id for p in Post.select()] == [kept]
    assert records.delete("outcome", []) == 0


def test_deleting_an_outcome_keeps_the_action_logged_with_it(ann: int) -> None:
    meeting = outcomes.NewOutcome(OutcomeKind.MEETING, TODAY, contact_id=ann)
    stored = outcomes.record(meeting, TODAY, also_log=True)
    records.delete("outcome", [stored.id])
    assert Outcome.select().count() == 0
    assert logged() == [("meeting_booked", TODAY, ann)]
