"""What residents see on generated pages, checked on the builders' output (no MkDocs: fast)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from eqportal.site import generate
from eqportal.site.opendata import COLUMNS
from eqportal.site.pages import GeneratedFile, GeneratedPage
from tests.site_fixture import as_shown, fixture_context, fixture_portal

PUBLIC = {"bus-passes", "libraries-2016", "libraries-2024", "old-grants"}


@pytest.fixture(scope="module")
def site():
    items = generate(fixture_portal(), fixture_context())
    return {item.url: item for item in items}


def html_of(site, url: str) -> str:
    """The page as a front end publishes it."""
    page = site[url]
    assert isinstance(page, GeneratedPage)
    return as_shown(page.html)


def test_every_public_assessment_has_a_page_and_drafts_have_none(site):
    assert {u.split("/")[2] for u in site if re.fullmatch(r"/eqias/[a-z0-9-]+/", u) and u.split("/")[2] not in ("reviews",)} >= PUBLIC
    assert "/eqias/secret-plan/" not in site
    assert not any("secret-plan" in str(getattr(i, "html", "")) or "Unfinished draft" in str(getattr(i, "content", "")) for i in site.values())


def test_screening_grid_is_a_table_with_caption_scoped_headers_and_words(site):
    page = html_of(site, "/eqias/bus-passes/")
    table = re.search(r"<table class=\"eqp-table eqp-table--screening[^\"]*\">.*?</table>", page, re.S).group(0)
    assert "<caption" in table
    assert table.count('scope="col"') == 4
    assert table.count('scope="row"') == 9  # one row per characteristic screened
    assert ">High<" in table and ">Yes<" in table and ">Not known<" not in table


def test_screening_findings_follow_the_table_one_heading_per_group(site):
    page = html_of(site, "/eqias/bus-passes/")
    findings = page[page.index('id="screening-findings"'):]
    groups = re.findall(r'<h4[^>]*\bid="screening-([a-z-]+)"', findings)
    assert groups and all(f'href="#screening-{g}"' in page for g in groups)  # the table links to each group's notes


def test_overdue_review_shows_a_warning_and_a_current_one_does_not(site):
    assert "Review overdue" in html_of(site, "/eqias/bus-passes/")
    assert "Review overdue" not in html_of(site, "/eqias/libraries-2024/")


def test_superseded_assessment_links_to_its_successor(site):
    page = html_of(site, "/eqias/libraries-2016/")
    assert re.search(r'replaced by <a href="\.\./libraries-2024/">Library opening hours 2024</a>', page)


def test_withdrawn_assessment_keeps_its_page_with_the_reason(site):
    page = html_of(site, "/eqias/old-grants/")
    assert "Withdrawn." in page and "cancelled before it started" in page


def test_easy_read_link_near_the_top(site):
    page = html_of(site, "/eqias/bus-passes/")
    assert page.index('href="easy-read/"') < page.index('id="at-a-glance"')


def test_one_h1_and_no_skipped_heading_levels(site):
    for url in ("/eqias/bus-passes/", "/eqias/", "/reports/report-2016-17/", "/objectives/fair-access/", "/", "/eqias/reviews/"):
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", html_of(site, url))]
        assert levels.count(1) == 1 and levels[0] == 1, url
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (url, levels)


def test_content_cannot_inject_script_handlers_frames_or_offsite_images(site):
    page = html_of(site, "/eqias/bus-passes/")
    assert "A link" in page  # the text stays
    for bad in ("<script", "onclick", "<iframe", "javascript:", "tracker.example", "evil.example"):
        assert bad not in page, bad


def test_front_matter_text_is_escaped(site):
    page = html_of(site, "/eqias/bus-passes/")
    assert "older &amp; disabled" in page


def test_markdown_tables_in_bodies_get_caption_scope_and_scroll_region(site):
    page = html_of(site, "/eqias/bus-passes/")
    table = re.search(r'(<div [^>]*class="eqp-table-scroll"[^>]*>)(<table>.*?</table>)', page, re.S)
    assert table, "the body's Markdown table is not wrapped"
    assert 'tabindex="0"' in table.group(1) and 'aria-label="Table: Information and data"' in table.group(1)
    assert "<caption" in table.group(2) and 'scope="col"' in table.group(2)


def test_contact_falls_back_to_the_portal_default(site):
    assert "diversity@kent.gov.uk" in html_of(site, "/eqias/bus-passes/")
    page = html_of(site, "/eqias/libraries-2024/")
    assert "libraries@kent.gov.uk" in page and "diversity@kent.gov.uk" not in page


def test_decisions_relying_on_an_assessment_are_listed(site):
    assert "19/00012" in html_of(site, "/eqias/bus-passes/")


def test_generated_pages_record_their_source_file(site):
    assert site["/eqias/bus-passes/"].source.name == "bus-passes.md"


def test_index_pages_exist_for_directorates_characteristics_years_and_reviews(site):
    assert "/eqias/directorates/growth-environment-and-transport/" in site
    for c in ("age", "disability", "carers", "sexual-orientation"):
        assert f"/eqias/characteristics/{c}/" in site
    disability = html_of(site, "/eqias/characteristics/disability/")
    assert "Bus passes" in disability and "Library opening hours 2024" not in disability
    assert "/eqias/years/2019/" in site
    reviews = html_of(site, "/eqias/reviews/")
    assert "Bus passes" in reviews and "Library opening hours 2024" not in reviews


def test_all_assessments_index_lists_every_public_one(site):
    page = html_of(site, "/eqias/")
    for title in ("Bus passes", "Library opening hours 2016", "Library opening hours 2024", "Community grants"):
        assert title in page
    assert "review overdue" in page


def test_csv_and_json_hold_every_public_assessment_with_stable_columns(site):
    rows = list(csv.DictReader(io.StringIO(site["/data/eqias.csv"].text)))
    assert {r["id"] for r in rows} == PUBLIC
    assert tuple(rows[0].keys()) == COLUMNS
    assert COLUMNS[:15] == (  # the published contract: columns are only ever added at the end
        "id", "title", "kind", "directorate", "service", "status", "stage", "first_published", "last_changed",
        "next_review", "review_status", "adverse_characteristics", "superseded_by", "summary", "url")
    bus = next(r for r in rows if r["id"] == "bus-passes")
    assert bus["review_status"] == "overdue" and bus["adverse_characteristics"] == "age;disability"
    assert bus["first_published"] == "2019-03-01" and bus["url"] == "/eqias/bus-passes/"
    data = json.loads(site["/data/eqias.json"].text)
    assert {r["id"] for r in data["eqias"]} == PUBLIC


def test_open_data_page_documents_every_file_and_column(site):
    from eqportal.opendata import TABLES

    page = html_of(site, "/open-data/")
    for table in TABLES:
        assert f'href="../data/{table.path}"' in page
        assert [c.name for c in table.columns if f"<code>{c.name}</code>" not in page] == []
    assert "Open Government Licence v3.0" in page


def test_feed_is_atom_with_every_public_assessment(site):
    feed = site["/feed.xml"]
    assert isinstance(feed, GeneratedFile)
    root = ET.fromstring(feed.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = {e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)}
    assert "Bus passes for older & disabled people" in titles and "Unfinished draft plan" not in titles
    assert len(titles) == len(PUBLIC)


def test_report_has_workforce_table_and_chart_with_text_alternative(site):
    page = html_of(site, "/reports/report-2016-17/")
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "Disabled staff: staff 3.5%, Kent population 17.6%" in svg
    assert "Share of Kent population" in page and "17.6%" in page


def test_objective_page_shows_progress_and_linked_assessments(site):
    page = html_of(site, "/objectives/fair-access/")
    assert "On track" in page and "../../eqias/bus-passes/" in page
    assert "../../reports/report-2016-17/" in page


def test_home_page_counts_and_latest(site):
    page = html_of(site, "/")
    assert "Library opening hours 2024" in page and "another format" in page


def test_pages_made_in_forked_workers_are_the_pages_made_in_one_process():
    """A county's build makes its growing builders' pages on every core; the site must not depend on it.

    Run in a fresh process: forking is used only where no other thread runs, and a test runner has some.
    """
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import eqportal.site as site
        from eqportal.forked import can_fork
        from eqportal.site import generate
        from tests.test_site_pages import fixture_context, fixture_portal

        def pages():
            portal, context = fixture_portal(), fixture_context()
            return [(i.src_uri, getattr(i, "title", None), getattr(i, "html", None), getattr(i, "content", None))
                    for i in generate(portal, context)]

        one = pages()
        site.PARALLEL_FROM = 0
        assert can_fork(), "the workers must really run here"
        assert pages() == one
        print("same pages")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                            cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "same pages" in result.stdout
