"""Plans whose free texts are hostile: each bundled plan copied with every title, name,
place, description, note and step replaced by a numbered text holding Markdown, HTML,
quotes and GitHub's math, to check that every output shows plan text as data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ruamel.yaml import YAML

HOSTILE = " \"q' <zqx onclick=\"y\"> $a$ *b* _c_ `d` [e](f) <i>j</i> ~~k~~ | &amp; \\ $$m$$ #"
"""Each kind of inline markup, quotes and a tag with an event handler; it ends in the '#'
that would close a heading."""

SHOWN = HOSTILE[:49]
"""What must be read back after the marker wherever the text stands (a diff shortens long
values to 57 characters)."""

MARKER = re.compile(r"ZQX\d+(?:x\d+)?")
"""The start of each hostile text: ZQX and its number."""

TEXT_KEYS = {
    "title", "name", "task", "description", "note", "location", "room", "topic", "step",
    "baseline", "measured", "purpose", "ambition", "method", "source", "summary", "scope",
    "justification", "practice", "organisation", "area", "issuer", "delivers", "limits",
}  # fmt: skip


def hostile_copy(plan: Path, target: Path) -> Path:
    """``plan`` copied to ``target`` with each free text replaced by a numbered hostile one."""
    shutil.copytree(plan, target)
    count = 0

    def hostile() -> str:
        nonlocal count
        count += 1
        return f"ZQX{count}{HOSTILE}"

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in TEXT_KEYS and isinstance(value, str):
                    node[key] = hostile()
                elif key in TEXT_KEYS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                    node[key] = [hostile() for _ in value]
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for file in sorted(target.rglob("*.yaml")):
        yaml = YAML()
        data = yaml.load(file.read_text(encoding="utf-8"))
        walk(data)
        with file.open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
    return target
