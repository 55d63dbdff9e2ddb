"""One page per public assessment at ``/eqias/<id>/``: what a resident needs in two minutes.

Order of the page: status, easy-read link, summary, "at a glance", who could be affected,
what we will do, the body's own sections, version history, sign-off, another format.
Drafts are never built; superseded and withdrawn assessments keep their page, marked.
"""

from __future__ import annotations

from typing import Iterator

from eqportal.history import last_changed
from eqportal.models import Eqia
from eqportal.models.vocab import EqiaStatus
from eqportal.portal import Portal, Record
from eqportal.render.body import render_body
from eqportal.reviews import ReviewStatus, review_status
from eqportal.site import html as h
from eqportal.site.common import (
    ANSWER_WORDS, IMPACT_WORDS, OUTCOME_WORDS, STATUS_WORDS, contact_html, directorate_url, eqia_url, public_ids, slug, src_uri,
)
from eqportal.site.html import e
from eqportal.site.pages import GeneratedPage

FIXED_SECTIONS = {"at-a-glance": "At a glance", "who-could-be-affected": "Who could be affected", "action-plan": "What we will do"}
END_SECTIONS = {"version-history": "Version history", "sign-off": "Sign-off", "another-format": "Ask for this in another format"}


def pages(portal: Portal) -> Iterator[GeneratedPage]:
    public = public_ids(portal)
    for record in portal.public_eqias():
        yield eqia_page(portal, record, public)


def eqia_page(portal: Portal, record: Record[Eqia], public: set[str]) -> GeneratedPage:
    eqia = record.model
    url = eqia_url(eqia.id)
    body = render_body(record.body, reserved=set(FIXED_SECTIONS) | set(END_SECTIONS))
    md = [f"# {h.md_text(eqia.title)}\n"]
    md.append(h.block(_status_notices(portal, eqia, url, public)))
    md.append(h.block(
        f'<p class="eqp-lede">{e(eqia.summary or "")}</p>'
        f'<p class="eqp-easy-read-link" data-search-exclude><a href="easy-read/">Read the easy read version of this assessment</a></p>'
    ))
    if body.intro_html:
        md.append(h.block(f'<div class="eqp-prose" data-search-exclude>{body.intro_html}</div>'))
    contents = [(a, t) for a, t in FIXED_SECTIONS.items() if a != "action-plan" or eqia.actions]
    contents += [(s.anchor, s.title) for s in body.sections] + list(END_SECTIONS.items())
    md.append(h.block(
        '<nav class="eqp-contents" aria-label="Contents" data-search-exclude><p class="eqp-contents__title">Contents</p><ol class="eqp-contents__list">'
        + "".join(f'<li><a href="#{a}">{e(t)}</a></li>' for a, t in contents) + "</ol></nav>"
    ))
    md.append(h.heading(2, "At a glance", "at-a-glance"))
    md.append(h.block(_at_a_glance(portal, eqia, url)))
    md.append(h.heading(2, "Who could be affected", "who-could-be-affected"))
    md.append(h.block(_screening(eqia)))
    if eqia.actions:
        md.append(h.heading(2, "What we will do", "action-plan"))
        md.append(h.block(_actions(eqia)))
    for section in body.sections:
        md.append(h.heading(2, section.title, section.anchor))
        if section.html:
            md.append(h.block(f'<div class="eqp-prose" data-search-exclude>{section.html}</div>'))
    md.append(h.heading(2, "Version history", "version-history"))
    md.append(h.block(_versions(eqia, record)))
    md.append(h.heading(2, "Sign-off", "sign-off"))
    md.append(h.block(_sign_off(eqia)))
    md.append(h.heading(2, "Ask for this in another format", "another-format"))
    md.append(h.block(
        '<div data-search-exclude><p>You can ask for this assessment in large print, easy read, audio, Braille or another language.</p>'
        + contact_html(eqia.contact) + "</div>"
    ))
    return GeneratedPage(src_uri(url), eqia.title, "".join(md), source=record.source, meta={"description": eqia.summary or eqia.title})


def _status_notices(portal: Portal, eqia: Eqia, url: str, public: set[str]) -> str:
    notices = []
    if eqia.status is EqiaStatus.SUPERSEDED:
        successor = portal.eqias.get(eqia.superseded_by or "")
        if successor and successor.model.id in public:
            target = h.link(url, eqia_url(successor.model.id), successor.model.title)
            notices.append(h.notice(f"<strong>Replaced.</strong> This assessment has been replaced by {target}.", "superseded"))
        else:
            notices.append(h.notice("<strong>Replaced.</strong> This assessment has been replaced by a newer one.", "superseded"))
    elif eqia.status is EqiaStatus.WITHDRAWN:
        reason = f" {e(eqia.withdrawn_reason)}" if eqia.withdrawn_reason else ""
        notices.append(h.notice(f"<strong>Withdrawn.</strong> This assessment no longer applies.{reason}", "withdrawn"))
    if review_status(eqia, portal.today) is ReviewStatus.OVERDUE:
        notices.append(h.notice(
            f"<strong>Review overdue.</strong> This assessment was due for review on {h.date(eqia.dates.next_review)}. "
            "It may not reflect the service as it is now.", "overdue"))
    return "".join(notices)


