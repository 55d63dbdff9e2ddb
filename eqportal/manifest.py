"""The manifest of published ids: nothing once published may quietly disappear.

``content/published-ids.txt`` lists every assessment id that has ever been public, one per
line, sorted. ``eqportal check`` fails when a listed id has no content file (and is not an
alias of a renamed assessment), or when its file went back to draft. ``eqportal manifest
--update`` adds newly public ids; nothing ever removes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from eqportal.models.common import SLUG_PATTERN
from eqportal.models.vocab import EqiaStatus
from eqportal.portal import Portal
from eqportal.problems import Problem, display_path

MANIFEST_NAME = "published-ids.txt"

HEADER = """\
# Every assessment id ever published on the portal, one per line, sorted.
# Maintained by the tooling: after publishing an assessment, run `eqportal manifest --update`
# and commit this file with it. Never delete a line: a published id keeps its page for good.
# To retire an assessment, mark it withdrawn (with a reason) or superseded; to rename one,
# list its old id under `aliases` in the renamed file, and the old address redirects.
"""

_SLUG = re.compile(SLUG_PATTERN)


@dataclass
class Manifest:
    path: Path
    shown: str
    ids: dict[str, int] = field(default_factory=dict)  # id -> line
    problems: list[Problem] = field(default_factory=list)


def manifest_path(root: Path) -> Path:
    return Path(root) / MANIFEST_NAME


def read_manifest(root: Path) -> Manifest | None:
    """The manifest under the content folder ``root``, or ``None`` if there is none yet."""
    path = manifest_path(root)
    if not path.is_file():
        return None
    manifest = Manifest(path, display_path(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        manifest.problems.append(Problem(manifest.shown, 1, "", f"cannot be read as UTF-8 text: {err}"))
        return manifest
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not _SLUG.match(line):
            manifest.problems.append(Problem(manifest.shown, number, "", f"'{line[:60]}' is not an assessment id (lower-case letters, digits and single hyphens); write one id per line, comments start with #"))
        elif line in manifest.ids:
            manifest.problems.append(Problem(manifest.shown, number, line, f"is listed twice (first on line {manifest.ids[line]}); keep one"))
        else:
            manifest.ids[line] = number
    return manifest


def manifest_problems(portal: Portal) -> Iterator[Problem]:
    """Listed ids that lost their content file or went back to draft."""
    manifest = read_manifest(portal.root)
    if manifest is None:
        return
    yield from manifest.problems
    for eqia_id, line in manifest.ids.items():
        record = portal.eqia_by_any_id(eqia_id)
        if record is None and eqia_id in portal.unreadable_eqias:
            continue  # the file is there; its own problems are reported
        if record is None:
            yield Problem(manifest.shown, line, eqia_id, (
                f"was published, but there is no eqias/{eqia_id}.md; restore the file and mark it withdrawn or superseded, "
                f"or, if the assessment was renamed, add '{eqia_id}' to the aliases of the renamed file"
            ))
        elif record.model.status is EqiaStatus.DRAFT:
            yield Problem(manifest.shown, line, eqia_id, (
                f"was published, but {record.path} now has status draft; a published assessment keeps its page: "
                "mark it withdrawn (with withdrawn_reason) or superseded instead"
            ))


def public_ids(portal: Portal) -> set[str]:
    """Every id that is public now: current ids of non-draft assessments and their earlier ids."""
    ids: set[str] = set()
    for record in portal.eqias.values():
        if record.model.is_public:
            ids.add(record.model.id)
            ids.update(record.model.aliases)
    return ids


def unlisted_ids(portal: Portal) -> list[str]:
    manifest = read_manifest(portal.root)
    listed = set(manifest.ids) if manifest else set()
    return sorted(public_ids(portal) - listed)


def update_manifest(portal: Portal) -> list[str]:
    """Add every public id not yet listed; never remove one. Returns the ids added."""
    manifest = read_manifest(portal.root)
    listed = set(manifest.ids) if manifest else set()
    added = sorted(public_ids(portal) - listed)
    if added or manifest is None:
        write_manifest(manifest_path(portal.root), listed | set(added))
    return added


def write_manifest(path: Path, ids: set[str]) -> None:
    path.write_text(HEADER + "".join(f"{i}\n" for i in sorted(ids)), encoding="utf-8")
