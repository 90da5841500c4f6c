"""One test (or one parametrized test) per quirk of LINKEDIN_EXPORT.md, on small archives."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from ssi_desktop.importers.linkedin import ArchiveError, ArchiveReport, read_archive
from tests.importers.archive_factory import CONNECTION_COLUMNS, MESSAGE_COLUMNS

from . import archive_factory as factory
from .archive_factory import csv_text, utf16_tab, write_zip

CONN_HEADER = list(CONNECTION_COLUMNS)
MSG_HEADER = list(MESSAGE_COLUMNS)
ME = "https://www.linkedin.com/in/robin-quill"
PROFILE = "First Name,Last Name,Headline\nRobin,Quill,\n"


def _read(
    tmp_path: Path,
    files: Mapping[str, bytes | str],
    name: str = "a.zip",
    max_file_bytes: int = 200 * 1024 * 1024,
) -> ArchiveReport:
    return read_archive(write_zip(tmp_path / name, files), max_file_bytes=max_file_bytes)


def _connections(*rows: list[str]) -> str:
    return csv_text(CONN_HEADER, rows)


def _keys(report: ArchiveReport) -> list[tuple[dt.date, str]]:
    return [(action.day, action.key) for action in report.actions]


# --- the archive itself -----------------------------------------------------------------------

ONE_CONNECTION = {"Connections.csv": _connections(["Ann", "Lee", "", "", "", "", "09 Sep 2022"])}


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Basic_LinkedInDataExport_03-15-2024.zip", dt.date(2024, 3, 15)),
        ("Complete_LinkedInDataExport_11-02-2025.zip", dt.date(2025, 11, 2)),
        ("Complete_LinkedInDataExport_11-02-2025.zip.zip", dt.date(2025, 11, 2)),
        ("export.zip", None),
    ],
)
def test_archive_names_and_their_date(tmp_path: Path, name: str, day: dt.date | None) -> None:
    files = {**ONE_CONNECTION, "Profile.csv": "First Name,Last Name,Headline\nRobin,Quill,Hi\n"}
    report = _read(tmp_path, files, name)
    assert report.sources["connections"] == 1
    # without a date in the name, the newest date found in the archive dates the profile
    assert report.profile_items[0].day == (day or dt.date(2022, 9, 9))


def test_a_zip_wrapping_the_real_zip_is_opened(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("Connections.csv", ONE_CONNECTION["Connections.csv"])
    outer = tmp_path / "Basic_LinkedInDataExport_03-15-2024.zip.zip"
    write_zip(outer, {"Basic_LinkedInDataExport_03-15-2024.zip": inner.getvalue()})
    assert read_archive(outer).sources["connections"] == 1


@pytest.mark.parametrize("folder", ["", "Basic_LinkedInDataExport_03-15-2024"])
def test_files_at_the_root_or_in_one_folder(tmp_path: Path, folder: str) -> None:
    files = {**ONE_CONNECTION, "Jobs/Job Applications.csv": "x", "Skills.csv": "Name\nA\n"}
    report = read_archive(write_zip(tmp_path / "a.zip", files, folder=folder))
    assert report.sources["connections"] == 1
    assert report.files == {"Connections": 1, "Skills": 1}


def test_macos_resource_forks_are_ignored(tmp_path: Path) -> None:
    files: dict[str, bytes | str] = {
        **ONE_CONNECTION,
        "__MACOSX/._Connections.csv": b"\x00\x05\x16\x07junk",
        "._Shares.csv": b"\x00\x05\x16\x07junk",
    }
    report = _read(tmp_path, files)
    assert report.problems == ()
    assert report.files == {"Connections": 1}


def test_file_names_match_case_insensitively_and_with_numbers(tmp_path: Path) -> None:
    files = {
        "CONNECTIONS.CSV": ONE_CONNECTION["Connections.csv"],
        "shares_98765.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        "2024-01-02 03:04:05,https://x/1,Hello world,,,PUBLIC\n",
        "Reactions_98765.csv": "Date,Type,Link\n2024-01-03 03:04:05,LIKE,https://x/2\n",
        "Profile Summary.csv": "Profile Summary\nI help shippers.\n",
    }
    report = _read(tmp_path, files)
    assert report.sources["connections"] == 1
    assert report.sources["posts"] == 1
    assert report.sources["reactions"] == 1
    assert [item.item for item in report.profile_items] == ["about"]


def test_numbered_files_repeating_rows_do_not_double(tmp_path: Path) -> None:
    shares = (
        "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        "2024-01-02 03:04:05,https://x/1,Hello world,,,PUBLIC\n"
    )
    report = _read(tmp_path, {"Shares_1.csv": shares, "Shares_2.csv": shares})
    assert len(report.actions) == 1
    assert report.skipped == {"duplicate row": 1}


def test_the_zip_is_read_without_extracting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extraction is not allowed")

    monkeypatch.setattr(zipfile.ZipFile, "extract", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", refuse)
    report = _read(tmp_path, factory.render(factory.dataset(), "2024"))
    assert report.sources == factory.EXPECTED_SOURCES
    assert list(tmp_path.iterdir()) == [tmp_path / "a.zip"]


def test_a_file_over_the_size_limit_is_skipped_and_the_rest_imports(tmp_path: Path) -> None:
    big = "Date,Type,Link\n" + "2024-01-03 03:04:05,LIKE,https://x/2\n" * 200
    report = _read(tmp_path, {**ONE_CONNECTION, "Reactions.csv": big}, max_file_bytes=4000)
    assert report.sources["connections"] == 1
    assert report.sources["reactions"] == 0
    assert report.problems == ("Reactions.csv: larger than the 4000 bytes limit; skipped.",)
    assert report.files["Reactions"] == 0


def test_a_member_lying_about_its_size_is_still_cut_at_the_limit(tmp_path: Path) -> None:
    """The size check also holds while reading, not only from the ZIP directory."""
    from ssi_desktop.importers.linkedin.archive import Member
    from ssi_desktop.importers.linkedin.csvread import FileProblemError, read_rows

    data = ("Date,Type,Link\n" + "2024-01-03 03:04:05,LIKE,https://x/2\n" * 100).encode()
    member = Member("reactions", "Reactions.csv", "Reactions", 10, None, lambda: io.BytesIO(data))
    with pytest.raises(FileProblemError):
        list(read_rows(member, 1000))


def test_a_malformed_file_is_reported_and_the_others_still_parse(tmp_path: Path) -> None:
    files: dict[str, bytes | str] = {
        **ONE_CONNECTION,
        "Shares.csv": "this is not,the header\nat all\n",
        "Comments.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    }
    report = _read(tmp_path, files)
    assert report.sources["connections"] == 1
    assert sorted(report.problems) == [
        "Comments.csv: no recognizable header; skipped.",
        "Shares.csv: no recognizable header; skipped.",
    ]


def test_a_corrupt_member_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "a.zip",
        {**ONE_CONNECTION, "Skills.csv": "Name\n" + "Skill\n" * 50},
        deflate=False,
    )
    data = bytearray(path.read_bytes())
    at = data.find(b"Skill\nSkill")
    data[at : at + 5] = b"Spill"  # CRC no longer matches
    path.write_bytes(bytes(data))
    report = read_archive(path)
    assert report.sources["connections"] == 1
    assert len(report.problems) == 1
    assert report.problems[0].startswith("Skills.csv: could not be read (BadZipFile")


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip at all", b"PK\x03\x04 truncated", bytes(range(256)) * 4],
)
def test_not_a_zip_is_one_clear_archive_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Basic_LinkedInDataExport_03-15-2024.zip"
    path.write_bytes(content)
    with pytest.raises(ArchiveError, match=r"^Basic_LinkedInDataExport_03-15-2024\.zip is .*\.$"):
        read_archive(path)


def test_missing_path_and_archives_without_known_files(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="does not exist"):
        read_archive(tmp_path / "nope.zip")
    with pytest.raises(ArchiveError, match=r"No LinkedIn data files .* were found in b\.zip\."):
        read_archive(write_zip(tmp_path / "b.zip", {"readme.txt": "hello"}))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ArchiveError, match="No LinkedIn data files"):
        read_archive(tmp_path / "empty")


# --- encodings and line endings -------------------------------------------------------------


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
def test_utf8_with_or_without_bom_any_line_ending(
    tmp_path: Path, bom: bytes, newline: str, final_newline: bool
) -> None:
    text = csv_text(
        CONN_HEADER,
        [
            ["Zoë", "Ångström", "", "", "", "", "09 Sep 2022"],
            ["Li", "Wei", "", "", "", "", "10 Sep 2022"],
        ],
        newline=newline,
        final_newline=final_newline,
    )
    report = _read(tmp_path, {"Connections.csv": bom + text.encode()})
    assert report.sources["connections"] == 2
    assert report.files == {"Connections": 2}


def test_utf16_tab_separated_all_quoted_2018(tmp_path: Path) -> None:
    data = utf16_tab(
        ["Date", "ShareLink", "ShareCommentary", "SharedURL", "MediaURL", "Visibility"],
        [
            [
                "2017/06/08 08:15:44 UTC",
                "https://x/1",
                "Tabs\tand, commas in one post",
                "",
                "",
                "PUBLIC",
            ]
        ],
    )
    report = _read(tmp_path, {"Shares.csv": data})
    assert _keys(report) == [(dt.date(2017, 6, 8), "post_published")]
    assert report.actions[0].words == 6


def test_utf16_without_bom(tmp_path: Path) -> None:
    text = csv_text(["Name"], [["Sales"], ["Logistics"]])
    report = _read(tmp_path, {"Skills.csv": text.encode("utf-16-le")})
    assert report.files == {"Skills": 2}


def test_excel_resave_in_windows_1252_keeps_the_names(tmp_path: Path) -> None:
    text = "Notes:,,\nFirst Name,Last Name,Connected On\nJosé,Müller,23-Nov-21\n"
    report = _read(tmp_path, {"Connections.csv": text.encode("cp1252")})
    assert _keys(report) == [(dt.date(2021, 11, 23), "connection_accepted")]


# --- Connections and Invitations ------------------------------------------------------------


def test_connections_preamble_is_skipped(tmp_path: Path) -> None:
    text = factory.PREAMBLE + _connections(["Ann", "Lee", "", "", "", "", "09 Sep 2022"])
    report = _read(tmp_path, {"Connections.csv": text})
    assert _keys(report) == [(dt.date(2022, 9, 9), "connection_accepted")]


def test_connections_resaved_by_excel(tmp_path: Path) -> None:
    text = (
        "Notes:,,,,,\n"
        '"When exporting your connection data, you may notice gaps.",,,,,\n'
        ",,,,,\n"
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Ann,Lee,,Acme,CEO,23-Nov-21\n"
        ",,,,,5-Jan-22\n"
    )
    report = _read(tmp_path, {"Connections.csv": text})
    assert _keys(report) == [
        (dt.date(2021, 11, 23), "connection_accepted"),
        (dt.date(2021, 11, 23), "decision_maker_connected"),  # a CEO
    ]
    assert report.skipped == {"closed account (no name)": 1}


INV_HEADER = [
    "From",
    "To",
    "Sent At",
    "Message",
    "Direction",
    "inviterProfileUrl",
    "inviteeProfileUrl",
]


def test_percent_encoded_slugs_join_raw_unicode_invitations(tmp_path: Path) -> None:
    files = {
        # the names differ on purpose: only the URL can make the join
        "Connections.csv": _connections(
            [
                "Jürgen",
                "M.",
                "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller",
                "",
                "",
                "",
                "12 Mar 2024",
            ],
        ),
        "Invitations.csv": csv_text(
            INV_HEADER,
            [
                [
                    "Robin Quill",
                    "Jürgen Müller",
                    "3/10/24, 9:00 AM",
                    "",
                    "OUTGOING",
                    ME,
                    "https://www.linkedin.com/in/jürgen-müller",
                ]
            ],
        ),
    }
    report = _read(tmp_path, files)
    assert report.sources["invitations_sent"] == 1
    assert report.sources["invitations_accepted"] == 1


@pytest.mark.parametrize(
    ("invitee_url", "accepted"),
    [
        ("https://www.linkedin.com/in/sam-ortiz-51b", 1),  # cut short: still one prefix match
        ("https://www.linkedin.com/in/", 1),  # cut to nothing: the name decides
        ("", 1),
        ("https://www.linkedin.com/in/someone-else", 1),  # unknown URL: the name decides
    ],
)
def test_truncated_or_missing_invitation_urls(
    tmp_path: Path, invitee_url: str, accepted: int
) -> None:
    files = {
        "Connections.csv": _connections(
            [
                "Sam",
                "Ortiz",
                "https://www.linkedin.com/in/sam-ortiz-51b2a9",
                "",
                "",
                "",
                "12 Mar 2024",
            ],
        ),
        "Invitations.csv": csv_text(
            INV_HEADER,
            [
                [
                    "Robin Quill",
                    "Sam Ortiz",
                    "3/10/24, 9:00 AM",
                    "Hi Sam",
                    "OUTGOING",
                    ME,
                    invitee_url,
                ]
            ],
        ),
    }
    report = _read(tmp_path, files)
    assert report.sources["invitations_accepted"] == accepted
    assert _keys(report)[0] == (dt.date(2024, 3, 10), "connection_request_personalized")


def test_invitations_without_url_columns_are_joined_by_name(tmp_path: Path) -> None:
    files = {
        "Connections.csv": _connections(
            ["Sam", "Ortiz", "", "", "", "", "12 Mar 2024"],
            ["Old", "Friend", "", "", "", "", "01 Jan 2020"],  # any date: appearing is enough
        ),
        "Invitations.csv": csv_text(
            ["From", "To", "Sent At", "Message", "Direction"],
            [
                ["Robin Quill", "Sam Ortiz", "3/10/24, 9:00 AM", "", "OUTGOING"],
                ["Robin Quill", "Old Friend", "3/11/24, 9:00 AM", "", "OUTGOING"],
                ["Robin Quill", "Pending Person", "3/12/24, 9:00 AM", "  ", "OUTGOING"],
            ],
        ),
    }
    report = _read(tmp_path, files)
    assert report.sources["invitations_sent"] == 3
    assert report.sources["invitations_accepted"] == 2
    assert [key for _, key in _keys(report)].count("connection_request_generic") == 3
    assert report.owner_url is None


# --- dates ------------------------------------------------------------------------------------


def test_dates_before_2003_are_skipped_and_future_dates_kept(tmp_path: Path) -> None:
    text = (
        "Date,Type,Link\n1999-01-01 00:00:00,LIKE,https://x/1\nsoon,LIKE,https://x/2\n"
        "2031-05-05 10:00:00,LIKE,https://x/3\n"
    )
    report = _read(tmp_path, {"Basic_LinkedInDataExport_03-15-2024/Reactions.csv": text})
    assert _keys(report) == [(dt.date(2031, 5, 5), "reaction")]
    assert report.skipped == {"unparseable date": 2}


# --- messages ---------------------------------------------------------------------------------


def _message_file(columns: list[str], rows: list[dict[str, str]], quote_all: bool = False) -> str:
    return csv_text(
        columns, [[row.get(name, "") for name in columns] for row in rows], quote_all=quote_all
    )


def _thread() -> list[dict[str, str]]:
    base = {"CONVERSATION ID": "c1", "FOLDER": "INBOX", "TO": "Lee, Ann"}
    return [
        {
            **base,
            "FROM": "Ann Lee",
            "SENDER PROFILE URL": "https://www.linkedin.com/in/ann-lee",
            "DATE": "2024-05-02 09:00:00 UTC",
            "CONTENT": "Sounds good!\nTalk soon.",
        },
        {
            **base,
            "FROM": "Robin Quill",
            "SENDER PROFILE URL": ME,
            "DATE": "2024-05-01 09:00:00 UTC",
            "CONTENT": "Hi Ann,\n\nshall we talk?",
        },
    ]


@pytest.mark.parametrize(
    "columns",
    [
        [c for c in MSG_HEADER if c != "RECIPIENT PROFILE URLS"],  # 9
        MSG_HEADER,  # 10
        [*MSG_HEADER, "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],  # 12
        [*MSG_HEADER, "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT", "ATTACHMENTS"],  # 13
        list(reversed(MSG_HEADER)),  # any order: columns are found by name
    ],
)
@pytest.mark.parametrize("quote_all", [False, True])
def test_messages_with_9_to_13_columns_by_header_name(
    tmp_path: Path, columns: list[str], quote_all: bool
) -> None:
    text = _message_file(columns, _thread(), quote_all=quote_all)
    # one thread with one message each: only the Profile name can tell who the owner is
    report = _read(tmp_path, {"messages.csv": text, "Profile.csv": PROFILE})
    assert _keys(report) == [
        (dt.date(2024, 5, 1), "dm_sent"),
        (dt.date(2024, 5, 2), "dm_reply_received"),
    ]
    assert report.sources["conversations_replied"] == 1
    assert report.owner_url == ME


def test_message_filters(tmp_path: Path) -> None:
    columns = [*MSG_HEADER, "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT", "ATTACHMENTS"]
    me = {
        "FROM": "Robin Quill",
        "SENDER PROFILE URL": ME,
        "FOLDER": "INBOX",
        "DATE": "2024-05-01 09:00:00 UTC",
    }
    other = {**me, "FROM": "Ann Lee", "SENDER PROFILE URL": "https://www.linkedin.com/in/ann-lee"}
    rows = [
        {**me, "CONVERSATION ID": "c1", "CONTENT": "Real one"},
        {**me, "CONVERSATION ID": "c2", "CONTENT": "unsent", "IS MESSAGE DRAFT": "Yes"},
        {**me, "CONVERSATION ID": "c3", "CONTENT": "x", "IS CONVERSATION DRAFT": "true"},
        {
            **other,
            "CONVERSATION ID": "c4",
            "FROM": "LinkedIn Member",
            "SENDER PROFILE URL": "",
            "CONTENT": "Exclusive offer",
        },
        {**other, "CONVERSATION ID": "c5", "CONTENT": "Dear %FIRSTNAME%, hello"},
        {**other, "CONVERSATION ID": "c6", "CONTENT": "<div>webinar</div>"},
        {**other, "CONVERSATION ID": "c7", "CONTENT": "win", "FOLDER": "SPAM"},
        {**other, "CONVERSATION ID": "c8", "CONTENT": "Message request accepted"},
        {**other, "CONVERSATION ID": "c9", "CONTENT": "Ann Lee left the conversation."},
        {**other, "CONVERSATION ID": "c10", "CONTENT": "", "ATTACHMENTS": ""},
        {**other, "CONVERSATION ID": "c11", "CONTENT": "", "ATTACHMENTS": "https://x/file.pdf"},
        {**other, "CONVERSATION ID": "c12", "CONTENT": "hi", "DATE": "yesterday"},
    ]
    report = _read(tmp_path, {"messages.csv": _message_file(columns, rows)})
    assert report.skipped == {
        "draft message": 2,
        "sponsored or LinkedIn Member message": 3,
        "spam folder": 1,
        "system message": 2,
        "empty message": 1,
        "unparseable date": 1,
    }
    assert report.sources["conversations"] == 2  # c1 and the attachment-only c11
    assert report.sources["conversations_started"] == 1


def test_group_threads_with_commas_in_names_and_multiline_bodies(tmp_path: Path) -> None:
    group = {
        "CONVERSATION ID": "g1",
        "CONVERSATION TITLE": "Ops, Sales & Co",
        "FOLDER": "INBOX",
        "TO": "Lee, Ann, Vance, PhD, Eli",
        "RECIPIENT PROFILE URLS": "https://www.linkedin.com/in/ann-lee,https://www.linkedin.com/in/eli-v",
    }
    rows = [
        {
            **group,
            "FROM": "Vance, PhD, Eli",
            "SENDER PROFILE URL": "https://www.linkedin.com/in/eli-v",
            "DATE": "2024-05-03 09:00:00 UTC",
            "CONTENT": 'Agreed.\n"Ship it," as they say.',
        },
        {
            **group,
            "FROM": "Robin Quill",
            "SENDER PROFILE URL": ME,
            "DATE": "2024-05-01 09:00:00 UTC",
            "CONTENT": "Plan:\n- one\n- two",
        },
    ]
    text = _message_file(MSG_HEADER, rows, quote_all=True)
    report = _read(tmp_path, {"messages.csv": text, "Profile.csv": PROFILE})
    assert report.files == {"Profile": 1, "messages": 2}
    assert _keys(report) == [
        (dt.date(2024, 5, 1), "dm_sent"),
        (dt.date(2024, 5, 3), "dm_reply_received"),
    ]


def test_2018_messages_with_direction(tmp_path: Path) -> None:
    text = csv_text(
        ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"],
        [
            ["Robin Quill", "Ann Lee", "10/16/18, 8:36 AM", "Hi", "Hello Ann", "OUTGOING", "INBOX"],
            [
                "Ann Lee",
                "Robin Quill",
                "10/17/18, 8:36 PM",
                "Re: Hi",
                "Hello!",
                "INCOMING",
                "INBOX",
            ],
            [
                "Ann Lee",
                "Robin Quill",
                "10/18/18, 1:00 PM",
                "Re: Hi",
                "Win now",
                "INCOMING",
                "SPAM",
            ],
        ],
    )
    report = _read(tmp_path, {"Messages.csv": text})
    assert _keys(report) == [
        (dt.date(2018, 10, 16), "dm_sent"),
        (dt.date(2018, 10, 17), "dm_reply_received"),
    ]
    assert report.skipped == {"spam folder": 1}


# --- who is the owner ---------------------------------------------------------------------------

CHATTY = "https://www.linkedin.com/in/chatty-cathy"


def _owner_files(
    with_invitation: bool, with_profile: bool, sender_urls: bool
) -> dict[str, bytes | str]:
    rows = []
    for index in range(3):  # Cathy writes more messages than Robin, but only in one thread
        rows.append(
            {
                "CONVERSATION ID": "c1",
                "FROM": "Cathy Chatty",
                "SENDER PROFILE URL": CHATTY if sender_urls else "",
                "DATE": f"2024-05-0{index + 2} 09:00:00 UTC",
                "CONTENT": "More news!",
            }
        )
    for conversation in ("c1", "c2"):
        rows.append(
            {
                "CONVERSATION ID": conversation,
                "FROM": "Robin Quill",
                "SENDER PROFILE URL": ME if sender_urls else "",
                "DATE": "2024-05-01 09:00:00 UTC",
                "CONTENT": "Hello",
            }
        )
    files: dict[str, bytes | str] = {"messages.csv": _message_file(MSG_HEADER, rows)}
    if with_invitation:
        files["Invitations.csv"] = csv_text(
            INV_HEADER,
            [
                [
                    "Robin Quill",
                    "Ann Lee",
                    "3/10/24, 9:00 AM",
                    "",
                    "OUTGOING",
                    "https://www.linkedin.com/in/Robin-Quill/",
                    "",
                ]
            ],
        )
    if with_profile:
        files["Profile.csv"] = "First Name,Last Name,Headline\nRobin,Quill,\n"
    return files


def test_owner_from_outgoing_invitations_first(tmp_path: Path) -> None:
    report = _read(tmp_path, _owner_files(True, False, True))
    assert report.owner_url == ME
    assert [key for _, key in _keys(report)].count("dm_sent") == 2


def test_owner_from_the_sender_in_most_conversations(tmp_path: Path) -> None:
    report = _read(tmp_path, _owner_files(False, False, True))
    assert report.owner_url == ME
    assert report.sources["conversations_started"] == 2
    assert report.sources["conversations_replied"] == 1


def test_owner_from_the_profile_name_when_there_is_no_url(tmp_path: Path) -> None:
    report = _read(tmp_path, _owner_files(False, True, False))
    assert report.owner_url is None
    assert [key for _, key in _keys(report)].count("dm_sent") == 2
    assert report.sources["conversations_replied"] == 1


# --- Shares, Comments, Reactions, Endorsements ---------------------------------------------------


def test_shares_older_url_spelling(tmp_path: Path) -> None:
    text = (
        "Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\n"
        "2019-04-01 10:00:00,https://x/1,My take on this article,https://example.org/a,,PUBLIC\n"
        "2019-04-02 10:00:00,https://x/2,,https://example.org/b,,PUBLIC\n"
    )
    report = _read(tmp_path, {"Shares.csv": text})
    assert _keys(report) == [
        (dt.date(2019, 4, 1), "share_with_perspective"),
        (dt.date(2019, 4, 2), "reshare"),
    ]
    assert report.sources["posts"] == 2


def test_multiline_posts_wrapped_in_quotes_are_unwrapped(tmp_path: Path) -> None:
    commentary = '"First line of the post."\n""\n"Second, longer line here."'
    text = csv_text(
        ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
        [["2024-01-02 03:04:05", "https://x/1", commentary, "", "", "PUBLIC"]],
    )
    assert '"""First line of the post.""' in text  # what LinkedIn writes
    report = _read(tmp_path, {"Shares.csv": text})
    assert report.actions[0].words == 9
    plain = csv_text(
        ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
        [
            [
                "2024-01-02 03:04:05",
                "https://x/1",
                "First line of the post.\n\nSecond, longer line here.",
                "",
                "",
                "PUBLIC",
            ]
        ],
    )
    assert _read(tmp_path, {"Shares.csv": plain}, "b.zip").actions == report.actions


