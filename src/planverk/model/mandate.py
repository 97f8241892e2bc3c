"""A working group's mandate: what it delivers, by when, to whom, its scope and limits."""


from pydantic import Field

from .base import Day, Model, Ref, Refs, Text, Texts, new_list


class Mandate(Model):
    """What a group is asked to do, as a mandate document states it (``groups[].mandate``).

    Written as one sentence (a text), or as this mapping when the mandate says more.
    """

    summary: Text | None = Field(
        default=None, description="What the group is for, in a sentence."
    )
    delivers: Texts = Field(
        default_factory=new_list,
        description="What the group delivers, e.g. 'tiltaksliste med anslått effekt per år'.",
    )
    by: Day | None = Field(default=None, description="When it delivers (YYYY-MM-DD).")
    to: Refs = Field(
        default_factory=new_list, description="Whom it delivers to: people, roles or groups."
    )
    scope: Text | None = Field(
        default=None, description="What the group is to look at, e.g. 'alle tjenesteområder'."
    )
    limits: Texts = Field(
        default_factory=new_list,
        description="What lies outside its remit, e.g. 'ikke oppsigelser'.",
    )
    savings_target: Ref | None = Field(
        default=None,
        description="The savings target that is the group's share (usually a sub-target with "
        "'parent'); the group's workbook shows it and the measures counted toward it.",
    )
