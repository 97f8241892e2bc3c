"""Ratings on a 1-5 scale, written as a number or a word (``moderat``, ``high``)."""


from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from ..i18n import MessageError, tr

from .words import RATING

def parse_rating(value: Any) -> int:
    """1-5 from a whole number or a word of :data:`~planverk.model.words.RATING` (any case)."""
    if isinstance(value, bool):
        raise MessageError(tr("a rating is 1-5 or a word such as 'low', 'moderat' or 'high'"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if not 1 <= value <= 5:
            raise MessageError(tr("{value} is outside the rating scale 1-5", value=str(value)))
        return value
    if isinstance(value, str):
        step = RATING.value_of(value)
        if step is not None:
            return int(step)
        raise MessageError(tr(
            "'{value}' is not a rating: write 1-5 or very low, low, moderate, high, very high "
            "(svært lav, lav, moderat, høy, svært høy; nynorsk låg, høg)", value=value
        ))
    raise MessageError(tr("a rating is 1-5 or a word such as 'low', 'moderat' or 'high'"))


Rating = Annotated[
    int,
    BeforeValidator(parse_rating),
    WithJsonSchema(
        {"anyOf": [
            {"type": "integer", "minimum": 1, "maximum": 5},
            # The words parse_rating accepts, as words.words() offers a vocabulary's.
            {"type": "string", "enum": RATING.spelled()},
        ]}
    ),
]
"""A step on the 1-5 scale: 1 very low, 2 low, 3 moderate, 4 high, 5 very high."""
