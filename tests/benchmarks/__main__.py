"""`python -m tests.benchmarks [NAME ...]`: run benchmarks and print their tables."""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from collections.abc import Callable


def _report(module_name: str) -> Callable[[], str]:
    """Imported only when asked: `core` alone needs no Qt, and each has its own set-up."""

    def run() -> str:
        module = importlib.import_module(f"tests.benchmarks.{module_name}")
        if hasattr(module, "run_and_report"):
            return str(module.run_and_report())
        return str(module.report(module.run()))

    return run


BENCHMARKS: dict[str, Callable[[], str]] = {
    "core": _report("core"),
    "gui": _report("gui"),
    "calibration": _report("calibration"),
    "pipeline": _report("pipeline"),
    "import": _report("importing"),
    "import-memory": _report("import_memory"),
    "habits": _report("habits"),
    "safety": _report("safety"),
    "team": _report("team"),
    "gui-reads": _report("gui_reads"),
}


def machine() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return (
        f"{platform.platform()}, Python {sys.version.split()[0]}, PySide6 {pyside_version}"
        f" (Qt {qVersion()}), {os.cpu_count()} CPUs"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of: {', '.join(BENCHMARKS)}")
    names = parser.parse_args().names or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r} (choose from {', '.join(BENCHMARKS)})")
    print(f"Machine: {machine()}\n")
    for name in names:
        print(BENCHMARKS[name]())
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
