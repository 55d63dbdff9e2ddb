"""Rendering content safely: sanitising bodies, accessible tables, headings that never skip."""

from __future__ import annotations

import re

import markdown
from bs4 import BeautifulSoup

from eqportal.registry import link
from eqportal.render.body import render_body
from eqportal.render.sanitise import clean


def accessible_tables(text: str, title: str) -> str:
    """A Markdown page through the portal's table extension, as on every hand-written page."""
    return markdown.markdown(text, extensions=["tables", "eqportal.render.tables"], extension_configs={"eqportal.render.tables": {"title": title}})


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
    html = accessible_tables("## Pass holders\n\n| Age | Holders |\n|---|---|\n| 65+ | 1 |\n", "Page")
    region = BeautifulSoup(html, "html.parser").find("div")
    assert region.attrs == {"class": ["eqp-table-scroll"], "role": "region", "aria-label": "Table: Pass holders", "tabindex": "0"}
    assert '<caption class="eqp-table__caption">Pass holders</caption>' in html
    assert '<th scope="col">Age</th>' in html


def test_tables_without_a_heading_take_the_page_title_and_a_second_table_is_numbered():
    html = accessible_tables("| a |\n|---|\n| 1 |\n\nBetween.\n\n| b |\n|---|\n| 2 |\n", "Open data")
    assert "<caption class=\"eqp-table__caption\">Open data</caption>" in html
    assert "Open data (table 2)" in html


def test_rendered_pages_keep_their_accessible_tables_and_get_scope_where_missing():
    from eqportal.render.prerendered import page_markdown

    done = '<div class="eqp-table-scroll" role="region" aria-label="Table: X" tabindex="0"><table><caption>X</caption><tbody><tr><th>a</th></tr></tbody></table></div>'
    html = markdown.markdown(page_markdown(done), extensions=["eqportal.render.prerendered", "eqportal.render.tables"])
    assert html.count("eqp-table-scroll") == 1 and '<th scope="row">a</th>' in html


def test_body_sections_split_at_level_two_headings_outside_code():
    body = render_body("Intro\n\n## Context\n\nText\n\n```\n## not a section\n```\n\n## Aims\n\nMore\n", reserved={"context"})
    assert [s.title for s in body.sections] == ["Context", "Aims"]
    assert body.sections[0].anchor == "context-more"  # 'context' is taken by the page itself
    assert "## not a section" in body.sections[0].html


def test_body_headings_sit_under_the_section_without_skipping_levels():
    body = render_body("## Data\n\n# Big\n\n#### Deep\n\n##### Deeper\n")
    levels = [int(n) for n in re.findall(r"<h([1-6])", body.sections[0].html)]
    assert levels == [3, 4, 5]


def test_links_are_written_as_source_paths_that_front_ends_check():
    assert link("eqias/a/index.md", "/eqias/b/") == "../b/index.md"
    assert link("index.md", "/eqias/") == "eqias/index.md"
    assert link("eqias/a/index.md", "/data/eqias.csv") == "../../data/eqias.csv"
    assert link("eqias/a/index.md", "/another-format/", {"/another-format/": "another-format.md"}) == "../../another-format.md"


def test_content_folder_comes_from_mkdocs_yml_else_content_beside_it(tmp_path):
    from eqportal.frontend import content_root

    assert content_root(tmp_path, {}) == (tmp_path / "content").resolve()
    assert content_root(tmp_path, {"eqportal_content": "samples"}) == (tmp_path / "samples").resolve()


def test_generated_page_source_carries_its_title_as_front_matter():
    import yaml

    from eqportal.frontend import page_source
    from eqportal.site.pages import GeneratedPage

    text = page_source(GeneratedPage("eqias/x/index.md", "Fees: 'A' & B", "<h1>Fees</h1>", meta={"description": "d"}))
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {"title": "Fees: 'A' & B", "description": "d"}
