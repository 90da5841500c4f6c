"""messages.csv (2021+, 9 to 13 columns, by header name) and 2018's Messages.csv (Direction).

Rows are filtered first (draft, SPAM folder, sponsored / ``LinkedIn Member``, system bodies,
unparseable date); the rest are kept as compact records (no bodies: a hash only). Once the owner
is known:

- each message by the owner -> ``dm_sent``;
- a conversation is *started* by the owner when its earliest kept message is the owner's, and
  *replied* when someone else wrote later; each day with such a later message -> one
  ``dm_reply_received``.

2018 rows have no conversation id: the unordered pair of From/To names stands in for it.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .csvread import Row
from .dates import parse_datetime
from .model import ImportedAction
from .owner import Owner, normalize_name, normalize_profile_url
from .textutil import external_id, stamp, text_key

_TRUE = {"yes", "true", "1", "y"}
_HTML = re.compile(r"<\s*/?\s*(?:p|div|html|body|table|tr|td|br|span|a|img|b|strong)\b", re.I)
_TEMPLATE = re.compile(r"%(?:FIRSTNAME|LASTNAME|FULLNAME|COMPANY)%", re.I)
_SYSTEM = (
    re.compile(r"message request accepted\.?", re.I),
    re.compile(r".{0,200}\b(?:left|joined) the conversation\.?", re.I),
    re.compile(r".{0,200}\b(?:added|removed) .{0,200}\b(?:to|from) the conversation\.?", re.I),
    re.compile(r".{0,200}\b(?:named|renamed) the conversation\b.{0,200}", re.I),
    re.compile(r"you are now connected\b.{0,200}", re.I),
)

_SYSTEM_WORDS = ("conversation", "request accepted", "now connected")
"""Every system body holds one of these: the patterns only run on the few that do."""

SKIP_DRAFT = "draft message"
SKIP_SPAM = "spam folder"
SKIP_SPONSORED = "sponsored or LinkedIn Member message"
SKIP_SYSTEM = "system message"
SKIP_EMPTY = "empty message"
SKIP_DATE = "unparseable date"
SKIP_MALFORMED = "malformed row"


@dataclass(frozen=True, slots=True)
class Message:
    conversation: str
    at: datetime.datetime
    sender_url: str | None
    sender_name: str
    direction: str | None  # 2018 only: OUTGOING / INCOMING
    body_key: str  # hash of the normalized body
    recipient_urls: tuple[str, ...]


@dataclass
class MessageData:
    messages: list[Message] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    outgoing_names: set[str] = field(default_factory=set)


def _skip_reason(row: Row) -> str | None:
    folder = row.get("folder", "").strip().upper()
    if (
        row.get("ismessagedraft", "").casefold() in _TRUE
        or row.get("isconversationdraft", "").casefold() in _TRUE
        or folder in {"DRAFT", "DRAFTS"}
    ):
        return SKIP_DRAFT
    if folder == "SPAM":
        return SKIP_SPAM
    content = row.get("content", "")
    labels = " ".join((folder, row.get("conversationtitle", ""), row.get("subject", ""))).casefold()
    if (
        row.get("from", "").casefold() == "linkedin member"
        or "sponsored" in labels
        or _TEMPLATE.search(content)
        or _HTML.search(content)
    ):
        return SKIP_SPONSORED
    lowered = content.casefold()
    if any(word in lowered for word in _SYSTEM_WORDS) and any(
        pattern.fullmatch(content.strip()) for pattern in _SYSTEM
    ):
        return SKIP_SYSTEM
    if not content.strip() and not row.get("attachments", "").strip():
        return SKIP_EMPTY
    return None


def collect(rows: Iterable[Row | None]) -> MessageData:
    data = MessageData()
    for row in rows:
        if row is None or not (row.get("from") or row.get("senderprofileurl")):
            data.skipped[SKIP_MALFORMED] += 1
            continue
        reason = _skip_reason(row)
        if reason is not None:
            data.skipped[reason] += 1
            continue
        at = parse_datetime(row.get("date", ""))
        if at is None:
            data.skipped[SKIP_DATE] += 1
            continue
        direction = row.get("direction", "").strip().upper() or None
        sender = row.get("from", "")
        conversation = row.get("conversationid", "").strip()
        if not conversation:
            pair = sorted({normalize_name(sender), normalize_name(row.get("to", ""))})
            conversation = "pair:" + "|".join(pair)
        if direction == "OUTGOING":
            data.outgoing_names.add(normalize_name(sender))
        recipients = tuple(
            url
            for url in (
                normalize_profile_url(part)
                for part in re.split(r"[,\s]+", row.get("recipientprofileurls", ""))
            )
            if url is not None
        )
        data.messages.append(
            Message(
                conversation=conversation,
                at=at,
                sender_url=normalize_profile_url(row.get("senderprofileurl", "")),
                sender_name=sender,
                direction=direction,
                body_key=external_id("body", text_key(row.get("content", ""))),
                recipient_urls=recipients,
            )
        )
    return data


def sender_ranking(data: MessageData) -> list[tuple[str, int, int, str]]:
    """(url, conversations taken part in, messages sent, name) for every sender URL."""
    sent: Counter[str] = Counter()
    names: dict[str, str] = {}
    for message in data.messages:
        if message.sender_url is not None:
            sent[message.sender_url] += 1
            names.setdefault(message.sender_url, normalize_name(message.sender_name))
    # Only senders are ranked, so only their conversations are gathered: the URLs that only
    # ever receive are most of a big archive's, and a set for each cost it a lot of memory.
    conversations: dict[str, set[str]] = {url: set() for url in sent}
    for message in data.messages:
        for url in (message.sender_url, *message.recipient_urls):
            if url is not None and url in conversations:
                conversations[url].add(message.conversation)
    return [
        (url, len(conversations.get(url, ())), count, names[url]) for url, count in sent.items()
    ]


def participants(data: MessageData) -> set[str]:
    found: set[str] = set()
    for message in data.messages:
        if message.sender_url is not None:
            found.add(message.sender_url)
        found.update(message.recipient_urls)
    return found


@dataclass
class MessageResult:
    actions: list[ImportedAction]
    conversations: int
    started: int
    replied: int


def _by_owner(message: Message, owner: Owner) -> bool:
    if message.direction is not None:
        return message.direction == "OUTGOING"
    return owner.is_owner(message.sender_url, message.sender_name)


def to_actions(data: MessageData, owner: Owner) -> MessageResult:
    actions: list[ImportedAction] = []
    threads: dict[str, list[tuple[Message, bool]]] = {}
    for message in data.messages:
        mine = _by_owner(message, owner)
        threads.setdefault(message.conversation, []).append((message, mine))
        if mine:
            actions.append(
                ImportedAction(
                    day=message.at.date(),
                    key="dm_sent",
                    count=1,
                    external_id=external_id(
                        "dm", message.conversation, stamp(message.at), message.body_key
                    ),
                    note="Message sent",
                )
            )
    started = replied = 0
    for conversation, thread in threads.items():
        thread.sort(key=lambda item: (item[0].at, not item[1]))
        first, mine = thread[0]
        if not mine:
            continue
        started += 1
        reply_days: Counter[datetime.date] = Counter(
            message.at.date()
            for message, by_owner in thread
            if not by_owner and message.at > first.at
        )
        if reply_days:
            replied += 1
        for day, count in sorted(reply_days.items()):
            actions.append(
                ImportedAction(
                    day=day,
                    key="dm_reply_received",
                    count=1,
                    external_id=external_id("dm-reply", conversation, stamp(day)),
                    note=f"Reply received ({count} message{'s' if count > 1 else ''})",
                )
            )
    return MessageResult(actions, len(threads), started, replied)
