"""The Outcomes tab, its forms and the reach card, driven through the real window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import Pillar
from ssi_desktop.outcomes.engagement import TARGET_RATE
from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.outcomes.replies import StartedBy
from ssi_desktop.scoring import Tally
from ssi_desktop.store import accounts, actions, conversations, outcomes, posts
from ssi_desktop.store.models import Account, Outcome, Post
from ssi_desktop.ui.history import HistoryModel
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.outcomes.charts import ABOVE_TARGET
from ssi_desktop.ui.outcomes.commands import PipelineActions
from ssi_desktop.ui.outcomes.currency import money_text
from ssi_desktop.ui.outcomes.forms import (
    ContactActionForm,
    ContactForm,
    ConversationForm,
    OutcomeForm,
    PostForm,
    RecordForm,
)
from ssi_desktop.ui.outcomes.page import REPLY_WAIT_DAYS, OutcomesPage
from ssi_desktop.ui.outcomes.reach import ReachCard
from ssi_desktop.ui.widgets import LazyPage
from tests.conftest import TODAY

WAIT_MS = 10_000


def page_of(window: MainWindow) -> OutcomesPage:
    """The Outcomes page, on screen (a tab not shown catches up only when shown)."""
    window.select_tab("outcomes")
    tab = window.findChild(LazyPage, "tab_outcomes")
    assert tab is not None
    page = tab.built()
    assert isinstance(page, OutcomesPage)
    return page


def open_form(window: MainWindow, qtbot: QtBot, button: str, kind: type[RecordForm]) -> RecordForm:
    qtbot.mouseClick(page_of(window).findChild(QPushButton, button), Qt.MouseButton.LeftButton)
    form = QApplication.activeModalWidget()
    assert isinstance(form, kind)
    return form


def save(window: MainWindow, qtbot: QtBot, form: RecordForm) -> None:
    """Click Save and wait for the window to show the recomputed snapshot."""
    button = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def recompute(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        window.request_recompute()


def test_the_outcomes_tab_is_a_tab_of_its_own(window: MainWindow) -> None:
    assert window.select_tab("outcomes")
    assert window.tabs.currentWidget().isAncestorOf(page_of(window))
    assert "Outcomes" in [a.text() for a in window.view_menu.actions()]
    pipeline = [a for a in window.file_menu.actions() if a.menu() is not None]
    assert [a.text() for a in pipeline] == ["&Pipeline"]


def test_a_won_deal_logged_in_the_form_shows_in_its_week(window: MainWindow, qtbot: QtBot) -> None:
    form = open_form(window, qtbot, "logOutcomeButton", OutcomeForm)
    assert isinstance(form, OutcomeForm)
    form.kind.setCurrentIndex(form.kind.findData(OutcomeKind.DEAL_WON))
    form.value.setValue(12_500)
    save(window, qtbot, form)
    page = page_of(window)
    assert Outcome.get().value == 12_500
    assert page.deals.value.text() == "1"
    assert "12,500" in page.deals.detail.text()
    heights = page.weekly.bars[OutcomeKind.DEAL_WON].opts["height"]
    assert list(heights[-1:]) == [1.0] and sum(heights) == 1.0
    assert [w.estimate is not None for w in page.weekly.weeks] == [True] * len(page.weekly.weeks)


def test_a_meeting_cannot_carry_a_value_and_can_count_in_the_estimate(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = open_form(window, qtbot, "logOutcomeButton", OutcomeForm)
    assert isinstance(form, OutcomeForm)
    assert form.chosen_kind() is OutcomeKind.MEETING
    assert not form.value.isEnabled()
    assert form.also_log.isChecked()
    save(window, qtbot, form)
    assert [e.key for e in actions.entries()] == ["meeting_booked"]
    assert page_of(window).meetings.value.text() == "1"


def test_a_post_of_1000_views_and_20_engagers_is_drawn_at_2_percent(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = open_form(window, qtbot, "addPostButton", PostForm)
    assert isinstance(form, PostForm)
    form.views.setValue(1000)
    form.engagers.setValue(20)
    assert "2.00 %" in form.rate.text() and "above" in form.rate.text()
    save(window, qtbot, form)
    chart = page_of(window).engagement_chart
    assert list(chart.bars.opts["height"]) == [pytest.approx(2.0)]
    assert chart.bars.opts["brushes"][0].color().name() == ABOVE_TARGET.lower()
    assert chart.target_line.value() == TARGET_RATE
    assert page_of(window).engagement.value.text() == "2.0 %"


def test_a_refused_post_keeps_the_form_open_with_the_reason(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = open_form(window, qtbot, "addPostButton", PostForm)
    assert isinstance(form, PostForm)
    form.views.setValue(10)
    form.engagers.setValue(50)
    qtbot.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert form.isVisible()
    assert "more than the 10 views" in form.problem.text()
    assert Post.select().count() == 0
    form.close()


def test_a_conversation_needs_a_contact_first(window: MainWindow, qtbot: QtBot) -> None:
    form = open_form(window, qtbot, "logConversationButton", ConversationForm)
    assert not form.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert "Add a contact first" in form.problem.text()
    form.close()


def test_a_contact_at_a_new_company_shows_on_the_relationships_tab(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = open_form(window, qtbot, "addContactButton", ContactForm)
    assert isinstance(form, ContactForm)
    form.name.setText("Priya Nair")
    form.account.setEditText("Globex Retail")
    form.role.setText("CFO")
    form.decision_maker.setChecked(True)
    save(window, qtbot, form)
    assert Account.get().is_target
    window.select_tab(Pillar.RELATIONSHIPS.value)
    card = window.pillar_pages[Pillar.RELATIONSHIPS].findChild(ReachCard)
    assert card is not None
    table = card.table
    assert [table.item(0, c).text() for c in range(3)] == ["Globex Retail", "1", "1"]
    assert "1 of 1 target accounts" in card.summary.text()


def test_marking_a_thread_answered_lifts_the_reply_rate(window: MainWindow, qtbot: QtBot) -> None:
    account = accounts.add_account("Initech", is_target=True)
    ana = accounts.add_contact("Ana Silva", account.id)
    conversations.start(ana.id, TODAY - dt.timedelta(days=REPLY_WAIT_DAYS), StartedBy.ME, TODAY)
    recompute(window, qtbot)
    page = page_of(window)
    assert page.replies.value.text() == "0.0 %"
    assert page.waiting.count() == 1 and "Ana Silva · Initech" in page.waiting.item(0).text()
    assert not page.answer_button.isEnabled()
    page.waiting.setCurrentRow(0)
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        qtbot.mouseClick(page.answer_button, Qt.MouseButton.LeftButton)
    assert page.replies.value.text() == "100.0 %"
    assert page.waiting.item(0).text() == "Nobody owes you an answer."
    assert [e.key for e in actions.entries()] == ["dm_reply_received"]


def test_the_history_shows_whom_an_entry_was_with(window: MainWindow, qtbot: QtBot) -> None:
    account = accounts.add_account("Northwind")
    dana = accounts.add_contact("Dana Reyes", account.id)
    actions.record(actions.NewEntry("dm_sent", TODAY, contact_id=dana.id), TODAY)
    actions.record(actions.NewEntry("reaction", TODAY), TODAY)
    window.select_tab("history")
    model = window.history.model
    assert model is not None
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    names = {model.row_at(r).key: model.index(r, HistoryModel.COL_CONTACT).data() for r in range(2)}
    assert names == {"dm_sent": "Dana Reyes", "reaction": ""}


def test_an_action_logged_with_a_contact_counts_at_target_for_a_decision_maker(
    window: MainWindow, qtbot: QtBot
) -> None:
    account = accounts.add_account("Globex")
    priya = accounts.add_contact("Priya Nair", account.id, "CFO", is_decision_maker=True)
    ned = accounts.add_contact("Ned Flanders", account.id)
    recompute(window, qtbot)
    card = window.pillar_pages[Pillar.RELATIONSHIPS].findChild(ReachCard)
    assert card is not None
    button = next(b for b in card.findChildren(QPushButton) if b.text() == "Log with a contact")
    for contact in (ned, priya):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        form = QApplication.activeModalWidget()
        assert isinstance(form, ContactActionForm)
        form.action.setCurrentIndex(form.action.findData("dm_reply_received"))
        form.contact.setCurrentIndex(form.contact.findData(contact.id))
        before = window.snapshot.total if window.snapshot else 0.0
        save(window, qtbot, form)
        assert window.snapshot is not None and window.snapshot.total > before
    assert set(actions.daily_tallies(TODAY, TODAY)) == {
        Tally(TODAY, "dm_reply_received", 1, at_target=True),  # Priya decides
        Tally(TODAY, "dm_reply_received", 1, at_target=False),
    }


def test_a_mistaken_outcome_is_deleted_from_the_records_dialog(
    window: MainWindow, qtbot: QtBot
) -> None:
    for value in (500.0, 9000.0):
        outcomes.record(outcomes.NewOutcome(OutcomeKind.DEAL_WON, TODAY, value), TODAY)
    posts.record(posts.NewPost(TODAY, 100, 3), TODAY)
    recompute(window, qtbot)
    assert page_of(window).deals.value.text() == "2"
    dialog = window.findChild(PipelineActions).open_records()
    assert [dialog.tabs.tabText(i) for i in range(3)] == [
        "Outcomes (2)",
        "Posts (1)",
        "Conversations (0)",
    ]
    outcomes_table = dialog.tables[0]
    assert outcomes_table.item(1, 2).text() == money_text(500.0, 2)
    outcomes_table.selectRow(1)
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        assert dialog.delete_selected(confirm=False) == 1
    assert [o.value for o in Outcome.select()] == [9000.0]
    assert dialog.tabs.tabText(0) == "Outcomes (1)"
    assert page_of(window).deals.value.text() == "1"
    dialog.close()
