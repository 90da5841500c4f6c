"""Markers shared by the GUI tests here."""

import pytest

OFFSCREEN_DIALOGS = pytest.mark.qt_log_ignore(
    # What the offscreen platform plugin says when a dialog is shown or raised: its limits,
    # not a problem of the app (a real display supports both).
    r"This plugin does not support (propagateSizeHints|raise)\(\)"
)
