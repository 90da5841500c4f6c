"""Hostile input: random bytes, random text, huge fields, corrupted ZIPs, size limits."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.importers.linkedin import SOURCE_KEYS, ArchiveError, ArchiveReport, read_archive
from ssi_desktop.importers.linkedin.archive import KNOWN_FILES
from ssi_desktop.importers.linkedin.csvread import MAX_RECORD_CHARS, SKIP_OVERSIZED

from . import archive_factory as factory

FAST = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
NAMES = sorted(
    {
        "Connections.csv",
        "Invitations.csv",
        "messages.csv",
        "Messages.csv",
        "Shares.csv",
        "Comments.csv",
        "Reactions.csv",
        "Votes.csv",
        "InstantReposts.csv",
        "Recommendations_Received.csv",
        "Endorsement_Received_Info.csv",
        "Profile.csv",
        "Profile Summary.csv",
        "Skills.csv",
        "Positions.csv",
    }
)
CONNECTIONS = "First Name,Last Name,Connected On\nAnn,Lee,09 Sep 2022\n"


def _read_or_archive_error(path: Path) -> ArchiveReport | None:
    try:
        report = read_archive(path)
    except ArchiveError as error:
        message = str(error)
        assert message.endswith(".") and "\n" not in message
        return None
    assert set(report.sources) == set(SOURCE_KEYS)
    assert all(count >= 0 for count in report.sources.values())
    return report


def test_every_name_the_fuzzer_uses_is_known() -> None:
    from ssi_desktop.importers.linkedin.archive import file_key

    assert all(file_key(name) in KNOWN_FILES.values() for name in NAMES)


@FAST
@given(name=st.sampled_from(NAMES), payload=st.binary(max_size=3000))
def test_random_bytes_as_a_member(name: str, payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        files: dict[str, bytes | str] = {name: payload}
        if name != "Connections.csv":
            files["Connections.csv"] = CONNECTIONS
        report = _read_or_archive_error(factory.write_zip(Path(folder) / "a.zip", files))
        assert report is not None  # the archive itself is fine
        if name != "Connections.csv":
            assert report.sources["connections"] == 1


@FAST
@given(payload=st.binary(max_size=3000))
def test_random_bytes_as_the_whole_file(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Basic_LinkedInDataExport_01-01-2024.zip"
        path.write_bytes(payload)
        assert _read_or_archive_error(path) is None


@FAST
@given(
    position=st.integers(min_value=0),
    value=st.integers(min_value=0, max_value=255),
    span=st.integers(min_value=1, max_value=40),
)
def test_corrupted_zip_bytes(position: int, value: int, span: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = factory.write_zip(Path(folder) / "a.zip", factory.era_2018())
        data = bytearray(path.read_bytes())
        start = position % len(data)
        data[start : start + span] = bytes([value]) * len(data[start : start + span])
        path.write_bytes(bytes(data))
        _read_or_archive_error(path)


@FAST
@given(name=st.sampled_from(NAMES), text=st.text(max_size=2000))
def test_random_text_under_a_real_header(name: str, text: str) -> None:
    headers = {
        "Comments.csv": "Date,Link,Message\n",
        "messages.csv": "CONVERSATION ID,FROM,SENDER PROFILE URL,DATE,CONTENT,FOLDER\n",
        "Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n",
        "Connections.csv": factory.PREAMBLE + "First Name,Last Name,Connected On\n",
    }
    with tempfile.TemporaryDirectory() as folder:
        body = headers.get(name, "") + text
        report = _read_or_archive_error(factory.write_zip(Path(folder) / "a.zip", {name: body}))
        assert report is not None


@FAST
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["c1", "c2", "c3", ""]),
            st.sampled_from(["Robin Quill", "Ann Lee", "LinkedIn Member", "", "Lee, Ann"]),
            st.sampled_from(
                ["https://www.linkedin.com/in/robin-quill", "https://www.linkedin.com/in/ann", ""]
            ),
            st.sampled_from(["2024-05-01 09:00:00 UTC", "2024-05-02 10:00:00 UTC", "bad", ""]),
            st.text(max_size=40),
            st.sampled_from(["INBOX", "SPAM", "DRAFT", ""]),
        ),
        max_size=30,
    )
)
def test_random_message_rows(rows: list[tuple[str, ...]]) -> None:
    text = factory.csv_text(
        ["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "DATE", "CONTENT", "FOLDER"], rows
    )
    with tempfile.TemporaryDirectory() as folder:
        report = _read_or_archive_error(
            factory.write_zip(Path(folder) / "a.zip", {"messages.csv": text})
        )
        assert report is not None
        sources = report.sources
        assert (
            sources["conversations_replied"]
            <= sources["conversations_started"]
            <= sources["conversations"]
        )
        assert len({a.external_id for a in report.actions}) == len(report.actions)


def test_a_huge_field_is_read(tmp_path: Path) -> None:
    commentary = "word " * 180_000  # 900 KB in one field, far above csv's default field limit
    text = factory.csv_text(
        ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
        [["2024-01-02 03:04:05", "https://x/1", commentary, "", "", "PUBLIC"]],
    )
    report = read_archive(factory.write_zip(tmp_path / "a.zip", {"Shares.csv": text}))
    assert report.actions[0].words == 180_000
    assert report.problems == ()


def test_a_row_past_the_size_cap_is_skipped_with_its_reason(tmp_path: Path) -> None:
    columns = ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"]
    rows = [
        ["2024-01-01 03:04:05", "https://x/1", "before", "", "", "PUBLIC"],
        ["2024-01-02 03:04:05", "https://x/2", "word\n" * (MAX_RECORD_CHARS // 5), "", "", "X"],
        ["2024-01-03 03:04:05", "https://x/3", "after", "", "", "PUBLIC"],
    ]
    text = factory.csv_text(columns, rows)
    report = read_archive(factory.write_zip(tmp_path / "a.zip", {"Shares.csv": text}))
    assert [a.day.day for a in report.actions] == [1, 3]
    assert report.skipped == {SKIP_OVERSIZED: 1}
    assert report.problems == ()


def test_an_unclosed_quote_swallows_at_most_its_own_file(tmp_path: Path) -> None:
    text = (
        "Date,Link,Message\n"
        '2024-01-01 10:00:00,https://x/1,"never closed\n'
        "2024-01-02 10:00:00,l,x\n"
    )
    report = read_archive(
        factory.write_zip(
            tmp_path / "a.zip", {"Comments.csv": text, "Connections.csv": CONNECTIONS}
        )
    )
    assert report.sources["connections"] == 1
    assert report.sources["comments"] == 1


@settings(max_examples=25, deadline=2000)
@given(limit=st.integers(min_value=1, max_value=3000))
def test_size_limit_is_exact(limit: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = factory.write_zip(
            Path(folder) / "a.zip",
            {"Connections.csv": CONNECTIONS, "Skills.csv": "Name\n" + "x\n" * 600},
        )
        report = read_archive(path, max_file_bytes=limit)
        too_big = {
            name
            for name, size in (("Connections.csv", len(CONNECTIONS)), ("Skills.csv", 1205))
            if size > limit
        }
        assert {problem.split(":")[0] for problem in report.problems} == too_big
        assert all("limit; skipped." in problem for problem in report.problems)


def test_zip_directory_with_a_huge_declared_size(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Connections.csv", CONNECTIONS)
        archive.writestr("Skills.csv", "Name\nA\n")
    data = bytearray(path.read_bytes())
    # claim Skills.csv is 4 GB in the central directory
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    report = read_archive(path)
    assert report.sources["connections"] == 1
    assert report.problems and report.problems[0].startswith("Skills.csv: larger than")
