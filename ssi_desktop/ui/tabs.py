"""The window's tabs by the names ``ssi-desktop --tab`` takes, in the order they are shown.

A plain tuple, free of Qt: the command line reads it before any window exists, and a test
checks it against the tabs the window really has.
"""

from __future__ import annotations

TAB_NAMES: tuple[str, ...] = (
    "dashboard",
    "brand",
    "people",
    "insights",
    "relationships",
    "history",
    "readings",
    "outcomes",
    "habits",
)
