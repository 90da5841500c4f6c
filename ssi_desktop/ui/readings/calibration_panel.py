"""The calibration panel: the on/off switch, each pillar's fitted scale, and how far the
estimate is from the readings before and after the fit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from ssi_desktop.application import estimate
from ssi_desktop.application.estimate import CalibrationState
from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring.calibration import MIN_READINGS, TOTAL
from ssi_desktop.scoring.model import Sensitivity
from ssi_desktop.ui import theme
from ssi_desktop.ui.widgets import Card

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _scales(sensitivity: Sensitivity, pillar: Pillar) -> str:
    """The activity's and the network's scale, as "1.20 / 0.90"."""
    return f"{sensitivity.of(pillar):.2f} / {sensitivity.standing_of(pillar):.2f}"


def _points(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _measured_on(state: CalibrationState) -> str:
    """Which readings the error after the fit was measured on, and the estimate's day."""
    fit = state.calibration
    if not fit.fitted or fit.mae_fitted is None:
        return "Each reading is compared with the estimate of its own day."
    if fit.held_out:
        return (
            "Each reading is compared with the estimate of its own day. The error after the "
            "fit is measured on readings each fit did not see; on the readings listed, the "
            f"fitted total is off by {fit.mae_fitted[TOTAL]:.2f} points on average."
        )
    return "Each reading is compared with the estimate of its own day, as listed."


class CalibrationPanel(Card):
    """Shows a CalibrationState; ``switched`` carries the seller's choice when they flip it."""

    switched = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Calibration", parent=parent)
        self.switch = QCheckBox("Calibrate the estimate to my readings")
        self.switch.setObjectName("calibrationSwitch")
        self.switch.setChecked(True)
        self.switch.toggled.connect(self.switched)
        self.body.addWidget(self.switch)
        self.status = QLabel("")
        self.status.setObjectName("calibrationStatus")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        titles = (
            ("Scales", "Activity / network: how strongly each counts toward the pillar"),
            ("Error before", "Mean distance from your readings at the default scales"),
            ("Error after", "Mean distance from your readings at the fitted scales"),
        )
        for column, (title, tip) in enumerate(titles, start=1):
            heading = theme.as_caption(QLabel(title))
            heading.setToolTip(tip)
            grid.addWidget(heading, 0, column, RIGHT)
        self.cells: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        rows = [(p.value, p.short_label, p.label) for p in Pillar]
        rows.append((TOTAL, "Total SSI", "Total SSI"))
        for row, (key, label, full) in enumerate(rows, start=1):
            name = QLabel(label)
            if key != TOTAL:
                name.setToolTip(f"{full}: how strongly your activity and your network count")
            grid.addWidget(name, row, 0)
            cells = (QLabel("–"), QLabel("–"), QLabel("–"))
            for column, cell in enumerate(cells, start=1):
                cell.setObjectName(f"calibration_{key}_{column}")
                grid.addWidget(cell, row, column, RIGHT)
            self.cells[key] = cells
        grid.setColumnStretch(0, 1)
        self.body.addLayout(grid)
        self.measured = theme.as_caption(QLabel(""))
        self.measured.setObjectName("calibrationMeasuredOn")
        self.measured.setWordWrap(True)
        self.body.addWidget(self.measured)
        note = theme.as_caption(
            QLabel(
                "Errors are the mean distance, in points, between the estimate and your "
                f"readings. The fit needs {MIN_READINGS} readings or more, and stays close to "
                "the default scale of 1.00 until many readings agree."
            )
        )
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.body.addStretch(1)

    @Slot(object)
    def show_state(self, state: CalibrationState) -> None:
        fit = state.calibration
        self.switch.blockSignals(True)  # showing the stored choice is not a new choice
        self.switch.setChecked(state.enabled)
        self.switch.blockSignals(False)
        if fit.readings == 0:
            text = "Add an official reading to see how close the estimate is."
        else:
            text = estimate.status_sentence(state)
        self.status.setText(text)
        for key, (scale, before, after) in self.cells.items():
            scale.setText("" if key == TOTAL else _scales(fit.sensitivity, Pillar(key)))
            before.setText(_points(fit.mae_before[key] if fit.mae_before else None))
            after.setText(_points(fit.mae_after[key] if fit.mae_after and fit.fitted else None))
        self.measured.setText(_measured_on(state))