def test_comments_with_unquoted_line_breaks_2021_23(tmp_path: Path) -> None:
    text = (
        "Date,Link,Message\r\n"
        "2022-03-04 10:00:00,https://x/1,Good point, and one more thing:\r\n"
        'teams that "listen" win.\r\n'
        "\r\n"
        "Really.\r\n"
        '2022-03-03 09:00:00,https://x/2,"Quoted, fine"\r\n'
        "2022-03-02 08:00:00,https://x/3,Last one"
    )
    report = _read(tmp_path, {"Comments.csv": text})
    assert report.files == {"Comments": 3}
    assert [(a.day, a.words) for a in report.actions] == [
        (dt.date(2022, 3, 2), 2),
        (dt.date(2022, 3, 3), 2),
        (dt.date(2022, 3, 4), 11),
    ]


def test_comments_with_backslash_escaped_quotes_2025(tmp_path: Path) -> None:
    text = (
        "Date,Link,Message\n"
        '"2025-06-01 10:00:00","https://x/1","She said \\"ship it\\", and we did.\nTwo lines."\n'
        '"2025-06-02 10:00:00","https://x/2","Plain"'
    )
    report = _read(tmp_path, {"Comments.csv": text})
    assert [(a.day, a.words) for a in report.actions] == [
        (dt.date(2025, 6, 1), 9),
        (dt.date(2025, 6, 2), 1),
    ]
    assert report.skipped == {}


