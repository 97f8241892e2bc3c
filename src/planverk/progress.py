"""A progress bar on standard error for long work (rendering Word, building a site, many feeds).

Only on a terminal: the CLI asks for one only when standard error is a terminal, so
piped or redirected output gets nothing extra.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(total: int, description: str = "") -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr for ``total`` steps; yields ``advance(done, total)``."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=sys.stderr)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=total)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
