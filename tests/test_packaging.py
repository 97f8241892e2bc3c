"""The built-in templates and the message catalogs ship inside the wheel, and an installed
planverk finds them there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_carries_the_templates_and_the_installed_package_reads_them(
    tmp_path: Path, monkeypatch
) -> None:
    from hatchling.build import build_wheel

    monkeypatch.chdir(ROOT)
    wheel = tmp_path / build_wheel(str(tmp_path))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    shipped = {
        n.removeprefix("planverk/templates/") for n in names if n.startswith("planverk/templates/")
    }
    assert shipped == {p.name for p in (ROOT / "templates").iterdir()}
    assert {"planverk/i18n/locale/nb/LC_MESSAGES/planverk.mo",
            "planverk/i18n/locale/nn/LC_MESSAGES/planverk.mo"} <= names
    # Run the unpacked wheel (not this checkout) and ask where the built-ins come from.
    probe = (
        "import planverk, planverk.render.templates as t; "
        "print(planverk.__file__); print(t.builtin_root()); "
        "print(sorted(i.name for i in t.TemplateFolders.find().available())); "
        "from planverk.i18n import tr; print(tr(\"unknown key '{key}'\", key='x').render('nn'))"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    package, root, available, nynorsk = done.stdout.splitlines()
    assert package.startswith(str(tmp_path / "site"))
    assert root == str(tmp_path / "site" / "planverk" / "templates")
    assert available == "['schedule', 'status-report', 'workbook']"
    assert nynorsk == "ukjend nøkkel 'x'"
