"""What SSI ignores, in the window: the Outcomes tab, the Pipeline menu and the reach card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssi_desktop.catalog import Pillar
from ssi_desktop.ui import theme
from ssi_desktop.ui.on_screen import WhenShown
from ssi_desktop.ui.outcomes.commands import PipelineActions
from ssi_desktop.ui.outcomes.reach import ReachCard
from ssi_desktop.ui.widgets import LazyPage

if TYPE_CHECKING:
    from ssi_desktop.ui.main_window import MainWindow
    from ssi_desktop.ui.outcomes.page import OutcomesPage

STATUS_SECONDS = 6


def install(window: MainWindow) -> None:
    forms = PipelineActions(window)
    window.add_file_action(forms.menu.menuAction())
    card = ReachCard(forms)
    window.pillar_pages[Pillar.RELATIONSHIPS].add_card(card)
    window.snapshot_shown.connect(
        WhenShown(window.pillar_pages[Pillar.RELATIONSHIPS], card.show_snapshot)
    )

    def recorded(sentence: str) -> None:
        window.statusBar().showMessage(sentence, STATUS_SECONDS * 1000)
        window.data_changed.emit()

    def refused(sentence: str) -> None:
        window.statusBar().showMessage(sentence, 2 * STATUS_SECONDS * 1000)

    def build_page() -> OutcomesPage:
        from ssi_desktop.ui.outcomes.page import (
            OutcomesPage,  # charts and tables load when first shown
        )

        page = OutcomesPage(forms)
        page.recorded.connect(recorded)
        page.refused.connect(refused)
        window.snapshot_shown.connect(WhenShown(page, page.show_snapshot))
        if window.snapshot is not None:
            page.show_snapshot(window.snapshot)
        return page

    forms.recorded.connect(recorded)
    forms.refused.connect(refused)
    window.add_tab(LazyPage("outcomes", build_page), "Outcomes", theme.icon("outcomes"))
