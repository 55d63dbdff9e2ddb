"""One page per public assessment at ``/eqias/<id>/``: what a resident needs in two minutes.

Order of the page (``templates/eqia.html``): status, easy-read link, summary, "at a glance",
who could be affected, what we will do, the body's own sections, version history, sign-off,
another format. Drafts are never built; superseded and withdrawn assessments keep their page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator

from eqportal.context import BuildContext
from eqportal.models import Decision, Eqia, Objective, Report, ScreeningEntry
from eqportal.models.eqia import CallIn, SignOff
from eqportal.models.vocab import CallInOutcome, Characteristic, SignOffRole
from eqportal.models.common import Contact, contact_or_default
from eqportal.portal import Portal, Record
from eqportal.registry import url_for
from eqportal.render.body import Body, render_body
from eqportal.reviews import ReviewStatus, review_status
from eqportal.site.page_cache import PageCache
from eqportal.site.pages import GeneratedPage
from eqportal.site.templating import render_page

FIXED_SECTIONS = {"at-a-glance": "At a glance", "who-could-be-affected": "Who could be affected", "action-plan": "What we will do"}
END_SECTIONS = {"call-ins": "Call-in and challenge", "version-history": "Version history", "sign-off": "Sign-off",
                "another-format": "Ask for this in another format"}
# Every id the page's own template gives (templates/eqia.html): a body's sections and elements may not take them
# ("## Screening findings" gave a second id="screening-findings"). Call-ins are numbered; 200 is beyond any file.
RESERVED = (frozenset(FIXED_SECTIONS) | frozenset(END_SECTIONS) | {"screening-findings"}
            | {f"screening-{c.value}" for c in Characteristic} | {f"call-in-{n}" for n in range(1, 201)})


@dataclass(frozen=True)
class CallInView:
    """One call-in by the Equality Group, with whether it is past its follow-up date on the day of the build."""

    call_in: CallIn
    past_follow_up: bool


@dataclass(frozen=True)
class SignatureView:
    """One signature box as the assessment records it: what a reader can truthfully be told."""

    entry: SignOff
    signed_after_publication: bool

    @property
    def state(self) -> str:
        """blank (as in the source), undated, late or signed."""
        if self.entry.is_blank:
            return "blank"
        if self.entry.date is None:
            return "undated"
        return "late" if self.signed_after_publication else "signed"


@dataclass(frozen=True)
class EqiaView:
    """What the assessment template shows, beyond the assessment's own fields."""

    eqia: Eqia
    body: Body
    successor: Eqia | None  # only when its page exists
    review_overdue: bool
    decisions: list[Decision]
    last_changed: dt.date | None
    contact: Contact
    objectives: list[Objective] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    call_ins: list[CallInView] = field(default_factory=list)
    signatures: list[SignatureView] = field(default_factory=list)

    @property
    def missing_signatures(self) -> list[SignOffRole]:
        """The form's signatures the assessment does not record at all (a screening needs none)."""
        present = {s.entry.role for s in self.signatures}
        return [role for role in SignOffRole if role not in present]

    @property
    def status(self) -> str:
        return self.eqia.status.value

    @property
    def contents(self) -> list[tuple[str, str]]:
        fixed = [(a, t) for a, t in FIXED_SECTIONS.items() if a != "action-plan" or self.eqia.actions]
        return fixed + [(s.anchor, s.title) for s in self.body.sections] + list(END_SECTIONS.items())

    @property
    def key_dates(self) -> list[tuple[str, dt.date]]:
        d = self.eqia.dates
        return [(label, value) for label, value in (("Screening", d.screening), ("Full assessment", d.full_assessment),
                ("Published", d.published), ("Last reviewed", d.last_reviewed), ("Next review", d.next_review)) if value]

    @staticmethod
    def notes(entry: ScreeningEntry) -> list[tuple[str, str]]:
        """What the screening found for one group; the long notes stay out of the table (it must fit a phone)."""
        return [(label, text) for label, text in (("What was found", entry.details), ("Action", entry.actions),
                                                  ("Opportunities", entry.opportunities)) if text]

    @property
    def has_findings(self) -> bool:
        return any(self.notes(s) for s in self.eqia.screening)


def pages(portal: Portal, context: BuildContext) -> Iterator[GeneratedPage]:
    cache = PageCache(context, "eqias")
    for record in portal.public_eqias():
        eqia_id = record.model.id
        # Everything eqia_view reads: the assessment, its successor, and the records that name it.
        inputs = [record, portal.eqias.get(record.model.superseded_by or ""), *portal.decisions_relying_on(eqia_id),
                  *portal.objectives_naming(eqia_id), *portal.reports_naming(eqia_id)]
        yield cache.page("eqia", inputs, lambda: eqia_page(portal, context, record))
    cache.save()


def eqia_view(portal: Portal, context: BuildContext, record: Record[Eqia]) -> EqiaView:
    eqia = record.model
    successor = portal.eqias.get(eqia.superseded_by or "")
    return EqiaView(
        eqia=eqia,
        body=render_body(record.body, reserved=RESERVED),
        successor=successor.model if successor and successor.model.is_public else None,
        review_overdue=review_status(eqia, context.today) is ReviewStatus.OVERDUE,
        decisions=[r.model for r in portal.decisions_relying_on(eqia.id)],
        last_changed=context.last_changed(record.source),
        contact=contact_or_default(eqia.contact),
        objectives=[r.model for r in portal.objectives_naming(eqia.id)],
        reports=[r.model for r in portal.reports_naming(eqia.id)],
        call_ins=[CallInView(c, c.outcome is CallInOutcome.OPEN and c.follow_up is not None and c.follow_up < context.today)
                  for c in eqia.call_ins],
        signatures=[SignatureView(s, bool(s.date and eqia.dates.published and s.date > eqia.dates.published)) for s in eqia.sign_off],
    )


def eqia_page(portal: Portal, context: BuildContext, record: Record[Eqia]) -> GeneratedPage:
    eqia = record.model
    return render_page(context, url_for(eqia), eqia.title, "eqia.html", source=record.source,
                       meta={"description": eqia.summary or eqia.title}, view=eqia_view(portal, context, record))
