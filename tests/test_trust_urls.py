"""URLs are judged as browsers read them (WHATWG): nothing written in content makes a reader's browser call another host."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from eqportal.loader import load_portal
from eqportal.render.body import render_body
from eqportal.render.finish import prepare_page
from eqportal.render.sanitise import clean
from eqportal.render.urls import is_offsite
from tests.content_factory import decision_fields, front_matter, write

# Each of these fetches from "evil.example" in a browser, though none contains "://".
REMOTE = ["https:\\\\evil.example/x.png", "\\\\evil.example/x.png", "/\\evil.example/x.png", " //evil.example/x.png",
          "http:evil.example/x.png", "\t//evil.example/x.png", "\x01//evil.example/x.png", "HTTPS://EVIL.EXAMPLE/x.png",
          "https:/evil.example/x.png", "//evil.example/x.png"]
LOCAL = ["pictures/map.png", "/assets/images/map.png", "../map.png", "./map.png", "map.png?v=1#top"]


@pytest.mark.parametrize("url", REMOTE)
def test_every_spelling_of_another_host_is_offsite(url):
    assert is_offsite(url)


@pytest.mark.parametrize("url", LOCAL)
def test_paths_on_the_portal_are_not_offsite(url):
    assert not is_offsite(url)


@pytest.mark.parametrize("url", REMOTE)
def test_an_image_from_another_host_is_dropped_however_it_is_spelt(url):
    html = clean(f'<p><img src="{url}" alt="Map"></p>')
    assert "evil" not in html.lower()
    assert 'alt="Map"' in html


@pytest.mark.parametrize("url", ["https:\\\\evil.example/x.png", "\\\\evil.example/x.png", " //evil.example/x.png"])
def test_a_markdown_image_from_another_host_is_dropped(url):
    body = render_body(f"## Context\n\n![Map](<{url}>)\n\n<img src=\"{url}\" alt=\"Raw\">\n\nText.\n")
    sources = re.findall(r'src="([^"]*)"', body.sections[0].html)
    assert not [s for s in sources if is_offsite(s.replace("&amp;", "&"))], body.sections[0].html


@pytest.mark.parametrize("url", ["/\\evil.example/page", "http:evil.example/page", "https:evil.example/page", "\\\\evil.example/page"])
def test_a_link_to_another_host_shows_the_address_the_browser_will_open(url):
    html = clean(f'<a href="{url}">Our partner</a>')
    href = re.search(r'href="([^"]*)"', html).group(1)
    assert re.match(r"^https?://evil\.example/page$", href), href


@pytest.mark.parametrize("url", LOCAL)
def test_local_images_and_links_are_kept_as_written(url):
    html = clean(f'<img src="{url}" alt="Map"><a href="{url}">Map</a>')
    assert html.count(f'="{url}"'.replace("&", "&amp;")) == 2


def test_a_front_matter_link_that_looks_local_but_leaves_the_site_is_refused(tmp_path):
    text = front_matter(decision_fields(url="/\\evil.example/decision", eqias=None, no_eqia_reason="No impact on any group."))
    write(tmp_path, "decisions/24-00012.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2026, 11, 23))
    url_problems = [p for p in problems if p.field == "url"]
    assert len(url_problems) == 1, problems
    assert "another website" in url_problems[0].message and "https://evil.example/decision" in url_problems[0].message


@pytest.mark.parametrize("url", ["https://equality.kent.gov.uk@evil.example/decision", "https://kent:pw@evil.example/"])
def test_a_front_matter_link_that_hides_its_host_behind_a_user_name_is_refused(tmp_path, url):
    text = front_matter(decision_fields(url=url, eqias=None, no_eqia_reason="No impact on any group."))
    write(tmp_path, "decisions/24-00012.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2026, 11, 23))
    assert [(p.field, "opens evil.example" in p.message) for p in problems] == [("url", True)], problems


@pytest.mark.parametrize("html", ['<p id="__config">{"base": "https://evil.example/"}</p>', '<span id="__search">x</span>',
                                  '<div id=" eqp-main">x</div>', '<h2 id="__drawer">Drawer</h2>'])
def test_content_cannot_take_an_id_the_theme_or_portal_scripts_look_for(html):
    assert "id=" not in clean(html)


def test_a_heading_is_never_given_an_id_the_page_around_it_uses():
    body = render_body("## Context\n\nText.\n\n### \\_\\_config\n\nMore.\n\n### Eqp main\n\nMore.\n")
    html = prepare_page(body.sections[0].html, "eqias/x.md", title="X").html
    assert re.findall(r'id="([^"]*)"', html) == ["h-__config", "h-eqp-main"], html
