"""The PostgreSQL driver is imported only by sellers who joined a team.

peewee imports psycopg2 (and psycopg) at its own import when they are installed: 13 ms of
every start-up, for a feature most sellers never use (docs/BENCHMARKS.md keeps start-up within
1.3 times a bare window). So peewee is imported once with the drivers hidden, and the team
code (store/team_server.py) loads psycopg2 itself, the first time it connects.
"""

from __future__ import annotations

import sys

HIDDEN_DRIVERS = ("psycopg2", "psycopg", "psycopg2cffi")


def keep_driver_out_of_peewee() -> None:
    """Import peewee with the drivers out of sight (no-op when peewee is loaded already)."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in HIDDEN_DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` fails at once
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]
