"""Printing problems in the formats people and machines read: text, JSON, GitHub annotations."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Sequence

from eqportal.problems import Problem
from eqportal.terminal import github_annotation, printable

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("text", "json", "github")


def print_problems(problems: Sequence[Problem], fmt: str, ok_message: str) -> None:
    """Print every problem; on success a one-line summary (on stderr, so stdout stays clean data)."""
    if fmt == "json":
        json.dump([p.as_dict() for p in problems], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    if fmt == "github":
        for p in problems:
            print(github_annotation("error", p.path, p.line, p.field or "content", p.message))
        return
    for p in problems:
        print(printable(p))
    err = stderr_console()
    if problems:
        files = len({p.path for p in problems})
        err.print(f"[bold red]{len(problems)} problem(s) in {files} file(s)[/]")
    else:
        err.print(f"[green]{ok_message}[/]")


def missing_content_folder(command: str, folder: object) -> bool:
    """True, having said so on stderr, when ``folder`` is not a folder: a path that is not there is
    wrong usage (exit 2), not content with problems."""
    from pathlib import Path

    if Path(str(folder)).is_dir():
        return False
    print(f"eqportal {command}: {printable(folder)}: no such folder; run from the project folder or give the content folder "
          "(the one holding eqias/, objectives/, reports/ and decisions/)", file=sys.stderr)
    return True


def stderr_console() -> Console:
    """rich's console on stderr, for a command's summary line; rich is imported only to print one (30 ms a command)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)
