"""Pydantic validation errors, reworded for the people who edit content.

Each error ``type`` maps to a sentence saying what is wrong and what would be right; the
wording never depends on pydantic's own message text.
"""

from __future__ import annotations

import difflib
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from eqportal.models.common import EMAIL_PATTERN, SLUG_PATTERN
from eqportal.models.decision import DECISION_NUMBER_PATTERN
from eqportal.models.objective import PERIOD_PATTERN, REPORTING_YEAR_PATTERN

PATTERN_HINTS = {
    SLUG_PATTERN: "must be a slug: lower-case letters, digits and single hyphens, e.g. customer-service-policy",
    DECISION_NUMBER_PATTERN: "must be a key decision number in Kent's form YY/NNNNN, e.g. 15/00045 (in quotes)",
    PERIOD_PATTERN: "must be a span of years such as 2016-2020",
    REPORTING_YEAR_PATTERN: "must be a reporting year such as 2015-16",
    r"^(https?://|/|mailto:)\S+$": "must be a web address starting https://, a site path starting /, or mailto:",
    EMAIL_PATTERN: "must be an email address alone, such as equality@kent.gov.uk (nothing after it such as ?bcc=)",
    r"^[0-9 +()]{6,20}$": "must be a phone number of digits and spaces, e.g. 03000 41 41 41",
}


def describe_all(errors: list[ErrorDetails], model: type[BaseModel]) -> list[tuple[tuple, str]]:
    """Every error as ``(location, sentence)``; a misspelt required field is one line, not two.

    ``titel: ...`` gives pydantic two errors, ``title`` missing and ``titel`` not allowed. When
    an unknown field is close to a missing one beside it, say so once, at the misspelt field.
    """
    missing = [tuple(e["loc"]) for e in errors if e["type"] == "missing"]
    meant: dict[tuple, str] = {}  # misspelt location -> the missing field it stands for
    covered: set[tuple] = set()  # the missing fields so explained
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden":
            wanted = [str(m[-1]) for m in missing if m[:-1] == loc[:-1] and m not in covered]
            close = difflib.get_close_matches(str(loc[-1]), wanted, n=1)
            if close:
                meant[loc] = close[0]
                covered.add(loc[:-1] + (close[0],))
    found: list[tuple[tuple, str]] = []
    for error in errors:
        loc = tuple(error["loc"])
        if loc in meant:
            found.append((loc, f"is not a known field; did you mean `{meant[loc]}`? (`{meant[loc]}` is required)"))
        elif not (error["type"] == "missing" and loc in covered):
            found.append((loc, describe(error, model)))
    return found


def describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One plain-English sentence for a pydantic error on ``model``."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    got = error.get("input")
    loc = error["loc"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean `{close[0]}`?" if close else f"allowed fields here: {', '.join(allowed)}"
        return f"is not a known field; {hint}"
    if kind in ("enum", "literal_error"):
        options = _options_at(model, loc) or str(ctx.get("expected", ""))
        return f"must be one of {options} (got {_show(got)})"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type"):
        return f"must be a real date written YYYY-MM-DD, e.g. 2025-03-31 (got {_show(got)})"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(ctx.get("pattern", ""), f"must match the pattern {ctx.get('pattern')}")
        return f"{hint} (got {_show(got)})"
    if kind in ("string_type",):
        return f"must be text (got {_describe_type(got)})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length', 1)} item(s)"
    if kind == "list_type":
        return f"must be a list of items, each on its own line starting `- ` (got {_describe_type(got)})"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a group of `field: value` lines (got {_describe_type(got)})"
    if kind in ("bool_parsing", "bool_type"):
        return f"must be true or false (got {_show(got)})"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"must be a number (got {_show(got)})"
    if kind == "finite_number":  # YAML reads .nan and .inf as numbers
        return f"must be a number written in figures, such as 12.5 (got {_show(got)})"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bounds = {"greater_than_equal": "at least", "less_than_equal": "at most", "greater_than": "more than", "less_than": "less than"}
        limit = next(iter(ctx.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)  # "at most 100", not "at most 100.0"
        return f"must be {bounds[kind]} {limit} (got {_show(got)})"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind == "value_error":
        return str(ctx.get("error", "is not valid"))
    return f"is not valid ({kind})"


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list)):
        return _describe_type(value)
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _describe_type(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return _show(value)


def _inner_types(annotation: Any) -> list[Any]:
    """Unwrap Optional, list and Annotated to the types a value may hold."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, set):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_inner_types(arg))
        return found
    return [annotation]


def _walk(model: type[BaseModel], loc: tuple) -> list[Any]:
    """The types allowed at ``loc`` (integer parts index into lists)."""
    current: list[Any] = [model]
    for part in loc:
        if isinstance(part, int):
            continue
        following: list[Any] = []
        for typ in current:
            if isinstance(typ, type) and issubclass(typ, BaseModel) and part in typ.model_fields:
                following.extend(_inner_types(typ.model_fields[part].annotation))
        current = following
    return current


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    for typ in _walk(model, loc):
        if isinstance(typ, type) and issubclass(typ, BaseModel):
            return list(typ.model_fields)
    return []


def _options_at(model: type[BaseModel], loc: tuple) -> str:
    values: list[str] = []
    for typ in _walk(model, loc):
        if isinstance(typ, type) and issubclass(typ, Enum):
            values.extend(str(m.value) for m in typ)
        elif typing.get_origin(typ) is typing.Literal:
            values.extend(str(a) for a in typing.get_args(typ))
    return ", ".join(dict.fromkeys(values))
