"""The code's own promises: layer borders, lint, formatting and types."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ssi_desktop"

FORBIDDEN = {
    # The score model is pure: no Qt, no database, no clock, no files.
    "scoring": (
        "PySide6",
        "pyqtgraph",
        "peewee",
        "playhouse",
        "sqlite3",
        "ssi_desktop.store",
        "ssi_desktop.ui",
        "ssi_desktop.workers",
        "ssi_desktop.clock",
        "ssi_desktop.estimate",
    ),
    # What SSI ignores (engagement, replies, weekly outcomes) is measured as purely as the score.
    "pipeline": (
        "PySide6",
        "pyqtgraph",
        "peewee",
        "sqlite3",
        "ssi_desktop.store",
        "ssi_desktop.ui",
        "ssi_desktop.workers",
        "ssi_desktop.clock",
        "ssi_desktop.estimate",
    ),
    # Pasted pages, payloads and readings files are parsed without a window or a database.
    "reading_formats": (
        "PySide6",
        "pyqtgraph",
        "peewee",
        "sqlite3",
        "ssi_desktop.store",
        "ssi_desktop.ui",
        "ssi_desktop.workers",
        "ssi_desktop.clock",
    ),
    # The store never sees a widget or a thread of the window.
    "store": ("PySide6", "pyqtgraph", "ssi_desktop.ui", "ssi_desktop.workers"),
    # The team's application layer runs in the CLI and in a worker alike: no widgets, no Qt.
    "team": ("PySide6", "pyqtgraph", "ssi_desktop.ui", "ssi_desktop.workers"),
    # Workers hand frozen data to the window by signal; they never touch a widget.
    "workers": ("ssi_desktop.ui", "pyqtgraph", "PySide6.QtWidgets", "PySide6.QtGui"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_keep_their_borders(layer):
    crossings = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for name in imported_modules(path)
        if name.startswith(FORBIDDEN[layer])
    ]
    assert crossings == []


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint_and_format_are_clean():
    lint = run_tool("ruff", "check", "ssi_desktop", "tests", "build")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatting = run_tool("ruff", "format", "--check", "ssi_desktop", "tests", "build")
    assert formatting.returncode == 0, formatting.stdout + formatting.stderr


def test_mypy_is_clean():
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
