"""The files of ``/admin/`` (the form editor) and decap-server, Decap's local back end.

Everything comes from npm packages installed by ``make node`` into ``node_modules/``:
``decap-cms-app``'s built bundle, and React (which that bundle expects as a global) bundled by
``esbuild`` into one file. Nothing is fetched from a CDN. ``/admin/`` exists only in the preview
(``mkdocs serve``): the published site has no editor.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, select_autoescape

from eqportal.editor.config import LOCAL_BACKEND_PORT, decap_config

DECAP_DIST = Path("node_modules/decap-cms-app/dist")
ESBUILD = Path("node_modules/.bin/esbuild")
DECAP_SERVER = Path("node_modules/decap-server/dist/index.js")
REACT_GLOBALS = Path(".cache/admin/react-globals.js")
REACT_ENTRY = "window.React = require('react');\nwindow.ReactDOM = require('react-dom');\n"


class EditorUnavailable(RuntimeError):
    """The npm packages of the form editor are not installed (run `make node`)."""


@dataclass(frozen=True)
class AdminFile:
    """One file of /admin/: either text to write or a file to copy."""

    dest: str  # relative to the site root, e.g. "admin/index.html"
    text: str | None = None
    source: Path | None = None


def admin_files(project: Path, *, site_name: str, backend_port: int = LOCAL_BACKEND_PORT) -> list[AdminFile]:
    """Every file of /admin/ for the project at ``project``; raises EditorUnavailable without node_modules."""
    project = Path(project)
    dist = project / DECAP_DIST
    if not (dist / "decap-cms-app.js").is_file():
        raise EditorUnavailable(f"{DECAP_DIST}/decap-cms-app.js is missing: run `make node` to install the form editor")
    files = [
        AdminFile("admin/index.html", text=admin_page(site_name)),
        AdminFile("admin/config.yml", text=local_config_text(backend_port)),
        AdminFile("admin/react-globals.js", source=react_globals(project)),
    ]
    # The main bundle and the chunks it loads on demand (same folder); source maps are left out.
    for path in sorted(dist.iterdir()):
        if path.is_file() and path.suffix in (".js", ".wasm"):
            files.append(AdminFile(f"admin/{path.name}", source=path))
    return files


def admin_page(site_name: str) -> str:
    env = Environment(loader=PackageLoader("eqportal.editor", "templates"), autoescape=select_autoescape(default=True))
    return env.get_template("admin.html").render(site_name=site_name)


def local_config_text(backend_port: int = LOCAL_BACKEND_PORT) -> str:
    """The configuration as served in the preview: the local back end on ``backend_port``."""
    config = decap_config()
    config["local_backend"] = {**config["local_backend"], "url": f"http://127.0.0.1:{backend_port}/api/v1"}
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120)


def react_globals(project: Path) -> Path:
    """React and ReactDOM as one browser script setting ``window.React``; rebuilt when React changes."""
    project = Path(project)
    out = project / REACT_GLOBALS
    react = project / "node_modules/react/package.json"
    if not react.is_file() or not (project / ESBUILD).is_file():
        raise EditorUnavailable("react or esbuild is missing from node_modules: run `make node`")
    if out.is_file() and out.stat().st_mtime >= react.stat().st_mtime:
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    entry = out.with_name("react-entry.js")
    entry.write_text(REACT_ENTRY, encoding="utf-8")
    result = subprocess.run(
        [str(project / ESBUILD), str(entry), "--bundle", "--minify", "--format=iife", "--log-level=error",
         "--define:process.env.NODE_ENV=\"production\"", f"--outfile={out}"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )
    if result.returncode != 0:
        raise EditorUnavailable(f"esbuild could not bundle React: {result.stderr.strip().splitlines()[0] if result.stderr.strip() else result.returncode}")
    return out


def write_admin(dest: Path, project: Path, *, site_name: str, backend_port: int = LOCAL_BACKEND_PORT) -> Path:
    """Write /admin/ into ``dest`` (``dest/admin/...``), for serving it without MkDocs."""
    for item in admin_files(project, site_name=site_name, backend_port=backend_port):
        target = Path(dest) / item.dest
        target.parent.mkdir(parents=True, exist_ok=True)
        if item.text is not None:
            target.write_text(item.text, encoding="utf-8")
        else:
            shutil.copyfile(item.source, target)
    return Path(dest) / "admin"


def start_decap_server(project: Path, repository: Path, port: int = LOCAL_BACKEND_PORT, *, log=subprocess.DEVNULL) -> subprocess.Popen:
    """Start decap-server in git mode on 127.0.0.1:``port`` over the git clone ``repository``; wait until it listens."""
    script = Path(project) / DECAP_SERVER
    if not script.is_file():
        raise EditorUnavailable(f"{DECAP_SERVER} is missing: run `make node` to install decap-server")
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(Path(repository).resolve()), "PORT": str(port),
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    process = subprocess.Popen(["node", str(script)], env=env, stdout=log, stderr=log, cwd=repository)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EditorUnavailable(f"decap-server stopped at once (exit {process.returncode}); is port {port} free?")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise EditorUnavailable(f"decap-server did not start listening on 127.0.0.1:{port} within 30 s")
