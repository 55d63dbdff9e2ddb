"""The audit on the site: /decisions/, /data/decisions.csv and redirects from renamed assessments."""

from __future__ import annotations

import csv
import io
import pytest

from eqportal.audit import run_audit
from eqportal.context import BuildContext
from eqportal.loader import load_portal
from eqportal.opendata import TABLES
from eqportal.site import decisions, opendata, redirects
from tests import audit_scenario
from tests.content_factory import decision_fields, eqia_fields, front_matter, write
from tests.site_fixture import as_shown


@pytest.fixture
def portal(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    audit_scenario.build(tmp_path)
    write(tmp_path, "content/decisions/15-00009.md", front_matter(decision_fields(
        "15/00009", date="2015-03-01", eqias=["in-time"], title="Buses <script>alert(1)</script> & trams", illustrative="true", url=None), body=""))
    loaded, problems = load_portal(tmp_path / "content", audit_scenario.TODAY)
    assert problems == []
    return loaded


def page(portal):
    context = BuildContext(today=portal.today)
    items = {item.url: item for item in [*decisions.pages(portal, context), *opendata.pages(portal, context)]}
    return items["/decisions/"], items["/data/decisions.csv"]


def test_register_shows_every_verdict_in_words(portal):
    html = as_shown(page(portal)[0].html)
    for words in ("Covered</strong>", "Covered late</strong>", "Not needed</strong>", "Missing</strong>", "Not yet taken</strong>"):
        assert words in html
    assert "No equality analysis was needed: It renews a contract on the same terms." in html


def test_register_states_coverage_build_date_and_illustrative_records(portal):
    html = as_shown(page(portal)[0].html)
    assert "1 of 7 key decisions in 2015-16 that needed an equality analysis had one published before the decision. 1 more did not need one." in html
    assert "3 of 3 key decisions in 2014-15 that needed an equality analysis had one published before the decision." in html
    assert 'Checked on <time datetime="2026-11-23">23 November 2026</time>' in html
    assert "Some decisions on this page are examples, not real council decisions" in html
    assert "Illustrative example</span>" in html


def test_register_tables_have_captions_and_scoped_headers_and_escape_text(portal):
    html = as_shown(page(portal)[0].html)
    assert "<caption" in html and '<th scope="col">Coverage</th>' in html and '<th scope="row">' in html
    assert "<script>" not in html and "Buses &lt;script&gt;alert(1)&lt;/script&gt; &amp; trams" in html


def test_register_links_each_analysis_and_never_a_draft(portal):
    html = as_shown(page(portal)[0].html)
    assert '<a href="../eqias/in-time/">Library opening hours</a> (Published; published 10 January 2015)' in html
    assert "<li>draft-one (a draft, never published)</li>" in html
    assert "eqias/draft-one/" not in html


def test_decisions_csv_columns_and_rows(portal):
    rows = list(csv.DictReader(io.StringIO(page(portal)[1].text)))
    decision_table = next(t for t in TABLES if t.name == "decisions")
    assert tuple(rows[0]) == tuple(decision_table.header)
    assert decision_table.header[:14] == [  # the published contract: columns are only ever added at the end
        "number", "title", "date", "reporting_year", "status", "decision_maker", "directorate",
        "eqias", "coverage", "no_eqia_reason", "notes", "illustrative", "url", "checked_on"]
    by_number = {r["number"]: r for r in rows}
    assert by_number["15/00002"]["coverage"] == "covered-late"
    assert by_number["15/00002"]["notes"] == "relies on 'late', published 2015-06-01, after the decision on 2015-04-01"
    assert by_number["15/00003"]["no_eqia_reason"] == "It renews a contract on the same terms."
    assert by_number["15/00009"]["illustrative"] == "true" and by_number["15/00009"]["reporting_year"] == "2014-15"
    assert {r["checked_on"] for r in rows} == {"2026-11-23"}


def test_open_data_and_command_agree(portal):
    rows = list(csv.DictReader(io.StringIO(page(portal)[1].text)))
    in_csv = sorted(note for r in rows if r["notes"] for note in r["notes"].split(" | "))
    from_command = sorted(f.message for f in run_audit(portal).findings if f.decision)
    assert in_csv == from_command


def test_late_and_replaced_analyses_say_why_on_the_page(portal):
    html = as_shown(page(portal)[0].html)
    assert "(Published; published 1 June 2015, after the decision)" in html
    assert "(Replaced by a newer assessment; already replaced on 1 March 2015)" in html
    assert "(Published; full assessment completed 1 May 2015, after the decision)" in html


def test_renamed_assessment_redirects_from_its_old_address(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/eqias/concessionary-bus-passes.md", front_matter(eqia_fields("concessionary-bus-passes", title="Bus passes & you", aliases=["bus-passes"])))
    loaded, problems = load_portal(tmp_path / "content")
    assert problems == []
    files = {f.url: f.content for f in redirects.pages(loaded, BuildContext(today=loaded.today))}
    assert set(files) == {"/eqias/bus-passes/index.html", "/eqias/bus-passes/easy-read/index.html"}
    html = files["/eqias/bus-passes/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../concessionary-bus-passes/">' in html
    assert '<link rel="canonical" href="../concessionary-bus-passes/">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<a href="../concessionary-bus-passes/">Bus passes &amp; you</a>' in html
    assert '<html lang="en-GB">' in html


def test_each_decision_has_its_anchor_summary_and_link_to_the_councils_record(portal):
    html = as_shown(page(portal)[0].html)
    assert '<tr id="decision-15-00002">' in html
    assert '<span class="eqp-decision__summary">Set new opening hours for libraries.</span>' in html
    assert '<a class="eqp-decision__record" href="https://democracy.kent.gov.uk/mgIssueHistoryHome.aspx?IId=1">The council\'s record of decision 15/00002</a>' in html
    assert "No link to the council's record: this is not a real decision" in html  # 15/00009 is illustrative, with no url
