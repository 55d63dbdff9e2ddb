"""Split a content file into YAML front matter and Markdown body, keeping line numbers.

MkDocs' own front-matter reader swallows YAML errors, so a broken file would build "fine".
Here every fault becomes a :class:`~eqportal.problems.Problem` with the line it is on, and
every value's line is remembered so later checks can point at the exact field.

Scalars stay text (only ``null``/``~``/empty become ``None``): pydantic then converts them
to dates, numbers and booleans with clear messages, and YAML 1.1 surprises such as ``no``
turning into ``False`` or ``2015-02-30`` raising a bare ``ValueError`` cannot happen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eqportal.buildcache import Packed
from eqportal.problems import Problem, field_path
from eqportal.yaml_errors import explain, explain_unreadable, unreadable_lines, without_unreadable

MAX_FILE_BYTES = 1024 * 1024
# Lists and groups inside each other: the deepest field (screening[0].details) is 3; 1,000 would overflow the stack.
MAX_DEPTH = 20
FENCE = re.compile(r"^---[ \t]*$")

Location = tuple[str | int, ...]


class _TextResolver(yaml.resolver.Resolver):
    """Resolves only ``null``: everything else stays a string for pydantic to convert."""


_TextResolver.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for key, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}

try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None

if _CParser is not None:

    class _TextLoader(_CParser, yaml.constructor.SafeConstructor, _TextResolver):
        """A safe loader that keeps scalars as text; libyaml composes about 15 times faster than Python."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _TextResolver.__init__(self)

else:  # pragma: no cover

    class _TextLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, yaml.constructor.SafeConstructor, _TextResolver):  # type: ignore[no-redef]
        """The same loader in pure Python."""

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            _TextResolver.__init__(self)


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML the portal refuses (anchors, aliases): the message is already in plain words."""


# What could make an anchor, an alias, or nesting without indentation: flow collections ([ {) or
# sequences opened on one line (- - x). Without any of them, a block value nests one level per
# indentation step at most (two when a list sits under a key at the same column).
_MAYBE_ANCHORED_OR_DEEP = re.compile(r"[&*\[{]|-[ \t]+-(?:[ \t]|$)", re.M)
SHALLOW_INDENT = MAX_DEPTH // 2 - 2  # columns 0..SHALLOW_INDENT: at most 2 * (SHALLOW_INDENT + 1) < MAX_DEPTH levels


def _plainly_safe(yaml_text: str) -> bool:
    """True when the text can hold no anchor, no alias and no nesting beyond :data:`MAX_DEPTH` (most files)."""
    if _MAYBE_ANCHORED_OR_DEEP.search(yaml_text):
        return False
    return max((len(line) - len(line.lstrip(" ")) for line in yaml_text.splitlines()), default=0) <= SHALLOW_INDENT


def _refuse_anchors(yaml_text: str) -> None:
    """Anchors and aliases make one value stand in several places, which editors misread: refuse them."""
    if _plainly_safe(yaml_text):
        return  # nothing to refuse, without reading the text event by event
    loader = _TextLoader(yaml_text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:  # refused while streaming, before anything recursive sees it
                    raise _Refused(problem=f"nests values more than {MAX_DEPTH} levels deep; no content field goes deeper than a few levels",
                                   problem_mark=event.start_mark)
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
            if isinstance(event, AliasEvent):
                raise _Refused(problem="uses an alias (*name); write the value out in full, aliases are not allowed", problem_mark=event.start_mark)
            if getattr(event, "anchor", None):
                raise _Refused(problem="uses an anchor (&name); write values out in full, anchors are not allowed", problem_mark=event.start_mark)
    finally:
        loader.dispose()


@dataclass
class Document:
    """A content file read into plain data, with the file line of every value."""

    path: str
    data: dict[str, Any]
    body: str
    body_line: int
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, loc: Location) -> int:
        """The line of the value at ``loc``, or of its nearest ancestor that exists."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    # Kept in the build cache, the lines (some 190 located values a file) travel as one packed value,
    # unpacked only when a message needs a line: a rebuild reads 2,000 records back and names almost
    # no line of them, and building their 380,000 keys and numbers again was a fifth of reading them.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if "lines" in state:
            state["_packed_lines"] = Packed.of(state.pop("lines"))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        packed = self.__dict__.get("_packed_lines")  # only reached for an attribute not set: "lines" of a read-back record
        if name != "lines" or packed is None:
            raise AttributeError(name)
        self.lines = packed.value()
        del self.__dict__["_packed_lines"]
        return self.lines


