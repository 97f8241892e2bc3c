"""Numbers as Norwegian documents write them: ``4,5``, ``65 %``, ``8 700``, ``35 mill. kr``.

A value is kept with the unit it was written in (percent, kroner, or none), so the checks
can tell a percentage written on a KPI counted in kroner, and an amount written as a bare
``2,5`` next to others in the millions.
"""


import math
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from ..patterns import lazy
from ..i18n import MessageError, tr

_NUMBER = lazy(
    r"^\s*(?P<approx>(?:ca|cirka|circa|approx|omkring|rundt|kring|om lag|anslagsvis|about)\b\.?|~|≈)?"
    r"\s*(?P<currency>kr\.?(?=\s*[-+−\d])|nok(?=\s*[-+−\d]))?"
    r"\s*(?P<sign>[-+−])?\s*(?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](?P<frac>\d+))?"
    r"\s*(?P<unit>.*?)\s*$",
    re.IGNORECASE,
)
_UNITS: dict[str, tuple[str, float]] = {}
for _names, _unit, _factor in (
    (("%", "prosent", "percent"), "percent", 1.0),
    (("tnok", "tkr"), "nok", 1e3),
    (("mnok", "mkr"), "nok", 1e6),
):
    for _name in _names:
        _UNITS[_name] = (_unit, _factor)
_SCALES = {
    "": 1.0,
    "tusen": 1e3,
    **dict.fromkeys(("mill", "mill.", "million", "millioner", "millionar"), 1e6),
    **dict.fromkeys(("mrd", "mrd.", "milliard", "milliarder", "milliardar"), 1e9),
}
"""Scale words as Norwegian documents write them (bokmål and nynorsk), abbreviated or not."""
_CURRENCIES = ("", "kr", "kr.", "kroner", "nok", "kr,-", ",-")
for _scale, _factor in _SCALES.items():
    for _currency in _CURRENCIES:
        _key = f"{_scale} {_currency}".strip()
        if _key:
            _UNITS.setdefault(_key, ("nok", _factor))


def _unit_key(text: str) -> str:
    """``Mill.kr`` -> ``mill. kr``: lower case, one space, a space after an abbreviation's dot."""
    text = re.sub(r"\.(?=[^\W\d_])", ". ", text.lower())
    return " ".join(text.split())


UNIT_WORDS = {"percent": "%", "nok": "kr"}
"""How each unit a value can carry is written, for messages."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number, the unit it was written with (``percent``, ``nok`` or None) and the text."""

    value: float
    unit: str | None = None
    written: str | None = None
    """The text as written in the plan; None when YAML gave a number."""
    approximate: bool = False
    """Written as an estimate: ``ca. 35 mill. kr``, ``cirka 2 %``, ``~4``, ``≈4``."""

    @property
    def bare(self) -> bool:
        """Written without a unit."""
        return self.unit is None

    def __str__(self) -> str:
        return self.written if self.written is not None else f"{self.value:g}"


