"""The live preview (``make serve``): content problems in the browser, and the form editor.

MkDocs' server waits for a successful build before it answers any request, so a build stopped
by bad content would leave every browser tab hanging. In the preview, content problems instead
produce a build whose every page is one page listing the problems (``path:line: field:
message``, escaped by the template); fixing the files brings the portal back on the next
rebuild. ``mkdocs build`` and ``eqportal build`` still stop on any problem.

Nothing here imports MkDocs: the hook tells this module what it needs.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from jinja2 import Environment, PackageLoader, select_autoescape

from eqportal.problems import Problem

log = logging.getLogger("mkdocs.eqportal")


@dataclass
class Preview:
    """What the preview remembers between rebuilds of one ``mkdocs serve``."""

    serving: bool = False
    problems: list[Problem] = field(default_factory=list)
    # Every page path (``eqias/foo/index.html``) of the last good build: they all show the problems.
    pages: set[str] = field(default_factory=set)

    def start(self, command: str) -> None:
        self.serving = command == "serve"

    def content_checked(self, problems: Sequence[Problem]) -> bool:
        """Record this build's problems; True when the build should go on as a problem build."""
        self.problems = sorted(problems) if self.serving else []
        if self.problems:
            log.warning("content has %d problem(s); every page of the preview lists them:\n%s",
                        len(self.problems), "\n".join(str(p) for p in self.problems))
        return bool(self.problems)

    def remember_pages(self, paths: Iterable[str]) -> None:
        self.pages.update(paths)

    def write_problem_pages(self, site_dir: Path, site_name: str) -> int:
        """Write the problem page at every known page path, at ``/`` and as the 404 page."""
        html = problem_page(self.problems, site_name)
        count = 0
        for rel in sorted({"index.html", "404.html", *self.pages}):
            target = Path(site_dir) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
            count += 1
        return count


def problem_page(problems: Sequence[Problem], site_name: str) -> str:
    env = Environment(loader=PackageLoader("eqportal", "preview_templates"), autoescape=select_autoescape(default=True))
    digest = hashlib.sha1("\n".join(map(str, problems)).encode("utf-8")).hexdigest()[:12]
    return env.get_template("problems.html").render(problems=problems, site_name=site_name, digest=digest)
