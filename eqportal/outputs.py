"""Pages a rebuild does not render again, and generated files it does not write again: the published file is reused.

After one edit, 4,000 of a county's 4,100 pages are what they were. A page's published HTML is a
function of its own finished content (title, meta, HTML, contents) and of what every page shares
(mkdocs.yml, docs/, the theme and its overrides, the portal's code, the navigation, the day).
The first is keyed per page, the second once per build (:func:`digest`); when both match what
the published site was built from, the published file is linked into the new site instead of
being rendered through the theme again. A generated file (open data, the feed) is keyed by its
content alone, which MkDocs writes as it is. A cached rebuild is therefore byte for byte a cold
build (tests/test_rebuild.py), and a changed theme or config renders everything.

The manifest (``.cache/build/outputs.json``) names the site it describes and each page's key,
size and modification time; it is written only after that site was published, so it never
describes a site that failed its checks. A page whose file was touched since is rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Iterator

from eqportal.buildcache import digest
from eqportal.forked import Background
from eqportal.readahead import in_threads

LISTING_THREADS = 16  # folders listed at once: each waits for the disk, so many at once let it serve them together

MANIFEST = "outputs.json"
FORMAT = 1


def tree_digest(*folders: Path | None) -> str:
    """Every file under ``folders`` (names and bytes): docs/, the theme's overrides, the hooks.

    Not Python's compiled files (``__pycache__``): they follow from the sources, and are written when
    a module is first imported, so counting them would make the build after that one start afresh.
    """
    parts: list[str | bytes] = []
    for folder in folders:
        if folder is None or not Path(folder).is_dir():
            parts.append("-")
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.relative_to(folder).parts:
                parts += [path.relative_to(folder).as_posix(), hashlib.sha256(path.read_bytes()).digest()]
    return digest(*parts)


@dataclass
class OutputCache:
    """The last published site's pages, by key, and the keys of the site being built."""

    folder: Path  # .cache/build
    site: Path  # the published site the manifest describes
    previous: dict[str, list] = field(default_factory=dict)  # dest path -> [key, size, mtime_ns]
    current: dict[str, str] = field(default_factory=dict)  # dest path -> key, for this build
    reused: set[str] = field(default_factory=set)
    spare: Path | None = None  # the site published before the last one, whose folders the new site is assembled in
    pages_assembled: int | None = None  # the HTML files of the site :meth:`assemble` made in the spare (it knows them all)
    making_spare: Background | None = None  # the spare's folders being made (:meth:`make_spare`)
    warming: Background | None = None  # the file system asked about every file of the last site (:meth:`warm`)

    @classmethod
    def load(cls, folder: Path, site: Path, spare: Path | None = None) -> OutputCache:
        """The manifest of ``site``; ``spare``, if it is a folder, is where :meth:`assemble` puts the new site."""
        usable = spare is not None and Path(spare).is_dir() and not Path(spare).is_symlink()  # a link could lead anywhere
        cache = cls(Path(folder), Path(site).resolve(), spare=Path(spare).resolve() if usable else None)
        try:
            data = json.loads((cache.folder / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("site") == str(cache.site):
                cache.previous = data["pages"]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no manifest, or another site's: every page is rendered
        return cache

    def make_spare(self, spare: Path) -> None:
        """No spare yet (the first build after a cold one): make one, the published site's folders without its files.

        Made in the background from the start of the build, while the content is read and the pages
        planned, instead of folder by folder as the reused files are placed at its end. Whatever the
        new site does not have is removed when it is assembled, as from any spare.
        """
        if self.spare is not None or not self.previous or not self.site.is_dir():
            return
        remove_any(spare)
        self.making_spare = start_spare(self.site, Path(spare))
        self.spare = Path(spare).resolve()

    def warm(self) -> None:
        """Ask the file system about each file of the last published site (and of the spare), in the background.

        A rebuild asks after every one of those files (:meth:`reusable`: is it untouched? :meth:`place`:
        is the spare's the same file?) one after another. After a pause, a long check run say, the file
        system's caches are partly cold, and each question waited for the disk: 0.6 s of a 3 s rebuild.
        Asked ahead here, by several threads on the core that reading the content leaves free, they are
        answered from memory when the build asks. Nothing is changed, and nothing waits for this.
        (The files the build reads are read ahead from its very start: ``eqportal.readahead``.)
        """
        if not self.previous or not self.site.is_dir():
            return
        spare = str(self.spare) if self.spare is not None and self.making_spare is None else None
        self.warming = Background(partial(_ask_about, str(self.site), spare, sorted(self.previous)), fallback=False)

    def spare_ready(self) -> None:
        """Wait until :meth:`make_spare` has made the spare's folders (at once if it is not making any)."""
        if self.making_spare is not None:
            self.making_spare.wait()
            self.making_spare = None

    def stop(self) -> None:
        """The build failed: stop making the spare, so nothing writes into a folder being removed."""
        self._stop_warming()
        if self.making_spare is not None:
            self.making_spare.stop()
            self.making_spare = None

    def reusable(self, dest: str, key: str) -> bool:
        """Record ``key`` for ``dest``; true when the published file was made from the same key and is untouched."""
        self.current[dest] = key
        entry = self.previous.get(dest)
        if not entry or entry[0] != key:
            return False
        try:
            stat = os.stat(os.path.join(self.site, dest))  # os.path: a county's 8,000 files, each asked once a build
        except OSError:
            return False
        if [stat.st_size, stat.st_mtime_ns] != entry[1:]:
            return False
        self.reused.add(dest)
        return True

    def forget(self, dest: str) -> None:
        """``dest`` was changed after the build wrote it (the accessibility statement, made to quote the
        check): left out of the manifest, so the next build writes it again rather than keep this file
        as if it were made from its key."""
        self.current.pop(dest, None)
        self.reused.discard(dest)

    def place(self, into: Path) -> None:
        """Put every reused file into the new site: a hard link where possible (nothing is copied), else a copy.

        The new site is the spare folder when there is one (:meth:`assemble`), else ``into``, the
        folder MkDocs builds in. A file already there as the same file is left alone, so placing
        again after a failure finishes the job.
        """
        root = str(self.spare or into)
        made: set[str] = set()
        for dest in sorted(self.reused):
            source, target = os.path.join(self.site, dest), os.path.join(root, dest)
            _make_room(root, target, made)
            try:
                if _same_file(source, target):
                    continue  # unchanged since the spare was published: the very same file
            except FileNotFoundError:
                pass
            remove_any(target)
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)

    def assemble(self, built: Path) -> Path:
        """The new site, whole: ``built`` (what MkDocs wrote) if there is no spare folder, else the spare made into it.

        A county's site is 4,000 folders, one per page. Making them afresh on every build and deleting
        the old ones cost more than anything else a rebuild does (the file system's inode allocator
        looks past every inode freed in the last seconds). The spare, a site published earlier, has
        nearly all of them: the reused files are in it (:meth:`place`), MkDocs' files are moved in,
        and every other file and folder in it is removed. So it holds exactly the files a build into
        an empty folder would, byte for byte (tests/test_rebuild.py); ``built`` is then removed. If
        anything goes wrong the spare is removed too, so the next build starts afresh.
        """
        self.spare_ready()
        self._stop_warming()  # done long since, or no use now
        if self.spare is None:
            return Path(built)
        try:
            return self._assemble(str(built), str(self.spare))
        except OSError:
            shutil.rmtree(self.spare, ignore_errors=True)
            raise

    def _stop_warming(self) -> None:
        if self.warming is not None:
            self.warming.stop()
            self.warming = None

    def _assemble(self, built: str, spare: str) -> Path:
        written = {rel + name for _, rel, _, _, names in _tree(built) for name in names}
        emptied: set[str] = set()
        for folder, rel_folder, folders, linked, names in _tree(spare):
            if not folders and not linked and not names:
                emptied.add(folder)  # an empty folder (a build into an empty folder makes none)
            for name in linked:
                os.unlink(os.path.join(folder, name))  # a link to a folder: never part of a site (the walk does not follow it)
                emptied.add(folder)
            for name in names:
                rel = rel_folder + name
                if rel not in self.reused and rel not in written:
                    os.unlink(os.path.join(folder, name))  # a page or file the new site does not have
                    emptied.add(folder)
        made: set[str] = set()
        for rel in sorted(written):
            target = os.path.join(spare, rel)
            _make_room(spare, target, made)
            remove_any(target)
            os.replace(os.path.join(built, rel), target)
        for folder in sorted(emptied, key=len, reverse=True):  # deepest first, then up while empty
            while folder != spare and folder.startswith(spare + os.sep):
                try:
                    os.rmdir(folder)
                except OSError:
                    break  # not empty: it belongs to the new site
                folder = os.path.dirname(folder)
        shutil.rmtree(built)
        self.pages_assembled = sum(rel.endswith(".html") for rel in written | self.reused)  # all that is left in it
        return Path(spare)

    def save(self, published: Path) -> None:
        """Describe the site just published at ``published``: each page's key, size and time, atomically."""
        published = Path(published).resolve()
        root = str(published)
        pages = {}
        for dest, key in sorted(self.current.items()):
            if dest in self.reused:  # the file published before, linked in (or copied with its time): its size and time are known
                pages[dest] = [key, *self.previous[dest][1:]]
                continue
            try:
                stat = os.stat(os.path.join(root, dest))
            except OSError:
                continue
            pages[dest] = [key, stat.st_size, stat.st_mtime_ns]
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{MANIFEST}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"format": FORMAT, "site": str(published), "pages": pages}), encoding="utf-8")
        tmp.replace(self.folder / MANIFEST)


