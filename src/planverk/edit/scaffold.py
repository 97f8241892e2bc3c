"""``planverk init``: a new plan folder from a template, dated from a start day, checked.

Templates are Jinja files under ``scaffolds/<name>/``. Their dates come from
:class:`Calendar`, which puts every meeting on a working day (no weekend, no Norwegian
public holiday) and lists the holidays a series must skip, so a new plan validates
clean with ``--strict`` whatever day it starts.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from ..errors import InvalidPlanError, UsageError
from ..i18n import LANGUAGES, tr
from ..files import umask
from ..model.words import WEEKDAY, WEEKDAYS
from ..schema import schema_text

TEMPLATES = ("process", "lean", "savings")
"""The templates ``planverk init --template`` offers."""

SCHEMA_COPY = "planverk.schema.json"
"""The schema written beside a new plan, so editors complete keys from the first line."""


def plan_end(template: str, start: date) -> date:
    """The last day of a new plan: half a year on, or the end of the fourth budget year."""
    if template == "savings":
        return date(start.year + 3, 12, 31)
    index = start.year * 12 + start.month - 1 + 6
    return date(index // 12, index % 12 + 1, 1) + timedelta(days=start.day - 2)


class Calendar:
    """Working days from a plan's start, for templates."""

    def __init__(self, start: date, end: date) -> None:
        from ..public_holidays import norway

        self.start = start
        self.end = end
        years = range(start.year, self.end.year + 1)
        self._public = norway(list(years))

    def date(self, offset: int) -> date:
        """The day ``offset`` days after the start, working day or not (for periods)."""
        return self.start + timedelta(days=offset)

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a public holiday."""
        return day.weekday() < 5 and day not in self._public

    def day(self, offset: int, weekday: int | None = None) -> date:
        """The first working day ``offset`` days after the start or later (on ``weekday``, 0=Monday)."""
        day = self.start + timedelta(days=offset)
        while not self.is_working_day(day) or (weekday is not None and day.weekday() != weekday):
            day += timedelta(days=1)
        return day

    def run(self, offset: int, length: int, weekday: int | None = None) -> list[date]:
        """``length`` consecutive working days, the first as :meth:`day` finds it."""
        first = self.day(offset, weekday)
        while not all(self.is_working_day(first + timedelta(days=n)) for n in range(length)):
            first = self.day((first - self.start).days + 1, weekday)
        return [first + timedelta(days=n) for n in range(length)]

    def holidays_in(self, first: date, every: str) -> list[date]:
        """The days a series from ``first`` until the plan's end would meet on a holiday."""
        from ..model import Repeat
        from ..occurrences import rule_dates

        return [d for d in rule_dates(first, Repeat(every=every, until=self.end)) if d in self._public]


def plan_id(folder: Path) -> str:
    """An id for the plan from its folder's name: 'Omstilling Ås 2026' -> 'omstilling-aas-2026'."""
    name = folder.resolve().name.lower()
    for letter, plain in (("æ", "ae"), ("ø", "o"), ("å", "aa")):
        name = name.replace(letter, plain)
    name = re.sub(r"[^a-z0-9._-]+", "-", name).strip("-._")
    return name or "plan"


def render(template: str, start: date, folder: Path, language: str = "nb") -> dict[str, str]:
    """The files of a new plan from ``template`` in ``language`` (``nb``, ``nn`` or ``en``:
    its ``plan.language`` and every text a person reads in it; comments stay English):
    name -> text. Raises ValueError for another language."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    if template not in TEMPLATES:
        raise UsageError(tr("no template '{name}': choose one of {names}", name=template, names=", ".join(TEMPLATES)))
    environment = Environment(
        loader=PackageLoader("planverk", "scaffolds"),  # shared parts are '_*.j2' beside the folders
        undefined=StrictUndefined,  # a misspelt variable fails loudly instead of writing ''
        keep_trailing_newline=True,  # files end with a newline, as fmt writes them
        autoescape=False,  # YAML, not HTML
    )
    index = LANGUAGES.index(language)  # ValueError for another language
    environment.filters["ukedag"] = lambda day: WEEKDAY.words(WEEKDAYS[day.weekday()], language)[0]
    environment.globals["w"] = lambda *texts: texts[index]  # w(bokmål, nynorsk, English)
    calendar = Calendar(start, plan_end(template, start))
    context = {"id": plan_id(folder), "start": start, "end": calendar.end, "cal": calendar, "template": template,
               "language": language}
    names = sorted(p.name for p in resources.files("planverk").joinpath("scaffolds", template).iterdir())
    files = {
        name.removesuffix(".j2"): environment.get_template(f"{template}/{name}").render(context)
        for name in names
        if name.endswith(".yaml.j2")
    }
    files[SCHEMA_COPY] = schema_text()
    return files


def first_monday_after(today: date) -> date:
    """The default start of a new plan: the first Monday of next month."""
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def init_plan(folder: Path, template: str, start: date, language: str = "nb") -> list[str]:
    """Create the plan folder ``folder`` from ``template`` in ``language`` (see
    :func:`render`); the names of the files written.

    The files are written to a temporary folder beside ``folder`` and validated there;
    only a plan without findings is moved into place, in one rename.
    """
    from ..validate import validate_plan

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(tr("{folder} already exists and is not empty: choose a new folder", folder=str(folder)))
    files = render(template, start, folder, language)
    parent = folder.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=parent))
    try:
        for name, text in files.items():
            (temp / name).write_text(text, encoding="utf-8")
        result = validate_plan(temp)
        if result.findings:
            raise InvalidPlanError(tr("template '{name}' gave a plan with findings (a planverk bug)", name=template),
                                   result)
        os.chmod(temp, 0o777 & ~umask())  # mkdtemp makes it private; a plan folder is not
        if folder.exists():
            folder.rmdir()
        os.replace(temp, folder)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return list(files)

