"""Check a whole built site: every page that changed since it last passed, then a report.

The site is served on 127.0.0.1 (a threaded ``http.server`` on a free port) so pages load their
CSS and JavaScript exactly as a reader's browser would; workers each keep one Chromium open and
take pages from a shared queue, while the static checks run in a pool of processes beside them
(both cores busy). Pages whose HTML, stylesheets, scripts and checker are unchanged since they
last passed are not checked again (``cache.py``).

What every page shares is checked once per template (``template_key``; the reasons are in
``settings.CONTENT_REGION``), and ``--shard K/N`` checks a stable K-th share of the pages (by a
hash of the URL) so CI runners can split the work; ``merge_reports`` joins their reports.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import functools
import hashlib
import http.server
import importlib.metadata
import multiprocessing
import os
import queue
import re
import sys
import threading
import time
from dataclasses import dataclass
from html import unescape as html_unescape
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eqportal.a11y import batch, settings
from eqportal.a11y.cache import PassCache, ReadBefore, assets_digest, page_key, remember_browser, remembered_browser, site_files
from eqportal.a11y.duplicates import drop_duplicates
from eqportal.a11y.engines import EngineMissing
from eqportal.a11y.markup import start_markup_check
from eqportal.a11y.problem import CheckerError, PageProblem
from eqportal.a11y.settings import default_workers
from eqportal.a11y.regions import content_bounds, toc_bounds
from eqportal.a11y.report import DEFAULT_CACHE, parse_shard, write_report, write_report_file  # noqa: F401 (parse_shard: re-exported)
from eqportal.a11y.static import check_page, check_titles
from eqportal.buildcache import code_digest
from eqportal.progress import PlainProgress

SKIPPED_FILES = ("google", "yandex")  # search-console verification files are not pages


def page_url(rel: Path | str) -> str:
    """``eqias/foo/index.html`` -> ``/eqias/foo/``; other files keep their name."""
    posix = rel if isinstance(rel, str) else rel.as_posix()
    if posix == "index.html":
        return "/"
    if posix.endswith("/index.html"):
        return "/" + posix.removesuffix("index.html")
    return "/" + posix


def html_files(site_dir: Path) -> dict[str, Path]:
    """Every HTML page of the site by URL, in a stable order."""
    return {page_url(rel): path for rel, path in site_files(site_dir, (".html",)) if not path.name.startswith(SKIPPED_FILES)}


def html_pages(site_dir: Path) -> dict[str, str]:
    """Every HTML page of the site by URL, with its text."""
    return {url: read_html(path) for url, path in html_files(site_dir).items()}


def read_html(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def in_shard(url: str, shard: tuple[int, int] | None) -> bool:
    """Whether ``url`` belongs to share K of N: by a hash of the URL, so the same page always lands in
    the same share whatever else the site holds, and the N shares together hold every page once."""
    if shard is None:
        return True
    k, n = shard
    return int.from_bytes(hashlib.sha256(url.encode()).digest()[:8], "big") % n == k - 1


_REDIRECT = re.compile(r"<meta[^>]+http-equiv=[\"']?refresh", re.I)
_TITLE_TAG = re.compile(r"<title[^>]*>.*?</title>", re.S | re.I)
# The page's own address, which the head repeats for search engines (canonical link, description):
# nothing a reader's browser shows or lays out, so not part of what pages share.
_OWN_ADDRESS = re.compile(r"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>|<meta\b[^>]*\bname=[\"']?description\b[^>]*>", re.I)


def page_title(html: str) -> str:
    """The page's ``<title>`` as :attr:`static.Page.title` reads it (entities decoded, spaces collapsed), without parsing the page."""
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    return " ".join(html_unescape(m.group(1)).split()) if m else ""


def is_redirect(html: str) -> bool:
    """A stub that sends the reader on at once (``<meta http-equiv="refresh">``)."""
    return _REDIRECT.search(html) is not None


