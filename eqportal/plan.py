"""``check`` plans the whole site, so that a build can never fail on content that passed it.

Every page and file the build would make is generated here, with the same pure builders the
build uses, and every address claimed twice becomes a problem on the content that claims it:
an assessment id equal to a generated page (``reviews``), two directorates written differently
whose addresses are the same (``Adult Social Care`` and ``Adult social care``), an alias whose
redirect a generated page would replace. Anything else that would stop the generation is
reported too, as a problem rather than a traceback.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterator

from eqportal.context import BuildContext
from eqportal.portal import Portal, Record
from eqportal.problems import Problem, field_path
from eqportal.registry import alias_url, content_type, directorate_url, slug, url_for
from eqportal.site import run_builders
from eqportal.site.pages import Generated, GeneratedPage

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
    for record in portal.eqias.values():
        for index, alias in enumerate(record.model.aliases):
            for variant in (None, *content_type(record.model).variants):
                claims[alias_url(alias, variant)].append((record, ("aliases", index), f"the redirect from alias '{alias}' of {record.path}"))
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
                          "needs letters or digits: its index page's address is made from them")


def plan(portal: Portal, context: BuildContext | None = None) -> tuple[list[Generated], list[Problem]]:
    """Every page and file generating the site from ``portal`` makes, and every problem it would meet.

    The build uses the pages when there are no problems, so the site is generated once; ``check``
    keeps only the problems, as ``path:line: field: message``.
    """
    problems = list(_directorate_problems(portal))
    if problems:
        return [], problems
    context = context or BuildContext(today=portal.today)
    try:
        made = run_builders(portal, context)
    except Exception as exc:  # noqa: BLE001 - whatever stops generation must be a problem line, never a traceback
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        return [], [Problem(str(portal.root), 1, "", f"the site could not be planned from this content ({type(exc).__name__}: {first[:200]})")]
    by_address: dict[str, list[Generated]] = defaultdict(list)
    for _, item in made:
        by_address[_address(item)].append(item)
    problems = _collisions(portal, by_address)
    return ([] if problems else [item for _, item in made]), problems


def plan_problems(portal: Portal, context: BuildContext | None = None) -> list[Problem]:
    """Every problem generating the site from ``portal`` would meet, as ``path:line: field: message``."""
    return plan(portal, context)[1]


def _collisions(portal: Portal, made: dict[str, list[Generated]]) -> list[Problem]:
    """Each address claimed twice, as a problem on the content that claims it."""
    problems: list[Problem] = []
    claims = _content_claims(portal)
    sources = {Path(r.source).resolve(): r for f in ("eqias", "objectives", "reports") for r in getattr(portal, f).values()}
    for address, items in sorted(made.items()):
        if len(items) < 2:
            continue
        involved = claims.get(address, [])
        generated = [_describe(i) for i in items if not (isinstance(i, GeneratedPage) and i.source is not None and Path(i.source).resolve() in sources)]
        if not involved:
            problems.append(Problem(str(portal.root), 1, "", f"{address} would be made twice ({', '.join(_describe(i) for i in items)})"))
            continue
        for record, loc, what in involved:
            others = [w for r, l, w in involved if (r, l) != (record, loc)] + generated
            others = list(dict.fromkeys(o for o in others if o != what))
            problems.append(Problem(record.path, record.line_of(loc), field_path(loc),
                                    f"gives {address}, which is also the address of {'; '.join(others) or 'another page'}: "
                                    "each page needs its own address, so choose another value"))
    return sorted(set(problems))
