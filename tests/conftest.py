"""Fixtures shared across test modules: the sample portal (content/) built once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sample portal built with MkDocs into a temporary folder (no page checks), once per
    session (per worker under pytest-xdist); tests only read it."""
    site = tmp_path_factory.mktemp("sample") / "site"
    env = {**os.environ, "EQPORTAL_TODAY": "2026-11-23", "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "-q", "-d", str(site)],
                           cwd=ROOT, capture_output=True, text=True, env=env)
    if build.returncode != 0:
        pytest.fail(f"mkdocs build failed: {build.stderr[-2000:]}")
    return site