def start_spare(source: Path, spare: Path) -> Background:
    """Make ``spare``, a new folder, into a spare of ``source``'s folders without its files, in the background."""
    spare.mkdir()
    return Background(partial(_copy_folders, str(source), str(spare)))


def _ask_about(site: str, spare: str | None, dests: list[str]) -> None:
    """``stat`` each of ``dests`` in ``site`` and ``lstat`` it in ``spare``, after listing each folder of
    ``spare`` (:meth:`OutputCache.assemble` walks it), so the file system answers from its caches when the
    build asks. Threads, because each waits for the disk."""
    folders = sorted({os.path.join(spare, os.path.dirname(dest)) for dest in dests}) if spare else []
    asked = [os.path.join(site, dest) for dest in dests] + ([os.path.join(spare, dest) for dest in dests] if spare else [])
    in_threads((_listed, folders), (_asked, asked))


def _listed(folder: str) -> None:
    try:
        os.listdir(folder)
    except OSError:
        pass


def _asked(path: str) -> None:
    try:
        os.lstat(path)  # a link to a file is asked after with its target the first time it is followed: good enough here
    except OSError:
        pass


def _copy_folders(site: str, spare: str) -> None:
    """Make under ``spare`` every folder ``site`` has (not links, not files); safe to run again.

    Level by level, each level's folders listed by several threads at once. After a pause (a long
    check run) the system has let most folder listings go from memory, and listing one folder after
    another waited for the disk each time: the first rebuild after a check run at a county's size took
    21 s, 16 of them waiting. A county's 4,131 folders, listed cold: 3.7 s one by one, 0.5 s by 16
    threads. Each folder is made after the one holding it, with one ``mkdir`` (``makedirs`` first
    asks after every parent: twice the time for a county's 4,000 folders)."""
    level = [""]
    with ThreadPoolExecutor(LISTING_THREADS) as pool:
        while level:
            level = [rel for found in pool.map(partial(_copy_folder, site, spare), level) for rel in found]


