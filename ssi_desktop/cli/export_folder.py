"""`ssi export --format csv --everything --out FOLDER`: one CSV file per kind the seller owns,
and the one line that says where an export went."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ssi_desktop.cli.common import CliError, counted, opened_database, output_path, write_text
from ssi_desktop.store import export_all
from ssi_desktop.store.db import database


def run_everything(args: argparse.Namespace) -> int:
    if args.format != "csv":
        raise CliError("--everything writes CSV files: use it with --format csv")
    if args.out is None:
        raise CliError("--everything writes a folder of files: name it with --out FOLDER")
    folder = Path(args.out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is a file, not a folder")
    if not folder.parent.is_dir():
        raise CliError(f"folder {folder.parent} does not exist")
    if folder.is_dir():  # refuse before reading anything: no file half-replaced
        for name in export_all.FILES:
            output_path(str(folder / name), force=args.force)
    with opened_database(args), database.atomic():
        files = export_all.csv_files(args.excel)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise CliError(f"cannot create {folder}: {error.strerror or error}") from None
    for name, text in files.items():
        write_text(text, str(folder / name), force=args.force)
    print(f"Wrote {counted(len(files), 'file')} to {folder}: {', '.join(files)}.", file=sys.stderr)
    return 0


def say_where(out: str | None, what: str) -> None:
    """After an export to a file: one line on stderr naming it (stdout may be piped on)."""
    if out is not None:
        print(f"Wrote {what} to {out}.", file=sys.stderr)
