"""What a workbook holds besides the schedule: forms to fill in and submit, and references."""


from dataclasses import dataclass
from datetime import date as Date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, StrictInt, WithJsonSchema

from ..patterns import lazy
from .base import Id, Model, Ref, Silenceable, Text, new_list
from ..i18n import MessageError, tr

_PARTIAL = lazy(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\s*$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day, as sources give publication dates."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n is not None]
        return "-".join(parts)

    @property
    def first_day(self) -> Date:
        """The earliest day the partial date allows, for sorting."""
        return Date(self.year, self.month or 1, self.day or 1)


def parse_partial_date(value: Any) -> PartialDate:
    """Read ``2018``, ``2018-08`` or ``2018-08-15``."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, Date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _PARTIAL.match(value) if isinstance(value, str) else None
    if match is None:
        raise MessageError(tr("{value} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", value=repr(value)))
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        Date(year, month or 1, day or 1)
    except ValueError as error:
        raise MessageError(tr("'{value}' is not a date of the calendar", value=value)) from None
    return PartialDate(year, month, day)


PartialDateSpec = Annotated[
    PartialDate,
    BeforeValidator(parse_partial_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": ["string", "integer"], "examples": ["2018", "2018-08", "2018-08-15"]}),
]
"""A pydantic field type for :class:`PartialDate`."""


class FormSection(Model):
    """One heading of a form, and what to write under it."""

    heading: Text = Field(description="The heading, e.g. 'Ansvar'.")
    prompt: Text | None = Field(default=None, description="What to write under the heading.")


class Form(Silenceable):
    """A template participants fill in and send: headings, length, deadline and recipients."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="Title of the form.")
    to: Text | None = Field(
        default=None, description="Whom the form is addressed to, e.g. 'Prosjekt Organisering'."
    )
    description: Text | None = Field(default=None, description="What the form is for.")
    deadline: Ref | None = Field(
        default=None,
        description="The deadline it is sent by (a deadline id); its responsible send it and its "
        "deliver_to receive it.",
    )
    max_pages: StrictInt | None = Field(
        default=None, ge=1, description="Longest allowed, in pages."
    )
    attachments: list[Text] = Field(
        default_factory=new_list,
        description="What goes with it beyond the pages, e.g. 'organisasjonskart'.",
    )
    sections: list[FormSection] = Field(
        default_factory=new_list, description="Headings in order, each with what to write under it."
    )


class Reference(Silenceable):
    """A document the process builds on: decisions, notes, presentations, plans."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="Title of the document.")
    kind: Text | None = Field(default=None, description="What it is, e.g. 'Notat', 'Presentasjon'.")
    date: PartialDateSpec | None = Field(
        default=None, description="When it was issued: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    issuer: Text | None = Field(default=None, description="Who issued it, e.g. 'Fellesnemnda'.")
    url: Text | None = Field(default=None, description="Where to read it.")
    note: Text | None = Field(default=None, description="Anything a reader should know about it.")
