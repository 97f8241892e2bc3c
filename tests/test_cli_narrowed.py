"""A run builds only the command it names (start-up, issue 18): what it says and does must
be exactly what the whole command group says and does."""

from __future__ import annotations

import importlib
import io
from contextlib import redirect_stderr, redirect_stdout

import pytest

from conftest import PLANS, run_cli
app_module = importlib.import_module("planverk.cli.app")


def whole(*args: str) -> tuple[int, str, str]:
    """``planverk ARGS`` with every command built, as before the narrowing."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err), pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_module, "_narrowed", lambda argv: app_module.app)  # the whole app
        try:
            app_module.main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    return code, out.getvalue(), err.getvalue()


def commands() -> list[str]:
    import typer.main

    return sorted(typer.main.get_command(app_module.app).commands)  # type: ignore[attr-defined]


GRAN = str(PLANS / "gran-2017")


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--help",),
        ("--version",),
        ("valdate", GRAN),  # a typo: the near command is named
        ("nonsense",),
        ("validate", GRAN),
        ("validate", "--format", "xml", GRAN),
        ("validate", "--as-of", "31.02.2017", GRAN),
        ("record", "--help"),
        ("record",),
        ("status", "--help"),
        *[(name, "--help") for name in commands()],
    ],
)
def test_a_run_says_what_the_whole_command_group_says(args: tuple[str, ...]) -> None:
    ran = run_cli(*args)
    assert (ran.code, ran.out, ran.err) == whole(*args)


def test_every_command_is_offered() -> None:
    assert len(commands()) >= 14
    assert all(name in run_cli("--help").out for name in commands())
