"""Rows of each LinkedIn file -> ImportedAction (one per row, count 1) and profile facts.

Mapping:

- Connections: each named row -> ``connection_accepted`` on Connected On (rows with only a date
  are closed accounts and skipped).
- Invitations: OUTGOING -> ``connection_request_personalized`` when Message is non-empty, else
  ``connection_request_generic``; INCOMING rows are skipped. An outgoing invitation counts as
  accepted when its invitee (URL, a cut-off URL prefix, or the name) is in Connections, as the
  export notes define it (LinkedIn never lists an invitation to someone already connected, so
  no date comparison is needed).
- messages: see ``messages.py``.
- Shares: empty commentary -> ``reshare``; commentary + SharedUrl -> ``share_with_perspective``;
  commentary alone -> ``post_published`` (words of the unwrapped text, also set for shares).
  InstantReposts -> ``reshare`` (not counted in ``posts``).
- Comments: ``comment_thoughtful`` with 15+ words, else ``comment_short``.
- Reactions and Votes -> ``reaction`` (only Reactions count in ``sources["reactions"]``).
- Recommendations_Received with Status VISIBLE or empty -> ``recommendation_received`` on Creation
  Date (other statuses skipped); Endorsement_Received_Info with status ACCEPTED or empty ->
  ``endorsement_received``.
- Profile items: Headline -> ``headline``; Summary or Profile Summary.csv -> ``about``; 5+ Skills
  rows -> ``skills``; 5+ visible recommendations -> ``recommendations``; a Positions row without
  an end date -> ``experience``.

Ids hash the row's own content (day or timestamp, link, normalized text, names), so a re-export
gives the same ids; URLs of people are left out because their columns come and go by year.
"""

from __future__ import annotations

import bisect
import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .csvread import Row
from .dates import parse_datetime
from .model import ImportedAction
from .owner import normalize_name, normalize_profile_url, normalize_text, profile_slug
from .textutil import count_words, external_id, normalize_link, stamp, text_key, unwrap
from .titles import is_decision_maker

THOUGHTFUL_WORDS = 15
PROFILE_THRESHOLD = 5

SKIP_DATE = "unparseable date"
SKIP_MALFORMED = "malformed row"
SKIP_CLOSED = "closed account (no name)"
SKIP_INCOMING = "incoming invitation"
SKIP_DIRECTION = "invitation of unknown direction"
SKIP_HIDDEN_RECOMMENDATION = "recommendation not visible"
SKIP_ENDORSEMENT_STATUS = "endorsement not accepted"


@dataclass
class FileResult:
    """What one file gave; merged into the report only if the whole file was read."""

    actions: list[ImportedAction] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    profile_items: set[str] = field(default_factory=set)

    def add(
        self, day: datetime.date, key: str, ext_id: str, note: str, words: int | None = None
    ) -> None:
        self.actions.append(ImportedAction(day, key, 1, ext_id, note, words))


def _dated_rows(
    result: FileResult, rows: Iterable[Row | None], column: str
) -> Iterator[tuple[Row, datetime.datetime]]:
    """The rows with a readable date in ``column``; the others are counted as skipped."""
    for row in rows:
        if row is None:
            result.skipped[SKIP_MALFORMED] += 1
            continue
        at = parse_datetime(row.get(column, ""))
        if at is None:
            result.skipped[SKIP_DATE] += 1
            continue
        yield row, at


@dataclass
class ConnectionIndex:
    """Connections by decoded slug and by name, for joining invitations."""

    by_slug: dict[str, list[datetime.date]] = field(default_factory=dict)
    by_name: dict[str, list[datetime.date]] = field(default_factory=dict)
    _sorted_slugs: list[str] | None = None

    def add(self, slug: str | None, name: str, day: datetime.date) -> None:
        if slug:
            self.by_slug.setdefault(slug, []).append(day)
        self.by_name.setdefault(name, []).append(day)
        self._sorted_slugs = None

    def days_for(self, slug: str | None, name: str) -> list[datetime.date]:
        if slug:
            if slug in self.by_slug:
                return self.by_slug[slug]
            if len(slug) >= 3:  # a cut-off URL: a prefix of exactly one known slug
                if self._sorted_slugs is None:
                    self._sorted_slugs = sorted(self.by_slug)
                start = bisect.bisect_left(self._sorted_slugs, slug)
                matches = [
                    known
                    for known in self._sorted_slugs[start : start + 2]
                    if known.startswith(slug)
                ]
                if len(matches) == 1:
                    return self.by_slug[matches[0]]
        return self.by_name.get(name, [])


