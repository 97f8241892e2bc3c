"""docs/templates.md, generated from the views, filters and labels templates actually get."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from itertools import pairwise
from dataclasses import fields

from ..status import goals as status_goals
from ..status.views import common as status_views
from . import views
from .engine import TEMPLATE_METHODS
from .filters import template_filters
from .labels import LABELS
from .templates import SUFFIX, TemplateFolders, builtin_root

_BLOCK = re.compile(r"\{%-?\s*block\s+(\w+)")

VIEWS = (
    views.Context,
    views.PlanView,
    views.PersonView,
    views.GroupView,
    views.MemberView,
    views.RoleView,
    views.PhaseView,
    views.EventView,
    views.OccurrenceView,
    views.SlotView,
    views.InvitationView,
    views.DeadlineView,
    views.FormView,
    views.FormSectionView,
    views.ReferenceView,
    views.AddressView,
    views.DiagramsView,
    status_goals.GoalNode,
    status_goals.GroupChoices,
    status_goals.Choice,
    views.StatusView,
    views.StatusSectionView,
    status_views.Report,
    status_views.Table,
    status_views.Cell,
)
"""Everything a template can reach, in the order docs/templates.md describes it."""

_MEANINGS = {
    ("GoalNode", "id"): "Stable id of the goal.",
    ("GoalNode", "title"): "The goal as the plan words it, or the theme's name.",
    ("GoalNode", "reference"): "Where it comes from, e.g. 'Kommuneplanen'.",
    ("GoalNode", "children"): "The goals under it, in plan order.",
    ("GroupChoices", "group"): "Id of the group that chooses.",
    ("GroupChoices", "name"): "The group's name.",
    (
        "GroupChoices",
        "choices",
    ): "One choice per theme that choices are made in, blank ones included.",
    ("Choice", "theme"): "Id of the theme.",
    ("Choice", "theme_title"): "The theme's title.",
    ("Choice", "justification"): "Why the goals matter to the group (None until written).",
    ("Choice", "practice"): "What the goals mean for the area and how to put them into practice.",
    ("Choice", "made"): "Whether any goal is chosen yet.",
    ("Report", "title"): "The section's title in the plan's language.",
    ("Report", "subtitle"): "'per DATE' in the plan's language.",
    ("Report", "parts"): "Tables and notes (text) in order.",
    ("Table", "title"): "The table's title.",
    ("Table", "headers"): "Column headings.",
    ("Table", "align"): "'left' or 'right' per column.",
    ("Table", "rows"): "Rows of cells.",
    ("Table", "note"): "A note under the table, or None.",
    ("Table", "pruned"): "`table.pruned()`: the table without columns that are empty in every row.",
    ("Cell", "text"): "The formatted value.",
    ("Cell", "style"): "'good', 'warn', 'bad', 'muted', 'strong' or None.",
    ("Cell", "detail"): "A quieter second line (a date, a source), or None.",
}
"""Meanings of the fields of planverk.status classes that carry no documentation of their own."""


def _attribute_docs(cls: type) -> dict[str, str]:
    """Attribute docstrings (a string right after a field) of a class."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):
        return {}
    body = tree.body[0].body  # type: ignore[attr-defined]
    found = {}
    for node, after in pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[node.target.id] = " ".join(after.value.value.split())
    return found


def members(cls: type) -> list[tuple[str, str, str]]:
    """(name, type, meaning) of each field and public property a template can read."""
    own = _attribute_docs(cls)
    rows = []
    for item in fields(cls):
        meaning = (
            item.metadata.get("doc")
            or own.get(item.name)
            or _MEANINGS.get((cls.__name__, item.name), "")
        )
        rows.append((item.name, _type(item.type), meaning))
    for name, value in vars(cls).items():
        if name.startswith("_") or not (isinstance(value, property) or name in TEMPLATE_METHODS):
            continue
        meaning = (
            _MEANINGS.get((cls.__name__, name)) or (inspect.getdoc(value) or "").split("\n")[0]
        )
        rows.append((name, "property" if isinstance(value, property) else "method", meaning))
    return rows


