"""Decap CMS's ``config.yml``, generated from the pydantic content models.

Every field of every content type becomes a form field: its label from its name, its hint from
its description, ``required`` from the model, select options from the vocabularies, lists of
groups (screening rows, actions, versions) as Decap lists. Generated, so the form cannot fall
behind the model; a test fails if the committed ``admin/config.yml`` drifts.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from enum import Enum
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from eqportal.registry import BY_FOLDER, CONTENT_TYPES

# Where decap-server listens in the preview (127.0.0.1 only), and the production repository.
LOCAL_BACKEND_PORT = 8081
REPOSITORY = "kent-county-council/equality-portal"
BRANCH = "main"

COLLECTIONS = {
    "eqias": ("Equality impact assessments", "Equality impact assessment"),
    "objectives": ("Equality objectives", "Equality objective"),
    "reports": ("Annual equality reports", "Annual equality report"),
    "decisions": ("Key decisions", "Key decision"),
}

# Free-text fields that hold sentences rather than a name: a larger box in the form.
LONG_TEXT = {
    "summary", "reason", "justification", "details", "actions", "opportunities", "issue", "action",
    "outcome", "about", "no_eqia_reason", "withdrawn_reason", "comment", "address", "note",
}

EQIA_BODY = "\n\n".join(
    f"## {heading}\n\n{prompt}"
    for heading, prompt in (
        ("Context", "The background to the change, in plain English."),
        ("Aims and objectives", "What the change is meant to achieve."),
        ("Beneficiaries", "Who will benefit from the change."),
        ("Information and data", "The evidence you used, such as service data and Kent population figures."),
        ("Involvement and engagement", "Who you asked and what they told you."),
        ("Potential impact", "How the change could affect each group, good and bad."),
        ("Monitoring and review", "How you will check what happens after the change, and when you will review this assessment."),
    )
) + "\n"

# Fields holding ids of other content: the form offers the existing items by title instead of a
# box where an id could be mistyped.
REFERENCES = {"superseded_by": "eqias", "eqias": "eqias"}

# Summaries shown for each item of a collapsed list, so editors can tell the rows apart.
LIST_SUMMARIES = {
    "screening": "{{fields.characteristic}}: could affect less favourably: {{fields.adverse}}",
    "actions": "{{fields.issue}}",
    "versions": "{{fields.version}} ({{fields.date}})",
    "sign_off": "{{fields.role}}",
    "progress": "{{fields.year}}: {{fields.rating}}",
    "measures": "{{fields.group}}",
    "committee_reports": "{{fields.title}}",
    "evidence": "{{fields.title}}",
}


def decap_config() -> dict[str, Any]:
    """The whole Decap configuration as plain data."""
    return {
        "backend": {
            "name": "github",
            "repo": REPOSITORY,
            "branch": BRANCH,
            "squash_merges": True,
            "commit_messages": {
                "create": "Create {{collection}} “{{slug}}”",
                "update": "Update {{collection}} “{{slug}}”",
                "delete": "Delete {{collection}} “{{slug}}”",
            },
        },
        # Draft, in review, ready: each entry is a branch and a pull request until it is published.
        "publish_mode": "editorial_workflow",
        # In the preview only (pages served from 127.0.0.1), Decap talks to decap-server instead of GitHub.
        "local_backend": {"url": f"http://127.0.0.1:{LOCAL_BACKEND_PORT}/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]},
        "media_folder": "docs/assets/uploads",
        "public_folder": "/assets/uploads",
        "site_url": "http://127.0.0.1:8000",
        "show_preview_links": False,
        "editor": {"preview": False},
        "collections": [collection(kind.folder) for kind in CONTENT_TYPES],
    }


def collection(folder: str) -> dict[str, Any]:
    label, singular = COLLECTIONS[folder]
    model, key = BY_FOLDER[folder].model, BY_FOLDER[folder].key_field
    fields = fields_of(model)
    if folder == "eqias":
        fields = [{**f, "default": "draft"} if f["name"] == "status" else f for f in fields]
    body: dict[str, Any] = {"label": "Body", "name": "body", "widget": "markdown", "required": False,
                            "hint": "The long prose, in sections under ## headings."}
    if folder == "eqias":
        body["default"] = EQIA_BODY
    return {
        "name": folder,
        "label": label,
        "label_singular": singular,
        "description": f"One file per {singular.lower()} in content/{folder}/, named by its {key}.",
        "folder": f"content/{folder}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "delete": False,  # a published assessment is withdrawn or superseded, never deleted
        "identifier_field": key,
        "slug": "{{fields.%s}}" % key,
        "summary": "{{fields.%s}}: {{fields.title}}" % key,
        "fields": [*fields, body],
    }


def fields_of(model: type[BaseModel]) -> list[dict[str, Any]]:
    return [field(name, info) for name, info in model.model_fields.items()]


def field(name: str, info: FieldInfo) -> dict[str, Any]:
    """One Decap field for one model field."""
    result: dict[str, Any] = {"label": _label(name), "name": name}
    result.update(_widget(name, info.annotation, info))
    if not info.is_required():
        result["required"] = False
        if result["widget"] == "object":
            # Decap cannot say "required once the group is used": the form lets the whole group be
            # left empty, and `eqportal check` (and the preview) names any half-filled group.
            result["fields"] = [_optional(f) for f in result["fields"]]
    if info.description:
        result["hint"] = info.description
    return result


def _reference(name: str, *, multiple: bool) -> dict[str, Any]:
    key = BY_FOLDER[REFERENCES[name]].key_field
    return {"widget": "relation", "collection": REFERENCES[name], "value_field": key, "search_fields": [key, "title"],
            "display_fields": ["title"], "multiple": multiple}


def _widget(name: str, annotation: Any, info: FieldInfo | None = None) -> dict[str, Any]:
    constraints = _constraints(annotation, info)
    annotation = _strip_optional(annotation)
    origin = typing.get_origin(annotation)
    if name in REFERENCES:
        return _reference(name, multiple=origin is list)
    if origin is list:
        (item,) = typing.get_args(annotation)
        item = _strip_optional(item)
        if isinstance(item, type) and issubclass(item, Enum):
            return {"widget": "select", "multiple": True, "options": [m.value for m in item], **_min_items(info)}
        if isinstance(item, type) and issubclass(item, BaseModel):
            widget = {"widget": "list", "collapsed": True, "fields": fields_of(item), **_min_items(info)}
            if name in LIST_SUMMARIES:
                widget["summary"] = LIST_SUMMARIES[name]
            return widget
        return {"widget": "list", "field": {"label": _label(name.rstrip("s")) or "Item", "name": "item", **_widget(name, item)}, **_min_items(info)}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return {"widget": "select", "options": [m.value for m in annotation]}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": fields_of(annotation)}
    if annotation is bool:
        return {"widget": "boolean", "default": info.default if info is not None and isinstance(info.default, bool) else False}
    if annotation is dt.date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if annotation in (int, float):
        widget: dict[str, Any] = {"widget": "number", "value_type": "int" if annotation is int else "float"}
        for bound in constraints:
            if getattr(bound, "ge", None) is not None:
                widget["min"] = bound.ge
            if getattr(bound, "le", None) is not None:
                widget["max"] = bound.le
        return widget
    pattern = _pattern(annotation) or next((m.pattern for m in (info.metadata if info is not None else []) if getattr(m, "pattern", None)), None)
    widget = {"widget": "text" if name in LONG_TEXT else "string"}
    if pattern:
        from eqportal.errors import PATTERN_HINTS

        widget["pattern"] = [pattern, PATTERN_HINTS.get(pattern, f"must match {pattern}")]
    return widget


def _constraints(annotation: Any, info: FieldInfo | None) -> list[Any]:
    """The field's constraints (``Ge``, ``Le``...), given on the field or in its type, optional or not."""
    found = list(info.metadata if info is not None else [])
    todo = [annotation]
    while todo:
        current = todo.pop()
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            inner, *metadata = typing.get_args(current)
            todo.append(inner)
            for meta in metadata:
                found += meta.metadata if isinstance(meta, FieldInfo) else [meta]
        elif origin in (typing.Union, types.UnionType):
            todo += typing.get_args(current)
    return found


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) is typing.Annotated:
        return _strip_optional(typing.get_args(annotation)[0]) if not _pattern(annotation) else annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _strip_optional(args[0])
    return annotation


