"""Build the packaged app: a one-folder and a one-file executable for this OS.

    bash build/dev.sh package [--onedir-only] [--no-self-test] [--enforce-budget]

PyInstaller's work and output go to build/work/ and build/dist/ (ignored by git). Prints the
build time and both sizes, and runs the one-folder app's --self-test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

BUILD = Path(__file__).resolve().parent
SPEC = BUILD / "ssi-desktop.spec"
DIST, WORK = BUILD / "dist", BUILD / "work"
ONEDIR_APP = DIST / "ssi-desktop" / "ssi-desktop"
ONEFILE_APP = DIST / "ssi-desktop-onefile"
# The team leaderboard's driver (psycopg2 with its own libpq, libssl and Kerberos libraries)
# added 11.6 MB to the one-folder app and about 4.5 MB to the one-file app (its wheel's size).
BUDGET_MB = {"one-folder": 212, "one-file": 85}


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else list(path.rglob("*"))
    # Symbolic links (Qt's libQt6Core.so.6 -> ...) take no room of their own: count each file once.
    return sum(p.lstat().st_size for p in files if p.is_file() and not p.is_symlink()) / 1e6


def pyinstaller(onefile: bool) -> float:
    env = {**os.environ, "SSI_ONEFILE": "1" if onefile else "0"}
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST / ("onefile" if onefile else "")),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        check=True,
        env=env,
    )
    if onefile:
        (DIST / "onefile" / "ssi-desktop").replace(ONEFILE_APP)
    return time.perf_counter() - started


def self_test(app: Path) -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run([str(app), "--self-test"], env=env, capture_output=True, text=True)
    print(result.stdout.strip() or result.stderr.strip())
    return result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--onedir-only", action="store_true", help="skip the one-file build")
    parser.add_argument("--no-self-test", action="store_true")
    parser.add_argument(
        "--enforce-budget",
        action="store_true",
        help="fail when a size is over its budget (otherwise it is reported, loudly)",
    )
    args = parser.parse_args()
    seconds = {"one-folder": pyinstaller(onefile=False)}
    sizes = {"one-folder": size_mb(ONEDIR_APP.parent)}
    if not args.onedir_only:
        seconds["one-file"] = pyinstaller(onefile=True)
        sizes["one-file"] = size_mb(ONEFILE_APP)
    over = False
    for layout, mb in sizes.items():
        verdict = "ok" if mb <= BUDGET_MB[layout] else "OVER BUDGET"
        over |= mb > BUDGET_MB[layout]
        print(
            f"{layout:<10} {mb:7.1f} MB (budget {BUDGET_MB[layout]} MB, {verdict}), "
            f"built in {seconds[layout]:.0f} s"
        )
    print(f"one-folder app: {ONEDIR_APP}")
    if not args.onedir_only:
        print(f"one-file app:   {ONEFILE_APP}")
    status = 0 if args.no_self_test else self_test(ONEDIR_APP)
    # A dependency's new release can move the size by a few MB: CI reports it rather than
    # refusing the change; a release build passes --enforce-budget.
    return status or int(over and args.enforce_budget)


if __name__ == "__main__":
    sys.exit(main())
