"""The files the app and its installer ship: found from source, complete, and well formed."""

from __future__ import annotations

import configparser

import pytest

from ssi_desktop.catalog import Pillar
from ssi_desktop.system.resources import resource_path, resources_dir


def test_a_missing_resource_fails_loudly() -> None:
    with pytest.raises(FileNotFoundError, match="no-such-icon"):
        resource_path("icons/no-such-icon.svg")


@pytest.mark.parametrize(
    "name", ["app", "dashboard", "history", "search", "undo", "add", *(p.value for p in Pillar)]
)
def test_every_icon_the_window_asks_for_exists(name: str) -> None:
    assert resource_path(f"icons/{name}.svg").read_text(encoding="utf-8").startswith("<svg")


def test_the_desktop_entry_starts_the_app_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(resources_dir() / "ssi-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "ssi-desktop"
    assert section["Icon"] == "ssi-desktop"
    assert section["Categories"].endswith(";")
    assert (resources_dir() / "icons" / "app.png").stat().st_size > 1000
