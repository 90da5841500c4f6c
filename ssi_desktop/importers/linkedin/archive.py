"""Open a LinkedIn archive (ZIP, ``.zip.zip`` or unpacked folder) and find its known files.

Files are matched case-insensitively by stem, ignoring a numeric suffix (``Shares_12345.csv``) and
punctuation (``Profile Summary.csv``). They may sit at the root or inside one folder; when several
folders hold known files, the one holding the most is used. Members are read straight from the
ZIP (never extracted). A ZIP that only wraps another ZIP is opened in memory, one level deep.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from ssi_desktop.system.file_kinds import kind_of

from .dates import day_from_name
from .model import ArchiveError

MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024
"""A real archive is a few megabytes to a few hundred; anything beyond this is not one."""
MAX_MEMBERS = 50_000
MAX_DIRECTORY_BYTES = 16 * 1024 * 1024
"""A real archive lists a few hundred files at most. zipfile reads the whole list (the central
directory) into memory on opening, so a ZIP of a million empty files, or of names of 64 KB each,
is refused from its last bytes first."""

# normalized stem -> file key used by the parser
KNOWN_FILES: dict[str, str] = {
    "connections": "connections",
    "invitations": "invitations",
    "messages": "messages",
    "shares": "shares",
    "comments": "comments",
    "reactions": "reactions",
    "votes": "votes",
    "instantreposts": "instant_reposts",
    "recommendationsreceived": "recommendations_received",
    "endorsementreceivedinfo": "endorsements_received",
    "profile": "profile",
    "profilesummary": "profile_summary",
    "skills": "skills",
    "positions": "positions",
}

_NUMBER_SUFFIX = re.compile(r"(?:[_ -]+\d+|\s*\(\d+\))$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    OverflowError,
    IndexError,
    KeyError,
)


_ENCRYPTED = 0x1  # general-purpose flag bit 0 of a ZIP entry


def open_regular(path: Path, display_name: str) -> IO[bytes]:
    """Open ``path`` for reading only if it is a regular file, before reading a byte of it.

    O_NONBLOCK keeps the open of a named pipe from waiting for a writer, and the check is on the
    opened file itself, so a file swapped for a pipe or a device in between is caught too.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        kind = stat.S_IFMT(os.fstat(fd).st_mode)
        if kind != stat.S_IFREG:
            raise ArchiveError(
                f"{display_name} is {kind_of(kind)}, not a file or a folder: only a ZIP file or an "
                "unpacked folder is read."
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _refuse_huge_directory(handle: IO[bytes], display_name: str) -> None:
    """Read the end record (zipfile's own reader, zip64 too) before the directory it points to."""
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:
        return
    end = end_record(handle)
    if end is None:
        return
    entries, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]
    if entries > MAX_MEMBERS or size > MAX_DIRECTORY_BYTES:
        raise ArchiveError(
            f"{display_name} lists {entries:,} files in {size / 1024**2:.0f} MB; a LinkedIn "
            f"archive holds a few hundred at most (the limit is {MAX_MEMBERS:,})."
        )


def file_key(file_name: str) -> str | None:
    """The parser's key for a file name, or ``None`` when the parser does not read it."""
    pure = PurePosixPath(file_name)
    if pure.suffix.lower() != ".csv" or pure.name.startswith("."):
        return None
    stem = _NUMBER_SUFFIX.sub("", pure.stem.strip())
    return KNOWN_FILES.get(_NOT_ALNUM.sub("", stem.lower()))


@dataclass(frozen=True)
class Member:
    """One known CSV file of the archive."""

    key: str
    name: str  # path inside the archive, for messages
    stem: str
    size: int
    modified: datetime.datetime | None
    opener: Callable[[], IO[bytes]]

    def open(self) -> IO[bytes]:
        return self.opener()


@dataclass(frozen=True)
class _Candidate:
    folder: str
    member: Member


def _zip_modified(info: zipfile.ZipInfo) -> datetime.datetime | None:
    try:
        return datetime.datetime(*info.date_time)
    except (ValueError, TypeError):
        return None


def _ignored(parts: tuple[str, ...]) -> bool:
    return any(part.startswith((".", "__MACOSX")) for part in parts)


def _zip_candidates(archive: zipfile.ZipFile) -> Iterator[_Candidate]:
    for info in archive.infolist():
        if info.is_dir():
            continue
        parts = PurePosixPath(info.filename.replace("\\", "/")).parts
        if not parts or len(parts) > 2 or _ignored(parts):
            continue
        key = file_key(parts[-1])
        if key is None:
            continue

        def opener(info: zipfile.ZipInfo = info) -> IO[bytes]:
            return archive.open(info)

        member = Member(
            key,
            info.filename,
            PurePosixPath(parts[-1]).stem,
            info.file_size,
            _zip_modified(info),
            opener,
        )
        yield _Candidate(parts[0] if len(parts) == 2 else "", member)


def _listing(folder: Path) -> list[Path]:
    """The folder's entries, sorted; a folder of more than MAX_MEMBERS is no archive."""
    found: list[Path] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if len(found) >= MAX_MEMBERS:
                raise ArchiveError(
                    f"{folder.name or folder} holds more than {MAX_MEMBERS:,} files; a LinkedIn "
                    "archive holds a few hundred at most."
                )
            found.append(Path(entry.path))
    return sorted(found)