def test_comment_word_threshold(tmp_path: Path) -> None:
    fifteen = " ".join(["word"] * 15)
    text = csv_text(
        ["Date", "Link", "Message"],
        [
            ["2024-01-01 00:00:00", "l1", fifteen],
            ["2024-01-01 00:00:01", "l2", fifteen[5:]],
            ["2024-01-01 00:00:02", "l3", "🔥 🔥 — great"],
        ],
    )
    report = _read(tmp_path, {"Comments.csv": text})
    assert sorted((a.key, a.words) for a in report.actions) == [
        ("comment_short", 1),
        ("comment_short", 14),
        ("comment_thoughtful", 15),
    ]


def test_reactions_votes_and_instant_reposts(tmp_path: Path) -> None:
    files = {
        "Reactions.csv": "Date,Type,Link\n2024-01-01 10:00:00,INTEREST,https://x/1\n"
        "2024-01-01 10:00:05,ENTERTAINMENT,https://x/2\n",
        "Votes.csv": "Date,Link,OptionText\n2024-01-02 10:00:00,https://x/3,Yes\n",
        "InstantReposts.csv": "Date,Link\n2024-01-03 10:00:00,https://x/4\n",
    }
    report = _read(tmp_path, files)
    assert _keys(report) == [
        (dt.date(2024, 1, 1), "reaction"),
        (dt.date(2024, 1, 1), "reaction"),
        (dt.date(2024, 1, 2), "reaction"),
        (dt.date(2024, 1, 3), "reshare"),
    ]
    assert report.sources["reactions"] == 2
    assert report.sources["posts"] == 0


