"""Printing problems in the formats people and machines read: text, JSON, GitHub annotations."""

from __future__ import annotations

import json
import sys
from typing import Sequence

from rich.console import Console

from eqportal.problems import Problem
from eqportal.terminal import github_annotation, printable

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
    err = Console(stderr=True, highlight=False)
    if problems:
        files = len({p.path for p in problems})
        err.print(f"[bold red]{len(problems)} problem(s) in {files} file(s)[/]")
    else:
        err.print(f"[green]{ok_message}[/]")