def _pattern(annotation: Any) -> str | None:
    if typing.get_origin(annotation) is not typing.Annotated:
        return None
    for meta in typing.get_args(annotation)[1:]:
        pattern = getattr(meta, "pattern", None)
        if pattern:
            return pattern
    return None


def _optional(spec: dict[str, Any]) -> dict[str, Any]:
    if spec.get("required", True) is False:
        return spec
    hint = "Needed when this group is filled in." + (f" {spec['hint']}" if spec.get("hint") else "")
    return {**spec, "required": False, "hint": hint}


def _min_items(info: FieldInfo | None) -> dict[str, Any]:
    for meta in (info.metadata if info is not None else []):
        if getattr(meta, "min_length", None):
            return {"min": meta.min_length}
    return {}


LABELS = {"eqias": "Equality impact assessments", "url": "Web address", "id": "Id (permanent, part of the web address)"}


def _label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


HEADER = (
    "# Decap CMS configuration for the form editor at /admin/ (the preview only, never the published site).\n"
    "# Generated from the content models by `eqportal schema schemas --decap-config admin/config.yml`;\n"
    "# do not edit by hand: a test fails when it drifts from eqportal/models/.\n"
)


def config_text() -> str:
    return HEADER + yaml.safe_dump(decap_config(), sort_keys=False, allow_unicode=True, width=120)
