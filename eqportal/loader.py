"""Read and validate all of ``content/`` into one :class:`~eqportal.portal.Portal`.

Reading never stops at the first problem: every file is read, every rule runs, and all
problems come back together, sorted by file and line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from html import escape
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel, ValidationError

from eqportal.body_rules import body_rule_problems
from eqportal.buildcache import Store, compute_all, key
from eqportal.characters import character_problems, front_matter_strings
from eqportal.errors import describe_all
from eqportal.frontmatter import Document, read_document
from eqportal.manifest import MANIFEST_NAME
from eqportal.models import Decision, Eqia, Objective, Report
from eqportal.paths import real_path
from eqportal.registry import BY_FOLDER, CONTENT_TYPES
from eqportal.placeholders import placeholder_problems
from eqportal.plain_language import document_problems as plain_language_problems
from eqportal.portal import Portal, Record
from eqportal.problems import Problem, display_path, field_path
from eqportal.render.body import Body, BodyTooComplex, body_problem, keep_rendered, render_body, to_html
from eqportal.references import portal_rules
from eqportal.rules import RULES


def load_portal(root: Path, today: dt.date | None = None, *, cache: Path | None = None,
                plan: bool = True) -> tuple[Portal, list[Problem]]:
    """Load every content file under ``root``; return the portal and all problems found.

    ``plan`` also generates the whole site to find what would stop a build (``eqportal check``);
    a build turns it off, because it generates the site itself, with the same checks (:func:`eqportal.plan.plan`).

    ``cache`` (a folder, e.g. ``.cache/build``) keeps each file's reading, validation and own rules
    by the hash of its bytes, so only changed files are validated again; rules across files always run.
    """
    store = Store(cache, "records")
    root = Path(root)
    portal = Portal(root=root, today=today or dt.date.today())
    problems: list[Problem] = []
    if not root.is_dir():
        return portal, [Problem(str(root), 1, "folder", "is not a folder of content; expected eqias/, objectives/, reports/ and decisions/ inside it")]
    sources, found = content_files(root)
    problems.extend(found)
    # Each file on its own first (from the cache when unchanged, on every core when many are new)...
    jobs: list[tuple[str | None, str, tuple[Path, type[BaseModel], str]]] = []
    for folder, model in ((t.folder, t.model) for t in CONTENT_TYPES):
        for source in sources.get(folder, []):
            shown = display_path(source)
            try:
                digest = key("record", model.__name__, real_path(source), shown, source.read_bytes())
            except OSError:
                digest = None
            jobs.append((digest, folder, (source, model, shown)))
    compute_all([(d, job) for d, _, job in jobs if d], store, _load_job)
    for digest, _, (source, model, _shown) in jobs:
        made = store.get(digest) if digest else None
        if made is not None and len(made) == 3:  # just made by a worker: keep its body for the build, cache the rest
            record, found, body = made
            store.put(digest, (record, found))
            if body is not None and record is not None:
                keep_rendered(record.body, reserved_anchors(model), body)
    # ...then together, in a stable order.
    for digest, folder, (source, model, shown) in jobs:
        record, found = store.get(digest) if digest else load_record(source, model, shown)
        problems.extend(found)
        if record is not None and digest:
            record = dataclasses.replace(record, digest=digest)
        if record is not None:
            _add(portal, folder, record, problems)
        else:
            portal.unreadable.setdefault(folder, set()).add(source.stem)
    problems.extend(portal_rules(portal))
    if plan and not problems:  # plan the site only from content that is otherwise sound: check covers what build does
        from eqportal.context import BuildContext, docs_files, hand_written
        from eqportal.plan import plan_problems

        docs = root.resolve().parent / "docs"  # hand-written pages beside the content, as in the project layout
        context = BuildContext(today=portal.today, documents=hand_written(docs), static_files=docs_files(docs))
        problems.extend(plan_problems(portal, context, links=docs.is_dir()))
    store.save()
    return portal, sorted(set(problems))


def _load_job(job: tuple[Path, type[BaseModel], str]) -> tuple[Record | None, list[Problem], Body | None]:
    """One file for a worker: its record and problems, and its body as the build renders it (sent back, not cached)."""
    record, problems = load_record(*job)
    body = None
    if record is not None and reserved_anchors(job[1]) is not None:
        try:
            body = render_body(record.body, reserved=reserved_anchors(job[1]))  # the check just rendered it: cached
        except BodyTooComplex:
            body = None
    return record, problems, body


def reserved_anchors(model: type[BaseModel]) -> frozenset[str] | None:
    """The anchors a body may not take on its page, or None for a body not rendered in sections."""
    if model is Eqia:
        from eqportal.site.eqia_pages import RESERVED
        return RESERVED
    if model is Report:
        from eqportal.site.reports import RESERVED
        return RESERVED
    return None


def load_record(source: Path, model: type[BaseModel], shown: str) -> tuple[Record | None, list[Problem]]:
    """Read one file, validate its front matter against ``model`` and run its rules."""
    result = read_document(source, shown)
    if result.document is None:
        return None, result.problems
    doc = result.document
    problems = list(result.problems)
    problems.extend(character_problems(doc))
    problems.extend(_body_problems(doc, model))
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
    front = key("model", type(item).__name__, item.model_dump_json(), repr(list(doc.lines.items())))
    # The front matter as read was needed to validate it; the model holds it now. Kept without it, a county's
    # records are 15 MB less to read back from the build cache on every build.
    return Record(item, dataclasses.replace(doc, data={}), source, model_digest=front), problems


def _body_problems(doc: Document, model: type[BaseModel]) -> list[Problem]:
    """Every body is rendered here exactly as the build renders it, so the build cannot fail on one."""
    if model is Decision:
        return []  # decision bodies are not published
    found = body_problem(doc.body, top_only=model is Objective, reserved=reserved_anchors(model) or frozenset())
    if found is not None:
        return [Problem(doc.path, doc.body_line + found.line - 1, "body", found.message)]
    # Rendered again from the renderer's own cache: the page rules a body can break, on their lines.
    if model is Objective:
        html = to_html(doc.body, top=2)
    else:
        body = render_body(doc.body, reserved=reserved_anchors(model) or frozenset())
        html = body.intro_html + "".join(f"<h2>{escape(s.title)}</h2>{s.html}" for s in body.sections)
    return body_rule_problems(doc.path, doc.body, doc.body_line, html, "\n".join(text for _, text in front_matter_strings(doc.data)))


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


# Files that may sit in content/ without being content: the manifest, and git's placeholder for empty folders.
ROOT_FILES = {MANIFEST_NAME}
IGNORED_NAMES = {".gitkeep"}


def content_files(root: Path) -> tuple[dict[str, list[Path]], list[Problem]]:
    """The content files of each folder, and a problem for everything else found under ``root``.

    Nothing in ``content/`` is ignored without a word: ``.MD`` or ``.markdown`` files (never read),
    files outside the four folders, and symbolic links that lead out of ``content/`` (the build
    would publish whatever they point at) are all reported. Links are never followed.
    """
    root = Path(root)
    real_root = root.resolve()
    folders = ", ".join(f"{t.folder}/" for t in CONTENT_TYPES)
    found: dict[str, list[Path]] = {}
    problems: list[Problem] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames):
            path = here / name
            if path.is_symlink():
                problems.append(_link_problem(path, real_root))
        dirnames[:] = sorted(d for d in dirnames if not (here / d).is_symlink() and not d.startswith("."))
        folder_parts = here.relative_to(root).parts  # once per folder, not per file: a county has 2,000 files in one
        for name in sorted(filenames):
            path = here / name
            parts = (*folder_parts, name)
            if name in IGNORED_NAMES or (len(parts) == 1 and name in ROOT_FILES):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(real_root):
                problems.append(_link_problem(path, real_root))
                continue
            folder = parts[0] if len(parts) == 2 else None
            if folder in BY_FOLDER and name.endswith(".md"):
                found.setdefault(folder, []).append(path)
            elif folder in BY_FOLDER:
                problems.append(Problem(display_path(path), 1, "file", f"is not read: content files end in .md (lower case); "
                                        f"rename it to {Path(name).stem}.md, or move it out of content/"))
            elif name.lower().endswith((".md", ".markdown")):
                problems.append(Problem(display_path(path), 1, "file", f"is not in a content folder; put it in one of {folders}"))
            else:
                problems.append(Problem(display_path(path), 1, "file", f"is not content and is not read; keep only {folders} "
                                        f"and {MANIFEST_NAME} in the content folder"))
    # Each list holds the files of one folder, so their names order them as their paths would
    # (comparing 2,000 Paths took a tenth of a county's rebuild).
    return {k: sorted(v, key=lambda path: path.name) for k, v in found.items()}, problems


def _link_problem(path: Path, real_root: Path) -> Problem:
    target = path.resolve()
    where = "outside the content folder" if not target.is_relative_to(real_root) else "inside the content folder"
    return Problem(display_path(path), 1, "file", f"is a symbolic link to {target} ({where}); links are not followed: "
                                              "put the file itself here")


_last_load: tuple[tuple, tuple[Portal, list[Problem]]] | None = None


def load_portal_once(root: Path, today: dt.date | None = None, *, cache: Path | None = None,
                     plan: bool = True) -> tuple[Portal, list[Problem]]:
    """:func:`load_portal`, reused while no content file has changed.

    ``eqportal build`` validates before it starts MkDocs, and the MkDocs hook loads again:
    without this, every file would be read and validated twice per build.
    """
    global _last_load
    root = Path(root)
    files = sorted(root.rglob("*")) if root.is_dir() else []
    key = (str(root.resolve()), today, plan, tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file()))
    if _last_load is None or _last_load[0] != key:
        _last_load = (key, load_portal(root, today, cache=cache, plan=plan))
    return _last_load[1]
