"""The JSON report of a check run, and where the accessibility statement finds the last one.

Every run writes the report twice: ``SITE_DIR/a11y-report.json`` (published with the site it
describes) and ``.cache/a11y/last-report.json`` (kept between builds, outside the site). The
statement page is generated *before* its site is checked, so it quotes the persistent copy: the
statement built today reports the result of the previous check run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEFAULT_CACHE = Path(".cache/a11y")
SITE_REPORT = "a11y-report.json"
LAST_REPORT = "last-report.json"


def write_report(report: dict[str, Any], site_dir: Path, cache: Path | None) -> None:
    """Into the site always; into ``cache`` (the statement's source) unless it is None."""
    text = json.dumps(report, indent=2, sort_keys=True) + "\n"
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