CONNECTION_NOTE, DECISION_MAKER_NOTE = "Connection", "Decision-maker connection"
"""The notes of the entries Connections.csv gives: the import counts the network from them."""


def connections(rows: Iterable[Row | None], index: ConnectionIndex) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "connectedon"):
        name = normalize_name(row.get("firstname", ""), row.get("lastname", ""))
        if not name:
            result.skipped[SKIP_CLOSED] += 1
            continue
        day = at.date()
        index.add(profile_slug(normalize_profile_url(row.get("url", ""))), name, day)
        result.add(
            day, "connection_accepted", external_id("connection", stamp(day), name), CONNECTION_NOTE
        )
        result.sources["connections"] += 1
        if is_decision_maker(row.get("position", "")):
            ext_id = external_id("decision-maker", stamp(day), name)
            result.add(day, "decision_maker_connected", ext_id, DECISION_MAKER_NOTE)
            result.sources["decision-makers"] += 1
    return result


@dataclass
class InvitationFacts:
    outgoing_inviters: Counter[str] = field(default_factory=Counter)
    incoming_invitees: Counter[str] = field(default_factory=Counter)
    outgoing_names: set[str] = field(default_factory=set)


def invitations(
    rows: Iterable[Row | None],
    index: ConnectionIndex,
    owner_names: set[str],
    facts: InvitationFacts,
) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "sentat"):
        direction = row.get("direction", "").strip().upper()
        if not direction:
            if normalize_name(row.get("from", "")) in owner_names:
                direction = "OUTGOING"
            elif normalize_name(row.get("to", "")) in owner_names:
                direction = "INCOMING"
        if direction == "INCOMING":
            invitee = normalize_profile_url(row.get("inviteeprofileurl", ""))
            if invitee:
                facts.incoming_invitees[invitee] += 1
            result.skipped[SKIP_INCOMING] += 1
            continue
        if direction != "OUTGOING":
            result.skipped[SKIP_DIRECTION] += 1
            continue
        inviter = normalize_profile_url(row.get("inviterprofileurl", ""))
        if inviter:
            facts.outgoing_inviters[inviter] += 1
        facts.outgoing_names.add(normalize_name(row.get("from", "")))
        to_name = normalize_name(row.get("to", ""))
        message = row.get("message", "")
        personalized = bool(message.strip())
        result.add(
            at.date(),
            "connection_request_personalized" if personalized else "connection_request_generic",
            external_id("invitation", stamp(at), to_name, normalize_text(message)),
            "Invitation with a note" if personalized else "Invitation without a note",
        )
        result.sources["invitations_sent"] += 1
        slug = profile_slug(normalize_profile_url(row.get("inviteeprofileurl", "")))
        if index.days_for(slug, to_name):
            result.sources["invitations_accepted"] += 1
    return result


def shares(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "date"):
        commentary = unwrap(row.get("sharecommentary", ""))
        link = normalize_link(row.get("sharelink", ""))
        ext_id = external_id("share", stamp(at), link, text_key(commentary))
        words = count_words(commentary)
        if not commentary:
            result.add(at.date(), "reshare", ext_id, "Repost")
        elif row.get("sharedurl", "").strip():
            result.add(
                at.date(),
                "share_with_perspective",
                ext_id,
                f"Share with comment, {words} words",
                words,
            )
        else:
            result.add(at.date(), "post_published", ext_id, f"Post, {words} words", words)
        result.sources["posts"] += 1
    return result


