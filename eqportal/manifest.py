"""The manifest of published ids: nothing once published may quietly disappear.

``content/published-ids.txt`` lists everything that has ever been public, one per line, sorted:
a bare id is an assessment (so a manifest written before the other kinds were listed keeps its
meaning), and ``objectives/<id>``, ``reports/<id>`` and ``decisions/<YY-NNNNN>`` name an
objective, an annual report and a key decision on the register. ``eqportal check`` fails when a
listed item has no content file (and is not an alias of a renamed one), when an assessment went
back to draft, and, where the content folder is in a git work tree, when a line the manifest had
in git (``HEAD``, or where the branch started: :mod:`eqportal.committed`) is gone: deleting a file
together with its line is still a page gone. ``eqportal manifest --update`` adds newly public
items and puts such lines back; nothing ever removes one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from eqportal.committed import Committed, committed_versions
from eqportal.models.common import SLUG_PATTERN
from eqportal.models.decision import DECISION_NUMBER_PATTERN
from eqportal.models.vocab import EqiaStatus
from eqportal.portal import Portal, Record
from eqportal.problems import Problem, display_path

MANIFEST_NAME = "published-ids.txt"

HEADER = """\
# Everything ever published on the portal, one per line, sorted. A bare id is an assessment
# (/eqias/<id>/); other kinds start with their folder:
#   objectives/<id>          an equality objective (/objectives/<id>/)
#   reports/<id>             an annual report (/reports/<id>/)
#   decisions/<YY-NNNNN>     a key decision on the register (/decisions/#decision-<YY-NNNNN>)
# Maintained by the tooling: after publishing, run `eqportal manifest --update` and commit this
# file with the content. Never delete a line (`eqportal check` compares it with git): a published
# address keeps its page for good. To retire an assessment, mark it withdrawn (with a reason) or
# superseded; to rename an assessment, objective or report, list its old id under `aliases` in the
# renamed file, and the old address redirects; a decision's corrected number keeps the old one
# under `aliases`, and the old anchor still leads to it.
"""


@dataclass(frozen=True)
class Kind:
    """What a line of the manifest can name: content of one folder."""

    folder: str
    noun: str
    key: re.Pattern
    key_words: str  # how a valid key is written, for messages


_DECISION_KEY = DECISION_NUMBER_PATTERN.replace("/", "-")  # the file name's form: 15-00045
KINDS: dict[str, Kind] = {
    "eqias": Kind("eqias", "assessment", re.compile(SLUG_PATTERN), "lower-case letters, digits and single hyphens"),
    "objectives": Kind("objectives", "objective", re.compile(SLUG_PATTERN), "lower-case letters, digits and single hyphens"),
    "reports": Kind("reports", "report", re.compile(SLUG_PATTERN), "lower-case letters, digits and single hyphens"),
    "decisions": Kind("decisions", "key decision", re.compile(_DECISION_KEY), "the number as in the file name, YY-NNNNN"),
}
ORDER = {folder: index for index, folder in enumerate(KINDS)}  # the order of the kinds in the file

Entry = tuple[str, str]  # (folder, id): ("objectives", "accessible-ict"); a decision's id is its file name's form


def entry_text(entry: Entry) -> str:
    """An entry as its line: assessments bare, as they always were; other kinds with their folder."""
    folder, key = entry
    return key if folder == "eqias" else f"{folder}/{key}"


def _sort_key(entry: Entry) -> tuple[int, str]:
    return ORDER[entry[0]], entry[1]


def parse_entry(line: str) -> Entry | str:
    """The entry a line names, or what is wrong with it."""
    folder, slash, key = line.partition("/")
    if not slash:
        folder, key = "eqias", line
        if KINDS["eqias"].key.match(key):
            return folder, key
        return (f"'{line[:60]}' is not an assessment id (lower-case letters, digits and single hyphens); write one per line, "
                "an assessment's id alone, other kinds as objectives/<id>, reports/<id> or decisions/<YY-NNNNN>; comments start with #")
    kind = KINDS.get(folder)
    if kind is None:
        return (f"'{line[:60]}' names no kind of content: write an assessment's id alone, other kinds as "
                "objectives/<id>, reports/<id> or decisions/<YY-NNNNN>")
    if kind.key.match(key):
        return folder, key
    hint = f" (decisions/{key.replace('/', '-')})" if folder == "decisions" and re.fullmatch(DECISION_NUMBER_PATTERN, key) else ""
    article = "an" if kind.noun[0] in "aeiou" else "a"
    return f"'{line[:60]}' does not name {article} {kind.noun}: write {folder}/ and then {kind.key_words}{hint}"


@dataclass
class Manifest:
    path: Path
    shown: str
    entries: dict[Entry, int] = field(default_factory=dict)  # entry -> line
    problems: list[Problem] = field(default_factory=list)
    lines: int = 0  # how many lines the file has
    readable: bool = True  # false when the file could not be read at all: nothing is known to be missing from it

    @property
    def ids(self) -> dict[str, int]:
        """The assessment ids listed, with their lines."""
        return {key: line for (folder, key), line in self.entries.items() if folder == "eqias"}


def manifest_path(root: Path) -> Path:
    return Path(root) / MANIFEST_NAME


def read_manifest(root: Path) -> Manifest | None:
    """The manifest under the content folder ``root``, or ``None`` if there is none yet."""
    path = manifest_path(root)
    if not path.is_file():
        return None
    manifest = Manifest(path, display_path(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        manifest.problems.append(Problem(manifest.shown, 1, "file", f"cannot be read as UTF-8 text: {err}"))
        manifest.readable = False
        return manifest
    manifest.entries, manifest.problems, manifest.lines = parse_manifest(text, manifest.shown)
    return manifest


def parse_manifest(text: str, shown: str) -> tuple[dict[Entry, int], list[Problem], int]:
    """Every entry of a manifest's text with its line, the problems of its lines, and how many lines it has."""
    entries: dict[Entry, int] = {}
    problems: list[Problem] = []
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        entry = parse_entry(line)
        if isinstance(entry, str):
            problems.append(Problem(shown, number, "line", entry))
        elif entry in entries:
            problems.append(Problem(shown, number, line, f"is listed twice (first on line {entries[entry]}); keep one"))
        else:
            entries[entry] = number
    return entries, problems, len(lines)


