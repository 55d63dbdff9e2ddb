"""Valid HTML: the Nu HTML validator over the built pages, in one run, as ``PageProblem``s.

Invalid markup is where browsers and screen readers start to disagree (what a label names, which list
an item belongs to). Material's chrome is fixed to be valid (``overrides/``, ``eqportal/site/chrome.py``),
so any error here comes from a template change or from content.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from eqportal.a11y.engines import validate_html
from eqportal.a11y.problem import PageProblem

RULE = "html-valid"


def check_markup(site_dir: Path, urls: dict[str, Path]) -> list[PageProblem]:
    """Validator errors on the pages ``urls`` (site URL -> file); a page's line is in the message."""
    by_file = {path.resolve(): url for url, path in urls.items()}
    problems = []
    for error in validate_html(by_file):
        url = by_file.get(error.path.resolve(), str(error.path))
        problems.append(PageProblem(url, RULE, f"line {error.line}: {error.message}"))
    return problems


def page_file(site_dir: Path, url: str) -> Path:
    """``/eqias/foo/`` -> ``site_dir/eqias/foo/index.html`` (the inverse of the runner's ``page_url``)."""
    rel = url.lstrip("/")
    return site_dir / (rel + "index.html" if rel.endswith("/") or not rel else rel)


def start_markup_check(site_dir: Path, urls: list[str]) -> Future[list[PageProblem]]:
    """Run the validator in the background (it is a separate Java process) while the browsers work."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vnu")
    future = pool.submit(check_markup, site_dir, {url: page_file(site_dir, url) for url in urls})
    pool.shutdown(wait=False)
    return future
