"""The `ssi` command line, run in-process on the test's database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_desktop.cli.main import main

Ssi = Callable[..., tuple[int, str, str]]


@pytest.fixture
def ssi(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Ssi:
    """Run `ssi ARGS --db <temp file>`; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--db", str(db_path)])
        out, err = capsys.readouterr()
        return code, out, err

    return run
