"""The easy-read version says what the screening grid says, for every possible row.

A small reader, written here independently of the generator's table of meanings, reads each
group's point back into (could it be worse, how much, could it be better). Every combination
of answer x negative rating x positive rating must read back as the grid row it came from,
for every group; and every sample assessment's easy-read page must agree with its own grid.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from eqportal.easyread import eqia_page
from eqportal.site.easy_read import easy_read_pages as site_easy_read_pages
from eqportal.easyread.checks import MAX_SENTENCES, point_problems
from eqportal.easyread.lexicon import lexicon
from eqportal.easyread.readability import sentences
from eqportal.loader import load_portal
from eqportal.models import Eqia
from eqportal.models.vocab import Answer, Characteristic, Impact

CONTENT = Path(__file__).resolve().parents[1] / "content"
COMBINATIONS = list(itertools.product(Answer, Impact, Impact))
SIZES = {"a lot": Impact.HIGH, "quite a bit": Impact.MEDIUM, "a little": Impact.LOW}
RISKS = {"a big risk": Impact.HIGH, "some risk": Impact.MEDIUM, "a small risk": Impact.LOW}


def read_back(text: str) -> tuple[str, Answer, Impact | None, Impact]:
    """(group, worse answer, how much worse if said, better rating) as a reader would understand the point."""
    group = re.match(r"Here is what we found for (.+?)\.", text)
    assert group, text
    worse = [s for s in sentences(text) if "worse" in s or "risk" in s]
    better = [s for s in sentences(text) if "better" in s]
    assert len(better) == 1, text
    claims = {
        Answer.YES: [s for s in worse if re.fullmatch(r"This could make things (.+ )?worse for them\.", s)],
        Answer.NO: [s for s in worse if s == "We do not think this will make things worse for them."],
        Answer.UNKNOWN: [s for s in worse if s == "We do not know yet if this could make things worse for them."],
    }
    said = [answer for answer, found in claims.items() if found]
    assert len(said) == 1, f"exactly one answer to 'could it be worse?' expected: {text}"
    answer = said[0]
    how_much = None
    for words, rating in (RISKS if answer is Answer.NO else SIZES).items():
        if any(words in s for s in worse):
            assert how_much is None, text
            how_much = rating
    (b,) = better
    if b == "We do not think this will make things better for them.":
        positive = Impact.NONE
    elif b == "We do not know yet if this could make things better for them.":
        positive = Impact.UNKNOWN
    else:
        size = re.fullmatch(r"This could make things (a lot|quite a bit|a little) better for them\.", b)
        assert size, text
        positive = SIZES[size[1]]
    return group[1], answer, how_much, positive


def grid_eqia(adverse: Answer, negative: Impact, positive: Impact) -> Eqia:
    return Eqia.model_validate({
        "id": "grid", "title": "Grid", "kind": "service", "directorate": "Test", "status": "published", "stage": "screening",
        "screening": [{"characteristic": c.value, "adverse": adverse.value, "negative_impact": negative.value,
                       "positive_impact": positive.value, "details": "Some people need help with English."} for c in Characteristic],
    })


def expected_size(answer: Answer, negative: Impact) -> Impact | None:
    """How much worse a truthful sentence may say: only a rating the grid gives, never one it does not."""
    return negative if negative in SIZES.values() else None


def affects_points(page):
    return [p for p in next(s for s in page.sections if s.key == "affects").points if p.author_field is None]


@pytest.mark.parametrize("adverse, negative, positive", COMBINATIONS, ids=lambda v: v.value)
def test_every_combination_reads_back_as_its_grid_row(adverse, negative, positive):
    page = eqia_page(grid_eqia(adverse, negative, positive))
    points = affects_points(page)
    lex = lexicon()
    groups = [lex.characteristics[c].phrase for c in Characteristic] + [lex.language.phrase]
    assert sorted(read_back(p.text)[0] for p in points) == sorted(groups)
    for point in points:
        _, answer, how_much, better = read_back(point.text)
        assert (answer, how_much, better) == (adverse, expected_size(adverse, negative), positive), point.text


@pytest.mark.parametrize("adverse, negative, positive", COMBINATIONS, ids=lambda v: v.value)
def test_every_combination_is_easy_read_and_never_an_effect_without_good_or_bad(adverse, negative, positive):
    for point in affects_points(eqia_page(grid_eqia(adverse, negative, positive))):
        assert point_problems(point.text) == []
        assert len(sentences(point.text)) <= MAX_SENTENCES
        assert not re.search(r"\b(effect|affect|impact)", point.text, re.IGNORECASE), point.text


def test_the_table_of_meanings_has_every_combination():
    meanings = lexicon().screening
    assert set(meanings.worse) == set(itertools.product(Answer, Impact))
    assert set(meanings.better) == set(Impact)


def easy_read_pages(portal):
    """(url, page) of every easy-read page the site builds, reviews judged as of the portal's day."""
    return [(page.url, page) for page, _ in site_easy_read_pages(portal, portal.today)]


