"""Make the README's screenshots from `ssi demo` data: one PNG per tab in docs/screenshots/.

    xvfb-run -a python build/screenshots.py [--size 1366x768] [--out docs/screenshots]

Each tab is shot by `ssi-desktop --screenshot` on a throw-away demo database, with "today"
pinned so that the pictures do not change from one run to the next.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ssi_desktop.tabs import TAB_NAMES

ROOT = Path(__file__).resolve().parent.parent
TABS = TAB_NAMES
TODAY = "2026-11-24"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("tabs", nargs="*", default=list(TABS))
    args = parser.parse_args()
    env = {**os.environ, "SSI_DESKTOP_TODAY": TODAY, "PYQTGRAPH_QT_LIB": "PySide6"}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite3"
        env["XDG_CONFIG_HOME"] = folder  # no window geometry from the real settings
        run = [sys.executable, "-m"]
        subprocess.run([*run, "ssi_desktop.cli.main", "--db", str(db), "demo"], env=env, check=True)
        for tab in args.tabs:
            shot = args.out / f"{tab}.png"
            subprocess.run(
                [
                    *run,
                    "ssi_desktop",
                    "--db",
                    str(db),
                    "--tab",
                    tab,
                    "--size",
                    args.size,
                    "--screenshot",
                    str(shot),
                ],
                env=env,
                check=True,
            )
            print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
