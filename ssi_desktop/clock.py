"""Today's date, read in one place so that tests and the CLI can fix it.

SSI_DESKTOP_TODAY=YYYY-MM-DD pins "today" (for tests and reproducible screenshots).
"""

from __future__ import annotations

import datetime as dt
import os

TODAY_ENV = "SSI_DESKTOP_TODAY"


def today() -> dt.date:
    pinned = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()
