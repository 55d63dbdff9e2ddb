"""``eqportal editor DIR``: write the form editor (/admin/) into DIR, to host it apart from the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "editor",
        help="write the form editor's files (/admin/) into DIR, for hosting with the GitHub back end",
        description="Write the Decap CMS form editor (page, configuration generated from the content models, Decap and "
        "React from node_modules) into DIR/admin/. The preview (make serve) serves the same files itself. "
        "Example: eqportal editor editor-site",
    )
    parser.add_argument("dir", type=Path, help="folder to write into (the files go in DIR/admin/)")
    parser.add_argument("--project", type=Path, default=Path("."), help="the project folder holding node_modules (default: .)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eqportal.editor.admin import EditorUnavailable, write_admin  # loaded by this verb only

    try:
        admin = write_admin(args.dir, args.project, site_name="Kent County Council equality portal")
    except EditorUnavailable as err:
        print(f"eqportal editor: {err}", file=sys.stderr)
        return 1
    count = sum(1 for p in admin.iterdir() if p.is_file())
    print(f"wrote {count} files of the form editor into {admin}")
    return 0