@dataclass(frozen=True)
class Removed:
    """An entry the manifest had in git that it no longer has."""

    where: str  # which recorded version had it
    line: int  # its line there


def removed_entries(root: Path, manifest: Manifest | None) -> tuple[dict[Entry, Removed], Committed | None]:
    """Entries git's recorded manifests have that ``manifest`` has not; and, if the manifest was deleted, the version that had it."""
    listed = manifest.entries if manifest is not None else {}
    removed: dict[Entry, Removed] = {}
    deleted_from: Committed | None = None
    if manifest is not None and not manifest.readable:
        return removed, deleted_from  # its own problem says so; every line would look removed
    for version in committed_versions(root, MANIFEST_NAME):
        entries, _, _ = parse_manifest(version.text, MANIFEST_NAME)
        if entries and manifest is None and deleted_from is None:
            deleted_from = version
        for entry, line in entries.items():
            if entry not in listed and entry not in removed:
                removed[entry] = Removed(version.where, line)
    return removed, deleted_from


def manifest_problems(portal: Portal) -> Iterator[Problem]:
    """Listed items that lost their content file or went back to draft, and lines removed since git recorded them."""
    manifest = read_manifest(portal.root)
    removed, deleted_from = removed_entries(portal.root, manifest)
    shown = manifest.shown if manifest is not None else display_path(manifest_path(portal.root))
    if manifest is not None:
        yield from manifest.problems
        for entry, line in manifest.entries.items():
            fault = content_fault(portal, entry)
            if fault:
                yield Problem(shown, line, entry_text(entry), f"was published, but {fault}")
    if deleted_from is not None:
        yield Problem(shown, 1, "file", (
            f"has been deleted, but {deleted_from.where} has it, listing {len(removed)} published item(s); it is never deleted: "
            f"restore it (`git checkout {deleted_from.ref} -- {shown}`) and run `eqportal manifest --update`"))
        for entry, was in sorted(removed.items(), key=lambda item: _sort_key(item[0])):
            fault = content_fault(portal, entry)
            if fault:
                yield Problem(shown, 1, entry_text(entry), f"was published (line {was.line} of this file in {was.where}), but {fault}")
        return
    place = _placer(manifest)
    for entry, was in sorted(removed.items(), key=lambda item: _sort_key(item[0])):
        fault = content_fault(portal, entry)
        where = place(entry)
        start = f"was published (line {was.line} of this file in {was.where}), but its line was removed"
        if fault:
            yield Problem(shown, where, entry_text(entry), f"{start} and {fault}; then put the line back: `eqportal manifest --update` does")
        else:
            yield Problem(shown, where, entry_text(entry), f"{start}; a published item is never taken off this list: "
                                                           "put the line back (`eqportal manifest --update` does)")


