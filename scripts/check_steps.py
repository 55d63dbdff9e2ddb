"""Where the page checks' time goes: the checker over a built site, each browser step timed.

    .venv/bin/python scripts/check_steps.py SITE_DIR                  # every page
    .venv/bin/python scripts/check_steps.py SITE_DIR --shard 2/8      # a stable eighth: about two minutes at 2,000 assessments
    PYTHONPATH=/tmp/old-checkout .venv/bin/python scripts/check_steps.py SITE_DIR --shard 2/8   # another checkout's code
    .venv/bin/python scripts/check_steps.py SITE_DIR --shard 3/16 --chromium-flag="--js-flags=--max-opt=2 --single-threaded-gc"

Prints the run's duration and pages per second, then the seconds each step took, summed over the
browsers: opening a page or a batch, axe, HTML_CodeSniffer, names with justified text and focus,
text spacing and size, reflow, the checks at 320 px. Then the CPU time of every process the run
started, by kind (Chromium's pages, the static checks, the Nu validator...): on two cores the
checks keep both busy, so the rate follows the CPU they take, wherever it is taken. Then the
browsers' time by kind of page (batches of assessments, of easy-read pages, single index pages:
addresses alike but for their numbers), and the slowest batches and single pages. Every page is
checked afresh, with a cache of the run's own that is removed afterwards.

This machine's speed drifts by 10-20% over minutes, so compare two checkouts (or two sets of
Chromium flags, ``--chromium-flag``) in alternating runs on the same site and shard, and on more
than one shard: a shard's mix of pages can favour one side. A step that neither side changes shows
the drift.
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import re
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import psutil

from eqportal.a11y import browser, content_browser, runner
from eqportal.a11y.problem import CheckerError
from eqportal.a11y.report import parse_shard

# (object, attribute, what the step is called): every step Browser._checks takes, and opening.
STEPS = (
    (browser.Browser, "_open", "opening"),
    (browser.Browser, "_axe", "axe"),
    (browser.Browser, "_htmlcs", "HTML_CodeSniffer"),
    (content_browser, "desktop_checks", "names, justified text, focus"),
    (browser.Browser, "_clipped_by_user_styles", "text spacing and size"),
    (browser.Browser, "_reflow", "reflow"),
    (content_browser, "narrow_checks", "checks at 320 px"),
)
# What each browser is given to do: a batch of pages of one template, or one page.
UNITS = ((browser.Browser, "passes_batch", "batch"), (browser.Browser, "check", "page"))


def kind_of_page(address: str) -> str:
    """A page's address with each run of digits as ``#``: ``/eqias/assessment-01418/easy-read/`` ->
    ``/eqias/assessment-#/easy-read/``. Pages made from one template and numbered alike are one kind."""
    return re.sub(r"\d+", "#", address.split("?")[0])