def parse_quantity(value: Any) -> Quantity:
    """Read a YAML number, or text such as ``4,5``, ``65 %``, ``8 700`` or ``2,5 mill. kr``.

    The comma is the decimal mark; thousands are grouped with spaces. Amounts in thousands,
    millions or billions of kroner are scaled to kroner, in the spellings documents use
    (``35 mill kroner``, ``35 mill. NOK``, ``35 mill.kr``, ``35 MNOK``), the currency also
    before the number as invoices and tables write it (``kr 3,5 mill.``, ``kr 350 000``,
    ``NOK 2 mill.``). A leading ``ca.``,
    ``cirka``, ``omkring``, ``rundt``, ``om lag`` (nynorsk), ``about``, ``~`` or ``≈`` marks the
    value approximate; it is kept and shown.
    """
    if isinstance(value, Quantity):
        return value
    if isinstance(value, bool) or value is None:
        raise MessageError(tr("expected a number, e.g. 4,5 or '65 %'"))
    if isinstance(value, (int, float)):
        return _finite(Quantity(float(value)))
    if not isinstance(value, str):
        raise MessageError(tr("expected a number, e.g. 4,5 or '65 %'"))
    match = _NUMBER.match(value)
    if match is None:
        raise MessageError(tr(
            "'{value}' is not a number: write e.g. 4,5, '65 %', '8 700' or '2,5 mill. kr'", value=value
        ))
    digits = re.sub(r"[ \u00a0\u202f]", "", match["int"])
    number = float(f"{digits}.{match['frac']}" if match["frac"] else digits)
    if match["sign"] in ("-", "−"):
        number = -number
    approximate = match["approx"] is not None
    unit_text = _unit_key(match["unit"])
    if not unit_text:
        if match["currency"]:  # 'kr 350 000', 'NOK 350 000'
            return _finite(Quantity(number, "nok", value, approximate))
        return _finite(Quantity(number, None, value, approximate))
    found = _UNITS.get(unit_text)
    if match["currency"] and (found is None or found[0] != "nok"):  # 'kr 12 %' is no amount
        raise MessageError(tr(
            "'{value}' is not a number: write e.g. 4,5, '65 %', '8 700' or '2,5 mill. kr'", value=value
        ))
    if found is None:
        raise MessageError(tr(
            "'{value}': unknown unit '{unit}'; write '%', 'kr', 'mill. kr' or no unit (a score, a count)",
            value=value, unit=match["unit"],
        ))
    unit, factor = found
    return _finite(Quantity(number * factor, unit, value, approximate))


def _finite(quantity: Quantity) -> Quantity:
    if not math.isfinite(quantity.value):
        raise MessageError(tr("'{value}' is too large a number: check the value", value=str(quantity)))
    return quantity


def parse_money(value: Any) -> Quantity:
    """An amount in kroner: a bare number, or text with kr, MNOK, mill. kr, ..."""
    quantity = parse_quantity(value)
    if quantity.unit not in (None, "nok"):
        raise MessageError(tr(
            "'{value}' is not an amount in kroner: write e.g. '2,5 mill. kr' or 2500000", value=str(value)
        ))
    return quantity


ESTIMATES = "estimates"
"""Key of the serialisation context that keeps what a number was written as: with
``model_dump(mode="json", context={ESTIMATES: True})`` a quantity written as an estimate
(``ca. 35 mill. kr``) or a percentage (``9 %``) is ``{"value": 35000000.0, "approximate":
true}``, ``{"value": 9.0, "unit": "percent"}`` (both keys when both hold), any other its
number; so that two dumps differ where only the ``ca.`` does, and a percentage is shown as
one (what ``planverk diff`` compares and writes)."""


def serialize_quantity(quantity: Quantity, info: Any) -> Any:
    """The number (kroner for an amount); with the :data:`ESTIMATES` context, an estimate
    or a percentage as a mapping (see :data:`ESTIMATES`)."""
    context = info.context
    if (quantity.approximate or quantity.unit == "percent") and isinstance(context, dict) and context.get(ESTIMATES):
        kept: dict[str, Any] = {"value": quantity.value}
        if quantity.approximate:
            kept["approximate"] = True
        if quantity.unit == "percent":
            kept["unit"] = "percent"
        return kept
    return quantity.value


_SCHEMA = WithJsonSchema(
    {
        "anyOf": [{"type": "number"}, {"type": "string"}],
        "examples": [4.5, "4,5", "65 %", "2,5 mill. kr"],
    }
)

Number = Annotated[Quantity, BeforeValidator(parse_quantity), PlainSerializer(serialize_quantity), _SCHEMA]
"""A number as written, with an optional unit: ``4,5``, ``65 %``, ``8 700``."""

Money = Annotated[Quantity, BeforeValidator(parse_money), PlainSerializer(serialize_quantity), _SCHEMA]
"""An amount in kroner: ``2500000``, ``'2,5 mill. kr'``, ``'350 000 kr'``."""
