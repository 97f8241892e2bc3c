"""Find templates: ``--templates DIR`` first, then the plan's ``templates/``, then the built-ins.

A template is a file ``NAME.md.j2``; files starting with ``_`` are partials to include or
import, not documents. A template may start with a header comment that ``render --list``
shows::

    {#- planverk
    description: What the document is, in one sentence.
    needs: [events, deadlines]
    options: [--group]
    -#}

``description`` may instead give one sentence per language (``{nb: ..., nn: ..., en:
...}``, as the built-ins do); ``render --list`` shows the plan's.

A template under another folder may extend a built-in through ``builtin/NAME.md.j2``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, PrefixLoader, TemplateNotFound
from jinja2.loaders import split_template_path

from ..errors import TemplateError
from ..i18n import LANGUAGES, Items, tr
from ..load.planfiles import display_path

SUFFIX = ".md.j2"
PLAN_TEMPLATES = "templates"
"""The folder of a plan that holds its own templates."""

_HEADER = re.compile(r"\A\{#-?\s*planverk[ \t]*\n(?P<body>.*?)-?#\}", re.DOTALL)


def builtin_root() -> Traversable:
    """The built-in templates: package data when installed, the checkout's folder when editable."""
    packaged = resources.files("planverk") / "templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if checkout.is_dir():
        return checkout
    raise TemplateError(tr("the built-in templates are missing from this installation: reinstall planverk"))


class FolderLoader(BaseLoader):
    """Loads templates from one folder (a path or package data) and records their files."""

    def __init__(self, root: Traversable, seen: set[str]) -> None:
        self.root = root
        self.seen = seen

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        node = self.root.joinpath(*split_template_path(template))
        if not node.is_file():
            raise TemplateNotFound(template)
        inside(self.root, node)
        filename = str(node)
        self.seen.add(filename)
        return read_template(node), filename, lambda: True

    def list_templates(self) -> list[str]:
        return sorted(
            node.name
            for node in self.root.iterdir()
            if node.is_file() and node.name.endswith(SUFFIX)
        )


def inside(root: Traversable, node: Traversable) -> None:
    """Refuse a template that is a link (or lies in a linked folder) to outside ``root``:
    a template reads only the templates of its folders, as a plan includes only its own files."""
    if not isinstance(root, Path):
        return  # package data: the built-ins, not a folder a user controls
    real = Path(str(node)).resolve()
    if not real.is_relative_to(root.resolve()):
        raise TemplateError(tr(
            "{file} is a link to {target}, outside the template folder {folder}: copy the "
            "template into the folder instead",
            file=display_path(Path(str(node))), target=str(real), folder=display_path(root),
        ))


def read_template(node: Traversable) -> str:
    """A template file's text; a file that is not UTF-8 is a :class:`TemplateError`."""
    try:
        return node.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(tr(
            "{file}: cannot be read as UTF-8 text ({error})", file=display_path(Path(str(node))), error=str(error)
        )) from None


@dataclass(frozen=True)
class TemplateInfo:
    """A template as ``render --list`` shows it."""

    name: str
    origin: str
    """'built-in', 'plan' or '--templates'."""
    filename: str
    description: str = ""
    """What the document is: the header's text, or its English one when it gives one per
    language (``docs/templates.md`` shows that)."""
    needs: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    overrides: str | None = None
    """Where the template of the same name it hides comes from."""
    descriptions: tuple[tuple[str, str], ...] = ()
    """The description per language, ``(("nb", ...), ("nn", ...))``, when the header gives
    one per language."""

    def described(self, language: str) -> str:
        """The description in ``language`` (``nb``, ``nn``, ``en``), else the header's own."""
        return dict(self.descriptions).get(language) or self.description


