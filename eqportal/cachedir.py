"""Where the build cache lives, and which of its folders a build reads whole.

A module of its own, needing only the standard library, because the read-ahead at the very start
of a build (``eqportal.readahead``) must find the cache before anything else is imported; the
stores themselves are ``eqportal.buildcache``.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(".cache") / "build"  # beside the content folder, like the check cache
READ_IN_PART = ".read-in-part"  # in the folder of a lazy store (see read_whole)


def cache_folder(content_root: Path) -> Path:
    """``.cache/build`` beside the content folder."""
    return Path(content_root).resolve().parent / FOLDER


def read_whole(cache: Path) -> list[Path]:
    """The folders of the build cache ``cache`` that a build reads whole: all but those of lazy stores."""
    try:
        return sorted(path for path in Path(cache).iterdir() if path.is_dir() and not (path / READ_IN_PART).exists())
    except OSError:
        return []
