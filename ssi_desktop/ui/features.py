"""The window's composition root: every feature it is built with, in the order they plug in.

A feature is a package of ``ui/`` with an ``install(window)`` function. It adds itself through
the window's extension points only (``add_tab``, ``add_file_action``, ``edit_menu``,
``dashboard.add_card``, ``dashboard.show_readings``, ``dashboard.show_forecast``,
``pillar_pages[...].add_card`` and ``add_strip``, ``history.show_from``, ``recomputer.paused``,
and the ``snapshot_shown``, ``data_changed``, ``close_requested`` and ``closing`` signals),
never by reaching into another feature or a page's widgets (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ssi_desktop.ui import habits, importers, network, outcomes, readings, safety, team

if TYPE_CHECKING:
    from ssi_desktop.ui.main_window import MainWindow

Install = Callable[["MainWindow"], None]

ALL: tuple[Install, ...] = (
    readings.install,
    outcomes.install,
    importers.install,
    habits.install,
    safety.install,
    network.install,
    team.install,  # adds its tab only once this database joined a team (issue 20)
)
"""Installed in this order once the core window is built."""
