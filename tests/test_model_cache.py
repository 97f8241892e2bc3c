"""The plan model's cached core schema (planverk.model.prebuilt): used only when current.

Each run is a fresh Python process, as the console script is, with its own cache folder.
What is asserted is what a run did (``prebuilt.status``) and what the command printed:
an entry that is stale, corrupt, another user's or names code outside the model is
never used, and a run with the cache prints exactly what a run without it prints.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CASES, ROOT

SRC = ROOT / "src"

PROBE = r"""
import io, json, sys
from contextlib import redirect_stdout, redirect_stderr
{before}
from planverk.cli import main
runs = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as exit_:
            code = exit_.code
    runs.append({{"code": code, "out": out.getvalue(), "err": err.getvalue()}})
from planverk.model import prebuilt
import planverk
print(json.dumps({{"status": prebuilt.status, "runs": runs, "package": planverk.__file__}}))
"""


def run(cache: Path | None, *argvs: list[str], src: Path = SRC, before: str = "",
        env: dict[str, str] | None = None) -> dict:
    """Run ``planverk`` with each of ``argvs`` in one fresh process; what it did and printed."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PLANVERK")}
    environment |= {"PYTHONPATH": str(src), "NO_COLOR": "1", **(env or {})}
    if cache is not None:
        environment["PLANVERK_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(before=before), json.dumps(argvs)],
        capture_output=True, text=True, env=environment, check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert Path(result["package"]).is_relative_to(src), result["package"]
    return result


def validate(plan: Path) -> list[str]:
    return ["validate", "--format", "json", "--lang", "en", str(plan)]


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("model-*.bin"))


def settled(root: Path) -> None:
    """Date every file under ``root`` a minute back: a source is not newer than a run
    (a run writes no entry from a source changed while it ran)."""
    past = time.time() - 60
    for path in root.rglob("*"):
        os.utime(path, (past, past))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A copy of planverk's source, to change as a developer or an upgrade would."""
    copy = tmp_path / "src"
    shutil.copytree(SRC / "planverk", copy / "planverk", ignore=shutil.ignore_patterns("__pycache__"))
    settled(copy)
    return copy


def edit(source: Path, relative: str, old: str, new: str) -> None:
    path = source / "planverk" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    settled(source)


