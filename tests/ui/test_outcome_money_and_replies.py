"""Deal values in the seller's currency, and a reply rate that waits for answers to be due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from unittest import mock

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.outcomes.replies import StartedBy
from ssi_desktop.store import accounts, conversations, outcomes, settings
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.outcomes.currency import currency_code, money_text
from ssi_desktop.ui.outcomes.page import REPLY_WAIT_DAYS
from tests.conftest import TODAY
from tests.ui.test_outcomes_tab import page_of, recompute

WAIT_MS = 10_000


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def test_the_currency_defaults_to_the_locale_s(db: object, german: None) -> None:
    assert currency_code() == "EUR"
    assert money_text(114_000) == "114.000\N{NO-BREAK SPACE}€"


def test_a_chosen_currency_is_kept_with_the_data(db: object, german: None) -> None:
    settings.set_currency("usd")
    assert settings.currency() == "USD"
    assert money_text(114_000) == "114.000\N{NO-BREAK SPACE}$"
    with pytest.raises(ValueError, match="not a currency code"):
        settings.set_currency("euros")
    assert settings.currency() == "USD"


def test_won_deals_are_worth_an_amount_in_the_currency_chosen_from_the_menu(
    window: MainWindow, qtbot: QtBot, german: None
) -> None:
    outcomes.record(outcomes.NewOutcome(OutcomeKind.DEAL_WON, TODAY, 24_000.0), TODAY)
    recompute(window, qtbot)
    page = page_of(window)
    assert "worth 24.000\N{NO-BREAK SPACE}€" in page.deals.detail.text()
    action = window.findChild(type(window.find_action), "currencyAction")
    assert action is not None
    with (
        mock.patch.object(QInputDialog, "getItem", return_value=("CHF", True)),
        qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS),
    ):
        action.trigger()
    assert settings.currency() == "CHF"
    assert "worth 24.000\N{NO-BREAK SPACE}CHF" in page.deals.detail.text()
    assert "CHF" in window.statusBar().currentMessage()


def test_the_reply_rate_waits_while_every_thread_is_new(window: MainWindow, qtbot: QtBot) -> None:
    account = accounts.add_account("Initech", is_target=True)
    ana = accounts.add_contact("Ana Silva", account.id)
    conversations.start(ana.id, TODAY, StartedBy.ME, TODAY)
    recompute(window, qtbot)
    page = page_of(window)
    assert page.replies.value.text() == "too early"
    assert f"in the last {REPLY_WAIT_DAYS} days" in page.replies.detail.text()
    bob = accounts.add_contact("Bob Stone", account.id)
    conversations.start(bob.id, TODAY - dt.timedelta(days=20), StartedBy.ME, TODAY)
    recompute(window, qtbot)
    assert page.replies.value.text() == "0.0 %"
