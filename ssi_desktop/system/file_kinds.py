"""What is at a path, in words, for the one-line refusals of anything but a regular file."""

from __future__ import annotations

import stat

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def kind_of(mode: int) -> str:
    """``a named pipe``, ``a device``...: what a stat mode is, said in a sentence."""
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")
