"""At the start of ``eqportal build``: ask the system for the files the build will read one by one.

A rebuild imports its libraries, then reads the last site's manifest, every content file and the
build cache, each file as it comes to it. After a pause (an editor at work on a file, a long check
run) the system has let many of them go from memory, and each read then waits for the disk in
turn. So the command's first act, before its own imports, is to start a process that asks for them
all at once, several at a time and at low priority; the system reads them in the background, and
the build finds them in memory when it comes to them. The libraries are the files the last build
imported and mapped (compiled modules, extension modules, shared libraries), which it listed in
the build cache as it ended (:func:`remember_imports`).

Nothing is changed and nothing waits for it: a file or folder that is not there is passed over, and
only regular files are asked for.
"""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

VERBS = ("build",)  # the commands that read a county's worth of files
THREADS = 8  # each waits for the disk; a few at once let it serve them together
IMPORTS = "imported.txt"  # in the build cache: the files the last build imported (remember_imports)


def start_for(argv: list[str]) -> subprocess.Popen | None:
    """Begin reading ahead for the command ``eqportal ARGV`` in a process of its own; None for a command that
    reads too little to gain.

    A new interpreter (``python -m eqportal.readahead``), not a fork of this one: a forked copy shares
    this process's memory until either writes to it, and Python writes to nearly every page it
    touches, so both would copy page after page while this one imports. The process ends by itself;
    this one does not wait for it.
    """
    if not argv or argv[0] not in VERBS or not sys.executable:
        return None
    content = content_folder(argv[1:])
    try:
        return subprocess.Popen([sys.executable, "-m", __name__, os.fspath(content)], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def read_ahead_for(content: Path) -> None:
    """Read ahead what a build of ``content`` reads: the build cache's own files (the last site's manifest),
    the content, then the cache stores read whole (not the lazy ones, of which a build reads a few entries)."""
    from eqportal.cachedir import cache_folder, read_whole

    cache = cache_folder(content)
    read_ahead([*remembered_imports(cache), *_files_in(cache)], [os.fspath(content), *(os.fspath(folder) for folder in read_whole(cache))])


def remember_imports(cache: Path) -> None:
    """List, in the build cache, the files this process imported and mapped, for the next build to read ahead.

    Each module's compiled file (what an import reads; its source is only looked at), or its file where
    it has none (an extension module, or a source not compiled to a file), and every file the process
    has mapped (the shared libraries those load; Linux's ``/proc/self/maps``). Written only when the
    list changed.
    """
    files: set[str] = set()
    for module in list(sys.modules.values()):
        spec = getattr(module, "__spec__", None)
        for found in (getattr(spec, "cached", None), getattr(module, "__file__", None)):
            if isinstance(found, str) and os.path.isabs(found) and os.path.isfile(found):
                files.add(found)
                break
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:  # address perms offset dev inode path
            files.update(fields[5].strip() for fields in (line.split(None, 5) for line in maps) if len(fields) == 6)
    except OSError:
        pass
    text = "".join(f"{path}\n" for path in sorted(path for path in files if path.startswith("/") and os.path.isfile(path)))
    target = Path(cache) / IMPORTS
    try:
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{IMPORTS}.{os.getpid()}.tmp")  # as the build cache's stores write theirs
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        pass  # only a slower start after the next pause


def remembered_imports(cache: Path) -> list[str]:
    """The files :func:`remember_imports` listed in ``cache``; none when there is no list."""
    try:
        return (Path(cache) / IMPORTS).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return []


def content_folder(args: list[str]) -> Path:
    """The ``--content`` folder the command was given (``content`` by default), read before the real parser
    runs, which alone reports what is wrong with the arguments."""
    parser = _Lenient(add_help=False, allow_abbrev=False)
    parser.add_argument("--content", type=Path, default=Path("content"))
    try:
        known, _ = parser.parse_known_args(args)
    except ValueError:
        return Path("content")
    return known.content


class _Lenient(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise ValueError(message)  # not argparse's exit with a message: that is the real parser's to give


def _files_in(folder: Path) -> list[str]:
    """The files of ``folder`` itself, not of the folders in it."""
    try:
        return [entry.path for entry in os.scandir(folder) if entry.is_file()]
    except OSError:
        return []


def read_ahead(files: Iterable[str], folders: Iterable[str] = ()) -> None:
    """Have the system read ``files``, then every file under ``folders``, into its cache (it does so in the background)."""
    in_threads((read_ahead_file, files), (read_ahead_file, (path for folder in folders for path in files_under(folder))))


def in_threads(*jobs: tuple[Callable[[str], object], Iterable[str]]) -> None:
    """Each job's work on each of its items, job after job, from :data:`THREADS` threads at low priority.

    For work that only waits for the disk, in a process of its own: it lowers this process's priority for good.
    """
    from concurrent.futures import ThreadPoolExecutor

    try:
        os.nice(10)  # behind the build itself
    except (OSError, AttributeError):  # AttributeError: no os.nice (Windows)
        pass
    with ThreadPoolExecutor(THREADS) as pool:
        for work, items in jobs:
            list(pool.map(work, items, chunksize=64))


def files_under(folder: str) -> Iterator[str]:
    for here, _, names in os.walk(folder):
        for name in names:
            yield os.path.join(here, name)


def read_ahead_file(path: str) -> None:
    """Ask the system to read ``path`` into its cache; nothing is read here, and a file that is gone is no matter."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a named pipe would wait for a writer
    except OSError:
        return
    try:
        if stat.S_ISREG(os.fstat(handle).st_mode):  # not a device, a pipe or a socket
            os.posix_fadvise(handle, 0, 0, os.POSIX_FADV_WILLNEED)
    except (OSError, AttributeError):
        pass
    finally:
        os.close(handle)


if __name__ == "__main__":  # python -m eqportal.readahead CONTENT, as start_for runs it
    read_ahead_for(Path(sys.argv[1]))
