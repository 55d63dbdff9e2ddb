"""``check`` plans the whole site, so that a build can never fail on content that passed it.

Every page and file the build would make is generated here, with the same pure builders the
build uses, and every address claimed twice becomes a problem on the content that claims it:
an assessment id equal to a generated page (``reviews``), two directorates written differently
whose addresses are the same (``Adult Social Care`` and ``Adult social care``), an alias whose
redirect a generated page would replace. Anything else that would stop the generation is
reported too, as a problem rather than a traceback.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path
from typing import Iterator, Mapping

from eqportal.context import BuildContext
from eqportal.paths import real_path
from eqportal.portal import Portal, Record
from eqportal.problems import Problem, display_path, field_path
from eqportal.render.finish import FinishedPage, link_page, prepare_page
from eqportal.registry import alias_url, content_type, directorate_url, slug, url_for
from eqportal.site import run_builders
from eqportal.site.pages import Generated, GeneratedPage
from eqportal.site.redirects import REDIRECTED

Claim = tuple[Record, tuple, str]  # the record, the field location, what it is


def _address(item: Generated) -> str:
    """Where the item ends up in the site: a page and an ``index.html`` file at one folder collide."""
    return item.url.removesuffix("index.html")


def _describe(item: Generated) -> str:
    return f"the page '{item.title}'" if isinstance(item, GeneratedPage) else f"the file {item.src_uri}"


def _content_claims(portal: Portal) -> dict[str, list[Claim]]:
    """The addresses content chooses: pages from ids, redirects from aliases, index pages from directorate names."""
    claims: dict[str, list[Claim]] = defaultdict(list)
    for folder in ("eqias", "objectives", "reports"):
        for record in getattr(portal, folder).values():
            for variant in (None, *content_type(record.model).variants):
                claims[url_for(record.model, variant)].append((record, ("id",), f"the page of {record.path}"))
    for folder in REDIRECTED:
        for record in getattr(portal, folder).values():
            for index, alias in enumerate(record.model.aliases):
                for variant in (None, *content_type(record.model).variants):
                    claims[alias_url(alias, variant, folder)].append((record, ("aliases", index), f"the redirect from alias '{alias}' of {record.path}"))
    by_directorate: dict[str, Record] = {}
    for record in sorted(portal.public_eqias(), key=lambda r: r.path):
        by_directorate.setdefault(record.model.directorate, record)
    for name, record in by_directorate.items():
        claims[directorate_url(name)].append((record, ("directorate",), f"the index of directorate '{name}' (from {record.path})"))
    return claims


def _directorate_problems(portal: Portal) -> Iterator[Problem]:
    for record in portal.public_eqias():
        if not slug(record.model.directorate):
            yield Problem(record.path, record.line_of(("directorate",)), "directorate",
                          "needs letters a to z or digits: its index page's address is made from them (other scripts are not kept)")


def plan(portal: Portal, context: BuildContext | None = None, *, light: bool = False) -> tuple[list[Generated], list[Problem]]:
    """Every page and file generating the site from ``portal`` makes, and every problem it would meet.

    The build uses the pages when there are no problems, so the site is generated once; ``check``
    keeps only the problems, as ``path:line: field: message``. ``light``: see :func:`run_builders`.
    """
    problems = list(_directorate_problems(portal))
    if problems:
        return [], problems
    context = context or BuildContext(today=portal.today)
    try:
        made = run_builders(portal, context, light=light)
    except Exception as exc:  # noqa: BLE001 - whatever stops generation must be a problem line, never a traceback
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        return [], [Problem(str(portal.root), 1, "content", f"the site could not be planned from this content ({type(exc).__name__}: {first[:200]})")]
    by_address: dict[str, list[Generated]] = defaultdict(list)
    for _, item in made:
        by_address[_address(item)].append(item)
    problems = _collisions(portal, by_address)
    return ([] if problems else [item for _, item in made]), problems


def plan_problems(portal: Portal, context: BuildContext | None = None, *, links: bool = False) -> list[Problem]:
    """Every problem generating the site from ``portal`` would meet; with ``links``, links that lead nowhere too.

    Links are judged only where the hand-written pages are known (``context.documents``, from docs/):
    without them a link to one would look like a link to nothing.
    """
    made, problems = plan(portal, context)
    if problems or not links:
        return problems
    context = context or BuildContext(today=portal.today)
    pages = {path: url for url, path in context.documents.items()}
    pages.update({i.src_uri: i.url for i in made if isinstance(i, GeneratedPage)})
    files = {i.src_uri for i in made if not isinstance(i, GeneratedPage)} | set(context.static_files)
    finished = {i.src_uri: (i, link_page(prepare_page(i.html, i.src_uri, title=i.title, indexed=False), i.src_uri, pages,
                                         files.__contains__))
                for i in made if isinstance(i, GeneratedPage)}
    return sorted(set(link_problems(finished)))


def link_problems(finished: Mapping[str, tuple[GeneratedPage, FinishedPage]]) -> list[Problem]:
    """Each link of a generated page that leads nowhere, as a problem on the content file's line that has it."""
    problems = []
    for item, done in finished.values():
        found = list(done.problems)
        found += [(f"#{anchor}", f"links to '#{anchor}' on {finished[target][0].url}, which has no such anchor")
                  for target, anchor in done.anchor_links if target in finished and anchor not in finished[target][1].anchors]
        problems += [_where_written(item, link, message) for link, message in found]
    return problems


