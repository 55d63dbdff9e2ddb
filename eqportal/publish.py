"""Build the portal into a fresh folder, check it, and only then put it in place of site/.

A failed build or failed check leaves the last good ``site/`` untouched: MkDocs writes into
``.site-build`` beside it, the new site is assembled in ``.site-spare`` (the site published
before the current one) when there is one, and the swap is renames.

The accessibility statement quotes the check of the very site it is published in
(:func:`check_quoted`); a build without checks publishes it saying there has been none.

Only a folder this command made is ever replaced: every published site holds a marker file
(:data:`MARKER`), and ``--site-dir content`` (or ``docs``, ``.``, a home folder) is refused
before anything is built, because replacing it would delete what is in it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from eqportal.a11y.problem import PageProblem
from eqportal.a11y.report import published_report
from eqportal.cachedir import cache_folder
from eqportal.context import BuildContext, build_context
from eqportal.forked import Background
from eqportal.frontend import HANDOVER, Build, template_dirs
from eqportal.gcpause import settled
from eqportal.outputs import OutputCache, remove_any, start_spare
from eqportal.portal import Portal
from eqportal.progress import StageLog
from eqportal.registry import ACCESSIBILITY


BUILD_STAGES = ("content check", "MkDocs build", "page checks", "publish")


MARKER = ".eqportal-site"
MARKER_TEXT = "This folder was published by `eqportal build`; the next build replaces all of it.\n"


class UnsafeSiteDir(ValueError):
    """The folder asked for is not one a previous build made: replacing it would delete someone's files."""


def site_dir_problem(site: Path, protected: tuple[Path, ...] = ()) -> str | None:
    """Why ``site`` may not be replaced by a build, or None when it may.

    It may be replaced when it does not exist yet, is an empty folder, or holds the marker a
    previous build wrote. It may never be, or contain, one of ``protected`` (the content folder,
    the project with mkdocs.yml and docs/).
    """
    resolved = site.resolve()
    for folder in protected:
        folder = folder.resolve()
        if resolved == folder or folder.is_relative_to(resolved):
            return f"{site} holds {folder}; choose a separate folder for the site (default: site)"
    if not site.exists() and not site.is_symlink():
        return None
    if site.is_symlink() or not site.is_dir():
        return f"{site} exists and is not a folder a build made; choose another --site-dir or remove it"
    if (site / MARKER).is_file() or not any(site.iterdir()):
        return None
    return (f"{site} is not a site made by `eqportal build` (it has no {MARKER} file), so it is not replaced; "
            "choose another --site-dir, or empty or remove that folder yourself")


@dataclass
class BuildResult:
    pages: int = 0
    checked: int | None = None  # None: the page checks were skipped (--no-check)
    problems: list = field(default_factory=list)
    seconds: float = 0.0


def count_pages(site: Path) -> int:
    """The HTML files under ``site`` (os.walk is twice as quick as pathlib's rglob over a county's 4,000 folders)."""
    return sum(name.endswith(".html") for _, _, names in os.walk(site) for name in names)


