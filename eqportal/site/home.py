"""The home page ``/``: what the portal is, how much it holds, what is new, how to ask for another format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from eqportal.context import BuildContext
from eqportal.models import Eqia
from eqportal.models.common import DEFAULT_CONTACT, Contact
from eqportal.models.vocab import EqiaStatus
from eqportal.portal import Portal
from eqportal.registry import HOME
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page

LATEST = 5
TITLE = "Kent County Council equality portal"


@dataclass(frozen=True)
class HomeView:
    in_force: int
    retired: int  # replaced or withdrawn, still public
    objectives: int
    reports: int
    decisions: int
    latest: list[Eqia]
    contact: Contact = DEFAULT_CONTACT


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage]:
    public = portal.public_eqias()
    in_force = sum(1 for r in public if r.model.status is EqiaStatus.PUBLISHED)
    view = HomeView(in_force, len(public) - in_force, len(portal.objectives), len(portal.reports), len(portal.decisions),
                    [r.model for r in public[:LATEST]])
    yield render_page(context, HOME, TITLE, "home.html", view=view,
                      meta={"description": "Equality impact assessments, objectives and reports of Kent County Council"})
