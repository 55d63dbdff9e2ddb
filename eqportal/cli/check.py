"""``eqportal check [PATH]``: validate all content without building."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from eqportal.cli.output import FORMATS, missing_content_folder, print_problems
from eqportal.loader import load_portal


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help="validate all content: schema, cross-references, rules",
        description="Validate every content file under PATH. Example: eqportal check content/ --format github",
    )
    parser.add_argument("path", nargs="?", default="content", type=Path, help="the content folder (default: content)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), json, or github annotations")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="treat this date (YYYY-MM-DD) as today")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if missing_content_folder("check", args.path):
        return 2
    portal, problems = load_portal(args.path, today=args.today)
    counts = f"{len(portal.eqias)} assessments, {len(portal.objectives)} objectives, {len(portal.reports)} reports, {len(portal.decisions)} decisions"
    print_problems(problems, args.format, f"content OK: {counts}")
    return 1 if problems else 0
