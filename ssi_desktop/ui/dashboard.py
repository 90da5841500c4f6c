"""The dashboard: the gauge, the four pillar bars with the total, and the 90-day trend.

The first frame shows the score with the gauge and the bars, which paint themselves; the
trend's chart (pyqtgraph) is built right after it (ui/trend_card.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ssi_desktop.catalog import TOTAL_MAX, tier_name
from ssi_desktop.ui import theme
from ssi_desktop.ui.gauge import ScoreGauge
from ssi_desktop.ui.pillar_bars import PillarBars, describe_change
from ssi_desktop.ui.trend_card import DatedValues, TrendCard
from ssi_desktop.ui.widgets import MARGIN, SPACING, Card, Notice
from ssi_desktop.workers.snapshot import ScoreSnapshot

if TYPE_CHECKING:
    from ssi_desktop.ui.trend import TrendPlot

WEEK = 8  # today and the 7 days before: the change "in 7 days"

EMPTY_LOG_HINT = (
    "Nothing logged yet. Open a pillar's tab and click what you did today, "
    "or press Ctrl+K to find any action."
)


class DashboardPage(QWidget):
    """The first tab (objectName ``tab_dashboard``). Features extend it through add_card(),
    show_readings() and show_forecast() only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tab_dashboard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)

        self.empty_hint = Notice(EMPTY_LOG_HINT)
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)

        self.top_row = top = QHBoxLayout()
        top.setSpacing(SPACING)
        gauge_card = Card("Your SSI")
        self.gauge = ScoreGauge()
        gauge_card.body.addWidget(self.gauge, 1)
        gauge_card.setMinimumWidth(240)
        top.addWidget(gauge_card, 2)
        top.addWidget(self._pillars_card(), 3)
        layout.addLayout(top, 5)

        self.trend_card = TrendCard()
        self.pillars_toggle = self.trend_card.pillars_toggle
        self.legend = self.trend_card.legend
        self.trend_built = self.trend_card.chart_built
        layout.addWidget(self.trend_card, 4)

    def _pillars_card(self) -> Card:
        card = Card("Pillars")
        self.bars = PillarBars()
        card.body.addWidget(self.bars, 1)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setForegroundRole(QPalette.ColorRole.Mid)
        card.body.addWidget(rule)
        self.total_change = theme.as_caption(QLabel(""))
        self.total_change.setObjectName("totalChange")
        total_row = QHBoxLayout()
        total_row.setSpacing(6)
        total = QLabel("Total")
        total.setToolTip("The sum of the four pillars, estimated from your log")
        total_row.addWidget(total)
        total_row.addWidget(theme.as_caption(QLabel("(estimated)")))
        total_row.addStretch(1)
        total_row.addWidget(self.total_change, 0, Qt.AlignmentFlag.AlignBaseline)
        total_row.addSpacing(12)
        self.total_label = theme.as_score(QLabel("–"))
        self.total_label.setObjectName("totalScoreLabel")
        self.tier_label = theme.as_caption(QLabel(""))
        total_row.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignBaseline)
        total_row.addWidget(
            theme.as_caption(QLabel(f"/ {TOTAL_MAX:g}")), 0, Qt.AlignmentFlag.AlignBaseline
        )
        total_row.addWidget(self.tier_label, 0, Qt.AlignmentFlag.AlignBaseline)
        card.body.addLayout(total_row)
        return card

    @property
    def trend(self) -> TrendPlot:
        """The trend chart, built now if it is not yet (it comes after the first frame)."""
        return self.trend_card.plot

    @Slot()
    def build_trend(self) -> None:
        """Build the trend's chart. The window calls it in a zero timer once it has painted
        the score: after what the first frame starts (a start-up timing ends there,
        tests/benchmarks/startup.py), before anything that comes later. A window closed in
        between (a timing that quits at its first frame) builds it when next shown."""
        if self.window().isVisible():
            self.trend_card.build()
        else:
            self._build_when_shown = True

    _build_when_shown = False

    def showEvent(self, event: QShowEvent) -> None:
        if self._build_when_shown:
            self._build_when_shown = False
            QTimer.singleShot(0, self.trend_card.build)
        super().showEvent(event)

    def add_card(
        self,
        card: QWidget,
        stretch: int,
        *,
        tab_between: Callable[[QWidget, QWidget], None] | None = None,
    ) -> None:
        """A feature's card in the top row, after the gauge and the pillars (which stretch 2
        and 3). ``tab_between(before, after)``, when given, puts the card's own buttons in the
        Tab order between the gauge and the trend's controls, as drawn."""
        self.top_row.addWidget(card, stretch)
        if tab_between is not None:
            tab_between(self.gauge, self.pillars_toggle)

    def show_readings(
        self,
        markers: DatedValues,
        industry_avg: float | None,
        network_avg: float | None,
        rank_caption: str,
        tip: str,
    ) -> None:
        """Official readings over the trend (dots, the averages' dotted lines) and the newest
        rank under the gauge."""
        self.trend_card.show_readings(markers, industry_avg, network_avg, tip)
        self.gauge.set_rank_caption(rank_caption)

    def show_forecast(self, line: DatedValues) -> None:
        """The dashed line ahead of today on the trend."""
        self.trend_card.show_forecast(line)

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        self.empty_hint.setVisible(snapshot.entry_count == 0)
        self.gauge.set_value(snapshot.total)
        week_ago = -min(WEEK, len(snapshot.trend_days))
        self.bars.set_values(
            snapshot.pillars,
            {p: float(v[-1] - v[week_ago]) for p, v in snapshot.trend_pillars.items()},
        )
        self.total_change.setText(
            describe_change(float(snapshot.trend_total[-1] - snapshot.trend_total[week_ago]))
        )
        self.total_label.setText(f"{snapshot.total:.1f}")
        self.total_label.setToolTip(f"{snapshot.total:.2f} before rounding")
        self.tier_label.setText(f"· {tier_name(snapshot.total)}")
        self.trend_card.show_snapshot(snapshot)