_INTRO = """\
# Templates

<!-- Generated from planverk.render (views, filters, labels); regenerate with
     python -c 'from planverk.render.reference import templates_markdown as m; print(m(), end="")' > docs/templates.md -->

`planverk render PLAN [TEMPLATE...]` turns a validated plan into Markdown documents
through [Jinja2](https://jinja.palletsprojects.com/) templates. A plan with errors is
not rendered: fix what `planverk validate` reports first.

```sh
.venv/bin/planverk render plans/gran-2017 schedule                       # one document to stdout
.venv/bin/planverk render plans/nordre-follo-2018 workbook --group arbeidsgruppe -o out/
.venv/bin/planverk render plans/nordre-follo-2018 -o out/                # every template
.venv/bin/planverk render --list plans/nordre-follo-2018                 # what is available
```

- `-o DIR` writes `NAME.md` (`NAME-GROUP.md` with `--group`) into `DIR` as one set:
  the documents are written into a hidden folder beside `DIR` together with what `DIR`
  already holds, which then takes `DIR`'s place in one step, so a full disk or a kill
  leaves all documents old or all new. `DIR` holds documents only (a folder with
  subfolders is refused). `-o FILE` with the format's ending (`møteplan.md`,
  `møteplan.docx`, `møteplan.html`) writes one document to that file, through a temporary
  file and a rename; more than one is refused. Without `-o`, a single document goes to
  standard output.
- `--group ID` keeps what concerns one group: events it takes part in or leads
  (and of their agenda, the slots for it and for everyone), its deadlines, the
  roles of its people, the forms it sends. An item concerns the group when what it
  names overlaps the group: the group itself, a group that includes it, a group or
  person it includes (at any depth), or a role held by or belonging to one of these;
  two groups that share a member or a subgroup overlap too. Phases, milestones,
  references, people and groups are always all there. The status report is plan-wide:
  `planverk status` computes it for the whole plan.
- `--as-of DATE` (default today) sets `as_of`, for documents that report status.
- The same plan and options give the same bytes: no clock, no randomness.

{builtins}
## Your own templates

A template is a file `NAME.md.j2`. planverk looks for it in this order, and the
first one found wins, so a template overrides the one of the same name below it:

1. the folder given with `--templates DIR`;
2. the plan's own `templates/` folder (next to `plan.yaml`);
3. the built-in templates (the `templates/` folder of the planverk repository).

Files whose name starts with `_` are partials for `{% include %}` and
`{% import %}`, not documents (the built-ins share `_macros.md.j2`). A template can
extend a built-in one by its full name, `{% extends "builtin/workbook.md.j2" %}`,
and replace its blocks (listed above).

A template may start with a header that `planverk render --list` shows:

```jinja
{#- planverk
description: The steering group's one-page summary.
needs: [events, deadlines]
options: [--group]
-#}
```

### Rules

Templates run in Jinja2's sandbox (`ImmutableSandboxedEnvironment`), with
`trim_blocks` and `lstrip_blocks` on:

- A template reads the variables below and nothing else: no Python internals
  (`__class__` and the like are refused), no files other than templates, and no
  changes to the plan (lists cannot be modified, and of the objects below only
  `Table.pruned()` can be called).
- A name or field that does not exist is an error, not an empty string; so is
  printing an empty value (`None`): test optional fields first, as in
  `{% if event.room %}`.
- Plan text is data, never markup: `{{ event.title }}` prints it escaped as Markdown
  (`<script>` as `\\<script\\>`), and so does whatever a template builds from it:
  joined with `~` or `+`, formatted with `%`, `format` or `.format()`, sliced, walked
  character by character, or changed by a filter (`upper`, `replace`, `truncate`, even
  `safe`) or a method (`.strip()`). Literal text joined to plan text is escaped with it:
  write Markdown around `{{ }}` (`**{{ event.title }}**`), not inside it.
- An error stops rendering and nothing is written. The message names the template
  file and line and the plan item being rendered, e.g.
  `templates/workbook.md.j2:12: the event has no 'titel': did you mean 'title'? ... (while rendering event 'samling-2')`.
- The output is tidied: trailing spaces are removed and runs of blank lines become
  one, so templates can be laid out freely. Markdown that fails a linter (tables
  with uneven rows, more than one top-level heading) is the template's to avoid; the
  built-ins are checked with pymarkdownlnt.
- Dates, times and numbers come out in the plan's language (`nb`, `nn` or `en`)
  through the filters below; `labels` holds the words of the built-in templates.
- Jinja's `random` filter and `lipsum()` are not there: the same plan gives the same bytes.
- A template in `--templates DIR` or the plan's `templates/` that is a link to outside
  its folder is refused, as plan includes are.
- The header is read like a plan file (YAML 1.2, the same bounds); `description` is a
  text, or one per language (`{nb: ..., nn: ..., en: ...}`: `render --list` shows the
  plan's), `needs` and `options` lists of words.

### Limits

A template cannot run away with time or memory. Each document may do at most
5,000,000 steps (each attribute or item read, each call, each number of a `range()`),
build no value longer than 1,000,000 characters or items (`'x' * n`, `center(n)`,
`indent(n)`, format widths, `namespace()` attributes grown in a loop), and grow to at
most 10,000,000 characters. Past a bound rendering stops with an error that names the
template and line, e.g. `templates/x.md.j2:3: the sandbox refused it: 'center' with
3,000,000,000; ...`. Loops over the plan's own lists are bounded by the plan.

planverk's own templates (the built-ins above, and the partials they import) are
planverk's code and run outside the sandbox, without counting steps: they print the
same bytes as they would in it, escape plan text the same way, and stay within the
10,000,000 characters of a document. They do so only while no template folder
(`--templates DIR`, the plan's `templates/`) holds a file of the name of any built-in
template or partial: then every built-in runs in the sandbox, bounded, since a file of
the user's would be part of it. A template of yours, and any built-in it extends or
imports (`builtin/workbook.md.j2`), always runs in the sandbox. The built-ins' compiled
code is kept in planverk's cache folder ([cache.md](cache.md)).
"""