@dataclass
class ReadResult:
    document: Document | None
    problems: list[Problem]


def read_document(path: Path, display: str | None = None) -> ReadResult:
    """Read ``path``; return its document, or the problems that stop it being read."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return ReadResult(None, [Problem(name, 1, "file", f"cannot be read: {err.strerror}")])
    if len(raw) > MAX_FILE_BYTES:
        return ReadResult(None, [Problem(name, 1, "file", f"is {len(raw):,} bytes; a content file may be at most {MAX_FILE_BYTES:,} bytes (1 MiB): move long annexes to linked documents")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return ReadResult(None, [Problem(name, line, "file", "is not UTF-8 text; save the file with UTF-8 encoding")])
    return parse_document(text, name)


def parse_document(text: str, name: str) -> ReadResult:
    """Parse the text of a content file (front matter between ``---`` fences, then Markdown)."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return ReadResult(None, [Problem(name, 1, "file", "is empty; start from `eqportal new` to get a file with every field")])
    lines = text.splitlines(keepends=True)
    if not FENCE.match(lines[0].rstrip("\r\n")):
        return ReadResult(None, [Problem(name, 1, "front matter", "must start with a line `---` that opens the front matter")])
    close = next((i for i in range(1, len(lines)) if FENCE.match(lines[i].rstrip("\r\n"))), None)
    if close is None:
        return ReadResult(None, [Problem(name, 1, "front matter", "opened by `---` on line 1 is never closed: add a line `---` after the last field")])
    yaml_text = "".join(lines[1:close])
    body = "".join(lines[close + 1 :])
    offset = 2  # YAML line 0 is file line 2
    loader = _TextLoader(yaml_text)
    try:
        _refuse_anchors(yaml_text)
        node = loader.get_single_node()
    except _Refused as err:
        return ReadResult(None, [Problem(name, err.problem_mark.line + offset, "front matter", str(err.problem))])
    except yaml.MarkedYAMLError as err:
        fault = explain(yaml_text, err, offset)
        return ReadResult(None, [Problem(name, fault.line, fault.field or "front matter", fault.message)])
    except yaml.reader.ReaderError as err:
        # A character YAML cannot read: every line holding one is reported, then the rest of the front
        # matter is read without them, so the file's other problems are reported with them, not after.
        faults = unreadable_lines(yaml_text, offset) or [explain_unreadable(yaml_text, err, offset)]
        found = [Problem(name, f.line, f.field or "front matter", f.message) for f in faults]
        cleaned = without_unreadable(yaml_text)
        if cleaned == yaml_text:
            return ReadResult(None, found)
        rest = parse_document(text.replace(yaml_text, cleaned, 1), name)
        return ReadResult(rest.document, found + rest.problems)
    except yaml.YAMLError as err:
        return ReadResult(None, [Problem(name, 1, "front matter", f"is not valid YAML: {err}")])
    finally:
        loader.dispose()
    if node is None:
        return ReadResult(None, [Problem(name, 2, "front matter", "is empty; it needs the fields of its content type")])
    if not isinstance(node, MappingNode):
        return ReadResult(None, [Problem(name, node.start_mark.line + offset, "front matter", "must be a set of `field: value` lines")])

    positions: dict[Location, int] = {(): 1}
    problems: list[Problem] = []
    data = _to_data(node, (), positions, problems, name, offset)
    return ReadResult(Document(name, data, body, close + 2, positions), problems)


def _to_data(node: Node, loc: Location, positions: dict, problems: list, name: str, offset: int) -> Any:
    """Turn a composed node into plain data, recording positions and duplicate keys."""
    positions.setdefault(loc, node.start_mark.line + offset)
    if isinstance(node, ScalarNode):
        if node.tag == "tag:yaml.org,2002:null":
            return None
        if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:null"):
            line = node.start_mark.line + offset
            problems.append(Problem(name, line, field_path(loc), f"uses the YAML tag {node.tag}; write a plain value"))
        return node.value
    if isinstance(node, SequenceNode):
        return [_to_data(item, loc + (i,), positions, problems, name, offset) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + offset
            if key in result:
                first = positions[loc + (key,)]
                problems.append(Problem(name, line, field_path(loc + (key,)), f"is given twice (first on line {first}); keep one"))
                continue
            positions[loc + (key,)] = line
            result[key] = _to_data(value_node, loc + (key,), positions, problems, name, offset)
        return result
    return None

