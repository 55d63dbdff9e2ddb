"""One problem found in content or a built site, printed as ``path:line: field: message``.

Every check in the portal returns these values instead of raising, so that the command line
and the build can collect all of them, sort them and report them at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


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


class ContentProblems(Exception):
    """Raised at the edge (build hook) when content cannot be published; carries every problem."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def field_path(loc: Iterable[object]) -> str:
    """Turn a location such as ``("screening", 3, "adverse")`` into ``screening[3].adverse``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
