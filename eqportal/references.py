"""Rules across files: references must point at assessments that exist, ids stay unique."""

from __future__ import annotations

from typing import Iterator

from eqportal.manifest import manifest_problems
from eqportal.portal import Portal
from eqportal.problems import Problem, field_path


def portal_rules(portal: Portal) -> Iterator[Problem]:
    known = set(portal.eqias) | portal.unreadable_eqias
    for eqia_id, record in portal.eqias.items():
        eqia = record.model
        if eqia.superseded_by and eqia.superseded_by != eqia_id and eqia.superseded_by not in known:
            yield _dangling(record, ("superseded_by",), eqia.superseded_by)
        elif eqia.is_public and _is_draft(portal, eqia.superseded_by):
            yield Problem(record.path, record.line_of(("superseded_by",)), "superseded_by",
                          f"names '{eqia.superseded_by}', which is a draft: the page would say this assessment has been "
                          "replaced, with no link to what replaced it; publish the new one first, or leave superseded_by "
                          "out until it is published")
    for folder, noun in ALIASED:
        yield from _alias_problems(portal, folder, noun)
    for folder in ("objectives", "reports", "decisions"):
        for record in getattr(portal, folder).values():
            for index, ref in enumerate(record.model.eqias):
                if ref not in known:
                    yield _dangling(record, ("eqias", index), ref)
                elif folder != "decisions" and _is_draft(portal, ref):  # a decision's draft analysis is an audit finding
                    yield Problem(record.path, record.line_of(("eqias", index)), f"eqias[{index}]",
                                  f"names '{ref}', which is a draft, so the page cannot link to it and would leave it out; "
                                  "add it here once it is published")
    yield from _supersession_cycles(portal)
    yield from manifest_problems(portal)  # nothing once published may disappear


# Every kind of content can keep its earlier ids, so that a published address survives a rename.
ALIASED = (("eqias", "assessment"), ("objectives", "objective"), ("reports", "report"), ("decisions", "decision"))


def _alias_problems(portal: Portal, folder: str, noun: str) -> Iterator[Problem]:
    """An alias names an old id no longer used, of one item only: its address redirects (its anchor leads) there."""
    records = getattr(portal, folder)
    known = set(records) | portal.unreadable.get(folder, set())
    what = "number" if folder == "decisions" else "id"
    aliases: dict[str, str] = {}
    for key, record in records.items():
        for index, alias in enumerate(record.model.aliases):
            alias_key = alias.replace("/", "-")  # a decision's number as its id: 15/00045 -> 15-00045
            line, field = record.line_of(("aliases", index)), f"aliases[{index}]"
            if alias_key == key:
                yield Problem(record.path, line, field, f"'{alias}' is this {noun}'s own {what}; an alias is an earlier {what}, no longer used")
            elif alias_key in known:
                yield Problem(record.path, line, field, f"'{alias}' is the {what} of another {noun}; an alias must be an old {what} no longer used")
            elif alias_key in aliases:
                yield Problem(record.path, line, field, f"'{alias}' is already an alias of {aliases[alias_key]}")
            aliases.setdefault(alias_key, record.path)


def _supersession_cycles(portal: Portal) -> Iterator[Problem]:
    """``superseded_by`` must lead to a current assessment: A replaced by B replaced by A leads nowhere."""
    reported: set[str] = set()
    for start in sorted(portal.eqias):
        chain: list[str] = []
        current: str | None = start
        while current in portal.eqias and current not in chain and current not in reported:
            chain.append(current)
            current = portal.eqias[current].model.superseded_by
        if current in chain:
            cycle = chain[chain.index(current):]
            if len(cycle) < 2:
                continue  # an assessment naming itself is its own rule
            loop = " -> ".join([*cycle, cycle[0]])
            for eqia_id in cycle:
                record = portal.eqias[eqia_id]
                yield Problem(record.path, record.line_of(("superseded_by",)), "superseded_by",
                              f"goes round in a circle ({loop}), so no assessment is the current one; "
                              "the newest assessment must not have superseded_by")
        reported.update(chain)


def _is_draft(portal: Portal, eqia_id: str | None) -> bool:
    record = portal.eqias.get(eqia_id or "")
    return record is not None and not record.model.is_public


def _dangling(record, loc: tuple, ref: str) -> Problem:
    return Problem(record.path, record.line_of(loc), field_path(loc), f"names '{ref}', but there is no content/eqias/{ref}.md; check the id")
