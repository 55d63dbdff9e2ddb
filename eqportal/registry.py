"""One registry of content types and of every address on the site.

Each content type has its folder under ``content/``, its model and its pages; :func:`url_for`
is the only place that turns a record into an address, and :func:`source_path` the only place
that turns an address into the path a front end needs (``/eqias/x/`` -> ``eqias/x/index.md``).
Nothing else in the portal writes a URL literal.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from eqportal.models import Decision, Eqia, Objective, Report
from eqportal.models.vocab import Characteristic


@dataclass(frozen=True)
class ContentType:
    """A kind of content: where its files live, what validates them, where its pages are."""

    name: str
    folder: str
    model: type[BaseModel]
    key_field: str = "id"
    variants: tuple[str, ...] = ()  # extra pages per item, e.g. "easy-read"

    def url(self, key: str, variant: str | None = None) -> str:
        if self.name == "decision":
            return f"{DECISIONS}#decision-{key}"  # decisions have an anchor on the register, not a page
        base = f"/{self.folder}/{key}/"
        if variant is None:
            return base
        if variant not in self.variants:
            raise ValueError(f"{self.name} has no '{variant}' page")
        return f"{base}{variant}/"


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType("eqia", "eqias", Eqia, variants=("easy-read",)),
    ContentType("objective", "objectives", Objective, variants=("easy-read",)),
    ContentType("report", "reports", Report),
    ContentType("decision", "decisions", Decision, key_field="number"),
)
BY_FOLDER = {t.folder: t for t in CONTENT_TYPES}
BY_NAME = {t.name: t for t in CONTENT_TYPES}
BY_MODEL = {t.model: t for t in CONTENT_TYPES}

HOME = "/"
EQIAS = "/eqias/"
REVIEWS = "/eqias/reviews/"
OBJECTIVES = "/objectives/"
REPORTS = "/reports/"
DECISIONS = "/decisions/"
EASY_READ = "/easy-read/"
ACCESSIBILITY = "/accessibility/"
ANOTHER_FORMAT = "/another-format/"
OPEN_DATA = "/open-data/"
FEED = "/feed.xml"
DATA = "/data/"
EQIAS_JSON = "/data/eqias.json"
EQIAS_CSV = "/data/eqias.csv"
DECISIONS_CSV = "/data/decisions.csv"
DATAPACKAGE = "/data/datapackage.json"
SITEMAP = "/sitemap.xml"


def absolute(url: str, site_url: str | None) -> str:
    """An address as an absolute URL from the portal's ``site_url``; as it is (from the site root) without one."""
    return urljoin(site_url, url.lstrip("/")) if site_url else url


def data_url(name: str) -> str:
    """An open-data file: ``screening.csv`` -> ``/data/screening.csv``."""
    return DATA + name


def eqia_json_url(eqia: Any) -> str:
    """One assessment's own JSON file."""
    return f"{DATA}eqias/{getattr(eqia, 'model', eqia).id}.json"


def stage_url(stage: Any) -> str:
    """The index of assessments at one stage of the commissioning cycle."""
    return f"/eqias/stages/{stage.value}/"


def content_type(item: Any) -> ContentType:
    model = getattr(item, "model", item)  # a Record or a bare model
    return BY_MODEL[type(model)]


def url_for(item: Any, variant: str | None = None) -> str:
    """The address of a record's page (or of its ``variant``, e.g. ``easy-read``)."""
    model = getattr(item, "model", item)
    return content_type(model).url(model.id, variant)


def slug(text: str) -> str:
    """Lower-case words joined by hyphens: for addresses and anchors made from names."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def directorate_url(directorate: str) -> str:
    return f"/eqias/directorates/{slug(directorate)}/"


def characteristic_url(characteristic: Characteristic) -> str:
    return f"/eqias/characteristics/{characteristic.value}/"


def year_url(year: int) -> str:
    return f"/eqias/years/{year}/"


def alias_url(alias: str, variant: str | None = None, folder: str = "eqias") -> str:
    """An old address of a renamed assessment (objective, report: ``folder``), which redirects."""
    return BY_FOLDER[folder].url(alias, variant)


def source_path(url: str, documents: dict[str, str] | None = None) -> str:
    """The path of the page's source in ``docs/``: ``/eqias/x/`` -> ``eqias/x/index.md``.

    Generated pages follow that rule; hand-written ones (``another-format.md``) are looked up in
    ``documents`` (address -> path), which the front end fills from ``docs/``. Files keep their path.
    """
    if documents and url in documents:
        return documents[url]
    path = url.split("#")[0].strip("/")
    if not url.split("#")[0].endswith("/"):
        return path
    return f"{path}/index.md" if path else "index.md"


def url_of_source(path: str) -> str:
    """The address MkDocs and Zensical give a Markdown source (directory URLs)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index") or stem.endswith("/README"):
        stem = stem.rsplit("/", 1)[0] if "/" in stem else ""
    return "/" + (stem + "/" if stem else "")


def link(from_source: str, url: str, documents: dict[str, str] | None = None) -> str:
    """A link from one page's source to an address, as an author would write it in Markdown.

    Both front ends check such links at build time (MkDocs strict, Zensical) and turn them into
    the right relative URL; an address that is not a page or file here stays a relative URL.
    """
    target, _, anchor = url.partition("#")
    if not target:
        return "#" + anchor
    relative = relative_path(source_path(target, documents), posixpath.dirname(from_source))
    return relative + (f"#{anchor}" if anchor else "")


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for paths within the site (``eqias/x/index.md``, ``/eqias/x/``).

    Worked out from the parts directly where neither has a ``.`` or ``..`` part: several times
    quicker than ``relpath``, which asks the system for the working folder twice a call, for the
    40,000 links of a county's index pages. An empty ``start`` is ``.``, as for ``relpath``.
    """
    target, here = path.strip("/").split("/"), start.strip("/").split("/")
    if _plain(target) and _plain(here) and path.startswith("/") == start.startswith("/"):
        target, here = [p for p in target if p], [p for p in here if p]
        common = 0
        for a, b in zip(target, here):
            if a != b:
                break
            common += 1
        return "/".join([".."] * (len(here) - common) + target[common:]) or "."
    return posixpath.relpath(path, start or ".")


def relative_url(url: str, from_url: str) -> str:
    """``url`` as seen from the page at ``from_url`` (both site addresses like ``/eqias/x/``), as MkDocs writes it."""
    relative = relative_path(url or "/", from_url or "/")
    return relative + "/" if url.endswith("/") else relative


def _plain(parts: list[str]) -> bool:
    return "." not in parts and ".." not in parts
