"""How planverk treats Python's cyclic garbage collector while it reads a large plan.

Reading and checking a plan allocates hundreds of thousands of small, acyclic objects
(dicts, tuples, models); the collector would walk them over and over, a third of the run
time on a 10,000-event plan, and walk them again in every later collection while the
document or calendar is written. Reference counting frees them all the same.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_one_shot = False
_thresholds: tuple[int, ...] | None = None
"""The collector's thresholds before :func:`one_shot_process` lengthened the first one."""


def one_shot_process() -> None:
    """Say that this process runs one command and ends (the console script does).

    Then what :func:`paused` read stays out of the collector's walks for good
    (``gc.freeze()``): the command keeps it to its end anyway. A process that validates
    plan after plan (tests, an editor) does not call this, so every cycle stays collectable.
    """
    global _one_shot, _thresholds
    _one_shot = True
    # Start-up imports the command's modules (the plan model, the checks): tens of thousands
    # of objects that live to the end, which the collector's youngest generation would walk
    # every 700 allocations. It runs every 50,000 until the plan is read (:func:`paused`),
    # then as usual; a command that reads no plan keeps the longer interval to its end.
    if _thresholds is None:
        _thresholds = gc.get_threshold()
        gc.set_threshold(50_000, *_thresholds[1:])


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic collector while a plan is read and checked; it resumes after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _one_shot:
            gc.freeze()
            if _thresholds is not None:
                gc.set_threshold(*_thresholds)
        if enabled:
            gc.enable()
