"""A content file as git last recorded it: what the manifest of published ids held before this change.

The manifest (:mod:`eqportal.manifest`) guards every published address against its file being
deleted; this guards the manifest itself against its lines being deleted with the file. Where the
content folder is in a git work tree, :func:`committed_versions` gives the file as it is in ``HEAD``
(catching a change not yet committed) and at the commit where the branch left the default branch
(catching one committed on a branch, in a pull request, when the clone has that history). Where
there is no git, no repository, no commit yet or not enough history (a shallow clone, a downloaded
archive), it gives what it can find, or nothing: the checks that need it are skipped, never failed.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Where the default branch may be, most telling first: the remote's (what was merged), then a local one.
DEFAULT_BRANCHES = ("refs/remotes/origin/main", "refs/remotes/origin/master", "refs/heads/main", "refs/heads/master")
# Set by git for its hooks (and by some tools): they would make `git -C folder` read another repository.
_LOCATION_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR",
                       "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE")


@dataclass(frozen=True)
class Committed:
    """One recorded version of a file: where it was recorded (for messages) and its text."""

    where: str  # "git HEAD", or "origin/main at 1a2b3c4d5e, where this branch started"
    ref: str  # what git calls it: HEAD, or the commit
    text: str


def committed_versions(folder: Path, name: str) -> list[Committed]:
    """``folder/name`` as recorded in git ``HEAD`` and where the branch started, where each exists and can be read."""
    folder = Path(folder)
    if not _in_work_tree(folder):
        return []
    head = _git(folder, "rev-parse", "--show-prefix", "HEAD")
    if head is None or len(head.splitlines()) != 2:
        return []  # not a work tree after all, or no commit yet
    prefix, head_commit = head.splitlines()
    path = f"{prefix}{name}"
    found: list[Committed] = []
    text = _show(folder, head_commit, path)
    if text is not None:
        found.append(Committed("git HEAD", "HEAD", text))
    branch = _default_branch(folder)
    if branch is not None:
        base = _git(folder, "merge-base", "HEAD", branch)  # fails without the shared history (a shallow clone)
        base = base.strip() if base else None
        if base and base != head_commit:
            text = _show(folder, base, path)
            if text is not None:
                shown = branch.removeprefix("refs/remotes/").removeprefix("refs/heads/")
                found.append(Committed(f"{shown} at {base[:10]}, where this branch started", base[:10], text))
    return found


def _in_work_tree(folder: Path) -> bool:
    """Whether a ``.git`` (folder, or file in a linked work tree) is in ``folder`` or above it: no process started otherwise."""
    try:
        here = folder.resolve()
    except OSError:
        return False
    return any((place / ".git").exists() for place in (here, *here.parents))


def _default_branch(folder: Path) -> str | None:
    """The default branch's ref: where ``origin/HEAD`` points, else the first of :data:`DEFAULT_BRANCHES` there is."""
    listed = _git(folder, "for-each-ref", "--format=%(refname) %(symref)", "refs/remotes/origin/HEAD", *DEFAULT_BRANCHES)
    if not listed:
        return None
    refs = dict((line.split(" ") + [""])[:2] for line in listed.splitlines() if line)
    if refs.get("refs/remotes/origin/HEAD"):
        return refs["refs/remotes/origin/HEAD"]
    return next((ref for ref in DEFAULT_BRANCHES if ref in refs), None)


def _show(folder: Path, commit: str, path: str) -> str | None:
    """The file at ``commit`` as text, or None where that commit has no such file (or it is not UTF-8)."""
    raw = _git(folder, "cat-file", "blob", f"{commit}:{path}", text=False)
    try:
        return raw.decode("utf-8") if raw is not None else None
    except UnicodeDecodeError:
        return None


def _git(folder: Path, *args: str, text: bool = True):
    """git's output, or None if git is missing or fails for any reason (then the caller simply knows less)."""
    env = {k: v for k, v in os.environ.items() if k not in _LOCATION_VARIABLES}
    env["GIT_OPTIONAL_LOCKS"] = "0"  # a check only reads: never take the index lock from an editor's git
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], check=False, capture_output=True, text=text, timeout=20,
                              env=env, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
