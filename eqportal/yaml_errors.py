"""YAML syntax errors in plain words: what is wrong, on which line, and what would fix it.

The parser's own words ("mapping values are not allowed in this context") describe its state,
not the editor's mistake, and its marks often point at the line after the fault. This module
looks at the front matter text around the marks to name the usual mistakes: a quote never
closed (or closed early by an apostrophe), a tab used for indenting, a missing ``:`` after a
field name, a ``: `` inside an unquoted value, a list item or field at the wrong depth.
Anything else keeps the parser's words, with a pointer to what to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from eqportal.problems import field_path

_KEY = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][\w-]*):(?:\s|$)")
_NO_SPACE = re.compile(r"^ *(?:- +)?(?P<key>[A-Za-z_][\w-]*):[^\s:]")


@dataclass(frozen=True)
class SyntaxFault:
    """A YAML syntax error located in the file: ``line`` is the file's line number."""

    line: int
    field: str
    message: str


def explain_unreadable(yaml_text: str, err: yaml.reader.ReaderError, first_line: int = 1) -> SyntaxFault:
    """A character YAML refuses to read at all (C1 controls such as U+009B, U+FFFE): its line and field.

    The YAML library counts characters from the start of the front matter and names no line.
    """
    from eqportal.characters import forbidden_character_message  # characters reads documents: imported here, not above

    lines = yaml_text.splitlines() or [""]
    index = min(yaml_text.count("\n", 0, max(err.position, 0)), len(lines) - 1)
    char = err.character if isinstance(err.character, str) else chr(err.character)
    return SyntaxFault(index + first_line, _path_at(lines, index), forbidden_character_message(char))


def unreadable_lines(yaml_text: str, first_line: int = 1) -> list[SyntaxFault]:
    """Every line of ``yaml_text`` holding a character no content may hold, with its field."""
    from eqportal.characters import FORBIDDEN, forbidden_character_message

    lines = yaml_text.splitlines() or [""]
    return [SyntaxFault(index + first_line, _path_at(lines, index), forbidden_character_message(found.group(0)))
            for index, line in enumerate(lines) if (found := FORBIDDEN.search(line))]


def without_unreadable(yaml_text: str) -> str:
    """``yaml_text`` without the characters :func:`unreadable_lines` reports (read on for the file's other problems)."""
    from eqportal.characters import FORBIDDEN

    return FORBIDDEN.sub("", yaml_text)


def explain(yaml_text: str, err: yaml.MarkedYAMLError, first_line: int = 1) -> SyntaxFault:
    """The editor's mistake behind ``err``, with the line it is really on.

    ``first_line`` is the file line of the YAML text's first line (2 below a ``---`` fence).
    """
    lines = yaml_text.splitlines() or [""]
    problem = err.problem_mark or err.context_mark
    context = err.context_mark
    p_line = min(problem.line, len(lines) - 1) if problem else 0
    p_col = problem.column if problem else 0

    def fault(index: int, message: str) -> SyntaxFault:
        return SyntaxFault(index + first_line, _path_at(lines, index), message)

    for index, text in enumerate(lines[: p_line + 1]):
        if "\t" in text[: len(text) - len(text.lstrip(" \t"))]:
            return fault(index, "is indented with a tab; the front matter may be indented only with spaces: replace the tab with spaces")

    # A quote opened and not closed on its line runs on to the next quote of the file, often a field's
    # own quoted value many lines below, and the error shows there: blame the line that opened it.
    for index in range(min(p_line, len(lines))):
        quote = _unclosed_quote(lines[index])
        if quote:
            return fault(index, f"the quote {quote} that opens the value is never closed: end the value with {quote} on the same line")

    if context is not None and context.line < len(lines):
        opener = lines[context.line][context.column : context.column + 1]
        if opener in ("'", '"'):
            return fault(context.line, f"the quote {opener} that opens the value is never closed: end the value with {opener} on the same line")
        if opener in ("[", "{"):
            closer = "]" if opener == "[" else "}"
            return fault(context.line, f"the {opener} that opens the value is never closed: end the value with {closer} on the same line, or write one `- ` item per line")

    # `title:Library hours`: without a space after the colon it is not a field at all.
    near = [i for i in (p_line, _previous(lines, p_line), context.line if context is not None else None) if i is not None and i < len(lines)]
    for index in near:
        squeezed = _NO_SPACE.match(lines[index])
        if squeezed:
            value = lines[index][squeezed.end() - 1:].strip()
            return fault(index, f"needs a space after `{squeezed['key']}:`, or it is not a field: write it as `{squeezed['key']}: {value}`")

    text = lines[p_line]
    early = _closed_early(text, p_col)
    if early:
        return fault(p_line, early)

    if context is not None and context.line < len(lines) and not _KEY.match(lines[context.line]) and ":" not in lines[context.line]:
        return fault(context.line, _missing_colon(lines[context.line]))

    if text[p_col : p_col + 1] == ":":
        key = _KEY.match(text)
        if key and p_col > key.end():
            return fault(p_line, f"the value contains `: `, which starts a new field: put the whole value in quotes, e.g. {key['key']}: \"{text[key.end():].strip()}\"")
        above = _previous(lines, p_line)
        if above is not None and ":" not in lines[above]:
            return fault(above, _missing_colon(lines[above]))
        if above is not None and _indent(text) > _indent(lines[above]):
            return SyntaxFault(p_line + first_line, "", f"is indented more than line {above + first_line} above it, which already has its value: indent it as far as the field it belongs with")

    stripped = text.lstrip(" ")
    if stripped.startswith("-"):
        sibling = next((i for i in range(p_line - 1, -1, -1) if lines[i].lstrip(" ").startswith("- ")), None)
        if sibling is not None:
            spaces = _indent(lines[sibling])
            where = f"indent its `-` by {spaces} space{'s' if spaces != 1 else ''}" if spaces else "put its `-` at the start of the line"
            owner = _path_at(lines, sibling)
            return SyntaxFault(p_line + first_line, owner[: owner.rfind("[")] if "[" in owner else "",
                               f"this list item is at the wrong depth: {where}, like the item on line {sibling + first_line}")
        return SyntaxFault(p_line + first_line, "", "this list item is at the wrong depth: indent its `-` as far as the other items of its list")
    if _KEY.match(text):
        above = next((i for i in range(p_line - 1, -1, -1) if _KEY.match(lines[i])), None)
        hint = f" (line {above + first_line} is indented {_indent(lines[above])})" if above is not None else ""
        spaces = _indent(text)
        return SyntaxFault(p_line + first_line, "", f"is indented {spaces} space{'' if spaces == 1 else 's'}, which lines up with no field above it: indent it as far as the other fields of its group{hint}")

    words = (err.problem or "is not valid YAML").strip()
    return fault(p_line, f"is not valid YAML here ({words}): check this line and the one above for a missing `:`, an unclosed quote or uneven indenting")


