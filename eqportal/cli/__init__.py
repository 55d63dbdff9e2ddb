"""``eqportal``: the command line. Each verb lives in its own module and registers itself here.

Exit codes (the contract): 0 all good, 1 problems found (all printed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# One module per verb; each defines ``register(subparsers)`` that sets ``func`` on its parser.
VERBS = ("check", "schema", "audit", "new", "manifest", "a11y", "build", "editor")


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
