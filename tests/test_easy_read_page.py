"""A rendered easy-read page: its sections, picture-then-words rows, hard words and links."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from eqportal.easyread import eqia_page, render
from eqportal.easyread.checks import hard_words_used
from eqportal.site.easy_read import pages
from tests.fixtures.easy_read.helpers import content_with, load
from tests.site_fixture import as_shown, fixture_context


@pytest.fixture
def portal(tmp_path):
    portal, problems = load(content_with(tmp_path))
    assert problems == []
    return portal


@pytest.fixture
def soup(portal):
    return BeautifulSoup(render(eqia_page(portal.eqias["day-centre-opening-hours"].model)), "html.parser")


def test_sections_come_in_the_easy_read_order(soup):
    assert [h.get_text() for h in soup.select("h2")] == [
        "What is this about?", "Who could this affect?", "What will we do?", "When will we check again?",
        "Tell us what you think or ask for help", "Hard words"]
    assert soup.h1.get_text() == "Easy read: Day centre opening hours"


def test_every_point_is_a_picture_then_words(soup):
    rows = soup.select("li.eqp-easy-read__point")
    assert len(rows) >= 10
    for row in rows:
        picture, words = row.find_all(recursive=False)
        assert "eqp-easy-read__picture" in picture["class"] and picture.svg["aria-hidden"] == "true"
        assert "eqp-easy-read__words" in words["class"] and words.get_text(strip=True)


def test_points_say_who_is_affected_and_how_much(soup):
    section = soup.find(id="eqp-easy-read-affects").parent
    texts = [li.get_text(" ", strip=True) for li in section.select("li")]
    assert texts == [
        "This could affect older people and younger people. It could have a big effect.",
        "This could affect disabled people. It could have some effect.",
        "This could affect people from different ethnic backgrounds. It could have a small effect.",
        "This could affect people who do not speak English well. It could have a small effect.",
        "This could affect people who look after someone. We do not know yet how big the effect could be.",
    ]


def test_author_text_and_review_date_are_used(soup):
    assert "We will keep 2 early mornings each week." in soup.find(id="eqp-easy-read-actions").parent.get_text()
    assert "We will check this again in March 2025." in soup.get_text()


def test_every_hard_word_used_has_a_glossary_entry(soup):
    soup_without_glossary = BeautifulSoup(str(soup), "html.parser")
    glossary_section = soup_without_glossary.find(id="eqp-easy-read-hard-words").parent
    listed = [d.get_text() for d in glossary_section.select("dfn")]
    glossary_section.decompose()
    used = [t.term for t in hard_words_used(soup_without_glossary.get_text(" "))]
    assert used == ["equality impact assessment", "ethnic background"]
    assert [w.lower() for w in listed] == used


def test_contact_defaults_to_the_equality_team_with_links(soup):
    links = {a["href"] for a in soup.find(id="eqp-easy-read-contact").parent.select("a")}
    assert links == {"tel:03000414141", "mailto:diversity@kent.gov.uk"}
    assert soup.select_one(".eqp-easy-read__full a")["href"] == "../index.md"  # the front end makes it ../


def test_the_builder_makes_a_page_per_public_assessment_and_an_index(portal):
    made = {p.url: p for p in pages(portal, fixture_context())}
    assert set(made) == {"/eqias/day-centre-opening-hours/easy-read/", "/easy-read/"}
    index = BeautifulSoup(as_shown(made["/easy-read/"].html), "html.parser")
    assert index.caption and [th["scope"] for th in index.select("thead th")] == ["col"] * 3
    assert [th["scope"] for th in index.select("tbody th")] == ["row"]
    assert index.select_one("tbody tr").get_text(" ", strip=True).endswith("Checked by Kent Learning Disability Voice on 2024-04-01")
    assert index.select_one("tbody a")["href"] == "../eqias/day-centre-opening-hours/easy-read/"


def test_drafts_get_no_easy_read_page(tmp_path):
    root = content_with(tmp_path)
    path = root / "eqias" / "day-centre-opening-hours.md"
    path.write_text(path.read_text().replace("status: published", "status: draft"))
    portal, _ = load(root)
    assert [p.url for p in pages(portal, fixture_context())] == ["/easy-read/"]
