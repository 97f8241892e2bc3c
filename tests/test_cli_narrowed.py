"""A run imports and builds only the command it names (start-up, issue 18): what it says and
does must be exactly what the whole command group says and does."""

from __future__ import annotations

import importlib
import io
from contextlib import redirect_stderr, redirect_stdout

import pytest

from conftest import PLANS, run_cli
app_module = importlib.import_module("planverk.cli.app")
app_module.load_commands()  # the whole group, every command module imported


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


def test_every_command_is_found_in_the_module_that_registers_it() -> None:
    import typer.main

    registered = {
        (info.name or info.callback.__name__).replace("_", "-"): info.callback.__module__.rsplit(".", 1)[1]
        for info in app_module.app.registered_commands
    }
    registered.update({
        info.typer_instance.info.name: info.typer_instance.registered_commands[0].callback.__module__.rsplit(".", 1)[1]
        for info in app_module.app.registered_groups
    })
    assert registered == app_module.COMMAND_MODULES
    assert set(typer.main.get_command(app_module.app).commands) == set(registered)  # type: ignore[attr-defined]
    assert set(app_module.COMMAND_MODULES.values()) == set(app_module.MODULES)


def test_a_run_imports_only_its_own_command_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from planverk.cli import main\n"
        "try: main(['schema'])\nexcept SystemExit: pass\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('planverk.cli.')), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(eval(done.stderr.strip().splitlines()[-1])) & set(app_module.MODULES)  # a list of names
    assert loaded == {"checking"}