@dataclass
class TemplateFolders:
    """The folders templates come from, in the order they override each other."""

    folders: list[tuple[str, Traversable]]
    seen: set[str] = field(default_factory=set)
    """Files loaded so far, to tell template frames in tracebacks."""

    @classmethod
    def find(
        cls, plan_dir: Path | None = None, templates_dir: Path | None = None
    ) -> TemplateFolders:
        """``--templates DIR``, then ``PLAN/templates``, then the built-ins."""
        folders: list[tuple[str, Traversable]] = []
        if templates_dir is not None:
            if not templates_dir.is_dir():
                raise TemplateError(tr("--templates {folder} is not a folder", folder=display_path(templates_dir)))
            folders.append(("--templates", templates_dir))
        if plan_dir is not None and (plan_dir / PLAN_TEMPLATES).is_dir():
            folders.append(("plan", plan_dir / PLAN_TEMPLATES))
        folders.append(("built-in", builtin_root()))
        return cls(folders)

    def describe(self) -> Items:
        """The folders, for messages, in the reader's language: '--templates mine,
        plan/templates, built-in' ('innebygd' in Norwegian); the option as typed stays as it is."""
        return Items(tuple(
            tr("built-in") if origin == "built-in"
            else display_path(Path(str(root))) if origin == "plan"
            else f"{origin} {display_path(Path(str(root)))}"
            for origin, root in self.folders
        ), shown=len(self.folders))

    def loader(self) -> BaseLoader:
        """A Jinja loader over the folders; ``builtin/NAME`` always reaches the built-in."""
        loaders = [FolderLoader(root, self.seen) for _, root in self.folders]
        return ChoiceLoader([*loaders, PrefixLoader({"builtin": loaders[-1]})])

    def builtin_alone(self, filename: str) -> bool:
        """Whether ``filename`` is a built-in template and no other folder holds a file
        of the name of any built-in template or partial: the document then reads only
        planverk's own templates (``render`` runs those outside the sandbox, see
        :func:`planverk.render.engine.render_template`)."""
        origin, root = self.folders[-1]
        if origin != "built-in":
            return False
        names = {node.name for node in root.iterdir() if node.name.endswith(".j2")}
        if filename not in names:
            return False
        # Any file of such a name, even one the loader would refuse, keeps the sandbox.
        return not any(other.joinpath(name).exists() for _, other in self.folders[:-1] for name in names)

    def builtin_loader(self) -> BaseLoader:
        """A Jinja loader over the built-in templates alone (see :meth:`builtin_alone`)."""
        return FolderLoader(self.folders[-1][1], self.seen)

    def available(self) -> list[TemplateInfo]:
        """Every document template by name (partials left out), the overriding one first."""
        found: dict[str, TemplateInfo] = {}
        for origin, root in self.folders:
            for filename in FolderLoader(root, set()).list_templates():
                name = filename[: -len(SUFFIX)]
                if name.startswith("_"):
                    continue
                if name in found:
                    if found[name].overrides is None:
                        found[name] = replace(found[name], overrides=origin)
                    continue
                found[name] = _info(name, origin, root, root.joinpath(filename))
        return sorted(found.values(), key=lambda t: t.name)


def _info(name: str, origin: str, root: Traversable, node: Traversable) -> TemplateInfo:
    filename = display_path(Path(str(node)))
    inside(root, node)
    header = read_header(read_template(node), filename)
    description = header.get("description", "")
    languages = description if isinstance(description, dict) else {}
    if languages:  # the English one for docs/templates.md, else the first the header gives
        description = languages.get("en") or next(iter(languages.values()))
    return TemplateInfo(
        name,
        origin,
        filename,
        description.strip(),
        tuple(header.get("needs", ())),
        tuple(header.get("options", ())),
        descriptions=tuple((language, text.strip()) for language, text in languages.items()),
    )


def read_header(source: str, filename: str) -> dict[str, Any]:
    """The ``{#- planverk ... -#}`` header of a template as a mapping (empty when absent).

    It is read by the plan loader, with its YAML 1.2 rules and its bounds (aliases, depth,
    length): ``description`` is a text or a mapping of languages (``nb``, ``nn``, ``en``) to
    texts, ``needs`` and ``options`` lists of texts.
    """
    match = _HEADER.match(source)
    if match is None:
        return {}
    from ..load.yamlsource import SourceMap, parse_text

    body = match.group("body")
    if not body.strip():
        return {}
    loaded = parse_text(body, SourceMap(filename))
    if loaded.findings:
        problem = loaded.findings[0]
        line = problem.position.line + 1 if problem.position else 1
        where = f"{filename}:{line}"
        raise TemplateError(tr("{where}: the planverk header: {problem}", where=where, problem=problem.message))
    header = loaded.data
    if not isinstance(header, dict) or not set(header) <= {"description", "needs", "options"}:
        raise TemplateError(
            tr("{file}: the planverk header is a mapping of description, needs and options", file=filename)
        )
    description = header.get("description", "")
    if not isinstance(description, str) and not (
        isinstance(description, dict) and description and set(description) <= set(LANGUAGES)
        and all(isinstance(v, str) for v in description.values())
    ):
        raise TemplateError(tr(
            "{file}: 'description' in the planverk header is one line of text, or one per language "
            "({{nb: ..., nn: ..., en: ...}})", file=filename,
        ))
    for key in ("needs", "options"):
        value = header.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TemplateError(
                tr("{file}: '{key}' in the planverk header is a list of words, e.g. [events]", file=filename, key=key)
            )
    return header
