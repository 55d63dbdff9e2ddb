"""The JSON report of a check run, and where the accessibility statement finds the last one.

Every run writes ``SITE_DIR/a11y-report.json`` (published with the site it describes, holding
nothing specific to the run: no clock, no cache counters, no paths). Only a build that is
published also writes ``.cache/a11y/last-report.json`` (kept between builds, outside the site),
dated with the day the build was made for: the statement page is generated *before* its site is
checked, so it quotes that copy, the check of the last published build, never a failed one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEFAULT_CACHE = Path(".cache/a11y")
SITE_REPORT = "a11y-report.json"
LAST_REPORT = "last-report.json"


def write_report(report: dict[str, Any], site_dir: Path, cache: Path | None, *, site_copy: bool = True) -> None:
    """Into the site (unless ``site_copy`` is false); into ``cache`` (the statement's source) unless it is None."""
    text = json.dumps(report, indent=2, sort_keys=True) + "\n"
    if site_copy:
        (site_dir / SITE_REPORT).write_text(text, encoding="utf-8")
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / (LAST_REPORT + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(cache / LAST_REPORT)


def last_report(cache: Path = DEFAULT_CACHE) -> dict[str, Any] | None:
    """The report of the last check run, or None when there has been none (or it is unreadable)."""
    try:
        data = json.loads((cache / LAST_REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
