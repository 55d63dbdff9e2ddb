"""The easy-read layout in a real headless Chromium: big text, 1.5 spacing, rows that stack when narrow."""

from __future__ import annotations

from pathlib import Path

import pytest

from eqportal.easyread import eqia_page, render
from tests.fixtures.easy_read.helpers import content_with, load

CSS = Path(__file__).parents[1] / "overrides" / "assets" / "stylesheets" / "eqp-easy-read.css"

ROW_BOXES_JS = """
return [...document.querySelectorAll('.eqp-easy-read__point')].map(row => {
  const [picture, words] = row.children;
  const p = picture.getBoundingClientRect(), w = words.getBoundingClientRect();
  return {pictureRight: p.right, pictureBottom: p.bottom, wordsLeft: w.left, wordsTop: w.top};
});
"""

TEXT_STYLE_JS = """
return [...document.querySelectorAll('.eqp-easy-read__sentence')].map(el => {
  const cs = getComputedStyle(el);
  return {size: parseFloat(cs.fontSize), line: parseFloat(cs.lineHeight), align: cs.textAlign, style: cs.fontStyle};
});
"""


@pytest.fixture(scope="module")
def browser():
    from eqportal.a11y.browser import Browser

    with Browser() as b:
        yield b


@pytest.fixture
def page_url(tmp_path):
    portal, _ = load(content_with(tmp_path))
    fragment = render(eqia_page(portal.eqias["day-centre-opening-hours"].model))
    html = tmp_path / "easy-read.html"
    html.write_text(f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
                    f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                    f'<title>Easy read test</title><link rel="stylesheet" href="{CSS.as_uri()}"></head>'
                    f'<body><main>{fragment}</main></body></html>', encoding="utf-8")
    return html.as_uri()


def _open(browser, url: str, width: int) -> None:
    browser._viewport(width, 800)
    browser.driver.get(url)


@pytest.mark.browser
def test_text_is_at_least_20px_with_1_5_line_spacing_and_rows_stack_when_narrow(browser, page_url):
    _open(browser, page_url, 1280)
    styles = browser.driver.execute_script(TEXT_STYLE_JS)
    assert len(styles) > 10
    for style in styles:
        assert style["size"] >= 20
        assert style["line"] / style["size"] >= 1.5
        assert style["align"] in ("left", "start") and style["style"] == "normal"
    wide = browser.driver.execute_script(ROW_BOXES_JS)
    assert all(row["wordsLeft"] >= row["pictureRight"] for row in wide), "picture on the left, words on the right"

    _open(browser, page_url, 320)
    narrow = browser.driver.execute_script(ROW_BOXES_JS)
    assert all(row["wordsTop"] >= row["pictureBottom"] for row in narrow), "at 320px the words go under the picture"
    scroll_width = browser.driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll_width <= 320