@pytest.fixture(scope="module")
def sample():
    portal, problems = load_portal(CONTENT, today=dt.date(2026, 11, 30))
    assert problems == []
    return portal


def test_the_samples_easy_read_pages_agree_with_their_grids(sample):
    lex = lexicon()
    checked = 0
    for url, page in easy_read_pages(sample):
        if page.kind != "eqia":
            continue
        eqia = sample.eqias[page.id].model
        by_group = {read_back(p.text)[0]: read_back(p.text)[1:] for p in affects_points(page)}
        for row in eqia.screening:
            said = by_group[lex.characteristics[row.characteristic].phrase]
            assert said == (row.adverse, expected_size(row.adverse, row.negative_impact), row.positive_impact), (url, row.characteristic)
            checked += 1
    assert checked == 60  # six public sample assessments, ten rows each


def test_customer_service_policy_no_longer_says_sex_could_be_worse(sample):
    page = next(p for u, p in easy_read_pages(sample) if p.id == "customer-service-policy")
    text = " ".join(p.text for p in affects_points(page))
    for group in ("women and men", "transgender people", "people who are married or in a civil partnership"):
        point = next(p.text for p in affects_points(page) if p.text.startswith(f"Here is what we found for {group}."))
        assert "We do not think this will make things worse for them." in point
    assert "effect" not in text


def test_street_lighting_easy_read_says_it_is_about_street_lights(sample):
    page = next(p for u, p in easy_read_pages(sample) if p.id == "street-lighting-led-conversion")
    about = " ".join(p.text for p in page.sections[0].points)
    assert "It is about street lighting." in about


def test_overdue_review_is_said_first_and_in_the_review_section(sample):
    page = next(p for u, p in easy_read_pages(sample) if p.id == "street-lighting-led-conversion")
    assert page.sections[0].points[0].text == "This may be out of date. We should have checked it again by October 2025."
    review = next(s for s in page.sections if s.key == "review")
    assert review.points[0].text == "We should have checked this again in October 2025. We have not done it yet."


def test_replaced_and_withdrawn_say_so_first_with_a_link(sample):
    pages = {p.id: p for _, p in easy_read_pages(sample)}
    replaced = pages["libraries-opening-hours-2016"].sections[0].points[0]
    assert replaced.text == "We do not use this any more. There is a newer one."
    assert replaced.link.url == "/eqias/library-service-offer-2025/easy-read/"
    withdrawn = pages["older-persons-day-services-2018"].sections[0].points[0]
    assert withdrawn.text.startswith("We do not use this any more.") and withdrawn.link.url == "/eqias/older-persons-day-services-2018/"


def test_author_written_affects_add_to_the_grid_never_replace_it():
    eqia = grid_eqia(Answer.YES, Impact.HIGH, Impact.NONE).model_copy(
        update={"easy_read": Eqia.model_fields["easy_read"].annotation.__args__[0](affects=["People who use the bus."])})
    points = next(s for s in eqia_page(eqia).sections if s.key == "affects").points
    assert points[-1].text == "People who use the bus." and points[-1].author_field == "affects[0]"
    assert all(read_back(p.text)[1] is Answer.YES for p in points[:-1])
