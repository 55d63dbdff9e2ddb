"""Benchmark: the portal build against plain Material building the same pages, at several sizes.

For each N it writes N synthetic assessments (about 2,500 words of body, a full screening
grid, an 8-row action plan) into a temporary content tree and builds the portal with the
project's mkdocs.yml. In the same run it writes the same assessment pages as plain Markdown
files (summary, screening and action tables, body) and builds them with plain Material and
its default navigation: the baseline a council would otherwise use. It prints seconds, pages
per second and the ratio of time per page (portal / baseline; below 1 means faster).

    .venv/bin/python scripts/bench_build.py --sizes 100,500
    .venv/bin/python scripts/bench_build.py --sizes 500 --profile   # where the portal's time goes
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import random
import sys
import tempfile
import time
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
        "sign_off": [{"role": "Director", "date": "2019-03-01"}],
    }


def write_content(root: Path, n: int) -> list[tuple[dict, str]]:
    rng = random.Random(n)
    (root / "eqias").mkdir(parents=True)
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


def mkdocs_build(config_file: Path, site_dir: Path, extra: dict[str, str]) -> tuple[float, int]:
    """Build with MkDocs in-process; ``extra`` is merged into mkdocs.yml's ``extra`` (e.g. ``eqportal_content``)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.extra.update(extra)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    seconds = time.perf_counter() - start
    return seconds, sum(1 for _ in site_dir.rglob("index.html"))


def run_size(n: int, profile: bool) -> None:
    with tempfile.TemporaryDirectory(prefix=f"eqp-bench-{n}-") as tmp:
        tmp = Path(tmp)
        items = write_content(tmp / "content", n)
        docs = tmp / "plain" / "docs"
        docs.mkdir(parents=True)
        (docs / "index.md").write_text("# Assessments\n", encoding="utf-8")
        for fields, text in items:
            (docs / f"{fields['id']}.md").write_text(plain_page(fields, text), encoding="utf-8")
        plain_config = tmp / "plain" / "mkdocs.yml"
        plain_config.write_text("site_name: Plain\ntheme:\n  name: material\nplugins:\n  - search\nmarkdown_extensions:\n  - tables\n  - toc\n", encoding="utf-8")

        base_s, base_pages = mkdocs_build(plain_config, tmp / "plain-site", {})
        extra = {"eqportal_content": str(tmp / "content")}
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        portal_s, portal_pages = mkdocs_build(ROOT / "mkdocs.yml", tmp / "portal-site", extra)
        if profiler:
            profiler.disable()
        index_kb = (tmp / "portal-site" / "search" / "search_index.json").stat().st_size / 1024
        base_index_kb = (tmp / "plain-site" / "search" / "search_index.json").stat().st_size / 1024

    per_portal, per_base = portal_s / portal_pages, base_s / base_pages
    print(f"N={n:>5}  portal:   {portal_s:7.2f} s  {portal_pages:>6} pages  {portal_pages / portal_s:7.1f} pages/s  {per_portal * 1000:6.1f} ms/page  search index {index_kb:8.0f} KB")
    print(f"N={n:>5}  baseline: {base_s:7.2f} s  {base_pages:>6} pages  {base_pages / base_s:7.1f} pages/s  {per_base * 1000:6.1f} ms/page  search index {base_index_kb:8.0f} KB")
    print(f"N={n:>5}  ratio (portal time per page / baseline time per page): {per_portal / per_base:.2f}")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,2000", help="comma-separated N values (default 100,500,2000)")
    parser.add_argument("--profile", action="store_true", help="profile the portal build with cProfile and print the top functions")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes numbers such as 100,500")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    for n in sizes:
        run_size(n, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
