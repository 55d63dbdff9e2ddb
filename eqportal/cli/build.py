"""``eqportal build``: check content, build the site with MkDocs, check every page, then publish."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from eqportal.cli.output import missing_content_folder, print_problems
from eqportal.loader import load_portal
from eqportal.terminal import printable


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "build",
        help="build the portal, check every page, publish into site/",
        description="Validate content, build the site into a temporary folder, check every page, and only then "
        "replace SITE_DIR. Example: eqportal build --content content --site-dir site",
    )
    parser.add_argument("--content", default=Path("content"), type=Path, help="the content folder (default: content)")
    parser.add_argument("--site-dir", default=Path("site"), type=Path, help="where the site is published (default: site)")
    parser.add_argument("--config", default=Path("mkdocs.yml"), type=Path, help="the MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="judge reviews as of this date (YYYY-MM-DD)")
    parser.add_argument("--no-check", action="store_true", help="skip the page checks (not for publishing)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import Abort

    from eqportal.a11y.problem import CheckerError
    from eqportal.frontend import ContentProblems
    from eqportal.gcpause import settled
    from eqportal.progress import StageLog
    from eqportal.publish import BUILD_STAGES, UnsafeSiteDir, prepare_outputs, publish, site_dir_problem

    if not args.config.is_file():
        print(f"eqportal build: {args.config} not found; run from the project folder or pass --config", file=sys.stderr)
        return 2
    if missing_content_folder("build", args.content):
        return 2
    unsafe = site_dir_problem(args.site_dir, (args.content, args.config.parent / "docs", args.config.parent))
    if unsafe:
        print(f"eqportal build: {unsafe}", file=sys.stderr)
        return 2
    from eqportal.cachedir import cache_folder
    from eqportal.readahead import remember_imports

    outputs = prepare_outputs(args.content, args.site_dir)  # first: a spare to make is made while the content is read
    stages = StageLog(BUILD_STAGES)
    with stages.stage("content check", announce=False) as stage:
        portal, problems = load_portal(args.content, today=args.today, cache=cache_folder(args.content), plan=False)
        stage["summary"] = f"{len(portal.eqias)} assessments, {len(portal.objectives)} objectives, {len(portal.reports)} reports, " \
                           f"{len(portal.decisions)} decisions, {len(problems)} problem(s)"
    if problems:
        outputs.stop()
        print_problems(problems, "text", "")
        print(f"build stopped: {args.site_dir} is unchanged", file=sys.stderr)
        return 1
    settled()  # the records live until the build ends
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.WARNING)
    try:
        result = publish(args.config, portal, args.site_dir, check=not args.no_check, stages=stages, outputs=outputs)
    except UnsafeSiteDir as err:
        print(f"eqportal build: {err}", file=sys.stderr)
        return 2
    except ContentProblems as err:  # found while generating the site (the same checks as `eqportal check`)
        print_problems(err.problems, "text", "")
        print(f"build stopped: {args.site_dir} is unchanged", file=sys.stderr)
        return 1
    except Abort as err:
        print("\n".join(printable(line) for line in err.format_message().splitlines()), file=sys.stderr)
        print(f"build stopped: {args.site_dir} is unchanged", file=sys.stderr)
        return 1
    except CheckerError as err:
        print(f"eqportal build: the pages could not be checked: {err}\nbuild stopped: {args.site_dir} is unchanged", file=sys.stderr)
        return 1
    remember_imports(cache_folder(args.content))  # for the read-ahead of the next build (eqportal.readahead)
    for problem in result.problems:
        print(printable(problem))
    if result.problems:
        print(f"{len(result.problems)} problem(s) in the built pages; {args.site_dir} is unchanged", file=sys.stderr)
        return 1
    checked = "not checked (--no-check)" if result.checked is None else f"{result.checked} checked: 0 problems"
    print(f"built {result.pages} pages, {checked}, in {result.seconds:.1f}s: published to {args.site_dir}")
    return 0
