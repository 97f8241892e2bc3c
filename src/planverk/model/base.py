"""Shared building blocks of the plan model: the strict base class, ids and silences."""


import re
from datetime import date
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, WithJsonSchema
from ..i18n import MessageError, tr

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise MessageError(tr(
            "an id uses lower-case letters a-z, digits, '-', '_' and '.', "
            "and starts with a letter or digit (e.g. 'steering-group')"
        ))
    return value


_ID_SCHEMA = WithJsonSchema({
    "type": "string",
    "pattern": ID_PATTERN.pattern,
    "patternErrorMessage": (
        "An id: lower-case letters a-z, digits, '-', '_' and '.', starting with a letter or "
        "digit, e.g. 'styringsgruppe' or 'mote-2017-03-07'."
    ),
})

WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))]
)
"""Names Windows cannot give a file, whatever follows the first dot (``con.ics``, ``nul.md``).
Ids name output files (``people/ID.ics``, ``workbook-ID.md``); ids are lower-case, so
two ids never differ only in case, which would collide on Windows and macOS disks."""


def _check_item_id(value: str) -> str:
    _check_id(value)
    if value.partition(".")[0] in WINDOWS_RESERVED:
        raise MessageError(tr(
            "an id names files, and Windows reserves '{name}' for a device: choose another, e.g. "
            "'{name}-1'", name=value.partition(".")[0]
        ))
    return value


Id = Annotated[StrictStr, AfterValidator(_check_item_id), _ID_SCHEMA]
"""The id of a plan item: unique across the whole plan and stable over time."""

Ref = Annotated[StrictStr, AfterValidator(_check_id), _ID_SCHEMA]
"""A reference to another item's id."""

class PlanText(str):
    """Text as a plan wrote it (a title, a name, a description): data, never markup.

    A plain ``str`` in every way; a renderer that writes markup knows by its type that it
    must escape it (templates print it through :func:`planverk.formatting.markdown_text`).
    """

    __slots__ = ()


_TEXTS: dict[str, PlanText] = {}
_MAX_TEXTS = 100_000


def plan_text(value: str) -> PlanText:
    """``value`` as a :class:`PlanText`; texts that repeat (a venue, a kind) share one object.

    A large plan holds the same few texts in thousands of items; one object each keeps its
    model a tenth smaller. The table is emptied when it holds ``_MAX_TEXTS`` texts. Bidirectional
    overrides and control characters (other than line breaks and tabs) are written as visible
    escapes (``\\u202e``), as findings show them (:func:`planverk.diagnostics.printable`).
    """
    text = _TEXTS.get(value)
    if text is None:
        if len(_TEXTS) >= _MAX_TEXTS:
            _TEXTS.clear()
        from ..diagnostics import printable

        text = _TEXTS[value] = PlanText(printable(value, keep_lines=True))
    return text


Text = Annotated[StrictStr, AfterValidator(plan_text)]
"""Free text of the plan: a strict string, kept as a :class:`PlanText`, with bidirectional
overrides and control characters (other than line breaks and tabs) written as visible
escapes, as findings show them."""


def new_list() -> list[Any]:
    """A new empty list, the default of every list field.

    Not ``list`` itself: pydantic reads a default factory's signature, and a builtin's means
    parsing its text signature, once per field (a tenth of building the model)."""
    return []


def as_list(value: Any) -> Any:
    """Let a single reference stand where a list is expected (``responsible: ellen``)."""
    return [value] if isinstance(value, str) else value


Refs = Annotated[list[Ref], BeforeValidator(as_list, json_schema_input_type=Ref | list[Ref])]
"""References, as a list or, for just one, a bare id (the schema accepts both too)."""

Texts = Annotated[list[Text], BeforeValidator(as_list, json_schema_input_type=Text | list[Text])]
"""Texts, as a list or, for just one, a bare text."""