class Timings:
    """Seconds per step, summed over threads, and each unit of work with its time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.steps: collections.Counter[str] = collections.Counter()
        self.units: list[tuple[float, str, str]] = []  # (seconds, "batch" or "page", address)

    def timed(self, function, step: str | None = None, unit: str | None = None):
        @functools.wraps(function)
        def run(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds = time.perf_counter() - started
                with self.lock:
                    if step:
                        self.steps[step] += seconds
                    if unit:  # (self, base_url, address, ...): the address names the page or batch
                        self.units.append((seconds, unit, str(args[2]) if len(args) > 2 else ""))
        return run


# What each process is, by its command line: the first that matches names it.
PROCESS_KINDS = (
    ("--type=renderer", "Chromium, the pages (renderer)"),
    ("--type=gpu-process", "Chromium, compositing (GPU process)"),
    ("--type=", "Chromium, other helpers"),
    ("chromedriver", "chromedriver"),
    ("chromium", "Chromium, browser process"),
    ("java", "Nu HTML validator (Java)"),
    ("multiprocessing", "static checks (Python workers)"),
)


class ProcessCpu:
    """CPU seconds of this process and every process it starts, by kind, read twice a second (psutil).

    A process is counted up to its last reading, so one that lives less than half a second may be missed.
    """

    def __init__(self) -> None:
        self.seen: dict[int, tuple[str, float]] = {}  # pid -> (kind, CPU seconds so far)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> ProcessCpu:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._read()

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            self._read()

    def _read(self) -> None:
        me = psutil.Process()
        for process in [me, *me.children(recursive=True)]:
            try:
                with process.oneshot():
                    times = process.cpu_times()
                    kind = self.seen[process.pid][0] if process.pid in self.seen else self._kind(process, me)
            except psutil.Error:  # ended since it was listed
                continue
            self.seen[process.pid] = (kind, times.user + times.system)

    @staticmethod
    def _kind(process: psutil.Process, me: psutil.Process) -> str:
        if process.pid == me.pid:
            return "the checker (Python: server, selenium, batches)"
        command = " ".join(process.cmdline())
        return next((name for marker, name in PROCESS_KINDS if marker in command), process.name())

    def by_kind(self) -> collections.Counter[str]:
        totals: collections.Counter[str] = collections.Counter()
        for kind, seconds in self.seen.values():
            totals[kind] += seconds
        return totals


def with_flags(flags: tuple[str, ...], extra: list[str]) -> tuple[str, ...]:
    """``flags`` with each of ``extra`` added, replacing a flag of the same name (``--js-flags=...``)."""
    names = {flag.split("=", 1)[0] for flag in extra}
    return (*(flag for flag in flags if flag.split("=", 1)[0] not in names), *extra)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (eqportal build --no-check)")
    parser.add_argument("--shard", type=parse_shard, default=None, help="K/N: check only the K-th of N shares")
    parser.add_argument("--workers", type=int, default=2, help="browsers (default 2)")
    parser.add_argument("--top", type=int, default=10, help="how many of the slowest batches and pages to list")
    parser.add_argument("--chromium-flag", action="append", default=[], metavar="FLAG",
                        help="start Chromium with FLAG too, in place of the checker's own flag of that name (repeatable)")
    args = parser.parse_args(argv)

    timings = Timings()
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="eqp-check-steps-") as cache:
        cpu = stack.enter_context(ProcessCpu())
        stack.enter_context(mock.patch.object(browser, "CHROMIUM_FLAGS", with_flags(browser.CHROMIUM_FLAGS, args.chromium_flag)))
        for owner, name, step in STEPS:
            stack.enter_context(mock.patch.object(owner, name, timings.timed(getattr(owner, name), step=step)))
        for owner, name, unit in UNITS:
            stack.enter_context(mock.patch.object(owner, name, timings.timed(getattr(owner, name), unit=unit)))
        try:
            problems, report = runner.run(args.site, workers=args.workers, progress=False, cache=Path(cache),
                                          fresh=True, shard=args.shard)
        except CheckerError as exc:
            print(f"check_steps: {exc}", file=sys.stderr)
            return 1

    print(f"{report['pages_checked']} pages in {report['duration_seconds']:.1f} s: {report['pages_per_second']:.2f} pages/s, "
          f"{len(problems)} problem(s)")
    total = sum(timings.steps.values())
    print(f"\nbrowser steps, summed over {args.workers} browser(s): {total:.1f} s")
    for step, spent in timings.steps.most_common():
        print(f"  {spent:8.1f} s  {100 * spent / total:4.1f}%  {step}")
    used = cpu.by_kind()
    if used:
        spent = sum(used.values())
        cores = os.cpu_count() or 1
        print(f"\nCPU, every process of the run: {spent:.1f} s, {100 * spent / (report['duration_seconds'] * cores):.0f}% of "
              f"{cores} core(s) for {report['duration_seconds']:.1f} s")
        for kind, seconds in used.most_common():
            print(f"  {seconds:8.1f} s  {100 * seconds / spent:4.1f}%  {kind}")
    kinds: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    for spent, unit, address in timings.units:
        kinds[(unit, kind_of_page(address))].append(spent)
    in_units = sum(spent for spent, _, _ in timings.units)
    print(f"\nthe browsers' time by kind of page: {in_units:.1f} s in all")
    for (unit, kind), times in sorted(kinds.items(), key=lambda item: -sum(item[1]))[:args.top]:
        count = f"{len(times)} {unit}" if len(times) == 1 else f"{len(times)} {'batches' if unit == 'batch' else 'pages'}"
        print(f"  {sum(times):8.1f} s  {100 * sum(times) / (in_units or 1):4.1f}%  {count:>11s}  {kind}")
    print(f"\nslowest batches and pages (of {len(timings.units)}):")
    for spent, unit, address in sorted(timings.units, reverse=True)[:args.top]:
        print(f"  {spent:8.1f} s  {unit:5s}  {address.split('?')[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
