"""The JSON Schema of plan files, generated from the model, for editors and other tools.

One schema fits every file of a plan. A YAML file cannot tell whether it is ``plan.yaml``
or an included file, and users copy the ``# yaml-language-server: $schema=...`` line from
file to file; with one schema that line is the same everywhere and can never be the wrong
one. So the schema does not require ``plan:`` (an included file has none); that ``plan.yaml``
needs it, and that ``plan:``/``include:`` belong there only, ``planverk validate`` checks
(PV101, PV100), as it checks everything that needs the whole plan.

The schema targets JSON Schema draft-07, the draft the YAML language server (VS Code's YAML
extension) implements fully. Every ``pattern`` carries a ``patternErrorMessage``, the
language server's keyword for the text it shows instead of the regular expression.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

SCHEMA_FILE = "schema/planverk-plan.schema.json"
"""Where the repository keeps its generated copy."""

DRAFT = "http://json-schema.org/draft-07/schema#"

_LOCAL_DATETIME = (
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"
)


class _PlanSchema(GenerateJsonSchema):
    """Pydantic's generator, adjusted to how plans are written."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        # Titles made from field names ("Deliver To") add nothing to the descriptions.
        return False

    def datetime_schema(self, schema: core_schema.DatetimeSchema) -> JsonSchemaValue:
        # Plans write local date-times without seconds or zone (2017-06-20T18:00); the
        # 'date-time' format demands both, so editors would flag every correct value.
        return {
            "type": "string",
            "pattern": _LOCAL_DATETIME,
            "patternErrorMessage": (
                "A local date and time YYYY-MM-DDTHH:MM (hours 00-23), e.g. 2017-06-20T18:00."
            ),
            "examples": ["2017-06-20T18:00"],
        }


def plan_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict."""
    from .model import Plan

    schema = Plan.model_json_schema(
        by_alias=True, ref_template="#/definitions/{model}", schema_generator=_PlanSchema
    )
    definitions = schema.pop("$defs", {})
    schema.pop("required", None)  # included files have no 'plan:' (see the module docstring)
    return {
        "$schema": DRAFT,
        "title": "planverk plan file",
        "description": (
            "A file of a planverk plan: plan.yaml (with the 'plan:' header and 'include:') "
            "or a file it includes (the top-level lists only). Check the whole plan with "
            "'planverk validate PLAN'."
        ),
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
        "definitions": definitions,
    }


def schema_text() -> str:
    """The schema as the bytes ``planverk schema`` prints and the repository commits."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
