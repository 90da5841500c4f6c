"""The Pipeline menu: one action per form, shared by the menu, the Outcomes tab and its cards."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from ssi_desktop.ui.outcomes.forms import RecordForm
    from ssi_desktop.ui.outcomes.records import RecordsDialog

FormType = Callable[[QWidget], "RecordForm"]
"""A form class: built with the window as its parent."""

FORMS = "ssi_desktop.ui.outcomes.forms"
"""The forms and the records dialog load when first opened: start-up only builds the menu."""


def _form_type(name: str) -> FormType:
    form: FormType = getattr(importlib.import_module(FORMS), name)
    return form


class PipelineActions(QObject):
    """Opens the forms over ``window``; ``recorded`` carries each saved record's sentence."""

    recorded = Signal(str)
    refused = Signal(str)  # a choice the store would not take; one sentence for the seller

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.menu = QMenu("&Pipeline", window)
        self.menu.setObjectName("pipelineMenu")
        self.log_outcome = self._add("Log an &Outcome…", "OutcomeForm", "logOutcomeAction")
        self.log_outcome.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.add_post = self._add("Add a &Post's Numbers…", "PostForm", "addPostAction")
        self.log_conversation = self._add(
            "Log a &Conversation…", "ConversationForm", "logConversationAction"
        )
        self.log_with_contact = self._add(
            "Log an Action &with a Contact…", "ContactActionForm", "logWithContactAction"
        )
        self.menu.addSeparator()
        self.add_contact = self._add("Add a Con&tact…", "ContactForm", "addContactAction")
        self.add_account = self._add("Add an &Account…", "AccountForm", "addAccountAction")
        self.menu.addSeparator()
        self.review = QAction("&Review and Delete Records…", self)
        self.review.setObjectName("reviewRecordsAction")
        self.review.triggered.connect(self.open_records)
        self.menu.addAction(self.review)
        self.currency = QAction("Set the &Currency…", self)
        self.currency.setObjectName("currencyAction")
        self.currency.setToolTip("The currency of deal and opportunity values")
        self.currency.triggered.connect(self.choose_currency)
        self.menu.addAction(self.currency)

    def _add(self, text: str, form_name: str, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(
            lambda _checked=False: self.open_form(
                getattr(importlib.import_module(FORMS), form_name)
            )
        )
        self.menu.addAction(action)
        return action

    def choose_currency(self) -> None:
        from ssi_desktop.ui.outcomes.currency import ask_currency

        try:
            code = ask_currency(self._window)
        except ValueError as error:
            self.refused.emit(f"Not changed: {error}.")
            return
        if code is not None:
            self.recorded.emit(f"Deal values are now shown in {code}.")

    def open_records(self) -> RecordsDialog:
        """The outcomes, posts and conversations, to delete those entered by mistake."""
        from ssi_desktop.ui.outcomes.records import open_records

        return open_records(self._window, self.recorded.emit)

    def open_form(self, form_type: FormType) -> RecordForm:
        """Open a fresh form (window-modal, not blocking) and return it."""
        form = form_type(self._window)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.recorded.connect(self.recorded)
        form.open()
        return form