def run_mkdocs(config_file: Path, site_dir: Path, portal: Portal, outputs: OutputCache | None = None) -> Build:
    """MkDocs in-process, strict, over the portal already loaded: raises ``mkdocs.exceptions.Abort`` on any warning.

    The loaded portal and its context reach the hook through ``extra.eqportal_build``, so the
    content is read once and nothing passes through environment variables.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' own switch for a notice it prints
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    project = Path(config.config_file_path).parent
    context = build_context(portal, site_url=config.site_url, docs_dir=Path(config.docs_dir), build_cache=cache_folder(portal.root),
                            template_dirs=template_dirs(project, config.extra, config.theme.custom_dir))
    handed = config.extra[HANDOVER] = Build(portal, context, outputs=outputs)
    settled()  # and so do the pages
    # MkDocs dates the sitemap (and its gzip header) from SOURCE_DATE_EPOCH: the build's day, not the clock.
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(portal.today, dt.time(), dt.timezone.utc).timestamp()))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    return handed


def swap_into_place(built: Path, site: Path) -> None:
    """``built`` becomes ``site``; the site it replaces becomes the spare the next build is assembled in (:data:`SPARE`)."""
    old, spare = site.with_name(".site-previous"), site.with_name(SPARE)
    if old.exists():
        shutil.rmtree(old)  # left by a swap that was interrupted
    if site.exists():
        site.rename(old)
    built.rename(site)
    if old.exists():
        remove_any(spare)
        old.rename(spare)


# The site published before the current one, beside it: the next build makes its folders into the new site
# (eqportal.outputs.OutputCache.assemble) instead of making 4,000 new ones and deleting 4,000 old ones.
SPARE = ".site-spare"


def prepare_outputs(content_root: Path, site: Path) -> OutputCache:
    """What the build of ``site`` may reuse of the last published one, and the spare it is assembled in.

    Without a spare (the first build after a cold one) one is made, in the background: ``eqportal
    build`` asks for this before it reads the content, so the folders are made on the core reading
    leaves free. :meth:`OutputCache.stop` ends the making if the build stops early. Meanwhile the
    files of the last site are asked after there too (:meth:`OutputCache.warm`), so the file system
    answers from memory when the build asks whether each is untouched.
    """
    site = Path(site).resolve()
    outputs = OutputCache.load(cache_folder(content_root), site, spare=site.with_name(SPARE))
    outputs.make_spare(site.with_name(SPARE))
    outputs.warm()
    return outputs


def publish(config_file: Path, portal: Portal, site: Path, *, check: bool = True, stages: StageLog | None = None,
            outputs: OutputCache | None = None) -> BuildResult:
    """Build, check and swap into ``site``; raises :class:`UnsafeSiteDir` before building if ``site`` is not ours.

    ``outputs``: from :func:`prepare_outputs` for the same content and site, if the caller began with it.
    """
    start = time.perf_counter()
    problem = site_dir_problem(site, (Path(portal.root), config_file.parent / "docs", config_file.parent))
    if problem:
        if outputs is not None:
            outputs.stop()
        raise UnsafeSiteDir(problem)
    stages = stages or StageLog(BUILD_STAGES, io.StringIO())
    shown = site
    site = site.resolve()
    staging = site.with_name(".site-build")
    if staging.exists():
        shutil.rmtree(staging)
    result = BuildResult()
    making_spare = None
    try:
        with stages.stage("MkDocs build") as stage:
            # Pages unchanged since the last publish are reused; the new site is assembled in the spare, if any.
            outputs = outputs or prepare_outputs(portal.root, site)
            try:
                made = run_mkdocs(config_file, staging, portal, outputs)
            except BaseException:
                outputs.stop()
                raise
            (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            built = outputs.assemble(staging)
            result.pages = count_pages(built) if outputs.pages_assembled is None else outputs.pages_assembled
            pages = sum(1 for dest in outputs.reused if dest.endswith(".html"))
            files = len(outputs.reused) - pages
            stage["summary"] = (f"{result.pages} pages" + (f", {pages} unchanged since the last publish" if pages else "")
                                + (f", {files} other files unchanged" if files else ""))
        lost = lost_pages(site, built, shown, content=Path(portal.root))
        making_spare = first_spare(built, site) if check and not lost else None  # unchecked, the build would wait for it
        if lost:
            result.problems = lost
            stages.say("page checks", f"skipped: {len(lost)} page(s) of the published site would be lost")
        elif check:
            with stages.stage("page checks") as stage:  # the checker and its parser load only when checking
                result.problems, note = check_quoted(built, made.context, outputs)
                result.checked = result.pages
                stage["summary"] = f"{result.pages} pages, {len(result.problems)} problem(s){note}"
        else:
            stages.say("page checks", "skipped (--no-check)")
        if making_spare is not None:
            making_spare.wait()  # made from the new site's folders, which the swap moves
        if not result.problems:
            with stages.stage("publish", announce=False) as stage:
                swap_into_place(built, site)
                outputs.save(site)
                stage["summary"] = f"{shown} replaced"
        else:
            stages.say("publish", f"skipped: {shown} is unchanged")
    finally:
        if making_spare is not None:
            making_spare.stop()  # the checks failed to run: a spare half made is still a spare
        if staging.exists():
            shutil.rmtree(staging)
    result.seconds = time.perf_counter() - start
    return result


# Where the pages of published ids are: ``/eqias/<id>/``, ``/objectives/<id>/``, ``/reports/<id>/`` (PORTAL.md: a published
# id never disappears from the site). The manifest of published ids guards the content; this guards what is published.
KEPT_FOLDERS = ("eqias", "objectives", "reports")
LOST_PAGE = "published-page-removed"


def lost_pages(published: Path, new: Path, shown: Path | None = None, content: Path = Path("content")) -> list[PageProblem]:
    """The page of each published id the site at ``published`` has and the site at ``new`` has not.

    A page (or the redirect a renamed item's alias leaves) at ``/<folder>/<id>/`` is never removed by
    publishing: whatever let its content file and its line in the manifest go (a removal committed
    straight to the default branch, a clone without history to compare with), the last published site
    still has the page, and the build refuses to publish a site without it. Only the page folders of
    each kind are listed: a folder that was never a page (``/eqias/years/``) is not one.
    """
    problems = []
    for folder in KEPT_FOLDERS:
        gone = _folders(published / folder) - _folders(new / folder)
        for name in sorted(gone):
            if (published / folder / name / "index.html").is_file():
                problems.append(PageProblem(f"/{folder}/{name}/", LOST_PAGE, (
                    f"the site published in {shown or published} has this page, and this build has not; a published address "
                    f"keeps its page: restore {(content / folder / name).as_posix()}.md (an assessment marked withdrawn or superseded), or, "
                    f"if it was renamed, list '{name}' under aliases in the renamed file, and put its line back in "
                    f"published-ids.txt. (To publish another portal in its place, remove {shown or published} first.)")))
    return problems


def _folders(path: Path) -> set[str]:
    try:
        with os.scandir(path) as entries:
            return {entry.name for entry in entries if entry.is_dir(follow_symlinks=False)}
    except OSError:
        return set()


# The statement's page in the built site (directory URLs: the contract's /accessibility/).
STATEMENT_FILE = ACCESSIBILITY.strip("/") + "/index.html"


def check_quoted(site: Path, context: BuildContext, outputs: OutputCache | None = None) -> tuple[list, str]:
    """Check every page of ``site``, its accessibility statement quoting that very check: the problems, and a note for the summary.

    The statement says on which day the site was checked (the build's, so two builds of the same
    content on one day are the same bytes), how many pages, with which tools, and that nothing was
    found. All of it is known before the check but the last, and a site in which anything is found
    is not published. So the statement is made to quote the report the check is expected to give,
    and is checked with every other page, as it will be published; the site is published only if
    the report reads as expected. If it does not (a browser the check did not last run), the
    statement is made to quote the report, and the site is checked again: the check's cache knows
    every other page, so that run opens the statement alone. If anything is found, or the check
    cannot run, the statement goes back to saying there has been no check: the site it is in is not
    published, but the next build is assembled in its folders.
    """
    from eqportal.a11y.runner import expected_tools, html_files
    from eqportal.a11y.runner import run as run_checks
    from eqportal.site.statement import CheckNotQuoted, check_section

    day = context.today.isoformat()
    expected = {"passed": True, "pages_checked": len(html_files(site)), "problem_count": 0, "problems": [],
                "tools": expected_tools(), "date": day}
    try:
        quote(site, context, expected, outputs=outputs)
    except CheckNotQuoted as err:
        return [PageProblem(ACCESSIBILITY, "accessibility-statement", str(err))], ""
    quoting = expected
    try:
        problems, report = run_checks(site)
        checked = {**published_report(report), "date": day}
        note = "; the accessibility statement quotes this check"
        if not problems and check_section(context, checked) != check_section(context, expected):
            started = time.perf_counter()
            quote(site, context, checked, instead_of=expected, outputs=outputs)
            quoting = checked
            problems, again = run_checks(site, progress=False)
            opened = again["pages_opened_in_browser"]
            note += f", its page checked again ({opened} page{'' if opened == 1 else 's'} opened, {time.perf_counter() - started:.1f}s)"
    except BaseException:
        _withdraw(site, context, quoting, outputs)
        raise
    if problems:
        _withdraw(site, context, quoting, outputs)
        return problems, ""
    return [], note


def _withdraw(site: Path, context: BuildContext, quoting: dict, outputs: OutputCache | None) -> None:
    """The statement of ``site``, quoting ``quoting``, back to saying there has been no check; quietly, as
    the check's own error or problems are what the user needs to read."""
    from eqportal.site.statement import CheckNotQuoted

    with contextlib.suppress(OSError, CheckNotQuoted):
        quote(site, context, None, instead_of=quoting, outputs=outputs)


def quote(site: Path, context: BuildContext, report: dict | None, *, instead_of: dict | None = None,
          outputs: OutputCache | None = None) -> None:
    """Make the accessibility statement of the built ``site`` quote the check ``report`` in place of ``instead_of`` (None: no check).

    Its page is written anew: the built file may be a link to the published site's. ``outputs``
    forgets it, so the next build writes it again rather than keep this one as if made from its key.
    """
    from eqportal.site.statement import quote_check

    path = site / STATEMENT_FILE
    quoted = quote_check(path.read_bytes().decode("utf-8"), context, report, instead_of=instead_of)
    fresh = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fresh.write_bytes(quoted.encode("utf-8"))
    os.replace(fresh, path)
    if outputs is not None:
        outputs.forget(STATEMENT_FILE)


def first_spare(built: Path, site: Path) -> Background | None:
    """The first site published at ``site`` has none before it to become the next build's spare
    (:func:`swap_into_place`): one is made now, in the background while the new site is checked, of
    its folders without its files. The next build, an editor's first after the first publish, is
    then assembled in it like any other; without it, that build makes the spare itself while it
    reads the content (:meth:`OutputCache.make_spare`). Not for a build that is not checked: it
    would wait for the folders, 4,000 of them at a county's size (1.5 to 2 s of system time
    straight after MkDocs has made as many)."""
    spare = site.with_name(SPARE)
    if site.exists() or spare.exists() or spare.is_symlink():
        return None  # the site it replaces becomes the spare, or there is one
    return start_spare(built, spare)
