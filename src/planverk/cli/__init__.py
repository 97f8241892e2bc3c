"""The command line: parse arguments, call one core function, map the outcome to an exit code.

One module per group of commands, registered on :data:`app` as they are imported
(:func:`load_commands`: a run imports only its command's module). Heavy modules
(pydantic, the checks, renderers) are imported inside the commands, so that
``planverk --help`` starts about as fast as typer itself.
"""

from typing import Any

from .app import app, load_commands, main

__all__ = ["Template", "app", "load_commands", "main"]


def __getattr__(name: str) -> Any:
    if name == "Template":  # the plan templates of 'planverk init'
        from .scaffolding import Template

        return Template
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
