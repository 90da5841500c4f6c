"""``read_archive``: open the archive, read each known file, assemble the report.

Each file is read completely before its results are kept, so a file that turns out malformed
half-way is dropped whole (with one line in ``problems``) while the others still import.
"""

from __future__ import annotations

import csv
import os
import pathlib
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from zipfile import BadZipFile

from . import mapping, messages
from .archive import Archive, Member
from .csvread import FileProblemError, Row, read_rows
from .model import ArchiveReport, ImportCancelled, ImportedAction
from .owner import Owner, detect_owner
from .summary import build_report

DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 300_000
MAX_GROWTH_BYTES = 100 * 1024 * 1024
"""What one import keeps until it is written: at most MAX_ROWS rows, and no more rows once the
process has grown by MAX_GROWTH_BYTES since the import began (measured every _CHECK_EVERY rows,
where the system tells: /proc/self/statm). With csvread's longest row, these hold any import
under 300 MB whatever its rows hold. The heaviest real archives use about a third of either;
rows past them are read to the end, not kept, and counted as skipped with the reason."""
_CHECK_EVERY = 1024
SKIP_TOO_MANY = "beyond what one import keeps (300,000 rows, or 100 MB of them)"

# The order matters: Profile and Connections before Invitations, Invitations before messages.
ORDER = (
    "profile",
    "profile_summary",
    "connections",
    "invitations",
    "messages",
    "shares",
    "instant_reposts",
    "comments",
    "reactions",
    "votes",
    "recommendations_received",
    "endorsements_received",
    "skills",
    "positions",
)

_READ_ERRORS = (
    FileProblemError,
    csv.Error,
    OSError,
    BadZipFile,
    zlib.error,
    EOFError,
    UnicodeError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    LookupError,
    MemoryError,
)


def _raise_field_limit(max_file_bytes: int) -> None:
    # csv's default 128 KiB per field is too small for long posts or messages; only ever raised.
    wanted = min(max(max_file_bytes, 1), 2**31 - 1)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


