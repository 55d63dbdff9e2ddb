"""Skip the browser for pages that passed before and have not changed since.

A page's key is the sha256 of its HTML, of every stylesheet and script in the site (a theme
change can break a page whose HTML did not change), of the checker's version and options, and
of the glossary the static checks read. Only pages that passed every check, static and in the
browser, are remembered, so a failing page is always checked again, and a remembered page is
skipped by both.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eqportal.a11y.settings import options_digest

PAGES_FILE = "passed-pages.json"


def assets_digest(site_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.suffix in (".css", ".js") and path.is_file():
            digest.update(path.relative_to(site_dir).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _glossary_digest() -> str:
    """The static checks explain abbreviations from the glossary: a new term can fail an unchanged page."""
    return hashlib.sha256(resources.files("eqportal.data").joinpath("glossary.yml").read_bytes()).hexdigest()


def page_key(html: str, assets: str) -> str:
    return hashlib.sha256(f"{options_digest()}\0{_glossary_digest()}\0{assets}\0{html}".encode()).hexdigest()


class PassCache:
    """url -> key of its last passing check, stored as JSON under the cache folder."""

    def __init__(self, folder: Path | None, *, reuse: bool = True) -> None:
        self.folder = folder
        self.passed: dict[str, str] = {}
        if folder is not None and reuse:
            try:
                self.passed = json.loads((folder / PAGES_FILE).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.passed = {}

    def is_fresh(self, url: str, key: str) -> bool:
        return self.folder is not None and self.passed.get(url) == key

    def save(self, passed: dict[str, str]) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / (PAGES_FILE + ".tmp")
        tmp.write_text(json.dumps(passed, indent=0, sort_keys=True), encoding="utf-8")
        tmp.replace(self.folder / PAGES_FILE)
