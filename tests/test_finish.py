"""Generated pages are published without a Markdown pass: links, heading ids and contents as MkDocs would make them."""

from __future__ import annotations

import re

import markdown
import pytest

from eqportal.render.finish import finish_page, relative_url

PAGES = {"eqias/a/index.md": "/eqias/a/", "eqias/b/index.md": "/eqias/b/", "index.md": "/", "about.md": "/about/",
         "easy-read/eqias/a/index.md": "/easy-read/eqias/a/"}
FILES = {"assets/chart.png", "data/eqias.json"}


def finish(html: str, src: str = "eqias/a/index.md"):
    return finish_page(html, src, PAGES, FILES.__contains__, title="A")


def test_links_to_pages_become_relative_addresses_with_their_query_and_anchor():
    done = finish('<p><a href="../b/index.md#actions">B</a> <a href="../../index.md">Home</a> '
                  '<a href="../../about.md?x=1&amp;y=2">About</a> <a href="index.md">Here</a> '
                  '<a href="../../easy-read/eqias/a/index.md">Easy</a></p>')
    assert 'href="../b/#actions"' in done.html
    assert 'href="../../"' in done.html
    assert 'href="../../about/?x=1&amp;y=2"' in done.html
    assert 'href="./"' in done.html
    assert 'href="../../easy-read/eqias/a/"' in done.html
    assert done.problems == ()
    assert ("eqias/b/index.md", "actions") in done.anchor_links


def test_links_that_leave_the_page_alone_are_kept_as_written():
    html = ('<p><a href="https://www.kent.gov.uk/x">K</a> <a href="/eqias/">abs</a> <a href="#top">top</a> '
            '<a href="mailto:a@b.c">m</a> <img src="../../assets/chart.png" alt="c"> <a href="../b/">dir</a></p>')
    done = finish(html)
    assert done.html == html
    assert done.problems == ()


def test_a_link_to_a_page_or_file_that_does_not_exist_is_a_problem_naming_it():
    done = finish('<p><a href="../gone/index.md">Gone</a> <img src="../../assets/missing.png" alt="m"></p>')
    assert len(done.problems) == 2
    assert done.problems[0][0] == "../gone/index.md" and "eqias/gone/index.md is neither a page nor a file" in done.problems[0][1]
    assert "assets/missing.png" in done.problems[1][1]


def test_headings_get_the_ids_and_contents_pythons_markdown_toc_would_give():
    body = "# Title\n\n## Who is affected\n\n### Older & younger people\n\n## Who is affected\n\n## Done {: #done }\n"
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    expected_html = md.convert(body)
    plain = markdown.Markdown(extensions=["attr_list"]).convert(body)  # the same headings, without ids
    done = finish(plain)
    assert done.html == expected_html
    strip = lambda tokens: [{"level": t["level"], "id": t["id"], "name": t["name"], "children": strip(t["children"])} for t in tokens]  # noqa: E731
    assert strip(done.toc) == strip(md.toc_tokens)
    assert {"title", "who-is-affected", "who-is-affected_1", "older-younger-people", "done"} <= done.anchors


def test_relative_url_matches_mkdocs():
    from mkdocs.utils import get_relative_url

    for url, other in [("eqias/b/", "eqias/a/"), ("", "eqias/a/"), ("eqias/a/", "eqias/a/"), ("data/x.json", "eqias/a/"),
                       ("eqias/", ""), ("about/", "easy-read/eqias/a/")]:
        mkdocs_other = other or "."
        mkdocs_url = url or "./"
        assert relative_url("/" + url, "/" + other) == get_relative_url(mkdocs_url, mkdocs_other), (url, other)


@pytest.mark.build
def test_a_body_link_that_leads_nowhere_is_refused_by_check_and_build_on_its_line(tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from tests.site_fixture import CONTENT, TODAY

    root = Path(__file__).resolve().parent.parent
    shutil.copytree(CONTENT, tmp_path / "content")
    source = next((tmp_path / "content" / "eqias").glob("*.md"))
    other = next(p.stem for p in sorted((tmp_path / "content" / "eqias").glob("*.md"))
                 if p != source and "\nstatus: published" in p.read_text(encoding="utf-8"))
    text = source.read_text(encoding="utf-8")
    source.write_text(text + f"\n\nSee [the other assessment](../{other}/index.md) and [a lost page](../lost/index.md).\n",
                      encoding="utf-8")
    shutil.copytree(root / "docs", tmp_path / "docs")  # the project's layout: check knows the hand-written pages
    line = text.count("\n") + 3  # the appended paragraph, after the blank lines
    check = subprocess.run([str(Path(sys.executable).parent / "eqportal"), "check", str(tmp_path / "content")],
                           capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert check.returncode == 1  # check covers what the build refuses
    assert re.search(rf"{re.escape(source.name)}:{line}: body: links to '\.\./lost/index\.md'", check.stdout + check.stderr)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "eqportal"), "build", "--content", str(tmp_path / "content"), "--site-dir",
         str(tmp_path / "site"), "--config", str(root / "mkdocs.yml"), "--today", TODAY.isoformat(), "--no-check"],
        capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 1
    assert re.search(rf"{re.escape(source.name)}:{line}: body: links to '\.\./lost/index\.md'", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert f"../{other}/index.md" not in result.stderr  # the link to a page that exists is fine
    assert not (tmp_path / "site").exists()


def test_a_relative_link_between_any_two_addresses_is_what_posixpath_relpath_gives():
    """The quick way relative_url works out plain site addresses agrees with posixpath, whatever the addresses."""
    import posixpath

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from eqportal.render.finish import relative_url

    part = st.sampled_from(["eqias", "x", "easy-read", ".", "..", "", "a.b", ".well-known", "x y"])
    address = st.builds(lambda parts, slash, root: ("/" if root else "") + "/".join(parts) + ("/" if slash else ""),
                        st.lists(part, max_size=5), st.booleans(), st.booleans())

    @settings(max_examples=3000, deadline=None)
    @given(address, address)
    def agrees(url: str, from_url: str) -> None:
        expected = posixpath.relpath(url or "/", from_url or "/")
        assert relative_url(url, from_url) == (expected + "/" if url.endswith("/") else expected)

    agrees()


def test_a_dead_link_made_from_a_front_matter_address_is_reported_on_that_line(tmp_path):
    """A report's address in an objective's evidence reaches the page rewritten (../../reports/x/index.md):
    the problem names the front matter line that holds it, not line 1 with no field."""
    from types import SimpleNamespace

    from eqportal.plan import _where_written

    source = tmp_path / "accessible-ict.md"
    source.write_text("---\nid: accessible-ict\nprogress:\n  - year: 2016-17\n    evidence:\n"
                      "      - title: Report\n        url: /reports/equality-report-2099/\n---\nSee [the plan](../plan/).\n",
                      encoding="utf-8")
    item = SimpleNamespace(source=str(source), url="/objectives/accessible-ict/")
    problem = _where_written(item, "../../reports/equality-report-2099/index.md", "links to a page that does not exist")
    assert (problem.line, problem.field) == (7, "front matter")
    body = _where_written(item, "../plan/", "links to a page that does not exist")
    assert (body.line, body.field) == (9, "body")
    nowhere = _where_written(item, "../../x/", "links to a page that does not exist")
    assert (nowhere.line, nowhere.field) == (1, "file")
