"""Bytes kept as the parts they are joined from, and written part by part.

A county's open data is some 100 MB joined from 2,000 assessments' parts (``eqportal.opendata``).
Joined in memory, each file is a second copy of its parts in memory the process has never
touched before, which the kernel must hand over page by page; a rebuild that links most files
in from the last published site would make those copies only to drop them. A :class:`Joined`
is written straight from its parts, a thousand to a system call (``os.writev``), and made whole
only for a reader that asks for the bytes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable

# What one writev may be given (POSIX's IOV_MAX is at least 16; Linux's is 1,024).
_BATCH = min(os.sysconf("SC_IOV_MAX"), 1024) if hasattr(os, "sysconf") and "SC_IOV_MAX" in os.sysconf_names else 16


@dataclass(frozen=True)
class Joined:
    """``b"".join(parts)``, not yet joined."""

    parts: tuple[bytes, ...]

    @classmethod
    def of(cls, parts: Iterable[bytes]) -> Joined:
        return cls(tuple(part for part in parts if part))

    def __bytes__(self) -> bytes:
        return b"".join(self.parts)

    def __len__(self) -> int:
        return sum(map(len, self.parts))

    def write_to(self, path: str | os.PathLike[str]) -> None:
        """Write the bytes to ``path`` (replacing it), part by part."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            for start in range(0, len(self.parts), _BATCH):
                _write_all(fd, self.parts[start:start + _BATCH])
        finally:
            os.close(fd)


def _write_all(fd: int, parts: tuple[bytes, ...]) -> None:
    """``os.writev`` until every byte is written: a write may take fewer bytes than it was given."""
    views = [memoryview(part) for part in parts]
    first = 0
    while first < len(views):
        written = os.writev(fd, views[first:])
        while first < len(views) and written >= len(views[first]):
            written -= len(views[first])
            first += 1
        if written:
            views[first] = views[first][written:]


def as_bytes(content: str | bytes | Joined) -> bytes:
    """Any generated file's content as the bytes to write: text as UTF-8."""
    if isinstance(content, Joined):
        return bytes(content)
    return content.encode("utf-8") if isinstance(content, str) else content
