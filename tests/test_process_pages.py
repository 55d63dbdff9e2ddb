"""The council's process on the pages, truthfully: stage, call-ins, sign-off, judgement, decisions, links, status."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from eqportal.context import BuildContext
from eqportal.loader import load_portal
from eqportal.site import generate
from eqportal.site.pages import GeneratedPage
from tests.site_fixture import as_shown

CONTENT = Path(__file__).resolve().parents[1] / "content"
TODAY = dt.date(2026, 11, 30)
SITE_URL = "https://equality.example.gov.uk/"


@pytest.fixture(scope="module")
def site():
    portal, problems = load_portal(CONTENT, today=TODAY)
    assert problems == []
    return {item.url: item for item in generate(portal, BuildContext(today=TODAY, site_url=SITE_URL))}


def soup(site, url: str) -> BeautifulSoup:
    page = site[url]
    assert isinstance(page, GeneratedPage)
    return BeautifulSoup(as_shown(page.html), "html.parser")


def fact(page: BeautifulSoup, key: str) -> str:
    dt_ = next(d for d in page.select("dt") if d.get_text(strip=True) == key)
    return dt_.find_next_sibling("dd").get_text(" ", strip=True)


def section(page: BeautifulSoup, anchor: str) -> str:
    """The text from a heading to the next heading of the same level."""
    heading = page.find(id=anchor)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == heading.name:
            break
        parts.append(sibling.get_text(" ", strip=True))
    return " ".join(parts)


def test_stage_is_shown_and_links_its_index(site):
    offer = soup(site, "/eqias/library-service-offer-2025/")
    assert fact(offer, "Commissioning cycle") == "Plan"
    link = next(a for a in offer.select("dd a") if a.get_text() == "Plan")
    assert link["href"] == "../stages/plan/"
    assert fact(soup(site, "/eqias/customer-service-policy/"), "Commissioning cycle") == "Not recorded in the assessment"


def test_an_index_page_per_stage_works_without_javascript(site):
    for stage, ids in {"analyse": {"older-persons-day-services-2018"}, "plan": {"library-service-offer-2025"},
                       "do": {"special-school-places-programme", "street-lighting-led-conversion"},
                       "review": {"libraries-opening-hours-2016"}}.items():
        page = soup(site, f"/eqias/stages/{stage}/")
        listed = {a["href"].split("/")[-2] for a in page.select("table.eqp-table--index tbody th a")}
        assert listed == ids, stage
        assert not page.find("script")
    everything = soup(site, "/eqias/")
    assert [a.get_text() for a in everything.find(id="by-stage").find_next("ul").select("a")] == ["Analyse", "Plan", "Do", "Review"]
    assert "1 assessment does not record a stage." in everything.get_text(" ")
    assert everything.select("table.eqp-table--index thead th")[-1].get_text() == "Commissioning stage"


def test_judgement_is_in_the_councils_own_words(site):
    assert fact(soup(site, "/eqias/customer-service-policy/"), "Judgement").startswith("Option 3: full impact assessment.")


def test_call_ins_are_their_own_section_and_say_when_a_challenge_is_overdue(site):
    offer = soup(site, "/eqias/library-service-offer-2025/")
    text = section(offer, "call-ins")
    assert "GET Equality Group, 9 September 2025" in text
    assert "How will the changes to mobile library stops affect older and disabled people in villages with no library?" in text
    assert "No response recorded yet." in text
    assert "Challenge still open . The group will follow it up on 4 November 2025 ; that date has passed and no outcome is recorded." in text
    assert [a["href"] for a in offer.select("nav.eqp-contents a") if a["href"] == "#call-ins"] == ["#call-ins"]
    old = section(soup(site, "/eqias/libraries-opening-hours-2016/"), "call-ins")
    assert "Assessment revised" in old and "that date has passed" not in old
    assert "No call-in by the Equality Group is recorded for this assessment." in section(soup(site, "/eqias/customer-service-policy/"), "call-ins")


def test_blank_sign_off_is_shown_as_blank_never_as_signed(site):
    text = section(soup(site, "/eqias/customer-service-policy/"), "sign-off")
    assert text.count("Blank: the source document leaves this signature without a job title, name or date.") == 2
    assert "Senior officer" in text and "Directorate Management Team member" in text
    assert "The published document leaves the senior officer's signature, name, job title and date blank." in text


def test_late_and_missing_signatures_are_said(site):
    school = section(soup(site, "/eqias/special-school-places-programme/"), "sign-off")
    assert "29 March 2016 (after the assessment was published)" in school
    lighting = section(soup(site, "/eqias/street-lighting-led-conversion/"), "sign-off")
    assert "No signature is recorded from: Directorate Management Team member." in lighting


def test_assessment_links_the_decisions_that_relied_on_it_to_their_anchors(site):
    page = soup(site, "/eqias/customer-service-policy/")
    link = next(a for a in page.select("dd a") if a.get_text().startswith("15/00045"))
    assert link["href"] == "../../decisions/#decision-15-00045"
    assert "Adopt the Customer Service Policy and its three principles" in fact(page, "Key decisions it informed")
    register = soup(site, "/decisions/")
    row = register.find(id="decision-15-00045")
    assert row.name == "tr" and "Adopt the Customer Service Policy and its three principles" in row.get_text(" ")
    assert "No link to the council's record: this is not a real decision" in row.get_text(" ")


def test_objectives_reports_and_assessments_link_both_ways(site):
    page = soup(site, "/eqias/customer-service-policy/")
    objectives = [a["href"] for a in page.select("dd a") if "/objectives/" in a["href"]]
    assert "../../objectives/accessible-ict/" in objectives
    assert [a["href"] for a in page.select("dd a") if "/reports/" in a["href"]] == ["../../reports/equality-report-2015-16/"]
    objective = soup(site, "/objectives/accessible-ict/")
    assert "Customer Service Policy (Published)" in section(objective, "assessments")
    report = soup(site, "/reports/equality-report-2015-16/")
    assert "Library opening hours 2016 (Replaced by a newer assessment)" in section(report, "assessments")


def test_status_is_shown_wherever_an_assessment_is_listed(site):
    home = soup(site, "/")
    latest = [li.get_text(" ", strip=True) for li in home.find(id="latest").find_next("ul").select("li")]
    assert latest and all("(Published:" in item for item in latest)
    assert not any("2016" in item and "Library opening hours" in item for item in latest)  # replaced: never "latest"
    assert not any("day services" in item for item in latest)  # withdrawn: never "latest"
    withdrawn = soup(site, "/eqias/older-persons-day-services-2018/")
    status = withdrawn.select_one(".eqp-page-status")
    assert status.get_text(" ", strip=True) == "Status: Withdrawn" and not status.find_parent(attrs={"data-search-exclude": True})
    assert soup(site, "/eqias/street-lighting-led-conversion/").select_one(".eqp-page-status").get_text(" ", strip=True) == "Status: Published (review overdue)"


def test_feed_links_are_absolute_from_site_url(site):
    root = ET.fromstring(site["/feed.xml"].content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [link.get("href") for link in root.findall("a:entry/a:link", ns)]
    assert links and all(link.startswith(SITE_URL + "eqias/") for link in links)
    assert root.find("a:link[@rel='self']", ns).get("href") == SITE_URL + "feed.xml"


def test_easy_read_index_shows_each_assessments_status(site):
    rows = {tr.th.get_text(strip=True): tr.find_all("td")[0].get_text(strip=True) for tr in soup(site, "/easy-read/").select("tbody tr")}
    assert rows["Older people's day services proposal 2018"] == "Assessment (Withdrawn)"
    assert rows["Customer Service Policy"] == "Assessment (Published)"
