"""Whole archives of each era: exact counts, a few exact actions, stable ids across exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssi_desktop.importers.linkedin import (
    ACTION_KEYS,
    PROFILE_ITEM_KEYS,
    SOURCE_KEYS,
    ArchiveReport,
    ImportCancelled,
    read_archive,
    summary_lines,
)

from . import archive_factory as factory

ARCHIVE = "Complete_LinkedInDataExport_03-01-2024.zip"
COMMON_SKIPS = {
    "closed account (no name)": 1,
    "incoming invitation": 1,
    "recommendation not visible": 1,
    "spam folder": 1,
    "sponsored or LinkedIn Member message": 1,
    "system message": 1,
}


def _read(tmp_path: Path, era: str, data: factory.Dataset | None = None) -> ArchiveReport:
    files = factory.render(data or factory.dataset(), era)
    (tmp_path / era).mkdir(parents=True, exist_ok=True)
    return read_archive(factory.write_zip(tmp_path / era / ARCHIVE, files))


def _keyed(report: ArchiveReport) -> dict[tuple[dt.date, str], int]:
    found: dict[tuple[dt.date, str], int] = {}
    for action in report.actions:
        found[action.day, action.key] = found.get((action.day, action.key), 0) + 1
    return found


@pytest.mark.parametrize("era", factory.ERAS)
def test_each_era_gives_the_exact_counts(tmp_path: Path, era: str) -> None:
    report = _read(tmp_path, era)

    assert report.sources == factory.EXPECTED_SOURCES
    assert list(report.sources) == list(SOURCE_KEYS)
    expected_skips = dict(COMMON_SKIPS)
    if era != "2022":
        expected_skips["draft message"] = 1
    assert report.skipped == expected_skips
    assert report.problems == ()
    assert report.owner_url == "https://www.linkedin.com/in/robin-quill"
    assert {(item.item, item.day) for item in report.profile_items} == {
        ("headline", dt.date(2024, 3, 1)),
        ("skills", dt.date(2024, 3, 1)),
        ("experience", dt.date(2024, 3, 1)),
    }
    assert all(action.key in ACTION_KEYS and action.count == 1 for action in report.actions)
    assert {item.item for item in report.profile_items} <= PROFILE_ITEM_KEYS
    assert report.first_day == dt.date(2021, 6, 15)
    assert report.last_day == dt.date(2024, 2, 20)


@pytest.mark.parametrize("era", factory.ERAS)
def test_each_era_maps_rows_to_the_right_actions_and_days(tmp_path: Path, era: str) -> None:
    report = _read(tmp_path, era)
    keyed = _keyed(report)

    assert keyed[dt.date(2024, 1, 10), "connection_accepted"] == 1
    assert keyed[dt.date(2024, 1, 8), "connection_request_personalized"] == 1
    assert keyed[dt.date(2024, 2, 1), "connection_request_generic"] == 1
    assert keyed[dt.date(2024, 1, 12), "dm_sent"] == 1
    assert keyed[dt.date(2024, 1, 12), "dm_reply_received"] == 1  # two replies, one day
    assert keyed[dt.date(2024, 1, 14), "dm_reply_received"] == 1
    assert sum(n for (_, key), n in keyed.items() if key == "dm_sent") == 4
    assert sum(n for (_, key), n in keyed.items() if key == "dm_reply_received") == 2
    assert keyed[dt.date(2024, 1, 20), "post_published"] == 1
    assert keyed[dt.date(2024, 1, 25), "share_with_perspective"] == 1
    assert keyed[dt.date(2024, 2, 2), "reshare"] == 1
    assert keyed[dt.date(2024, 1, 21), "comment_thoughtful"] == 1
    assert keyed[dt.date(2024, 1, 22), "comment_short"] == 1
    assert keyed[dt.date(2024, 1, 23), "reaction"] == 2
    assert keyed[dt.date(2024, 2, 15), "recommendation_received"] == 1
    assert keyed[dt.date(2024, 2, 16), "endorsement_received"] == 1
    if era == "2022":  # no Votes / InstantReposts files yet
        assert (dt.date(2024, 2, 6), "reaction") not in keyed
    else:
        assert keyed[dt.date(2024, 2, 6), "reaction"] == 1  # a poll vote
        assert keyed[dt.date(2024, 2, 12), "reshare"] == 1  # an instant repost

    by_key = {action.key: action for action in report.actions}
    assert by_key["post_published"].words == 15  # lines unwrapped before counting
    assert by_key["post_published"].note == "Post, 15 words"
    assert by_key["share_with_perspective"].words == 6
    assert by_key["comment_thoughtful"].words == 19
    assert by_key["comment_short"].words == 3
    assert report.actions == tuple(
        sorted(report.actions, key=lambda a: (a.day, a.key, a.external_id))
    )


def test_2018_archive(tmp_path: Path) -> None:
    report = read_archive(factory.write_zip(tmp_path / factory.ERA_2018_NAME, factory.era_2018()))

    assert report.sources == factory.EXPECTED_2018
    assert report.skipped == {"closed account (no name)": 1, "incoming invitation": 1}
    assert report.owner_url is None  # no URLs in 2018: the owner is known by name / Direction
    assert [(a.day, a.key) for a in report.actions] == [
        (dt.date(2017, 6, 8), "post_published"),
        (dt.date(2017, 7, 1), "reshare"),
        (dt.date(2017, 12, 30), "connection_accepted"),
        (dt.date(2018, 1, 3), "dm_sent"),
        (dt.date(2018, 1, 7), "connection_request_personalized"),
        (dt.date(2018, 1, 8), "connection_accepted"),
        (dt.date(2018, 1, 9), "connection_request_generic"),
        (dt.date(2018, 1, 9), "dm_sent"),
        (dt.date(2018, 1, 10), "dm_reply_received"),
    ]
    assert report.actions[0].words == 5
    assert {(i.item, i.day) for i in report.profile_items} == {
        ("headline", dt.date(2018, 2, 1)),
        ("about", dt.date(2018, 2, 1)),
        ("skills", dt.date(2018, 2, 1)),
    }
    assert report.files == {
        "Profile": 1,
        "Connections": 3,
        "Invitations": 3,
        "Messages": 4,
        "Shares": 2,
        "Skills": 5,
    }


def test_unpacked_folder_reads_like_the_zip(tmp_path: Path) -> None:
    files = factory.render(factory.dataset(), "2024")
    folder = factory.write_folder(tmp_path / "Basic_LinkedInDataExport_03-01-2024", files)
    from_folder = read_archive(folder)
    from_zip = read_archive(factory.write_zip(tmp_path / ARCHIVE, files))

    assert from_folder.actions == from_zip.actions
    assert from_folder.sources == factory.EXPECTED_SOURCES
    assert from_folder.profile_items == from_zip.profile_items


def test_parsing_twice_gives_identical_reports(tmp_path: Path) -> None:
    path = factory.write_zip(tmp_path / ARCHIVE, factory.render(factory.dataset(), "2026"))
    assert read_archive(path) == read_archive(path)


def _ids(report: ArchiveReport) -> dict[str, set[str]]:
    grouped: dict[str, set[str]] = {}
    for action in report.actions:
        if True:
            grouped.setdefault(action.key, set()).add(action.external_id)
    return grouped


@pytest.mark.parametrize(("older", "newer"), [("2022", "2024"), ("2024", "2026"), ("2022", "2026")])
def test_a_newer_export_keeps_the_ids_of_the_shared_rows(
    tmp_path: Path, older: str, newer: str
) -> None:
    old = _read(tmp_path, older)
    new = _read(tmp_path / "later", newer, factory.newer(factory.dataset()))

    old_ids, new_ids = _ids(old), _ids(new)
    for key, ids in old_ids.items():
        assert ids <= new_ids[key], key
    assert len(new.actions) > len(old.actions)
    new_only = {a.external_id for a in new.actions} - {a.external_id for a in old.actions}
    # the new rows, plus what only the newer format has (votes, instant reposts)
    added_keys = sorted(a.key for a in new.actions if a.external_id in new_only)
    expected = ["comment_short", "connection_accepted", "dm_sent", "post_published"]
    if older == "2022":
        expected += ["reaction", "reshare"]
    assert added_keys == sorted(expected)


def test_progress_reports_each_file_and_cancel_stops(tmp_path: Path) -> None:
    path = factory.write_zip(tmp_path / ARCHIVE, factory.render(factory.dataset(), "2024"))
    calls: list[tuple[int, int]] = []
    read_archive(path, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 13)
    assert calls[-1] == (13, 13)
    assert [done for done, _ in calls] == list(range(14))

    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks > 5

    with pytest.raises(ImportCancelled):
        read_archive(path, cancelled=cancelled)


def test_summary_lines_describe_the_report(tmp_path: Path) -> None:
    lines = summary_lines(_read(tmp_path, "2024"))
    assert lines[0].startswith("28 actions from 2021-06-15 to 2024-02-20")
    assert any("6 connections" in line for line in lines)
    assert "Skipped 1 rows: spam folder" in lines
