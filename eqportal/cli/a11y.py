"""``eqportal a11y SITE_DIR``: accessibility checks of a built site (axe-core in Chromium + our own).

``--shard K/N`` checks one share of the pages (one CI runner each); ``--merge PART...`` joins
the part reports into the report of the whole site, prints its problems and exits as a whole
run would.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eqportal.a11y.report import MergeError, merge_reports, parse_shard, published_report, write_report, write_report_file
from eqportal.a11y.problem import CheckerError
from eqportal.a11y.settings import default_workers
from eqportal.cli.output import stderr_console
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
            "SITE_DIR/a11y-report.json (only `eqportal build` quotes its check in the accessibility statement). "
            "Spread over CI runners: `eqportal a11y site/ --shard 2/4 --report part-2.json` on each, then "
            "`eqportal a11y --merge part-*.json`. Example: eqportal a11y site/ --workers 2"
        ),
    )
    parser.add_argument("site_dir", metavar="SITE_DIR", type=Path, nargs="?", help="the built site, e.g. site/")
    parser.add_argument("--workers", type=_workers, default=default_workers(),
                        help=f"browsers run in parallel (default: one per core, {default_workers()} here)")
    parser.add_argument("--shard", type=_shard, default=None, metavar="K/N",
                        help="check only the K-th of N shares of the pages (a stable share, by URL) and write its part report")
    parser.add_argument("--report", type=Path, default=None, metavar="FILE",
                        help="also write the report here (with --merge: the merged report)")
    parser.add_argument("--merge", type=Path, nargs="+", default=None, metavar="PART",
                        help="join the part reports of every share into one report; SITE_DIR, if given, receives it")
    parser.add_argument("--cache", type=Path, default=None, help="cache folder (default .cache/a11y)")
    parser.add_argument("--fresh", action="store_true", help="open every page, even those unchanged since they passed")
    parser.add_argument("--static-only", action="store_true", help="skip the browser checks (quick, not for publishing)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def _shard(text: str) -> tuple[int, int]:
    try:
        return parse_shard(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    if args.merge is not None:
        return merge(args)
    if args.site_dir is None:
        print("eqportal a11y: error: SITE_DIR is needed (or --merge PART... to join part reports) (see --help)", file=sys.stderr)
        return 2
    from eqportal.a11y.runner import run as run_checks  # the checker loads only when it runs (not for --help)

    err = stderr_console()
    try:
        problems, report = run_checks(
            args.site_dir, workers=args.workers, progress=not args.quiet, cache=args.cache,
            fresh=args.fresh, browser=not args.static_only, shard=args.shard, report_file=args.report,
        )
    except CheckerError as exc:
        print(f"eqportal a11y: error: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(printable(problem))
    if args.shard:
        err.print(f"share {args.shard[0]}/{args.shard[1]}: ", end="")
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


def merge(args: argparse.Namespace) -> int:
    """Join part reports: print every problem of the whole site, write the report, exit as a whole run."""
    parts = []
    for path in args.merge:
        try:
            parts.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            print(f"eqportal a11y: error: {path}: cannot read a part report ({exc.__class__.__name__}: {exc})", file=sys.stderr)
            return 2
    try:
        report = merge_reports(parts, [str(p) for p in args.merge])
    except MergeError as exc:
        print(f"eqportal a11y: error: {exc}", file=sys.stderr)
        return 2
    if args.site_dir is not None:
        if not args.site_dir.is_dir():
            print(f"eqportal a11y: error: {args.site_dir}: no such folder", file=sys.stderr)
            return 2
        # Into the site, without the run's own figures; only `eqportal build` quotes its check in the statement.
        write_report(published_report(report), args.site_dir)
    if args.report is not None:
        write_report_file(report, args.report)
    for problem in report["problems"]:
        where = f" ({problem['selector']})" if problem.get("selector") else ""
        print(printable(f"{problem['url']}: {problem['rule']}: {problem['message']}{where}"))
    err = stderr_console()
    summary = f"{report['pages_checked']} pages checked in {report['shards']} shares (slowest {report['duration_seconds']} s)"
    if report["problems"]:
        err.print(f"[bold red]{report['problem_count']} accessibility problem(s) on {len({p['url'] for p in report['problems']})} page(s)[/]; {summary}")
        return 1
    err.print(f"[green]no accessibility problems[/]: {summary}")
    return 0
