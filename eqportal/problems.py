"""One problem found in content or a built site, printed as ``path:line: field: message``.

Every check in the portal returns these values instead of raising, so that the command line
and the build can collect all of them, sort them and report them at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from eqportal.paths import relative_inside


@dataclass(frozen=True, order=True)
class Problem:
    """A fault an editor can act on: which file, which line, which field, what would be right."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "field": self.field, "message": self.message}


def display_path(path: Path) -> str:
    """Paths in messages are relative to the working folder when they can be, as editors see them."""
    shown = relative_inside(path, os.getcwd())
    return str(path) if shown is None else shown


def field_path(loc: Iterable[object]) -> str:
    """Turn a location such as ``("screening", 3, "adverse")`` into ``screening[3].adverse``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
