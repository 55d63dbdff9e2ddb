"""Paths after following links, and relative to a folder they lie in: what messages and "edit" links show.

Written with ``os.path`` (what ``Path.resolve`` calls underneath) and one resolved folder for the
files in it: pathlib's ``resolve`` and ``relative_to`` took over a second of a county's rebuild,
for the 2,000 files each build names several times.
"""

from __future__ import annotations

import os
from functools import lru_cache


def real_path(path: str | os.PathLike[str]) -> str:
    """``os.path.realpath(path)``, with the folder resolved once for all the files in it.

    ``realpath`` looks at every part of the path (eight system calls for a content file); a
    county's 2,000 assessments share one folder, so only whether the file itself is a link is
    asked each time.
    """
    text = os.fspath(path)
    if os.pardir in text.split(os.sep):
        return os.path.realpath(text)  # ".." after a link leads from where the link points: only realpath knows
    absolute = os.path.abspath(text)
    if os.path.islink(absolute):
        return os.path.realpath(absolute)
    folder, name = os.path.split(absolute)
    return os.path.join(_real(folder), name) if name else _real(folder)


def relative_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> str | None:
    """``path`` relative to ``folder`` (``.`` for the folder itself), both resolved; None if it lies outside."""
    real, base = real_path(path), _real(os.fspath(folder))
    if real == base:
        return "."
    prefix = base if base.endswith(os.sep) else base + os.sep
    return real[len(prefix):] if real.startswith(prefix) else None


@lru_cache(maxsize=64)
def _real(folder: str) -> str:
    return os.path.realpath(folder)
