"""Skip the browser for pages that passed before and have not changed since.

A page's key is the sha256 of its HTML, of every stylesheet and script in the site (a theme
change can break a page whose HTML did not change), of the checker's version and options, and
of the glossary the static checks read. Only pages that passed every check, static and in the
browser, are remembered, so a failing page is always checked again, and a remembered page is
skipped by both.

Working the keys out means reading every page, so what was read from each file is remembered too
(:class:`ReadBefore`), by the file's identity.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eqportal.a11y.settings import options_digest

PAGES_FILE = "passed-pages.json"
READ_FILE = "pages-read.json"


def site_files(site_dir: Path, suffixes: tuple[str, ...]) -> list[tuple[str, Path]]:
    """Every file under ``site_dir`` ending in one of ``suffixes``: its path under ``site_dir`` (with "/"), and
    its path; in ``sorted(site_dir.rglob(...))``'s order.

    One ``os.walk``: ``Path.rglob`` made a path object for each of a county's 8,000 files and
    4,000 folders and took 1.8 s where this takes 0.1 s. Links to folders are not followed.
    """
    top = os.fspath(site_dir)
    found = []
    for here, _, names in os.walk(top):
        rel = tuple(os.path.relpath(here, top).split(os.sep)) if here != top else ()
        found += [(rel + (name,), here, name) for name in names if name.endswith(suffixes)]
    found.sort()  # rglob's order is that of the paths' parts ("a/b" before "a-b/c"), not of the strings
    return [("/".join(parts), Path(here, name)) for parts, here, name in found]


def assets_digest(site_dir: Path) -> str:
    digest = hashlib.sha256()
    for rel, path in site_files(site_dir, (".css", ".js")):
        if path.suffix in (".css", ".js") and path.is_file():  # not a file named ".js"
            digest.update(rel.encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _glossary_digest() -> str:
    """The static checks explain abbreviations from the glossary: a new term can fail an unchanged page."""
    return hashlib.sha256(resources.files("eqportal.data").joinpath("glossary.yml").read_bytes()).hexdigest()


def page_key(html: str, assets: str) -> str:
    return hashlib.sha256(f"{options_digest()}\0{_glossary_digest()}\0{assets}\0{html}".encode()).hexdigest()


def _read_json(path: Path) -> object:
    """The JSON in ``path``; None where there is none or it does not parse (the caches then start afresh)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(folder: Path, name: str, text: str) -> None:
    """``text`` as ``folder/name``, whole or not at all (a process's own temporary file, then a rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{name}.{os.getpid()}.tmp"
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(folder / name)


class PassCache:
    """url -> key of its last passing check, stored as JSON under the cache folder."""

    def __init__(self, folder: Path | None, *, reuse: bool = True) -> None:
        self.folder = folder
        self.passed: dict[str, str] = {}
        if folder is not None and reuse:
            data = _read_json(folder / PAGES_FILE)
            self.passed = data if isinstance(data, dict) else {}  # damaged: every page is checked again

    def is_fresh(self, url: str, key: str) -> bool:
        return self.folder is not None and self.passed.get(url) == key

    def save(self, passed: dict[str, str]) -> None:
        if self.folder is None:
            return
        _write_json(self.folder, PAGES_FILE, json.dumps(passed, indent=0, sort_keys=True))


BROWSER_FILE = "browser.json"


def remembered_browser(folder: Path | None) -> dict[str, str]:
    """The versions the browser of the last run that opened a page gave (Chromium's, axe-core's as it ran there).

    A run that opens no page (every page passed before, unchanged) still reports the browser its
    passes were made with, so its report, and the statement that quotes it, names the same tools.
    """
    data = _read_json(folder / BROWSER_FILE) if folder is not None else None
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) else {}


def remember_browser(folder: Path | None, versions: dict[str, str]) -> None:
    if folder is not None and versions and versions != remembered_browser(folder):
        _write_json(folder, BROWSER_FILE, json.dumps(versions, sort_keys=True))


class ReadBefore:
    """What the checker read from each page's HTML in its last run (key, title, template...), by the file's identity.

    Before a page is opened every page is read: for its key, its title (titles are compared across
    the site) and its template. After one edit, 4,100 of a county's 4,117 pages are the very files
    read in the last run (a rebuild links them into the new site), and reading them all again took
    5 s of a check that opened one page. A file with the same inode, size and modification time (to
    the nanosecond) as when it was read is taken to hold the same HTML, as the build's own output
    cache does (``eqportal.outputs``). Everything else it depends on (the checker's code and options,
    the site's stylesheets and scripts) is in ``context``: when that changes, every page is read again.
    """

    FIELDS = 7  # inode, size, mtime_ns, then what was read (runner.PageInfo's key, title, redirect, template)

    def __init__(self, folder: Path | None, context: str, *, reuse: bool = True) -> None:
        self.folder = folder
        self.context = context
        self.before: dict[str, list] = {}
        self.now: dict[str, list] = {}
        if folder is not None and reuse:
            data = _read_json(folder / READ_FILE)
            if isinstance(data, dict) and data.get("context") == context and isinstance(data.get("pages"), dict):
                self.before = data["pages"]

    def recall(self, url: str, path: Path) -> tuple[list | None, os.stat_result | None]:
        """What ``path`` told when last read, if it is still that file (else None), and its identity now."""
        try:
            stat = os.stat(path)
        except OSError:
            return None, None
        entry = self.before.get(url)
        if (isinstance(entry, list) and len(entry) == self.FIELDS
                and entry[:3] == [stat.st_ino, stat.st_size, stat.st_mtime_ns]):
            self.now[url] = entry
            return entry[3:], stat
        return None, stat

    def remember(self, url: str, stat: os.stat_result | None, values: list) -> None:
        """``values``, read from the file whose identity was ``stat`` (taken before it was read)."""
        if stat is not None:
            self.now[url] = [stat.st_ino, stat.st_size, stat.st_mtime_ns, *values]

    def save(self) -> None:
        """Write what this run read, when it differs from what was there."""
        if self.folder is None or self.now == self.before:
            return
        try:
            _write_json(self.folder, READ_FILE, json.dumps({"context": self.context, "pages": self.now}))
        except OSError:
            pass  # the next run reads every page again
