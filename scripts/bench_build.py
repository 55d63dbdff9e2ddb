"""Benchmark: the portal against plain Material on the same assessments, side by side in one run.

For each N it copies the sample content and adds N synthetic assessments (about 2,500 words of
body, a full screening grid, an 8-row action plan) in a temporary content tree, and writes the
same assessment pages as plain Markdown files. Every build runs in its own process (so its peak memory can be read) and all
of them in the same run, because the machine's speed changes from minute to minute: the
targets are ratios against baselines measured beside them, never absolute times.
The measured checkout is byte-compiled first (``compile_code``), as a package is on its first import.

Measured for each N:

- portal, cold: ``eqportal build --no-check`` with an empty build cache;
- plain Material, pages out of the nav (the fair baseline: the portal keeps assessments out of
  its navigation, because one nav entry per page makes MkDocs quadratic), and, labelled, with
  every page in Material's default navigation;
- per page, portal / plain (out of nav);
- rebuild after editing one assessment's body, as a share of the cold build, and after a second
  edit (an editor's next rebuild: the site is then assembled in the folders of the one before);
- the search index, gzipped, and peak memory (max RSS) of the portal build;
- rebuild after editing one assessment's title (front matter: the index pages listing it change too);
- page checks (``eqportal a11y``) cold, in pages per second, and again after the body edit and after
  the title edit (the index pages, the largest pages of the site, are opened again);
- Zensical (``eqportal export DIR`` then ``zensical build``) where both are available.

    .venv/bin/python scripts/bench_build.py --sizes 500,2000
    .venv/bin/python scripts/bench_build.py --sizes 500 --checks none --profile   # where the build's time goes
    .venv/bin/python scripts/bench_build.py --code /tmp/old-checkout              # another checkout's code
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHARACTERISTICS = ["age", "disability", "gender-reassignment", "marriage-civil-partnership", "pregnancy-maternity",
                   "race", "religion-belief", "sex", "sexual-orientation", "carers"]
SECTIONS = ["Context", "Aims and objectives", "Beneficiaries", "Information and data", "Involvement and engagement",
            "Potential impact", "Monitoring and review"]
DIRECTORATES = ["Adult Social Care and Health", "Children, Young People and Education", "Growth, Environment and Transport",
                "Strategic and Corporate Services"]
WORDS = ("the council will review how residents use the service and make sure that older people disabled people carers "
         "and families can still reach help when they need it by phone online or in person in every district of Kent "
         "staff will check the data each year and report what they find to members and partners").split()


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 14))
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, words: int = 2500) -> str:
    per_section = words // len(SECTIONS)
    parts = []
    for title in SECTIONS:
        paragraphs, count = [], 0
        while count < per_section:
            paragraph = " ".join(sentence(rng) for _ in range(5))
            count += len(paragraph.split())
            paragraphs.append(paragraph)
        parts.append(f"## {title}\n\n" + "\n\n".join(paragraphs))
    return "\n\n".join(parts) + "\n"


def eqia(i: int, rng: random.Random) -> dict:
    return {
        "id": f"assessment-{i:05d}", "title": f"Service change number {i}", "kind": "service",
        "directorate": DIRECTORATES[i % len(DIRECTORATES)], "service": "Community services",
        "summary": "A change to how a community service is run, and who it could affect.",
        "owner": "Head of Community Services", "status": "published", "stage": "full",
        "dates": {"screening": "2019-01-10", "full_assessment": "2019-02-01", "published": f"{2015 + i % 10}-03-01",
                  "last_reviewed": "2024-03-01", "next_review": "2027-03-01"},
        "screening": [{"characteristic": c, "adverse": "yes" if rng.random() < 0.3 else "no",
                       "negative_impact": rng.choice(["low", "medium", "high", "none"]), "positive_impact": rng.choice(["low", "medium", "none"]),
                       "details": sentence(rng) + " " + sentence(rng), "actions": sentence(rng), "opportunities": sentence(rng)}
                      for c in CHARACTERISTICS],
        "proportionality": {"rating": "medium", "reason": sentence(rng)},
        "judgement": {"outcome": "internal-action", "justification": sentence(rng)},
        "actions": [{"characteristics": [CHARACTERISTICS[(i + k) % 10]], "issue": sentence(rng), "action": sentence(rng),
                     "outcome": sentence(rng), "owner": "Service manager", "timescale": "2025-06-30", "cost": "None"} for k in range(8)],
        "versions": [{"version": "1.0", "date": "2019-03-01", "author": "Policy officer", "comment": "First version"}],
        "commissioning_stage": ("analyse", "plan", "do", "review")[i % 4],
        "sign_off": [{"role": "senior-officer", "job_title": "Director", "name": "Senior Officer", "date": f"{2015 + i % 10}-03-01"},
                     {"role": "dmt-member", "job_title": "Directorate Management Team member", "name": "DMT Member",
                      "date": f"{2015 + i % 10}-03-01"}],
    }


def write_content(root: Path, n: int, sample: Path | None = None) -> list[tuple[dict, str]]:
    """The sample content (objectives, reports, decisions and their assessments), plus N synthetic assessments."""
    rng = random.Random(n)
    if sample is not None and sample.is_dir():
        shutil.copytree(sample, root)
    (root / "eqias").mkdir(parents=True, exist_ok=True)
    items = []
    for i in range(n):
        fields, text = eqia(i, rng), body(rng)
        (root / "eqias" / f"{fields['id']}.md").write_text("---\n" + yaml.safe_dump(fields, sort_keys=False) + "---\n" + text, encoding="utf-8")
        items.append((fields, text))
    return items


def plain_page(fields: dict, text: str) -> str:
    """The same assessment as an editor would write it in plain Markdown for plain Material."""
    glance = "\n".join(f"- **{k}**: {v}" for k, v in (("Directorate", fields["directorate"]), ("Service", fields["service"]),
                                                       ("Owner", fields["owner"]), ("Published", fields["dates"]["published"])))
    screening = "| Group | Adverse | Negative | Positive | Details |\n|---|---|---|---|---|\n" + "\n".join(
        f"| {s['characteristic']} | {s['adverse']} | {s['negative_impact']} | {s['positive_impact']} | {s['details']} {s['actions']} |" for s in fields["screening"])
    actions = "| Issue | Action | Outcome | Owner | Timescale | Cost |\n|---|---|---|---|---|---|\n" + "\n".join(
        f"| {a['issue']} | {a['action']} | {a['outcome']} | {a['owner']} | {a['timescale']} | {a['cost']} |" for a in fields["actions"])
    return (f"# {fields['title']}\n\n{fields['summary']}\n\n## At a glance\n\n{glance}\n\n## Who could be affected\n\n{screening}\n\n"
            f"## What we will do\n\n{actions}\n\n{text}")


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output: str
    returncode: int = 0
    disk: Disk | None = None  # what the disk holding the working folder did meanwhile, where the system tells


@dataclass
class Disk:
    """A disk's own counters over a run: the time it had requests in hand, and what was read from it.

    Busy is the whole disk's, whoever asked: on a shared machine the disk sometimes stalls for a second
    or more (requests in hand, none served), and a rebuild then waits whatever its code does. The same
    first rebuild after a 2,000-assessment check run took 21.6 s on one day and 4.1 s on the next; a slow
    one, traced, stood still through stalls of 0.9 and 1.6 s in which every thread's folder listing and
    file read waited together.
    """

    busy: float  # seconds with at least one request in hand
    read_mb: float


def disk_counters(folder: Path) -> list[int] | None:
    """Linux's counters for the block device holding ``folder`` (``/sys/dev/block/MAJ:MIN/stat``); None elsewhere."""
    try:
        device = os.stat(folder).st_dev
        return [int(field) for field in Path(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}/stat").read_text().split()]
    except (OSError, ValueError):
        return None


def disk_between(before: list[int] | None, after: list[int] | None) -> Disk | None:
    """The disk's busy time and megabytes read from two readings of :func:`disk_counters` (fields 10 and 3)."""
    if not before or not after or len(before) < 10 or len(after) < 10:
        return None
    return Disk(busy=(after[9] - before[9]) / 1000, read_mb=(after[2] - before[2]) * 512 / 1e6)


@dataclass
class Row:
    n: int
    pages: int = 0
    cold: float = 0.0
    plain_out: float = 0.0
    plain_out_pages: int = 0
    plain_in: float = 0.0
    plain_in_pages: int = 0
    rebuild: float = 0.0
    rebuild_again: float | None = None
    rebuild_title: float | None = None
    index_gz_kb: float = 0.0
    peak_mb: float = 0.0
    check_cold: float | None = None
    check_edit: float | None = None
    check_opened_edit: int | None = None
    check_title: float | None = None
    check_opened_title: int | None = None
    zensical: float | None = None
    zensical_pages: int = 0
    notes: list[str] = field(default_factory=list)
    disk: dict[str, tuple[float, Disk]] = field(default_factory=dict)  # portal build -> (its seconds, the disk meanwhile)

    def note_disk(self, build: str, run: Run) -> None:
        if run.disk is not None:
            self.disk[build] = (run.seconds, run.disk)

    def disk_line(self) -> str | None:
        """The disk's busy time in each portal build, to tell a slow disk from slow code; None where unknown."""
        if not self.disk:
            return None
        parts = [f"{build} {disk.busy:.1f} s of {seconds:.2f} s ({disk.read_mb:.0f} MB read)" for build, (seconds, disk) in self.disk.items()]
        return f"N={self.n}: the disk was busy (for any process) during the portal builds: " + "; ".join(parts)


def measure(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)) -> Run:
    """Run ``cmd`` to the end; its wall time, the peak resident memory of it and its children, and the disk's share."""
    disk_before = disk_counters(cwd)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = b""
    # Read while it runs (a full pipe would stall it), then reap it with wait4 for its own rusage.
    assert proc.stdout is not None
    for chunk in iter(lambda: proc.stdout.read(65536), b""):
        output += chunk
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    text = output.decode("utf-8", "replace")
    if proc.returncode not in ok:
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{text[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, text, proc.returncode, disk_between(disk_before, disk_counters(cwd)))


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def python_cmd(code: Path, *args: str, profile: Path | None = None) -> list[str]:
    """``eqportal ARGS`` with the code of checkout ``code`` (PYTHONPATH wins over the editable install)."""
    runner = "import sys; from eqportal.cli import main, run; sys.argv[0] = 'eqportal'; "
    if profile:
        runner += f"import cProfile; cProfile.run('rc = main(sys.argv[1:])', {str(profile)!r}); sys.exit(rc)"
    else:
        runner += "run()"  # as the installed command does
    return [sys.executable, "-c", runner, *args]


def compile_code(code: Path) -> None:
    """Byte-compile the measured checkout's own modules, as Python does on a package's first import.

    Where ``PYTHONDONTWRITEBYTECODE`` is set (as on the machines this runs on) it never does, and
    every command compiled the portal's modules from source again: 0.3 s of each rebuild, which no
    reader's machine pays. Timestamped, whatever ``SOURCE_DATE_EPOCH`` says: a hash-checked file
    would be read whole again on each import. The installed libraries were compiled when installed.
    """
    import compileall
    import py_compile

    for folder in ("eqportal", "hooks"):
        if (code / folder).is_dir():
            compileall.compile_dir(code / folder, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)


def plain_config(folder: Path, in_nav: bool) -> Path:
    config = {"site_name": "Plain", "docs_dir": "docs", "theme": {"name": "material"}, "plugins": ["search"],
              "markdown_extensions": ["tables", "toc"]}
    if not in_nav:
        config["nav"] = [{"Assessments": "index.md"}]
        config["validation"] = {"nav": {"not_in_nav": "ignore"}}
    path = folder / ("mkdocs-in-nav.yml" if in_nav else "mkdocs-out-of-nav.yml")
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def edit_one(content: Path, n: int) -> None:
    """What an editor does most: reword one paragraph of one assessment's body."""
    source = content / "eqias" / f"assessment-{n // 2:05d}.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("## Context\n\n", "## Context\n\nThe council changed this paragraph after a meeting with carers.\n\n", 1),
                      encoding="utf-8")