class SharedFieldsSet(set[str]):
    """The names of the fields a model was given, one object for all models given the same.

    pydantic keeps a set of them in every model (``model_fields_set``, for
    ``model_dump(exclude_unset=True)`` and ``model_copy``): about 700 bytes each, a third of
    an event's model, and 100,000 events are given a handful of different sets. One object
    is shared, so it is never changed in place: assigning a field a model was not given
    first gives that model a set of its own (:meth:`Model.__setattr__`); adding a name it
    holds already changes nothing and is allowed; any other change raises ``TypeError``
    rather than change the other models' sets. A copy (``copy``, ``deepcopy``, pickle,
    ``model_copy``) is a plain set of the model's own.
    """

    __slots__ = ()

    def add(self, name: str) -> None:  # noqa: D102 (set.add, a name it holds only)
        if name not in self:
            self._refuse()

    def _refuse(self, *_: Any) -> Any:
        raise TypeError("a shared fields-set is not changed in place: copy it with set()")

    discard = remove = pop = clear = update = _refuse
    difference_update = intersection_update = symmetric_difference_update = _refuse
    __ior__ = __iand__ = __isub__ = __ixor__ = _refuse

    def __copy__(self) -> set[str]:
        return set(self)

    def __repr__(self) -> str:
        return repr(set(self))

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        return set(self)

    def __reduce__(self) -> Any:
        return set, (list(self),)


_FIELDS_SETS: dict[frozenset[str], SharedFieldsSet] = {}
_MAX_FIELDS_SETS = 1_000
M = TypeVar("M", bound="Model")


def share_fields_set(model: M) -> M:
    """``model`` with its fields-set replaced by the :class:`SharedFieldsSet` of the same
    names (returns ``model``: the end of a model validator calls it). For the models a
    large plan has many of: its events and deadlines, and their series."""
    names = model.__pydantic_fields_set__
    key = frozenset(names)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        if len(_FIELDS_SETS) >= _MAX_FIELDS_SETS:
            _FIELDS_SETS.clear()  # the sets already shared stay as they are
        shared = _FIELDS_SETS[key] = SharedFieldsSet(key)
    object.__setattr__(model, "__pydantic_fields_set__", shared)
    return model


class Model(BaseModel):
    """Base of every plan model: unknown keys are errors, values are not coerced across types.

    Validators are built when first needed (``defer_build``): the plan's from the cache
    when it is current (:mod:`planverk.model.prebuilt`), a model used on its own when it is."""

    model_config = ConfigDict(
        extra="forbid", frozen=False, populate_by_name=True, allow_inf_nan=False, defer_build=True
    )

    def __setattr__(self, name: str, value: Any) -> None:
        """Set a field as pydantic does; a model whose fields-set is shared (see
        :class:`SharedFieldsSet`) first gets its own when ``name`` was not given."""
        names = self.__pydantic_fields_set__
        if type(names) is SharedFieldsSet and name not in names:
            object.__setattr__(self, "__pydantic_fields_set__", set(names))
        super().__setattr__(name, value)



class Silence(Model):
    """Silences one finding on the item that carries it, with a reason a reviewer can read."""

    code: StrictStr = Field(description="The finding's code, e.g. PV403.")
    reason: StrictStr = Field(min_length=3, description="Why this finding is expected here.")


class Silenceable(Model):
    """An item whose findings can be silenced one code at a time."""

    silence: list[Silence] = Field(
        default_factory=new_list, description="Findings to silence on this item, each with a reason."
    )


FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)
"""Dates in a plan lie from :data:`FIRST_DAY` to :data:`LAST_DAY` (PV101 otherwise): every
command (calendars with their time zones, recurrences, holidays) works in that range."""


def _check_day(value: date) -> date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise MessageError(tr(
            "{day} is outside the years planverk reads ({first}-{last}): check the year",
            day=value.isoformat(), first=str(FIRST_DAY.year), last=str(LAST_DAY.year)
        ))
    return value


Day = Annotated[date, AfterValidator(_check_day)]
"""A calendar date (YYYY-MM-DD) from 1900 to 2199."""


class Period(Model):
    """A span of whole days, both ends included."""

    start: Day = Field(description="First day (YYYY-MM-DD).")
    end: Day = Field(description="Last day, included (YYYY-MM-DD).")

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls within the period."""
        return self.start <= day <= self.end
