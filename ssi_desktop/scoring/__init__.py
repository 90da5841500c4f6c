"""The SSI estimate: pure functions of the seller's log. No Qt, no database, no clock."""

from ssi_desktop.scoring.activity import Activity, Tally
from ssi_desktop.scoring.model import ScoreInputs, Sensitivity, compute, prepare, score_on
from ssi_desktop.scoring.profile import ProfileEvent, ProfileHistory
from ssi_desktop.scoring.series import Contribution, DayScore, Explanation, ScoreSeries

__all__ = [
    "Activity",
    "Contribution",
    "DayScore",
    "Explanation",
    "ProfileEvent",
    "ProfileHistory",
    "ScoreInputs",
    "ScoreSeries",
    "Sensitivity",
    "Tally",
    "compute",
    "prepare",
    "score_on",
]
