"""The worst archives of the adversarial review, written on the fly (small ZIPs, huge CSVs).

Each writer streams its CSV into the ZIP in chunks, so making a 150 MB member costs a few
megabytes of memory and a second or two; the ZIP itself stays small because the text repeats.
``scale`` shrinks every size for quick tests (1.0 is the size the review used).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

MB = 1024 * 1024
_CHUNK = 4 * MB
_FILLER = "more words that LinkedIn never wrote on one line of a comment here\n"


def _write_member(zip_path: Path, member: str, pieces: Iterator[str]) -> None:
    with (
        zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open(member, "w", force_zip64=True) as out,
    ):
        for piece in pieces:
            out.write(piece.encode())


def _repeat(text: str, total: int) -> Iterator[str]:
    """``text`` repeated to about ``total`` characters, always ending with a whole ``text``."""
    total = max(1, total // len(text)) * len(text)
    block = text * max(1, _CHUNK // len(text))
    written = 0
    while written + len(block) <= total:
        yield block
        written += len(block)
    if total > written:
        yield text * ((total - written) // len(text))


def comment_continuations(path: Path, scale: float = 1.0) -> None:
    """One comment followed by 150 MB of continuation lines (the 2021-23 Comments quirk)."""

    def pieces() -> Iterator[str]:
        yield "Date,Link,Message\n"
        yield '2024-03-01 10:00:00,"https://www.linkedin.com/feed/update/1",first line\n'
        yield from _repeat(_FILLER, int(150 * MB * scale))
        yield '2024-03-02 10:00:00,"https://www.linkedin.com/feed/update/2",a normal comment\n'

    _write_member(path, "Comments.csv", pieces())


def one_long_line(path: Path, scale: float = 1.0) -> None:
    """A 100 MB line (one enormous share text) between two ordinary rows."""

    def pieces() -> Iterator[str]:
        yield "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        yield "2024-03-01 10:00:00,https://www.linkedin.com/feed/update/1,ok,,,MEMBER_NETWORK\n"
        yield "2024-03-02 10:00:00,https://www.linkedin.com/feed/update/2,"
        yield from _repeat("x", int(100 * MB * scale))
        yield ",,,MEMBER_NETWORK\n"
        yield "2024-03-03 10:00:00,https://www.linkedin.com/feed/update/3,fine,,,MEMBER_NETWORK\n"

    _write_member(path, "Shares.csv", pieces())


def no_newline(path: Path, scale: float = 1.0) -> None:
    """150 MB without a single line break after the header."""

    def pieces() -> Iterator[str]:
        yield "Date,Type,Link\n"
        yield from _repeat("2024-03-01 10:00:00,LIKE,https://x ", int(150 * MB * scale))

    _write_member(path, "Reactions.csv", pieces())


def unclosed_quote(path: Path, scale: float = 1.0) -> None:
    """A quote opened in the third field and never closed over 190 MB of lines."""

    def pieces() -> Iterator[str]:
        yield "Date,Type,Link\n"
        yield "2024-03-01 10:00:00,LIKE,https://www.linkedin.com/feed/update/1\n"
        yield '2024-03-02 10:00:00,LIKE,"https://www.linkedin.com/feed/update/2\n'
        yield from _repeat(_FILLER, int(190 * MB * scale))

    _write_member(path, "Reactions.csv", pieces())


def many_rows(path: Path, scale: float = 1.0) -> None:
    """3 million short, distinct reaction rows (about 80 MB)."""
    rows = int(3_000_000 * scale)

    def pieces() -> Iterator[str]:
        yield "Date,Type,Link\n"
        batch: list[str] = []
        for index in range(rows):
            day = 1 + index % 28
            batch.append(f"2024-02-{day:02d} 10:{index % 60:02d}:00,LIKE,https://x.in/{index}\n")
            if len(batch) == 50_000:
                yield "".join(batch)
                batch = []
        yield "".join(batch)

    _write_member(path, "Reactions.csv", pieces())


def many_messages(path: Path, scale: float = 1.0) -> None:
    """2 million short messages, each in a conversation of its own, from 1,000 senders."""
    rows = int(2_000_000 * scale)

    def pieces() -> Iterator[str]:
        yield "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n"
        batch: list[str] = []
        for index in range(rows):
            sender = index % 1000
            batch.append(
                f"conv-{index},Person {sender},https://www.linkedin.com/in/p-{sender},Me,"
                f"2024-02-{1 + index % 28:02d} 10:00:00 UTC,hello number {index}\n"
            )
            if len(batch) == 50_000:
                yield "".join(batch)
                batch = []
        yield "".join(batch)

    _write_member(path, "messages.csv", pieces())


def _unique_rows(header: str, row: Callable[[str], str], total: int) -> Iterator[str]:
    """``header``, then rows made from a unique 28-character key until ``total`` characters."""
    yield header
    written, index, batch = 0, 0, []
    while written < total:
        line = row(f"{index:08d}{'w' * 20}")
        batch.append(line)
        written += len(line)
        index += 1
        if len(batch) == 20_000:
            yield "".join(batch)
            batch = []
    yield "".join(batch)


def wide_messages(path: Path, scale: float = 1.0) -> None:
    """195 MB of messages whose names, links and conversations are all different."""
    profile = "https://www.linkedin.com/in/"
    header = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n"

    def row(key: str) -> str:
        return (
            f"c{key},N{key},{profile}s{key},Me,{profile}r{key} {profile}q{key},"
            f"2024-02-0{1 + int(key[:8]) % 9} 10:00:00 UTC,hi\n"
        )

    _write_member(path, "messages.csv", _unique_rows(header, row, int(195 * MB * scale)))


def wide_connections(path: Path, scale: float = 1.0) -> None:
    """195 MB of connections, each with its own name and profile link."""
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"

    def row(key: str) -> str:
        return f"F{key},L{key},https://www.linkedin.com/in/s{key},,,,01 Feb 2024\n"

    _write_member(path, "Connections.csv", _unique_rows(header, row, int(195 * MB * scale)))


WORST: dict[str, Callable[[Path, float], None]] = {
    "continuation lines": comment_continuations,
    "one 100 MB line": one_long_line,
    "no newline": no_newline,
    "unclosed quote": unclosed_quote,
    "3 million rows": many_rows,
    "2 million messages": many_messages,
    "unique wide messages": wide_messages,
    "unique wide connections": wide_connections,
}
"""The attacks by name, for the memory test and the import-memory benchmark."""


_RUN_SSI = """
import resource, sys
from ssi_desktop.cli.main import main

def peak_mb() -> int:
    # VmHWM belongs to this program's own address space; ru_maxrss would also count the
    # parent's size, which Linux carries over the fork and exec that started this process.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

code = main(sys.argv[1:])
print(f"PEAK_MB {peak_mb()}", file=sys.stderr)
sys.exit(code)
"""


def run_ssi(*args: str, timeout: float = 120) -> tuple[int, str, str, int]:
    """(exit code, stdout, stderr, peak RSS in MB) of `ssi ARGS` in a process of its own.

    The peak is the child's own high-water mark of resident memory (VmHWM).
    """
    done = subprocess.run(
        [sys.executable, "-c", _RUN_SSI, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    lines = done.stderr.splitlines()
    peak = int(lines[-1].split()[1]) if lines and lines[-1].startswith("PEAK_MB") else -1
    return done.returncode, done.stdout, "\n".join(lines[:-1]), peak
