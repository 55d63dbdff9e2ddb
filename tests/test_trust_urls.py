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


@pytest.mark.parametrize("html", [
    """<h3 id='y"><meta http-equiv="refresh" content="0;https://evil.example/phish">'>Second</h3>""",
    """<h3 id='x" onmouseover="alert(1)'>Third</h3>""",
    '<h3 id="two words">Fourth</h3>',
])
def test_an_id_with_anything_but_letters_digits_hyphens_and_underscores_is_dropped(html):
    """The theme writes heading ids into the contents' links unescaped: a quote in one wrote markup there."""
    cleaned = clean(html)
    assert "id=" not in cleaned and "<meta" not in cleaned and "onmouseover" not in cleaned.replace("&quot;", "")
    prepared = prepare_page(cleaned, "objectives/x.md", title="X")
    assert all(re.fullmatch(r"[a-z0-9_-]+", entry["id"]) for entry in prepared.toc), prepared.toc


def test_the_page_check_follows_a_refresh_written_without_url_equals():
    from eqportal.a11y.static import check_page
    from eqportal.site.csp import add_csp
    html = add_csp('<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
                   '<meta http-equiv="refresh" content="0;https://evil.example/phish"></main></body></html>')
    assert any("evil.example" in p.message for p in check_page("/p/", html) if p.rule.startswith("unsafe")), check_page("/p/", html)


@pytest.mark.parametrize("number", ["15/0004\uff15", "\u0661\u0665/\u0660\u0660\u0660\u0664\u0665"])
def test_a_decision_number_in_lookalike_digits_is_refused(tmp_path, number):
    text = front_matter(decision_fields(number=number, eqias=None, no_eqia_reason="No impact on any group."))
    write(tmp_path, f"decisions/{number.replace('/', '-')}.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2026, 11, 23))
    assert [p.field for p in problems if "YY/NNNNN" in p.message] == ["number"], problems


def test_a_front_matter_mailto_link_holds_the_address_alone(tmp_path):
    text = front_matter(decision_fields(url="mailto:clerk@kent.gov.uk?bcc=spy@evil.example", eqias=None, no_eqia_reason="No impact on any group."))
    write(tmp_path, "decisions/24-00012.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2026, 11, 23))
    assert [(p.field, "address alone" in p.message) for p in problems] == [("url", True)], problems


@pytest.mark.parametrize("content", ["0; url=' https://evil.example/b'", "0;' https://evil.example/c'"])
def test_the_page_check_follows_a_refresh_with_a_space_inside_its_quotes(content):
    from eqportal.a11y.static import check_page
    from eqportal.site.csp import add_csp
    html = add_csp('<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
                   f'<meta http-equiv="refresh" content="{content}"></main></body></html>')
    assert any("evil.example" in p.message for p in check_page("/p/", html) if p.rule.startswith("unsafe"))
