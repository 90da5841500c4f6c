"""The team leaderboard, opt-in: join a team's PostgreSQL server and publish aggregates only.

Nothing here runs, and no driver is imported, for a seller who never joined (membership.py
reads the local settings only; the server modules load on first use).
"""
