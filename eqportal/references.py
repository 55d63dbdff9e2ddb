"""Rules across files: references must point at assessments that exist, ids stay unique."""

from __future__ import annotations

from typing import Iterator

from eqportal.manifest import manifest_problems
from eqportal.portal import Portal
from eqportal.problems import Problem, field_path


def portal_rules(portal: Portal) -> Iterator[Problem]:
    known = set(portal.eqias) | portal.unreadable_eqias
    aliases: dict[str, str] = {}
    for eqia_id, record in portal.eqias.items():
        eqia = record.model
        if eqia.superseded_by and eqia.superseded_by != eqia_id and eqia.superseded_by not in known:
            yield _dangling(record, ("superseded_by",), eqia.superseded_by)
        for index, alias in enumerate(eqia.aliases):
            if alias in known:
                yield Problem(record.path, record.line_of(("aliases", index)), f"aliases[{index}]", f"'{alias}' is the id of another assessment; an alias must be an old id no longer used")
            elif alias in aliases:
                yield Problem(record.path, record.line_of(("aliases", index)), f"aliases[{index}]", f"'{alias}' is already an alias of {aliases[alias]}")
            aliases.setdefault(alias, eqia_id)
    for folder in ("objectives", "reports", "decisions"):
        for record in getattr(portal, folder).values():
            for index, ref in enumerate(record.model.eqias):
                if ref not in known:
                    yield _dangling(record, ("eqias", index), ref)
    yield from manifest_problems(portal)  # nothing once published may disappear


def _dangling(record, loc: tuple, ref: str) -> Problem:
    return Problem(record.path, record.line_of(loc), field_path(loc), f"names '{ref}', but there is no content/eqias/{ref}.md; check the id")