_GOLDEN = """\
## Golden files

`tests/golden/render/` holds each built-in template rendered on each example plan; a test
compares them byte for byte and lints them. When a template or an example plan
changes on purpose, regenerate them, read the diff, and commit it:

<!-- not run: it rewrites the golden files of the test suite -->
```sh
PLANVERK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
git diff tests/golden/render/
```
"""


def _type(annotation: object) -> str:
    text = (
        str(annotation)
        .replace("View", "")
        .replace("TimeRange", "time")
        .replace("PartialDate", "partial date")
    )
    return text.replace(" | ", " or ")


def _md(text: str) -> str:
    """Docstring text as Markdown: reStructuredText's double backticks become single ones."""
    return text.replace("``", "`").replace("|", "&#124;")


def _builtins() -> str:
    """The table of built-in templates, from their headers and blocks."""
    root = builtin_root()
    rows = [
        "## Built-in templates",
        "",
        "| name | what it renders | needs | blocks |",
        "|---|---|---|---|",
    ]
    for info in TemplateFolders([("built-in", root)]).available():
        source = root.joinpath(info.name + SUFFIX).read_text(encoding="utf-8")
        blocks = ", ".join(f"`{b}`" for b in _BLOCK.findall(source))
        needs = ", ".join(f"`{n}`" for n in info.needs)
        rows.append(f"| `{info.name}` | {_md(info.description)} | {needs} | {blocks} |")
    return "\n".join(rows) + "\n"


def templates_markdown() -> str:
    """The whole of docs/templates.md."""
    lines = [_INTRO.replace("{builtins}", _builtins()), "## Variables", ""]
    lines.append(
        "Every template receives the variables of `Context`; the other tables describe the "
        "items they hold. Lists are in the order given; references between items are "
        "resolved (an event's `participants` are people and groups, not ids)."
    )
    lines.append("")
    for view in VIEWS:
        name = view.__name__.removesuffix("View")
        lines += [
            f"### {name}",
            "",
            _md(inspect.getdoc(view) or ""),
            "",
            "| field | type | meaning |",
            "|---|---|---|",
        ]
        for field_name, kind, meaning in members(view):
            lines.append(f"| `{field_name}` | {kind} | {_md(meaning)} |")
        lines.append("")
    lines += [
        "## Filters",
        "",
        "Besides Jinja's own filters, in the document's language:",
        "",
        "| filter | what it does |",
        "|---|---|",
    ]
    for name, function in sorted(template_filters("nb").items()):
        target = getattr(function, "func", function)
        summary = " ".join((inspect.getdoc(target) or "").split("\n\n")[0].split())
        lines.append(f"| `{name}` | {_md(summary)} |")
    lines += [
        "",
        (
            "`date` takes a style: `full` (default), `long`, `medium`, `short` or `month`; "
            "`number` takes a number of decimals; `number`, `money` and `percent` take "
            "`signed=true`. `planverk status` writes its tables by the same rules "
            "(`planverk.formatting`): plain spaces, a hyphen in ranges, at most two decimals."
        ),
        "",
        "## Labels",
        "",
        (
            "`labels` holds the words of the built-in templates in the plan's language; your "
            "templates may use them too."
        ),
        "",
        "| key | nb | nn | en |",
        "|---|---|---|---|",
    ]
    for key, value in LABELS["nb"].items():
        if isinstance(value, dict):
            for sub in value:
                lines.append(
                    f"| `{key}.{sub}` | "
                    + " | ".join(LABELS[lang][key][sub] for lang in ("nb", "nn", "en"))
                    + " |"
                )
        else:
            lines.append(
                f"| `{key}` | "
                + " | ".join(LABELS[lang][key] for lang in ("nb", "nn", "en"))
                + " |"
            )
    lines += ["", _GOLDEN]
    return "\n".join(lines)
