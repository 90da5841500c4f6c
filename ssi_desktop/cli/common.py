"""What every `ssi` command shares: errors, dates, the database and output."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import re
import shlex
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from ssi_desktop.store.db import DatabaseError, close_database, open_database
from ssi_desktop.store.health import BadDatabaseError
from ssi_desktop.system import clock, paths
from ssi_desktop.system.file_kinds import kind_of

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What main() hands each command module's register(): add the module's commands to it."""


class CliError(Exception):
    """Bad input or an unusable database: one line on stderr, exit code 2, nothing written."""


def database_option(text: str) -> str:
    """argparse type for --db: an empty path names no file (it must not mean the default)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path names no database file")
    return text


_OS_CAUSES = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOENT: "no such file or folder",
    errno.ELOOP: "too many symbolic links",
}


def os_error_text(error: OSError) -> str:
    """One line naming the real cause of an OS error, and the file it concerns."""
    cause = _OS_CAUSES.get(error.errno or 0) or error.strerror or type(error).__name__
    return f"{error.filename}: {cause}" if error.filename else cause


def parse_day(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def not_in_future(day: dt.date | None) -> dt.date:
    """The given day (today when None), refusing days after today."""
    today = clock.today()
    if day is None:
        return today
    if day > today:
        raise CliError(f"{day.isoformat()} is in the future (today is {today.isoformat()})")
    return day


@contextmanager
def opened_database(args: argparse.Namespace) -> Iterator[Path]:
    """Open the database named by --db / SSI_DESKTOP_DB / the default, and close it after."""
    path = paths.database_path(getattr(args, "db", None))
    try:
        open_database(path)
    except BadDatabaseError as error:
        raise CliError(recovery_advice(error, getattr(args, "db", None))) from error
    except DatabaseError as error:
        raise CliError(str(error)) from error
    except OSError as error:
        raise CliError(f"cannot open the database {os_error_text(error)}") from error
    try:
        yield path
    finally:
        close_database()


def recovery_advice(error: BadDatabaseError, db_option: str | None) -> str:
    """The one line for a bad database: what is wrong, that it is untouched, what to do."""
    from ssi_desktop.store.backup import newest_good_backup

    db = f" --db {shlex.quote(db_option)}" if db_option else ""
    newest = newest_good_backup(error.path)
    fresh = f"`ssi start-fresh{db}` to move it aside and start an empty log"
    if newest is None:
        return f"{error}; the file was left as it is; no backup was found: run {fresh}"
    restore = f"`ssi restore {shlex.quote(str(newest.path))}{db}`"
    taken = newest.taken_at.strftime("%Y-%m-%d %H:%M")
    return (
        f"{error}; the file was left as it is: run {restore} "
        f"(backup of {taken}, {newest.entries}), or {fresh}"
    )


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 point", "2 points", "1,200 entries": a count with its noun in the right number."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI_CONTROLS}]")
_UNSAFE_BUT_LINES = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI_CONTROLS}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``, ``\\u202e``).

    A note can hold anything; printed raw, an escape sequence could clear or retitle the
    terminal and a right-to-left override could disguise what follows. The database and file
    exports keep the text as it was typed. ``keep_lines`` leaves line breaks and tabs alone.
    """
    return (_UNSAFE_BUT_LINES if keep_lines else _UNSAFE).sub(_escaped, text)


_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f{_BIDI_CONTROLS}]")


def print_json(value: object) -> None:
    """JSON on stdout. Control characters json leaves raw (DEL, C1, bidirectional overrides)
    become ``\\u`` escapes too: the same data once parsed, harmless on a terminal."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def output_path(out: str, *, force: bool) -> Path:
    """The file ``--out`` names, checked before anything is written to it.

    An existing path is refused unless ``force``; even then only a regular file is ever
    replaced: a folder, a symbolic link, a named pipe or a device at that path never is.
    """
    target = Path(out).expanduser()
    if not target.parent.is_dir():
        raise CliError(f"folder {target.parent} does not exist")
    _refuse_existing(target, force=force)
    return target


def _refuse_existing(target: Path, *, force: bool) -> None:
    try:
        kind = stat.S_IFMT(target.lstat().st_mode)
    except FileNotFoundError:
        return
    if kind != stat.S_IFREG:
        raise CliError(f"{target} is {kind_of(kind)}; only a new or a regular file is written")
    if not force:
        raise CliError(f"{target} already exists; add --force to replace it")


def write_text(text: str, out: str | None, *, force: bool = False) -> None:
    """To stdout, or atomically to a file (a half-written export never replaces a good one).

    The file rules are output_path()'s: an existing file only with ``force``, never anything
    but a regular file, and the check is made again just before the new file takes its place.
    """
    if out is None:
        sys.stdout.write(terminal_safe(text, keep_lines=True) if sys.stdout.isatty() else text)
        return
    target = output_path(out, force=force)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _refuse_existing(target, force=force)
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
