"""`python -m tests.benchmarks [NAME ...]`: run benchmarks and print their tables."""

from __future__ import annotations

import argparse
import os
import platform
import sys

from tests.benchmarks import calibration, core, habits, importing, pipeline, safety

BENCHMARKS = {
    "core": lambda: core.report(core.run()),
    "calibration": lambda: calibration.report(calibration.run()),
    "pipeline": lambda: pipeline.report(pipeline.run()),
    "import": lambda: importing.report(importing.run()),
    "habits": lambda: habits.report(habits.run()),
    "safety": lambda: safety.report(safety.run()),
}


def machine() -> str:
    return f"{platform.platform()}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"


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
