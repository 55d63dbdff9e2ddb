"""The JSON report of a check run.

Every run writes ``SITE_DIR/a11y-report.json`` (published with the site it describes, holding
nothing specific to the run: no clock, no cache counters, no paths). The accessibility statement
quotes the report of its own site's check, dated with the day the build was made for: ``eqportal
build`` fills it in once every page has passed (``eqportal.publish``), never from a failed check.

A run over one share of the pages (``eqportal a11y SITE_DIR --shard K/N``, one CI runner each)
writes a part report (``--report FILE``, with the run's own figures: it is never published);
:func:`merge_reports` joins the N parts into the report of the whole site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DEFAULT_CACHE = Path(".cache/a11y")
SITE_REPORT = "a11y-report.json"


def write_report(report: dict[str, Any], site_dir: Path) -> None:
    """Into the site, as ``a11y-report.json``."""
    (site_dir / SITE_REPORT).write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# The figures of one run (clock, cache counters, paths, timings): in the command's summary and in
# part reports, never in the report published with the site.
RUN_FIELDS = ("date", "site", "shard", "shards", "pages_opened_in_browser", "pages_opened_whole",
              "pages_unchanged_since_last_pass", "templates", "duration_seconds", "pages_per_second")


def published_report(report: dict[str, Any]) -> dict[str, Any]:
    """``report`` without the run's own figures: what ``SITE_DIR/a11y-report.json`` may hold."""
    return {key: value for key, value in report.items() if key not in RUN_FIELDS}


def write_report_file(report: dict[str, Any], path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")


class MergeError(ValueError):
    """The parts do not make one whole run: one line for the user."""


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> ``(2, 4)``: the second of four shares; ValueError unless K/N with 1 <= K <= N."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(text))
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise ValueError(f"{text!r} is not a share such as 1/4 (K/N with 1 <= K <= N)")
    return int(match.group(1)), int(match.group(2))


SUMMED = ("pages_checked", "pages_opened_in_browser", "pages_opened_whole", "pages_unchanged_since_last_pass",
          "redirect_pages", "problem_count")


def merge_reports(parts: list[dict[str, Any]], names: list[str] | None = None) -> dict[str, Any]:
    """One report from the part reports of all N shares of one run (each exactly once)."""
    names = names or [f"part {i + 1}" for i in range(len(parts))]
    if not parts:
        raise MergeError("no part reports given")
    shares: dict[int, str] = {}
    counts = set()
    for name, part in zip(names, parts):
        try:
            k, n = parse_shard(part.get("shard") or "")
        except ValueError:
            raise MergeError(f"{name}: not the report of one share (written by `eqportal a11y SITE_DIR --shard K/N`)") from None
        if k in shares:
            raise MergeError(f"{name}: share {k}/{n} is also in {shares[k]}")
        shares[k] = name
        counts.add(n)
    if len(counts) > 1:
        raise MergeError(f"the parts split the pages differently: into {' and '.join(map(str, sorted(counts)))} shares")
    n = counts.pop()
    missing = sorted(set(range(1, n + 1)) - set(shares))
    if missing:
        raise MergeError(f"share(s) {', '.join(f'{k}/{n}' for k in missing)} missing: every share must be checked")
    checkers = {json.dumps({k: part.get("tools", {}).get(k) for k in ("checker", "axe-core")}, sort_keys=True) for part in parts}
    if len(checkers) > 1:
        raise MergeError("the parts were checked with different checker or axe-core versions: check every share again")
    problems = {json.dumps(p, sort_keys=True): p for part in parts for p in part.get("problems", [])}
    merged: dict[str, Any] = {key: value for key, value in parts[0].items() if key not in SUMMED}
    merged.update({key: sum(part.get(key) or 0 for part in parts) for key in SUMMED})
    merged["problems"] = sorted(problems.values(), key=lambda p: (p["url"], p["rule"], p.get("selector", ""), p["message"]))
    merged["problem_count"] = len(merged["problems"])
    merged["passed"] = not merged["problems"] and all(part.get("passed") for part in parts)
    merged["shard"] = None
    merged["shards"] = n
    merged["date"] = max(part.get("date", "") for part in parts)
    merged["templates"] = max(part.get("templates") or 0 for part in parts)
    merged["browser_checks"] = all(part.get("browser_checks") for part in parts)
    merged["duration_seconds"] = max(part.get("duration_seconds") or 0 for part in parts)  # the runners ran side by side
    merged["pages_per_second"] = (round(merged["pages_checked"] / merged["duration_seconds"], 2)
                                  if merged["duration_seconds"] else None)
    return merged
