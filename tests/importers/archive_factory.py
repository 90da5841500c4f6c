"""Synthetic LinkedIn archives for the tests: invented people and texts, shaped like each era.

One data set (``dataset()``) is rendered in the formats of 2021-23, 2024-25 and 2026 so that the
same rows can be compared across re-exports; 2018 has its own small hand-written archive because
its files carry different columns (``ERA_2018``).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

D = dt.datetime


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    slug: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def url(self) -> str:
        return f"https://www.linkedin.com/in/{self.slug}"


CONNECTION_COLUMNS = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
"""Connections.csv's columns (the older layout has no URL)."""

MESSAGE_COLUMNS = (
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
)
"""messages.csv's columns in every era; newer exports add MESSAGE_DRAFT_COLUMNS (and more)."""
MESSAGE_DRAFT_COLUMNS = ["IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"]


OWNER = Person("Robin", "Quill", "robin-quill")
ANA = Person("Ana", "Söderberg", "ana-söderberg")  # non-ASCII slug: percent-encoded in Connections
BO = Person("Bo", "Tran", "bo-tran-7a1b2c")
CY = Person("Cyrus", "Okafor", "cyrus-okafor")
DEE = Person("Dee", "Marsh", "dee-marsh")
ELI = Person("Eli", "Vance, PhD", "eli-vance")  # a comma inside a name
FAY = Person("Fay", "Lund", "fay-lund")
GUS = Person("Gus", "Ibarra", "gus-ibarra")
ZED = Person("Zed", "Quick", "zed-quick")


@dataclass(frozen=True)
class Connection:
    person: Person | None  # None = closed account (only a date)
    day: dt.date


@dataclass(frozen=True)
class Invitation:
    at: dt.datetime
    sender: Person
    invitee: Person
    message: str
    direction: str
    truncate_invitee_url: bool = False


@dataclass(frozen=True)
class Msg:
    conversation: str
    title: str
    sender: Person | None  # None = "LinkedIn Member"
    recipients: tuple[Person, ...]
    at: dt.datetime
    content: str
    folder: str = "INBOX"
    draft: bool = False
    subject: str = ""


@dataclass(frozen=True)
class Share:
    at: dt.datetime
    link: str
    lines: tuple[str, ...]  # commentary, one entry per line (wrapped in quotes when several)
    shared_url: str = ""
    media_url: str = ""


@dataclass(frozen=True)
class Comment:
    at: dt.datetime
    link: str
    message: str


@dataclass(frozen=True)
class Reaction:
    at: dt.datetime
    kind: str
    link: str


@dataclass(frozen=True)
class Recommendation:
    person: Person
    text: str
    at: dt.datetime
    status: str


@dataclass(frozen=True)
class Endorsement:
    at: dt.datetime
    skill: str
    person: Person


@dataclass
class Dataset:
    connections: list[Connection] = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    messages: list[Msg] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    votes: list[tuple[dt.datetime, str, str]] = field(default_factory=list)
    reposts: list[tuple[dt.datetime, str]] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    endorsements: list[Endorsement] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    headline: str = "Helping mid-size shippers cut freight costs"
    summary: str = ""
    current_position: bool = True


ACT = "https://www.linkedin.com/feed/update/urn:li:activity:"


