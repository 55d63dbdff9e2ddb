"""The front-matter field reference for editors, generated from the pydantic models.

Generated, so it cannot fall behind the schema; a test fails when the committed copy drifts.
"""

from __future__ import annotations

import typing
from enum import Enum

from pydantic import BaseModel

from eqportal.errors import _inner_types
from eqportal.registry import CONTENT_TYPES

TITLES = {"eqias": "Equality impact assessment", "objectives": "Equality objective", "reports": "Annual equality report", "decisions": "Key decision"}
PATHS = {"eqias": "content/eqias/<id>.md", "objectives": "content/objectives/<id>.md", "reports": "content/reports/<id>.md", "decisions": "content/decisions/<YY-NNNNN>.md"}


def reference() -> str:
    out = [
        "# Content fields",
        "",
        "Every field the front matter of a content file may hold. Generated from the content model by",
        "`eqportal schema schemas --reference docs/reference/content-fields.md`; do not edit by hand.",
        "Nested fields are written `parent.child`; `[]` marks a list.",
        "",
    ]
    for folder, model in ((t.folder, t.model) for t in CONTENT_TYPES):
        out += [f"## {TITLES[folder]}", "", f"File: `{PATHS[folder]}`", "", "| field | type | required | what it holds |", "|---|---|---|---|"]
        out += list(_rows(model, ""))
        out.append("")
    return "\n".join(out)


def _rows(model: type[BaseModel], prefix: str):
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        annotation = info.annotation
        is_list = typing.get_origin(annotation) is list or any(typing.get_origin(a) is list for a in typing.get_args(annotation))
        inner = [t for t in _inner_types(annotation) if t is not type(None)]
        required = "yes" if info.is_required() else "no"
        description = (info.description or "").replace("|", "\\|")
        nested = [t for t in inner if isinstance(t, type) and issubclass(t, BaseModel)]
        yield f"| `{path}{'[]' if is_list else ''}` | {_type_name(inner)}{' list' if is_list else ''} | {required} | {description} |"
        for sub in nested:
            yield from _rows(sub, f"{path}{'[]' if is_list else ''}.")


def _type_name(types: list) -> str:
    names = []
    for t in types:
        if isinstance(t, type) and issubclass(t, Enum):
            names.append("one of " + ", ".join(f"`{m.value}`" for m in t))
        elif isinstance(t, type) and issubclass(t, BaseModel):
            names.append("group of fields")
        else:
            names.append({"str": "text", "date": "date (YYYY-MM-DD)", "bool": "true/false", "float": "number", "int": "whole number"}.get(getattr(t, "__name__", str(t)), getattr(t, "__name__", str(t))))
    return " or ".join(dict.fromkeys(names))
