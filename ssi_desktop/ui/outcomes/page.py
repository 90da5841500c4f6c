"""The Outcomes tab: does the activity turn into pipeline?

Weekly meetings, opportunities and won deals under the weekly SSI estimate, the 90-day reply
rate and post engagement, and the threads still waiting for an answer. Everything shown comes
from the ScoreSnapshot's pipeline view, computed by the worker; only marking a thread answered
writes, through the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.application.outcomes import PipelineView, WaitingThread
from ssi_desktop.outcomes.engagement import TARGET_RATE
from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.outcomes.weekly import Week
from ssi_desktop.store import conversations
from ssi_desktop.store.actions import InvalidEntryError
from ssi_desktop.system import clock
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.outcomes.charts import (
    OUTCOME_COLORS,
    EngagementChart,
    WeeklyChart,
    engagement_key,
)
from ssi_desktop.ui.outcomes.commands import PipelineActions
from ssi_desktop.ui.outcomes.currency import money_text
from ssi_desktop.ui.outcomes.forms import day_field
from ssi_desktop.ui.widgets import MARGIN, SPACING, Card, python_date
from ssi_desktop.workers.snapshot import ScoreSnapshot

REPLY_WAIT_DAYS = 7
"""A rate of only threads younger than this says nothing yet: the reply rate waits."""

QUARTER_WEEKS = 13
"""The stat cards sum the last 13 weeks: a quarter, the span sellers plan pipeline in."""


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.1f} %"


class Stat(Card):
    """One number with what it means underneath."""

    def __init__(self, name: str, title: str) -> None:
        super().__init__(title)
        self.value = theme.as_score(QLabel("–"))
        self.value.setObjectName(f"statValue_{name}")
        self.detail = theme.as_caption(QLabel(""))
        self.detail.setObjectName(f"statDetail_{name}")
        self.detail.setWordWrap(True)
        self.body.addWidget(self.value)
        self.body.addWidget(self.detail)
        self.body.addStretch(1)

    def set_figures(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)


def legend() -> QLabel:
    """Colour keys for the outcome bars, as text beside the chart's title."""
    keys = [
        f'<span style="color:{OUTCOME_COLORS[kind]}">■</span>&nbsp;{name}'
        for kind, name in (
            (OutcomeKind.MEETING, "Meetings"),
            (OutcomeKind.OPPORTUNITY, "Opportunities"),
            (OutcomeKind.DEAL_WON, "Deals won (value above)"),
        )
    ]
    label = QLabel("&nbsp;&nbsp;&nbsp;".join(["● Estimated SSI at week's end", *keys]))
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class OutcomesPage(QWidget):
    """The Outcomes tab (objectName ``tab_outcomes``)."""

    recorded = Signal(str)  # a thread was marked answered here
    refused = Signal(str)  # the store refused to mark it; one sentence for the seller

    def __init__(self, forms: PipelineActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomesPage")
        self.view: PipelineView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(self._header(forms))
        layout.addLayout(self._stats())
        columns = QHBoxLayout()
        columns.setSpacing(SPACING)
        columns.addWidget(self._weekly_card(), 3)
        side = QVBoxLayout()
        side.setSpacing(SPACING)
        side.addWidget(self._engagement_card(), 3)
        side.addWidget(self._waiting_card(), 2)
        columns.addLayout(side, 2)
        layout.addLayout(columns, 1)

    # -- building -------------------------------------------------------------------------------

    def _header(self, forms: PipelineActions) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        icon = QLabel()
        icon.setPixmap(theme.icon("outcomes").pixmap(28, 28))
        title = theme.as_title(QLabel("Outcomes"))
        row.addWidget(icon)
        row.addWidget(title)
        row.addWidget(theme.as_caption(QLabel("what SSI does not measure")))
        row.addStretch(1)
        buttons: Sequence[tuple[str, QAction, str]] = (
            ("Log outcome", forms.log_outcome, "logOutcomeButton"),
            ("Add post", forms.add_post, "addPostButton"),
            ("Log conversation", forms.log_conversation, "logConversationButton"),
            ("Add contact", forms.add_contact, "addContactButton"),
            ("Add account", forms.add_account, "addAccountButton"),
        )
        add_icon = theme.icon("add")
        for text, action, name in buttons:
            button = QPushButton(add_icon, text)
            button.setObjectName(name)
            button.setToolTip(action.text().replace("&", ""))
            button.clicked.connect(action.trigger)
            row.addWidget(button)
        return row

    def _stats(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        self.meetings = Stat("meetings", "Meetings")
        self.opportunities = Stat("opportunities", "Opportunities")
        self.deals = Stat("deals", "Deals won")
        self.replies = Stat("replies", "Reply rate")
        self.engagement = Stat("engagement", "Post engagement")
        for stat in (self.meetings, self.opportunities, self.deals, self.replies, self.engagement):
            row.addWidget(stat, 1)
        return row

    def _weekly_card(self) -> Card:
        card = Card("Week by week")
        card.body.addWidget(legend())
        self.weekly = WeeklyChart()
        card.body.addWidget(self.weekly, 1)
        self.weekly_hint = theme.as_caption(QLabel(""))
        self.weekly_hint.setObjectName("weeklyHint")
        self.weekly_hint.setWordWrap(True)
        card.body.addWidget(self.weekly_hint)
        return card

    def _engagement_card(self) -> Card:
        card = Card("Engagement per post")
        self.engagement_chart = EngagementChart()
        card.body.addWidget(self.engagement_chart, 1)
        card.body.addWidget(engagement_key())
        self.engagement_hint = theme.as_caption(QLabel(""))
        self.engagement_hint.setObjectName("engagementHint")
        self.engagement_hint.setWordWrap(True)
        card.body.addWidget(self.engagement_hint)
        return card

    def _waiting_card(self) -> Card:
        card = Card("Waiting for an answer")
        self.waiting = QListWidget()
        self.waiting.setObjectName("waitingThreads")
        self.waiting.setAlternatingRowColors(True)
        card.body.addWidget(self.waiting, 1)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.answered_on = day_field("answeredOn")
        self.log_reply = QCheckBox("log the reply")
        self.log_reply.setObjectName("logReply")
        self.log_reply.setChecked(True)
        self.log_reply.setToolTip("Also log “Reply to your message” for the estimate")
        self.answer_button = QPushButton("Mark answered")
        self.answer_button.setObjectName("markAnswered")
        self.answer_button.setEnabled(False)
        row.addWidget(QLabel("on"))
        row.addWidget(self.answered_on)
        row.addWidget(self.log_reply)
        row.addStretch(1)
        row.addWidget(self.answer_button)
        card.body.addLayout(row)
        self.waiting.itemSelectionChanged.connect(self._sync_answer_button)
        self.answer_button.clicked.connect(self.mark_answered)
        return card

    # -- showing --------------------------------------------------------------------------------

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        if snapshot.pipeline is not None:
            self.show_view(snapshot.pipeline)

    def show_view(self, view: PipelineView) -> None:
        self.view = view
        self._show_stats(view)
        self.weekly.set_weeks(view.weeks)
        self.weekly_hint.setText(weekly_hint(view.weeks))
        self.engagement_chart.set_rates(view.post_rates)
        self.engagement_hint.setText(
            f"The newest {plural(len(view.post_rates), 'post')}: the share of each post's "
            "viewers who engaged with it."
            if view.post_rates
            else "No posts yet: add a post's views and engagers to see its rate."
        )
        self._show_waiting(view.waiting)

    def _show_stats(self, view: PipelineView) -> None:
        quarter = view.weeks[-QUARTER_WEEKS:]
        meetings = sum(w.meetings for w in quarter)
        opportunities = sum(w.opportunities for w in quarter)
        deals = sum(w.deals_won for w in quarter)
        won = sum(w.won_value for w in quarter)
        span = f"in the last {QUARTER_WEEKS} weeks"
        self.meetings.set_figures(str(meetings), f"booked {span}")
        self.opportunities.set_figures(str(opportunities), f"opened {span}")
        self.deals.set_figures(
            str(deals), f"worth {money_text(won)} {span}" if won else f"won {span}"
        )
        self._show_replies(view)
        self.engagement.set_figures(
            percent(view.average_rate_90d),
            f"average of {plural(view.posts_90d, 'post')} in 90 days; target {TARGET_RATE:g} %"
            if view.posts_90d
            else "no post in the last 90 days",
        )

    def _show_replies(self, view: PipelineView) -> None:
        replies = view.replies_90d
        if not replies.started:
            self.replies.set_figures("–", "no thread started by you in the last 90 days")
            return
        today = clock.today()
        fresh = sum(1 for t in view.waiting if (today - t.started_on).days < REPLY_WAIT_DAYS)
        if not replies.answered and fresh == replies.started:
            # Threads started today or this week have had no time to be answered: "0 %"
            # would read as a verdict on them.
            self.replies.set_figures(
                "too early",
                f"{plural(replies.started, 'thread')} started in the last {REPLY_WAIT_DAYS} "
                "days; answers often take a few days",
            )
            return
        self.replies.set_figures(
            percent(replies.rate),
            f"{replies.answered} of {plural(replies.started, 'thread')} you started in 90 days "
            "got an answer",
        )

    def _show_waiting(self, threads: Sequence[WaitingThread]) -> None:
        today = clock.today()
        self.waiting.clear()
        for thread in threads:
            waited = (today - thread.started_on).days
            item = QListWidgetItem(
                f"{thread.contact} · {thread.account} — {plural(waited, 'day')} "
                f"(since {dates.short_day_text(thread.started_on)})"
            )
            item.setData(Qt.ItemDataRole.UserRole, thread.id)
            self.waiting.addItem(item)
        if not threads:
            item = QListWidgetItem("Nobody owes you an answer.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.waiting.addItem(item)
        self._sync_answer_button()

    @Slot()
    def _sync_answer_button(self) -> None:
        self.answer_button.setEnabled(bool(self.waiting.selectedItems()))

    @Slot()
    def mark_answered(self) -> None:
        """Record that the selected thread got its answer on the chosen day."""
        items = self.waiting.selectedItems()
        if not items:
            return
        thread_id = int(items[0].data(Qt.ItemDataRole.UserRole))
        day: dt.date = python_date(self.answered_on.date())
        try:
            thread = conversations.answer(
                thread_id, day, clock.today(), also_log=self.log_reply.isChecked()
            )
        except InvalidEntryError as error:
            self.refused.emit(f"Not saved: {error}.")
            return
        self.waiting.takeItem(self.waiting.row(items[0]))
        self.recorded.emit(f"{thread.contact_name} answered on {dates.day_text(day)}.")


def weekly_hint(weeks: Sequence[Week]) -> str:
    """One line under the weekly chart: what it shows, or how to fill it."""
    if not any(w.meetings or w.opportunities or w.deals_won for w in weeks):
        return (
            "No outcomes in these weeks yet. Log meetings booked, opportunities opened and "
            "deals won to see whether your SSI habits turn into pipeline."
        )
    return (
        f"The last {len(weeks)} weeks, Monday to Sunday. Pipeline tends to follow activity "
        "by a few weeks: look for outcomes rising after the SSI does."
    )
