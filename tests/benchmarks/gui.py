"""The window's performance budget: start-up and memory against a bare window, quick-add from
every tab (latency and the longest stall), and how long the GUI thread stalls while a
recompute, an import, an undo, another process's write or a team publish runs."""

from __future__ import annotations

from tests.benchmarks import quick_add, stall, startup
from tests.benchmarks.databases import DemoDatabases


def run_and_report() -> str:
    with DemoDatabases() as databases:
        parts = [
            startup.report(startup.run(databases)),
            quick_add.report(quick_add.run(databases)),
            stall.report(stall.run(databases)),
        ]
    return "\n\n".join(parts)


if __name__ == "__main__":
    print(run_and_report())