def dataset() -> Dataset:
    """The standard data; the expected counts are in EXPECTED_SOURCES."""
    return Dataset(
        connections=[
            Connection(ANA, dt.date(2024, 1, 10)),
            Connection(BO, dt.date(2024, 2, 3)),
            Connection(CY, dt.date(2023, 11, 20)),
            Connection(ELI, dt.date(2023, 5, 2)),
            Connection(FAY, dt.date(2024, 2, 20)),
            Connection(GUS, dt.date(2021, 6, 15)),
            Connection(None, dt.date(2022, 3, 1)),
        ],
        invitations=[
            Invitation(
                D(2024, 1, 8, 9, 15), OWNER, ANA, "Hi Ana, I enjoyed your talk.", "OUTGOING"
            ),
            Invitation(D(2024, 2, 1, 18, 2), OWNER, BO, "", "OUTGOING", truncate_invitee_url=True),
            Invitation(
                D(2024, 2, 10, 7, 47), OWNER, DEE, "Hello Dee, fellow shipper here.", "OUTGOING"
            ),
            Invitation(D(2024, 2, 19, 12, 0), FAY, OWNER, "", "INCOMING"),
        ],
        messages=[
            Msg("2-AAA", "", OWNER, (ANA,), D(2024, 1, 11, 10, 0), "Thanks for connecting, Ana!"),
            Msg("2-AAA", "", ANA, (OWNER,), D(2024, 1, 12, 8, 30), "Likewise! Coffee next week?"),
            Msg("2-AAA", "", ANA, (OWNER,), D(2024, 1, 12, 8, 31), "I'm free Tuesday."),
            Msg("2-AAA", "", OWNER, (ANA,), D(2024, 1, 12, 9, 0), "Tuesday works."),
            Msg("2-AAA", "", ANA, (OWNER,), D(2024, 1, 14, 11, 0), "See you then."),
            Msg("2-BBB", "", BO, (OWNER,), D(2024, 2, 5, 9, 0), "Hi Robin, a quick question."),
            Msg("2-BBB", "", OWNER, (BO,), D(2024, 2, 5, 10, 0), "Sure, ask away."),
            Msg(
                "2-CCC",
                "Launch crew",
                OWNER,
                (CY, ELI),
                D(2024, 2, 8, 16, 20),
                'Kickoff notes attached,\nsee page 2 ("risks").',
            ),
            Msg(
                "2-DDD",
                "",
                None,
                (OWNER,),
                D(2024, 2, 9, 6, 0),
                "<p>Hi %FIRSTNAME%, grow your pipeline today</p>",
                subject="Sponsored",
            ),
            Msg("2-EEE", "", ZED, (OWNER,), D(2024, 2, 9, 7, 0), "Buy cheap followers", "SPAM"),
            Msg("2-FFF", "", FAY, (OWNER,), D(2024, 2, 21, 7, 0), "Message request accepted"),
            Msg(
                "2-GGG", "", OWNER, (GUS,), D(2024, 2, 22, 7, 0), "Half-written thought", draft=True
            ),
        ],
        shares=[
            Share(
                D(2024, 1, 20, 9, 0),
                ACT + "7001",
                (
                    "Three lessons from a year of cold outreach:",
                    "1. Listen first.",
                    "2. Follow up once.",
                ),
            ),
            Share(
                D(2024, 1, 25, 12, 0),
                ACT + "7002",
                ("Worth reading for anyone in logistics.",),
                "https://example.org/a",
            ),
            Share(D(2024, 2, 2, 7, 30), ACT + "7003", (), "https://example.org/b"),
        ],
        comments=[
            Comment(
                D(2024, 1, 21, 14, 0),
                ACT + "8001",
                'This matches what we saw last quarter.\nThe teams that asked "why" '
                "before pitching closed twice as many deals.",
            ),
            Comment(D(2024, 1, 22, 8, 5), ACT + "8004", "Congrats, well deserved!"),
        ],
        reactions=[
            Reaction(D(2024, 1, 23, 10, 0), "LIKE", ACT + "8002"),
            Reaction(D(2024, 1, 23, 10, 1), "PRAISE", ACT + "8003"),
            Reaction(D(2024, 2, 4, 18, 45), "EMPATHY", ACT + "8005"),
        ],
        votes=[(D(2024, 2, 6, 11, 0), ACT + "8006", "Mostly by email")],
        reposts=[(D(2024, 2, 12, 13, 0), ACT + "8007")],
        recommendations=[
            Recommendation(
                ANA,
                "Robin untangled our freight contracts, twice.",
                D(2024, 2, 15, 19, 18),
                "VISIBLE",
            ),
            Recommendation(CY, "Great partner.", D(2024, 2, 16, 9, 0), "PENDING"),
        ],
        endorsements=[
            Endorsement(D(2024, 2, 16, 14, 51, 7), "Negotiation", BO),
            Endorsement(D(2024, 2, 17, 8, 0, 0), "Supply Chain", ANA),
        ],
        skills=["Negotiation", "Supply Chain", "Freight", "Customs", "Forecasting", "Excel"],
    )