def retitle_one(content: Path, n: int) -> None:
    """An edit to front matter: one assessment's title, which every index page listing it shows."""
    source = content / "eqias" / f"assessment-{n // 3:05d}.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\ntitle: ", "\ntitle: Renamed, ", 1), encoding="utf-8")


def run_size(n: int, args: argparse.Namespace) -> Row:
    row = Row(n)
    code = Path(args.code).resolve()
    env = {"PYTHONPATH": str(code), "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix=f"eqp-bench-{n}-") as tmp:
        tmp = Path(tmp)
        items = write_content(tmp / "content", n, code / "content")
        docs = tmp / "plain" / "docs"
        docs.mkdir(parents=True)
        (docs / "index.md").write_text("# Assessments\n", encoding="utf-8")
        for fields, text in items:
            (docs / f"{fields['id']}.md").write_text(plain_page(fields, text), encoding="utf-8")
        work = tmp / "work"  # the portal's working folder: .cache/ lives here
        work.mkdir()
        site = work / "site"
        progress = lambda what: print(f"  N={n}: {what}", file=sys.stderr, flush=True)  # noqa: E731

        progress("plain Material, pages out of the nav")
        run = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain_config(tmp / "plain", False)), "-d", str(tmp / "out-site")], cwd=tmp)
        row.plain_out, row.plain_out_pages = run.seconds, count_pages(tmp / "out-site")
        if not args.skip_in_nav:
            progress("plain Material, every page in the nav")
            run = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain_config(tmp / "plain", True)), "-d", str(tmp / "in-site")], cwd=tmp)
            row.plain_in, row.plain_in_pages = run.seconds, count_pages(tmp / "in-site")

        build = ["build", "--no-check", "--config", str(code / "mkdocs.yml"), "--content", str(tmp / "content"), "--site-dir", str(site)]
        progress("portal, cold")
        profile = tmp / "profile.out" if args.profile else None
        run = measure(python_cmd(code, *build, profile=profile), cwd=work, env=env)
        row.cold, row.peak_mb, row.pages = run.seconds, run.peak_mb, count_pages(site)
        row.note_disk("cold", run)
        index = site / "search" / "search_index.json"
        row.index_gz_kb = len(gzip.compress(index.read_bytes())) / 1024 if index.exists() else 0.0
        if profile:
            import pstats
            pstats.Stats(str(profile)).sort_stats("cumulative").print_stats(35)

        checks = n in args.check_sizes
        a11y = ["a11y", str(site), "--quiet", "--workers", str(args.workers)]
        if checks:
            progress(f"page checks, cold ({row.pages} pages)")
            run = measure(python_cmd(code, *a11y), cwd=work, env=env, ok=(0, 1))
            row.check_cold = run.seconds
            if run.returncode:
                lines = run.output.strip().splitlines()
                row.notes.append("cold check found problems (the benchmark's pages should pass): " + " | ".join(lines[:3] + lines[-1:])[:600])

        edit_one(tmp / "content", n)
        progress("portal, rebuild after one edit")
        run = measure(python_cmd(code, *build), cwd=work, env=env)
        row.rebuild = run.seconds
        row.note_disk("rebuild after one edit", run)
        row.peak_mb = max(row.peak_mb, run.peak_mb)
        if checks:
            progress("page checks after the edit")
            run_report = tmp / "a11y-run.json"  # the run's own figures (the report published with the site has none)
            run = measure(python_cmd(code, *a11y, "--report", str(run_report)), cwd=work, env=env, ok=(0, 1))
            row.check_edit = run.seconds
            report = json.loads(run_report.read_text(encoding="utf-8"))
            row.check_opened_edit = report.get("pages_opened_in_browser")

        edit_one(tmp / "content", n)
        progress("portal, rebuild after a second edit")
        run = measure(python_cmd(code, *build), cwd=work, env=env)
        row.rebuild_again = run.seconds
        row.note_disk("next edit", run)
        row.peak_mb = max(row.peak_mb, run.peak_mb)

        retitle_one(tmp / "content", n)
        progress("portal, rebuild after a title edit")
        run = measure(python_cmd(code, *build), cwd=work, env=env)
        row.rebuild_title = run.seconds
        row.note_disk("a title", run)
        if checks:
            progress("page checks after the title edit")
            run = measure(python_cmd(code, *a11y, "--report", str(run_report)), cwd=work, env=env, ok=(0, 1))
            row.check_title = run.seconds
            row.check_opened_title = json.loads(run_report.read_text(encoding="utf-8")).get("pages_opened_in_browser")

        if not args.skip_zensical:
            row.zensical, row.zensical_pages = zensical(code, tmp, env, row, progress)
        if args.keep:
            keep = Path(args.keep) / f"n{n}"
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(tmp, keep, symlinks=True)
    return row


