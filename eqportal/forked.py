"""Work spread over forked processes: a county's build uses both cores, not one.

A forked worker starts with everything the parent holds (the loaded portal, a front end's whole
state), so nothing large is pickled on the way in; only each job's result comes back. Fork is
used only where it is safe: a POSIX fork, and no other thread running in the parent (a thread
holding a lock at the moment of the fork would leave the child stuck). Elsewhere, and for work
too small to pay for a process, the jobs run here, one after another, with the same results.
"""

from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import os
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

_jobs: dict[str, Callable[[], Any]] = {}  # what a forked worker finds (inherited, never pickled)


def can_fork() -> bool:
    """A POSIX fork, more than one core, and no other thread in this process (Python's or the system's)."""
    return ("fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1 and _system_threads() <= 1)


def _system_threads() -> int:
    """Threads the system counts in this process (Linux); 1 where it cannot tell."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


@contextmanager
def forked(jobs: dict[str, Callable[[], Any]]) -> Iterator[dict[str, concurrent.futures.Future]]:
    """``{name: future}`` of each job run in a forked worker, one worker per core; ``{}`` for no jobs.

    Use only where :func:`can_fork` is true. The jobs must not need anything this process does
    after the fork; their results must pickle.
    """
    if not jobs:
        yield {}
        return
    _jobs.update(jobs)
    settled_before = gc.get_freeze_count() > 0  # a one-shot command froze its heap (eqportal.gcpause.settled): keep it so
    gc.freeze()  # the workers' collections leave the parent's objects alone (and their pages unshared)
    try:
        workers = min(len(jobs), os.cpu_count() or 1)
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield {name: pool.submit(_run, name) for name in jobs}
    finally:
        if not settled_before:
            gc.unfreeze()
        _jobs.clear()


def _run(name: str) -> Any:
    return _jobs[name]()


class Background:
    """``work()`` run in a forked process while this one goes on; :meth:`wait` joins it.

    For work that only touches files (linking a county's 4,000 unchanged pages into the new
    site), so it overlaps what this process does meanwhile. Where forking is not safe, or the
    process fails, :meth:`wait` runs ``work()`` here instead: it must be safe to run again. Work
    that only helps (``fallback=False``) is not run here: only where it can run beside this process.
    """

    def __init__(self, work: Callable[[], Any], *, fallback: bool = True) -> None:
        self.work = work
        self.fallback = fallback
        self.process = None
        if can_fork():
            self.process = multiprocessing.get_context("fork").Process(target=_quietly, args=(work,), daemon=True)
            self.process.start()

    def wait(self) -> None:
        if self.process is not None:
            self.process.join()
            if self.process.exitcode == 0:
                return
        if self.fallback:
            self.work()

    def stop(self) -> None:
        """The build failed: end the process, so nothing writes into a folder being removed."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()


def _quietly(work: Callable[[], Any]) -> None:
    """``work()`` in a background process; a failure only sets the exit code: :meth:`Background.wait` runs it again here,
    where its error, if it has one, is reported once, as the build's."""
    try:
        work()
    except BaseException:  # noqa: BLE001 - reported by the run in the parent
        os._exit(1)
