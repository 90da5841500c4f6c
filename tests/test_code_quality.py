"""The code's own promises: layer borders (import-linter), lint, formatting and types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ssi_desktop"


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


def test_the_import_contracts_hold():
    """The layers and borders in pyproject.toml's [tool.importlinter] (docs/ARCHITECTURE.md)."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_package_reads_like_a_map():
    """A handful of loose modules at the top; every other module lives in its layer's package,
    and none grows past 400 lines."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "app.py", "catalog.py", "self_test.py"]
    too_long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert too_long == []