def zensical(code: Path, tmp: Path, env: dict[str, str], row: Row, progress) -> tuple[float | None, int]:
    """``eqportal export DIR`` then ``zensical build`` in DIR, timed together; None where either is missing."""
    zensical_bin = shutil.which("zensical") or str(Path(sys.executable).with_name("zensical"))
    help_text = subprocess.run(python_cmd(code, "--help"), capture_output=True, text=True, env={**os.environ, **env}).stdout
    if "export" not in help_text or not Path(zensical_bin).exists():
        row.notes.append("no Zensical column: needs `eqportal export` and the zensical package")
        return None, 0
    progress("Zensical: export, then zensical build")
    out = tmp / "zensical"
    start = time.perf_counter()
    measure(python_cmd(code, "export", str(out), "--content", str(tmp / "content"), "--config", str(code / "mkdocs.yml")),
            cwd=tmp / "work", env=env)
    measure([zensical_bin, "build"], cwd=out)
    return time.perf_counter() - start, count_pages(out / "site")


def seconds_per_page(seconds: float, pages: int) -> str:
    return f"{seconds:.1f} s ({seconds / pages * 1000:.1f} ms/page)" if pages else f"{seconds:.1f} s"


def size(kb: float) -> str:
    return f"{kb / 1024:.2f} MB" if kb >= 1024 else f"{kb:.0f} KB"