def _placer(manifest: Manifest | None) -> Callable[[Entry], int]:
    """Where a removed entry belongs: the line of the first listed entry sorting after it, else the last line."""
    listed = sorted(manifest.entries.items(), key=lambda item: _sort_key(item[0])) if manifest is not None else []
    keys = [_sort_key(entry) for entry, _ in listed]
    last = max(manifest.lines, 1) if manifest is not None else 1

    def line_for(entry: Entry) -> int:
        index = bisect.bisect_left(keys, _sort_key(entry))
        return listed[index][1] if index < len(listed) else last
    return line_for


def content_fault(portal: Portal, entry: Entry) -> str | None:
    """What is wrong with a published item's content now (its file gone, or back to draft), or None."""
    folder, key = entry
    record = portal.by_any_id(folder, key)
    if record is None and key in portal.unreadable.get(folder, ()):
        return None  # the file is there; its own problems are reported
    if record is None and folder == "eqias":
        return (f"there is no eqias/{key}.md; restore the file and mark it withdrawn or superseded, "
                f"or, if the assessment was renamed, add '{key}' to the aliases of the renamed file")
    if record is None and folder == "decisions":
        number = key.replace("-", "/")
        return (f"there is no decisions/{key}.md; restore the file (a key decision stays on the register once listed), "
                f"or, if its number was corrected, add '{number}' to the aliases of the corrected file")
    if record is None:
        noun = KINDS[folder].noun
        return (f"there is no {folder}/{key}.md; restore the file (a published {noun} keeps its page), "
                f"or, if the {noun} was renamed, add '{key}' to the aliases of the renamed file")
    if folder == "eqias" and record.model.status is EqiaStatus.DRAFT:
        return (f"{record.path} now has status draft; a published assessment keeps its page: "
                "mark it withdrawn (with withdrawn_reason) or superseded instead")
    return None


def public_entries(portal: Portal) -> dict[Entry, tuple[Record, tuple]]:
    """Everything public now, with the record and field that make it public: ids of non-draft assessments,
    objectives, reports and decisions, and their earlier ids (aliases)."""
    found: dict[Entry, tuple[Record, tuple]] = {}
    for folder in KINDS:
        for record in getattr(portal, folder).values():
            if folder == "eqias" and not record.model.is_public:
                continue
            found[(folder, record.model.id)] = (record, ("number",) if folder == "decisions" else ("id",))
            for index, alias in enumerate(record.model.aliases):
                found.setdefault((folder, alias.replace("/", "-")), (record, ("aliases", index)))
    return found


def unlisted_entries(portal: Portal) -> dict[Entry, tuple[Record, tuple]]:
    """Public items the manifest does not list, with the record and field that make each public."""
    manifest = read_manifest(portal.root)
    listed = set(manifest.entries) if manifest else set()
    return {entry: made for entry, made in sorted(public_entries(portal).items(), key=lambda item: _sort_key(item[0]))
            if entry not in listed}


def update_manifest(portal: Portal) -> tuple[list[str], list[str]]:
    """Add every public item not yet listed, and put back lines removed since git recorded them; never remove one.

    Returns the lines added and the lines put back.
    """
    manifest = read_manifest(portal.root)
    listed = set(manifest.entries) if manifest else set()
    removed, _ = removed_entries(portal.root, manifest)
    restored = sorted(removed, key=_sort_key)
    added = sorted(set(public_entries(portal)) - listed - set(removed), key=_sort_key)
    if added or restored or manifest is None:
        write_manifest(manifest_path(portal.root), listed | set(added) | set(restored))
    return [entry_text(e) for e in added], [entry_text(e) for e in restored]


def write_manifest(path: Path, entries: set[Entry]) -> None:
    path.write_text(HEADER + "".join(f"{entry_text(e)}\n" for e in sorted(entries, key=_sort_key)), encoding="utf-8")
