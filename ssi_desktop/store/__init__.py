"""The seller's data on disk: peewee models on SQLite, migrations and queries. No Qt here."""
