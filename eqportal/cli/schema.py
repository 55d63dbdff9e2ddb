"""``eqportal schema DIR``: write the JSON Schema of each content type, for editor autocompletion."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eqportal.fieldref import reference
from eqportal.registry import CONTENT_TYPES


def schemas() -> dict[str, str]:
    """File name to JSON text, one per content type (``eqia.schema.json`` and so on)."""
    names = {"eqias": "eqia", "objectives": "objective", "reports": "report", "decisions": "decision"}
    return {
        f"{names[folder]}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
        for folder, model in ((t.folder, t.model) for t in CONTENT_TYPES)
    }


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("schema", help="write the JSON Schema of each content type", description="Example: eqportal schema schemas/ --reference docs/reference/content-fields.md --decap-config admin/config.yml")
    parser.add_argument("dir", type=Path, help="folder to write the schemas into")
    parser.add_argument("--reference", type=Path, default=None, help="also write the Markdown field reference to this file")
    parser.add_argument("--decap-config", type=Path, default=None, help="also write the form editor's Decap CMS configuration to this file (admin/config.yml)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    args.dir.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (args.dir / name).write_text(text, encoding="utf-8")
        print(args.dir / name)
    if args.reference:
        args.reference.parent.mkdir(parents=True, exist_ok=True)
        args.reference.write_text(reference(), encoding="utf-8")
        print(args.reference)
    if args.decap_config:
        from eqportal.editor.config import config_text

        args.decap_config.parent.mkdir(parents=True, exist_ok=True)
        args.decap_config.write_text(config_text(), encoding="utf-8")
        print(args.decap_config)
    return 0
