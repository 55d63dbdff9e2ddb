"""Small, valid content files for tests, written as YAML text the way editors write them."""

from __future__ import annotations

from pathlib import Path

import yaml

from eqportal.models.vocab import PROTECTED


def eqia_fields(eqia_id: str = "library-opening-hours", **changes: object) -> dict:
    """A valid published, full assessment; ``changes`` replace top-level fields (None removes one)."""
    fields: dict = {
        "id": eqia_id,
        "title": "Library opening hours",
        "kind": "service",
        "directorate": "Growth, Environment and Transport",
        "service": "Libraries, Registration and Archives",
        "summary": "New opening hours for libraries in Kent.",
        "owner": "Head of Libraries",
        "status": "published",
        "stage": "full",
        "dates": {"screening": "2024-01-10", "full_assessment": "2024-02-01", "published": "2024-03-01",
                  "last_reviewed": "2024-03-01", "next_review": "2025-03-01"},
        "screening": [
            {"characteristic": c.value, "adverse": "yes" if c.value == "age" else "no",
             "negative_impact": "medium" if c.value == "age" else "none", "positive_impact": "low"}
            for c in PROTECTED
        ],
        "proportionality": {"rating": "medium", "reason": "Older residents use libraries most."},
        "judgement": {"outcome": "internal-action", "justification": "Adjust hours after feedback."},
        "actions": [{"characteristics": ["age"], "issue": "Fewer evening hours", "action": "Keep one late night a week",
                     "owner": "Head of Libraries", "timescale": "2024-06-30"}],
        "sign_off": [{"role": "senior-officer", "job_title": "Head of Libraries", "name": "A Person", "date": "2024-02-20"},
                     {"role": "dmt-member", "job_title": "Corporate Director", "name": "B Person", "date": "2024-02-26"}],
        "commissioning_stage": "plan",
    }
    for key, value in changes.items():
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = value
    return fields


def decision_fields(number: str = "24/00012", **changes: object) -> dict:
    fields: dict = {"number": number, "title": "Library opening hours", "decision_maker": "Cabinet Member for Communities",
                    "date": "2024-04-01", "directorate": "Growth, Environment and Transport", "status": "taken",
                    "eqias": ["library-opening-hours"],
                    "summary": "Set new opening hours for libraries.", "url": "https://democracy.kent.gov.uk/mgIssueHistoryHome.aspx?IId=1"}
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


def front_matter(fields: dict, body: str = "## Context\n\nWhy this change.\n") -> str:
    return "---\n" + yaml.safe_dump(fields, sort_keys=False, allow_unicode=True) + "---\n" + body


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line starting with ``needle``, else containing it (tests assert exact lines)."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines, 1) if line.startswith(needle)]
    return starts[0] if starts else next(i for i, line in enumerate(lines, 1) if needle in line)
