"""Sample accounts, contacts, posts, conversations and outcomes for `ssi demo`.

Invented companies and people, so the Outcomes tab and the relationships tab have something to
show on a first look. Added only to a database that has no accounts yet: the seller's own
pipeline is never mixed with samples.
"""

from __future__ import annotations

import datetime as dt
import random

from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.outcomes.replies import StartedBy
from ssi_desktop.store import accounts, conversations, outcomes, posts
from ssi_desktop.store.outcomes import NewOutcome
from ssi_desktop.store.posts import NewPost

SAMPLE_ACCOUNTS = {
    # account: (is a target account, [(contact, role, decision-maker)])
    "Northwind Freight": (
        True,
        [
            ("Dana Reyes", "VP Operations", True),
            ("Omar Haddad", "Fleet planner", False),
            ("Lena Park", "CFO", True),
        ],
    ),
    "Bluefin Clinics": (
        True,
        [("Priya Nair", "Head of Procurement", True), ("Tom Becker", "IT lead", False)],
    ),
    "Alder & Moss": (True, [("Grace Liu", "Managing Partner", True)]),
    "Quarry Labs": (False, [("Sam Ortiz", "Engineer", False)]),
}
POST_TITLES = (
    "Three questions to ask before a freight tender",
    "What a clinic's buying committee looks like",
    "Lessons from a lost deal",
    "Why we stopped cold emailing",
)


def add_when_none(first_day: dt.date, today: dt.date, seed: int) -> int:
    """Add the samples when there are no accounts; returns how many records were added."""
    if accounts.accounts():
        return 0
    rng = random.Random(seed)
    people: list[int] = []
    for name, (is_target, members) in SAMPLE_ACCOUNTS.items():
        account = accounts.add_account(name, is_target=is_target)
        for person, role, decides in members:
            contact = accounts.add_contact(person, account.id, role, is_decision_maker=decides)
            people.append(contact.id)
    added = len(SAMPLE_ACCOUNTS) + len(people)
    span = (today - first_day).days
    for week in range(span // 7):
        day = first_day + dt.timedelta(days=7 * week + rng.randrange(5))
        views = rng.randrange(300, 2500)
        engagers = max(1, round(views * rng.uniform(0.006, 0.03)))
        posts.record(
            NewPost(day, views, engagers, rng.randrange(0, 12), rng.choice(POST_TITLES)), today
        )
        added += 1
        if rng.random() < 0.7:
            thread = conversations.start(rng.choice(people), day, StartedBy.ME, today)
            if rng.random() < 0.55:
                answered = min(today, day + dt.timedelta(days=rng.randrange(1, 5)))
                conversations.answer(thread.id, answered, today)
            added += 1
    # Pipeline grows with the habit: outcomes come more often in the later months.
    for offset in range(span):
        day = first_day + dt.timedelta(days=offset)
        pace = offset / max(1, span)
        for kind, per_week in ((OutcomeKind.MEETING, 1.2), (OutcomeKind.OPPORTUNITY, 0.4)):
            if rng.random() < per_week / 7 * pace:
                outcomes.record(NewOutcome(kind, day, contact_id=rng.choice(people)), today)
                added += 1
        if rng.random() < 0.12 / 7 * pace:
            value = float(rng.randrange(8, 60) * 1000)
            outcomes.record(NewOutcome(OutcomeKind.DEAL_WON, day, value=value), today)
            added += 1
    return added
