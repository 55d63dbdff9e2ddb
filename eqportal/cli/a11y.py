"""``eqportal a11y SITE_DIR``: accessibility checks of a built site (axe-core in Chromium + our own)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from eqportal.a11y.runner import CheckerError, run as run_checks
from eqportal.terminal import printable


def _workers(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "a11y",
        help="check every page of a built site for accessibility problems",
        description=(
            "Serve SITE_DIR on 127.0.0.1, open every HTML page in headless Chromium, run axe-core "
            "(WCAG 2.2 A/AA and best practice) and the portal's own checks (tables, headings, reflow, "
            "text spacing, 200% text size, link text, abbreviations, colour alone, titles, lang, skip link). Prints "
            "`url: rule: message (selector)` per problem and exits 1 if there are any. Writes "
            "SITE_DIR/a11y-report.json and CACHE/last-report.json (quoted by the accessibility statement). "
            "Example: eqportal a11y site/ --workers 2"
        ),
    )
    parser.add_argument("site_dir", metavar="SITE_DIR", type=Path, help="the built site, e.g. site/")
    parser.add_argument("--workers", type=_workers, default=2, help="browsers run in parallel (default 2)")
    parser.add_argument("--cache", type=Path, default=None, help="cache folder (default .cache/a11y)")
    parser.add_argument("--fresh", action="store_true", help="open every page, even those unchanged since they passed")
    parser.add_argument("--static-only", action="store_true", help="skip the browser checks (quick, not for publishing)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    err = Console(stderr=True, highlight=False)
    try:
        problems, report = run_checks(
            args.site_dir, workers=args.workers, progress=not args.quiet, cache=args.cache,
            fresh=args.fresh, browser=not args.static_only,
        )
    except CheckerError as exc:
        print(f"eqportal a11y: error: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(printable(problem))
    summary = (
        f"{report['pages_checked']} pages checked ({report['pages_opened_in_browser']} opened in Chromium, "
        f"{report['pages_unchanged_since_last_pass']} unchanged since they passed) in "
        f"{report['duration_seconds']} s, {report['pages_per_second']} pages/s"
    )
    if problems:
        err.print(f"[bold red]{len(problems)} accessibility problem(s) on {len({p.url for p in problems})} page(s)[/]; {summary}")
        return 1
    err.print(f"[green]no accessibility problems[/]: {summary}")
    return 0
