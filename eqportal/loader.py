"""Read and validate all of ``content/`` into one :class:`~eqportal.portal.Portal`.

Reading never stops at the first problem: every file is read, every rule runs, and all
problems come back together, sorted by file and line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel, ValidationError

from eqportal.buildcache import Store, compute_all, key
from eqportal.errors import describe_all
from eqportal.frontmatter import Document, read_document
from eqportal.models import Decision
from eqportal.registry import BY_FOLDER, CONTENT_TYPES
from eqportal.placeholders import placeholder_problems
from eqportal.plain_language import document_problems as plain_language_problems
from eqportal.portal import Portal, Record
from eqportal.problems import Problem, field_path
from eqportal.references import portal_rules
from eqportal.rules import RULES


def load_portal(root: Path, today: dt.date | None = None, *, cache: Path | None = None) -> tuple[Portal, list[Problem]]:
    """Load every content file under ``root``; return the portal and all problems found.

    ``cache`` (a folder, e.g. ``.cache/build``) keeps each file's reading, validation and own rules
    by the hash of its bytes, so only changed files are validated again; rules across files always run.
    """
    store = Store(cache, "records")
    root = Path(root)
    portal = Portal(root=root, today=today or dt.date.today())
    problems: list[Problem] = []
    if not root.is_dir():
        return portal, [Problem(str(root), 1, "", "is not a folder of content; expected eqias/, objectives/, reports/ and decisions/ inside it")]
    # Each file on its own first (from the cache when unchanged, on every core when many are new)...
    jobs: list[tuple[str | None, tuple[Path, type[BaseModel], str]]] = []
    for folder, model in ((t.folder, t.model) for t in CONTENT_TYPES):
        for source in sorted((root / folder).glob("*.md")) if (root / folder).is_dir() else []:
            shown = display_path(source)
            try:
                digest = key("record", model.__name__, str(source.resolve()), shown, source.read_bytes())
            except OSError:
                digest = None
            jobs.append((digest, (source, model, shown)))
    compute_all([(d, job) for d, job in jobs if d], store, _load_job)
    # ...then together, in a stable order.
    for digest, (source, model, shown) in jobs:
        record, found = store.get(digest) if digest else load_record(source, model, shown)
        folder = next(t.folder for t in CONTENT_TYPES if t.model is model)
        problems.extend(found)
        if record is not None:
            _add(portal, folder, record, problems)
        elif folder == "eqias":
            portal.unreadable_eqias.add(source.stem)
    for stray in _stray_files(root):
        problems.append(Problem(display_path(stray), 1, "", f"is not in a content folder; put it in one of {', '.join(f'{t.folder}/' for t in CONTENT_TYPES)}"))
    problems.extend(portal_rules(portal))
    store.save()
    return portal, sorted(set(problems))


def _load_job(job: tuple[Path, type[BaseModel], str]) -> tuple[Record | None, list[Problem]]:
    return load_record(*job)


def display_path(path: Path) -> str:
    """Paths in messages are relative to the working folder when they can be, as editors see them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_record(source: Path, model: type[BaseModel], shown: str) -> tuple[Record | None, list[Problem]]:
    """Read one file, validate its front matter against ``model`` and run its rules."""
    result = read_document(source, shown)
    if result.document is None:
        return None, result.problems
    doc = result.document
    problems = list(result.problems)
    placeholders = placeholder_problems(doc)  # left by `eqportal new`; reported instead of their type errors
    problems.extend(placeholders)
    problems.extend(plain_language_problems(doc))
    try:
        item = model.model_validate(doc.data)
    except ValidationError as err:
        unfilled = {p.field for p in placeholders}
        problems.extend(p for p in _validation_problems(err, doc, model) if p.field not in unfilled)
        return None, problems
    for loc, message in RULES[model](item):
        problems.append(Problem(doc.path, doc.line_of(loc), field_path(loc), message))
    expected = item.id
    if source.stem != expected:
        name = "number" if isinstance(item, Decision) else "id"
        problems.append(Problem(doc.path, doc.line_of((name,)), name, f"must match the file name: the file is {source.name}, so rename it to {expected}.md or change the {name}"))
    return Record(item, doc, source), problems


def _validation_problems(err: ValidationError, doc: Document, model: type[BaseModel]) -> Iterable[Problem]:
    for loc, message in describe_all(err.errors(include_url=False), model):
        yield Problem(doc.path, doc.line_of(loc), field_path(loc), message)


def _add(portal: Portal, folder: str, record: Record, problems: list[Problem]) -> None:
    items = getattr(portal, folder)
    key = record.model.id
    if key in items:
        other = items[key]
        field = "number" if folder == "decisions" else "id"
        problems.append(Problem(record.path, record.line_of((field,)), field, f"'{key}' is already used by {other.path}; every {field} must be unique"))
        return
    items[key] = record


def _stray_files(root: Path) -> Iterable[Path]:
    for path in sorted(root.rglob("*.md")):
        relative = path.relative_to(root)
        if len(relative.parts) != 2 or relative.parts[0] not in BY_FOLDER:
            yield path


_last_load: tuple[tuple, tuple[Portal, list[Problem]]] | None = None


def load_portal_once(root: Path, today: dt.date | None = None, *, cache: Path | None = None) -> tuple[Portal, list[Problem]]:
    """:func:`load_portal`, reused while no content file has changed.

    ``eqportal build`` validates before it starts MkDocs, and the MkDocs hook loads again:
    without this, every file would be read and validated twice per build.
    """
    global _last_load
    root = Path(root)
    files = sorted(root.rglob("*")) if root.is_dir() else []
    key = (str(root.resolve()), today, tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file()))
    if _last_load is None or _last_load[0] != key:
        _last_load = (key, load_portal(root, today, cache=cache))
    return _last_load[1]