def test_endorsements_without_url_column_and_with_a_schemeless_url(tmp_path: Path) -> None:
    old = (
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status\n"
        "2022/05/01 10:00:00 UTC,Logistics,Ann,Lee,ACCEPTED\n"
    )
    new = (
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,"
        "Endorsement Status\n2022/05/01 10:00:00 UTC,Logistics,Ann,Lee,www.linkedin.com/in/ann-lee,"
        "ACCEPTED\n2024/12/07 14:51:07 UTC,Pricing,Bo,Tran,www.linkedin.com/in/bo,REJECTED\n"
    )
    first = _read(tmp_path, {"Endorsement_Received_Info.csv": old})
    second = _read(tmp_path, {"Endorsement_Received_Info.csv": new}, "b.zip")
    assert _keys(first) == [(dt.date(2022, 5, 1), "endorsement_received")]
    assert first.actions == second.actions
    assert second.skipped == {"endorsement not accepted": 1}


def test_recommendations_and_profile_items(tmp_path: Path) -> None:
    rows = [
        ["P", f"N{i}", "Co", "CTO", f"Text {i}", f"12/0{i}/22, 07:18 PM", "VISIBLE"]
        for i in range(1, 6)
    ]
    rows.append(["Q", "Hidden", "Co", "CTO", "Meh", "12/09/22, 07:18 PM", "HIDDEN"])
    files = {
        "Recommendations_Received.csv": csv_text(
            ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"],
            rows,
        ),
        "Skills.csv": "Name\nA\nB\nC\nD\n",  # four: not enough
        "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"
        "Old,Rep,,,Jan 2010,Jan 2012\n",  # no current position
        "Profile.csv": 'First Name,Last Name,Headline,Summary\nRobin,Quill,,"Line one\nLine two"\n',
    }
    report = _read(tmp_path, files)
    assert report.sources["recommendations_received"] == 5
    assert report.skipped == {"recommendation not visible": 1}
    assert _keys(report)[0] == (dt.date(2022, 12, 1), "recommendation_received")
    assert [(i.item, i.day) for i in report.profile_items] == [
        ("about", dt.date(2022, 12, 5)),  # no date in the name: the newest date found
        ("recommendations", dt.date(2022, 12, 5)),
    ]


def test_rows_with_too_many_fields_are_malformed(tmp_path: Path) -> None:
    text = (
        "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        "2024-01-02 03:04:05,https://x/1,Hello, world,,,PUBLIC\n"
        "2024-01-03 03:04:05,https://x/2,Fine,,,PUBLIC\n"
    )
    report = _read(tmp_path, {"Shares.csv": text})
    assert report.skipped == {"malformed row": 1}
    assert report.sources["posts"] == 1
    assert report.files == {"Shares": 2}
