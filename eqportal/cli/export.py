"""``eqportal export DIR``: a self-contained project of the whole portal, for Zensical."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from eqportal.cli.output import print_problems


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="write a self-contained project (mkdocs.yml, docs/ with every page rendered) for Zensical",
        description="Check the content, then write DIR/mkdocs.yml, DIR/docs/ (every page with its HTML rendered, "
        "data files, redirects) and DIR/overrides/ (theme fixes, assets), so that `cd DIR && zensical build` "
        "gives the same URLs as `eqportal build`. Example: eqportal export build/zensical",
    )
    parser.add_argument("dir", type=Path, help="the folder to write (new, empty, or an earlier export)")
    parser.add_argument("--content", type=Path, default=None, help="the content folder (default: extra.eqportal_content in mkdocs.yml, else content)")
    parser.add_argument("--config", default=Path("mkdocs.yml"), type=Path, help="the MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="judge reviews as of this date (YYYY-MM-DD)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eqportal.export import ExportError, export, load

    if not args.config.is_file():
        print(f"eqportal export: {args.config} not found; run from the project folder or pass --config", file=sys.stderr)
        return 2
    try:
        build, problems, config = load(args.config, args.content, args.today)
        if build is None:
            print_problems(problems, "text", "")
            print(f"export stopped: {args.dir} is unchanged", file=sys.stderr)
            return 1
        result = export(build, config, args.config, args.dir)
    except ExportError as err:
        print(f"eqportal export: {err}", file=sys.stderr)
        return 2
    print(f"exported {result.pages} pages and {result.files} files to {args.dir}: build them with `cd {args.dir} && zensical build`")
    return 0
