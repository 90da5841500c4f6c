"""Where the app's own files (icons, styles) are, from a source tree or a frozen build.

Everything under ``resources/`` is found through resource_path(), so that a PyInstaller build,
which unpacks data files under ``sys._MEIPASS``, needs no other change (its .spec copies the
folder as ``resources``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(name: str) -> Path:
    """The path of a file under ``resources/``, e.g. ``resource_path("icons/app.svg")``.

    Raises FileNotFoundError for a missing file, so a typo fails loudly instead of showing a
    blank icon.
    """
    path = resources_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"missing resource {name!r} (looked in {path.parent})")
    return path