def table(rows: list[Row]) -> str:
    head = ["N assessments", "portal build, cold", "plain Material, out of the nav", "per page, portal / plain (out of nav)",
            "plain Material, every page in the nav", "per page, portal / plain (in nav)", "rebuild after one edit",
            "search index, gzipped", "peak memory, build", "page checks, cold", "page checks after one edit"]
    if any(r.zensical is not None for r in rows):
        head.append("Zensical (export + build)")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        per_portal = r.cold / r.pages if r.pages else 0
        ratio_out = per_portal / (r.plain_out / r.plain_out_pages) if r.plain_out_pages else 0
        ratio_in = f"{per_portal / (r.plain_in / r.plain_in_pages):.2f}" if r.plain_in_pages else "not run"
        cells = [
            f"{r.n:,} ({r.pages:,} pages)", seconds_per_page(r.cold, r.pages), seconds_per_page(r.plain_out, r.plain_out_pages),
            f"{ratio_out:.2f}", seconds_per_page(r.plain_in, r.plain_in_pages) if r.plain_in_pages else "not run", ratio_in,
            # Two decimals and one: the target is a share of 10%, which a rounded figure can hide either side of.
            f"{r.rebuild:.2f} s ({r.rebuild / r.cold:.1%} of cold)"
            + (f"; next edit {r.rebuild_again:.2f} s ({r.rebuild_again / r.cold:.1%})" if r.rebuild_again is not None else "")
            + (f"; a title {r.rebuild_title:.2f} s ({r.rebuild_title / r.cold:.1%})" if r.rebuild_title is not None else ""),
            size(r.index_gz_kb), f"{r.peak_mb:.0f} MB",
            f"{r.check_cold:.0f} s, {r.pages / r.check_cold:.1f} pages/s" if r.check_cold else "not run",
            (f"{r.check_edit:.1f} s ({opened(r.check_opened_edit)})" if r.check_edit is not None else "not run")
            + (f"; a title {r.check_title:.1f} s ({opened(r.check_opened_title)})" if r.check_title is not None else ""),
        ]
        if len(head) > len(cells):
            cells.append(seconds_per_page(r.zensical, r.zensical_pages) if r.zensical is not None else "not run")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def opened(pages: int | None) -> str:
    """How many pages the browsers opened, in words: "1 page opened", "13 pages opened"."""
    return f"{pages} page opened" if pages == 1 else f"{pages} pages opened"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000", help="comma-separated N values (default 500,2000)")
    parser.add_argument("--checks", default="all", help="sizes whose pages are checked too: all, none or e.g. 500 (default all)")
    parser.add_argument("--workers", type=int, default=2, help="browsers for the page checks (default 2)")
    parser.add_argument("--code", default=str(ROOT), help="the checkout whose code and mkdocs.yml are measured (default this one)")
    parser.add_argument("--skip-in-nav", action="store_true", help="leave out the in-nav baseline (quadratic: slow at 2,000)")
    parser.add_argument("--skip-zensical", action="store_true", help="leave out the Zensical column")
    parser.add_argument("--keep", default=None, help="copy each size's working tree (content, sites, caches) into this folder")
    parser.add_argument("--profile", action="store_true", help="profile the portal's cold build with cProfile and print the top functions")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        named = {"all": set(sizes), "none": set()}
        args.check_sizes = named[args.checks] if args.checks in named else {int(s) for s in args.checks.split(",") if s.strip()}
    except ValueError:
        parser.error("--sizes and --checks take numbers such as 500,2000")
    compile_code(Path(args.code).resolve())
    rows = []
    for n in sizes:
        rows.append(run_size(n, args))
        print(table(rows[-1:]), file=sys.stderr, flush=True)
    print(f"\nMeasured in one run on {os.cpu_count()} cores, code from {Path(args.code).resolve()}:\n")
    print(table(rows))
    for r in rows:
        for note in r.notes:
            print(f"N={r.n}: {note}")
        if disk := r.disk_line():
            print(disk)
    return 0


if __name__ == "__main__":
    sys.exit(main())
