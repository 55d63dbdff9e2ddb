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
from dataclasses import dataclass, field
from pathlib import Path

from eqportal.buildcache import digest

MANIFEST = "outputs.json"
FORMAT = 1


def tree_digest(*folders: Path | None) -> str:
    """Every file under ``folders`` (names and bytes): docs/, the theme's overrides, the hooks."""
    parts: list[str | bytes] = []
    for folder in folders:
        if folder is None or not Path(folder).is_dir():
            parts.append("-")
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
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

    @classmethod
    def load(cls, folder: Path, site: Path) -> OutputCache:
        cache = cls(Path(folder), Path(site).resolve())
        try:
            data = json.loads((cache.folder / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("site") == str(cache.site):
                cache.previous = data["pages"]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no manifest, or another site's: every page is rendered
        return cache

    def reusable(self, dest: str, key: str) -> bool:
        """Record ``key`` for ``dest``; true when the published file was made from the same key and is untouched."""
        self.current[dest] = key
        entry = self.previous.get(dest)
        if not entry or entry[0] != key:
            return False
        try:
            stat = (self.site / dest).stat()
        except OSError:
            return False
        if [stat.st_size, stat.st_mtime_ns] != entry[1:]:
            return False
        self.reused.add(dest)
        return True

    def place(self, into: Path) -> None:
        """Put every reused file into the new site ``into``: a hard link where possible (nothing is copied), else a copy.

        A file already there is left alone, so placing again after a failure finishes the job.
        """
        made: set[str] = set()
        for dest in sorted(self.reused):
            source, target = os.path.join(self.site, dest), os.path.join(into, dest)
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            try:
                os.link(source, target)
            except FileExistsError:
                continue
            except OSError:
                shutil.copy2(source, target)

    def save(self, published: Path) -> None:
        """Describe the site just published at ``published``: each page's key, size and time, atomically."""
        published = Path(published).resolve()
        pages = {}
        for dest, key in sorted(self.current.items()):
            try:
                stat = (published / dest).stat()
            except OSError:
                continue
            pages[dest] = [key, stat.st_size, stat.st_mtime_ns]
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{MANIFEST}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"format": FORMAT, "site": str(published), "pages": pages}), encoding="utf-8")
        tmp.replace(self.folder / MANIFEST)