def _at_a_glance(portal: Portal, eqia: Eqia, url: str) -> str:
    d = eqia.dates
    dates = "".join(f"<li>{label}: {h.date(value)}</li>" for label, value in (
        ("Screening", d.screening), ("Full assessment", d.full_assessment), ("Published", d.published),
        ("Last reviewed", d.last_reviewed), ("Next review", d.next_review)) if value)
    decisions = portal.decisions_relying_on(eqia.id)
    decision_items = "".join(
        f"<li>{e(r.model.number)}: {e(r.model.title)} ({e(r.model.decision_maker)}, {h.date(r.model.date)})</li>" for r in decisions)
    rows = [
        ("Status", e(STATUS_WORDS[eqia.status])),
        ("What is assessed", f"{e(eqia.kind.value.capitalize())}: {_quiet(e(eqia.summary or eqia.title))}"),
        ("Directorate", h.link(url, directorate_url(eqia.directorate), eqia.directorate)),
        ("Service", e(eqia.service)),
        ("Responsible officer", e(eqia.owner)),
        ("Stage", "Full assessment" if eqia.stage.value == "full" else "Screening"),
        ("Key dates", f'<div data-search-exclude><ul class="eqp-list">{dates}</ul></div>' if dates else ""),
        ("Key decisions it informed", f'<ul class="eqp-list">{decision_items}</ul>' if decisions else "None recorded"),
    ]
    if eqia.proportionality:
        rows.append(("Relevance to equality", f"{e(eqia.proportionality.rating.value.capitalize())}. {_quiet(e(eqia.proportionality.reason))}"))
    if eqia.judgement:
        rows.append(("Judgement", f"{e(OUTCOME_WORDS[eqia.judgement.outcome])}. {_quiet(e(eqia.judgement.justification))}"))
    return h.summary_list(rows)


def _quiet(markup: str) -> str:
    """Shown to readers, left out of the search index (which holds what people search for, not every word)."""
    return f"<span data-search-exclude>{markup}</span>"


def _screening(eqia: Eqia) -> str:
    """The ratings as a compact table (it fits a phone), then what was found for each group.

    The long notes stay out of the table: in a seven-column grid on a narrow screen each row
    grew thousands of pixels tall, with the words off to the side.
    """
    if not eqia.screening:
        return "<p>No screening has been recorded for this assessment.</p>"
    rows = [[
        f'<a href="#screening-{s.characteristic.value}">{e(s.characteristic.label)}</a>' if _notes(s) else e(s.characteristic.label),
        _word(ANSWER_WORDS[s.adverse]),
        _word(IMPACT_WORDS[s.negative_impact]),
        _word(IMPACT_WORDS[s.positive_impact]),
    ] for s in eqia.screening]
    findings = "".join(
        f'<h4 id="screening-{s.characteristic.value}">{e(s.characteristic.label)}</h4>'
        + h.summary_list((label, f"<p>{e(text)}</p>") for label, text in _notes(s))
        for s in eqia.screening if _notes(s)
    )
    return (
        "<p data-search-exclude>For each group, could the change affect people less favourably than others in Kent, and how much?</p>"
        + h.table(f"Screening of {eqia.title}: impact on each group",
                  ["Group", "Could it affect this group less favourably?", "Negative impact", "Positive impact"], rows, cls="eqp-table--screening")
        + (f'<div class="eqp-screening-findings" data-search-exclude><h3 id="screening-findings">What the screening found for each group</h3>{findings}</div>' if findings else "")
    )


def _notes(entry) -> list[tuple[str, str]]:
    return [(label, text) for label, text in (("What was found", entry.details), ("Action", entry.actions),
                                              ("Opportunities", entry.opportunities)) if text]


def _word(word: str) -> str:
    """A rating in words; the modifier class repeats the word, so colour only ever adds to it."""
    return f'<span class="eqp-rating eqp-rating--{slug(word)}">{e(word)}</span>'


def _actions(eqia: Eqia) -> str:
    rows = [[
        e(a.issue), e(a.action), e(", ".join("Everyone" if c.value == "all" else c.value.replace("-", " ").capitalize() for c in a.characteristics)),
        e(a.outcome), e(a.owner), e(a.timescale), e(a.cost), e(a.status.value.replace("-", " ").capitalize() if a.status else ""),
    ] for a in eqia.actions]
    return h.table("Action plan", ["Issue", "Action", "Groups", "Expected outcome", "Owner", "Timescale", "Cost", "Status"], rows, search=False)


def _versions(eqia: Eqia, record: Record[Eqia]) -> str:
    changed = last_changed(record.source)
    out = f'<p class="eqp-last-changed">Last changed: {h.date(changed)}</p>' if changed else ""
    if not eqia.versions:
        return out + "<p>No earlier versions recorded.</p>"
    rows = [[e(v.version), h.date(v.date), e(v.author), e(v.comment)] for v in eqia.versions]
    return out + h.table("Version history", ["Version", "Date", "Author", "Changes"], rows, search=False)


def _sign_off(eqia: Eqia) -> str:
    if not eqia.sign_off:
        return "<p>Not yet signed off.</p>"
    rows = [[e(s.role), e(s.name), h.date(s.date) if s.date else ""] for s in eqia.sign_off]
    return h.table("Sign-off", ["Role", "Name", "Date"], rows, search=False)
