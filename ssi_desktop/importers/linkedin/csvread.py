"""Decode and split LinkedIn CSV files, streaming, with the quirks of each era.

- Encodings: UTF-8 with or without BOM (stray non-UTF-8 bytes, as a plain Excel re-save writes
  them, are read as Windows-1252), UTF-16 with BOM (2018, tab-separated, every field quoted) and
  UTF-16 without BOM.
- The delimiter (comma or tab) is chosen by where the expected header is found; rows before the
  header (the Connections ``Notes:`` preamble, also Excel's ``Notes:,,``) are skipped.
- LF, CRLF and a missing final newline are all fine; quoted fields may span lines.
- ``comments`` mode: a physical line that does not start with a timestamp (outside quotes)
  continues the previous record's last field (2021-23); ``\\"`` is an escaped quote (2025+); extra
  fields from unquoted commas are joined back into the last column.
- Columns are looked up by a normalized name (lower case, letters and digits only), so
  ``SharedURL``/``SharedUrl`` and ``CONVERSATION ID``/``Conversation Id`` are the same.
- Bounded memory: lines are read in pieces of at most MAX_RECORD_CHARS, a record (a row, with
  its quoted or continued lines) past that size is skipped without ever being held whole, and
  names, links and ids are cut to MAX_NAME_CHARS (docs/RELIABILITY.md).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from typing import IO

from .archive import Member

Row = dict[str, str]
MALFORMED = None  # what the row iterator yields for a row that cannot be mapped

_HEAD_LINES = 40
_HEAD_CHARS = 256 * 1024
_CONTINUATION = "\ue000"  # private-use stand-in for an unquoted line break inside a field
_OVERSIZED_FIELD = "\ue001"  # private-use stand-in for a record too long to keep
OVERSIZED_RECORD = _OVERSIZED_FIELD + "\n"

MAX_RECORD_CHARS = 1024 * 1024
"""The longest row kept. LinkedIn caps a post at 3,000 characters and a message at 8,000, so no
real export comes near; beyond it a row is skipped unread, which keeps an import's memory bounded
whatever the file holds (one unclosed quote, or a line break missing for 150 MB)."""
MAX_NAME_CHARS = 300
"""Names, links, ids and dates are cut to this many characters (a LinkedIn name or profile link
holds under 150): the importer keeps them until the end of the import, while long texts
(LONG_TEXT_COLUMNS) are only hashed and counted. The cut is the same on every run, so the ids
made from a cut link stay the same."""
LONG_TEXT_COLUMNS = frozenset({"content", "message", "sharecommentary", "text", "summary"})
SKIP_OVERSIZED = "row longer than a million characters (no real export has one)"
_TIMESTAMP_START = re.compile(r'\s*"?\d{4}[-/]\d{1,2}[-/]\d{1,2}[ T]\d{1,2}:\d{2}')
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

# Columns that identify each file's header row (normalized names).
REQUIRED_COLUMNS: dict[str, frozenset[str]] = {
    "connections": frozenset({"firstname", "lastname", "connectedon"}),
    "invitations": frozenset({"from", "to", "sentat"}),
    "messages": frozenset({"from", "date", "content"}),
    "shares": frozenset({"date", "sharelink"}),
    "comments": frozenset({"date", "message"}),
    "reactions": frozenset({"date", "type"}),
    "votes": frozenset({"date", "link"}),
    "instant_reposts": frozenset({"date", "link"}),
    "recommendations_received": frozenset({"firstname", "lastname", "text"}),
    "endorsements_received": frozenset({"endorsementdate", "skillname"}),
    "profile": frozenset({"firstname", "lastname"}),
    "profile_summary": frozenset(),
    "skills": frozenset({"name"}),
    "positions": frozenset({"title"}),
}


class FileProblemError(Exception):
    """One file cannot be read; the message completes "<file>: ..." in the report."""


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if isinstance(error, UnicodeDecodeError):
        bad = error.object[error.start : error.end]
        return bytes(bad).decode("cp1252", errors="replace"), error.end
    raise error


_FALLBACK = "ssi-linkedin-cp1252"
codecs.register_error(_FALLBACK, _cp1252_fallback)


def column(name: str) -> str:
    """The normalized form of a column name."""
    return _NOT_ALNUM.sub("", name.lower())


class _Limited(io.RawIOBase):
    """A raw stream that refuses to give more than ``limit`` bytes."""

    def __init__(self, inner: IO[bytes], limit: int, name: str) -> None:
        self._inner = inner
        self._left = limit
        self._limit = limit
        self._name = name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(min(len(buffer), self._left + 1))
        if len(data) > self._left:
            raise FileProblemError(f"larger than the {_size(self._limit)} limit; skipped")
        self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def _encoding(head: bytes) -> tuple[str, str]:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", _FALLBACK
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "replace"
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
        return "utf-16-le", "replace"
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
        return "utf-16-be", "replace"
    return "utf-8", _FALLBACK


def _is_header(fields: list[str], required: frozenset[str]) -> bool:
    names = {column(field) for field in fields}
    if not required:
        return any(names - {""})
    return required <= names


def _quote_state(
    line: str, in_quotes: bool, at_start: bool, *, delimiter: str = ",", escapes: bool = True
) -> bool:
    """Follow csv's quoting rules (with ``\\`` escapes when ``escapes``) through one piece of text.

    Returns whether the piece ends inside a quoted field.
    """
    if '"' not in line and not (escapes and "\\" in line):
        return in_quotes
    index, length = 0, len(line)
    while index < length:
        char = line[index]
        if char == "\\" and escapes:
            index += 2
            at_start = False
            continue
        if in_quotes:
            if char == '"':
                if index + 1 < length and line[index + 1] == '"':
                    index += 1
                else:
                    in_quotes = False
        elif char == '"' and at_start:
            in_quotes = True
        elif char == delimiter or char in "\r\n":
            at_start = True
            index += 1
            continue
        at_start = False
        index += 1
    return in_quotes


class _Record:
    """The record being gathered; past ``cap`` characters its text is dropped, not kept."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.parts: list[str] = []
        self.size = 0
        self.oversized = False

    def add(self, piece: str) -> None:
        self.size += len(piece)
        if self.oversized:
            return
        if self.size > self.cap:
            self.oversized = True
            self.parts = []
        else:
            self.parts.append(piece)

    def continue_line(self) -> None:
        """The last line's break becomes a stand-in, so csv keeps the next line in this field."""
        if self.parts:
            self.parts[-1] = self.parts[-1].rstrip("\r\n") + _CONTINUATION

    def take(self) -> str | None:
        """The finished record (``OVERSIZED_RECORD`` when too long), or None when empty."""
        if self.oversized:
            text: str | None = OVERSIZED_RECORD
        else:
            text = "".join(self.parts) if self.parts else None
        self.parts, self.size, self.oversized = [], 0, False
        return text


