"""A rebuild that reuses the build cache publishes exactly what a cold build of the same content does.

Speed is measured by scripts/bench_build.py; this holds what a reader would notice: after an edit,
the site is byte for byte the site a cold build of the edited content gives.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.site_fixture import CONTENT, TODAY

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
EQPORTAL = str(Path(sys.executable).parent / "eqportal")


def build(content: Path, site: Path) -> str:
    result = subprocess.run(
        [EQPORTAL, "build", "--content", str(content), "--site-dir", str(site), "--config", str(ROOT / "mkdocs.yml"),
         "--today", TODAY.isoformat(), "--no-check"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr  # nothing failed along the way, not even in a worker
    return result.stdout + result.stderr


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ, or exist on one side only, anywhere under the two folders."""
    found: list[str] = []
    compare = filecmp.dircmp(a, b)
    stack = [("", compare)]
    while stack:
        prefix, node = stack.pop()
        found += [f"{prefix}{name} (one side only)" for name in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        found += [f"{prefix}{name}" for name in mismatch + errors]
        stack += [(f"{prefix}{name}/", sub) for name, sub in node.subdirs.items()]
    return sorted(found)


def test_a_rebuild_after_edits_is_byte_for_byte_a_cold_build_of_the_edited_content(tmp_path: Path):
    warm = tmp_path / "warm"
    shutil.copytree(CONTENT, warm / "content")
    build(warm / "content", warm / "site")
    assert list((warm / ".cache" / "build" / "bodies").glob("*.pickle"))  # the first build filled the cache
    imported = (warm / ".cache" / "build" / "imported.txt").read_text(encoding="utf-8")  # for the next one's read-ahead
    assert "/mkdocs/" in imported and "/material/" in imported and "/eqportal/" in imported

    # An editor rewords a paragraph of one assessment and the summary of another...
    bus = warm / "content" / "eqias" / "bus-passes.md"
    bus.write_text(bus.read_text(encoding="utf-8").replace(
        "## Context\n", "## Context\n\nThe council asked older residents first.\n", 1), encoding="utf-8")
    library = warm / "content" / "eqias" / "libraries-2024.md"
    text = library.read_text(encoding="utf-8")
    assert "summary: Changes to library opening hours" in text
    library.write_text(text.replace("summary: Changes to library opening hours", "summary: New library opening hours", 1),
                       encoding="utf-8")
    # ...and renames a third, whose title every index page lists (kept index pages must not show the old one).
    grants = warm / "content" / "eqias" / "old-grants.md"
    text = grants.read_text(encoding="utf-8")
    assert "title: Community grants\n" in text
    grants.write_text(text.replace("title: Community grants\n", "title: Community grants scheme\n", 1), encoding="utf-8")
    log = build(warm / "content", warm / "site")
    reused = re.search(r"(\d+) pages, (\d+) unchanged since the last publish", log)
    assert reused, log  # the pages the edits did not touch were not rendered again...
    assert int(reused.group(2)) < int(reused.group(1))  # ...and the edited ones were

    cold = tmp_path / "cold"
    shutil.copytree(warm / "content", cold / "content")
    build(cold / "content", cold / "site")

    assert "The council asked older residents first." in (warm / "site" / "eqias" / "bus-passes" / "index.html").read_text()
    assert "Community grants scheme" in (warm / "site" / "eqias" / "index.html").read_text()
    assert differences(warm / "site", cold / "site") == []

    # The site the last build replaced is kept as the spare; the next build is assembled in its folders, and
    # must still be exactly a cold build: here an index page goes (the directorate of which old-grants was the
    # only assessment) and another comes, and everything else is a file the spare may hold in another version.
    assert (warm / ".site-spare" / "eqias" / "bus-passes" / "index.html").is_file()
    text = grants.read_text(encoding="utf-8")
    assert "directorate: Strategic and Corporate Services\n" in text
    grants.write_text(text.replace("directorate: Strategic and Corporate Services\n", "directorate: Adult Social Care\n", 1),
                      encoding="utf-8")
    # And the assessment an objective lists is renamed: its kept page must not show the old title.
    text = bus.read_text(encoding="utf-8")
    assert "title: Bus passes for older & disabled people\n" in text
    bus.write_text(text.replace("title: Bus passes for older & disabled people\n", "title: Bus passes for older and disabled people\n", 1),
                   encoding="utf-8")
    spare = (warm / ".site-spare").stat().st_ino
    log = build(warm / "content", warm / "site")
    assert "Bus passes for older and disabled people" in (warm / "site" / "objectives" / "fair-access" / "index.html").read_text()
    assert (warm / "site").stat().st_ino == spare  # the new site is the spare's folder, made over
    again = tmp_path / "cold-again"
    shutil.copytree(warm / "content", again / "content")
    counted = re.compile(r"built (\d+) pages")
    assert counted.search(log)[1] == counted.search(build(again / "content", again / "site"))[1]  # told from what it placed
    # The pages the second build reused were described as published (size and time) without looking at them again:
    # the third reuses them too, not only the few the second build rendered.
    third = re.search(r"(\d+) pages, (\d+) unchanged since the last publish", log)
    assert int(third.group(2)) > int(reused.group(1)) - int(reused.group(2))
    assert not (warm / ".site-build").exists()
    assert differences(warm / "site", again / "site") == []


def test_a_county_sized_build_on_every_core_is_byte_for_byte_the_build_on_one(tmp_path: Path):
    """Past a few dozen assessments the build forks workers (pages, open data, the theme); the site is the same."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_build import write_content

    write_content(tmp_path / "content", 70, CONTENT)
    runner = ("import sys, eqportal.forked as f, eqportal.site as s\n"
              "if sys.argv[1] == 'one': f.can_fork = s.can_fork = lambda: False\n"
              "real = f.forked\n"
              "def counted(jobs):\n"
              "    if jobs: print('forked:', ' '.join(sorted(jobs)))\n"
              "    return real(jobs)\n"
              "f.forked = s.forked = counted\n"
              "from eqportal.cli import main\n"
              "if __name__ == '__main__': sys.exit(main(sys.argv[2:]))\n")
    (tmp_path / "run.py").write_text(runner, encoding="utf-8")
    for cores in ("every", "one"):
        result = subprocess.run(
            [sys.executable, str(tmp_path / "run.py"), cores, "build", "--content", str(tmp_path / "content"),
             "--site-dir", str(tmp_path / cores), "--config", str(ROOT / "mkdocs.yml"), "--today", TODAY.isoformat(), "--no-check"],
            capture_output=True, text=True, cwd=tmp_path, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        forked = " ".join(line for line in result.stdout.splitlines() if line.startswith("forked:"))
        if cores == "every":  # the page builders and the theme really ran in workers
            assert "eqia_pages" in forked and "theme-0" in forked, result.stdout
        else:
            assert forked == ""
        shutil.rmtree(tmp_path / ".cache", ignore_errors=True)  # each build cold
    assert differences(tmp_path / "every", tmp_path / "one") == []



def test_a_county_sized_rebuild_reads_kept_pages_back_and_is_byte_for_byte_a_cold_build(tmp_path: Path):
    """At a county's size the workers send pages kept in the build cache without their HTML; every page
    rendered or linked again reads it back from the cache, and the site is still exactly a cold build."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_build import write_content

    runner = ("import atexit, sys, eqportal.site.pages as p, eqportal.site.page_cache as c\n"
              "one, many, read = p.GeneratedPage.with_html, c.read_back, []\n"
              "def counted(self, cache):\n"
              "    if self.light: read.append(self.src_uri)\n"
              "    return one(self, cache)\n"
              "def counted_many(pages, cache):\n"
              "    whole = many(pages, cache)\n"
              "    read.extend(whole)\n"
              "    return whole\n"
              "p.GeneratedPage.with_html, c.read_back = counted, counted_many\n"
              "atexit.register(lambda: print('read back:', len(read)))\n"
              "import eqportal.buildcache as b\n"  # every file of kept pages' HTML read whole, by any process
              "load = b.Store._load\n"
              "def logged(path, *, entries=True):\n"
              "    if entries and (path.parent.name.endswith('-html') or path.parent.name == 'bodies'):\n"
              "        with open('html-read.log', 'a') as log: log.write(path.parent.name + '\\n')\n"
              "    return load(path, entries=entries)\n"
              "b.Store._load = staticmethod(logged)\n"
              "from eqportal.cli import run\n"
              "sys.argv[0] = 'eqportal'\n"
              "run()\n")
    (tmp_path / "run.py").write_text(runner, encoding="utf-8")

    def build_here(content: Path, site: Path) -> int:
        (tmp_path / "html-read.log").unlink(missing_ok=True)
        result = subprocess.run(
            [sys.executable, str(tmp_path / "run.py"), "build", "--content", str(content), "--site-dir", str(site),
             "--config", str(ROOT / "mkdocs.yml"), "--today", TODAY.isoformat(), "--no-check"],
            capture_output=True, text=True, cwd=tmp_path, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        return int(re.search(r"read back: (\d+)", result.stdout).group(1))

    def html_files_read() -> Counter[str]:
        """How many files of each store of kept pages' HTML (and of rendered bodies) the last build read whole."""
        log = tmp_path / "html-read.log"
        return Counter(log.read_text(encoding="utf-8").split() if log.exists() else [])

    warm = tmp_path / "warm"
    write_content(warm / "content", 70, CONTENT)
    assert build_here(warm / "content", warm / "site") == 0  # cold: nothing kept yet
    eqias = warm / "content" / "eqias"
    edited = eqias / "assessment-00010.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("## Context\n\n", "## Context\n\nA new first paragraph.\n\n", 1),
                      encoding="utf-8")
    assert build_here(warm / "content", warm / "site") == 0  # one body edit: the kept pages are not rendered again
    # Nor are their HTML and bodies read: only the files of them that the edit changes (the new page's, the old
    # page's) are read, to be written again, and the bodies of the reports (their pages are made on every build).
    html_read = html_files_read()
    reports = len(list((warm / "content" / "reports").glob("*.md")))
    assert html_read["pages-eqias-html"] <= 2 and html_read["pages-easy-read-html"] <= 2, html_read
    assert html_read["bodies"] <= 2 + reports < 16, html_read  # of 16 files
    # Without the link memo every kept page is linked again, from its HTML read back from the cache...
    shutil.rmtree(warm / ".cache" / "build" / "linked")
    edited.write_text(edited.read_text(encoding="utf-8").replace("A new first paragraph.", "A newer first paragraph.", 1),
                      encoding="utf-8")
    assert build_here(warm / "content", warm / "site") > 100
    assert html_files_read()["pages-eqias-html"] > 2
    # ...and without the published site every page is rendered again, each read back as it is rendered.
    shutil.rmtree(warm / "site")
    shutil.rmtree(warm / ".site-spare", ignore_errors=True)
    assert build_here(warm / "content", warm / "site") > 100
    # A new assessment, and a title edit, which the index pages show: no kept page's links lead elsewhere, so none is
    # read back; the index pages listing the renamed one are made again, from rows kept but for its own.
    text = (eqias / "assessment-00011.md").read_text(encoding="utf-8")
    (eqias / "assessment-00099.md").write_text(text.replace("id: assessment-00011", "id: assessment-00099", 1), encoding="utf-8")
    assert build_here(warm / "content", warm / "site") == 0
    renamed = eqias / "assessment-00012.md"
    renamed.write_text(renamed.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Renamed, ", 1), encoding="utf-8")
    assert build_here(warm / "content", warm / "site") == 0

    cold = tmp_path / "cold"
    shutil.copytree(warm / "content", cold / "content")
    assert build_here(cold / "content", cold / "site") == 0
    assert "A newer first paragraph." in (warm / "site" / "eqias" / "assessment-00010" / "index.html").read_text(encoding="utf-8")
    assert "Renamed, " in (warm / "site" / "eqias" / "index.html").read_text(encoding="utf-8")
    assert differences(warm / "site", cold / "site") == []
