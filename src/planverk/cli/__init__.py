"""The command line: parse arguments, call one core function, map the outcome to an exit code.

One module per group of commands, registered on :data:`app` as they are imported (the
order of ``--help``). Heavy modules (pydantic, the checks, renderers) are imported inside
the commands, so that ``planverk --help`` starts about as fast as typer itself.
"""


from . import checking, editing, reviewing, scaffolding, reporting, calendars, documents  # noqa: F401  (registers)
from .app import app, main
from .scaffolding import Template

__all__ = ["Template", "app", "main"]