def test_the_second_run_compiles_the_validators_from_the_entry(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plan = CASES / "invalid" / "double-booked"
    first = run(cache, validate(plan), validate(ROOT / "plans" / "gran-2017"))
    assert first["status"] == "written"
    assert len(entries(cache)) == 1
    second = run(cache, validate(plan), validate(ROOT / "plans" / "gran-2017"))
    assert second["status"] == "hit"
    assert second["runs"] == first["runs"]
    assert first["runs"][0]["code"] == 1 and "PV400" in first["runs"][0]["out"]
    assert not [p for p in cache.iterdir() if p.suffix == ".tmp"]


def test_every_case_reads_the_same_with_the_cache_as_without() -> None:
    argvs = [validate(case) for case in sorted((CASES / "invalid").iterdir()) if case.is_dir()]
    argvs += [validate(case) for case in sorted((CASES / "valid").iterdir()) if case.is_dir()]
    argvs += [validate(plan) for plan in sorted((ROOT / "plans").iterdir()) if (plan / "plan.yaml").is_file()]
    cache = Path(os.environ["PLANVERK_CACHE_DIR"]) / "every-case"
    run(cache, ["--version"])  # writes the entry (importing planverk.model is enough)
    with_cache = run(cache, *argvs)
    assert with_cache["status"] == "hit"
    without = run(None, *argvs, env={"PLANVERK_NO_CACHE": "1"})
    assert without["status"] == "off"
    assert with_cache["runs"] == without["runs"]
    assert any(r["code"] == 1 for r in without["runs"]) and any(r["code"] == 0 for r in without["runs"])


@pytest.mark.parametrize("relative, old, new", [
    # the schema itself: a constraint of a field
    ("model/base.py", 'reason: StrictStr = Field(min_length=3,', 'reason: StrictStr = Field(min_length=30,'),
    # a module the model imports, not in the model package
    ("i18n/__init__.py", '"""', '# changed\n"""'),
])
def test_an_entry_is_never_used_after_a_source_changed(
    tmp_path: Path, source: Path, relative: str, old: str, new: str
) -> None:
    cache = tmp_path / "cache"
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(
        "plan:\n  id: case\n  title: Case\n  organisation: Test kommune\n"
        "  period: {start: 2017-01-01, end: 2017-12-31}\n"
        "people:\n  - id: ellen\n    name: Ellen\n"
        "    silence: [{code: PV403, reason: Known}]\n",
        encoding="utf-8",
    )
    assert run(cache, validate(plan), src=source)["status"] == "written"
    before = run(cache, validate(plan), src=source)
    assert before["status"] == "hit"
    assert before["runs"][0]["code"] == 0
    edit(source, relative, old, new)
    after = run(cache, validate(plan), src=source)
    assert after["status"] == "written"  # the entry was stale: pydantic built the validators
    if "min_length=30" in new:
        assert after["runs"][0]["code"] == 1
        assert "at least 30" in after["runs"][0]["out"]
    assert run(cache, validate(plan), src=source)["status"] == "hit"


def test_an_entry_of_another_planverk_version_is_another_file(tmp_path: Path, source: Path) -> None:
    cache = tmp_path / "cache"
    run(cache, ["--version"], src=source)
    edit(source, "__init__.py", '__version__ = "', '__version__ = "99.')
    assert run(cache, ["--version"], src=source)["status"] == "written"
    assert len(entries(cache)) == 2


def test_the_entry_names_every_version_that_shapes_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydantic.version
    import pydantic_core

    import planverk
    from planverk.model import Period, Plan, prebuilt

    models = {"Plan": Plan, "Period": Period}
    names = {prebuilt._entry_name(models)}
    for target, name, value in [(planverk, "__version__", "99"), (pydantic.version, "VERSION", "2.999"),
                                (pydantic_core, "__version__", "2.999"), (sys, "version", "3.99")]:
        with monkeypatch.context() as patch:
            patch.setattr(target, name, value)
            names.add(prebuilt._entry_name(models))
    with monkeypatch.context() as patch:
        patch.setattr(prebuilt, "PACKAGE", Path("/elsewhere/planverk"))
        names.add(prebuilt._entry_name(models))
    assert len(names) == 6


def _corrupt(entry: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[-100] ^= 0xFF
    entry.write_bytes(bytes(data))


def _truncate(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])


def _garbage(entry: Path) -> None:
    entry.write_bytes(b"\x00" * 64)


@pytest.mark.parametrize("damage", [_corrupt, _truncate, _garbage])
def test_a_torn_or_corrupt_entry_is_rebuilt(tmp_path: Path, damage) -> None:
    cache = tmp_path / "cache"
    plan = CASES / "invalid" / "double-booked"
    first = run(cache, validate(plan))
    damage(entries(cache)[0])
    again = run(cache, validate(plan))
    assert again["status"] == "written"
    assert again["runs"] == first["runs"]
    assert run(cache, validate(plan))["status"] == "hit"


def test_an_entry_naming_code_outside_the_model_is_never_run(tmp_path: Path) -> None:
    from planverk.model import prebuilt

    cache = tmp_path / "cache"
    run(cache, ["--version"])
    entry = entries(cache)[0]
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    payload = pickle.dumps({"Plan": {"schema": Payload(), "config": {}}}, protocol=pickle.HIGHEST_PROTOCOL)
    data = entry.read_bytes()
    head_end = data.index(b"\n", len(prebuilt.FORMAT))
    header = json.loads(data[len(prebuilt.FORMAT):head_end])
    header["payload"] = prebuilt._digest(payload)
    entry.write_bytes(prebuilt.FORMAT + json.dumps(header).encode() + b"\n" + payload)
    result = run(cache, validate(CASES / "invalid" / "double-booked"))
    assert not marker.exists()
    assert result["status"] == "written"
    assert result["runs"][0]["code"] == 1


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX file ownership and modes")
def test_a_folder_others_can_write_is_not_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run(cache, ["--version"])
    cache.chmod(0o777)
    try:
        result = run(cache, validate(CASES / "invalid" / "double-booked"))
    finally:
        cache.chmod(0o700)
    assert result["status"] == "built"  # pydantic built the validators; nothing was read or written
    assert result["runs"][0]["code"] == 1
    entry = entries(cache)[0]
    entry.chmod(0o666)
    assert run(cache, ["--version"])["status"] == "written"  # the file: replaced by one of ours
    assert entry.stat().st_mode & 0o077 == 0


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result = run(cache, validate(CASES / "invalid" / "double-booked"), env={"PLANVERK_NO_CACHE": "1"})
    assert result["status"] == "off"
    assert result["runs"][0]["code"] == 1
    assert not cache.exists()


def test_the_default_folder_is_the_users_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planverk.cachedir import cache_folder

    monkeypatch.delenv("PLANVERK_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    expected = {"win32": tmp_path / "local" / "planverk" / "Cache",
                "darwin": tmp_path / "Library" / "Caches" / "planverk"}.get(sys.platform, tmp_path / "xdg" / "planverk")
    assert cache_folder() == expected
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    if sys.platform not in ("win32", "darwin"):
        assert cache_folder() == tmp_path / ".cache" / "planverk"
    monkeypatch.setenv("PLANVERK_NO_CACHE", "1")
    assert cache_folder() is None


def test_a_pydantic_core_that_refuses_the_entry_falls_back_to_pydantics_build(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plan = CASES / "invalid" / "double-booked"
    expected = run(cache, validate(plan))["runs"]
    assert run(cache, validate(plan))["status"] == "hit"
    refusing = ("import pydantic.main, pydantic.fields, pydantic.type_adapter, pydantic_core\n"
                "def refusing(*args, **kwargs): raise TypeError('another pydantic-core')\n"
                "pydantic_core.SchemaValidator = refusing\n")
    result = run(cache, validate(plan), before=refusing)
    assert result["status"] == "written"
    assert result["runs"] == expected


def test_a_core_schema_shaped_otherwise_writes_no_entry(tmp_path: Path) -> None:
    from planverk.model import prebuilt

    class Shaped:
        """A model as a pydantic that lays out its core schema otherwise would build it."""

        __pydantic_core_schema__ = {"type": "definitions", "definitions": [],
                                    "schema": {"type": "definition-ref", "schema_ref": "elsewhere"}}

    assert prebuilt._model_config(Shaped.__pydantic_core_schema__, Shaped) is None
    assert not prebuilt._write(tmp_path / "entry.bin", {"Plan": Shaped})
    assert not list(tmp_path.iterdir())


def test_runs_that_share_the_folder_at_once_all_succeed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plan = CASES / "invalid" / "double-booked"
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PLANVERK")}
    environment |= {"PYTHONPATH": str(SRC), "NO_COLOR": "1", "PLANVERK_CACHE_DIR": str(cache)}
    runs = [subprocess.Popen([sys.executable, "-m", "planverk", *validate(plan)], env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [process.communicate() for process in runs]
    assert [process.returncode for process in runs] == [1] * 4
    assert len({out for out, _ in outputs}) == 1
    assert run(cache, validate(plan))["status"] == "hit"
    assert not [p for p in cache.iterdir() if p.suffix == ".tmp"]