def _records(
    pieces: Iterable[str], *, delimiter: str, comments: bool, cap: int = 0
) -> Iterator[str]:
    """Join physical lines into csv records, each at most ``cap`` characters.

    A record ends at a line break outside quotes; in ``comments`` mode it also takes the
    following lines that do not start with a timestamp (the 2021-23 quirk, see the module doc).
    A piece that does not end in a line break is the first part of an over-long line (see
    ``_text_pieces``). A record longer than ``cap`` comes out as ``OVERSIZED_RECORD``: its text is
    never held whole, whatever the file holds, so memory stays bounded.
    """
    record = _Record(cap or MAX_RECORD_CHARS)
    in_quotes = False
    line_open = False  # the previous piece did not end its line
    seen_header = False  # comments: the header is the first non-blank line
    record_is_header = False  # comments: the header never takes continuation lines
    for piece in pieces:
        at_start = False
        if line_open or in_quotes:
            pass
        elif not comments:
            at_start = True
        elif not seen_header or record_is_header or _TIMESTAMP_START.match(piece):
            finished = record.take()
            if finished is not None:
                yield finished
            record_is_header = not seen_header and bool(piece.strip())
            seen_header = seen_header or record_is_header
            at_start = True
        else:
            record.continue_line()
        record.add(piece)
        in_quotes = _quote_state(piece, in_quotes, at_start, delimiter=delimiter, escapes=comments)
        line_open = not piece.endswith(("\n", "\r"))
        if not comments and not in_quotes and not line_open:
            finished = record.take()
            if finished is not None:
                yield finished
    finished = record.take()
    if finished is not None:
        yield finished