class _Run:
    def __init__(
        self,
        archive: Archive,
        max_file_bytes: int,
        cancelled: Callable[[], bool] | None,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.archive = archive
        self.max_file_bytes = max_file_bytes
        self.cancelled = cancelled
        self.progress = progress
        self.actions: list[ImportedAction] = []
        self.skipped: Counter[str] = Counter()
        self.sources: Counter[str] = Counter()
        self.files: dict[str, int] = {}
        self.problems: list[str] = []
        self.profile_items: set[str] = set()
        self.connections = mapping.ConnectionIndex()
        self.invitation_facts = mapping.InvitationFacts()
        self.profile_facts = mapping.ProfileFacts()
        self.owner_url: str | None = None
        self._rows_read = 0
        self._rows_left = MAX_ROWS
        self._resident_at_start = resident_bytes()
        self._file_skips: Counter[str] = Counter()

    def _check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled("The import was cancelled.")

    def _rows(self, member: Member) -> Iterator[Row | None]:
        for row in read_rows(member, self.max_file_bytes, self._file_skips):
            self._check()
            self._rows_read += 1
            if self._rows_left <= 0:
                self._file_skips[SKIP_TOO_MANY] += 1
                continue
            self._rows_left -= 1
            if self._rows_left % _CHECK_EVERY == 0 and self._grown_too_much():
                self._rows_left = 0
            yield row

    def _grown_too_much(self) -> bool:
        now = resident_bytes()
        start = self._resident_at_start
        return now is not None and start is not None and now - start > MAX_GROWTH_BYTES

    def _read(self, member: Member) -> mapping.FileResult:
        rows = self._rows(member)
        key = member.key
        if key == "profile":
            return mapping.profile(rows, self.profile_facts)
        if key == "connections":
            return mapping.connections(rows, self.connections)
        if key == "invitations":
            return mapping.invitations(
                rows, self.connections, self.profile_facts.names, self.invitation_facts
            )
        if key == "messages":
            return self._messages(rows)
        readers: dict[str, Callable[[Iterator[Row | None]], mapping.FileResult]] = {
            "profile_summary": mapping.profile_summary,
            "shares": mapping.shares,
            "instant_reposts": mapping.instant_reposts,
            "comments": mapping.comments,
            "reactions": mapping.reactions,
            "votes": mapping.votes,
            "recommendations_received": mapping.recommendations_received,
            "endorsements_received": mapping.endorsements_received,
            "skills": mapping.skills,
            "positions": mapping.positions,
        }
        return readers[key](rows)

    def _owner(self, data: messages.MessageData) -> Owner:
        facts = self.invitation_facts
        names = {*self.profile_facts.names, *facts.outgoing_names, *data.outgoing_names}
        owner = detect_owner(
            outgoing_inviters=facts.outgoing_inviters,
            incoming_invitees=facts.incoming_invitees,
            senders=messages.sender_ranking(data),
            names=names,
        )
        self.owner_url = self.owner_url or owner.url
        if owner.url is not None and data.messages and owner.url not in messages.participants(data):
            # The invitation URL is written differently in messages: rely on names, else senders.
            fallback = detect_owner(
                outgoing_inviters=Counter(),
                incoming_invitees=Counter(),
                senders=[] if names else messages.sender_ranking(data),
                names=names,
            )
            return fallback
        return owner

    def _messages(self, rows: Iterator[Row | None]) -> mapping.FileResult:
        data = messages.collect(rows)
        owner = self._owner(data)
        outcome = messages.to_actions(data, owner)
        result = mapping.FileResult(actions=outcome.actions, skipped=data.skipped)
        result.sources["conversations"] += outcome.conversations
        result.sources["conversations_started"] += outcome.started
        result.sources["conversations_replied"] += outcome.replied
        return result

    def run(self) -> ArchiveReport:
        members = sorted(self.archive.members, key=lambda m: (ORDER.index(m.key), m.name.lower()))
        total = len(members)
        if self.progress is not None:
            self.progress(0, total)
        has_messages = any(m.key == "messages" for m in members)
        for done, member in enumerate(members, start=1):
            self._check()
            self._rows_read = 0
            self._file_skips = Counter()
            try:
                result = self._read(member)
            except ImportCancelled:
                raise
            except _READ_ERRORS as error:
                self.files[member.stem] = 0
                self.problems.append(_problem(member, error))
            else:
                self.files[member.stem] = self.files.get(member.stem, 0) + self._rows_read
                self.actions.extend(result.actions)
                self.skipped.update(result.skipped)
                self.skipped.update(self._file_skips)
                self.sources.update(result.sources)
                self.profile_items |= result.profile_items
            if self.progress is not None:
                self.progress(done, total)
        if not has_messages and self.owner_url is None:
            facts = self.invitation_facts
            self.owner_url = detect_owner(
                outgoing_inviters=facts.outgoing_inviters,
                incoming_invitees=facts.incoming_invitees,
                senders=[],
                names=[],
            ).url
        return build_report(
            actions=self.actions,
            profile_items=self.profile_items,
            sources=self.sources,
            skipped=self.skipped,
            files=self.files,
            problems=self.problems,
            archive_day=self.archive.day,
            fallback_day=self.archive.newest_modified,
            owner_url=self.owner_url,
        )


def resident_bytes() -> int | None:
    """This process's resident memory now, where the system tells it (Linux), else None."""
    try:
        with pathlib.Path("/proc/self/statm").open("rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _problem(member: Member, error: BaseException) -> str:
    if isinstance(error, FileProblemError):
        reason = str(error)
    else:
        detail = " ".join(str(error).split())[:120]
        kind = "zlib error" if isinstance(error, zlib.error) else type(error).__name__
        reason = f"could not be read ({kind}{': ' + detail if detail else ''}); skipped"
    return f"{member.name}: {reason}."


def read_archive(
    path: pathlib.Path,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ArchiveReport:
    """Read a LinkedIn data archive (ZIP or folder) into an ArchiveReport; nothing is written.

    Raises ArchiveError when the path is not an archive with at least one known file, and
    ImportCancelled when ``cancelled()`` turns True (checked between rows).
    """
    _raise_field_limit(max_file_bytes)
    with Archive(pathlib.Path(path), max_file_bytes=max_file_bytes) as archive:
        return _Run(archive, max_file_bytes, cancelled, progress).run()
