"""When each content file last changed, from git, in one pass over the history.

Outside a git checkout (a downloaded archive, a temporary benchmark tree) there is no
history: the map is empty and pages simply leave the line out. Only the build context
(:mod:`eqportal.context`) calls this: page builders never run git.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def last_changes(folder: Path) -> dict[str, dt.date]:
    """Map every file git knows under ``folder`` (by its real path, as text) to the date of the last commit that touched it."""
    folder = Path(folder).resolve()
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True, timeout=30).stdout.strip()
        log = subprocess.run(
            ["git", "-C", top, "log", "--format=>%cs", "--name-only", "--no-renames", "--", str(folder)],
            capture_output=True, text=True, check=True, timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(">"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            found.setdefault(os.path.realpath(os.path.join(top, line)), current)  # newest commit comes first
    return found
