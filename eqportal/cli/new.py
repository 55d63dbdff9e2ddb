"""``eqportal new eqia|objective|report|decision``: write a commented file to start from.

The file holds every field with a note on what it means and which values are allowed. What
the author must write is marked ``TODO: …, e.g. …``: ``eqportal check`` reports each one
until it is filled in. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from importlib import resources
from pathlib import Path

import jinja2

from eqportal.cli.output import missing_content_folder
from eqportal.models import Characteristic
from eqportal.models.common import SLUG_PATTERN
from eqportal.models.decision import DECISION_NUMBER_PATTERN

KINDS = {"eqia": "eqias", "objective": "objectives", "report": "reports", "decision": "decisions"}
EXAMPLE_EQIA = "library-opening-hours"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "new",
        help="write a commented file to start a new assessment, objective, report or decision",
        description=(
            "Write a starting file with every field explained. Fill in each TODO, then run eqportal check. "
            "Examples: eqportal new eqia --id library-opening-hours; eqportal new decision --id 26/00012"
        ),
    )
    parser.add_argument("kind", choices=tuple(KINDS), help="what to start")
    parser.add_argument("--id", dest="item_id", default=None, help="the permanent id (a decision's number, e.g. 26/00012); also names the file")
    parser.add_argument("--output", type=Path, default=None, help="where to write (default: content/<folder>/<id>.md; - for standard output)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="the content folder for the default output (default: content)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.item_id is not None and not _valid_id(args.kind, args.item_id):
        form = "a number YY/NNNNN such as 26/00012" if args.kind == "decision" else "lower-case letters, digits and single hyphens, e.g. library-opening-hours"
        print(f"eqportal new: error: --id '{args.item_id}' is not valid: use {form}", file=sys.stderr)
        return 2
    text = render(args.kind, args.item_id, dt.date.today())
    if str(args.output) == "-":
        sys.stdout.write(text)
        return 0
    # A new project may make its content folder, but a mistyped --content would make folders nobody builds from.
    if args.output is None and not args.content.is_dir() and missing_content_folder("new", args.content.absolute().parent):
        return 2
    target = args.output or args.content / KINDS[args.kind] / f"{_file_stem(args.kind, args.item_id)}.md"
    if target.exists():
        print(f"{target}: already exists; nothing was written (choose another --id or --output)", file=sys.stderr)
        return 1
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except OSError as err:
        print(f"{target}: cannot be written: {err.strerror}", file=sys.stderr)
        return 1
    print(f"{target}: written; fill in every TODO, then run `eqportal check`")
    return 0


def render(kind: str, item_id: str | None, today: dt.date) -> str:
    """The starting file for ``kind``, with ``item_id`` filled in (or a placeholder for it)."""
    source = resources.files("eqportal.templates.new").joinpath(f"{kind}.md").read_text(encoding="utf-8")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    this_year = today.year if today.month >= 4 else today.year - 1
    return env.from_string(source).render(
        id=item_id or f'"TODO: a permanent id, e.g. {_example_id(kind)}"',
        number=f'"{_number(item_id)}"' if item_id else '"TODO: Kent\'s number in quotes, e.g. 26/00012"',
        today=today.isoformat(),
        next_year=(today.replace(day=28) + dt.timedelta(days=365)).isoformat(),
        this_year=this_year,
        last_year_label=f"{this_year - 1}-{this_year % 100:02d}",
        characteristics=[c.value for c in Characteristic],
        example_eqia=EXAMPLE_EQIA,
    )


def _valid_id(kind: str, item_id: str) -> bool:
    if kind == "decision":
        return bool(re.match(DECISION_NUMBER_PATTERN, _number(item_id)))
    return bool(re.match(SLUG_PATTERN, item_id))


def _number(item_id: str) -> str:
    """Decisions are numbered 26/00012 and stored as 26-00012.md: accept either form."""
    return item_id.replace("-", "/")


def _file_stem(kind: str, item_id: str | None) -> str:
    if item_id is None:
        return f"new-{kind}"
    return _number(item_id).replace("/", "-") if kind == "decision" else item_id


def _example_id(kind: str) -> str:
    return {"eqia": EXAMPLE_EQIA, "objective": "more-disabled-library-members", "report": "annual-report"}.get(kind, "new")
