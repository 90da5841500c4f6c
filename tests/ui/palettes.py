"""Light and dark palettes for the layout and colour tests: the window follows the system's
palette, so the tests hand it each of the two a desktop may give it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

DARK = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e6e6e6",
    Role.Base: "#1f1f1f",
    Role.AlternateBase: "#2a2a2a",
    Role.ToolTipBase: "#3a3a3a",
    Role.ToolTipText: "#e6e6e6",
    Role.PlaceholderText: "#9a9a9a",
    Role.Text: "#e6e6e6",
    Role.Button: "#353535",
    Role.ButtonText: "#e6e6e6",
    Role.BrightText: "#ff6b6b",
    Role.Light: "#4a4a4a",
    Role.Midlight: "#3c3c3c",
    Role.Mid: "#2f2f2f",
    Role.Dark: "#1a1a1a",
    Role.Shadow: "#000000",
    Role.Highlight: "#3d8fd6",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#6cb4ff",
}


def dark_palette() -> QPalette:
    """A dark palette as a desktop's dark theme gives one (Fusion's roles, dark values)."""
    palette = QPalette()
    for role, color in DARK.items():
        palette.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor("#7a7a7a"))
    return palette
