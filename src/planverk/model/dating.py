"""Plan items dated by a period (``period: uke 15``, ``week: 15``), placed in the plan's years.

A period written without a year belongs to the plan: it is placed in the one year in which
it meets the plan period (``juni`` in a plan for 2024), or, for an item that repeats every
year, the first such year. The plan period reaches the validators through pydantic's
validation context (:func:`validation_context`), so a period that cannot be placed is an
error at the item that wrote it.
"""


from datetime import date
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema

from ..i18n import MessageError, tr
from .periods import PeriodText, parse_period, place

PLAN_PERIOD = "plan_period"
"""Key of the validation context holding the plan period as (first day, last day)."""


def validation_context(data: Any) -> dict[str, Any]:
    """The validation context for a plan's raw ``data``: its period, when it can be read."""
    from .base import Period

    try:
        period = Period.model_validate(data["plan"]["period"])
    except Exception:  # the header's own errors are reported where it is validated
        return {}
    return {PLAN_PERIOD: (period.start, period.end)}


def _parse_week(value: Any) -> PeriodText:
    period = parse_period(value)
    if period.unit != "week" or period.last is not None:
        raise MessageError(tr("'week' takes a week: write e.g. 15 or '2017-W15'; other periods go in 'period'"))
    return period


_EXAMPLES = ["uke 15", "2017-W15", "juni", "2024-06", "Q3 2012", "2. tertial", "ultimo september",
             "første halvdel av november", "ultimo september / primo oktober"]

PeriodField = Annotated[
    PeriodText,
    PlainValidator(parse_period, json_schema_input_type=str),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({
        "type": "string",
        "minLength": 1,
        "description": "A week, month, quarter, tertial, half-year or part of a month, as written.",
        "examples": _EXAMPLES,
    }),
]
"""A pydantic field type for a :class:`~planverk.model.periods.PeriodText`, read from text."""

WeekField = Annotated[
    PeriodText,
    PlainValidator(_parse_week, json_schema_input_type=int | str),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({
        "anyOf": [
            {"type": "integer", "minimum": 1, "maximum": 53},
            {
                "type": "string",
                "pattern": r"^\s*\d{4}-?[Ww]\d{1,2}\s*$",
                "patternErrorMessage": "An ISO week with its year, e.g. '2017-W15'; or the week's number alone: 15.",
            },
        ],
        "description": "An ISO week: its number in the plan's year (15) or with its year ('2017-W15').",
        "examples": [15, "2017-W15"],
    }),
]
"""A pydantic field type for an ISO week, a number (of the plan's year) or ``YYYY-Www``."""


def placed(period: PeriodText, info: ValidationInfo, repeating: bool) -> PeriodText:
    """``period`` with its year: as written, or placed in the plan period (see the module).

    Raises :class:`~planverk.i18n.MessageError` when the plan period is unknown, when the
    period does not meet it, or (for an item that does not repeat) meets it in several years.
    """
    if period.year is not None:
        return period
    bounds: tuple[date, date] | None = (info.context or {}).get(PLAN_PERIOD)
    if bounds is None:
        raise MessageError(tr("'{value}' has no year: write it, e.g. '{value} 2025'", value=period.text))
    found = place(period, *bounds)
    if not found:
        raise MessageError(tr(
            "'{value}' does not fall in the plan period ({start} to {end}): write its year",
            value=period.text, start=bounds[0], end=bounds[1],
        ))
    if len(found) > 1 and not repeating:
        first = found[0]
        example = (f"{first.year}-W{first.first.number:02d}" if not period.worded and period.last is None
                   else first.written_in_year())
        raise MessageError(tr(
            "the plan runs over several years, so '{value}' could be in {years}: write its year, e.g. '{example}'",
            value=period.text, years=", ".join(str(p.year) for p in found), example=example,
        ))
    return found[0]
