"""A steady pace laid out as whole actions on evenly spaced days, as the score model assumes.

The model calibrates each type's healthy pace this way (scoring/model.py, _steady_faded_sum):
two a week means one action every 3.5 days, not 0.29 of an action each day. Fractions of an
action would be worth more than they should, since the model rewards n actions on a day as n**0.7.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np

from ssi_desktop.scoring import Tally


def spaced_counts(per_day: float, days: int) -> list[int]:
    """How many actions fall on each of ``days`` days at ``per_day`` on average."""
    done_by = np.floor(per_day * np.arange(days + 1) + 1e-9)
    return [int(n) for n in np.diff(done_by)]


def steady_tallies(
    key: str, per_day: float, first_day: dt.date, days: int, at_target: bool = False
) -> Iterator[Tally]:
    """Tallies for ``key`` at a steady ``per_day`` pace from first_day on, for ``days`` days."""
    for offset, count in enumerate(spaced_counts(per_day, days)):
        if count:
            yield Tally(first_day + dt.timedelta(days=offset), key, count, at_target)