EXPECTED_SOURCES = {
    "connections": 6,
    "invitations_sent": 3,
    "invitations_accepted": 2,
    "conversations": 3,
    "conversations_started": 2,
    "conversations_replied": 1,
    "posts": 3,
    "comments": 2,
    "reactions": 3,
    "recommendations_received": 1,
    "endorsements_received": 2,
}


# --- CSV writing -------------------------------------------------------------------------------


def csv_line(
    fields: Sequence[str], *, delimiter: str = ",", quote_all: bool = False, backslash: bool = False
) -> str:
    out = []
    for value in fields:
        if quote_all or any(ch in value for ch in (delimiter, '"', "\n", "\r")):
            inner = value.replace('"', '\\"' if backslash else '""')
            out.append(f'"{inner}"')
        else:
            out.append(value)
    return delimiter.join(out)


def csv_text(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    delimiter: str = ",",
    quote_all: bool = False,
    newline: str = "\n",
    final_newline: bool = True,
    backslash: bool = False,
) -> str:
    lines = [csv_line(header, delimiter=delimiter, quote_all=quote_all)]
    lines += [
        csv_line(row, delimiter=delimiter, quote_all=quote_all, backslash=backslash) for row in rows
    ]
    text = newline.join(lines).replace("\n", newline) if newline != "\n" else "\n".join(lines)
    return text + (newline if final_newline else "")


def utf16_tab(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """2018 style: UTF-16LE with BOM, tab-separated, every field quoted, CRLF."""
    text = csv_text(header, rows, delimiter="\t", quote_all=True, newline="\r\n")
    return b"\xff\xfe" + text.encode("utf-16-le")


def write_zip(
    target: Path, files: Mapping[str, bytes | str], *, folder: str = "", deflate: bool = True
) -> Path:
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(target, "w", method) as archive:
        for name, data in files.items():
            payload = data.encode("utf-8") if isinstance(data, str) else data
            archive.writestr(f"{folder}/{name}" if folder else name, payload)
    return target


def write_folder(target: Path, files: Mapping[str, bytes | str]) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        payload = data.encode("utf-8") if isinstance(data, str) else data
        (target / name).write_bytes(payload)
    return target


# --- dates as each file writes them ----------------------------------------------------------


def day_month_year(day: dt.date) -> str:  # 09 Sep 2022
    return f"{day.day:02d} {day.strftime('%b')} {day.year}"


def us_short(at: dt.datetime, *, pad_hour: bool = False) -> str:  # 12/15/24, 7:47 AM
    hour = at.hour % 12 or 12
    hour_text = f"{hour:02d}" if pad_hour else str(hour)
    return f"{at.month}/{at.day}/{at.year % 100:02d}, {hour_text}:{at.minute:02d} " + (
        "PM" if at.hour >= 12 else "AM"
    )


def utc(at: dt.datetime) -> str:  # 2023-06-11 15:33:58 UTC
    return at.strftime("%Y-%m-%d %H:%M:%S") + " UTC"


def plain(at: dt.datetime) -> str:  # 2022-09-08 04:10:18
    return at.strftime("%Y-%m-%d %H:%M:%S")


def slashed_utc(at: dt.datetime) -> str:  # 2024/12/07 14:51:07 UTC
    return at.strftime("%Y/%m/%d %H:%M:%S") + " UTC"


# --- rendering one era ---------------------------------------------------------------------------

ERAS = ("2022", "2024", "2026")
PREAMBLE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing. You will only see email addresses for connections who allow it."\n\n'
)


