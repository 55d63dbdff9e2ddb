"""An easy-read page as plain data: sections of points, each point a picture and a few sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from eqportal.glossary import Term
from eqportal.registry import BY_NAME


@dataclass(frozen=True)
class Link:
    text: str
    url: str  # the site address (eqportal.registry.url_for); the template makes it relative


@dataclass(frozen=True)
class Point:
    """One row: a picture on the left, the words on the right.

    ``author_field`` names the ``easy_read`` field the words came from (``about``,
    ``actions[1]``…), or is None when the generator wrote them. ``note`` holds a name or
    address shown as it is (not checked as sentences).
    """

    icon: str
    text: str
    author_field: str | None = None
    link: Link | None = None
    note: str | None = None


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    icon: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class EasyReadPage:
    kind: str  # "eqia" or "objective"
    id: str
    title: str  # the standard title: a name, shown as it is
    full_version: Link
    sections: tuple[Section, ...]
    hard_words: tuple[Term, ...] = field(default_factory=tuple)
    reviewed_by: str | None = None
    reviewed_on: str | None = None

    @property
    def url(self) -> str:
        return BY_NAME[self.kind].url(self.id, "easy-read")

    @property
    def points(self) -> list[Point]:
        return [p for s in self.sections for p in s.points]

    def text(self) -> str:
        """Everything the reader reads as sentences: headings, points, link words and hard words."""
        parts: list[str] = []
        for section in self.sections:
            parts.append(section.heading if section.heading[-1] in ".?!" else section.heading + ".")
            for point in section.points:
                parts.append(point.text)
                if point.link:
                    parts.append(point.link.text + ".")
        parts.append(self.full_version.text + ".")
        for term in self.hard_words:
            parts.append(f"{term.term.capitalize()}. {term.easy}")
        return " ".join(parts)