def instant_reposts(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "date"):
        ext_id = external_id("repost", stamp(at), normalize_link(row.get("link", "")))
        result.add(at.date(), "reshare", ext_id, "Repost")
    return result


def comments(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "date"):
        message = unwrap(row.get("message", ""))
        words = count_words(message)
        key = "comment_thoughtful" if words >= THOUGHTFUL_WORDS else "comment_short"
        ext_id = external_id(
            "comment", stamp(at), normalize_link(row.get("link", "")), text_key(message)
        )
        result.add(at.date(), key, ext_id, f"Comment, {words} words", words)
        result.sources["comments"] += 1
    return result


def reactions(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "date"):
        kind = row.get("type", "").strip().upper()
        ext_id = external_id("reaction", stamp(at), normalize_link(row.get("link", "")), kind)
        result.add(at.date(), "reaction", ext_id, f"Reaction: {kind.title() or 'Like'}")
        result.sources["reactions"] += 1
    return result


def votes(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "date"):
        ext_id = external_id(
            "vote",
            stamp(at),
            normalize_link(row.get("link", "")),
            normalize_text(row.get("optiontext", "")),
        )
        result.add(at.date(), "reaction", ext_id, "Poll vote")
    return result


def recommendations_received(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "creationdate"):
        if row.get("status", "").strip().upper() not in {"", "VISIBLE"}:
            result.skipped[SKIP_HIDDEN_RECOMMENDATION] += 1
            continue
        name = normalize_name(row.get("firstname", ""), row.get("lastname", ""))
        ext_id = external_id(
            "recommendation", stamp(at.date()), name, text_key(row.get("text", ""))
        )
        result.add(at.date(), "recommendation_received", ext_id, "Recommendation received")
        result.sources["recommendations_received"] += 1
    if result.sources["recommendations_received"] >= PROFILE_THRESHOLD:
        result.profile_items.add("recommendations")
    return result


def endorsements_received(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row, at in _dated_rows(result, rows, "endorsementdate"):
        if row.get("endorsementstatus", "").strip().upper() not in {"", "ACCEPTED"}:
            result.skipped[SKIP_ENDORSEMENT_STATUS] += 1
            continue
        skill = " ".join(row.get("skillname", "").split())
        endorser = normalize_name(row.get("endorserfirstname", ""), row.get("endorserlastname", ""))
        ext_id = external_id("endorsement", stamp(at.date()), normalize_text(skill), endorser)
        result.add(at.date(), "endorsement_received", ext_id, f"Endorsement: {skill[:60]}")
        result.sources["endorsements_received"] += 1
    return result


@dataclass
class ProfileFacts:
    names: set[str] = field(default_factory=set)


def profile(rows: Iterable[Row | None], facts: ProfileFacts) -> FileResult:
    result = FileResult()
    for row in rows:
        if row is None:
            result.skipped[SKIP_MALFORMED] += 1
            continue
        name = normalize_name(row.get("firstname", ""), row.get("lastname", ""))
        if name:
            facts.names.add(name)
        if row.get("headline", "").strip():
            result.profile_items.add("headline")
        if row.get("summary", "").strip():
            result.profile_items.add("about")
    return result


def profile_summary(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row in rows:
        if row is None:
            result.skipped[SKIP_MALFORMED] += 1
        elif any(value.strip() for value in row.values()):
            result.profile_items.add("about")
    return result


def skills(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    named = 0
    for row in rows:
        if row is None:
            result.skipped[SKIP_MALFORMED] += 1
        elif row.get("name", "").strip():
            named += 1
    if named >= PROFILE_THRESHOLD:
        result.profile_items.add("skills")
    return result


def positions(rows: Iterable[Row | None]) -> FileResult:
    result = FileResult()
    for row in rows:
        if row is None:
            result.skipped[SKIP_MALFORMED] += 1
        elif (row.get("title", "").strip() or row.get("companyname", "").strip()) and not row.get(
            "finishedon", ""
        ).strip():
            result.profile_items.add("experience")
    return result
