"""File > Import LinkedIn Archive… driven through the real window, preview and progress dialog."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableView

from ssi_desktop.importers import backfill
from ssi_desktop.store import actions, imports
from ssi_desktop.ui.importers import controller as controller_module
from ssi_desktop.ui.importers.controller import ImportController
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.workers.background_job import running_jobs
from tests.conftest import TODAY
from tests.importers import archive_factory as factory

ARCHIVE = "Complete_LinkedInDataExport_03-01-2024.zip"


@pytest.fixture(autouse=True)
def _no_job_left_running() -> Iterator[None]:
    """Set up before the window, so checked after it closed (main's fixture checks its worker)."""
    yield
    assert running_jobs() == []


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return factory.write_zip(tmp_path / ARCHIVE, factory.render(factory.dataset(), "2026"))


def importer(window: MainWindow) -> ImportController:
    found = window.findChild(ImportController)
    assert found is not None
    return found


def open_preview(qtbot, window: MainWindow, path: Path):
    control = importer(window)
    control.read_archive(path)
    qtbot.waitUntil(lambda: control.preview is not None and control.preview.isVisible())
    assert control.preview is not None
    return control, control.preview


def table_rows(view: QTableView) -> dict[str, str]:
    model = view.model()
    last = model.columnCount() - 1
    return {
        model.index(row, 0).data(): model.index(row, last).data() for row in range(model.rowCount())
    }


def block_writes_until_cancel(monkeypatch: pytest.MonkeyPatch, control: ImportController) -> None:
    """Every chunk waits for the Cancel click, so the test decides when the import stops."""
    monkeypatch.setattr(backfill, "CHUNK", 1)
    real = backfill.record_many

    def record_after_cancel(entries, today):
        deadline = time.monotonic() + 5
        while control.job is not None and not control.job.cancel_requested:
            if time.monotonic() > deadline:
                break
            time.sleep(0.001)  # in the worker thread: waiting for the GUI's Cancel
        return real(entries, today)

    monkeypatch.setattr(backfill, "record_many", record_after_cancel)


def test_the_file_menu_offers_import_and_undo(window: MainWindow) -> None:
    names = [action.objectName() for action in window.file_menu.actions()]
    assert "importLinkedInAction" in names and "undoImportAction" in names
    assert names.index("undoImportAction") < len(names) - 1  # Quit stays last


def test_preview_then_import_shows_the_rows_and_recomputes(
    qtbot, window: MainWindow, archive_path: Path
) -> None:
    control, preview = open_preview(qtbot, window, archive_path)
    assert actions.entry_count() == 0  # the preview wrote nothing
    found = table_rows(preview.findChild(QTableView, "importFound"))
    assert found["Connections (named)"] == "6"
    assert found["… started by you and answered"] == "1"
    per_type = table_rows(preview.findChild(QTableView, "importActions"))
    assert per_type["Connection request accepted"] == "6"
    skipped = table_rows(preview.findChild(QTableView, "importSkipped"))
    assert skipped["spam folder"] == "1"
    files = table_rows(preview.findChild(QTableView, "importFiles"))
    assert "Connections" in files
    assert "15 Jun 2021" in preview.overview.text() and "20 Feb 2024" in preview.overview.text()
    total = len(preview.plan.entries)
    assert preview.import_button.text() == f"Import {total} Entries"

    with qtbot.waitSignal(window.data_changed, timeout=10000):
        qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    assert control.job is None and control.progress is None
    assert actions.entry_count() == total
    assert "import #1" in window.statusBar().currentMessage()

    window.select_tab("history")
    history = window.history
    qtbot.waitUntil(lambda: history.model is not None and history.model.rowCount() == total)


def test_a_second_preview_of_the_same_archive_has_nothing_to_import(
    qtbot, window: MainWindow, archive_path: Path
) -> None:
    backfill.commit(backfill.plan_import(archive_path, TODAY), TODAY)
    _control, preview = open_preview(qtbot, window, archive_path)
    assert not preview.import_button.isEnabled()
    assert "already in your log" in preview.overview.text()
    preview.reject()


def test_cancel_during_the_import_leaves_nothing(
    qtbot, window: MainWindow, archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    control, preview = open_preview(qtbot, window, archive_path)
    block_writes_until_cancel(monkeypatch, control)
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: control.progress is not None and control.progress.isVisible())
    assert control.progress is not None
    cancel = control.progress.findChild(QPushButton)
    with qtbot.waitSignal(control.job.cancelled, timeout=10000):  # type: ignore[union-attr]
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: control.job is None)
    assert actions.entry_count() == 0
    assert imports.batches() == []
    assert "nothing was written" in window.statusBar().currentMessage()


def test_closing_the_window_mid_import_stops_the_thread_and_rolls_back(
    qtbot, window: MainWindow, archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    control, preview = open_preview(qtbot, window, archive_path)
    block_writes_until_cancel(monkeypatch, control)
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: control.job is not None and control.job.running)
    window.close()
    assert running_jobs() == []
    assert actions.entry_count() == 0


def test_undo_last_import_names_the_batch_and_its_entry_count(
    qtbot, window: MainWindow, archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcome = backfill.commit(backfill.plan_import(archive_path, TODAY), TODAY)
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(controller_module.QMessageBox, "question", answer_yes)
    with qtbot.waitSignal(window.data_changed, timeout=10000):
        importer(window).undo_action.trigger()
    [question] = asked
    assert f"#{outcome.batch} {ARCHIVE}" in question
    assert f"{outcome.added} entries" in question
    assert actions.entry_count() == 0
    qtbot.waitUntil(lambda: importer(window).job is None)


def test_a_file_that_is_not_an_archive_is_reported(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        controller_module.QMessageBox,
        "warning",
        lambda _parent, _title, text, *_args: warnings.append(text),
    )
    bogus = tmp_path / "holiday.zip"
    bogus.write_bytes(b"not a zip at all")
    control = importer(window)
    control.read_archive(bogus)
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings == ["holiday.zip is neither a ZIP archive nor a folder of LinkedIn data."]
    qtbot.waitUntil(lambda: control.job is None)
    assert control.preview is None


def test_the_preview_tables_pass_the_model_tester(qtmodeltester) -> None:
    from ssi_desktop.ui.importers.preview import CountsModel

    model = CountsModel(("Reason", "Rows"), [("spam folder", 3), ("Nothing else", "")])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "3"
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_menu_item_opens_a_csv_of_an_unpacked_folder_as_the_archive(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = factory.write_folder(tmp_path / "unpacked", factory.era_2018())
    monkeypatch.setattr(
        controller_module.QFileDialog,
        "getOpenFileName",
        lambda *_args: (str(folder / "Connections.csv"), ""),
    )
    control = importer(window)
    control.import_action.trigger()
    qtbot.waitUntil(lambda: control.preview is not None and control.preview.isVisible())
    assert control.preview is not None
    assert control.preview.plan.archive_name == "unpacked"
    sources = control.preview.plan.report.sources
    assert (sources["connections"], sources["invitations_sent"]) == (2, 2)  # every file was read
    control.preview.reject()
    qtbot.waitUntil(lambda: control.preview is None)
    assert actions.entry_count() == 0
