"""Small forms that record accounts, contacts, posts, conversations and outcomes.

Each form writes one record through the store (a small write, fine on the GUI thread). When the
store refuses, the reason shows inside the form, which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import Pillar, actions_in
from ssi_desktop.outcomes.engagement import TARGET_RATE, engagement_rate
from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.outcomes.replies import StartedBy
from ssi_desktop.store import accounts, actions, conversations, outcomes, posts
from ssi_desktop.store.actions import InvalidEntryError
from ssi_desktop.store.outcomes import MAX_VALUE
from ssi_desktop.store.pipeline_rows import ContactInfo
from ssi_desktop.store.posts import MAX_VIEWS
from ssi_desktop.system import clock
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.outcomes.currency import currency_code, money_text
from ssi_desktop.ui.widgets import Notice, python_date, save_or_cancel


def day_field(name: str, day: dt.date | None = None) -> QDateEdit:
    """A date picker that cannot go past today."""
    today = clock.today()
    day = day or today
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(dates.edit_format())
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    return edit


def contact_label(contact: ContactInfo) -> str:
    role = f", {contact.role}" if contact.role else ""
    return f"{contact.name}{role} · {contact.account_name}"


def contact_picker(name: str, optional: bool = False) -> QComboBox:
    """The seller's contacts, by account; ``optional`` adds "nobody in particular" first."""
    picker = QComboBox()
    picker.setObjectName(name)
    if optional:
        picker.addItem("Nobody in particular", None)
    for contact in accounts.contacts():
        picker.addItem(contact_label(contact), contact.id)
    return picker


class RecordForm(QDialog):
    """A dialog with a form; Save stores through save(), which returns a sentence for the seller."""

    recorded = Signal(str)

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro_label = theme.as_caption(QLabel(intro))
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.problem = Notice()
        self.problem.setObjectName("formProblem")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = save_or_cancel(self, self.accept)
        layout.addWidget(self.buttons)

    def save(self) -> str:
        raise NotImplementedError

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def accept(self) -> None:
        try:
            message = self.save()
        except InvalidEntryError as error:
            self.show_problem(f"Not saved: {error}.")
            return
        self.recorded.emit(message)
        super().accept()

    def require_contacts(self, picker: QComboBox) -> None:
        """With no contact to pick, say where to add one and keep Save disabled."""
        if picker.count() == 0:
            self.show_problem("Add a contact first (File, Pipeline, Add a Contact…).")
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)


class AccountForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Add an Account",
            "A company you sell to. Target accounts are the ones your plan is built on: "
            "actions with their people weigh more in the estimate.",
            parent,
        )
        self.name = QLineEdit()
        self.name.setObjectName("accountName")
        self.name.setPlaceholderText("Company name")
        self.is_target = QCheckBox("One of my target accounts")
        self.is_target.setObjectName("accountIsTarget")
        self.is_target.setChecked(True)
        self.note = QLineEdit()
        self.note.setObjectName("accountNote")
        self.form.addRow("Company", self.name)
        self.form.addRow("", self.is_target)
        self.form.addRow("Note", self.note)

    def save(self) -> str:
        account = accounts.add_account(
            self.name.text(), self.is_target.isChecked(), self.note.text().strip()
        )
        kind = "target account" if account.is_target else "account"
        return f"Added {kind} {account.name}."


class ContactForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Add a Contact",
            "Someone you know at a company. Tie actions to them: contacts at target accounts "
            "and decision-makers count more. A company not listed yet becomes a target account.",
            parent,
        )
        self.name = QLineEdit()
        self.name.setObjectName("contactName")
        self.name.setPlaceholderText("Full name")
        self.account = QComboBox()
        self.account.setObjectName("contactAccount")
        self.account.setEditable(True)
        for account in accounts.accounts():
            self.account.addItem(account.name)
        self.account.setCurrentIndex(-1)
        self.account.setPlaceholderText("Pick or type a company")
        self.role = QLineEdit()
        self.role.setObjectName("contactRole")
        self.role.setPlaceholderText("Job title, e.g. VP Sales")
        self.decision_maker = QCheckBox("Decision-maker (can sign or veto the purchase)")
        self.decision_maker.setObjectName("contactDecisionMaker")
        self.note = QLineEdit()
        self.note.setObjectName("contactNote")
        self.form.addRow("Name", self.name)
        self.form.addRow("Company", self.account)
        self.form.addRow("Role", self.role)
        self.form.addRow("", self.decision_maker)
        self.form.addRow("Note", self.note)

    def save(self) -> str:
        contact = accounts.add_contact_at(
            self.name.text(),
            self.account.currentText(),
            self.role.text(),
            self.decision_maker.isChecked(),
            self.note.text().strip(),
        )
        senior = " (decision-maker)" if contact.is_decision_maker else ""
        return f"Added {contact.name} at {contact.account_name}{senior}."


class PostForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Add a Post's Numbers",
            "Copy them from the post's analytics on LinkedIn. Engagement rate = unique "
            f"engagers / views; {TARGET_RATE:g} % and up is a good sign.",
            parent,
        )
        self.day = day_field("postDay")
        self.views = self._count("postViews", 1)
        self.engagers = self._count("postEngagers", 0)
        self.comments = self._count("postComments", 0)
        self.title = QLineEdit()
        self.title.setObjectName("postTitle")
        self.title.setPlaceholderText("A few words to recognise it")
        self.link = QLineEdit()
        self.link.setObjectName("postLink")
        self.rate = theme.as_caption(QLabel(""))
        self.rate.setObjectName("postRatePreview")
        self.form.addRow("Published", self.day)
        self.form.addRow("Views", self.views)
        self.form.addRow("Unique engagers", self.engagers)
        self.form.addRow("Comments", self.comments)
        self.form.addRow("Title", self.title)
        self.form.addRow("Link", self.link)
        self.form.addRow("", self.rate)
        self.views.valueChanged.connect(self._preview)
        self.engagers.valueChanged.connect(self._preview)
        self._preview()

    @staticmethod
    def _count(name: str, lowest: int) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(lowest, MAX_VIEWS)
        box.setGroupSeparatorShown(True)
        return box

    @Slot()
    def _preview(self) -> None:
        rate = engagement_rate(self.views.value(), self.engagers.value())
        verdict = "at or above" if rate >= TARGET_RATE else "below"
        self.rate.setText(f"Engagement rate {rate:.2f} %, {verdict} the {TARGET_RATE:g} % target")

    def save(self) -> str:
        new = posts.NewPost(
            python_date(self.day.date()),
            self.views.value(),
            self.engagers.value(),
            self.comments.value(),
            self.title.text(),
            self.link.text(),
        )
        stored = posts.record(new, clock.today())
        rate = posts.rate_of(stored)
        return f"Added the post of {dates.day_text(stored.day)}: {rate:.2f} % engagement."


class ConversationForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Log a Conversation",
            "A message thread with one of your contacts. Mark it answered from the Outcomes "
            "tab when they reply: the 90-day reply rate counts the threads you started.",
            parent,
        )
        self.contact = contact_picker("conversationContact")
        self.started_by = QComboBox()
        self.started_by.setObjectName("conversationStartedBy")
        self.started_by.addItem("I wrote first", StartedBy.ME)
        self.started_by.addItem("They wrote first", StartedBy.THEM)
        self.day = day_field("conversationDay")
        self.also_log = QCheckBox("Also log a “Direct message sent” for the estimate")
        self.also_log.setObjectName("conversationAlsoLog")
        self.also_log.setChecked(True)
        self.form.addRow("With", self.contact)
        self.form.addRow("Started", self.started_by)
        self.form.addRow("On", self.day)
        self.form.addRow("", self.also_log)
        self.started_by.currentIndexChanged.connect(self._sync_also_log)
        self.require_contacts(self.contact)

    @Slot()
    def _sync_also_log(self) -> None:
        self.also_log.setEnabled(self.started_by.currentData() is StartedBy.ME)

    def save(self) -> str:
        thread = conversations.start(
            int(self.contact.currentData()),
            python_date(self.day.date()),
            StartedBy(self.started_by.currentData()),
            clock.today(),
            also_log=self.also_log.isChecked(),
        )
        return f"Logged a conversation with {thread.contact_name}."


class OutcomeForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Log an Outcome",
            "What your selling led to. The Outcomes tab puts them week by week beside your "
            "estimated SSI, so you can see whether activity turns into pipeline.",
            parent,
        )
        self.kind = QComboBox()
        self.kind.setObjectName("outcomeKind")
        for kind in OutcomeKind:
            self.kind.addItem(kind.label, kind)
        self.day = day_field("outcomeDay")
        self.value = QDoubleSpinBox()
        self.value.setObjectName("outcomeValue")
        self.value.setRange(0.0, MAX_VALUE)
        self.value.setDecimals(2)
        self.value.setGroupSeparatorShown(True)
        self.value.setSpecialValueText("not known")
        self.value.setSuffix(f" {currency_code()}")
        self.value.setToolTip(
            "What it is worth (leave at 0 if not known); Pipeline > Set the Currency changes "
            "the currency"
        )
        self.contact = contact_picker("outcomeContact", optional=True)
        self.note = QLineEdit()
        self.note.setObjectName("outcomeNote")
        self.also_log = QCheckBox("Also log “Meeting booked” in the history")
        self.also_log.setObjectName("outcomeAlsoLog")
        self.also_log.setChecked(True)
        self.form.addRow("Outcome", self.kind)
        self.form.addRow("On", self.day)
        self.form.addRow("Value", self.value)
        self.form.addRow("With", self.contact)
        self.form.addRow("Note", self.note)
        self.form.addRow("", self.also_log)
        self.kind.currentIndexChanged.connect(self._sync_kind)
        self._sync_kind()

    def chosen_kind(self) -> OutcomeKind:
        return OutcomeKind(self.kind.currentData())

    @Slot()
    def _sync_kind(self) -> None:
        kind = self.chosen_kind()
        self.value.setEnabled(kind.has_value)
        if not kind.has_value:
            self.value.setValue(0.0)
        self.also_log.setVisible(kind in outcomes.SCORED_AS)

    def save(self) -> str:
        kind = self.chosen_kind()
        value = self.value.value() if kind.has_value and self.value.value() > 0 else None
        contact = self.contact.currentData()
        new = outcomes.NewOutcome(
            kind,
            python_date(self.day.date()),
            value,
            None if contact is None else int(contact),
            self.note.text().strip(),
        )
        stored = outcomes.record(new, clock.today(), also_log=self.also_log.isChecked())
        worth = f" worth {money_text(stored.value, 2)}" if stored.value is not None else ""
        return f"Logged: {kind.label.lower()}{worth} on {dates.day_text(stored.day)}."


CONTACT_PILLARS = (Pillar.RELATIONSHIPS, Pillar.PEOPLE, Pillar.INSIGHTS, Pillar.BRAND)
"""The order of the action list: the pillars whose actions are done with someone come first."""


class ContactActionForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Log an Action with a Contact",
            "Say whom you did it with: an action with a decision-maker, or with anyone at a "
            "target account, weighs more in the estimate.",
            parent,
        )
        self.action = QComboBox()
        self.action.setObjectName("contactActionKey")
        for pillar in CONTACT_PILLARS:
            for kind in actions_in(pillar):
                self.action.addItem(theme.pillar_icon(pillar), kind.label, kind.key)
        self.contact = contact_picker("contactActionContact")
        self.count = QSpinBox()
        self.count.setObjectName("contactActionCount")
        self.count.setRange(1, actions.MAX_COUNT)
        self.day = day_field("contactActionDay")
        self.note = QLineEdit()
        self.note.setObjectName("contactActionNote")
        self.form.addRow("Action", self.action)
        self.form.addRow("With", self.contact)
        self.form.addRow("Count", self.count)
        self.form.addRow("On", self.day)
        self.form.addRow("Note", self.note)
        self.require_contacts(self.contact)

    def save(self) -> str:
        entry = actions.NewEntry(
            str(self.action.currentData()),
            python_date(self.day.date()),
            self.count.value(),
            self.note.text().strip(),
            contact_id=int(self.contact.currentData()),
        )
        actions.record(entry, clock.today())
        return (
            f"Added {entry.count} × {self.action.currentText()} with {self.contact.currentText()}."
        )