def render(data: Dataset, era: str) -> dict[str, bytes | str]:
    """File name -> content, in the shapes of ``era`` (2022 = 2021-23, 2024 = 2024-25, 2026)."""
    modern = era in {"2024", "2026"}
    quote_all = era == "2026"
    bom = "\ufeff" if era == "2026" else ""
    newline = "\r\n" if era == "2022" else "\n"
    final = era == "2022"
    suffix = "_48213" if modern else ""

    def table(header: Sequence[str], rows: Iterable[Sequence[str]], backslash: bool = False) -> str:
        return bom + csv_text(
            header,
            rows,
            quote_all=quote_all,
            newline=newline,
            final_newline=final,
            backslash=backslash,
        )

    files: dict[str, bytes | str] = {}
    conn_header = list(CONNECTION_COLUMNS)
    if not modern:
        conn_header.remove("URL")
    conn_rows = []
    for connection in data.connections:
        person = connection.person
        row = {
            "First Name": person.first if person else "",
            "Last Name": person.last if person else "",
            "URL": "https://www.linkedin.com/in/" + quote(person.slug) if person else "",
            "Email Address": "",
            "Company": "Acme Freight" if person else "",
            "Position": "Buyer" if person else "",
            "Connected On": day_month_year(connection.day),
        }
        conn_rows.append([row[name] for name in conn_header])
    files["Connections.csv"] = (
        bom + PREAMBLE.replace("\n", newline) + table(conn_header, conn_rows).removeprefix(bom)
    )

    inv_header = ["From", "To", "Sent At", "Message", "Direction"]
    if modern:
        inv_header += ["inviterProfileUrl", "inviteeProfileUrl"]
    inv_rows = []
    for invitation in data.invitations:
        invitee_url = invitation.invitee.url
        if invitation.truncate_invitee_url:
            invitee_url = invitee_url[:-4]
        row = {
            "From": invitation.sender.name,
            "To": invitation.invitee.name,
            "Sent At": us_short(invitation.at),
            "Message": invitation.message,
            "Direction": invitation.direction,
            "inviterProfileUrl": invitation.sender.url,
            "inviteeProfileUrl": invitee_url,
        }
        inv_rows.append([row[name] for name in inv_header])
    files["Invitations.csv"] = table(inv_header, inv_rows)

    msg_header = list(MESSAGE_COLUMNS)
    if modern:
        msg_header += MESSAGE_DRAFT_COLUMNS
    if era == "2026":
        msg_header += ["ATTACHMENTS"]
    msg_rows = []
    for message in sorted(data.messages, key=lambda m: m.at, reverse=True):
        if message.draft and not modern:
            continue
        row = {
            "CONVERSATION ID": message.conversation,
            "CONVERSATION TITLE": message.title,
            "FROM": message.sender.name if message.sender else "LinkedIn Member",
            "SENDER PROFILE URL": message.sender.url if message.sender else "",
            "TO": ", ".join(person.name for person in message.recipients),
            "RECIPIENT PROFILE URLS": ",".join(person.url for person in message.recipients),
            "DATE": utc(message.at),
            "SUBJECT": message.subject,
            "CONTENT": message.content,
            "FOLDER": message.folder,
            "IS MESSAGE DRAFT": "Yes" if message.draft else "No",
            "IS CONVERSATION DRAFT": "No",
            "ATTACHMENTS": "",
        }
        msg_rows.append([row[name] for name in msg_header])
    files["messages.csv"] = table(msg_header, msg_rows)

    share_header = ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"]
    share_rows = []
    for share in sorted(data.shares, key=lambda s: s.at, reverse=True):
        if len(share.lines) > 1:
            commentary = "\n".join(f'"{line}"' for line in share.lines)
        else:
            commentary = "".join(share.lines)
        share_rows.append(
            [
                plain(share.at),
                share.link,
                commentary,
                share.shared_url,
                share.media_url,
                "MEMBER_NETWORK",
            ]
        )
    files[f"Shares{suffix}.csv"] = table(share_header, share_rows)

    comment_rows = [
        [plain(c.at), c.link, c.message]
        for c in sorted(data.comments, key=lambda c: c.at, reverse=True)
    ]
    if era == "2022":  # line breaks, commas and quotes left raw inside the message
        files["Comments.csv"] = (
            newline.join(["Date,Link,Message", *(",".join(row) for row in comment_rows)]).replace(
                "\n", newline
            )
            + newline
        )
    else:
        files[f"Comments{suffix}.csv"] = table(
            ["Date", "Link", "Message"], comment_rows, backslash=True
        )

    files[f"Reactions{suffix}.csv"] = table(
        ["Date", "Type", "Link"], [[plain(r.at), r.kind, r.link] for r in data.reactions]
    )
    if modern:
        files[f"Votes{suffix}.csv"] = table(
            ["Date", "Link", "OptionText"],
            [[plain(at), link, text] for at, link, text in data.votes],
        )
        files[f"InstantReposts{suffix}.csv"] = table(
            ["Date", "Link"], [[plain(at), link] for at, link in data.reposts]
        )

    files["Recommendations_Received.csv"] = table(
        ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"],
        [
            [
                r.person.first,
                r.person.last,
                "Acme",
                "Buyer",
                r.text,
                us_short(r.at, pad_hour=True),
                r.status,
            ]
            for r in data.recommendations
        ],
    )
    end_header = [
        "Endorsement Date",
        "Skill Name",
        "Endorser First Name",
        "Endorser Last Name",
        "Endorser Public Url",
        "Endorsement Status",
    ]
    if not modern:
        end_header.remove("Endorser Public Url")
    end_rows = []
    for endorsement in data.endorsements:
        row = {
            "Endorsement Date": slashed_utc(endorsement.at),
            "Skill Name": endorsement.skill,
            "Endorser First Name": endorsement.person.first,
            "Endorser Last Name": endorsement.person.last,
            "Endorser Public Url": endorsement.person.url.removeprefix("https://"),
            "Endorsement Status": "ACCEPTED",
        }
        end_rows.append([row[name] for name in end_header])
    files["Endorsement_Received_Info.csv"] = table(end_header, end_rows)

    profile_header = [
        "First Name",
        "Last Name",
        "Maiden Name",
        "Address",
        "Birth Date",
        "Headline",
        "Summary",
        "Industry",
        "Zip Code",
        "Geo Location",
        "Twitter Handles",
        "Websites",
        "Instant Messengers",
    ]
    files["Profile.csv"] = table(
        profile_header,
        [
            [
                OWNER.first,
                OWNER.last,
                "",
                "",
                "",
                data.headline,
                data.summary,
                "Logistics",
                "",
                "Lisbon",
                "",
                "",
                "",
            ]
        ],
    )
    files["Skills.csv"] = table(["Name"], [[skill] for skill in data.skills])
    files["Positions.csv"] = table(
        ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
        [
            [
                "Acme Freight",
                "Head of Sales",
                "",
                "Lisbon",
                "Mar 2021",
                "" if data.current_position else "Jan 2024",
            ],
            ["Old Co", "Account Manager", "", "Porto", "Jan 2016", "Feb 2021"],
        ],
    )
    return files


