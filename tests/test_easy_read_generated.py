"""Text the generator writes must pass every easy-read rule: a breach here is a bug, not an author's slip."""

from __future__ import annotations

import itertools

import pytest

from eqportal.easyread import eqia_page, objective_page
from eqportal.easyread.checks import MAX_GRADE, point_problems
from eqportal.easyread.lexicon import lexicon
from eqportal.easyread.pictures import icon_svg
from eqportal.easyread.readability import grade
from eqportal.glossary import glossary
from eqportal.models import Eqia, Objective
from eqportal.models.vocab import ActionStatus, Characteristic, EqiaKind, EqiaStatus, Impact, ProgressRating


def _eqia(kind: EqiaKind, impact: Impact, status: EqiaStatus = EqiaStatus.PUBLISHED, action_status=None, timescale="2026-03-31") -> Eqia:
    return Eqia.model_validate({
        "id": "every-phrase", "title": "Every phrase", "kind": kind.value, "directorate": "Test", "status": status.value,
        "stage": "full", "superseded_by": "newer" if status is EqiaStatus.SUPERSEDED else None,
        "withdrawn_reason": "Test." if status is EqiaStatus.WITHDRAWN else None,
        "dates": {"next_review": "2027-03-02"},
        "screening": [{"characteristic": c.value, "adverse": "yes", "negative_impact": impact.value, "positive_impact": "none",
                       "details": "Some people need help with the English language."} for c in Characteristic],
        "actions": [{"characteristics": [c.value], "issue": "x", "action": "x", "owner": "x", "timescale": timescale,
                     "status": action_status} for c in Characteristic]
        + [{"characteristics": ["all"], "issue": "x", "action": "x", "owner": "x", "timescale": "Ongoing"},
           {"characteristics": [c.value for c in Characteristic], "issue": "x", "action": "x", "owner": "x", "timescale": "Ongoing"}],
    })


def _all_eqia_pages():
    for kind, impact in itertools.product(EqiaKind, Impact):
        yield eqia_page(_eqia(kind, impact))
    for status in EqiaStatus:
        yield eqia_page(_eqia(EqiaKind.POLICY, Impact.HIGH, status))
    for action_status in [None, *ActionStatus]:
        yield eqia_page(_eqia(EqiaKind.SERVICE, Impact.LOW, action_status=action_status and action_status.value))
    yield eqia_page(_eqia(EqiaKind.SERVICE, Impact.LOW, timescale="When the budget allows"))
    no_actions = _eqia(EqiaKind.PROJECT, Impact.NONE).model_copy(update={"actions": [], "screening": []})
    yield eqia_page(no_actions)


def _all_objective_pages():
    yield objective_page(Objective.model_validate({
        "id": "every-rating", "title": "Every rating", "outcome": "x", "period": "2016-2020",
        "characteristics": [c.value for c in Characteristic],
        "progress": [{"year": f"{2016 + i}-{17 + i}", "rating": r.value, "summary": "x"} for i, r in enumerate(ProgressRating)],
    }))
    yield objective_page(Objective.model_validate({"id": "no-progress", "title": "No progress", "outcome": "x",
                                                   "period": "2020-2024", "characteristics": ["age"]}))


ALL_PAGES = [*_all_eqia_pages(), *_all_objective_pages()]
ALL_POINTS = sorted({point.text for page in ALL_PAGES for point in page.points})


def test_the_generator_covers_every_lexicon_entry():
    lex = lexicon()
    texts = " ".join(ALL_POINTS)
    for phrase in [p.phrase for p in lex.characteristics.values()] + [lex.language.phrase, lex.everyone.phrase]:
        assert phrase in texts
    for sentence in [*lex.kinds.values(), *lex.progress.values()]:
        assert sentence in texts


@pytest.mark.parametrize("text", ALL_POINTS)
def test_every_generated_point_passes_the_rules(text):
    assert point_problems(text) == []


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.id)
def test_every_generated_page_reads_at_grade_5_or_below(page):
    assert grade(page.text()) <= MAX_GRADE


@pytest.mark.parametrize("term", [t for t in glossary() if t.easy], ids=lambda t: t.term)
def test_every_easy_glossary_explanation_passes_the_rules(term):
    assert point_problems(term.easy) == []


def test_every_picture_is_shipped_and_hidden_from_screen_readers():
    for point in (p for page in ALL_PAGES for p in page.points):
        svg = icon_svg(point.icon)
        assert svg.startswith("<svg") and 'aria-hidden="true"' in svg


def test_the_generator_never_invents_a_plan():
    page = eqia_page(_eqia(EqiaKind.PROJECT, Impact.HIGH).model_copy(update={"actions": []}))
    actions = next(s for s in page.sections if s.key == "actions")
    assert [p.text for p in actions.points] == ["We have not written down a plan yet."]
