"""`ssi import linkedin | undo | list`, run in-process on a fresh temporary database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ssi_desktop.importers.linkedin import SOURCE_KEYS, archive
from tests.importers import archive_factory as factory

ARCHIVE = "Basic_LinkedInDataExport_03-01-2024.zip"


def run_json(ssi, *args: str) -> dict:
    code, out, err = ssi(*args, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def zip_of(tmp_path: Path, files: dict[str, bytes | str], name: str = ARCHIVE) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    return factory.write_zip(tmp_path / name, files, folder=name.removesuffix(".zip"))


@pytest.fixture
def archive_2024(tmp_path: Path) -> Path:
    return zip_of(tmp_path, factory.render(factory.dataset(), "2024"))


def test_dry_run_and_real_run_share_the_summary_and_twice_adds_nothing(ssi, archive_2024):
    dry = run_json(ssi, "import", "linkedin", str(archive_2024), "--dry-run")
    assert list(dry["sources"]) == list(SOURCE_KEYS)
    assert dry["sources"] == factory.EXPECTED_SOURCES
    assert all(type(count) is int for count in dry["sources"].values())
    assert dry["skipped"]["spam folder"] == 1
    assert (dry["dry_run"], dry["batch"], dry["already_known"]) == (True, None, 0)
    assert run_json(ssi, "import", "list") == []  # the dry run wrote nothing

    real = run_json(ssi, "import", "linkedin", str(archive_2024))
    assert isinstance(real["batch"], int)
    assert (real["added"], real["already_known"]) == (dry["added"], 0)
    same = {"dry_run", "batch", "profile_items_added"}
    assert {k: v for k, v in real.items() if k not in same} == {
        k: v for k, v in dry.items() if k not in same
    }

    again = run_json(ssi, "import", "linkedin", str(archive_2024))
    assert again["sources"] == factory.EXPECTED_SOURCES
    assert (again["added"], again["already_known"], again["batch"]) == (0, dry["entries"], None)
    exported = json.loads(ssi("export", "--format", "json")[1])
    assert len(exported["entries"]) == dry["entries"]


@pytest.mark.parametrize("era", factory.ERAS)
def test_every_era_and_a_newer_export_import_without_duplicates(ssi, tmp_path: Path, era: str):
    first = zip_of(tmp_path / "old", factory.render(factory.dataset(), era))
    newer = zip_of(tmp_path / "new", factory.render(factory.newer(factory.dataset()), era))
    added = run_json(ssi, "import", "linkedin", str(first))["added"]
    later = run_json(ssi, "import", "linkedin", str(newer))
    assert later["sources"]["connections"] == factory.EXPECTED_SOURCES["connections"] + 1
    assert (later["added"], later["already_known"]) == (4, added)


def test_the_2018_archive_and_an_unpacked_folder(ssi, tmp_path: Path):
    zipped = factory.write_zip(tmp_path / factory.ERA_2018_NAME, factory.era_2018())
    folder = factory.write_folder(tmp_path / "unpacked", factory.era_2018())
    from_zip = run_json(ssi, "import", "linkedin", str(zipped))
    from_folder = run_json(ssi, "import", "linkedin", str(folder))
    assert from_zip["sources"] == from_folder["sources"]
    assert from_zip["sources"]["connections"] == 2
    assert from_folder["added"] == 0


def test_a_malformed_file_is_skipped_and_the_rest_imports(ssi, tmp_path: Path):
    files = factory.render(factory.dataset(), "2024")
    [comments] = [name for name in files if name.startswith("Comments")]
    files[comments] = "this is not, the comments header\n1,2\n"
    summary = run_json(ssi, "import", "linkedin", str(zip_of(tmp_path, files)))
    assert summary["sources"]["comments"] == 0
    assert summary["sources"]["connections"] == factory.EXPECTED_SOURCES["connections"]
    [reason] = [r for r in summary["skipped"] if comments in r]
    assert "no recognizable header" in reason and summary["skipped"][reason] == 1
    assert summary["batch"] is not None


def test_text_output_names_the_batch_and_how_to_undo(ssi, archive_2024):
    code, out, _ = ssi("import", "linkedin", str(archive_2024))
    assert code == 0
    assert "6 connections" in out
    assert "ssi import undo 1" in out


def test_list_and_undo(ssi, archive_2024):
    added = run_json(ssi, "import", "linkedin", str(archive_2024))
    [listed] = run_json(ssi, "import", "list")
    assert listed["batch"] == added["batch"]
    assert (listed["file"], listed["entries"], listed["undone_at"]) == (
        ARCHIVE,
        added["added"],
        None,
    )
    code, out, _ = ssi("import", "list")
    assert code == 0 and ARCHIVE in out and "active" in out

    code, out, _ = ssi("import", "undo")
    assert code == 0 and f"removed {added['added']} entries" in out
    assert json.loads(ssi("export", "--format", "json")[1])["entries"] == []
    [listed] = run_json(ssi, "import", "list")
    assert listed["undone_at"] is not None

    code, out, err = ssi("import", "undo")
    assert (code, out) == (2, "")
    assert err == "ssi: error: there is no import to undo\n"
    code, _, err = ssi("import", "undo", str(added["batch"]))
    assert code == 2 and "already undone" in err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.zip", "does not exist"),
        (lambda p: (p / "notes.zip").write_text("hello") and p / "notes.zip", "neither a ZIP"),
        (lambda p: factory.write_zip(p / "photos.zip", {"cat.jpg": b"x"}), "No LinkedIn data"),
    ],
)
def test_a_path_that_is_not_an_archive_is_one_line_and_exit_2(ssi, tmp_path, make, message):
    path = make(tmp_path)
    code, out, err = ssi("import", "linkedin", str(path))
    assert (code, out) == (2, "")
    assert err.startswith("ssi: error: ") and message in err
    assert err.count("\n") == 1
    assert run_json(ssi, "import", "list") == []


def test_an_archive_over_the_size_limit_is_refused(ssi, archive_2024, monkeypatch):
    monkeypatch.setattr(archive, "MAX_ARCHIVE_BYTES", archive_2024.stat().st_size - 1)
    code, _, err = ssi("import", "linkedin", str(archive_2024))
    assert code == 2 and "too big" in err and err.count("\n") == 1
