"""The team in the window, once this database joined one: the Team tab and its status.

For a seller who never joined, install() reads one local setting and returns: no thread, no
driver, no socket.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from ssi_desktop.system import clock
from ssi_desktop.team import membership
from ssi_desktop.ui import theme

if TYPE_CHECKING:
    from ssi_desktop.store.team_rows import PublishReport
    from ssi_desktop.ui.main_window import MainWindow
    from ssi_desktop.workers.team import TeamSync


def offline_text(days_waiting: int) -> str:
    return f"team: offline, {membership.days_text(days_waiting)} waiting"


class TeamStatus(QLabel):
    """The status bar's word on the team (objectName ``teamState``)."""

    def __init__(self, sync: TeamSync) -> None:
        super().__init__("team: connecting…")
        self.setObjectName("teamState")
        theme.as_caption(self)
        sync.publishing.connect(self._publishing)
        sync.published.connect(self._published)
        sync.offline.connect(self._offline)

    def _publishing(self) -> None:
        if not self.text().startswith("team: offline"):  # offline stays until a publish works
            self.setText("team: publishing…")

    def _published(self, _report: PublishReport) -> None:
        self.setText(f"team: online, published at {clock.now():%H:%M}")
        self.setToolTip("")

    def _offline(self, reason: str) -> None:
        joined = membership.current()
        waiting = 0 if joined is None else joined.days_waiting(clock.today())
        self.setText(offline_text(waiting))
        self.setToolTip(f"{reason}. Publishing catches up once the server answers.")


def install(window: MainWindow) -> None:
    if membership.current() is None:
        return
    from ssi_desktop.ui.team.page import TeamPage
    from ssi_desktop.workers.team import TeamSync

    sync = TeamSync(window.db_path, parent=window)
    window.team_sync = sync  # type: ignore[attr-defined]  # for tests and the status bar
    window.statusBar().addPermanentWidget(TeamStatus(sync))
    page = TeamPage(sync)
    page.setObjectName("tab_team")
    window.add_tab(page, "Team", theme.icon("dashboard"))
    # The first score publishes as the window opens; later ones at most every few minutes.
    window.snapshot_shown.connect(lambda _snapshot: sync.publish_soon())
    window.closing.connect(sync.stop)
