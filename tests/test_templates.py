"""Pages come from templates a council can override; URLs and words each have one home."""

from __future__ import annotations

from enum import Enum

import pytest

from eqportal.audit import Verdict
from eqportal.joined import as_bytes
from eqportal.loader import load_portal
from eqportal.models import vocab
from eqportal.reviews import ReviewStatus
from eqportal.site import generate
from eqportal.site.easy_read import pages as easy_read_pages
from eqportal.words import vocabularies, word
from tests.content_factory import eqia_fields, front_matter, write
from tests.site_fixture import as_shown, fixture_context, fixture_portal

VOCABULARIES = [v for v in vars(vocab).values() if isinstance(v, type) and issubclass(v, Enum) and len(v)] + [ReviewStatus, Verdict]


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_value_of_every_vocabulary_has_words_for_readers(vocabulary):
    assert {v.value for v in vocabulary} <= set(vocabularies()[vocabulary.__name__]), vocabulary.__name__


def test_words_read_as_words_not_codes():
    assert word(vocab.Impact.UNKNOWN) == "Not known"
    assert word(vocab.ActionScope("all")) == "Everyone" and word(vocab.ActionScope("religion-belief")) == "Religion or belief"
    assert vocab.Characteristic.MARRIAGE_CIVIL_PARTNERSHIP.label == "Marriage and civil partnership"


def test_a_council_template_overrides_one_block_and_keeps_the_rest(tmp_path):
    overrides = tmp_path / "overrides" / "eqportal"
    overrides.mkdir(parents=True)
    (overrides / "eqia.html").write_text(
        '{% extends "default/eqia.html" %}{% block at_a_glance %}<p class="kent-glance">Our own summary of {{ view.eqia.title }}</p>{% endblock %}',
        encoding="utf-8")
    site = {p.url: p for p in generate(fixture_portal(), fixture_context(template_dirs=(overrides,)))}
    page = as_shown(site["/eqias/bus-passes/"].html)
    assert '<p class="kent-glance">Our own summary of Bus passes for older &amp; disabled people</p>' in page
    assert 'id="who-could-be-affected"' in page and "eqp-summary-list__key" not in page.split('id="who-could-be-affected"')[0]



def test_a_template_edited_between_builds_shows_on_the_next_build_though_templates_are_kept_compiled(tmp_path):
    from eqportal.site.templating import environment

    overrides = tmp_path / "overrides" / "eqportal"
    overrides.mkdir(parents=True)
    override = overrides / "eqia.html"
    context = fixture_context(template_dirs=(overrides,), build_cache=tmp_path / ".cache" / "build")

    def glance(words):
        override.write_text('{% extends "default/eqia.html" %}{% block at_a_glance %}<p class="kent-glance">'
                            + words + "</p>{% endblock %}", encoding="utf-8")
        environment.cache_clear()  # each build is a new process: nothing compiled is left in memory
        site = {p.url: p for p in generate(fixture_portal(), context)}
        return site["/eqias/bus-passes/"].html

    assert "First words" in glance("First words")
    assert any((tmp_path / ".cache" / "build" / "jinja").iterdir())  # kept compiled for the next build
    page = glance("Second words")
    assert "Second words" in page and "First words" not in page

def test_content_values_are_escaped_by_the_templates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/eqias/library-opening-hours.md",
          front_matter(eqia_fields(title="Hours <script>alert(1)</script>", summary='Say "hi" <img src=x onerror=alert(1)>')))
    portal, problems = load_portal(tmp_path / "content")
    assert problems == []
    for page in generate(portal, fixture_context()):
        html = getattr(page, "html", "")
        assert "<script>alert" not in html and "<img src=x" not in html, page.url


def test_an_assessment_replaced_by_a_draft_links_to_no_page_that_does_not_exist(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/eqias/library-opening-hours.md",
          front_matter(eqia_fields(status="superseded", superseded_by="library-hours-2025")))
    write(tmp_path, "content/eqias/library-hours-2025.md", front_matter(eqia_fields("library-hours-2025", status="draft")))
    portal, problems = load_portal(tmp_path / "content")
    assert [p.field for p in problems] == ["superseded_by"]  # check refuses it; should it ever be built, nothing leaks:
    site = {p.url: p for p in generate(portal, fixture_context())}
    assert "/eqias/library-hours-2025/" not in site
    for url in ("/eqias/library-opening-hours/", "/eqias/library-opening-hours/easy-read/"):
        assert "library-hours-2025" not in site[url].html, url
    easy = as_shown(site["/eqias/library-opening-hours/easy-read/"].html)
    assert "There is a newer one." in easy and "Read the easy read version of the newer one" not in easy
    for name in ("data/eqias.csv", "data/eqias.json", "data/eqias/library-opening-hours.json"):  # open data keeps it too
        assert "library-hours-2025" not in as_bytes(site[f"/{name}"].content).decode("utf-8"), name


def test_every_generated_page_is_well_formed_for_both_front_ends():
    from eqportal.render.prerendered import parse

    for page in generate(fixture_portal(), fixture_context()):
        if hasattr(page, "html"):
            parse(page.html)  # raises MalformedPage naming the line and column


@pytest.mark.parametrize("templates, module", [
    (("eqia.html",), "eqportal.site.eqia_pages"),
    (("report.html", "chart.svg"), "eqportal.site.reports"),
    (("objective.html",), "eqportal.site.objectives"),
])
def test_every_id_a_page_template_gives_is_one_its_body_may_not_take(templates, module):
    """A template given a new id without it in RESERVED would let a body take it too: two ids, a refused build."""
    import importlib
    import re
    from pathlib import Path

    reserved = importlib.import_module(module).RESERVED
    folder = Path(__file__).resolve().parents[1] / "eqportal" / "site" / "templates"
    source = "".join((folder / name).read_text(encoding="utf-8") for name in templates)
    assert set(re.findall(r'\bid="([a-z0-9-]+)"', source)) <= reserved
    for prefix in re.findall(r'\bid="([a-z0-9-]+-)\{\{', source):
        assert any(anchor.startswith(prefix) for anchor in reserved), prefix
