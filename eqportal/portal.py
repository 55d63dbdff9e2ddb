"""The whole portal as one typed, validated value: every page is derived from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from eqportal.frontmatter import Document, Location
from eqportal.models import Decision, Eqia, Objective, Report
from eqportal.models.vocab import EqiaStatus

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Record(Generic[M]):
    """A validated content item with the file it came from (for line numbers, body and edit links)."""

    model: M
    doc: Document
    source: Path
    digest: str = ""  # the hash of the file's bytes (and the portal's code): what the pages made from it depend on
    model_digest: str = ""  # the validated front matter and the line of each value, not the body: what lists of records show

    @property
    def path(self) -> str:
        """The path as shown in messages, relative to where the command ran."""
        return self.doc.path

    @property
    def body(self) -> str:
        return self.doc.body

    def line_of(self, loc: Location) -> int:
        return self.doc.line_of(loc)


@dataclass
class Portal:
    """Every assessment, objective, report and decision, keyed by id (decisions by ``YY-NNNNN``)."""

    root: Path
    today: dt.date
    eqias: dict[str, Record[Eqia]] = field(default_factory=dict)
    objectives: dict[str, Record[Objective]] = field(default_factory=dict)
    reports: dict[str, Record[Report]] = field(default_factory=dict)
    decisions: dict[str, Record[Decision]] = field(default_factory=dict)
    # Files that exist but did not validate, by folder and file stem: their own problems are
    # reported, so references to them must not also be reported as "no such file".
    unreadable: dict[str, set[str]] = field(default_factory=dict)

    @property
    def unreadable_eqias(self) -> set[str]:
        return self.unreadable.setdefault("eqias", set())

    def public_eqias(self) -> list[Record[Eqia]]:
        """Assessments shown on the site (everything but drafts), newest first, then by title."""
        items = [r for r in self.eqias.values() if r.model.is_public]
        return sorted(items, key=lambda r: (-(r.model.dates.published or dt.date.min).toordinal(), r.model.title))

    def public_successor(self, eqia: Eqia) -> str | None:
        """The id of the assessment that replaced ``eqia``, if readers can open it: a draft's is never published."""
        successor = self.eqias.get(eqia.superseded_by) if eqia.superseded_by else None
        return eqia.superseded_by if successor is not None and successor.model.is_public else None

    def decisions_relying_on(self, eqia_id: str) -> list[Record[Decision]]:
        return sorted((r for r in self.decisions.values() if eqia_id in r.model.eqias), key=lambda r: r.model.date)

    def objectives_naming(self, eqia_id: str) -> list[Record[Objective]]:
        """Objectives that name the assessment as evidence: the other end of ``Objective.eqias``."""
        return sorted((r for r in self.objectives.values() if eqia_id in r.model.eqias), key=lambda r: r.model.title)

    def reports_naming(self, eqia_id: str) -> list[Record[Report]]:
        """Annual reports that refer to the assessment: the other end of ``Report.eqias``."""
        return sorted((r for r in self.reports.values() if eqia_id in r.model.eqias), key=lambda r: r.model.year, reverse=True)

    def latest_in_force(self, count: int) -> list[Record[Eqia]]:
        """The newest assessments still in force: replaced and withdrawn ones are never "latest"."""
        return [r for r in self.public_eqias() if r.model.status is EqiaStatus.PUBLISHED][:count]

    def eqia_by_any_id(self, eqia_id: str) -> Record[Eqia] | None:
        """Find an assessment by its id or by one of its earlier ids (aliases)."""
        return self.by_any_id("eqias", eqia_id)

    def by_any_id(self, folder: str, key: str) -> Record | None:
        """The record of ``folder`` (``eqias``, ``objectives``...) with the id ``key`` or with ``key`` among its
        earlier ids (aliases); a decision's id is its number as in its file name, ``15-00045``."""
        items: dict[str, Record] = getattr(self, folder)
        if key in items:
            return items[key]
        alias = key.replace("-", "/") if folder == "decisions" else key  # a decision lists its earlier numbers as numbers
        return next((r for r in items.values() if alias in r.model.aliases), None)
