"""Garbage collection paused while objects are made by the hundred thousand (reading a build cache).

Each collection the allocations set off walks every object the build holds, so reading the
records of 2,000 assessments took 2.2 s with the collector running and 0.6 s without. Pickle
leaves nothing behind that the collector would have to find: whatever becomes garbage is
collected as usual once it runs again.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


_one_shot = False


def one_shot() -> None:
    """This process runs one command and exits (the ``eqportal`` command): what a pause made is settled too.

    Unpaused, the collector's first rounds after reading a store walked everything just read, once
    or twice each: 0.35 s of a 3 s rebuild. The build keeps all of it to the end and freezes it
    then anyway (:func:`settled`); settled at once, it is never walked.
    """
    global _one_shot
    _one_shot = True


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _one_shot:
            settled()
        if was_enabled:
            gc.enable()


def settled() -> None:
    """Everything made so far lives until the command ends: the collector need not walk it again (``gc.freeze``).

    For a one-shot command (``eqportal build``) once it holds a county's records and pages: each
    full collection otherwise walks all of them, 0.4 s at a time, to find almost nothing. Garbage
    among them is freed as usual when its last reference goes; only cycles wait for the exit.
    """
    gc.freeze()
