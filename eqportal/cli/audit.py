"""``eqportal audit [PATH]``: key-decision coverage, late analyses, overdue reviews and actions."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from eqportal.cli.output import missing_content_folder, stderr_console
from eqportal.terminal import github_annotation, printable, printable_cell

if TYPE_CHECKING:
    from eqportal.audit import Finding

FORMATS = ("text", "csv", "json", "github")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "audit",
        help="key decisions without a published analysis, late analyses, overdue reviews and actions",
        description=(
            "Audit all content under PATH as of a day (today by default). Exit 1 if anything is found. "
            "Example: eqportal audit content/ --today 2026-04-01 --format csv > audit.csv"
        ),
    )
    parser.add_argument("path", nargs="?", default="content", type=Path, help="the content folder (default: content)")
    parser.add_argument("--today", type=_date, default=None, help="audit as of this date (YYYY-MM-DD), for reproducible runs")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default, path:line: field: message), csv, json, or github annotations")
    parser.set_defaults(func=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    from eqportal.audit import Finding, run_audit  # loaded by the verb that runs it, not by every command
    from eqportal.loader import load_portal

    if missing_content_folder("audit", args.path):
        return 2
    portal, problems = load_portal(args.path, today=args.today)
    if problems:
        # Content that fails `eqportal check` cannot be audited: report exactly what check reports.
        print_findings([Finding.from_problem(p) for p in problems], args.format)
        _summary(f"[bold red]{len(problems)} content problem(s): fix them (eqportal check) before auditing[/]")
        return 1
    audit = run_audit(portal)
    print_findings(audit.findings, args.format)
    taken = sum(y.taken for y in audit.years)
    if audit.findings:
        _summary(f"[bold red]{len(audit.findings)} finding(s) as of {portal.today.isoformat()}[/]")
        return 1
    _summary(f"[green]audit OK as of {portal.today.isoformat()}: {taken} key decision(s) taken, {len(portal.eqias)} assessment(s), {len(portal.objectives)} objective(s)[/]")
    return 0


def print_findings(findings: Sequence[Finding], fmt: str) -> None:
    if fmt == "json":
        json.dump([f.as_dict() for f in findings], sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        from eqportal.audit import COLUMNS
        from eqportal.csvsafe import write_rows

        rows = ({column: printable_cell(value) for column, value in f.as_dict().items()} for f in findings)
        write_rows(sys.stdout, COLUMNS, rows, lineterminator="\n")
    elif fmt == "github":
        for f in findings:
            print(github_annotation("error", f.path, f.line, f.field or f.kind.value, f.message))
    else:
        for f in findings:
            print(printable(f))


def _summary(text: str) -> None:
    """A one-line summary on stderr, so stdout stays clean data."""
    stderr_console().print(text)
