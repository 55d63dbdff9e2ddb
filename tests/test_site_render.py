"""Rendering content safely: sanitising bodies, accessible tables, headings that never skip."""

from __future__ import annotations

import re

from eqportal.render.body import render_body
from eqportal.render.sanitise import clean
from eqportal.render.tables import accessible_tables
from eqportal.site.html import md_text, rel


def test_sanitiser_removes_scripts_handlers_frames_and_javascript_links():
    html = clean('<p onmouseover="x()">Hi<script>alert(1)</script><iframe src="/x"></iframe>'
                 '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="/ok/">c</a></p>')
    assert "<script" not in html and "onmouseover" not in html and "<iframe" not in html
    assert "javascript" not in html.lower()
    assert '<a href="/ok/">c</a>' in html


def test_sanitiser_drops_images_from_other_hosts_but_keeps_local_ones():
    html = clean('<img src="https://tracker.example/p.gif" alt="t"><img src="//cdn.example/x.png" alt="c"><img src="../pic.png" alt="local">')
    assert "tracker.example" not in html and "cdn.example" not in html and 'src="../pic.png"' in html


def test_tables_get_caption_from_the_heading_above_scope_and_a_named_scroll_region():
    html = accessible_tables("<h2>Pass holders</h2><table><thead><tr><th>Age</th></tr></thead><tbody><tr><th>65+</th><td>1</td></tr></tbody></table>", "Page")
    assert '<div class="eqp-table-scroll" role="region" aria-label="Table: Pass holders" tabindex="0">' in html
    assert '<caption class="eqp-table__caption">Pass holders</caption>' in html
    assert '<th scope="col">Age</th>' in html and '<th scope="row">65+</th>' in html


def test_tables_without_a_heading_take_the_page_title_and_a_second_table_is_numbered():
    html = accessible_tables("<table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>", "Open data")
    assert "<caption class=\"eqp-table__caption\">Open data</caption>" in html
    assert "Open data (table 2)" in html


def test_tables_already_accessible_are_left_alone():
    done = '<div class="eqp-table-scroll" role="region" aria-label="Table: X" tabindex="0"><table><caption>X</caption><tr><th scope="row">a</th></tr></table></div>'
    assert accessible_tables(done, "Page") == done


def test_body_sections_split_at_level_two_headings_outside_code():
    body = render_body("Intro\n\n## Context\n\nText\n\n```\n## not a section\n```\n\n## Aims\n\nMore\n", reserved={"context"})
    assert [s.title for s in body.sections] == ["Context", "Aims"]
    assert body.sections[0].anchor == "context-more"  # 'context' is taken by the page itself
    assert "## not a section" in body.sections[0].html


def test_body_headings_sit_under_the_section_without_skipping_levels():
    body = render_body("## Data\n\n# Big\n\n#### Deep\n\n##### Deeper\n")
    levels = [int(n) for n in re.findall(r"<h([1-6])", body.sections[0].html)]
    assert levels == [3, 4, 5]


def test_heading_text_cannot_become_markdown_or_html():
    assert md_text("Fees & <charges> *2016*") == "Fees &amp; &lt;charges&gt; \\*2016\\*"


def test_relative_links_work_under_any_base_path():
    assert rel("/eqias/a/", "/eqias/b/") == "../b/"
    assert rel("/", "/eqias/") == "eqias/"
    assert rel("/eqias/a/", "/data/eqias.csv") == "../../data/eqias.csv"


def test_content_folder_comes_from_the_environment_then_mkdocs_yml(tmp_path, monkeypatch):
    from eqportal.site.mkdocs_support import content_root

    monkeypatch.delenv("EQPORTAL_CONTENT", raising=False)
    assert content_root(tmp_path, {}) == (tmp_path / "content").resolve()
    assert content_root(tmp_path, {"eqportal_content": "samples"}) == (tmp_path / "samples").resolve()
    monkeypatch.setenv("EQPORTAL_CONTENT", str(tmp_path / "elsewhere"))
    assert content_root(tmp_path, {"eqportal_content": "samples"}) == tmp_path / "elsewhere"


def test_generated_page_source_carries_its_title_as_front_matter():
    import yaml

    from eqportal.site.mkdocs_support import page_source
    from eqportal.site.pages import GeneratedPage

    text = page_source(GeneratedPage("eqias/x/index.md", "Fees: 'A' & B", "# Fees\n", meta={"description": "d"}))
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {"title": "Fees: 'A' & B", "description": "d"}
