"""``eqportal export DIR``: the whole portal as a plain project another front end can build.

Zensical reads ``mkdocs.yml`` but runs no Python hooks, so it cannot ask the core for pages.
The export gives it everything already made: ``DIR/docs/`` holds every page (generated and
hand-written) with its body rendered to HTML by the portal's own Markdown pipeline (accessible
tables included), every data file and redirect, ``DIR/overrides/`` the theme fixes and assets,
and ``DIR/mkdocs.yml`` the site settings without hooks or portal-only extensions. Links between
pages stay source paths (``../x/index.md``), which Zensical checks and rewrites as MkDocs does.

    eqportal export build/zensical && cd build/zensical && zensical build
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml

from eqportal.site.chrome import finish_document
from eqportal.site.csp import policy_for_every_page
from eqportal.frontend import TEMPLATES_FOLDER, Build, content_root, load_build, page_source, template_dirs
from eqportal.joined import as_bytes
from eqportal.problems import Problem
from eqportal.registry import url_of_source
from eqportal.site.pages import GeneratedPage

MARKER_FILE = ".eqportal-export"  # marks a folder this command wrote, so a re-export may replace it
# Overrides of Material's partials that only serve the MkDocs hook (the navigation made once per
# folder, eqportal.site.navcache): Zensical gets its own partial, with the fixes below.
MKDOCS_ONLY_OVERRIDES = ("partials/nav.html",)
PORTAL_ONLY_EXTENSIONS = ("eqportal.render.prerendered", "eqportal.render.tables")
PORTAL_ONLY_KEYS = ("hooks", "watch", "validation", "docs_dir", "site_dir")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
FIRST_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")


class ExportError(Exception):
    """The target folder or the configuration cannot be used; the message says what to do."""


@dataclass(frozen=True)
class ExportResult:
    pages: int
    files: int


def read_config(config_file: Path) -> dict[str, Any]:
    try:
        config = yaml.safe_load(Path(config_file).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ExportError(f"{config_file}: cannot be read as YAML: {err}") from None
    if not isinstance(config, dict):
        raise ExportError(f"{config_file}: is not a MkDocs configuration")
    return config


def load(config_file: Path, content: Path | None = None, today: dt.date | None = None) -> tuple[Build | None, list[Problem], dict]:
    """Load the portal as ``eqportal build`` would, with the settings in ``config_file``."""
    config = read_config(config_file)
    project = Path(config_file).resolve().parent
    extra = config.get("extra") or {}
    root = Path(content).resolve() if content else content_root(project, extra)
    theme = config.get("theme") or {}
    build, problems = load_build(root, today=today, site_url=config.get("site_url"),
                                 docs_dir=project / config.get("docs_dir", "docs"),
                                 templates=template_dirs(project, extra, theme.get("custom_dir")))
    return build, problems, config


def export(build: Build, config: dict, config_file: Path, target: Path) -> ExportResult:
    """Write the project into ``target`` (created, or replaced if an earlier export made it)."""
    target = Path(target).resolve()
    _prepare(target)
    project = Path(config_file).resolve().parent
    docs = target / "docs"
    pages = files = 0
    for item in build.generated:
        path = docs / item.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item, GeneratedPage):
            path.write_text(page_source(item), encoding="utf-8")
            pages += 1
        else:
            path.write_bytes(as_bytes(item.content))
            files += 1
    source_docs = project / config.get("docs_dir", "docs")
    for path in sorted(source_docs.rglob("*")):
        if path.is_dir():
            continue
        out = docs / path.relative_to(source_docs)
        out.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            out.write_text(rendered_document(path.read_text(encoding="utf-8"), config), encoding="utf-8")
            pages += 1
        else:
            shutil.copy2(path, out)
            files += 1
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        shutil.copytree(project / theme["custom_dir"], target / "overrides",
                        ignore=shutil.ignore_patterns(TEMPLATES_FOLDER, "__pycache__"))
        for name in MKDOCS_ONLY_OVERRIDES:
            (target / "overrides" / name).unlink(missing_ok=True)
        _valid_base_template(target / "overrides")
    (target / "mkdocs.yml").write_text(export_config(config), encoding="utf-8")
    return ExportResult(pages, files)


def _valid_base_template(overrides: Path) -> None:
    """Zensical's own templates with the chrome fixes that a hook makes under MkDocs.

    Zensical runs no hooks, so :func:`eqportal.site.chrome.finish_document` cannot reach the menu
    and search toggles it writes outside any block: the same fix goes into a copy of its
    ``base.html``. Its logo links render as ``href=""`` on the home page (a link to nowhere):
    the copies of ``header.html`` and ``nav.html`` fall back to ``./``. Without Zensical
    installed there is nothing to copy.
    """
    try:
        import zensical
    except ImportError:
        return
    templates = Path(zensical.__file__).parent / "templates"
    fixes = {"base.html": _with_policy,
             "partials/header.html": _logo_never_empty, "partials/nav.html": _logo_never_empty}
    for name, fix in fixes.items():
        source, out = templates / name, overrides / name
        if source.is_file() and not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(fix(source.read_text(encoding="utf-8")), encoding="utf-8")


def _with_policy(template: str) -> str:
    """Zensical's ``base.html`` with the chrome fixes, and the Content-Security-Policy the MkDocs build
    gives each page (:func:`eqportal.site.csp.add_csp`), as one policy for every page, after the charset."""
    charset = '<meta charset="utf-8">'
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for_every_page("zensical")}">'
    return finish_document(template).replace(charset, charset + meta, 1)


def _logo_never_empty(template: str) -> str:
    return template.replace("d(nav.homepage.url, true) | url }}", 'd(nav.homepage.url, true) | url or "./" }}')


def _prepare(target: Path) -> None:
    if target.exists() and any(target.iterdir()):
        if not (target / MARKER_FILE).is_file():
            raise ExportError(f"{target}: is not empty and was not made by eqportal export; choose an empty or new folder")
        shutil.rmtree(target)
    target.mkdir(parents=True, exist_ok=True)
    (target / MARKER_FILE).write_text("Written by `eqportal export`; the next export replaces this folder.\n", encoding="utf-8")


def rendered_document(text: str, config: dict) -> str:
    """A hand-written page with its body rendered as the MkDocs build renders it (tables made accessible)."""
    match = FRONT_MATTER.match(text)
    meta = (yaml.safe_load(match.group(1)) or {}) if match else {}
    body = text[match.end():] if match else text
    converter = markdown.Markdown(extensions=_extensions(config, keep_tables=True), extension_configs=_extension_configs(config))
    html = converter.convert(body)
    if "title" not in meta:
        found = FIRST_H1.search(html)
        if found:
            meta["title"] = " ".join(TAG.sub("", found.group(1)).split())
    return page_source(GeneratedPage("", meta.pop("title", ""), html, meta=meta))


def _extensions(config: dict, *, keep_tables: bool) -> list[str]:
    """The Markdown extensions of mkdocs.yml; the portal's own only where this command runs them itself."""
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config.get("markdown_extensions") or []]
    drop = {"eqportal.render.prerendered"} if keep_tables else set(PORTAL_ONLY_EXTENSIONS)
    return [n for n in names if n not in drop]


