"""init: a new plan from a template."""


from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from ..i18n import tr
from .language import choose, say, working_on
from .options import LangOption, date_option


class Template(str, Enum):
    """What `init` starts a plan from."""

    process = "process"
    lean = "lean"
    savings = "savings"


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The new plan folder (must not exist, or be empty).", show_default=False)],
    template: Annotated[
        Template,
        typer.Option(
            "--template",
            "-t",
            help="process: a change process with steering group and employee participation; "
            "lean: a Lean improvement programme with board meetings and a kaizen workshop; "
            "savings: a four-year savings programme with measures, KPIs and risks.",
        ),
    ] = Template.process,
    start: Annotated[
        datetime | None,
        date_option(
            "--start",
            help="First day of the plan; meetings fall on working days from there.",
            show_default="the first Monday of next month",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Start a new plan from a template; it validates clean.

    A folder of YAML files whose comments say what each part is for and how to
    change it, with a copy of the schema for editor completion.
    """
    from ..edit.scaffold import first_monday_after, init_plan

    language = choose(lang) or "nb"  # --lang nn: a nynorsk plan, not only nynorsk messages
    first = start.date() if start else first_monday_after(date.today())
    files = init_plan(folder, template.value, first, language)
    working_on(folder)
    say(tr("created {folder} from the '{template}' template, starting {date}:", folder=str(folder),
           template=template.value, date=first))
    for name in files:
        say(f"  {folder / name}")
    say(tr("next: {command}", command=f"planverk validate --strict {folder}"))

