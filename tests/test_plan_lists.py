"""The top-level lists of a plan are known to the loader, the id index and the model alike."""

from __future__ import annotations

from typing import get_args, get_origin

from planverk.checks.context import KINDS
from planverk.model import Plan
from planverk.load.planfiles import COLLECTIONS

LISTS = {
    name: get_args(field.annotation)[0]
    for name, field in Plan.model_fields.items()
    if get_origin(field.annotation) is list and name != "include"
}
"""The model's top-level lists of items, by key, with the item class."""


def test_included_files_may_contribute_to_every_list_of_the_model() -> None:
    assert list(LISTS) == list(COLLECTIONS)


def test_every_list_of_items_with_ids_is_indexed_and_silenceable() -> None:
    assert [name for name, item in LISTS.items() if "id" in item.model_fields] == list(KINDS)
    assert all("silence" in LISTS[name].model_fields for name in KINDS)
