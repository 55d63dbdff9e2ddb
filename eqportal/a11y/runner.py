"""Check a whole built site: static checks on every page, browser checks on changed pages, a report.

The site is served on 127.0.0.1 (a threaded ``http.server`` on a free port) so pages load their
CSS and JavaScript exactly as a reader's browser would; workers each keep one Chromium open and
take pages from a shared queue.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import importlib.metadata
import queue
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eqportal.a11y import settings
from eqportal.a11y.cache import PassCache, assets_digest, page_key
from eqportal.a11y.duplicates import drop_duplicates
from eqportal.a11y.engines import EngineMissing
from eqportal.a11y.markup import start_markup_check
from eqportal.a11y.problem import PageProblem
from eqportal.a11y.report import DEFAULT_CACHE, write_report
from eqportal.a11y.static import CHECKS, Page, check_titles
from eqportal.progress import PlainProgress

SKIPPED_FILES = ("google", "yandex")  # search-console verification files are not pages


class CheckerError(RuntimeError):
    """The site could not be checked at all (no such folder, no browser): one line for the user."""


def page_url(rel: Path) -> str:
    """``eqias/foo/index.html`` -> ``/eqias/foo/``; other files keep their name."""
    posix = rel.as_posix()
    if posix == "index.html":
        return "/"
    if posix.endswith("/index.html"):
        return "/" + posix.removesuffix("index.html")
    return "/" + posix


def html_pages(site_dir: Path) -> dict[str, str]:
    """Every HTML page of the site by URL, in a stable order."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        if path.name.startswith(SKIPPED_FILES):
            continue
        pages[page_url(path.relative_to(site_dir))] = path.read_text(encoding="utf-8", errors="replace")
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on a free port of 127.0.0.1 and yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _progress(enabled: bool) -> Progress | PlainProgress:
    """rich's live bar on a terminal; in a pipe or a CI log, a plain line every few seconds."""
    if enabled and not Console(stderr=True).is_terminal:
        return PlainProgress("page checks")
    return Progress(
        TextColumn("[bold]a11y[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=Console(stderr=True), disable=not enabled, transient=False,
    )


def _browser_checks(
    urls: list[str], site_dir: Path, workers: int, progress: Progress
) -> tuple[list[PageProblem], dict[str, str], dict[str, str]]:
    from eqportal.a11y.browser import Browser  # selenium is only imported when a page needs it

    todo: queue.Queue[str] = queue.Queue()
    for url in urls:
        todo.put(url)
    problems: list[PageProblem] = []
    versions: dict[str, str] = {}
    criteria: dict[str, str] = {}
    failures: list[str] = []
    lock = threading.Lock()
    task = progress.add_task("pages in Chromium", total=len(urls))

    def work() -> None:
        try:
            browser = Browser()
        except Exception as exc:  # noqa: BLE001 - any start-up failure means no checks at all
            with lock:
                failures.append(f"could not start headless Chromium: {str(exc).splitlines()[0] if str(exc) else exc!r}")
            return
        with browser:
            while True:
                try:
                    url = todo.get_nowait()
                except queue.Empty:
                    break
                try:
                    found = browser.check(base, url)
                except Exception as exc:  # noqa: BLE001 - report, keep checking the other pages
                    found = [PageProblem(url, "checker-error", (str(exc).splitlines() or [repr(exc)])[0])]
                with lock:
                    problems.extend(found)
                    versions.update(browser.versions)
                    criteria.update(browser.criteria)
                progress.advance(task)

    with serve(site_dir) as base:
        threads = [threading.Thread(target=work, daemon=True) for _ in range(max(1, min(workers, len(urls))))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if failures and len(failures) == len(threads):
        raise CheckerError(failures[0])
    return problems, versions, criteria


def _versions(browser_versions: dict[str, str]) -> dict[str, str]:
    from eqportal.a11y.browser import axe_core_version

    from eqportal.a11y.engines import engine_versions

    tools = {"checker": settings.CHECKER_VERSION, "axe-core": axe_core_version(), **engine_versions(), **browser_versions}
    for dist in ("eqportal", "axe-selenium-python", "selenium", "mkdocs-material"):
        try:
            tools[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            pass
    return tools


def check_site(
    site_dir: Path,
    *,
    workers: int = 2,
    progress: bool = True,
    cache: Path | None = None,
    fresh: bool = False,
    browser: bool = True,
) -> list[PageProblem]:
    """Every accessibility problem in the built site at ``site_dir``; also writes the JSON report.

    ``cache`` is the folder (default ``.cache/a11y``) remembering pages that passed (the
    statement's ``last-report.json`` is written there only by a build that publishes); ``fresh=True`` opens every page whatever the cache says;
    ``browser=False`` runs only the static checks (quick feedback, never for publishing).
    """
    return run(site_dir, workers=workers, progress=progress, cache=cache, fresh=fresh, browser=browser)[0]


def run(
    site_dir: Path,
    *,
    workers: int = 2,
    progress: bool = True,
    cache: Path | None = None,
    fresh: bool = False,
    browser: bool = True,
) -> tuple[list[PageProblem], dict]:
    """``check_site`` returning the report too (for the command's summary line)."""
    cache = Path(cache) if cache is not None else DEFAULT_CACHE
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise CheckerError(f"{site_dir}: no such folder (build the site first)")
    started = time.monotonic()
    pages = html_pages(site_dir)
    if not pages:
        raise CheckerError(f"{site_dir}: no HTML pages found")

    problems: list[PageProblem] = []
    titles: dict[str, str] = {}
    redirects: set[str] = set()
    for url, html in pages.items():
        page = Page(url, html)
        titles[url] = page.title
        if page.is_redirect:
            redirects.add(url)  # the browser would follow it at once: static checks only
        problems += [p for check in CHECKS for p in check(page)]
    problems += check_titles(titles)

    passes = PassCache(cache, reuse=not fresh)
    assets = assets_digest(site_dir)
    keys = {url: page_key(html, assets) for url, html in pages.items()}
    to_open = [url for url in pages if url not in redirects and not passes.is_fresh(url, keys[url])] if browser else []
    browser_versions: dict[str, str] = {}
    criteria = dict(settings.OWN_RULE_CRITERIA)
    with _progress(progress) as bar:
        if to_open:
            markup = start_markup_check(site_dir, to_open)  # the Nu HTML validator, beside the browsers
            found, browser_versions, axe_criteria = _browser_checks(to_open, site_dir, workers, bar)
            criteria.update(axe_criteria)
            problems += found
            try:
                problems += markup.result()
            except EngineMissing as exc:
                raise CheckerError(str(exc)) from exc
    problems = sorted(set(drop_duplicates(problems)), key=lambda p: (p.url, p.rule, p.selector, p.message))

    if browser:
        failing = {p.url for p in problems}
        passes.save({url: key for url, key in keys.items() if url not in failing})
    duration = time.monotonic() - started
    # What the site itself publishes depends only on the pages and the tools: no clock, no cache
    # counters, no paths of the machine that built it, so two builds of the same content match.
    report = {
        "passed": not problems,
        "pages_checked": len(pages),
        "redirect_pages": len(redirects),
        "browser_checks": browser,
        "axe_tags": list(settings.AXE_TAGS),
        "disabled_axe_rules": settings.DISABLED_AXE_RULES,
        "tools": _versions(browser_versions),
        "problem_count": len(problems),
        "problems": [{**p.as_dict(), "wcag": criteria.get(p.rule, "")} for p in problems],
    }
    write_report(report, site_dir, None)
    # The run's own figures, for the command's summary only.
    report = {**report, "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "site": str(site_dir),
              "pages_opened_in_browser": len(to_open),
              "pages_unchanged_since_last_pass": len(pages) - len(to_open) - len(redirects) if browser else 0,
              "duration_seconds": round(duration, 2), "pages_per_second": round(len(pages) / duration, 2) if duration else None}
    return problems, report


if __name__ == "__main__":  # pragma: no cover
    for problem in check_site(Path(sys.argv[1])):
        print(problem)
