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


def one_shot_process() -> None:
    """Say that this process runs one command and ends (the console script does).

    Then what :func:`paused` read stays out of the collector's walks for good
    (``gc.freeze()``): the command keeps it to its end anyway. A process that validates
    plan after plan (tests, an editor) does not call this, so every cycle stays collectable.
    """
    global _one_shot
    _one_shot = True


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
        if enabled:
            gc.enable()
