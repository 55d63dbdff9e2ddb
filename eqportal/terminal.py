"""Text from content made safe to print: for terminals, and for GitHub's workflow commands.

A file name or field value can hold control characters (an escape sequence that recolours,
moves the cursor or retitles a terminal, a line break that fakes a second problem). Everything
printed from content passes through :func:`printable`, which shows such characters as visible
escapes (``\\x1b``) instead. GitHub reads ``::error file=...::message`` lines from a job's output,
so a file name holding ``,line=1`` or a line break could add its own properties or commands:
:func:`github_data` and :func:`github_property` escape values as GitHub's toolkit does
(``%``, CR and LF everywhere; ``:`` and ``,`` too in properties).
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control character (and bidirectional override) shown as an escape, on one line."""
    return CONTROL.sub(_visible, str(text))


# The same characters but line breaks and tabs, which a quoted CSV cell holds as they are.
CONTROL_IN_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable_cell(text: object) -> str:
    """``text`` for a CSV report read in a terminal as often as in a spreadsheet: its line breaks
    and tabs kept (a quoted cell holds them), every other control character shown as an escape."""
    return CONTROL_IN_CELL.sub(_visible, "" if text is None else str(text))


def github_data(text: object) -> str:
    """The message part of a workflow command (after ``::``)."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: object) -> str:
    """A property value of a workflow command (``file=``, ``line=``, ``title=``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(level: str, file: str, line: object, title: str, message: str) -> str:
    """One ``::error file=...,line=...,title=...::message`` line, every value escaped; other controls made visible."""
    props = f"file={printable(github_property(file))},line={printable(github_property(line))},title={printable(github_property(title))}"
    return f"::{level} {props}::{printable(github_data(message))}"
