"""What several builders share: page URLs, words for ratings and statuses, the default contact."""

from __future__ import annotations

import re

from eqportal.models import Eqia
from eqportal.models.common import Contact
from eqportal.models.vocab import Answer, Characteristic, EqiaStatus, Impact, JudgementOutcome
from eqportal.portal import Portal
from eqportal.site.html import e

DEFAULT_CONTACT = Contact(team="Equality and Diversity Team", email="diversity@kent.gov.uk", phone="03000 41 41 41")

ANSWER_WORDS = {Answer.YES: "Yes", Answer.NO: "No", Answer.UNKNOWN: "Not known"}
IMPACT_WORDS = {Impact.HIGH: "High", Impact.MEDIUM: "Medium", Impact.LOW: "Low", Impact.NONE: "None", Impact.UNKNOWN: "Not known"}
STATUS_WORDS = {EqiaStatus.PUBLISHED: "Published", EqiaStatus.SUPERSEDED: "Replaced by a newer assessment", EqiaStatus.WITHDRAWN: "Withdrawn", EqiaStatus.DRAFT: "Draft"}
OUTCOME_WORDS = {
    JudgementOutcome.SCREENING_SUFFICIENT: "Screening is enough: no further assessment needed",
    JudgementOutcome.INTERNAL_ACTION: "Internal action needed to reduce possible adverse impact",
    JudgementOutcome.FULL_ASSESSMENT: "A full assessment is needed",
}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def eqia_url(eqia_id: str) -> str:
    return f"/eqias/{eqia_id}/"


def decision_url(decision_id: str) -> str:
    """A decision's own entry in the register: ``15-00045`` -> ``/decisions/#decision-15-00045``."""
    return f"/decisions/#decision-{decision_id}"


def commissioning_stage_url(stage) -> str:
    return f"/eqias/stages/{stage.value}/"


def directorate_url(directorate: str) -> str:
    return f"/eqias/directorates/{slug(directorate)}/"


def characteristic_url(characteristic: Characteristic) -> str:
    return f"/eqias/characteristics/{characteristic.value}/"


def year_url(year: int) -> str:
    return f"/eqias/years/{year}/"


def objective_url(objective_id: str) -> str:
    return f"/objectives/{objective_id}/"


def report_url(report_id: str) -> str:
    return f"/reports/{report_id}/"


def src_uri(url: str) -> str:
    """The Markdown path MkDocs needs for a page URL: ``/eqias/x/`` -> ``eqias/x/index.md``."""
    path = url.strip("/")
    return f"{path}/index.md" if path else "index.md"


def public_ids(portal: Portal) -> set[str]:
    return {r.model.id for r in portal.public_eqias()}


def eqia_year(eqia: Eqia) -> int | None:
    first = eqia.dates.published or eqia.dates.full_assessment or eqia.dates.screening
    return first.year if first else None


def contact_html(contact: Contact | None) -> str:
    """How to reach the team: address lines with mail and phone links."""
    c = contact or DEFAULT_CONTACT
    lines = []
    if c.team:
        lines.append(f"<strong>{e(c.team)}</strong>")
    if c.email:
        lines.append(f'Email: <a href="mailto:{e(c.email)}">{e(c.email)}</a>')
    if c.phone:
        lines.append(f'Phone: <a href="tel:{e(c.phone.replace(" ", ""))}">{e(c.phone)}</a>')
    if c.text_relay:
        lines.append(f"Text relay: {e(c.text_relay)}")
    if c.address:
        lines.append(f"Post: {e(c.address)}")
    if not (c.email or c.phone or c.address):
        return contact_html(DEFAULT_CONTACT)
    return '<address class="eqp-contact">' + "<br>".join(lines) + "</address>"


def characteristic_list(characteristics) -> str:
    return ", ".join(e(c.label) for c in characteristics) or "None found"
