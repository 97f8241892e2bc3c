"""Goals in a hierarchy (themes with goals under them), and each group's choice among them."""


from pydantic import Field

from .base import Id, Model, Ref, Refs, Silenceable, Text, new_list


class Goal(Silenceable):
    """A goal, or a theme that gathers goals: a goal names the one above it in ``parent``."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="The goal as the plan words it, or the theme's name.")
    parent: Ref | None = Field(
        default=None, description="The theme or goal this one belongs under; none at the top."
    )
    description: Text | None = Field(
        default=None, description="What the goal means, in a few words."
    )
    reference: Text | None = Field(
        default=None, description="Where it comes from, e.g. 'Kommuneplanen' or 'KOMORG 9.3.2.1'."
    )


class GoalChoice(Model):
    """The goals of one theme a group chooses to work on, why, and how it will do so.

    Filled in over the sessions: a choice with no goals yet stands for the blank lines
    of a workbook.
    """

    group: Ref = Field(description="The group that chooses.")
    theme: Ref = Field(description="The theme (a goal with goals under it) the choice is made in.")
    goals: Refs = Field(
        default_factory=new_list, description="The chosen goals, under the theme; empty until chosen."
    )
    justification: Text | None = Field(
        default=None, description="Why these goals matter to the group."
    )
    practice: Text | None = Field(
        default=None,
        description="What the goals mean for the group's area and how it will put them into practice.",
    )
