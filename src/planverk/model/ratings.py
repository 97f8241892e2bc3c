"""Ratings on a 1-5 scale, written as a number or a word (``moderat``, ``high``)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from ..i18n import MessageError, tr

RATING_WORDS: dict[int, tuple[str, ...]] = {
    1: ("very low", "svært lav", "svært låg", "veldig lav", "veldig låg"),
    2: ("low", "lav", "låg"),
    3: ("moderate", "medium", "moderat", "middels"),
    4: ("high", "høy", "høg"),
    5: ("very high", "svært høy", "svært høg", "veldig høy", "veldig høg"),
}
"""The words each step of the scale may be written as, English and Norwegian."""

_BY_WORD = {word: step for step, words in RATING_WORDS.items() for word in words}


def parse_rating(value: Any) -> int:
    """1-5 from a whole number or a word of :data:`RATING_WORDS` (any case)."""
    if isinstance(value, bool):
        raise MessageError(tr("a rating is 1-5 or a word such as 'low', 'moderat' or 'high'"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if not 1 <= value <= 5:
            raise MessageError(tr("{value} is outside the rating scale 1-5", value=str(value)))
        return value
    if isinstance(value, str):
        step = _BY_WORD.get(" ".join(value.lower().split()))
        if step is not None:
            return step
        raise MessageError(tr(
            "'{value}' is not a rating: write 1-5 or very low, low, moderate, high, very high "
            "(or svært lav, lav, moderat, høy, svært høy)", value=value
        ))
    raise MessageError(tr("a rating is 1-5 or a word such as 'low', 'moderat' or 'high'"))


Rating = Annotated[
    int,
    BeforeValidator(parse_rating),
    WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 5}, {"type": "string"}]}
    ),
]
"""A step on the 1-5 scale: 1 very low, 2 low, 3 moderate, 4 high, 5 very high."""
