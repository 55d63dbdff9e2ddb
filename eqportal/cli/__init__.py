"""``eqportal``: the command line. Each verb lives in its own module and registers itself here.

Exit codes (the contract): 0 all good, 1 problems found (all printed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import os
import sys
import threading
from typing import NoReturn

# One module per verb; each defines ``register(subparsers)`` that sets ``func`` on its parser.
VERBS = ("check", "schema", "audit", "new", "manifest", "a11y", "build", "editor", "export")


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage already; keep its one-line message and a pointer to --help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="eqportal", description="Check, audit and publish Kent's equality portal content.")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    for name in VERBS:
        importlib.import_module(f"eqportal.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    return int(args.func(args) or 0)


def run() -> NoReturn:
    """The ``eqportal`` command: :func:`main`, then an exit that does not free the heap object by object.

    A county's build holds some 860 MB of small objects (records, pages, search entries) when it
    is done; the interpreter's own exit frees them one at a time, which took 1.4 s of a 10 s
    rebuild. The exit handlers still run (temporary folders, logging, worker pools) and the
    output is flushed; only that clean-up, which the operating system does at once, is skipped.
    For the same reason, what the command reads in bulk is settled as it is read (``eqportal.gcpause.one_shot``),
    and a build first asks the system for the files it will read (``eqportal.readahead``), before its imports.
    """
    from eqportal.gcpause import one_shot
    from eqportal.readahead import start_for

    one_shot()
    reading = start_for(sys.argv[1:])  # noqa: F841 - in the background, ending by itself (held: not a "still running" warning)
    try:
        code = main()
    except BrokenPipeError:
        # The reader closed the pipe (`eqportal audit | head`): it has what it wanted. Python's advice:
        # point stdout at nothing, so the flush at exit does not fail a second time with a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1
    if threading.active_count() > 1:
        sys.exit(code)  # a thread still running is joined by the interpreter's own exit
    atexit._run_exitfuncs()  # what interpreter shutdown would run first; its only public door is sys.exit
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed or broken pipe: nothing more can be said
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
