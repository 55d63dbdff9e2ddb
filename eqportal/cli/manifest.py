"""``eqportal manifest [PATH] [--update]``: keep the list of everything ever published."""

from __future__ import annotations

import argparse
from pathlib import Path

from eqportal.cli.output import FORMATS, print_problems, stderr_console
from eqportal.loader import load_portal
from eqportal.manifest import MANIFEST_NAME, entry_text, manifest_path, manifest_problems, unlisted_entries, update_manifest
from eqportal.problems import Problem, display_path, field_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "manifest",
        help=f"check or update {MANIFEST_NAME}, the list of every assessment, objective, report and key decision ever published",
        description=(
            f"Without --update, exit 1 if a published assessment, objective, report or key decision is missing from "
            f"PATH/{MANIFEST_NAME}. With --update, add every newly published one, and put back any line removed since "
            "git last recorded the file (none is ever removed). "
            "Example: eqportal manifest content/ --update"
        ),
    )
    parser.add_argument("path", nargs="?", default="content", type=Path, help="the content folder (default: content)")
    parser.add_argument("--update", action="store_true", help=f"add newly published items to {MANIFEST_NAME}")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), json, or github annotations")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    portal, problems = load_portal(args.path)
    err = stderr_console()
    if args.update:
        added, restored = update_manifest(portal)
        for line in added:
            print(f"added {line}")
        for line in restored:
            print(f"put back {line} (removed since git recorded it)")
        err.print(f"[green]{MANIFEST_NAME}: {len(added)} added" + (f", {len(restored)} put back" if restored else "") + "[/]")
        if added or restored:  # what was found in the manifest before it was written may be fixed now
            shown = display_path(manifest_path(portal.root))
            problems = [p for p in problems if p.path != shown] + list(manifest_problems(portal))
        unlisted = []
    else:
        unlisted = [_unlisted(record, loc, entry_text(entry)) for entry, (record, loc) in unlisted_entries(portal).items()]
    everything = sorted(set(problems) | set(unlisted))
    if everything or not args.update:
        print_problems(everything, args.format, f"{MANIFEST_NAME} lists everything published")
    return 1 if everything else 0


def _unlisted(record, loc: tuple, line: str) -> Problem:
    return Problem(record.path, record.line_of(loc), field_path(loc),
                   f"'{line}' is public but not listed in {MANIFEST_NAME}; run `eqportal manifest --update` and commit the change")