_APOSTROPHE = re.compile(r"&#x0*27;|&#0*39;|&apos;", re.I)
_QUOTE = re.compile(r"&#x0*22;|&#0*34;|&quot;", re.I)


def _quotes(html: str) -> str:
    """Quotes written one way: the title reaches the header and the heading through different escapers."""
    return _QUOTE.sub('"', _APOSTROPHE.sub("'", html))


def _cut(html: str, bounds: tuple[int, int]) -> str:
    return html[:bounds[0]] + "\0" + html[bounds[1]:]


def template_key(html: str) -> str | None:
    """What the page shares with others: its HTML outside the content region, without its own title.

    Two pages with the same key have the same header, navigation, footer and search, at the same
    depth; they differ only in their content, in their table of contents (made of its headings),
    in the title, which Material repeats in the <title>, in the header and as the anchor of its
    own skip link, and in the canonical link and description in the head, which the browser
    neither shows nor lays out. The table of contents sits inside <main>, where the text checks
    look on every page (``settings.CONTENT_REGION``). None: no content region found, so the whole
    page is checked.
    """
    bounds = content_bounds(html)
    if bounds is None:
        return None
    chrome = _cut(html, bounds)
    toc = toc_bounds(chrome)
    if toc is not None:
        chrome = _cut(chrome, toc)
    chrome = _quotes(_OWN_ADDRESS.sub("", _TITLE_TAG.sub("", chrome)))
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html[bounds[0]:bounds[1]], re.S)
    if match:
        heading = _quotes(re.sub(r"<[^>]+>", "", match.group(1)).strip())
        anchor = re.search(r'<h1[^>]*\bid="([^"]+)"', match.group(0))
        for own in filter(None, (heading, anchor.group(1) if anchor else None)):
            chrome = chrome.replace(own, "\0title\0")
    return hashlib.sha256(chrome.encode()).hexdigest()


@dataclass
class PageInfo:
    url: str
    path: Path
    key: str  # cache key: the page, the site's assets and the checker's options
    title: str
    redirect: bool
    template: str | None


def _info(url: str, path: Path, assets: str) -> PageInfo:
    html = read_html(path)
    return PageInfo(url, path, page_key(html, assets), page_title(html), is_redirect(html), template_key(html))


def page_infos(site_dir: Path, files: dict[str, Path], cache: Path | None, *, fresh: bool = False) -> dict[str, PageInfo]:
    """Each of ``files``' :class:`PageInfo`: read from the file, or as read in the last run (remembered in
    ``cache``) where it is the very same file and nothing else it depends on has changed since."""
    assets = assets_digest(site_dir)
    # What a page's info depends on besides its file: the checker's code and options, the site's assets.
    context = hashlib.sha256(f"{code_digest()}\0{settings.options_digest()}\0{assets}".encode()).hexdigest()
    return _infos(files, assets, ReadBefore(cache, context, reuse=not fresh))


def _infos(files: dict[str, Path], assets: str, read_before: ReadBefore) -> dict[str, PageInfo]:
    infos = {}
    for url, path in files.items():
        known, stat = read_before.recall(url, path)
        if known is not None:
            infos[url] = PageInfo(url, path, *known)
            continue
        info = infos[url] = _info(url, path, assets)
        read_before.remember(url, stat, [info.key, info.title, info.redirect, info.template])
    read_before.save()
    return infos