def newer(data: Dataset) -> Dataset:
    """A later export: the same rows plus new ones."""
    more = replace(data)
    more.connections = [*data.connections, Connection(DEE, dt.date(2024, 3, 5))]
    more.shares = [*data.shares, Share(D(2024, 3, 6, 8, 0), ACT + "7010", ("Spring update.",))]
    more.comments = [*data.comments, Comment(D(2024, 3, 7, 9, 0), ACT + "8010", "Nice one.")]
    more.messages = [
        *data.messages,
        Msg("2-AAA", "", OWNER, (ANA,), D(2024, 3, 8, 9, 0), "How did the pilot go?"),
    ]
    return more


# --- 2018 -------------------------------------------------------------------------------------

ERA_2018_NAME = "Basic_LinkedInDataExport_02-01-2018.zip.zip"


def era_2018() -> dict[str, bytes | str]:
    """A 2018 archive: UTF-16 tab files, Messages.csv with Direction, short US dates."""
    return {
        "Connections.csv": utf16_tab(
            ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"],
            [
                ["Hana", "Moreau", "", "Quay Labs", "Buyer", "1/8/18, 6:14 PM"],
                ["Ivo", "Petrov", "ivo@example.com", "Northwind", "Ops Lead", "12/30/17, 9:05 AM"],
                ["", "", "", "", "", "11/2/17, 1:00 PM"],
            ],
        ),
        "Invitations.csv": csv_text(
            ["From", "To", "Sent At", "Message", "Direction"],
            [
                [
                    "Robin Quill",
                    "Hana Moreau",
                    "1/7/18, 10:00 PM",
                    "Hello Hana, we met at the expo.",
                    "OUTGOING",
                ],
                ["Robin Quill", "Jon Ek", "1/9/18, 8:00 AM", "", "OUTGOING"],
                ["Kim Yu", "Robin Quill", "1/10/18, 8:00 AM", "", "INCOMING"],
            ],
        ),
        "Messages.csv": csv_text(
            ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"],
            [
                [
                    "Hana Moreau",
                    "Robin Quill",
                    "1/10/18, 9:12 AM",
                    "RE: Hello",
                    "Likewise!",
                    "INCOMING",
                    "INBOX",
                ],
                [
                    "Robin Quill",
                    "Hana Moreau",
                    "1/9/18, 8:36 AM",
                    "Hello",
                    "Great to meet you, Hana.",
                    "OUTGOING",
                    "INBOX",
                ],
                [
                    "Robin Quill",
                    "Ivo Petrov",
                    "1/3/18, 5:00 PM",
                    "RE: Question",
                    "Yes we do.",
                    "OUTGOING",
                    "INBOX",
                ],
                [
                    "Ivo Petrov",
                    "Robin Quill",
                    "1/3/18, 4:00 PM",
                    "Question",
                    "Do you ship to Sofia?",
                    "INCOMING",
                    "INBOX",
                ],
            ],
            newline="\r\n",
            final_newline=False,
        ),
        "Shares.csv": utf16_tab(
            ["Date", "ShareLink", "ShareCommentary", "SharedURL", "MediaURL", "Visibility"],
            [
                [
                    "2017/07/01 10:00:00 UTC",
                    "https://www.linkedin.com/updates?topic=6002",
                    "",
                    "https://example.org/x",
                    "",
                    "PUBLIC",
                ],
                [
                    "2017/06/08 08:15:44 UTC",
                    "https://www.linkedin.com/updates?topic=6001",
                    "Our warehouse just went solar.",
                    "",
                    "https://media.example/1.jpg",
                    "PUBLIC",
                ],
            ],
        ),
        "Profile.csv": csv_text(
            [
                "First Name",
                "Last Name",
                "Maiden Name",
                "Address",
                "Birth Date",
                "Contact Instructions",
                "Headline",
                "Summary",
                "Industry",
                "Country",
                "Zip Code",
                "Geo Location",
                "Twitter Handles",
                "Websites",
                "Instant Messengers",
            ],
            [
                [
                    "Robin",
                    "Quill",
                    "",
                    "",
                    "",
                    "",
                    "Freight nerd",
                    "Ten years in logistics.",
                    "Logistics",
                    "PT",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            ],
        ),
        "Skills.csv": csv_text(["Name"], [["A"], ["B"], ["C"], ["D"], ["E"]]),
    }


EXPECTED_2018 = {
    "connections": 2,
    "invitations_sent": 2,
    "invitations_accepted": 1,
    "conversations": 2,
    "conversations_started": 1,
    "conversations_replied": 1,
    "posts": 2,
    "comments": 0,
    "reactions": 0,
    "recommendations_received": 0,
    "endorsements_received": 0,
}