def _extension_configs(config: dict) -> dict:
    return {next(iter(e)): next(iter(e.values())) or {} for e in config.get("markdown_extensions") or [] if isinstance(e, dict)}


def export_config(config: dict) -> str:
    """The site settings for the exported project: no hooks, no portal-only extensions, Material's classic look."""
    out = {k: v for k, v in config.items() if k not in PORTAL_ONLY_KEYS}
    out["docs_dir"], out["site_dir"] = "docs", "site"
    theme = dict(out.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = "overrides"
    theme.setdefault("variant", "classic")  # Zensical's look closest to Material for MkDocs, which the theme fixes target
    out["theme"] = theme
    out["extra"] = {k: v for k, v in (out.get("extra") or {}).items() if not k.startswith("eqportal_")}
    configs = _extension_configs(config)
    out["markdown_extensions"] = [{n: configs[n]} if n in configs else n for n in _extensions(config, keep_tables=False)]
    header = ("# Written by `eqportal export`: every page is already rendered. Build with `zensical build`.\n"
              "# Edit the portal's own mkdocs.yml and content/, then export again; changes made here are lost.\n")
    return header + yaml.safe_dump(out, sort_keys=False, allow_unicode=True)


def url_set(site: Path) -> set[str]:
    """The addresses a built site serves, theme and search files left out: for comparing front ends."""
    skip_top = {"assets", "search", "stylesheets", "javascripts"}
    skip_files = {"404.html", "sitemap.xml", "sitemap.xml.gz", "objects.inv", "a11y-report.json", "search.json",
                  ".eqportal-site"}  # the build's own marker (eqportal.publish), not a page
    urls = set()
    for path in Path(site).rglob("*"):
        relative = path.relative_to(site)
        if path.is_dir() or relative.parts[0] in skip_top or relative.as_posix() in skip_files:
            continue
        if path.name == "index.html":
            urls.add(url_of_source(relative.with_suffix(".md").as_posix()))
        else:
            urls.add("/" + relative.as_posix())
    return urls

