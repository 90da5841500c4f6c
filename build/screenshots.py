"""Make the README's screenshots: one PNG per tab from `ssi demo` data in docs/screenshots/,
plus the dashboard in a dark palette and on a first run (an empty database).

    xvfb-run -a python build/screenshots.py [--size 1366x768] [--out docs/screenshots] [TAB...]

Each picture is taken by `ssi-desktop --screenshot` on a throw-away database, with "today"
pinned and the C.UTF-8 locale (there on every machine) so that the pictures do not change
from one run to the next.
The dark one runs the same entry point in an application given the dark palette the layout
tests use (tests/ui/palettes.py), as a desktop's dark theme would give it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ssi_desktop.ui.tabs import TAB_NAMES

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-24"
DARK_RUNNER = """
import sys
from PySide6.QtWidgets import QApplication
from tests.ui.palettes import dark_palette
app = QApplication(sys.argv[:1])
app.setStyle("Fusion")
app.setPalette(dark_palette())
from ssi_desktop.app import main
sys.exit(main(sys.argv[1:]))
"""
SETTINGS = "[habits]\ntold_no_tray=true\n"
"""The note that this desktop has no tray is said once; the pictures show the screens after."""


def shoot(db: Path, tab: str, shot: Path, size: str, env: dict[str, str], dark: bool) -> None:
    args = ["--db", str(db), "--tab", tab, "--size", size, "--screenshot", str(shot)]
    start = ["-c", DARK_RUNNER] if dark else ["-m", "ssi_desktop"]
    subprocess.run([sys.executable, *start, *args], env=env, cwd=ROOT, check=True)
    print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("tabs", nargs="*", default=list(TAB_NAMES))
    args = parser.parse_args()
    env = {
        **os.environ,
        "SSI_DESKTOP_TODAY": TODAY,
        "PYQTGRAPH_QT_LIB": "PySide6",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = folder  # no window geometry from the real settings
        config = Path(folder) / "ssi-desktop" / "ssi-desktop.conf"
        config.parent.mkdir()
        config.write_text(SETTINGS, encoding="utf-8")
        demo = Path(folder) / "demo.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "ssi_desktop.cli.main", "--db", str(demo), "demo"],
            env=env,
            check=True,
        )
        for tab in args.tabs:
            shoot(demo, tab, args.out / f"{tab}.png", args.size, env, dark=False)
        shoot(demo, "dashboard", args.out / "dashboard-dark.png", args.size, env, dark=True)
        first_run = Path(folder) / "first-run.sqlite3"
        shoot(first_run, "dashboard", args.out / "first-run.png", args.size, env, dark=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