def _copy_folder(site: str, spare: str, rel: str) -> list[str]:
    """Make in ``spare`` each folder (not a link) of ``site``'s folder ``rel``; their paths under ``site``.

    A folder that cannot be read is passed over, as ``os.walk`` does."""
    found = []
    try:
        with os.scandir(os.path.join(site, rel)) as entries:
            for entry in entries:
                try:
                    if not entry.is_dir(follow_symlinks=False):
                        continue
                except OSError:
                    continue
                try:
                    os.mkdir(os.path.join(spare, rel, entry.name))
                except FileExistsError:
                    pass
                found.append(f"{rel}{entry.name}{os.sep}")
    except OSError:
        pass
    return found


def _tree(root: str) -> Iterator[tuple[str, str, list[str], list[str], list[str]]]:
    """``os.walk(root)`` as (folder, its path under ``root`` ending in a separator, or "" for ``root``,
    its folders, its links to folders, its other names), links never followed.

    What ``os.walk`` and ``os.path.islink`` and ``relpath`` told, from the folder listing alone: a
    county's site is 4,000 folders, and a system call more for each was a tenth of assembling it.
    A folder that cannot be read is passed over, as ``os.walk`` does.
    """
    stack = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        folders: list[str] = []
        linked: list[str] = []
        names: list[str] = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        is_folder = entry.is_dir()  # through a link, as os.walk tells them
                    except OSError:
                        is_folder = False
                    if not is_folder:
                        names.append(entry.name)
                    elif entry.is_symlink():
                        linked.append(entry.name)
                    else:
                        folders.append(entry.name)
        except OSError:
            continue
        yield folder, rel, folders, linked, names
        stack.extend((os.path.join(folder, name), f"{rel}{name}{os.sep}") for name in reversed(folders))


def _make_room(root: str, target: str, made: set[str]) -> None:
    """Make ``target``'s folder under ``root`` a real folder, once per folder (``made``).

    In a spare site a page's folder may now be a file, or be a link (to anywhere): either is
    removed, so nothing is ever written outside ``root`` or through a link into the published site.
    """
    folder = os.path.dirname(target)
    if folder in made:
        return
    if root not in made:  # the folder MkDocs builds in is made by MkDocs itself, possibly after this starts
        os.makedirs(root, exist_ok=True)
        made.add(root)
    here, missing = folder, []
    while here != root and here.startswith(root + os.sep) and here not in made:
        missing.append(here)
        here = os.path.dirname(here)
    for part in reversed(missing):  # from the top down
        if os.path.islink(part) or (os.path.lexists(part) and not os.path.isdir(part)):
            os.unlink(part)
        if not os.path.isdir(part):
            os.mkdir(part)
        made.add(part)


def remove_any(target: str | Path) -> None:
    """Remove whatever stands at ``target``: a file, a link, or a folder where a file now goes."""
    if os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)
    elif os.path.lexists(target):
        os.unlink(target)


def _same_file(source: str, target: str) -> bool:
    """``target`` is the very file ``source`` is (a hard link), not a link to it."""
    a, b = os.stat(source), os.lstat(target)
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)
