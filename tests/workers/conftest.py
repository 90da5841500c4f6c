"""The workers are tested in a real window, as the window's tests are."""

from tests.ui.conftest import make_window, settings, window

__all__ = ["make_window", "settings", "window"]