def _unclosed_quote(text: str) -> str | None:
    """The quote a field's value (or a list item) opens and never closes on its line, if any."""
    key = _KEY.match(text)
    value = text[key.end():].lstrip() if key else text.lstrip(" ").removeprefix("-").lstrip() if text.lstrip(" ").startswith("- ") else ""
    quote = value[:1]
    if quote == '"':
        rest = re.sub(r"\\.", "", value[1:])  # escaped characters, \" among them
        return quote if '"' not in rest else None
    if quote == "'":
        rest = value[1:].replace("''", "")  # '' is an apostrophe inside single quotes
        return quote if "'" not in rest else None
    return None


def _closed_early(text: str, col: int) -> str | None:
    """``title: 'Children's centres'``: the apostrophe ends the quoted value, the rest is left over."""
    key = _KEY.match(text)
    if not key or col <= key.end():
        return None
    value = text[key.end():].lstrip()
    quote = value[:1]
    if quote not in ("'", '"') or text[col - 1 : col] != quote:
        return None
    if quote == "'":
        return "the ' in the middle of the value ends the quoted text early: write it twice ('') or quote the whole value with \" instead"
    return "the \" in the middle of the value ends the quoted text early: write it as \\\" or quote the whole value with ' instead"


def _missing_colon(text: str) -> str:
    words = text.strip().removeprefix("- ").split(None, 1)
    suggestion = f"{words[0]}: {words[1]}" if len(words) == 2 else f"{words[0]}:" if words else "name: value"
    return f"has no `:` after the field name: write it as `{suggestion}`"


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _previous(lines: list[str], index: int) -> int | None:
    """The nearest line above ``index`` holding something (not blank, not a comment)."""
    for i in range(index - 1, -1, -1):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#"):
            return i
    return None


def _path_at(lines: list[str], index: int) -> str:
    """The field a line belongs to (``screening[1].details``), read from indentation; '' if unclear."""
    match = _KEY.match(lines[index]) if index < len(lines) else None
    if not match:
        return ""
    parts: list[str | int] = [match["key"]]
    while True:
        if match["dash"]:  # a line inside a list item: find the list's own field above it
            dash = len(match["indent"])
            owner = next((i for i in range(index - 1, -1, -1) if _holds_something(lines[i]) and _indent(lines[i]) <= dash
                          and not (_indent(lines[i]) == dash and lines[i].lstrip(" ").startswith("-"))), None)
            if owner is None or not _KEY.match(lines[owner]):
                return ""
            parts.insert(0, sum(1 for i in range(owner + 1, index) if _indent(lines[i]) == dash and lines[i].lstrip(" ").startswith("-")))
            index, match = owner, _KEY.match(lines[owner])
            parts.insert(0, match["key"])
            continue
        column = len(match["indent"])
        if column == 0:
            return field_path(parts)
        parent = next((i for i in range(index - 1, -1, -1) if _holds_something(lines[i]) and (
            _indent(lines[i]) < column if lines[i].lstrip(" ").startswith("-") else _key_column(lines[i]) < column)), None)
        above = _KEY.match(lines[parent]) if parent is not None else None
        if above is None:
            return ""
        index, match = parent, above
        if not (above["dash"] and _key_column(lines[parent]) == column):  # not a sibling in the same list item
            parts.insert(0, above["key"])


def _holds_something(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def _key_column(text: str) -> int:
    match = _KEY.match(text)
    return len(match["indent"]) + len(match["dash"] or "") if match else _indent(text)
