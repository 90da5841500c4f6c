"""Habits behind the score: targets, streaks, the plan, the forecast and reminders (pure: no Qt,
no database, no clock)."""