def _folder_candidates(root: Path) -> Iterator[_Candidate]:
    folders = [root, *(p for p in _listing(root) if p.is_dir())]
    for folder in folders:
        relative = "" if folder == root else folder.name
        if relative and _ignored((relative,)):
            continue
        for path in _listing(folder):
            key = file_key(path.name)
            if key is None or not path.is_file():
                continue
            info = path.stat()

            def opener(path: Path = path) -> IO[bytes]:
                return open_regular(path, path.name)

            modified = datetime.datetime.fromtimestamp(info.st_mtime)
            member = Member(key, path.name, path.stem, info.st_size, modified, opener)
            yield _Candidate(relative, member)


def _pick_folder(candidates: list[_Candidate]) -> tuple[str, list[Member]]:
    by_folder: dict[str, list[Member]] = {}
    for candidate in candidates:
        by_folder.setdefault(candidate.folder, []).append(candidate.member)
    folder = max(sorted(by_folder), key=lambda name: len({m.key for m in by_folder[name]}))
    return folder, sorted(by_folder[folder], key=lambda m: m.name.lower())


class Archive:
    """An opened archive: the known members, the archive's date, and the resources to close."""

    def __init__(self, path: Path, *, max_file_bytes: int) -> None:
        self.path = path
        self.display_name = path.name or str(path)
        self.members: list[Member] = []
        self.day: datetime.date | None = day_from_name(self.display_name)
        self._stack = ExitStack()
        try:
            self._open(max_file_bytes)
        except BaseException:
            self._stack.close()
            raise

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def by_key(self, key: str) -> list[Member]:
        return [member for member in self.members if member.key == key]

    @property
    def newest_modified(self) -> datetime.date | None:
        stamps = [m.modified for m in self.members if m.modified is not None]
        return max(stamps).date() if stamps else None

    def _open(self, max_file_bytes: int) -> None:
        path = self.path
        try:
            kind = path.stat().st_mode
            if stat.S_ISDIR(kind):
                candidates = list(_folder_candidates(path))
                self._use(candidates)
                return
            handle = self._stack.enter_context(open_regular(path, self.display_name))
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_ARCHIVE_BYTES:
                raise ArchiveError(
                    f"{self.display_name} is too big for a LinkedIn archive "
                    f"({size / 1024**3:.1f} GB; the limit is {MAX_ARCHIVE_BYTES / 1024**3:g} GB)."
                )
            if not zipfile.is_zipfile(handle):
                raise ArchiveError(
                    f"{self.display_name} is neither a ZIP archive nor a folder of LinkedIn data."
                )
            _refuse_huge_directory(handle, self.display_name)
            handle.seek(0)
            archive = self._stack.enter_context(zipfile.ZipFile(handle))
            self._refuse_encrypted(archive)
            candidates = list(_zip_candidates(archive))
            if not candidates:
                inner = self._inner_zip(archive, max_file_bytes)
                if inner is not None:
                    self._refuse_encrypted(inner)
                    candidates = list(_zip_candidates(inner))
        except FileNotFoundError as error:
            raise ArchiveError(f"{self.display_name} does not exist.") from error
        except ArchiveError:
            raise
        except PermissionError as error:
            raise ArchiveError(
                f"{self.display_name} could not be read: permission denied."
            ) from error
        except _ZIP_ERRORS as error:
            raise ArchiveError(
                f"{self.display_name} is not a readable ZIP archive ({type(error).__name__})."
            ) from error
        self._use(candidates)

    def _refuse_encrypted(self, archive: zipfile.ZipFile) -> None:
        if any(info.flag_bits & _ENCRYPTED for info in archive.infolist()):
            raise ArchiveError(
                f"{self.display_name} is password-protected; LinkedIn's own archive never is, "
                "so unpack it with its password and import the folder instead."
            )

    def _inner_zip(self, archive: zipfile.ZipFile, max_file_bytes: int) -> zipfile.ZipFile | None:
        inner = [
            info
            for info in archive.infolist()
            if info.filename.lower().endswith(".zip")
            and len(PurePosixPath(info.filename).parts) <= 2
            and not _ignored(PurePosixPath(info.filename).parts)
        ]
        if len(inner) != 1 or inner[0].file_size > max_file_bytes:
            return None
        # Copied to a temporary file, not memory: the inner ZIP may be hundreds of megabytes.
        spool = self._stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
        with archive.open(inner[0]) as source:
            shutil.copyfileobj(source, spool, 1024 * 1024)
        spool.seek(0)
        if not zipfile.is_zipfile(spool):
            return None
        _refuse_huge_directory(spool, self.display_name)
        spool.seek(0)
        self.day = self.day or day_from_name(inner[0].filename)
        return self._stack.enter_context(zipfile.ZipFile(spool))

    def _use(self, candidates: list[_Candidate]) -> None:
        if not candidates:
            raise ArchiveError(
                f"No LinkedIn data files (such as Connections.csv) were found in "
                f"{self.display_name}."
            )
        folder, self.members = _pick_folder(candidates)
        self.day = self.day or day_from_name(folder)