def _where_written(item: GeneratedPage, link: str, message: str) -> Problem:
    """On the first line of the page's content file that has ``link`` (field ``body``); else on the page (a template's link)."""
    if item.source is None:
        return Problem(f"the page {item.url} (a template)", 1, "template", message)
    try:
        lines = Path(item.source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    number = next((n for n, line in enumerate(lines, 1) if link in line or html.escape(link) in line), None)
    if number is None:
        # A link the page made from a front-matter address (a report's url, say) reads differently on the
        # page: look for the address's last part instead.
        last = _last_part(link)
        number = next((n for n, line in enumerate(lines, 1) if last and last in line), None)
        if number is None:
            return Problem(display_path(Path(item.source)), 1, "file", f"its page {item.url} {message}")
    return Problem(display_path(Path(item.source)), number, "front matter" if _in_front_matter(lines, number) else "body", message)


def _last_part(link: str) -> str:
    """``../../reports/report-2099/index.md#x`` -> ``report-2099``: the part an editor wrote in any spelling of the address."""
    path = link.split("#", 1)[0].split("?", 1)[0]
    parts = [part for part in path.split("/") if part not in ("", ".", "..", "index.md", "index.html")]
    last = parts[-1].removesuffix(".md") if parts else ""
    return last if len(last) >= 3 else ""


def _in_front_matter(lines: list[str], number: int) -> bool:
    """Whether line ``number`` (1-based) lies between the opening ``---`` and the one that closes it."""
    if not lines or lines[0].strip() != "---":
        return False
    closing = next((n for n, line in enumerate(lines[1:], 2) if line.strip() == "---"), None)
    return closing is not None and number < closing


def _collisions(portal: Portal, made: dict[str, list[Generated]]) -> list[Problem]:
    """Each address claimed twice, as a problem on the content that claims it."""
    problems: list[Problem] = []
    clashes = sorted((address, items) for address, items in made.items() if len(items) > 1)
    if not clashes:
        return problems  # the usual case: who claims what is worked out only to name a clash
    claims = _content_claims(portal)
    sources = {real_path(r.source): r for f in ("eqias", "objectives", "reports") for r in getattr(portal, f).values()}
    for address, items in clashes:
        involved = claims.get(address, [])
        generated = [_describe(i) for i in items if not (isinstance(i, GeneratedPage) and i.source is not None and real_path(i.source) in sources)]
        if not involved:
            problems.append(Problem(str(portal.root), 1, "address", f"{address} would be made twice ({', '.join(_describe(i) for i in items)})"))
            continue
        for record, loc, what in involved:
            others = [w for r, l, w in involved if (r, l) != (record, loc)] + generated
            others = list(dict.fromkeys(o for o in others if o != what))
            problems.append(Problem(record.path, record.line_of(loc), field_path(loc),
                                    f"gives {address}, which is also the address of {'; '.join(others) or 'another page'}: "
                                    "each page needs its own address, so choose another value"))
    return sorted(set(problems))