def _static(url: str, path: str) -> list[PageProblem]:
    """Run in a worker process: every static problem on one page."""
    return check_page(url, read_html(Path(path)))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site to the checker's browsers; the site does not change while it is checked.

    ``batches`` holds the documents ``batch.compose`` made, each served at its first page's address
    with ``?eqp-batch=N`` added, so its relative links resolve as that page's do.
    """

    def __init__(self, *args, batches: dict[str, bytes] | None = None, **kwargs) -> None:
        self.batches = {} if batches is None else batches  # the runner's own dict: it fills it as it goes
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        document = self.batches.get(self.path)
        if document is None:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(document)))
        self.end_headers()
        self.wfile.write(document)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        # Fresh for the run: a just-built site's stylesheets and scripts are seconds old, so Chromium
        # would otherwise ask again for each of them on every page it opens.
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


@contextmanager
def serve(site_dir: Path, batches: dict[str, bytes] | None = None) -> Iterator[str]:
    """Serve ``site_dir`` (and the ``batches`` documents) on a free port of 127.0.0.1 and yield its base URL."""
    with serve_with(functools.partial(_QuietHandler, directory=str(site_dir), batches=batches)) as base:
        yield base


@contextmanager
def serve_with(handler) -> Iterator[str]:
    """Run an HTTP request handler on a free port of 127.0.0.1 (never another address) and yield its base URL."""
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
    urls: dict[str, str | None], site_dir: Path, workers: int, progress: Progress,
    batches: list[list[tuple[str, Path]]] = (),
) -> tuple[list[PageProblem], dict[str, str], dict[str, str], dict[str, int]]:
    """Open each page of ``urls`` (url -> scope of the text checks, None for the whole page), and each
    batch of pages (url, file) of one template; a batch that finds anything is checked again page by page."""
    from eqportal.a11y.browser import Browser, closed_on_terminate  # selenium is only imported when a page needs it

    todo: queue.Queue[tuple[str, object]] = queue.Queue()
    for url in sorted(urls, key=lambda u: urls[u] is not None):  # whole-page checks first
        todo.put(("page", url))
    for pages in batches:
        todo.put(("batch", pages))
    scopes = dict(urls)
    documents: dict[str, bytes] = {}  # what the server sends for each batch's address
    problems: list[PageProblem] = []
    versions: dict[str, str] = {}
    criteria: dict[str, str] = {}
    counts = {"batches_passed": 0, "batches_checked_again": 0}
    failures: list[str] = []
    lock = threading.Lock()
    task = progress.add_task("pages in Chromium", total=len(urls) + sum(len(pages) for pages in batches))

    def check_batch(browser, pages: list[tuple[str, Path]], number: int) -> None:
        address = f"{pages[0][0]}?eqp-batch={number}"
        documents[address] = batch.compose([read_html(path) for _, path in pages]).encode()
        try:
            passed = browser.passes_batch(base, address, len(pages))
        except Exception:  # noqa: BLE001 - its pages are checked one by one, which reports the error
            passed = False
        finally:
            del documents[address]
        with lock:
            counts["batches_passed" if passed else "batches_checked_again"] += 1
            versions.update(browser.versions)
        if passed:
            progress.advance(task, len(pages))
            return
        for url, _ in pages:
            scopes[url] = settings.CONTENT_REGION
            todo.put(("page", url))

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
                    kind, item = todo.get_nowait()
                except queue.Empty:
                    break
                if kind == "batch":
                    check_batch(browser, item, id(item))
                    continue
                try:
                    found = browser.check(base, item, scope=scopes[item])
                except Exception as exc:  # noqa: BLE001 - report, keep checking the other pages
                    found = [PageProblem(item, "checker-error", (str(exc).splitlines() or [repr(exc)])[0])]
                with lock:
                    problems.extend(found)
                    versions.update(browser.versions)
                    criteria.update(browser.criteria)
                progress.advance(task)

    with closed_on_terminate(), serve(site_dir, documents) as base:
        threads = [threading.Thread(target=work, daemon=True)
                   for _ in range(max(1, min(workers, len(urls) + len(batches))))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if failures and len(failures) == len(threads):
        raise CheckerError(failures[0])
    return problems, versions, criteria, counts


def _pages_to_open(share: dict[str, PageInfo], to_check: list[str], fresh_pages: set[str]) -> dict[str, str | None]:
    """The pages to open in Chromium, each with the scope of its text checks: None (the whole page) for
    the first page of a template not already checked, the content region for the others."""
    to_open: dict[str, str | None] = {}
    checked_templates = {share[u].template for u in fresh_pages} - {None}
    for url in to_check:
        info = share[url]
        if info.redirect:
            continue  # the browser would follow it at once: static checks only
        if info.template is not None and info.template in checked_templates:
            to_open[url] = settings.CONTENT_REGION
        else:
            to_open[url] = None
            checked_templates.add(info.template)
    return to_open


def _batched(to_open: dict[str, str | None], share: dict[str, PageInfo]) -> list[list[tuple[str, Path]]]:
    """Pages checked in their content only, grouped by template into batches of at most
    ``settings.BATCH_PAGES`` pages and ``settings.BATCH_BYTES`` of content; a page with a table of
    contents first, so the batch has one to add the others' to. The largest batches come first: two
    browsers share them, and a long one left to the end (an index of a thousand rows) would keep
    one browser busy while the other has nothing to do.

    Each page is read again here rather than with the others in ``_info``: only pages opened in
    the browser need it, a handful after an edit."""
    by_template: dict[str, list[tuple[str, int, bool]]] = {}
    for url, scope in to_open.items():
        info = share[url]
        if scope is None or info.template is None:
            continue
        measured = batch.measure(read_html(info.path))
        if measured is not None:
            by_template.setdefault(info.template, []).append((url, *measured))
    batches = []
    for pages in by_template.values():
        groups: list[list[tuple[str, int, bool]]] = [[]]
        size = 0
        for page in pages:
            if groups[-1] and (len(groups[-1]) >= settings.BATCH_PAGES or size + page[1] > settings.BATCH_BYTES):
                groups.append([])
                size = 0
            groups[-1].append(page)
            size += page[1]
        for group in groups:
            if len(group) > 1:
                group.sort(key=lambda page: not page[2])
                batches.append((sum(size for _, size, _ in group), [(url, share[url].path) for url, _, _ in group]))
    batches.sort(key=lambda sized: -sized[0])
    return [pages for _, pages in batches]


def expected_tools(cache: Path | None = None) -> dict[str, str]:
    """The ``tools`` a run with ``cache`` (default ``.cache/a11y``) is expected to report, known before it
    runs: its browser as it last ran, or as the installed Chromium tells its version (no run before)."""
    from eqportal.a11y.browser import installed_versions

    return _versions(remembered_browser(Path(cache) if cache is not None else DEFAULT_CACHE) or installed_versions())


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

    ``cache`` is the folder (default ``.cache/a11y``) remembering pages that passed; ``fresh=True`` opens every page whatever the cache says;
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
    shard: tuple[int, int] | None = None,
    report_file: Path | None = None,
) -> tuple[list[PageProblem], dict]:
    """``check_site`` returning the report too (for the command's summary line).

    ``shard=(k, n)`` checks only the k-th of n shares of the pages and writes a part report (to
    ``report_file`` too when given) for ``merge_reports``.
    """
    cache = Path(cache) if cache is not None else DEFAULT_CACHE
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise CheckerError(f"{site_dir}: no such folder (build the site first)")
    started = time.monotonic()
    files = html_files(site_dir)
    if not files:
        raise CheckerError(f"{site_dir}: no HTML pages found")

    infos = page_infos(site_dir, files, cache, fresh=fresh)
    share = {url: info for url, info in infos.items() if in_shard(url, shard)}
    passes = PassCache(cache, reuse=not fresh)
    fresh_pages = {url for url, info in share.items() if passes.is_fresh(url, info.key)}
    to_check = [url for url in share if url not in fresh_pages]

    # Titles are compared across the whole site; each share reports the duplicates among its own pages.
    problems: list[PageProblem] = [p for p in check_titles({u: i.title for u, i in infos.items()}) if p.url in share]
    to_open = _pages_to_open(share, to_check, fresh_pages) if browser else {}
    browser_versions: dict[str, str] = {}
    batch_counts = {"batches_passed": 0, "batches_checked_again": 0}
    criteria = dict(settings.OWN_RULE_CRITERIA)
    # Static checks in other processes (spawned: this one runs threads), browsers in this one.
    context = multiprocessing.get_context("spawn")
    static_workers = max(1, min(default_workers() // 2 if to_open else default_workers(), len(to_check)))
    with concurrent.futures.ProcessPoolExecutor(static_workers, mp_context=context, initializer=_end_with_parent,
                                                initargs=(os.getpid(),)) as pool, _progress(progress) as bar:
        static = [pool.submit(_static_batch, pages) for pages in _batches([(u, str(share[u].path)) for u in to_check], 25)]
        if to_open:
            markup = start_markup_check(site_dir, to_open)  # the Nu HTML validator, beside the browsers
            batches = _batched(to_open, share)
            in_batches = {url for pages in batches for url, _ in pages}
            singles = {url: scope for url, scope in to_open.items() if url not in in_batches}
            found, browser_versions, axe_criteria, batch_counts = _browser_checks(singles, site_dir, workers, bar, batches)
            remember_browser(cache, browser_versions)
            criteria.update(axe_criteria)
            problems += found
            try:
                problems += markup.result()
            except EngineMissing as exc:
                raise CheckerError(str(exc)) from exc
        for future in static:
            problems += future.result()
    problems = sorted(set(drop_duplicates(problems)), key=lambda p: (p.url, p.rule, p.selector, p.message))

    if browser:
        failing = {p.url for p in problems}
        passed = {url: info.key for url, info in share.items() if url not in failing}
        if shard is not None:  # keep what other shares remembered: one cache may serve several
            passed = {**{u: k for u, k in passes.passed.items() if not in_shard(u, shard)}, **passed}
        passes.save(passed)
    duration = time.monotonic() - started
    redirects = sum(1 for info in share.values() if info.redirect)
    # What the site itself publishes depends only on the pages and the tools: no clock, no cache
    # counters, no paths of the machine that built it, so two builds of the same content match.
    report = {
        "passed": not problems,
        "pages_checked": len(share),
        "redirect_pages": redirects,
        "browser_checks": browser,
        "axe_tags": list(settings.AXE_TAGS),
        "disabled_axe_rules": settings.DISABLED_AXE_RULES,
        "tools": _versions(browser_versions or (remembered_browser(cache) if browser else {})),
        "problem_count": len(problems),
        "problems": [{**p.as_dict(), "wcag": criteria.get(p.rule, "")} for p in problems],
    }
    if shard is not None:
        report["shard"] = f"{shard[0]}/{shard[1]}"
    write_report(report, site_dir)
    # The run's own figures, for the command's summary and the part report a merge joins (never published).
    report = {**report, "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "site": str(site_dir),
              "shard": f"{shard[0]}/{shard[1]}" if shard else None,
              "pages_opened_in_browser": len(to_open),
              "pages_opened_whole": sum(1 for scope in to_open.values() if scope is None), **batch_counts,
              "pages_unchanged_since_last_pass": len(fresh_pages) if browser else 0,
              "templates": len({info.template for info in share.values()}),
              "duration_seconds": round(duration, 2), "pages_per_second": round(len(share) / duration, 2) if duration else None}
    if report_file is not None:
        write_report_file(report, report_file)
    return problems, report


def _end_with_parent(parent: int) -> None:
    """In a static-checks worker: end when the run that started it ends, however it ends.

    A run ended by SIGTERM closes its browsers and its workers (``browser.closed_on_terminate``), but
    only while the browsers run; ended any other way (SIGKILL, or a signal between two steps), its
    spawned workers waited on their queue for good. Linux's parent-death signal ends them with it.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
    if os.getppid() != parent:  # the run ended while this worker started
        os._exit(0)


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _static_batch(pages: list[tuple[str, str]]) -> list[PageProblem]:
    return [p for url, path in pages for p in _static(url, path)]


if __name__ == "__main__":  # pragma: no cover
    for problem in check_site(Path(sys.argv[1])):
        print(problem)