def _text_pieces(member: Member, max_file_bytes: int) -> Generator[str, None, None]:
    """The file's lines; a line longer than ``MAX_RECORD_CHARS`` comes in pieces of that size."""
    if member.size > max_file_bytes:
        raise FileProblemError(f"larger than the {_size(max_file_bytes)} limit; skipped")
    raw = member.open()
    buffered = io.BufferedReader(_Limited(raw, max_file_bytes, member.name), 64 * 1024)
    try:
        encoding, errors = _encoding(buffered.peek(4)[:4])
        text = io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline="")
        while piece := text.readline(MAX_RECORD_CHARS):
            yield piece
    finally:
        buffered.close()


def _find_header(head: list[str], key: str, comments: bool) -> tuple[str, int, list[str]] | None:
    """(delimiter, index of the header among parsed head rows, header fields)."""
    required = REQUIRED_COLUMNS[key]
    escape = "\\" if comments else None
    best: tuple[str, int, list[str]] | None = None
    for delimiter in (",", "\t"):
        source = _records(head, delimiter=delimiter, comments=comments)
        try:
            reader = csv.reader(source, delimiter=delimiter, strict=False, escapechar=escape)
            parsed = list(itertools.islice(reader, _HEAD_LINES))
        except csv.Error:
            continue
        for index, fields in enumerate(parsed):
            if _is_header(fields, required):
                if best is None or len(fields) > len(best[2]):
                    best = (delimiter, index, fields)
                break
    return best


def read_rows(
    member: Member, max_file_bytes: int, skipped: Counter[str] | None = None
) -> Iterator[Row | None]:
    """Yield each data row as {normalized column: stripped value}, or ``None`` when malformed.

    A row longer than ``MAX_RECORD_CHARS`` is not yielded but counted in ``skipped`` under
    ``SKIP_OVERSIZED``. Raises FileProblemError (or a decoding/zip error the caller turns into a
    problem line) when the file cannot be read at all.
    """
    key = member.key
    lines = _text_pieces(member, max_file_bytes)
    try:
        yield from _rows(lines, key, Counter() if skipped is None else skipped)
    finally:
        lines.close()


def _rows(lines: Iterator[str], key: str, skipped: Counter[str]) -> Iterator[Row | None]:
    comments = key == "comments"
    head: list[str] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if len(head) >= _HEAD_LINES or size >= _HEAD_CHARS:
            break
    found = _find_header(head, key, comments)
    if found is None:
        raise FileProblemError("no recognizable header; skipped")
    delimiter, header_index, header_fields = found
    columns = [column(name) for name in header_fields]
    source = _records(itertools.chain(head, lines), delimiter=delimiter, comments=comments)
    reader = csv.reader(
        source, delimiter=delimiter, strict=False, escapechar="\\" if comments else None
    )
    for _ in range(header_index + 1):
        next(reader, None)
    width = len(columns)
    for fields in reader:
        if fields == [_OVERSIZED_FIELD]:
            skipped[SKIP_OVERSIZED] += 1
            continue
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue  # blank line
        if comments:
            fields = [field.replace(_CONTINUATION, "\n") for field in fields]
            if len(fields) > width:
                fields = [*fields[: width - 1], ",".join(fields[width - 1 :])]
        if len(fields) > width:
            if any(value.strip() for value in fields[width:]):
                yield MALFORMED
                continue
            fields = fields[:width]
        row = {
            name: value.strip() if name in LONG_TEXT_COLUMNS else value.strip()[:MAX_NAME_CHARS]
            for name, value in zip(columns, fields, strict=False)
        }
        for name in columns[len(fields) :]:
            row[name] = ""
        yield row
