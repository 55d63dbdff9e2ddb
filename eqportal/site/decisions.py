"""``/decisions/``: the key-decision register with its coverage audit, and ``/data/decisions.csv``.

Built from :func:`eqportal.audit.run_audit`, the same data ``eqportal audit`` prints, so the
page and the command never disagree. Findings never stop the build: publishing the gap is
the point. Verdicts are always words; colour, where the theme adds it, only repeats them.
"""

from __future__ import annotations

from itertools import groupby
from typing import Iterator

from eqportal.audit import Audit, DecisionCoverage, RelianceState, Verdict, run_audit
from eqportal.csvsafe import csv_text
from eqportal.portal import Portal
from eqportal.site import html as h
from eqportal.site.common import eqia_url, src_uri
from eqportal.site.html import e
from eqportal.site.pages import GeneratedFile, GeneratedPage

URL = "/decisions/"
TITLE = "Key decisions and their equality analyses"

# The columns of /data/decisions.csv are a published contract: add new ones at the end, never rename or drop one.
CSV_COLUMNS = (
    "number", "title", "date", "reporting_year", "status", "decision_maker", "directorate",
    "eqias", "coverage", "no_eqia_reason", "notes", "illustrative", "url", "checked_on",
)

VERDICT_MEANINGS = (
    (Verdict.COVERED, "An equality analysis was published before the decision was taken."),
    (Verdict.COVERED_LATE, "An equality analysis exists, but it was published or completed after the decision."),
    (Verdict.NOT_NEEDED, "The decision record says why no equality analysis was needed."),
    (Verdict.MISSING, "No published equality analysis before the decision, and no reason given."),
    (Verdict.NOT_TAKEN, "The decision is proposed and has not been taken yet."),
)


def pages(portal: Portal) -> Iterator[GeneratedPage | GeneratedFile]:
    audit = run_audit(portal)
    yield GeneratedPage(src_uri(URL), TITLE, register_markdown(portal, audit), meta={"description": "Every key decision, the equality analyses it relied on, and whether they were published in time."})
    yield GeneratedFile("data/decisions.csv", decisions_csv(portal, audit))


def register_markdown(portal: Portal, audit: Audit) -> str:
    md = [f"# {TITLE}\n", h.block(
        '<p class="eqp-lede">The council publishes an equality analysis with every key decision. '
        "This page checks each decision in the register against the dates the analyses were published.</p>"
        f'<p class="eqp-checked">Checked on {h.date(portal.today)}, when this site was last built. '
        'The same figures are in the <a href="' + e(h.rel(URL, "/data/decisions.csv")) + '">decisions open data (CSV file)</a>.</p>'
    )]
    if any(item.decision.illustrative for item in audit.decisions):
        md.append(h.block(h.notice(
            "<strong>Illustrative records.</strong> Some decisions on this page are examples, not real council decisions. "
            "Each one is marked “Illustrative example”.", "illustrative")))
    md.append(h.heading(2, "Coverage by year", "coverage"))
    if audit.years:
        md.append(h.block('<ul class="eqp-list">' + "".join(f"<li>{e(y.sentence)}</li>" for y in audit.years) + "</ul>"))
        rows = [[e(y.year), e(y.taken), e(y.covered), e(y.late), e(y.missing), e(y.not_needed)] for y in audit.years]
        md.append(h.block(h.table("Key decisions taken each reporting year, by coverage", ["Reporting year", "Decisions taken", "Covered", "Covered late", "Missing", "Not needed"], rows, search=False)))
    else:
        md.append(h.block("<p>No key decisions have been taken yet.</p>"))
    md.append(h.heading(2, "What the verdicts mean", "verdicts"))
    md.append(h.block(h.summary_list((v.label, e(meaning)) for v, meaning in VERDICT_MEANINGS)))
    newest_first = sorted(audit.decisions, key=lambda d: (d.year, d.decision.date, d.decision.number), reverse=True)
    for year, items in groupby(newest_first, key=lambda d: d.year):
        md.append(h.heading(2, f"Decisions in {year}", f"year-{year}"))
        rows = [_row(item) for item in items]
        md.append(h.block(h.table(f"Key decisions in {year}", ["Decision", "Date", "Decision maker", "Directorate", "Equality analyses", "Coverage"], rows, search=False, cls="eqp-decisions")))
    if not audit.decisions:
        md.append(h.block("<p>The register is empty.</p>"))
    return "".join(md)


def _row(item: DecisionCoverage) -> list[str]:
    d = item.decision
    name = f"{e(d.number)}: {e(d.title)}"
    if d.url:
        name = f'<a href="{e(d.url)}">{name}</a>'
    if d.illustrative:
        name += ' <span class="eqp-tag eqp-tag--illustrative">Illustrative example</span>'
    return [name, h.date(d.date), e(d.decision_maker), e(d.directorate), _analyses(item), _verdict(item)]


def _analyses(item: DecisionCoverage) -> str:
    if not item.reliances:
        return "None"
    entries = []
    for r in item.reliances:
        if r.eqia is None or r.state is RelianceState.DRAFT:
            entries.append(f"<li>{e(r.ref)} ({e(r.note)})</li>")  # drafts have no page and stay unnamed
        else:
            entries.append(f"<li>{h.link(URL, eqia_url(r.eqia.id), r.eqia.title)} ({e(r.note)})</li>")
    return '<ul class="eqp-list eqp-list--compact">' + "".join(entries) + "</ul>"


def _verdict(item: DecisionCoverage) -> str:
    """The verdict in words (a class only lets the theme repeat it in colour), then why."""
    return f'<strong class="eqp-verdict eqp-verdict--{item.verdict.value}">{e(item.verdict.label)}</strong><br>{e(item.explanation)}'


def decisions_csv(portal: Portal, audit: Audit) -> str:
    rows = []
    for item in sorted(audit.decisions, key=lambda d: d.decision.number):
        d = item.decision
        rows.append({
            "number": d.number, "title": d.title, "date": d.date.isoformat(), "reporting_year": item.year,
            "status": d.status.value, "decision_maker": d.decision_maker, "directorate": d.directorate,
            "eqias": ";".join(d.eqias), "coverage": item.verdict.value, "no_eqia_reason": d.no_eqia_reason or "",
            "notes": " | ".join(f.message for f in item.findings), "illustrative": "true" if d.illustrative else "false",
            "url": d.url or "", "checked_on": portal.today.isoformat(),
        })
    return csv_text(CSV_COLUMNS, rows)


