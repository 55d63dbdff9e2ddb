"""What a build prints as it goes, readable both in a terminal and in a CI log.

``StageLog`` prints one line as each stage of ``eqportal build`` starts and ends. During the
page checks a terminal gets rich's live progress bar; a pipe or a file (CI) cannot show one, so
``PlainProgress`` prints a plain line every few seconds instead, and one at the end.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager
from typing import IO, Iterator

INTERVAL_SECONDS = 5.0


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class StageLog:
    """``[2/4] MkDocs build: started`` ... ``[2/4] MkDocs build: 104 pages (14.2s)``."""

    def __init__(self, names: tuple[str, ...], stream: IO[str] | None = None) -> None:
        self.names = names
        self.stream = stream or sys.stdout

    def _number(self, name: str) -> str:
        return f"[{self.names.index(name) + 1}/{len(self.names)}] {name}"

    def say(self, name: str, text: str) -> None:
        print(f"{self._number(name)}: {text}", file=self.stream, flush=True)

    @contextmanager
    def stage(self, name: str, *, announce: bool = True) -> Iterator[dict]:
        """Time one stage; the body may set ``result["summary"]`` for the closing line."""
        if announce:
            self.say(name, "started")
        result: dict = {"summary": "done"}
        started = time.perf_counter()
        yield result
        self.say(name, f"{result['summary']} ({time.perf_counter() - started:.1f}s)")


class PlainProgress:
    """The part of rich's ``Progress`` the page checks use, printing plain lines for logs.

    A line when a task starts, then every ``interval`` seconds while it runs (from a timer, so
    a slow page still shows the build is alive), and a last one when it ends.
    """

    def __init__(self, label: str, stream: IO[str] | None = None, interval: float = INTERVAL_SECONDS) -> None:
        self.label = label
        self.stream = stream or sys.stderr  # where the live bar would have been
        self.interval = interval
        self._tasks: dict[int, list] = {}  # id -> [description, completed, total]
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None
        self._started = time.monotonic()
        self._printed: set[str] = set()

    def __enter__(self) -> PlainProgress:
        self._started = time.monotonic()
        self._timer = threading.Thread(target=self._tick, daemon=True)
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.join()
        self._report()

    def add_task(self, description: str, total: int | None = None, **_: object) -> int:
        with self._lock:
            task = len(self._tasks)
            self._tasks[task] = [description, 0, total]
        self._report()
        return task

    def advance(self, task: int, advance: float = 1) -> None:
        with self._lock:
            self._tasks[task][1] += advance

    def _tick(self) -> None:
        while not self._stop.wait(self.interval):
            self._report()

    def _report(self) -> None:
        elapsed = time.monotonic() - self._started
        with self._lock:
            lines = [f"{self.label}: {int(done)}/{total} {description}, {elapsed:.0f}s" for description, done, total in self._tasks.values()]
        fresh = [line for line in lines if line not in self._printed]
        self._printed.update(fresh)
        for line in fresh:
            print(line, file=self.stream, flush=True)
