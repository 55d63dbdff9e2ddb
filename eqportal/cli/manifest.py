"""``eqportal manifest [PATH] [--update]``: keep the list of every assessment id ever published."""

from __future__ import annotations

import argparse
from pathlib import Path

from eqportal.cli.output import FORMATS, print_problems, stderr_console
from eqportal.loader import load_portal
from eqportal.manifest import MANIFEST_NAME, unlisted_ids, update_manifest
from eqportal.problems import Problem


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "manifest",
        help=f"check or update {MANIFEST_NAME}, the list of every assessment id ever published",
        description=(
            f"Without --update, exit 1 if a public assessment is missing from PATH/{MANIFEST_NAME}. "
            "With --update, add every newly public id (none is ever removed). "
            "Example: eqportal manifest content/ --update"
        ),
    )
    parser.add_argument("path", nargs="?", default="content", type=Path, help="the content folder (default: content)")
    parser.add_argument("--update", action="store_true", help=f"add newly public ids to {MANIFEST_NAME}")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), json, or github annotations")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    portal, problems = load_portal(args.path)
    err = stderr_console()
    if args.update:
        added = update_manifest(portal)
        for eqia_id in added:
            print(f"added {eqia_id}")
        err.print(f"[green]{MANIFEST_NAME}: {len(added)} id(s) added[/]")
        unlisted = []
    else:
        unlisted = [_unlisted(portal, eqia_id) for eqia_id in unlisted_ids(portal)]
    everything = sorted(set(problems) | set(unlisted))
    if everything or not args.update:
        print_problems(everything, args.format, f"{MANIFEST_NAME} lists every public assessment")
    return 1 if everything else 0


def _unlisted(portal, eqia_id: str) -> Problem:
    record = portal.eqia_by_any_id(eqia_id)
    line = record.line_of(("id",)) if record.model.id == eqia_id else record.line_of(("aliases",))
    field = "id" if record.model.id == eqia_id else "aliases"
    return Problem(record.path, line, field, f"'{eqia_id}' is public but not listed in {MANIFEST_NAME}; run `eqportal manifest --update` and commit the change")
