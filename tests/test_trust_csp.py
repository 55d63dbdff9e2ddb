"""Defence in depth: every page's Content-Security-Policy, and the page check over the whole document."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

import pytest

from eqportal.a11y.runner import serve_with
from eqportal.a11y.static import check_page
from eqportal.site.csp import add_csp, has_csp, policy, theme_scripts

THEME_SCRIPT = ('__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
                '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
                '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')


def _page(head: str = "", body: str = "") -> str:
    return (f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Test page</title>{head}</head>'
            f'<body><a href="#main">Skip to main content</a><header>{body}</header><main id="main"><h1>Test page</h1></main></body></html>')


def _unsafe(html: str) -> list[str]:
    return [p.message for p in check_page("/eqias/x/", html) if p.rule == "unsafe-document"]


def test_the_theme_scripts_are_allowed_by_hash_and_nothing_else_is():
    assert theme_scripts()
    csp = policy(_page(f"<script>{THEME_SCRIPT}</script><script>alert(1)</script>"))
    assert csp.count("'sha256-") == 1 and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp


def test_the_policy_is_the_first_thing_in_the_head():
    html = add_csp(_page())
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<title>")


@pytest.mark.parametrize("body", [
    '<p>The portal sends the header http-equiv="Content-Security-Policy" to browsers.</p>',
    '<p><code>&lt;meta http-equiv="Content-Security-Policy"&gt;</code></p>',
])
def test_a_page_that_talks_about_the_policy_still_gets_it_once(body):
    html = add_csp(_page(body=body))
    assert has_csp(html) and html.count('<meta http-equiv="Content-Security-Policy"') == 1
    assert add_csp(html) == html


def test_the_page_check_reports_a_page_without_the_policy():
    assert any("Content-Security-Policy" in message for message in _unsafe(_page()))
    assert not any("Content-Security-Policy" in message for message in _unsafe(add_csp(_page())))


@pytest.mark.parametrize("head, body", [
    ("<script>alert(1)</script>", ""),
    ('<script src="https://cdn.example/x.js"></script>', ""),
    ('<script src="/\\evil.example/x.js"></script>', ""),
    ('<link rel="stylesheet" href="//fonts.example/css">', ""),
    ('<link rel="icon" href="https:\\\\evil.example/favicon.ico">', ""),
    ('<meta http-equiv="refresh" content="0; url=https://evil.example/">', ""),
    ("", '<img src=" //evil.example/p.gif" alt="">'),
    ("", '<span onmouseover="alert(1)">Topic</span>'),
    ("", '<iframe src="/x/"></iframe>'),
    ("", '<div style="background: url(http:evil.example/p.png)">x</div>'),
    ("<style>body{background:url(//evil.example/p.png)}</style>", ""),
])
def test_the_page_check_looks_at_the_whole_document_head_included(head, body):
    assert _unsafe(_page(head, body)), (head, body)


def test_the_theme_and_on_site_references_pass():
    head = (f'<script>{THEME_SCRIPT}</script><script id="__config" type="application/json">{{"base": ".."}}</script>'
            '<script src="../../assets/javascripts/bundle.min.js"></script><link rel="stylesheet" href="../../assets/s.css">'
            '<link rel="canonical" href="https://www.kent.gov.uk/x"><link rel="icon" href="data:image/png;base64,AA">')
    body = '<a href="https://www.kent.gov.uk/">Kent County Council</a><img src="../../assets/logo.png" alt="Kent">'
    assert _unsafe(add_csp(_page(head, body))) == []


class _Counting(http.server.SimpleHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.browser
def test_in_chromium_the_policy_blocks_an_off_site_image_and_an_inline_script(tmp_path: Path):
    """Another origin on loopback stands in for another host: no request may reach it, no script may run."""
    from eqportal.a11y.browser import Browser

    _Counting.requests = []
    with serve_with(_Counting) as other, Browser() as browser:
        hostile = (f'<img src="{other}/tracker.png" alt="">'
                   '<script>document.title = "script ran"</script>')
        (tmp_path / "protected.html").write_text(add_csp(_page(body=hostile)), encoding="utf-8")
        (tmp_path / "unprotected.html").write_text(_page(body=hostile.replace("tracker", "control")), encoding="utf-8")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
        handler.log_message = lambda *a: None
        with serve_with(handler) as site:
            browser.driver.get(f"{site}/unprotected.html")  # the control: without the policy both happen
            browser.driver.execute_script("return document.readyState")
            assert browser.driver.title == "script ran"
            browser.driver.get(f"{site}/protected.html")
            browser.driver.execute_script("return document.readyState")
            title = browser.driver.title
    assert _Counting.requests == ["/control.png"]  # the protected page's image was never even requested
    assert title == "Test page"


@pytest.mark.parametrize("head, ok", [
    ("""<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'">""", True),  # a redirect stub's
    ("""<script src="x.js"></script><meta http-equiv="Content-Security-Policy" content="default-src 'self'">""", False),
    ("""<meta http-equiv="Content-Security-Policy" content="default-src *">""", False),
])
def test_a_policy_counts_only_before_what_it_governs_and_only_when_it_keeps_to_this_site(head, ok):
    assert has_csp(_page(head)) is ok
    assert has_csp(_page(body=head)) is False  # in the body it governs nothing
