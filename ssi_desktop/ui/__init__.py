"""The desktop window (PySide6 + pyqtgraph). Reads ScoreSnapshots; writes through the store."""
